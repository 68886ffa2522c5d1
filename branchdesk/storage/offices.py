"""SQL of the offices a ledger deals with (DESIGN.md §9, docs/packages.md): the keys it trusts and why, who
owns a scope, what it sent and received. Outside the change log, as the package log and pinned keys are:
no undo may change whose keys a ledger trusts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from branchdesk.domain.packages import Manifest, Sender
from branchdesk.storage.ledger import Ledger


@dataclass(frozen=True)
class PinnedKey:
    ledger_id: str
    public_key: str  # hex
    fingerprint: str
    first_seen: str
    scope_uuid: str | None  # the scope it spoke for when pinned
    successor: str | None  # the ledger_id accepted in its place


@dataclass(frozen=True)
class PinChange:
    """A key trusted otherwise than by a first package: who decided, when and why."""

    change: str  # new_key | successor | trusted
    ledger_id: str
    fingerprint: str
    old_ledger_id: str | None
    old_fingerprint: str | None
    scope_uuid: str | None
    package_uuid: str
    reason: str
    decided_by: str
    at: str


def _pinned(row: dict[str, Any]) -> PinnedKey:
    return PinnedKey(
        row["ledger_id"], row["public_key"], row["fingerprint"], row["first_seen"], row["scope_uuid"],
        row["successor"],
    )  # fmt: skip


def pinned(ledger: Ledger, ledger_id: str) -> PinnedKey | None:
    found = ledger.query("SELECT * FROM pinned_key WHERE ledger_id = ?", (ledger_id,))
    return _pinned(found[0]) if found else None


def pinned_public_key(ledger: Ledger, ledger_id: str) -> bytes | None:
    """The key ``ledger_id`` was pinned to, as read_package asks for it."""
    found = pinned(ledger, ledger_id)
    return None if found is None else bytes.fromhex(found.public_key)


def pinned_keys(ledger: Ledger) -> list[PinnedKey]:
    return [_pinned(row) for row in ledger.query("SELECT * FROM pinned_key ORDER BY first_seen, id")]


def scope_owner(ledger: Ledger, scope_uuid: str) -> PinnedKey | None:
    """The ledger that speaks for ``scope_uuid`` here: the one pinned for it and not succeeded."""
    found = ledger.query(
        "SELECT * FROM pinned_key WHERE scope_uuid = ? AND successor IS NULL ORDER BY id LIMIT 1",
        (scope_uuid,),
    )
    return _pinned(found[0]) if found else None


def pin_sender(ledger: Ledger, sender: Sender) -> None:
    """Trust a sender's key from its first accepted package on, as the owner of its scope; in the caller's
    transaction (or one of its own)."""
    with ledger.transaction():
        ledger.conn.execute(
            "INSERT INTO pinned_key (ledger_id, public_key, fingerprint, first_seen, scope_uuid)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                sender.ledger_id, sender.public_key, sender.fingerprint, ledger.now(),
                None if sender.scope is None else sender.scope.uuid,
            ),
        )  # fmt: skip


def trust_key(
    ledger: Ledger, manifest: Manifest, change: str, old: PinnedKey | None, *, reason: str, decided_by: str
) -> None:
    """Trust the key of ``manifest``'s sender, one transaction: a ``new_key`` replaces the pinned one, a
    ``successor`` is pinned and marked as taking ``old``'s place, a ``trusted`` sender is pinned; the pin
    history keeps the old key, who decided, when and why."""
    sender = manifest.sender
    with ledger.transaction():
        if change == "new_key":
            ledger.conn.execute(
                "UPDATE pinned_key SET public_key = ?, fingerprint = ? WHERE ledger_id = ?",
                (sender.public_key, sender.fingerprint, sender.ledger_id),
            )
        else:
            pin_sender(ledger, sender)
        if change == "successor" and old is not None:
            ledger.conn.execute(
                "UPDATE pinned_key SET successor = ? WHERE ledger_id = ?", (sender.ledger_id, old.ledger_id)
            )
        ledger.conn.execute(
            "INSERT INTO pin_history (change, ledger_id, public_key, fingerprint, old_ledger_id,"
            " old_public_key, old_fingerprint, scope_uuid, package_uuid, reason, decided_by, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                change, sender.ledger_id, sender.public_key, sender.fingerprint,
                None if old is None else old.ledger_id, None if old is None else old.public_key,
                None if old is None else old.fingerprint, None if sender.scope is None else sender.scope.uuid,
                manifest.package_uuid, reason, decided_by, ledger.now(),
            ),
        )  # fmt: skip


def pin_history(ledger: Ledger) -> list[PinChange]:
    return [
        PinChange(
            row["change"],
            row["ledger_id"],
            row["fingerprint"],
            row["old_ledger_id"],
            row["old_fingerprint"],
            row["scope_uuid"],
            row["package_uuid"],
            row["reason"],
            row["decided_by"],
            row["at"],
        )
        for row in ledger.query("SELECT * FROM pin_history ORDER BY id")
    ]


# -- the package log ------------------------------------------------------------------------------------

_APPLIED = "IN ('applied', 'applied_before')"  # the results of a package taken in


def applied_sequence(ledger: Ledger, sender_ledger_id: str) -> int:
    """The last change of ``sender_ledger_id`` this ledger has applied (0: none): what a receipt vouches
    for."""
    return int(
        ledger.scalar(
            "SELECT coalesce(max(to_seq), 0) FROM package_log WHERE direction = 'received'"
            f" AND kind != 'receipt' AND sender_ledger_id = ? AND result {_APPLIED}",
            (sender_ledger_id,),
        )
    )


def sent_package(ledger: Ledger, package_uuid: str) -> dict[str, Any] | None:
    found = ledger.query(
        "SELECT * FROM package_log WHERE direction = 'sent' AND kind != 'receipt' AND package_uuid = ?",
        (package_uuid,),
    )
    return found[0] if found else None


def sent_sequence(ledger: Ledger) -> int:
    """The last change of this ledger any package it sent carried (0: none)."""
    return int(
        ledger.scalar(
            "SELECT coalesce(max(to_seq), 0) FROM package_log WHERE direction = 'sent' AND kind != 'receipt'"
        )
    )


def received(ledger: Ledger, package_uuid: str) -> bool:
    """Whether a package or receipt of this uuid was taken in already."""
    return (
        ledger.scalar(
            "SELECT 1 FROM package_log WHERE direction = 'received' AND package_uuid = ? LIMIT 1",
            (package_uuid,),
        )
        is not None
    )


def log_line(manifest: Manifest, direction_values: dict[str, Any]) -> dict[str, Any]:
    """A package_log line of ``manifest`` (its sender, range and creation), completed by the caller's
    values."""
    sender = manifest.sender
    return {
        "package_uuid": manifest.package_uuid,
        "kind": str(manifest.kind),
        "sender_ledger_id": sender.ledger_id,
        "sender_scope": None if sender.scope is None else sender.scope.uuid,
        "from_seq": manifest.from_seq,
        "to_seq": manifest.to_seq,
        "previous_package": manifest.previous_package,
        "fingerprint": sender.fingerprint,
        "created_at": manifest.created_at,
        **direction_values,
    }


def last_line(ledger: Ledger, direction: str, *, receipts: bool) -> dict[str, Any] | None:
    """The newest package (or receipt) sent or received."""
    kind = "kind = 'receipt'" if receipts else "kind != 'receipt'"
    found = ledger.query(
        f"SELECT * FROM package_log WHERE direction = ? AND {kind} ORDER BY id DESC LIMIT 1", (direction,)
    )
    return found[0] if found else None


def last_applied_by_scope(ledger: Ledger) -> dict[str, dict[str, Any]]:
    """Per sender scope uuid, the newest package applied from it (its date, signer and creation)."""
    rows = ledger.query(
        "SELECT * FROM package_log p WHERE id = (SELECT max(id) FROM package_log q"
        " WHERE q.direction = 'received' AND q.kind != 'receipt' AND q.sender_scope = p.sender_scope"
        f" AND q.result {_APPLIED})"
    )
    return {row["sender_scope"]: row for row in rows}
