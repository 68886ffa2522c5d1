"""The change log as a hash chain (DESIGN.md §10): each entry carries the SHA-256 of the entry before it and
its own content, so no entry can be changed, removed or slipped in without the chain breaking from there
on. Check names the first broken link; packages carry the chain's head, so an office that received it can
tell whether the history it was sent has been rewritten since.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

# The link before the first entry.
GENESIS = "0" * 64
_FIELD = "\x1f"  # unit separator: never in JSON, uuids or codes
_LINK = "\x1e"  # record separator, between the previous link and the content


@dataclass(frozen=True)
class Entry:
    """What a change-log entry's link covers: the entry and the user action it belongs to."""

    id: int
    operation_id: int
    operation_uuid: str
    action: str
    at: str  # when the action was taken: backdating it breaks the chain too
    entity: str
    entity_uuid: str
    change: str
    before: str | None  # the JSON as stored
    after: str | None

    def content(self) -> str:
        return content(
            self.id, self.operation_id, self.operation_uuid, self.action, self.at, self.entity,
            self.entity_uuid, self.change, self.before, self.after,
        )  # fmt: skip


def content(
    entry_id: int,
    operation_id: int,
    operation_uuid: str,
    action: str,
    at: str,
    entity: str,
    entity_uuid: str,
    change: str,
    before: str | None,
    after: str | None,
) -> str:
    """What an entry's link covers, from its fields in Entry's order (as a function too: an import links
    hundreds of thousands of entries, and making a frozen Entry of each was a good part of logging them)."""
    return _FIELD.join(
        (
            str(entry_id),
            str(operation_id),
            operation_uuid,
            action,
            at,
            entity,
            entity_uuid,
            change,
            before or "",  # JSON is never empty: '' stands for no value
            after or "",
        )
    )


def linker(
    previous: str | None, operation_id: int, operation_uuid: str, action: str, at: str
) -> Callable[[int, str, str, str, str | None, str | None], str]:
    """Links the entries of one operation one after another, from ``previous``: each call gives what
    ``link(previous, content(...))`` gives for the next entry (its id, entity, entity uuid, change, before,
    after), with the operation's part of the content joined once and each link's text in one join (an
    import links hundreds of thousands of entries)."""
    last = previous or ""
    facts = _FIELD + _FIELD.join((str(operation_id), operation_uuid, action, at)) + _FIELD
    sha256 = hashlib.sha256

    def next_link(
        entry_id: int, entity: str, entity_uuid: str, change: str, before: str | None, after: str | None
    ) -> str:
        nonlocal last
        text = "".join(
            (last, _LINK, str(entry_id), facts, entity, _FIELD, entity_uuid, _FIELD, change, _FIELD,
             before or "", _FIELD, after or "")
        )  # fmt: skip
        last = sha256(text.encode("utf-8")).hexdigest()
        return last

    return next_link


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def link(previous: str | None, content: str) -> str:
    """An entry's link from the one before it (None: a link missing, as after a foreign program's write)."""
    return sha256_hex((previous or "") + _LINK + content)


@dataclass(frozen=True)
class ChainHead:
    """The last entry's id and link: what a package carries."""

    seq: int
    sha256: str
