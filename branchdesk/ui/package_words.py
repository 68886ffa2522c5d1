"""The words the package dialogs use for what a package holds: the programme's records by kind, in the order
a package lists them, and a package's counts as one line ("党支部 3 条、活动 20 条")."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from branchdesk.i18n.language import format_count
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP

TABLES: dict[str, str] = {
    "region": QT_TRANSLATE_NOOP("PackageWords", "Regions"),
    "unit": QT_TRANSLATE_NOOP("PackageWords", "Units"),
    "branch": QT_TRANSLATE_NOOP("PackageWords", "Branches"),
    "draw": QT_TRANSLATE_NOOP("PackageWords", "Draws"),
    "key_task": QT_TRANSLATE_NOOP("PackageWords", "Key tasks"),
    "pairing": QT_TRANSLATE_NOOP("PackageWords", "Pairings"),
    "activity": QT_TRANSLATE_NOOP("PackageWords", "Activities"),
    "activity_area": QT_TRANSLATE_NOOP("PackageWords", "Activity areas"),
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
