"""The headline figures on hand-made ledgers, checked against counts a clerk could make by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from branchdesk.domain.enums import ActivityType, BranchKind, UnitLevel
from branchdesk.domain.months import Month
from branchdesk.domain.rates import truncated_percent
from branchdesk.services.stats import ledger_stats
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder


@pytest.fixture
def xinyang(build: LedgerBuilder) -> dict[str, int]:
    """The article's organ rosters: 1,127 city-level organ branches (1,083 optimised), 4,522 (4,498) in the
    counties."""
    tree = build.tree()
    city_units = [build.unit(f"信阳市直属单位{i}", tree["city"], UnitLevel.CITY) for i in range(7)]
    for i, unit in enumerate(city_units):
        # 7 units of 161 branches = 1,127; the last unit has 44 not yet optimised.
        build.organs(unit, tree["city"], 161, optimised=161 if i < 6 else 161 - 44)
    build.organs(build.unit("潢川县委组织部", tree["huangchuan"]), tree["huangchuan"], 2261, optimised=2250)
    build.organs(build.unit("固始县委组织部", tree["gushi"]), tree["gushi"], 2261, optimised=2248)
    return tree


def test_article_optimisation_rates(ledger: Ledger, xinyang: dict[str, int]) -> None:
    direct = ledger_stats(ledger, "信阳市", direct=True)
    assert (direct.optimisation.count, direct.optimisation.total, direct.optimisation.percent) == (
        1083,
        1127,
        "96.09",
    )

    counties = [ledger_stats(ledger, name).optimisation for name in ("潢川县", "固始县")]
    optimised, total = sum(r.count for r in counties), sum(r.total for r in counties)
    assert (optimised, total) == (4498, 4522)
    assert truncated_percent(optimised, total) == "99.46"

    whole = ledger_stats(ledger, "411500")
    assert whole.branches.organ == 5649
    assert whole.optimisation.as_dict() == {"count": 5581, "total": 5649, "rate": "98.79"}


def test_optimisation_as_of_a_date(ledger: Ledger, xinyang: dict[str, int]) -> None:
    before = ledger_stats(ledger, "信阳市", direct=True, as_of=dt.date(2022, 4, 9))
    assert before.optimisation.as_dict() == {"count": 0, "total": 1127, "rate": "0.00"}


@pytest.fixture
def april(build: LedgerBuilder) -> dict[str, int]:
    """Pairing ran 4–20 April 2022: no pairing was active for the whole of April."""
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organs = build.organs(unit, tree["huangchuan"], 4)
    villages = build.villages(tree["hc_chengguan"], 3)
    late = build.branch(
        "新建村党支部", BranchKind.VILLAGE, tree["hc_renhe"], established_on=dt.date(2022, 5, 10)
    )
    p1 = build.pair(organs[0], villages[0], "2022-04-04")
    p2 = build.pair(organs[1], villages[1], "2022-04-20")
    p3 = build.pair(organs[2], villages[2], "2022-04-11", "2022-05-20")  # ended during May
    build.activity(p1, "2022-04-16")  # Saturday
    build.activity(p1, "2022-05-07", volunteers=12)  # Saturday, but an adjusted working day
    build.activity(p2, "2022-05-14", volunteers=8)  # Saturday
    build.activity(p2, "2022-05-18", ActivityType.KEY_TASK, volunteers=30)  # Wednesday, exempt
    build.activity(p3, "2022-05-11", ActivityType.VISIT, weekday_reason="防汛值守")  # Wednesday, excused
    build.activity(p3, "2022-05-12", ActivityType.THEMED_DAY, volunteers=3)  # Thursday, not whole-month
    return {**tree, "late": late, "p1": p1, "p2": p2, "p3": p3}


def test_a_month_without_a_whole_month_pairing_has_no_rate(ledger: Ledger, april: dict[str, int]) -> None:
    stats = ledger_stats(ledger, month=Month(2022, 4))
    assert stats.compliance.as_dict() == {"count": 0, "total": 0, "rate": None}
    assert stats.as_json()["compliance"] == {"month": "2022-04", "count": 0, "total": 0, "rate": None}


def test_may_compliance_and_activities(ledger: Ledger, april: dict[str, int]) -> None:
    stats = ledger_stats(ledger, as_of=dt.date(2022, 5, 31), month=Month(2022, 5))
    # p1 and p2 were active all May and held themed days; p3 ended on 20 May and does not count.
    assert stats.compliance.as_dict() == {"count": 2, "total": 2, "rate": "100.00"}
    activities = stats.as_json()["activities"]
    assert activities == {
        "month": "2022-05",
        "count": 5,
        "themed_days": 3,
        "key_task": 1,
        "volunteer_person_times": 12 + 8 + 30 + 5 + 3,
        "weekday": 2,  # the adjusted Saturday and the Thursday themed day
        "attendance_rate": {"count": 0, "total": 0, "rate": None},  # none recorded
    }


def test_coverage_as_of_dates(ledger: Ledger, april: dict[str, int]) -> None:
    on_19_may = ledger_stats(ledger, as_of=dt.date(2022, 5, 19))
    assert on_19_may.branches.grassroots == 4  # the late village exists from 10 May
    assert on_19_may.grassroots_coverage.as_dict() == {"count": 3, "total": 4, "rate": "75.00"}
    assert on_19_may.organ_coverage.as_dict() == {"count": 3, "total": 4, "rate": "75.00"}
    after_end = ledger_stats(ledger, as_of=dt.date(2022, 5, 21))
    assert after_end.grassroots_coverage.as_dict() == {"count": 2, "total": 4, "rate": "50.00"}
    on_10_april = ledger_stats(ledger, as_of=dt.date(2022, 4, 10))
    assert on_10_april.grassroots_coverage.as_dict() == {"count": 1, "total": 3, "rate": "33.33"}


def test_region_scopes(ledger: Ledger, april: dict[str, int]) -> None:
    township = ledger_stats(ledger, "潢川县/城关镇", as_of=dt.date(2022, 5, 19))
    assert township.grassroots_coverage.as_dict() == {"count": 3, "total": 3, "rate": "100.00"}
    assert township.branches.organ == 0
    assert ledger_stats(ledger, "固始县").branches.grassroots == 0
    county_direct = ledger_stats(ledger, "潢川县", direct=True)
    assert (county_direct.branches.organ, county_direct.branches.grassroots) == (4, 0)


def test_default_month_is_the_last_ended_and_missing_holiday_years_are_named(
    ledger: Ledger, april: dict[str, int]
) -> None:
    stats = ledger_stats(ledger)  # the clock says 2022-05-19
    assert str(stats.month) == "2022-04"
    assert stats.as_of == dt.date(2022, 5, 19)
    assert stats.years_without_holiday_data == ()
    assert ledger_stats(ledger, month=Month(2027, 3)).years_without_holiday_data == (2027,)


def test_direct_figures_of_the_city_are_its_own_organs_pairings(build: LedgerBuilder, ledger: Ledger) -> None:
    """市直: the city-level organ branches' pairings, although their grids sit in a district's township."""
    tree = build.tree()
    city_organs = build.organs(build.unit("信阳市财政局", tree["city"], UnitLevel.CITY), tree["city"], 2)
    county_organs = build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 1)
    grids = build.villages(tree["hc_chengguan"], 3)
    city_pair = build.pair(city_organs[0], grids[0], "2022-04-10")
    build.pair(city_organs[1], grids[1], "2022-04-10")
    county_pair = build.pair(county_organs[0], grids[2], "2022-04-10")
    build.activity(city_pair, "2022-05-14", volunteers=9)
    build.activity(county_pair, "2022-05-15", volunteers=4)
    may = Month(2022, 5)
    direct = ledger_stats(ledger, "信阳市", direct=True, month=may, as_of=dt.date(2022, 6, 1))
    assert direct.compliance.as_dict() == {"count": 1, "total": 2, "rate": "50.00"}
    assert (direct.activities.count, direct.activities.volunteer_person_times) == (1, 9)
    whole = ledger_stats(ledger, "信阳市", month=may, as_of=dt.date(2022, 6, 1))
    assert whole.compliance.as_dict() == {"count": 2, "total": 3, "rate": "66.66"}
    county_direct = ledger_stats(ledger, "潢川县", direct=True, month=may, as_of=dt.date(2022, 6, 1))
    assert county_direct.compliance.as_dict() == {"count": 1, "total": 1, "rate": "100.00"}


def test_default_month_follows_the_as_of_date(ledger: Ledger, april: dict[str, int]) -> None:
    assert str(ledger_stats(ledger, as_of=dt.date(2022, 7, 3)).month) == "2022-06"
