"""The ledger (台账) as one workbook: a summary of the figures, a sheet per kind of record (each row with its
uuid, so the workbook can be imported back exactly), and the monthly compliance matrix."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

from branchdesk.domain import cells
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
from branchdesk.domain.imports import ImportKind
from branchdesk.domain.months import Month
from branchdesk.domain.rates import Rate, truncated_percent
from branchdesk.domain.stats import LedgerStats
from branchdesk.domain.teams import Role
from branchdesk.domain.vocabulary import Concept, name
from branchdesk.exchange.columns import COLUMNS, PART_LENGTH, PARTS_COLUMNS, PARTS_SHEET, SHEETS, column
from branchdesk.exchange.files import Sheet, SheetColumn, write_workbook
from branchdesk.services import exports
from branchdesk.services.regions import find_region
from branchdesk.services.stats import ledger_stats
from branchdesk.storage.ledger import Ledger

Progress = Callable[[int, int], None]  # rows written, rows in all; may raise to cancel

# The term each coded column holds.
_TERMS: dict[tuple[ImportKind, str], type[StrEnum]] = {
    (ImportKind.REGIONS, "level"): RegionLevel,
    (ImportKind.UNITS, "level"): UnitLevel,
    (ImportKind.BRANCHES, "kind"): BranchKind,
    (ImportKind.BRANCHES, "tier"): Tier,
    (ImportKind.PAIRINGS, "method"): PairingMethod,
    (ImportKind.PAIRINGS, "organ_tier"): Tier,
    (ImportKind.PAIRINGS, "grassroots_tier"): Tier,
    (ImportKind.PAIRINGS, "end_reason"): EndReason,
    (ImportKind.ACTIVITIES, "type"): ActivityType,
    (ImportKind.ITEMS, "kind"): ItemKind,
    (ImportKind.ITEMS, "status"): ItemStatus,
    (ImportKind.MEMBERS, "role"): Role,
}
_AREA_ORDER = list(Area)
COMPLIANCE_LABEL = name(Concept.THEMED_DAY) + name(Concept.COMPLIANCE_RATE)  # 主题党日落实率
# The compliance matrix's columns before the months: the pairing, headed as the record sheets head it.
_MATRIX_COLUMNS = [
    *(column(ImportKind.PAIRINGS, field) for field in ("grassroots_region", "grassroots", "organ")),
    column(ImportKind.ACTIVITIES, "pairing_uuid"),
]
_PROGRESS_EVERY = 500


def _cell(kind: ImportKind, field: str, shape: str, value: object) -> object:
    if value is None:
        return None
    if shape == "date":
        return cells.date(value)
    if shape == "flag":
        return "是" if value else "否"
    term = _TERMS.get((kind, field))
    if term is not None:
        return cells.label(term(str(value)))
    if field == "areas":
        found = sorted((Area(code) for code in str(value).split(",")), key=_AREA_ORDER.index)
        return "、".join(cells.label(area) for area in found)
    return value


def _record_sheet(kind: ImportKind, rows: Iterable[dict[str, Any]]) -> Sheet:
    columns = COLUMNS[kind]
    return Sheet(
        SHEETS[kind],
        [SheetColumn(c.header, c.width, c.shape) for c in columns],
        ([_cell(kind, c.field, c.shape, row[c.field]) for c in columns] for row in rows),
    )


def _rate_row(label: str, rate: Rate) -> list[object]:
    return [label, f"{rate.percent}%" if rate.percent is not None else "—", rate.count, rate.total]


def summary_rows(stats: LedgerStats) -> list[list[object]]:
    """DESIGN.md §3's figures as rows of item, value, numerator, denominator (the workbook's summary
    sheet and the monthly report's headline table)."""
    month = f"{stats.month.year}年{stats.month.month}月"
    counts, activities = stats.branches, stats.activities
    organ, grassroots = name(Concept.ORGAN_BRANCH), name(Concept.GRASSROOTS_BRANCH)
    rows: list[list[object]] = [
        [name(Concept.REGION), stats.region.path, None, None],
        ["截至日期", stats.as_of, None, None],
        [organ, counts.organ, None, None],
        [f"{grassroots}（农村、社区、网格）", counts.grassroots, None, None],
        ["已归档支部", counts.archived, None, None],
        _rate_row(f"{grassroots}结对{name(Concept.COVERAGE)}", stats.grassroots_coverage),
        _rate_row(f"{organ}结对{name(Concept.COVERAGE)}", stats.organ_coverage),
        _rate_row(f"{organ}{name(Concept.OPTIMISATION_RATE)}", stats.optimisation),
        _rate_row(f"{COMPLIANCE_LABEL}（{month}）", stats.compliance),
        [f"活动次数（{month}）", activities.count, None, None],
        [f"{name(Concept.THEMED_DAY)}（{month}）", activities.themed_days, None, None],
        [f"{name(Concept.KEY_TASK)}活动（{month}）", activities.key_task, None, None],
        [f"{name(Concept.VOLUNTEERS)}（{month}）", activities.volunteer_person_times, None, None],
        [f"工作日开展且未说明原因（{month}）", activities.weekday, None, None],
        *_level_rows(stats),
        ["说明", "比率截断（不四舍五入）保留两位小数；分母为零显示“—”。", None, None],
    ]
    return rows


# The two levels of a city's organ side, as the programme reports them (县级: storage.stats).
LEVEL_NAMES = ("市直", "县级")


def _level_rows(stats: LedgerStats) -> list[list[object]]:
    """A city's figures by level, when they were asked for: its own (市直) and the counties' (县级)."""
    if stats.levels is None:
        return []
    month = f"{stats.month.year}年{stats.month.month}月"
    organ = name(Concept.ORGAN_BRANCH)
    rows: list[list[object]] = []
    for label, part in zip(LEVEL_NAMES, stats.levels, strict=True):
        rows += [
            [f"{label}{organ}", part.branches.organ, None, None],
            _rate_row(f"{label}{organ}{name(Concept.OPTIMISATION_RATE)}", part.optimisation),
            _rate_row(f"{label}{organ}结对{name(Concept.COVERAGE)}", part.organ_coverage),
            _rate_row(f"{label}{COMPLIANCE_LABEL}（{month}）", part.compliance),
        ]
    return rows


def _summary_sheet(stats: LedgerStats) -> Sheet:
    rows = summary_rows(stats)
    columns = [
        SheetColumn("项目", 34),
        SheetColumn("数值", 30),
        SheetColumn("分子", 10),
        SheetColumn("分母", 10),
    ]
    return Sheet("汇总", columns, rows, filters=False)


def _matrix_sheet(ledger: Ledger, region_id: int, months: Sequence[Month]) -> Sheet:
    """Themed Party days per pairing and month; blank where the pairing was not active all month, and a
    last row with each month's compliance (DESIGN.md §3), by grassroots branch as stats counts it."""
    keys = [str(month) for month in months]

    def rows() -> Iterator[list[object]]:
        due: dict[str, set[int]] = {key: set() for key in keys}
        held: dict[str, set[int]] = {key: set() for key in keys}
        for pairing, themed in exports.compliance_rows(ledger, region_id, list(months)):
            line: list[object] = [pairing["region"], pairing["grassroots"], pairing["organ"], pairing["uuid"]]
            for month, key in zip(months, keys, strict=True):
                whole = pairing["started_on"] <= month.first_day.isoformat() and (
                    pairing["ended_on"] is None or pairing["ended_on"] >= month.last_day.isoformat()
                )
                count = themed.get(key, 0)
                line.append(count if whole else None)
                if whole:
                    due[key].add(pairing["grassroots_id"])
                    if count > 0:
                        held[key].add(pairing["grassroots_id"])
            yield line
        rates = [truncated_percent(len(held[key]), len(due[key])) for key in keys]
        yield [
            f"主题党日{name(Concept.COMPLIANCE_RATE)}",
            None,
            None,
            None,
            *(f"{rate}%" if rate else "—" for rate in rates),
        ]

    columns = [
        *(SheetColumn(c.header, c.width, c.shape) for c in _MATRIX_COLUMNS),
        *(SheetColumn(f"{m.year}年{m.month}月", 9, "number") for m in months),
    ]
    return Sheet(f"月度{name(Concept.COMPLIANCE)}", columns, rows())


def _long_texts_apart(
    kind: ImportKind, rows: Iterable[dict[str, Any]], parts: list[tuple[str, int, str]]
) -> Iterator[dict[str, Any]]:
    """A draw's candidate list outgrows a cell (Excel keeps 32,767 characters) in a large county: it goes
    in parts to a sheet of its own, which an import joins back."""
    for row in rows:
        text = row.get("candidates") if kind is ImportKind.DRAWS else None
        if text is not None and len(text) > PART_LENGTH:
            chunks = [text[at : at + PART_LENGTH] for at in range(0, len(text), PART_LENGTH)]
            parts.extend((row["uuid"], number, chunk) for number, chunk in enumerate(chunks, start=1))
            row = {**row, "candidates": None}
        yield row


def _counted(rows: Iterable[Any], progress: Progress | None, done: list[int], total: int) -> Iterator[Any]:
    for row in rows:
        yield row
        done[0] += 1
        if progress is not None and done[0] % _PROGRESS_EVERY == 0:
            progress(done[0], total)


def export_ledger(
    ledger: Ledger, path: Path, region: str | None = None, progress: Progress | None = None
) -> int:
    """Write the workbook for ``region`` (default the whole ledger); returns the number of record rows."""
    scope = find_region(ledger, region)
    with ledger.snapshot():
        stats = ledger_stats(ledger, region)
        months = exports.matrix_months(ledger)
        counts = {kind: exports.row_count(ledger, kind, scope.id) for kind in ImportKind}
        total = sum(counts.values())
        done = [0]
        parts: list[tuple[str, int, str]] = []
        sheets = [
            _summary_sheet(stats),
            *(
                _record_sheet(kind, _counted(_long_texts_apart(kind, rows, parts), progress, done, total))
                for kind in ImportKind
                for rows in [exports.rows(ledger, kind, scope.id)]
            ),
            Sheet(PARTS_SHEET, [SheetColumn(c.header, c.width, c.shape) for c in PARTS_COLUMNS], parts),
            _matrix_sheet(ledger, scope.id, months),
        ]
        write_workbook(path, sheets)
    if progress is not None:
        progress(total, total)
    return total
