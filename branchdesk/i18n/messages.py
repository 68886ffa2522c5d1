"""Texts of the errors raised below the UI, by code (DESIGN.md §6)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from branchdesk.domain.errors import BranchDeskError
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP

CONTEXT = "Messages"

MESSAGES: dict[str, str] = {
    "ledger.missing": QT_TRANSLATE_NOOP("Messages", "The ledger file {path} does not exist."),
    "ledger.exists": QT_TRANSLATE_NOOP(
        "Messages", "The file {path} already exists. Choose another name, or allow overwriting it."
    ),
    "ledger.not_a_file": QT_TRANSLATE_NOOP("Messages", "{path} is a folder, not a ledger file."),
    "ledger.cannot_write": QT_TRANSLATE_NOOP("Messages", "{path} cannot be written: {reason}"),
    "ledger.is_open": QT_TRANSLATE_NOOP(
        "Messages", "{path} is the ledger open in this window; choose another name for the new ledger."
    ),
    "error.unexpected": QT_TRANSLATE_NOOP(
        "Messages", "Something unexpected went wrong ({reason}). Your ledger was not changed by it."
    ),
    "backup.failed": QT_TRANSLATE_NOOP("Messages", "The backup of {path} failed: {reason}"),
    "backup.cancelled": QT_TRANSLATE_NOOP("Messages", "The backup was cancelled; nothing was kept of it."),
    "backup.damaged": QT_TRANSLATE_NOOP(
        "Messages", "The backup {path} is damaged and cannot be restored. Choose another one."
    ),
    "ledger.folder_missing": QT_TRANSLATE_NOOP("Messages", "The folder {path} does not exist."),
    "ledger.not_a_ledger": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a BranchDesk ledger. It was left unchanged."
    ),
    "ledger.newer_version": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was saved by a newer BranchDesk (ledger version {file_version}; this program reads up to "
        "version {app_version}). Please update BranchDesk. The file was left unchanged.",
    ),
    "ledger.damaged": QT_TRANSLATE_NOOP(
        "Messages", "{path} is damaged and cannot be read. It was left unchanged; restore it from a backup."
    ),
    "ledger.locked": QT_TRANSLATE_NOOP(
        "Messages", "{path} is in use by another program. Close that program and try again."
    ),
    "ledger.read_only": QT_TRANSLATE_NOOP("Messages", "{path} is read-only; changes cannot be saved."),
    "ledger.needs_upgrade_read_only": QT_TRANSLATE_NOOP(
        "Messages", "{path} is from an older BranchDesk and must be upgraded, which needs write access."
    ),
    "ledger.disk_full": QT_TRANSLATE_NOOP(
        "Messages", "The disk holding {path} is full. Nothing was changed; free some space and try again."
    ),
    "ledger.cannot_open": QT_TRANSLATE_NOOP("Messages", "{path} cannot be opened: {reason}"),
    "ledger.migration_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "Upgrading {path} to ledger version {version} failed ({reason}). The file was left as it was.",
    ),
    "region.not_found": QT_TRANSLATE_NOOP("Messages", "No region is named “{query}”."),
    "region.ambiguous": QT_TRANSLATE_NOOP(
        "Messages", "“{query}” names several regions: {candidates}. Give the path or the official code."
    ),
    "region.none": QT_TRANSLATE_NOOP("Messages", "This ledger has no regions yet."),
    "region.choose_one": QT_TRANSLATE_NOOP(
        "Messages", "This ledger has several top regions ({candidates}); name one."
    ),
    "date.invalid": QT_TRANSLATE_NOOP("Messages", "“{value}” is not a date; write it as YYYY-MM-DD."),
    "month.invalid": QT_TRANSLATE_NOOP("Messages", "“{value}” is not a month; write it as YYYY-MM."),
    "half_year.invalid": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not a half-year; write it as YYYY-H1 or YYYY-H2."
    ),
    "demo.clock_too_early": QT_TRANSLATE_NOOP(
        "Messages",
        "The computer's date ({today}) is before the programme began; the demo needs {earliest} or later.",
    ),
    "demo.unknown_scale": QT_TRANSLATE_NOOP("Messages", "Unknown scale “{scale}”; choose one of {choices}."),
    "pairing.organ_already_paired": QT_TRANSLATE_NOOP(
        "Messages", "This organ branch already has an active pairing; pairing is strictly one-to-one."
    ),
    "pairing.grassroots_already_paired": QT_TRANSLATE_NOOP(
        "Messages", "This grassroots branch already has an active pairing; pairing is strictly one-to-one."
    ),
    "pairing.wrong_sides": QT_TRANSLATE_NOOP(
        "Messages", "A pairing links an organ branch with a village, community or grid branch."
    ),
    "row.missing": QT_TRANSLATE_NOOP("Messages", "The record no longer exists; it may have been removed."),
    "row.foreign_key": QT_TRANSLATE_NOOP(
        "Messages", "The change would leave a record pointing to a record that does not exist."
    ),
    "row.constraint": QT_TRANSLATE_NOOP("Messages", "The change breaks a rule of the ledger: {reason}"),
    "undo.nothing": QT_TRANSLATE_NOOP("Messages", "There is nothing to undo for this action."),
    "undo.conflict": QT_TRANSLATE_NOOP(
        "Messages",
        "“{subject}” has changed since this action, so the action cannot be undone. Nothing was changed.",
    ),
    "check.integrity": QT_TRANSLATE_NOOP("Messages", "The file's structure is damaged: {detail}"),
    "check.application_id": QT_TRANSLATE_NOOP("Messages", "The file is not marked as a BranchDesk ledger."),
    "check.foreign_key": QT_TRANSLATE_NOOP("Messages", "A record points to a missing record: {detail}"),
    "check.pairing_sides": QT_TRANSLATE_NOOP(
        "Messages", "A pairing does not link an organ branch with a grassroots branch: {detail}"
    ),
    "check.activity_outside_pairing": QT_TRANSLATE_NOOP(
        "Messages", "An activity lies outside its pairing's dates: {detail}"
    ),
}


def message_text(code: str, **params: object) -> str:
    """The message for ``code`` in the current language, placeholders filled."""
    source = MESSAGES.get(code)
    if source is None:
        # A code without a text is a programming error; still show something useful rather than crash.
        return f"{code} {params}"
    return QCoreApplication.translate(CONTEXT, source).format(**params)


def error_text(error: BranchDeskError) -> str:
    return message_text(error.code, **error.params)
