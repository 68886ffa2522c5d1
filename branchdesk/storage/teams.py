"""SQL of village work teams (schema.py MIGRATION_WORK_TEAMS, domain/teams.py): teams and members of a
region, a month's days per member, and the rule's aggregate (the shortfall list and ``stats`` ``teams``).

A member counts in a month when their service shares a day with it; a team and its members count in the
region of the team's grassroots branch, descendants included, as pairings do (storage/stats.py).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

from branchdesk.domain.months import Month
from branchdesk.domain.teams import ROLE_ORDER, ROLES, DayMark, MemberMonth, MonthDays
from branchdesk.storage.ledger import Ledger
from branchdesk.storage.regions import region_label, region_label_key, scope_sql

_OPEN_END = "'9999-12-31'"
# The month's parts below are shared with the published snapshot's queries (storage/publish.py).
# Members whose service shares a day with the month :first … :last, in the teams of the scope's branches.
SERVING = f"""
    FROM scope JOIN branch b ON b.region_id = scope.id
    JOIN work_team t ON t.branch_id = b.id
    JOIN team_member m ON m.team_id = t.id
         AND m.from_on <= :last AND coalesce(m.to_on, {_OPEN_END}) >= :first
    LEFT JOIN team_days d ON d.member_id = m.id AND d.month = :month
"""
# The days of the month the member served (from and to included), as domain.teams.serving_days.
_LAST_SERVED = "julianday(min(coalesce(m.to_on, :last), :last))"
_SERVED = f"(CAST({_LAST_SERVED} - julianday(max(m.from_on, :first)) AS INTEGER) + 1)"
# What the rule asks (domain.teams.required_days): its share of :min_days, rounded up, at most the days
# served.
REQUIRED = f"min({_SERVED}, (:min_days * {_SERVED} + :length - 1) / :length)"
COUNTED = "(coalesce(d.present, 0) + coalesce(d.business, 0))"
ROLE_RANK = (
    "CASE m.role " + " ".join(f"WHEN '{role}' THEN {rank}" for rank, role in enumerate(ROLE_ORDER)) + " END"
)


def _month_params(region_id: int, month: Month, min_days: int) -> dict[str, Any]:
    return {
        "region": region_id,
        "month": str(month),
        "first": month.first_day.isoformat(),
        "last": month.last_day.isoformat(),
        "length": month.last_day.day,
        "min_days": min_days,
    }


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def month_members(
    ledger: Ledger,
    region_id: int,
    month: Month,
    min_days: int,
    *,
    below_only: bool = False,
    team_id: int | None = None,
) -> list[MemberMonth]:
    """The members serving in ``month`` in the region (or one team), by township, branch, team, role and
    name, each with the month's days and what the rule asks of them."""
    conditions = []
    if below_only:
        conditions.append(f"{COUNTED} < {REQUIRED}")
    if team_id is not None:
        conditions.append("t.id = :team")
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    cursor = ledger.conn.execute(
        f"""
        WITH RECURSIVE {scope_sql(False)}
        SELECT m.id, m.name, m.phone, m.role, m.sending_unit, b.name AS branch,
               {region_label("r", "pr")} AS region, m.from_on, m.to_on, d.marks, d.reasons, {REQUIRED}
        {SERVING}
        JOIN region r ON r.id = b.region_id LEFT JOIN region pr ON pr.id = r.parent_id
        {where}
        ORDER BY {region_label_key("r", "pr")}, b.name_key, t.id, {ROLE_RANK}, m.name, m.id
        """,
        {**_month_params(region_id, month, min_days), "team": team_id},
    )
    # Tuples, not dicts, and the days read only when shown: a township's grid opens at its query's speed.
    return [_member_month(month, *row) for row in cursor]


def _member_month(
    month: Month,
    member_id: int,
    name: str,
    phone: str,
    role: str,
    unit: str | None,
    branch: str,
    region: str,
    from_on: str,
    to_on: str | None,
    marks: str | None,
    reasons: str | None,
    required: int,
) -> MemberMonth:
    return MemberMonth(
        member_id, name, phone, ROLES[role], unit, branch, region, dt.date.fromisoformat(from_on),
        None if to_on is None else dt.date.fromisoformat(to_on), month, marks, reasons or "{}", required,
    )  # fmt: skip


def rule_figures_sql(direct: bool) -> str:
    """Members serving in the month :month (:first … :last, :length days) in the scope, and those below
    the rule of :min_days days (parameters as ``_month_params`` gives them)."""
    return f"""
        WITH RECURSIVE {scope_sql(direct)}
        SELECT count(*) AS members, coalesce(sum({COUNTED} < {REQUIRED}), 0) AS below
        {SERVING}
        """


def rule_figures(
    ledger: Ledger, region_id: int, month: Month, min_days: int, *, direct: bool = False
) -> tuple[int, int]:
    """(members serving in the month, those below the rule) in the region (``direct``: its own branches
    only): one aggregate query."""
    row = ledger.query(rule_figures_sql(direct), _month_params(region_id, month, min_days))[0]
    return int(row["members"]), int(row["below"])


# -- teams and members ---------------------------------------------------------------------------------


def teams_in(ledger: Ledger, region_id: int) -> list[dict[str, Any]]:
    """The teams of the region's grassroots branches, newest first per branch, with their sending unit and
    how many members serve today."""
    return ledger.query(
        f"""
        WITH RECURSIVE {scope_sql(False)}
        SELECT t.*, b.name AS branch, {region_label("r", "pr")} AS region, u.name AS unit,
               (SELECT count(*) FROM team_member m WHERE m.team_id = t.id
                AND m.from_on <= :today AND coalesce(m.to_on, {_OPEN_END}) >= :today) AS serving
        FROM scope JOIN branch b ON b.region_id = scope.id JOIN work_team t ON t.branch_id = b.id
        JOIN region r ON r.id = b.region_id LEFT JOIN region pr ON pr.id = r.parent_id
        LEFT JOIN unit u ON u.id = t.unit_id
        ORDER BY {region_label_key("r", "pr")}, b.name_key, t.started_on DESC, t.id
        """,
        {"region": region_id, "today": ledger.clock.today().isoformat()},
    )


def branches_without_team(ledger: Ledger, region_id: int) -> list[dict[str, Any]]:
    """The region's grassroots branches (not archived) that have no open team, by township and name."""
    return ledger.query(
        f"""
        WITH RECURSIVE {scope_sql(False)}
        SELECT b.id, b.name, {region_label("r", "pr")} AS region
        FROM scope JOIN branch b ON b.region_id = scope.id
        JOIN region r ON r.id = b.region_id LEFT JOIN region pr ON pr.id = r.parent_id
        WHERE b.kind <> 'organ' AND b.archived_on IS NULL
          AND NOT EXISTS (SELECT 1 FROM work_team t WHERE t.branch_id = b.id AND t.ended_on IS NULL)
        ORDER BY {region_label_key("r", "pr")}, b.name_key
        """,
        {"region": region_id},
    )


def units(ledger: Ledger) -> list[dict[str, Any]]:
    return ledger.query("SELECT id, name FROM unit ORDER BY name_key, id")


def team(ledger: Ledger, team_id: int) -> dict[str, Any] | None:
    found = ledger.query(
        "SELECT t.*, b.name AS branch, b.kind AS branch_kind, u.name AS unit FROM work_team t"
        " JOIN branch b ON b.id = t.branch_id LEFT JOIN unit u ON u.id = t.unit_id WHERE t.id = ?",
        (team_id,),
    )
    return found[0] if found else None


def open_team_of(ledger: Ledger, branch_id: int, except_id: int | None = None) -> dict[str, Any] | None:
    found = ledger.query(
        "SELECT * FROM work_team WHERE branch_id = ? AND ended_on IS NULL AND id IS NOT ?",
        (branch_id, except_id),
    )
    return found[0] if found else None


def paired_unit(ledger: Ledger, branch_id: int, day: dt.date) -> int | None:
    """The unit of the organ branch paired with ``branch_id`` on ``day``: who usually sends its team."""
    found = ledger.scalar(
        "SELECT o.unit_id FROM pairing p JOIN branch o ON o.id = p.organ_id WHERE p.grassroots_id = :branch"
        f" AND p.started_on <= :day AND coalesce(p.ended_on, {_OPEN_END}) >= :day",
        {"branch": branch_id, "day": day.isoformat()},
    )
    return None if found is None else int(found)


def members_of(ledger: Ledger, team_id: int) -> list[dict[str, Any]]:
    return ledger.query(
        "SELECT * FROM team_member m WHERE m.team_id = ?"
        f" ORDER BY m.to_on IS NOT NULL, {ROLE_RANK}, m.from_on, m.id",
        (team_id,),
    )


def member(ledger: Ledger, member_id: int) -> dict[str, Any] | None:
    return ledger.row("team_member", member_id)


def overlapping_member(
    ledger: Ledger, phone: str, from_on: dt.date, to_on: dt.date | None, except_id: int | None
) -> dict[str, Any] | None:
    """Another membership of the same person (phone) sharing a day with ``from_on`` … ``to_on``, with the
    branch of its team, or None."""
    found = ledger.query(
        f"""
        SELECT m.*, b.name AS branch FROM team_member m
        JOIN work_team t ON t.id = m.team_id JOIN branch b ON b.id = t.branch_id
        WHERE m.phone = :phone AND m.id IS NOT :except
          AND m.from_on <= coalesce(:to_on, {_OPEN_END}) AND coalesce(m.to_on, {_OPEN_END}) >= :from_on
        ORDER BY m.from_on LIMIT 1
        """,
        {
            "phone": phone,
            "except": except_id,
            "from_on": from_on.isoformat(),
            "to_on": None if to_on is None else to_on.isoformat(),
        },
    )
    return found[0] if found else None


def memberships_of_phone(ledger: Ledger, phone: str) -> list[dict[str, Any]]:
    """Every membership of one person (phone), with the branch of its team, in the order served."""
    return ledger.query(
        "SELECT m.*, b.name AS branch FROM team_member m JOIN work_team t ON t.id = m.team_id"
        " JOIN branch b ON b.id = t.branch_id WHERE m.phone = ? ORDER BY m.from_on, m.id",
        (phone,),
    )


def last_month_with_days(ledger: Ledger) -> str | None:
    found = ledger.scalar("SELECT max(month) FROM team_days")
    return None if found is None else str(found)


def months_with_days(ledger: Ledger, member_id: int) -> list[dict[str, Any]]:
    return ledger.query("SELECT * FROM team_days WHERE member_id = ? ORDER BY month", (member_id,))


def _by_member(
    ledger: Ledger, sql: str, member_ids: Iterable[int], *params: Any
) -> dict[int, dict[str, Any]]:
    """Rows of ``sql`` (``{marks}``: the ids) by their member, one query per 500 members."""
    ids = list(member_ids)
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in ledger.query(sql.format(marks=", ".join("?" for _ in chunk)), (*params, *chunk)):
            found[row["member_id"]] = row
    return found


def members(ledger: Ledger, member_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Who the members are and when they serve: what their days are checked against."""
    sql = "SELECT id AS member_id, name, from_on, to_on FROM team_member WHERE id IN ({marks})"
    return _by_member(ledger, sql, member_ids)


def days_rows(ledger: Ledger, member_ids: Iterable[int], month: Month) -> dict[int, dict[str, Any]]:
    """The stored rows of ``month`` of these members, by member."""
    return _by_member(
        ledger, "SELECT * FROM team_days WHERE month = ? AND member_id IN ({marks})", member_ids, str(month)
    )


def days_values(days: MonthDays) -> dict[str, Any]:
    """A member's month as the table stores it."""
    return {
        "month": str(days.month),
        "marks": days.text(),
        # Most months have no leave: their "{}" is not worth an encoder's call per member.
        "reasons": json.dumps(days.stored_reasons(), ensure_ascii=False) if days.reasons else "{}",
        "present": days.count(DayMark.PRESENT),
        "leave": days.count(DayMark.LEAVE),
        "business": days.count(DayMark.BUSINESS),
        "absent": days.count(DayMark.ABSENT),
    }


# -- writing (inside the caller's Ledger.operation) ----------------------------------------------------


def branch(ledger: Ledger, branch_id: int) -> dict[str, Any] | None:
    return ledger.row("branch", branch_id)


def insert_team(ledger: Ledger, values: dict[str, Any]) -> int:
    return ledger.insert("work_team", values)


def update_team(ledger: Ledger, team_id: int, values: dict[str, Any]) -> None:
    ledger.update("work_team", team_id, values)


def insert_member(ledger: Ledger, values: dict[str, Any]) -> int:
    return ledger.insert("team_member", values)


def update_member(ledger: Ledger, member_id: int, values: dict[str, Any]) -> None:
    ledger.update("team_member", member_id, values)


def delete_member(ledger: Ledger, member_id: int) -> None:
    """A member and the days entered for them."""
    for stored in months_with_days(ledger, member_id):
        ledger.delete("team_days", stored["id"])
    ledger.delete("team_member", member_id)


def write_months(
    ledger: Ledger, months: Mapping[int, MonthDays], stored: Mapping[int, dict[str, Any]]
) -> None:
    """Members' months as ``months`` says (``stored``: their rows as read in this operation): added,
    changed (all at once: a township's grid), or removed when nothing is entered any more."""
    changed = []
    for member_id, days in months.items():
        row = stored.get(member_id)
        if row is None:
            if not days.is_empty():
                ledger.insert("team_days", {"member_id": member_id, **days_values(days)})
        elif days.is_empty():
            ledger.delete("team_days", row["id"])
        else:
            # The month stays as it is, and with it the indexes on it: not rewritten for nothing.
            values = days_values(days)
            del values["month"]
            changed.append((row, values))
    ledger.update_read("team_days", changed)
