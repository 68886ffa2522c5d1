"""The rows of an import that make pairing agreements (结对共建协议): the agreement of a pairing, its targets
and each target's progress entries, held to the rules of the agreement dialog (domain.agreements).

A row names its pairing by uuid (an export) or as the lists' items do (the grassroots branch, its region,
the organ branch); a target its agreement by uuid or by that pairing, and a progress entry its target by
uuid or by the pairing and the target's text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from branchdesk.domain import cells
from branchdesk.domain.agreements import Agreement as AgreementRecord
from branchdesk.domain.agreements import Progress, Target, check_agreement, target_problems
from branchdesk.domain.enums import BranchKind
from branchdesk.domain.errors import BranchDeskError, InvalidRecordError

if TYPE_CHECKING:
    from branchdesk.services.imports import _Session

D = TypeVar("D")  # how a row's day is read: a date, or a day not after today as ISO text

# The field of the sheet each broken rule of a target concerns (target_problems names ``targets.0.<x>``).
_TARGET_FIELDS = {"name": "name", "number": "number", "due_on": "due_on", "progress": "value"}


def agreement(s: _Session) -> None:
    signed = s.date("signed_on")
    s.need(signed, "signed_on")
    fields = ("uuid", "organ_liaison", "organ_phone", "grassroots_liaison", "grassroots_phone", "review")
    texts = {field: s.text(field) for field in fields}
    pairing = None if signed is None else s.soft(lambda: s.pairing_on(signed))
    s.settle()
    assert signed is not None
    assert pairing is not None
    record = AgreementRecord(
        dt.date.fromisoformat(signed),
        organ_phone=texts["organ_phone"] or "",
        grassroots_phone=texts["grassroots_phone"] or "",
    )
    try:
        check_agreement(record, s.today)
    except InvalidRecordError as error:
        s.faults += [BranchDeskError(p.code, field=p.field, **p.params) for p in error.problems]
    values = {"pairing_id": pairing["id"], "signed_on": signed, **texts}
    agreements = s.index("agreement")
    # One agreement a pairing: a second row for it (another uuid) is the same agreement.
    existing = agreements.by_uuid.get(texts["uuid"] or "") or agreements.by_key.get((pairing["id"],))
    if existing is not None and s.update:
        _check_signing_moved(s, existing, signed)
    s.duplicate(existing)
    s.write("agreement", existing, values)


def _check_signing_moved(s: _Session, existing: dict[str, Any], signed: str) -> None:
    """An update may not move the signing after a target's due date (the schema's rule)."""
    due = [t for t in s.index("agreement_target").by_group.get(existing["id"], ()) if t["due_on"] < signed]
    if due:
        params = {"target": due[0]["name"], "due": due[0]["due_on"], "signed": signed}
        raise BranchDeskError("agreement.target_before_signing", field="signed_on", **params)


def _named_agreement(s: _Session) -> dict[str, Any]:
    """The agreement of the pairing a row names: by uuid, or the pairing of the named grassroots branch
    (its region and organ branch narrowing it) that has one; of several, the pairing still active."""
    found = s.uuid_ref("agreement", "agreement_uuid")
    if found is not None:
        return found
    agreements, branches, pairings = s.index("agreement"), s.index("branch"), s.index("pairing")
    name, named = s.named_grassroots()
    organ = s.text("organ")
    candidates = [
        pairing
        for row in named
        if BranchKind(row["kind"]).is_grassroots
        for pairing in pairings.by_grassroots.get(row["id"], ())
        if (pairing["id"],) in agreements.by_key
        and (organ is None or branches.by_id[pairing["organ_id"]]["name"] == organ)
    ]
    if len(candidates) > 1:
        candidates = [pairing for pairing in candidates if pairing["ended_on"] is None] or candidates
    if not candidates:
        raise BranchDeskError("import.no_agreement", field="grassroots", name=name)
    if len(candidates) > 1:
        raise BranchDeskError("import.ambiguous", field="grassroots", value=name, count=len(candidates))
    return agreements.by_key[(candidates[0]["id"],)]


class _Entry(NamedTuple, Generic[D]):
    """The cells a target's row and a progress entry's row share, each row read and checked whole."""

    day: D  # the target's due date, the progress entry's day
    number: float | None
    text: str | None  # the target's unit, the entry's note
    uuid: str | None
    of: dict[str, Any]  # the agreement of the target, the target of the entry


def _entry(
    s: _Session,
    day: str,
    read_day: Callable[[str], D | None],
    number: str,
    text: str,
    of: Callable[[], dict[str, Any]],
) -> _Entry[D]:
    """Read a row's day (required), number, text and uuid, and find the row it belongs to; the row is
    refused, with every cell's problem, if any has one."""
    value = read_day(day)
    s.need(value, day)
    amount = s.cell(number, cells.decimal)
    note, uuid = s.text(text), s.text("uuid")
    found = s.soft(of)
    s.settle()
    assert value is not None
    assert found is not None
    return _Entry(value, amount, note, uuid, found)


def target(s: _Session) -> None:
    name = s.required("name")
    read = _entry(s, "due_on", s.day, "number", "unit", lambda: _named_agreement(s))
    assert name is not None
    signed = read.of
    _target_rules(s, signed, Target(name, read.number, read.text or "", read.day))
    values = {
        "uuid": read.uuid,
        "agreement_id": signed["id"],
        # in the order read: the sheet lists an agreement's targets in their order
        "position": len(s.index("agreement_target").by_group.get(signed["id"], ())),
        "name": name,
        "number": read.number,
        "unit": read.text,
        "due_on": read.day.isoformat(),
    }
    s.save("agreement_target", values)


def _target_rules(s: _Session, signed: dict[str, Any], draft: Target) -> None:
    """Hold a target, or a progress entry of one, to the rules of the agreement ``signed``."""
    for problem in target_problems(dt.date.fromisoformat(signed["signed_on"]), [draft], s.today):
        field = _TARGET_FIELDS[problem.field.rsplit(".", 1)[-1]]
        s.faults.append(BranchDeskError(problem.code, field=field, **problem.params))
    s.settle()


def _named_target(s: _Session) -> dict[str, Any]:
    found = s.uuid_ref("agreement_target", "target_uuid")
    if found is not None:
        return found
    name = s.text("target")
    if name is None:
        raise BranchDeskError("import.required", field="target")
    found = s.index("agreement_target").by_key.get((_named_agreement(s)["id"], name))
    if found is None:
        raise BranchDeskError("import.not_found", field="target", value=name)
    return found


def progress(s: _Session) -> None:
    read = _entry(s, "recorded_on", s.date, "value", "note", lambda: _named_target(s))
    found = read.of
    entry = Progress(dt.date.fromisoformat(read.day), read.number, read.text or "")
    draft = Target(found["name"], None, "", dt.date.fromisoformat(found["due_on"]), (entry,))
    _target_rules(s, s.index("agreement").by_id[found["agreement_id"]], draft)
    values = {
        "uuid": read.uuid,
        "target_id": found["id"],
        "recorded_on": read.day,
        "value": read.number,
        "note": read.text,
    }
    s.save("target_progress", values)
