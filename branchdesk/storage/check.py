"""Integrity checks: SQLite's own, foreign keys, and every rule of the ledger (domain.rules), row by row."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Callable
from enum import StrEnum

from branchdesk.domain.chain import GENESIS, Entry, link
from branchdesk.domain.enums import (
    ActivityType,
    Area,
    BranchKind,
    EndReason,
    ItemKind,
    ItemStatus,
    PairingMethod,
    RegionLevel,
    Tier,
    UnitLevel,
)
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.records import Problem
from branchdesk.domain.rules import Rule
from branchdesk.domain.teams import Role
from branchdesk.storage.ledger import DAMAGED, Ledger, primary_code
from branchdesk.storage.schema import APPLICATION_ID

# The full check's stages, for a progress display: SQLite's integrity check, foreign keys, ledger rules.
STAGES = 3

# How a finding names its rows: a pairing by its two branches and its dates, as the Pairings tab shows them.
_LABEL = "g.name || ' ← ' || o.name"
_SPAN = "p.started_on || '–' || coalesce(p.ended_on, '…')"
_PAIRING = f"{_LABEL} AS pairing, {_SPAN} AS span"
_SIDES = "pairing p JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id"
_OPEN_END = "'9999-12-31'"


def _overlap(side: str) -> str:
    """Pairings of one branch on ``side`` that share a day; each pair once, by pairing_organ/_grassroots."""
    branch = "o" if side == "organ_id" else "g"
    return f"""
        SELECT {branch}.name AS branch, {_PAIRING}, qg.name || ' ← ' || qo.name AS other,
               q.started_on || '–' || coalesce(q.ended_on, '…') AS other_span
        FROM {_SIDES}
        JOIN pairing q ON q.{side} = p.{side} AND q.id > p.id
             AND q.started_on <= coalesce(p.ended_on, {_OPEN_END})
             AND coalesce(q.ended_on, {_OPEN_END}) >= p.started_on
        JOIN branch qo ON qo.id = q.organ_id JOIN branch qg ON qg.id = q.grassroots_id
    """


def _outside_life(branch: str) -> str:
    """Pairings outside the life of their organ (``o``) or grassroots (``g``) branch (domain.rules)."""
    return f"""
        SELECT {_PAIRING}, {branch}.name AS branch, coalesce({branch}.established_on, '—') AS established,
               coalesce({branch}.archived_on, '—') AS archived
        FROM {_SIDES}
        WHERE p.started_on < {branch}.established_on
           OR coalesce(p.ended_on, {_OPEN_END}) > {branch}.archived_on
    """


def _unknown_value(column: str, values: type[StrEnum]) -> str:
    """``column`` holds a value the programme does not know, written as the ranges between the known
    values: an index led by the column seeks them instead of reading every row. Numbers sort before text
    and blobs after it, so they fall in the outer ranges; NULL, where the schema allows it, is no value."""
    known = sorted(value.value for value in values)
    ranges = [f"{column} < '{known[0]}'", f"{column} > '{known[-1]}'"]
    ranges += [f"({column} > '{low}' AND {column} < '{high}')" for low, high in itertools.pairwise(known)]
    return "(" + " OR ".join(ranges) + ")"


def _unknown(row: str, table: str, checks: list[tuple[str, type[StrEnum]]]) -> str:
    return " UNION ALL ".join(
        f"SELECT {row} AS row, CAST({column} AS TEXT) AS value FROM {table}"
        f" WHERE {_unknown_value(column, values)}"
        for column, values in checks
    )


_ACTIVITY_ROW = f"a.held_on || ' ' || {_LABEL}"
_OF_ACTIVITY = (
    "JOIN pairing p ON p.id = a.pairing_id"
    " JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id"
)
_ACTIVITY_SIDES = f"activity a {_OF_ACTIVITY}"
_OF_AGREEMENT = (
    "JOIN pairing p ON p.id = x.pairing_id"
    " JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id"
)

# One query per rule; each result row is one finding, its columns the message's parameters.
QUERIES: dict[Rule, str] = {
    Rule.PAIRING_SIDES: f"SELECT {_PAIRING} FROM {_SIDES} WHERE o.kind <> 'organ' OR g.kind = 'organ'",
    Rule.PAIRING_OVERLAP: _overlap("organ_id") + " UNION ALL " + _overlap("grassroots_id"),
    Rule.PAIRING_OUTSIDE_LIFE: _outside_life("o") + " UNION ALL " + _outside_life("g"),
    # pairing_started and pairing_ended find the few rows past today.
    Rule.PAIRING_IN_FUTURE: f"""
        SELECT {_PAIRING}, :today AS today FROM {_SIDES} WHERE p.started_on > :today
        UNION ALL
        SELECT {_PAIRING}, :today AS today FROM {_SIDES} WHERE p.ended_on > :today AND p.started_on <= :today
    """,
    # Per pairing, its activities by activity_pairing_type_held: an index walk, never the activity table.
    Rule.ACTIVITY_OUTSIDE_PAIRING: f"""
        SELECT a.held_on, {_PAIRING} FROM {_ACTIVITY_SIDES}
        WHERE a.held_on < p.started_on OR a.held_on > coalesce(p.ended_on, {_OPEN_END})
    """,
    # activity_month starts with held_on: the range past today.
    Rule.ACTIVITY_IN_FUTURE: f"""
        SELECT a.held_on, {_LABEL} AS pairing, :today AS today FROM {_ACTIVITY_SIDES} WHERE a.held_on > :today
    """,
    # The activities with an attendance that does not add up (domain.attendance.check_attendance), found
    # through indexes: the numbers in activity_month, the named absentees per activity in their own index,
    # the make-up dates in activity_make_up (an activity breaking two of these is named once).
    Rule.ATTENDANCE: " UNION ".join(
        f"""
        SELECT a.held_on, {_LABEL} AS pairing, coalesce(a.expected, '—') AS expected,
               coalesce(a.present, '—') AS present,
               (SELECT count(*) FROM activity_absentee n WHERE n.activity_id = a.id) AS named,
               -- by rowid: activity_month, which covers the rest, holds no make-up date
               coalesce((SELECT m.make_up_on FROM activity m WHERE m.id = a.id), '—') AS make_up
        FROM {source} {_OF_ACTIVITY} WHERE {broken}
        """
        for source, broken in (
            (
                "activity a INDEXED BY activity_month",
                "(a.expected IS NULL) <> (a.present IS NULL) OR a.expected < 1 OR a.present > a.expected",
            ),
            (
                "(SELECT activity_id, count(*) AS named FROM activity_absentee GROUP BY activity_id) x"
                " JOIN activity a ON a.id = x.activity_id",
                "a.expected IS NULL OR x.named <> a.expected - a.present",
            ),
            (
                "activity a INDEXED BY activity_make_up",
                "a.make_up_on IS NOT NULL"
                " AND (a.make_up_on < a.held_on OR a.expected IS NULL OR a.present >= a.expected)",
            ),
        )
    ),
    # Per key task, its activities before and after its half-year, ranges of activity_key_task.
    Rule.KEY_TASK_HALF_YEAR: " UNION ALL ".join(
        f"""
        SELECT a.held_on, {_LABEL} AS pairing, k.name AS task, k.half_year
        FROM key_task k CROSS JOIN activity a ON a.key_task_id = k.id {_OF_ACTIVITY}
        WHERE a.held_on {side} substr(k.half_year, 1, 4) || CASE substr(k.half_year, 7) {days}
        """
        for side, days in (
            ("<", "WHEN '1' THEN '-01-01' ELSE '-07-01' END"),
            (">", "WHEN '1' THEN '-06-30' ELSE '-12-31' END"),
        )
    ),
    # Per agreement, its targets by agreement_target_agreement.
    Rule.TARGET_BEFORE_SIGNING: f"""
        SELECT {_LABEL} AS pairing, t.name AS target, t.due_on, x.signed_on
        FROM agreement x JOIN agreement_target t ON t.agreement_id = x.id {_OF_AGREEMENT}
        WHERE t.due_on < x.signed_on
    """,
    # agreement_signed, then each target's progress by target_progress_target (its days past today).
    Rule.AGREEMENT_IN_FUTURE: f"""
        SELECT {_LABEL} AS pairing, x.signed_on AS day, :today AS today
        FROM agreement x {_OF_AGREEMENT} WHERE x.signed_on > :today
        UNION ALL
        SELECT {_LABEL} AS pairing, v.recorded_on AS day, :today AS today
        FROM target_progress v JOIN agreement_target t ON t.id = v.target_id
        JOIN agreement x ON x.id = t.agreement_id {_OF_AGREEMENT} WHERE v.recorded_on > :today
    """,
    Rule.TEAM_GRASSROOTS: """
        SELECT b.name AS branch, t.started_on FROM work_team t JOIN branch b ON b.id = t.branch_id
        WHERE b.kind NOT IN ('village', 'community', 'grid')
    """,
    # Per phone, its memberships by team_member_phone.
    Rule.TEAM_MEMBER_OVERLAP: f"""
        SELECT m.name, m.phone, mb.name AS branch, qb.name AS other,
               m.from_on || '–' || coalesce(m.to_on, '…') AS span,
               q.from_on || '–' || coalesce(q.to_on, '…') AS other_span
        FROM team_member m JOIN team_member q ON q.phone = m.phone AND q.id > m.id
             AND q.from_on <= coalesce(m.to_on, {_OPEN_END}) AND coalesce(q.to_on, {_OPEN_END}) >= m.from_on
        JOIN work_team mt ON mt.id = m.team_id JOIN branch mb ON mb.id = mt.branch_id
        JOIN work_team qt ON qt.id = q.team_id JOIN branch qb ON qb.id = qt.branch_id
    """,
    Rule.TEAM_MEMBER_OUTSIDE_TEAM: f"""
        SELECT m.name, b.name AS branch, m.from_on || '–' || coalesce(m.to_on, '…') AS span,
               t.started_on || '–' || coalesce(t.ended_on, '…') AS team_span
        FROM team_member m JOIN work_team t ON t.id = m.team_id JOIN branch b ON b.id = t.branch_id
        WHERE m.from_on < t.started_on OR coalesce(m.to_on, {_OPEN_END}) > coalesce(t.ended_on, {_OPEN_END})
    """,
    # The first and last day with a mark: the marks' length without the blanks before and after them.
    Rule.TEAM_DAYS_OUTSIDE_MEMBER: f"""
        SELECT m.name, d.month, m.from_on || '–' || coalesce(m.to_on, '…') AS span
        FROM team_days d JOIN team_member m ON m.id = d.member_id
        WHERE rtrim(d.marks, '-') <> ''
          AND (d.month || '-' || printf('%02d', length(d.marks) - length(ltrim(d.marks, '-')) + 1) < m.from_on
               OR d.month || '-' || printf('%02d', length(rtrim(d.marks, '-')))
                  > coalesce(m.to_on, {_OPEN_END}))
    """,
    # branch_region_name groups the active namesakes of each region without sorting.
    Rule.DUPLICATE_NAME: """
        SELECT b.name, r.name AS region, count(*) AS count
        FROM branch b JOIN region r ON r.id = b.region_id
        WHERE b.archived_on IS NULL GROUP BY b.region_id, b.name HAVING count(*) > 1
    """,
    # The few regions that are no township, then their branches by branch_region_kind.
    Rule.GRASSROOTS_TOWNSHIP: """
        SELECT b.name, r.name AS region FROM region r CROSS JOIN branch b ON b.region_id = r.id
        WHERE r.level <> 'township' AND b.kind <> 'organ'
    """,
    Rule.GRID_COMMUNITY: """
        SELECT b.name, r.name AS region, coalesce(c.name, '—') AS community
        FROM branch b JOIN region r ON r.id = b.region_id LEFT JOIN branch c ON c.id = b.community_id
        WHERE b.kind = 'grid'
          AND (c.id IS NULL OR c.kind IS NOT 'community' OR c.region_id IS NOT b.region_id)
    """,
    Rule.ORGAN_UNIT: """
        SELECT b.name, r.name AS region FROM branch b JOIN region r ON r.id = b.region_id
        WHERE (b.kind = 'organ') <> (b.unit_id IS NOT NULL)
           OR (b.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unit u WHERE u.id = b.unit_id))
    """,
    Rule.STAR_RATING: """
        SELECT b.name, r.name AS region, s.year, s.stars, s.rated_on, :today AS today
        FROM star_rating s JOIN branch b ON b.id = s.branch_id JOIN region r ON r.id = b.region_id
        WHERE b.kind = 'organ' OR s.rated_on < s.year || '-01-01' OR s.rated_on > :today
    """,
    Rule.HALFYEAR_SUMMARY: """
        SELECT r.name AS region, s.half_year, s.frozen_on, :today AS today
        FROM halfyear_summary s JOIN region r ON r.id = s.region_id
        WHERE s.frozen_on > :today
           OR s.frozen_on < substr(s.half_year, 1, 4) || CASE substr(s.half_year, 7) WHEN '1' THEN '-01-01'
                                                          ELSE '-07-01' END
    """,
    # The few projects' links, by plan_item_need and plan_item_resource.
    Rule.PLAN_ITEM_LINKS: " UNION ALL ".join(
        f"""
        SELECT i.title, {_LABEL} AS pairing FROM plan_item i JOIN plan_item x ON x.id = i.{column}
        JOIN pairing p ON p.id = i.pairing_id JOIN branch o ON o.id = p.organ_id
        JOIN branch g ON g.id = p.grassroots_id
        WHERE i.{column} IS NOT NULL
          AND (x.kind <> '{kind}' OR x.pairing_id <> i.pairing_id OR i.kind <> 'project')
        """
        for column, kind in (("need_id", "need"), ("resource_id", "resource"))
    ),
    # plan_item_opened and plan_item_done find the few past today.
    Rule.PLAN_ITEM_IN_FUTURE: " UNION ".join(
        f"""
        SELECT i.title, {_LABEL} AS pairing, i.{column} AS day, :today AS today
        FROM plan_item i JOIN pairing p ON p.id = i.pairing_id JOIN branch o ON o.id = p.organ_id
        JOIN branch g ON g.id = p.grassroots_id WHERE i.{column} > :today
        """
        for column in ("opened_on", "done_on")
    ),
    Rule.KNOWN_VALUES: " UNION ALL ".join(
        (
            _unknown("name", "region", [("level", RegionLevel)]),
            _unknown("name", "unit", [("level", UnitLevel)]),
            _unknown("name", "branch", [("kind", BranchKind), ("tier", Tier)]),
            _unknown(
                _LABEL,
                _SIDES,
                [
                    ("p.method", PairingMethod),
                    ("p.organ_tier", Tier),
                    ("p.grassroots_tier", Tier),
                    ("p.end_reason", EndReason),
                ],
            ),
            # Without statistics the planner reckons the type's ranges dearer than a whole index read.
            _unknown(
                _ACTIVITY_ROW,
                f"activity a INDEXED BY activity_type_held {_OF_ACTIVITY}",
                [("a.type", ActivityType)],
            ),
            _unknown(
                _ACTIVITY_ROW,
                f"activity_area x JOIN activity a ON a.id = x.activity_id {_OF_ACTIVITY}",
                [("x.area", Area)],
            ),
            _unknown("name", "team_member", [("role", Role)]),
            _unknown("i.title", "plan_item i", [("i.kind", ItemKind), ("i.status", ItemStatus)]),
        )
    ),
}


def check(ledger: Ledger, *, quick: bool, progress: Callable[[int], None] | None = None) -> list[Problem]:
    """Problems found; an empty list means healthy. ``quick`` skips the slower full scans.

    ``progress(stages_done)`` is called as each stage ends; ``ledger.interrupt()`` from another thread
    cancels with ``check.cancelled``. A file that cannot be read just now (another program holds it, a
    disk error) raises its own error: that is no finding about the file's health.
    """
    try:
        return _check(ledger, quick, progress or (lambda done: None))
    except sqlite3.Error as error:
        if primary_code(error) == sqlite3.SQLITE_INTERRUPT:
            raise BranchDeskError("check.cancelled") from None
        raise ledger.error(error) from None


def _check(ledger: Ledger, quick: bool, progress: Callable[[int], None]) -> list[Problem]:
    problems: list[Problem] = []
    pragma = "quick_check" if quick else "integrity_check"
    try:
        messages = [row[0] for row in ledger.conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as error:
        if primary_code(error) not in DAMAGED:
            raise  # locked, interrupted, I/O: see check()
        # Damage bad enough that SQLite cannot even walk the file: that is the finding.
        return [Problem("check.integrity", str(error))]
    if messages != ["ok"]:
        problems.extend(Problem("check.integrity", message) for message in messages[:20])
    if ledger.scalar("PRAGMA application_id") != APPLICATION_ID:
        problems.append(Problem("check.application_id", str(ledger.scalar("PRAGMA application_id"))))
    progress(1)
    if quick or problems:
        # A file with broken structure gives no trustworthy answer to the finer questions.
        return problems
    for table, rowid, parent, _ in ledger.conn.execute("PRAGMA foreign_key_check").fetchall()[:20]:
        problems.append(Problem("check.foreign_key", f"{table} #{rowid} → {parent}"))
    progress(2)
    broken = broken_link(ledger)
    if broken is not None:
        problems.append(broken)
    problems.extend(rule_problems(ledger))
    progress(3)
    return problems


def rule_problems(ledger: Ledger) -> list[Problem]:
    """Every row that breaks a rule of the ledger, rule by rule in the list's order."""
    today = ledger.clock.today().isoformat()
    found: list[Problem] = []
    for rule in Rule:
        sql = QUERIES[rule]
        params = {"today": today} if ":today" in sql else {}
        found.extend(Problem(rule.value, "", row) for row in ledger.query(sql, params))
    return found


def broken_link(ledger: Ledger) -> Problem | None:
    """The first change-log entry whose link does not follow from the entry before it and its own content
    (domain/chain.py): an entry changed, removed or slipped in by another program since."""
    cursor = ledger.conn.execute(
        "SELECT c.id, c.operation_id, o.uuid, o.action, o.at, c.entity, c.entity_uuid, c.change, c.before,"
        " c.after, c.chain FROM change_log c LEFT JOIN operation o ON o.id = c.operation_id ORDER BY c.id"
    )
    previous_id, previous = 0, GENESIS
    for row_id, operation_id, operation, action, at, entity, owner, change, before, after, chain in cursor:
        # An operation row gone (another program's doing) leaves its part of the content empty.
        entry = Entry(
            row_id,
            operation_id,
            operation or "",
            action or "",
            at or "",
            entity,
            owner,
            change,
            before,
            after,
        )
        if entry.id != previous_id + 1:
            return Problem("check.chain_gap", "", {"id": entry.id, "missing": entry.id - previous_id - 1})
        if chain != link(previous, entry.content()):
            return Problem("check.chain_broken", "", {"id": entry.id, "at": entry.at or "—"})
        previous_id, previous = entry.id, chain
    return None
