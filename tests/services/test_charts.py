"""The figures behind each chart, checked against direct counts: storage.stats (the one definition of
DESIGN.md §3) where it has the figure, plain SQL and the domain's readable rules where it has not.

Hand-made ledgers (tests/chart_ledger.py) cover the edge cases; a township demo covers volume.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from branchdesk.domain.chart_data import (
    CellState,
    GroupKind,
    MonthSpan,
    RateBreakdown,
)
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import ActivityType, Area, RegionLevel, Tier
from branchdesk.domain.months import Month
from branchdesk.domain.rates import Rate
from branchdesk.domain.sort_key import name_key
from branchdesk.domain.workdays import WorkCalendar, has_reason, is_weekday_activity
from branchdesk.services import charts
from branchdesk.services.demo import generate_demo
from branchdesk.services.ledgers import create_ledger, open_ledger
from branchdesk.storage import chart_data as chart_store
from branchdesk.storage import holidays as holiday_store
from branchdesk.storage import stats as stats_store
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder, day
from tests.chart_ledger import AS_OF, ChartLedger, make_chart_ledger

SPAN = MonthSpan(Month(2022, 4), Month(2022, 6))


@pytest.fixture(scope="module")
def charted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Ledger, ChartLedger]]:
    """The hand-made chart ledger, built once for the module and read by every test."""
    path = tmp_path_factory.mktemp("charts") / "图表 台账.bdesk"
    clock = FixedClock.on("2022-05-19")
    made = make_chart_ledger(path, clock)
    with open_ledger(path, clock, read_only=True) as ledger:
        yield ledger, made


@pytest.fixture
def ledger(charted: tuple[Ledger, ChartLedger]) -> Ledger:
    return charted[0]


@pytest.fixture
def chart_ledger(charted: tuple[Ledger, ChartLedger]) -> ChartLedger:
    return charted[1]


@pytest.fixture
def empty_ledger(tmp_path: Path) -> Iterator[Ledger]:
    with create_ledger(tmp_path / "空 台账.bdesk", FixedClock.on("2022-05-19")) as made:
        yield made


@pytest.fixture(scope="module")
def township_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    """The township demo, made with a clock after its activities so that their whole span is there."""
    path = tmp_path_factory.mktemp("demo") / "乡镇 演示.bdesk"
    clock = FixedClock.on("2024-01-15")
    generate_demo(path, "township", clock=clock)
    with open_ledger(path, clock, read_only=True) as ledger:
        yield ledger


# -- direct counts ----------------------------------------------------------------------------------------


def regions(ledger: Ledger) -> dict[int, int | None]:
    return {row["id"]: row["parent_id"] for row in ledger.query("SELECT id, parent_id FROM region")}


def subtree(ledger: Ledger, region_id: int) -> set[int]:
    parents = regions(ledger)
    found = {region_id}
    while True:
        more = {r for r, parent in parents.items() if parent in found} - found
        if not more:
            return found
        found |= more


def children(ledger: Ledger, region_id: int) -> list[int]:
    return [r for r, parent in regions(ledger).items() if parent == region_id]


def activity_rows(ledger: Ledger, region_id: int, span: MonthSpan) -> list[dict[str, object]]:
    """Every activity of the region in the span, as plain rows (fine for a test ledger)."""
    inside = subtree(ledger, region_id)
    rows = ledger.query(
        "SELECT a.id, a.held_on, a.type, a.volunteers, a.weekday_reason, a.pairing_id, g.region_id "
        "FROM activity a JOIN pairing p ON p.id = a.pairing_id JOIN branch g ON g.id = p.grassroots_id "
        "WHERE a.held_on BETWEEN ? AND ?",
        (span.first_day.isoformat(), span.last_day.isoformat()),
    )
    return [row for row in rows if row["region_id"] in inside]


def month_of(row: dict[str, object]) -> Month:
    return Month.of(dt.date.fromisoformat(str(row["held_on"])))


# -- coverage ---------------------------------------------------------------------------------------------


def check_grassroots_coverage(ledger: Ledger, region_id: int, on: dt.date) -> RateBreakdown:
    data = charts.grassroots_coverage(ledger, region_id, on)
    assert data.total == stats_store.coverage(ledger, region_id, on, direct=False, organ_side=False)
    shown = region_id
    while data.scope.id != shown:  # a region whose only child holds it all shows that child's parts
        (shown,) = children(ledger, shown)
        assert stats_store.coverage(ledger, shown, on, direct=False, organ_side=False) == data.total
    codes = {
        row["id"]: (row["code"], row["name"]) for row in ledger.query("SELECT id, code, name FROM region")
    }
    # Every region below, in the order of official lists: by code, then by name.
    below = sorted(
        children(ledger, shown),
        key=lambda r: (codes[r][0] is None, codes[r][0] or "", name_key(codes[r][1]), r),
    )
    assert [i.group.id for i in data.items if i.group.kind is GroupKind.REGION] == below
    for item in data.items:
        direct = item.group.kind is GroupKind.OWN
        assert item.rate == stats_store.coverage(ledger, item.group.id, on, direct=direct, organ_side=False)
    assert sum(i.rate.total for i in data.items) == data.total.total
    return data


def test_grassroots_coverage_by_county_and_township(ledger: Ledger, chart_ledger: ChartLedger) -> None:
    r = chart_ledger.regions
    city = check_grassroots_coverage(ledger, r["city"], AS_OF)
    # 潢川县: 城关镇 2 of 4 paired (p1, p4; p2 ended on 15 May), 仁和镇 1 of 2 (the archived village no
    # longer counts); 固始县: 1 of 2 (the new village is not set up yet). 固始县 (411525) comes first.
    assert [(i.group.name, i.rate) for i in city.items] == [("固始县", Rate(1, 2)), ("潢川县", Rate(3, 6))]
    assert city.total == Rate(4, 8)
    county = check_grassroots_coverage(ledger, r["huangchuan"], AS_OF)
    assert [(i.group.name, i.rate) for i in county.items] == [("城关镇", Rate(2, 4)), ("仁和镇", Rate(1, 2))]
    # A township has nothing below it: its own branches are its one bar.
    town = check_grassroots_coverage(ledger, r["gs_chengguan"], AS_OF)
    assert [(i.group.kind, i.rate) for i in town.items] == [(GroupKind.OWN, Rate(1, 2))]


def test_a_region_with_one_child_shows_that_childs_parts(tmp_path: Path) -> None:
    """A county office's ledger: the city above its one county. One bar for the county says nothing; the
    chart shows the county's townships, the organ side the county's units."""
    ledger = create_ledger(tmp_path / "县台账.bdesk", FixedClock.on("2022-05-19"))
    build = LedgerBuilder(ledger)
    city = build.region("信阳市", RegionLevel.CITY)
    county = build.region("潢川县", RegionLevel.COUNTY, city)
    towns = [build.region(name, RegionLevel.TOWNSHIP, county) for name in ("仁和镇", "城关镇")]
    villages = [
        build.villages(town, 2, prefix=town_name)
        for town, town_name in zip(towns, ("仁和", "城关"), strict=True)
    ]
    organs = build.organs(build.unit("县财政局", county), county, 2, optimised=1)
    build.pair(organs[0], villages[1][0], "2022-04-10")
    coverage = charts.grassroots_coverage(ledger, city, AS_OF)
    assert coverage.scope.name == "潢川县"
    assert [(i.group.name, i.rate) for i in coverage.items] == [
        ("城关镇", Rate(1, 2)),
        ("仁和镇", Rate(0, 2)),
    ]
    organ = charts.organ_coverage(ledger, city, AS_OF)
    assert (organ.scope.name, [(i.group.name, i.rate) for i in organ.items]) == (
        "潢川县",
        [("县财政局", Rate(1, 2))],
    )
    assert [i.rate for i in charts.optimisation(ledger, city, AS_OF).items] == [Rate(1, 2)]
    # A second county: the city's chart is by county again.
    build.villages(build.region("固始县", RegionLevel.COUNTY, city), 1, prefix="固始")
    assert [i.group.name for i in charts.grassroots_coverage(ledger, city, AS_OF).items] == [
        "固始县",
        "潢川县",
    ]


def test_grassroots_coverage_as_of_dates(ledger: Ledger, chart_ledger: ChartLedger) -> None:
    for on in ("2022-04-05", "2022-04-10", "2022-04-30", "2022-05-16", "2022-06-02"):
        for region_id in chart_ledger.regions.values():
            check_grassroots_coverage(ledger, region_id, day(on))


def test_coverage_on_the_township_demo(township_demo: Ledger) -> None:
    for region_id in regions(township_demo):
        for on in (day("2022-04-15"), day("2022-12-31"), day("2023-12-31")):
            check_grassroots_coverage(township_demo, region_id, on)


def test_organ_side_of_the_city_is_city_level_then_counties(
    ledger: Ledger, chart_ledger: ChartLedger
) -> None:
    r = chart_ledger.regions
    coverage = charts.organ_coverage(ledger, r["city"], AS_OF)
    optimisation = charts.optimisation(ledger, r["city"], AS_OF)
    # 市直: 2 organs, p4 active (p6 ended 30 April); 潢川县: 5 organs, p1 and p3 active; 固始县: 1 of 1
    assert [(i.group.kind, i.group.name, i.rate) for i in coverage.items] == [
        (GroupKind.OWN, "信阳市", Rate(1, 2)),
        (GroupKind.REGION, "固始县", Rate(1, 1)),
        (GroupKind.REGION, "潢川县", Rate(2, 5)),
    ]
    assert coverage.total == stats_store.coverage(ledger, r["city"], AS_OF, direct=False, organ_side=True)
    assert coverage.items[0].rate == stats_store.coverage(
        ledger, r["city"], AS_OF, direct=True, organ_side=True
    )
    # Optimised by 19 May: the city's one on 10 May, none in 固始县, 2 + 1 in 潢川县
    assert [i.rate for i in optimisation.items] == [Rate(1, 2), Rate(0, 1), Rate(3, 5)]
    _, expected = stats_store.branch_figures(ledger, r["city"], AS_OF, direct=False)
    assert optimisation.total == expected
    before = charts.optimisation(ledger, r["city"], day("2022-05-09"))
    assert before.items[0].rate == Rate(0, 2)


def test_organ_side_of_a_county_is_by_unit(ledger: Ledger, chart_ledger: ChartLedger) -> None:
    r, u = chart_ledger.regions, chart_ledger.units
    coverage = charts.organ_coverage(ledger, r["huangchuan"], AS_OF)
    assert [(i.group.kind, i.group.id) for i in coverage.items] == [
        (GroupKind.UNIT, u["finance"]),
        (GroupKind.UNIT, u["education"]),
    ]
    for item in coverage.items:
        paired = ledger.scalar(
            "SELECT count(*) FROM branch b WHERE b.unit_id = ? AND EXISTS (SELECT 1 FROM pairing p "
            "WHERE p.organ_id = b.id AND p.started_on <= ? AND (p.ended_on IS NULL OR p.ended_on >= ?))",
            (item.group.id, AS_OF.isoformat(), AS_OF.isoformat()),
        )
        total = ledger.scalar("SELECT count(*) FROM branch WHERE unit_id = ?", (item.group.id,))
        assert item.rate == Rate(paired, total)
    assert coverage.total == stats_store.coverage(
        ledger, r["huangchuan"], AS_OF, direct=False, organ_side=True
    )
    optimisation = charts.optimisation(ledger, r["huangchuan"], AS_OF)
    assert [i.rate for i in optimisation.items] == [Rate(2, 3), Rate(1, 2)]
    # A township has no organ branches: nothing to draw.
    assert charts.organ_coverage(ledger, r["hc_renhe"], AS_OF).items == ()


def test_tier_matrix(ledger: Ledger, chart_ledger: ChartLedger) -> None:
    r = chart_ledger.regions
    matrix = charts.tier_matrix(ledger, r["city"], AS_OF)
    rows = ledger.query(
        "SELECT organ_tier, grassroots_tier FROM pairing WHERE started_on <= :d "
        "AND (ended_on IS NULL OR ended_on >= :d)",
        {"d": AS_OF.isoformat()},
    )
    expected = Counter((row["organ_tier"], row["grassroots_tier"]) for row in rows)
    for organ in (*Tier, None):
        for grassroots in (*Tier, None):
            key = (None if organ is None else organ.value, None if grassroots is None else grassroots.value)
            assert matrix.count(organ, grassroots) == expected.get(key, 0)
    assert matrix.total == 4  # p1, p3, p4, p5
    assert matrix.count(Tier.STRONG, Tier.WEAK) == 2  # p1, p5
    assert matrix.organ_tiers() == [*Tier, None]  # the city's organs are ungraded
    assert matrix.grassroots_tiers() == list(Tier)
    assert charts.tier_matrix(ledger, r["gushi"], AS_OF).total == 1


# -- activity frequency -----------------------------------------------------------------------------------


def check_monthly(ledger: Ledger, region_id: int, span: MonthSpan) -> None:
    data = charts.monthly_activity(ledger, region_id, span)
    rows = activity_rows(ledger, region_id, span)
    for i, month in enumerate(span.months):
        in_month = [row for row in rows if month_of(row) == month]
        for activity_type in ActivityType:
            count = sum(1 for row in in_month if row["type"] == activity_type.value)
            assert data.counts[activity_type][i] == count
        assert data.volunteers[i] == sum(int(str(row["volunteers"])) for row in in_month)
        one = stats_store.activity_counts(ledger, region_id, month, direct=False)
        assert (data.total(i), data.volunteers[i]) == (one.count, one.volunteer_person_times)
        assert data.counts[ActivityType.THEMED_DAY][i] == one.themed_days


def check_weekday(ledger: Ledger, region_id: int, span: MonthSpan) -> None:
    data = charts.weekday_share(ledger, region_id, span)
    calendar: WorkCalendar = holiday_store.work_calendar(ledger)
    rows = activity_rows(ledger, region_id, span)
    for counts in data.months:
        in_month = [row for row in rows if month_of(row) == counts.month]
        routine = [row for row in in_month if row["type"] != ActivityType.KEY_TASK.value]
        working = [r for r in routine if calendar.is_working_day(dt.date.fromisoformat(str(r["held_on"])))]
        weekday = [
            row
            for row in in_month
            if is_weekday_activity(
                calendar,
                dt.date.fromisoformat(str(row["held_on"])),
                ActivityType(row["type"]),
                None if row["weekday_reason"] is None else str(row["weekday_reason"]),
            )
        ]
        assert counts.key_task == len(in_month) - len(routine)
        assert counts.non_working == len(routine) - len(working)
        assert counts.weekday == len(weekday)
        assert counts.weekday == sum(1 for r in working if not has_reason(r["weekday_reason"]))  # type: ignore[arg-type]
        assert (
            counts.weekday
            == stats_store.activity_counts(ledger, region_id, counts.month, direct=False).weekday
        )


def check_areas(ledger: Ledger, region_id: int, span: MonthSpan) -> None:
    data = charts.area_counts(ledger, region_id, span)
    rows = activity_rows(ledger, region_id, span)
    ids = {row["id"] for row in rows}
    areas = Counter(
        row["area"]
        for row in ledger.query("SELECT activity_id, area FROM activity_area")
        if row["activity_id"] in ids
    )
    assert data.activities == len(rows)
    assert {area: data.counts.get(area, 0) for area in Area} == {
        area: areas.get(area.value, 0) for area in Area
    }


def check_grid(ledger: Ledger, region_id: int, span: MonthSpan) -> None:
    data = charts.themed_day_grid(ledger, region_id, span)
    for i, month in enumerate(span.months):
        assert data.totals[i] == stats_store.monthly_compliance(ledger, region_id, month, direct=False)
        for group in data.groups:
            direct = group.group.kind is GroupKind.OWN
            assert group.rates[i] == stats_store.monthly_compliance(
                ledger, group.group.id, month, direct=direct
            )
    for row in data.rows:
        for i, month in enumerate(span.months):
            themed = ledger.scalar(
                "SELECT count(*) FROM activity WHERE pairing_id = ? AND type = 'themed_day' "
                "AND held_on BETWEEN ? AND ?",
                (row.pairing_id, month.first_day.isoformat(), month.last_day.isoformat()),
            )
            assert row.themed_days[i] == themed
    if data.rows:
        states = Counter(row.state(month, i) for row in data.rows for i, month in enumerate(span.months))
        whole = sum(t.total for t in data.totals)
        assert states[CellState.HELD] + states[CellState.MISSED] == whole


@pytest.mark.parametrize("check", [check_monthly, check_weekday, check_areas, check_grid])
def test_activity_figures(
    ledger: Ledger, chart_ledger: ChartLedger, check: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    for region_id in chart_ledger.regions.values():
        check(ledger, region_id, SPAN)  # type: ignore[operator]
    # The small-region plan (by pairing) and the large-region plan (by date) count the same.
    monkeypatch.setattr(chart_store, "_FEW_PAIRINGS", 1)
    for region_id in chart_ledger.regions.values():
        check(ledger, region_id, SPAN)  # type: ignore[operator]


@pytest.mark.parametrize("check", [check_monthly, check_weekday, check_areas, check_grid])
def test_activity_figures_on_the_township_demo(township_demo: Ledger, check: object) -> None:
    span = MonthSpan(Month(2022, 4), Month(2023, 12))
    for region_id in regions(township_demo):
        check(township_demo, region_id, span)  # type: ignore[operator]


def test_figures_by_hand(ledger: Ledger, chart_ledger: ChartLedger) -> None:
    city = chart_ledger.regions["city"]
    monthly = charts.monthly_activity(ledger, city, SPAN)
    assert monthly.counts[ActivityType.THEMED_DAY] == (4, 3, 4)
    assert monthly.volunteers == (36, 72, 59)
    weekday = charts.weekday_share(ledger, city, SPAN)
    may = weekday.months[1]
    # 2 May and 4 May are holidays, 7 May an adjusted working day, 10 May's key task is exempt, 11 May
    # has a reason: 14, 21 and 28 May are Saturdays.
    assert (may.non_working, may.weekday_excused, may.weekday, may.key_task) == (5, 1, 1, 1)
    assert weekday.months[2].weekday == 2  # 8 June (blank full-width reason) and 9 June
    assert weekday.years_without_holiday_data == ()
    areas = charts.area_counts(ledger, city, SPAN)
    assert areas.counts[Area.ORGANISATION] == 10
    assert areas.share(Area.ORGANISATION) == Rate(10, 19)
    grid = charts.themed_day_grid(ledger, city, SPAN)
    # April: no pairing active for the whole month; May: p1, p3, p4, p5 (p2 ended on the 15th), p4
    # without a themed day; June: the same four, p5 without one.
    assert grid.totals == (Rate(0, 0), Rate(3, 4), Rate(3, 4))
    assert not grid.aggregated
    assert {row.pairing_id for row in grid.rows} == set(chart_ledger.pairings.values())
    p2 = next(row for row in grid.rows if row.pairing_id == chart_ledger.pairings["p2"])
    assert [p2.state(m, i) for i, m in enumerate(SPAN.months)] == [
        CellState.PARTIAL,
        CellState.PARTIAL,
        CellState.INACTIVE,
    ]


def test_grid_sums_by_region_when_pairings_are_many(
    ledger: Ledger, chart_ledger: ChartLedger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(charts, "PAIRING_ROWS_MAX", 2)
    grid = charts.themed_day_grid(ledger, chart_ledger.regions["city"], SPAN)
    assert grid.aggregated
    assert [g.group.name for g in grid.groups] == ["固始县", "潢川县"]
    assert grid.totals == (Rate(0, 0), Rate(3, 4), Rate(3, 4))
    # A township has nothing below it to sum by: one row per pairing, however many.
    town = charts.themed_day_grid(ledger, chart_ledger.regions["hc_chengguan"], SPAN)
    assert not town.aggregated
    assert len(town.rows) == 3


def test_default_span(ledger: Ledger, chart_ledger: ChartLedger, township_demo: Ledger) -> None:
    # Today is 19 May 2022: the last ended month is April; activities began in April.
    assert charts.default_span(ledger) == MonthSpan(Month(2022, 4), Month(2022, 4))
    # The demo's activities end in December 2023, before the clock's last ended month.
    assert charts.default_span(township_demo) == MonthSpan(Month(2022, 4), Month(2023, 12))


def test_default_span_of_an_empty_ledger(empty_ledger: Ledger) -> None:
    assert charts.default_span(empty_ledger) == MonthSpan(Month(2020, 5), Month(2022, 4))


def test_long_spans_are_cut_to_the_latest_months(ledger: Ledger, chart_ledger: ChartLedger) -> None:
    span = MonthSpan(Month(2015, 1), Month(2022, 6))
    data = charts.monthly_activity(ledger, chart_ledger.regions["city"], span)
    assert data.span == MonthSpan(Month(2017, 7), Month(2022, 6))
    assert len(data.volunteers) == 60
    assert data.count == 19
    grid = charts.themed_day_grid(ledger, chart_ledger.regions["city"], span)
    assert grid.totals[-2:] == (Rate(3, 4), Rate(3, 4))


def test_missing_holiday_years_are_named(ledger: Ledger, chart_ledger: ChartLedger) -> None:
    data = charts.weekday_share(
        ledger, chart_ledger.regions["city"], MonthSpan(Month(2031, 11), Month(2032, 1))
    )
    assert data.years_without_holiday_data == (2031, 2032)
