"""SQL of pairing agreements (domain/agreements.py): one per pairing, its targets and their progress."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from branchdesk.domain.agreements import Agreement, Progress, Target
from branchdesk.storage.ledger import Ledger


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def agreement_of(ledger: Ledger, pairing_id: int) -> Agreement | None:
    """The pairing's agreement with its targets (in their order) and each one's progress (by day, then
    in the order entered)."""
    return agreements_of(ledger, [pairing_id]).get(pairing_id)


def agreements_of(ledger: Ledger, pairing_ids: Sequence[int]) -> dict[int, Agreement]:
    """The agreements of these pairings (those that have one), by pairing, read in three queries."""
    listed = json.dumps(sorted(set(pairing_ids)))
    chosen = "SELECT value FROM json_each(:pairings)"
    rows = ledger.query(f"SELECT * FROM agreement WHERE pairing_id IN ({chosen})", {"pairings": listed})
    of_agreements = f"SELECT id FROM agreement WHERE pairing_id IN ({chosen})"
    progress: dict[int, list[Progress]] = {}
    for entry in ledger.query(
        "SELECT v.* FROM target_progress v JOIN agreement_target t ON t.id = v.target_id"
        f" WHERE t.agreement_id IN ({of_agreements}) ORDER BY v.target_id, v.recorded_on, v.id",
        {"pairings": listed},
    ):
        progress.setdefault(entry["target_id"], []).append(
            Progress(_date(entry["recorded_on"]), entry["value"], entry["note"] or "", entry["id"])
        )
    targets: dict[int, list[Target]] = {}
    for target in ledger.query(
        f"SELECT * FROM agreement_target WHERE agreement_id IN ({of_agreements})"
        " ORDER BY agreement_id, position, id",
        {"pairings": listed},
    ):
        targets.setdefault(target["agreement_id"], []).append(
            Target(
                target["name"],
                target["number"],
                target["unit"] or "",
                _date(target["due_on"]),
                tuple(progress.get(target["id"], ())),
                target["id"],
            )
        )
    return {
        row["pairing_id"]: Agreement(
            signed_on=_date(row["signed_on"]),
            organ_liaison=row["organ_liaison"] or "",
            organ_phone=row["organ_phone"] or "",
            grassroots_liaison=row["grassroots_liaison"] or "",
            grassroots_phone=row["grassroots_phone"] or "",
            review=row["review"] or "",
            targets=tuple(targets.get(row["id"], ())),
            id=row["id"],
            pairing_id=row["pairing_id"],
        )
        for row in rows
    }


def _text(value: str) -> str | None:
    return value.strip() or None


def _agreement_columns(pairing_id: int, agreement: Agreement) -> dict[str, Any]:
    return {
        "pairing_id": pairing_id,
        "signed_on": agreement.signed_on.isoformat(),
        "organ_liaison": _text(agreement.organ_liaison),
        "organ_phone": _text(agreement.organ_phone),
        "grassroots_liaison": _text(agreement.grassroots_liaison),
        "grassroots_phone": _text(agreement.grassroots_phone),
        "review": _text(agreement.review),
    }


def save(ledger: Ledger, pairing_id: int, agreement: Agreement) -> int:
    """Make the pairing's agreement ``agreement``: rows kept by id are updated (their uuids stay, so packages
    and History follow them), new ones inserted, those left out deleted (a target with its progress).
    Inside the caller's operation. The order keeps the schema's rule at every step: a signing moved later
    is written after the targets, one moved earlier before them."""
    columns = _agreement_columns(pairing_id, agreement)
    stored = ledger.query("SELECT id, signed_on FROM agreement WHERE pairing_id = ?", (pairing_id,))
    if not stored:
        agreement_id = ledger.insert("agreement", columns)
        _save_targets(ledger, agreement_id, agreement.targets)
        return agreement_id
    agreement_id = int(stored[0]["id"])
    later = agreement.signed_on.isoformat() > stored[0]["signed_on"]
    if not later:
        ledger.update("agreement", agreement_id, columns)
    _save_targets(ledger, agreement_id, agreement.targets)
    if later:
        ledger.update("agreement", agreement_id, columns)
    return agreement_id


def _left_out(
    ledger: Ledger, table: str, parent: tuple[str, int], rows: Sequence[Target | Progress]
) -> list[int]:
    """The ids of ``table``'s rows under ``parent`` (its column and id) that ``rows`` no longer name."""
    kept = {row.id for row in rows if row.id is not None}
    stored = ledger.conn.execute(f"SELECT id FROM {table} WHERE {parent[0]} = ? ORDER BY id", (parent[1],))
    return [row_id for (row_id,) in stored.fetchall() if row_id not in kept]


def _save_targets(ledger: Ledger, agreement_id: int, targets: Sequence[Target]) -> None:
    for target_id in _left_out(ledger, "agreement_target", ("agreement_id", agreement_id), targets):
        _save_progress(ledger, target_id, ())
        ledger.delete("agreement_target", target_id)
    for position, target in enumerate(targets):
        columns = {
            "agreement_id": agreement_id,
            "position": position,
            "name": target.name.strip(),
            "number": target.number,
            "unit": _text(target.unit),
            "due_on": target.due_on.isoformat(),
        }
        if target.id is None:
            target_id = ledger.insert("agreement_target", columns)
        else:
            target_id = target.id
            ledger.update("agreement_target", target_id, columns)
        _save_progress(ledger, target_id, target.progress)


def _save_progress(ledger: Ledger, target_id: int, entries: Sequence[Progress]) -> None:
    for entry_id in _left_out(ledger, "target_progress", ("target_id", target_id), entries):
        ledger.delete("target_progress", entry_id)
    for entry in entries:
        columns = {
            "target_id": target_id,
            "recorded_on": entry.recorded_on.isoformat(),
            "value": entry.value,
            "note": _text(entry.note),
        }
        if entry.id is None:
            ledger.insert("target_progress", columns)
        else:
            ledger.update("target_progress", entry.id, columns)


def target_ids_of(ledger: Ledger, agreement_id: int) -> set[int]:
    return {
        row_id
        for (row_id,) in ledger.conn.execute(
            "SELECT id FROM agreement_target WHERE agreement_id = ?", (agreement_id,)
        )
    }


def progress_ids_of(ledger: Ledger, agreement_id: int) -> set[int]:
    return {
        row_id
        for (row_id,) in ledger.conn.execute(
            "SELECT v.id FROM target_progress v JOIN agreement_target t ON t.id = v.target_id"
            " WHERE t.agreement_id = ?",
            (agreement_id,),
        )
    }
