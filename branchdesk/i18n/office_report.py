"""``package status`` in words: this ledger's place in the chain, the offices below it and the keys it
trusts (services/offices.py)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from branchdesk.domain.months import Month
from branchdesk.i18n.language import format_count, format_date, format_month, format_rate
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.services.offices import LastPackage, OfficeRollup

_CONTEXT = "OfficeReport"
KINDS = {
    "seed": QT_TRANSLATE_NOOP("OfficeReport", "seed package"),
    "delta": QT_TRANSLATE_NOOP("OfficeReport", "changes package"),
    "full": QT_TRANSLATE_NOOP("OfficeReport", "full package"),
    "receipt": QT_TRANSLATE_NOOP("OfficeReport", "receipt"),
}
KEY_CHANGES = {
    "new_key": QT_TRANSLATE_NOOP("OfficeReport", "{date}: new key {fingerprint} of {scope} replaced {old}"),
    "successor": QT_TRANSLATE_NOOP(
        "OfficeReport", "{date}: ledger {fingerprint} accepted for {scope} in place of {old}"
    ),
    "trusted": QT_TRANSLATE_NOOP("OfficeReport", "{date}: key {fingerprint} of {scope} trusted"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def _day(moment: str, language: str) -> str:
    """The day of a moment as the file keeps it (2022-05-19T09:00:00+08:00)."""
    return format_date(dt.date.fromisoformat(moment[:10]), language)


def _package(package: LastPackage | None, language: str) -> str:
    if package is None:
        return QCoreApplication.translate("OfficeReport", "none")
    return QCoreApplication.translate(
        "OfficeReport", "{date}, {kind}, key {fingerprint}, complete to {complete_to}"
    ).format(
        date=format_date(package.received_on, language),
        kind=_tr(KINDS.get(package.kind, package.kind)),
        fingerprint=package.fingerprint,
        complete_to="—" if package.complete_to is None else format_date(package.complete_to, language),
    )


def _sequences(rollup: OfficeRollup) -> str:
    """How far this ledger's changes go and how far the office above has them ("up to no. 0" read as if
    the office above had acknowledged something)."""
    if not rollup.acknowledged_sequence:
        return QCoreApplication.translate(
            "OfficeReport", "Changes recorded up to no. {last}; the office above has acknowledged none yet"
        ).format(last=format_count(rollup.last_sequence))
    return QCoreApplication.translate(
        "OfficeReport",
        "Changes recorded up to no. {last}; the office above has acknowledged up to no. {acknowledged}",
    ).format(last=format_count(rollup.last_sequence), acknowledged=format_count(rollup.acknowledged_sequence))


def office_lines(rollup: OfficeRollup, language: str) -> list[str]:
    lines = [
        QCoreApplication.translate(
            "OfficeReport", "This ledger: {scope}, key fingerprint {fingerprint}"
        ).format(scope="—" if rollup.scope is None else rollup.scope.path, fingerprint=rollup.fingerprint),
        _sequences(rollup),
        QCoreApplication.translate("OfficeReport", "Last package sent: {package}").format(
            package=_package(rollup.last_sent, language)
        ),
        QCoreApplication.translate("OfficeReport", "Last receipt received: {package}").format(
            package=_package(rollup.last_receipt, language)
        ),
        QCoreApplication.translate("OfficeReport", "Last package received: {package}").format(
            package=_package(rollup.last_received, language)
        ),
    ]
    if rollup.offices:
        month = rollup.offices[0].figures.month
        lines.append(
            QCoreApplication.translate(
                "OfficeReport", "Offices below ({month}; stale: no package for more than {days} days):"
            ).format(month=format_month(month.year, month.month, language), days=rollup.stale_days)
        )
    for row in rollup.offices:
        figures = row.figures
        line = QCoreApplication.translate(
            "OfficeReport",
            "{name}: coverage {coverage}, optimisation {optimisation}, themed Party days {compliance}, "
            "{activities} activities; last package: {package}",
        ).format(
            name=row.region.name,
            coverage=format_rate(figures.grassroots_coverage.percent),
            optimisation=format_rate(figures.optimisation.percent),
            compliance=format_rate(figures.compliance.percent),
            activities=format_count(figures.activities.count),
            package=_package(row.last_package, language),
        )
        if row.stale:
            line += QCoreApplication.translate("OfficeReport", " — STALE")
        if row.clock_behind:
            line += QCoreApplication.translate(
                "OfficeReport", " — it arrived after this computer's today: check the computer's date"
            )
        lines.append("  " + line)
    lines.append(
        QCoreApplication.translate("OfficeReport", "Trusted keys:")
        if rollup.pinned_keys
        else QCoreApplication.translate("OfficeReport", "Trusted keys: none yet")
    )
    for key in rollup.pinned_keys:
        lines.append(
            "  "
            + QCoreApplication.translate("OfficeReport", "{fingerprint}: {scope}, since {date}").format(
                fingerprint=key.fingerprint,
                scope=rollup.scope_path(key.scope_uuid) or key.ledger_id,
                date=_day(key.first_seen, language),
            )
            + (
                ""
                if key.successor is None
                else QCoreApplication.translate("OfficeReport", " (replaced by a successor ledger)")
            )
        )
    for change in rollup.key_history:
        lines.append(
            "  "
            + _tr(KEY_CHANGES[change.change]).format(
                date=_day(change.at, language),
                fingerprint=change.fingerprint,
                scope=rollup.scope_path(change.scope_uuid) or change.ledger_id,
                old=change.old_fingerprint or "—",
            )
            + QCoreApplication.translate("OfficeReport", " — by {who}, because: {reason}").format(
                who=change.decided_by, reason=change.reason
            )
        )
    for lock in rollup.locked_months:
        month = Month.parse(lock.month)
        lines.append(
            QCoreApplication.translate("OfficeReport", "Locked: {month}, {region}").format(
                month=format_month(month.year, month.month, language), region=lock.region_path
            )
        )
    return lines
