"""An import's rejected and skipped rows in words, for the CLI, the window and the saved report."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from branchdesk.domain.imports import ImportReport
from branchdesk.exchange.ledger_import import header_of, sheet_label
from branchdesk.i18n.language import format_count
from branchdesk.i18n.messages import message_text

ReportLine = tuple[str, int, str, str]


def report_lines(report: ImportReport) -> list[ReportLine]:
    """Rejected rows, then rows already in the ledger: sheet, row, column and reason, in words."""
    return [
        (
            sheet_label(problem.kind),
            problem.row,
            header_of(problem),
            message_text(problem.code, **problem.params),
        )
        for problem in (*report.problems, *report.duplicates)
    ]


def count_lines(report: ImportReport) -> list[str]:
    """One line per sheet: rows read, added, updated, already in the ledger, rejected."""
    return [
        QCoreApplication.translate(
            "ImportReport",
            "{sheet}: {read} read, {added} added, {updated} updated, {skipped} already there, "
            "{rejected} rejected",
        ).format(
            sheet=sheet_label(kind),
            read=format_count(counts.read),
            added=format_count(counts.added),
            updated=format_count(counts.updated),
            skipped=format_count(counts.duplicates),
            rejected=format_count(counts.rejected),
        )
        for kind, counts in report.counts.items()
    ]
