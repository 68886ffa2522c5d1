"""The words the package dialogs use: the programme's records by kind, in the order a package lists them, a
package's counts as one line ("党支部 3 条、活动 20 条"), what a dry run found for each line and why, and a
record's fields as History names them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from branchdesk.domain.package_merge import Outcome, Rejection
from branchdesk.domain.packages import MEDIA, Manifest, PackageKind
from branchdesk.i18n.language import format_count
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.ui.history_text import field_label, value_text

TABLES: dict[str, str] = {
    "region": QT_TRANSLATE_NOOP("PackageWords", "Regions"),
    "unit": QT_TRANSLATE_NOOP("PackageWords", "Units"),
    "branch": QT_TRANSLATE_NOOP("PackageWords", "Branches"),
    "draw": QT_TRANSLATE_NOOP("PackageWords", "Draws"),
    "key_task": QT_TRANSLATE_NOOP("PackageWords", "Key tasks"),
    "pairing": QT_TRANSLATE_NOOP("PackageWords", "Pairings"),
    "activity": QT_TRANSLATE_NOOP("PackageWords", "Activity records"),
    "activity_area": QT_TRANSLATE_NOOP("PackageWords", "Activity areas"),
    "activity_absentee": QT_TRANSLATE_NOOP("PackageWords", "Absentees"),
    "photo": QT_TRANSLATE_NOOP("PackageWords", "Activity photos"),
    "agreement": QT_TRANSLATE_NOOP("PackageWords", "Pairing agreements"),
    "agreement_target": QT_TRANSLATE_NOOP("PackageWords", "Agreement targets"),
    "target_progress": QT_TRANSLATE_NOOP("PackageWords", "Target progress"),
    "star_rating": QT_TRANSLATE_NOOP("PackageWords", "Star ratings"),
    "plan_item": QT_TRANSLATE_NOOP("PackageWords", "List items"),
    "plan_item_activity": QT_TRANSLATE_NOOP("PackageWords", "List items' activities"),
    "plan_item_photo": QT_TRANSLATE_NOOP("PackageWords", "Photos of ticked-off list items"),
    "work_team": QT_TRANSLATE_NOOP("PackageWords", "Work teams"),
    "team_member": QT_TRANSLATE_NOOP("PackageWords", "Work team members"),
    "team_days": QT_TRANSLATE_NOOP("PackageWords", "Members' months of days"),
    "halfyear_summary": QT_TRANSLATE_NOOP("PackageWords", "Half-year summaries"),
    "photo_image": QT_TRANSLATE_NOOP("PackageWords", "Photo thumbnails"),
    MEDIA: QT_TRANSLATE_NOOP("PackageWords", "Photo files"),
}


def table_name(table: str) -> str:
    """A kind of record by its name; one this version does not know, by its table."""
    source = TABLES.get(table)
    return table if source is None else QCoreApplication.translate("PackageWords", source)


def counts_text(counts: Mapping[str, int]) -> str:
    """Each kind's count, in the package's order, the kinds without any left out."""
    order = list(TABLES)
    tables = sorted(
        (table for table, count in counts.items() if count),
        key=lambda table: order.index(table) if table in order else len(order),
    )
    parts = [
        QCoreApplication.translate("PackageWords", "{kind} {count}").format(
            kind=table_name(table), count=format_count(counts[table])
        )
        for table in tables
    ]
    return QCoreApplication.translate("PackageWords", ", ").join(parts)


OUTCOMES: dict[Outcome, str] = {
    Outcome.NEW: QT_TRANSLATE_NOOP("PackageWords", "New"),
    Outcome.UPDATED: QT_TRANSLATE_NOOP("PackageWords", "Updated"),
    Outcome.UNCHANGED: QT_TRANSLATE_NOOP("PackageWords", "Unchanged"),
    Outcome.APPLIED_BEFORE: QT_TRANSLATE_NOOP("PackageWords", "Imported before"),
    Outcome.MERGED: QT_TRANSLATE_NOOP("PackageWords", "Merged with this ledger's"),
    Outcome.CONFLICT: QT_TRANSLATE_NOOP("PackageWords", "Conflict"),
    Outcome.REJECTED: QT_TRANSLATE_NOOP("PackageWords", "Rejected"),
}
REASONS: dict[Rejection, str] = {
    Rejection.OUTSIDE_SCOPE: QT_TRANSLATE_NOOP(
        "PackageWords", "Not the sender's to change: it belongs to another office"
    ),
    Rejection.UNKNOWN_REFERENCE: QT_TRANSLATE_NOOP(
        "PackageWords", "Refers to a record neither this ledger nor the package holds"
    ),
    Rejection.LOCKED_MONTH: QT_TRANSLATE_NOOP(
        "PackageWords", "In a month this ledger has locked: unlock the month first"
    ),
    Rejection.BROKEN_RULE: QT_TRANSLATE_NOOP(
        "PackageWords",
        "Breaks a rule of the ledger: the same record is here under another entry, a member would be on"
        " two teams at once, or a target is due before its agreement was signed",
    ),
    Rejection.GAP: QT_TRANSLATE_NOOP(
        "PackageWords", "Changes are missing before this package: ask the sender for a new package"
    ),
}
# What became of a package, as exchange/package_import.PackageResult says it.
RESULTS: dict[str, str] = {
    "applied": QT_TRANSLATE_NOOP("PackageWords", "Imported"),
    "applied_before": QT_TRANSLATE_NOOP("PackageWords", "Imported before: nothing new"),
    "refused": QT_TRANSLATE_NOOP("PackageWords", "Refused: ask the sender for a new package"),
    "dry_run": QT_TRANSLATE_NOOP("PackageWords", "Checked, not imported yet"),
    "not_applied": QT_TRANSLATE_NOOP("PackageWords", "Not imported: conflicts to settle"),
}
KINDS: dict[PackageKind, str] = {
    PackageKind.DELTA: QT_TRANSLATE_NOOP("PackageWords", "changes no. {first} to {last}"),
    PackageKind.FULL: QT_TRANSLATE_NOOP("PackageWords", "every record (full package)"),
    PackageKind.SEED: QT_TRANSLATE_NOOP("PackageWords", "seed package"),
    PackageKind.RECEIPT: QT_TRANSLATE_NOOP(
        "PackageWords", "receipt: it has this ledger's changes up to no. {last}"
    ),
}


def outcome_name(outcome: Outcome) -> str:
    return QCoreApplication.translate("PackageWords", OUTCOMES[outcome])


def reason_text(reason: Rejection) -> str:
    return QCoreApplication.translate("PackageWords", REASONS[reason])


def result_text(result: str) -> str:
    source = RESULTS.get(result)
    return result if source is None else QCoreApplication.translate("PackageWords", source)


def kind_text(manifest: Manifest) -> str:
    return QCoreApplication.translate("PackageWords", KINDS[manifest.kind]).format(
        first=manifest.from_seq, last=manifest.to_seq
    )


def office_name(manifest: Manifest) -> str:
    """The office a package comes from: its region's path (a ledger without one: its id)."""
    sender = manifest.sender
    return sender.ledger_id if sender.scope is None else sender.scope.path


def column_label(table: str, column: str) -> str:
    """A column as packages name it (a reference ``x_uuid``) by the name History gives it."""
    stored = column.removesuffix("_uuid") + "_id" if column.endswith("_uuid") and column != "uuid" else column
    return field_label(table, stored)


def cell_text(table: str, column: str, row: Mapping[str, Any] | None, names: Mapping[str, str]) -> str:
    """One field of a record as a package carries it, as a person reads it: a reference by the name of the
    record it refers to."""
    if row is None:
        return QCoreApplication.translate("PackageWords", "(deleted)")
    value = row.get(column)
    if column.endswith("_uuid") and isinstance(value, str):
        return names.get(value, QCoreApplication.translate("PackageWords", "(a record not named here)"))
    return value_text(table, column, value, {})
