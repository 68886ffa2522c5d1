"""The SQL aggregates agree with the readable definitions in domain.stats on random ledgers."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import (
    ActivityType,
    BranchKind,
    DayKind,
    PairingMethod,
    RegionLevel,
    Tier,
    UnitLevel,
)
from branchdesk.domain.months import Month
from branchdesk.domain.records import Activity, Branch, Pairing
from branchdesk.domain.stats import activity_counts, branch_counts, coverage, monthly_compliance, optimisation
from branchdesk.domain.workdays import WorkCalendar
from branchdesk.storage import activities as activity_store
from branchdesk.storage import branches as branch_store
from branchdesk.storage import holidays as holiday_store
from branchdesk.storage import pairings as pairing_store
from branchdesk.storage import regions as region_store
from branchdesk.storage import stats as stats_store
from branchdesk.storage.ledger import Ledger

START = dt.date(2022, 3, 1)
DAYS = 150
days = st.integers(0, DAYS).map(lambda n: START + dt.timedelta(days=n))
optional_days = st.none() | days


@st.composite
def ledgers(draw: st.DrawFn) -> tuple[list[Branch], list[Pairing], list[Activity]]:
    branches: list[Branch] = []
    for i in range(draw(st.integers(1, 14))):
        kind = draw(st.sampled_from(list(BranchKind)))
        established = draw(optional_days)
        archived = draw(optional_days)
        if established and archived and archived < established:
            established, archived = archived, established
        branches.append(
            Branch(
                id=i + 1,
                uuid=f"b{i}",
                name=f"支部{i}",
                kind=kind,
                region_id=draw(st.sampled_from([2, 3])),  # the two townships
                tier=draw(st.sampled_from([*Tier, None])),
                optimised_on=draw(optional_days) if kind is BranchKind.ORGAN else None,
                established_on=established,
                archived_on=archived,
            )
        )
    organs = [b.id for b in branches if b.kind is BranchKind.ORGAN]
    grassroots = [b.id for b in branches if b.kind is not BranchKind.ORGAN]
    pairings: list[Pairing] = []
    open_organs: set[int] = set()
    open_grassroots: set[int] = set()
    for i in range(draw(st.integers(0, 10)) if organs and grassroots else 0):
        organ, grass = draw(st.sampled_from(organs)), draw(st.sampled_from(grassroots))
        started = draw(days)
        ended = draw(st.none() | st.integers(0, 90).map(lambda n, s=started: s + dt.timedelta(days=n)))
        if ended is None and (organ in open_organs or grass in open_grassroots):
            continue
        if ended is None:
            open_organs.add(organ)
            open_grassroots.add(grass)
        pairings.append(
            Pairing(len(pairings) + 1, f"p{i}", organ, grass, PairingMethod.ASSIGNED, started, ended)
        )
    activities = [
        Activity(
            id=i + 1,
            uuid=f"a{i}",
            pairing_id=draw(st.sampled_from([p.id for p in pairings])),
            held_on=draw(days),
            type=draw(st.sampled_from(list(ActivityType))),
            volunteers=draw(st.integers(0, 30)),
            weekday_reason=draw(st.sampled_from([None, "", " ", "\u3000", "\t\n", "抢险", "\u3000抢险"])),
        )
        for i in range(draw(st.integers(0, 25)) if pairings else 0)
    ]
    return branches, pairings, activities


def write(
    ledger: Ledger, branches: list[Branch], pairings: list[Pairing], activities: list[Activity]
) -> None:
    with ledger.operation("test.fill"):
        city = region_store.add_region(ledger, "信阳市", RegionLevel.CITY, None)
        county = region_store.add_region(ledger, "潢川县", RegionLevel.COUNTY, city)
        assert county == 2
        region_store.add_region(ledger, "城关镇", RegionLevel.TOWNSHIP, county)
        region_store.add_region(ledger, "仁和镇", RegionLevel.TOWNSHIP, county)
        unit = branch_store.add_unit(ledger, "潢川县财政局", UnitLevel.COUNTY, county)
        for b in branches:
            # Regions 2 and 3 in the strategy stand for the two townships (ids 3 and 4 here).
            made = branch_store.add_branch(
                ledger,
                b.name,
                b.kind,
                b.region_id + 1,
                tier=b.tier,
                unit_id=unit if b.kind is BranchKind.ORGAN else None,
                community_id=1 if b.kind is BranchKind.GRID else None,  # any branch will do for the counts
                optimised_on=b.optimised_on,
                established_on=b.established_on,
                archived_on=b.archived_on,
            )
            assert made == b.id
        for p in pairings:
            assert (
                pairing_store.add_pairing(
                    ledger, p.organ_id, p.grassroots_id, p.started_on, ended_on=p.ended_on
                )
                == p.id
            )
        for a in activities:
            activity_store.add_activity(
                ledger,
                a.pairing_id,
                a.held_on,
                a.type,
                volunteers=a.volunteers,
                weekday_reason=a.weekday_reason,
            )
        holiday_store.replace_year(
            ledger,
            2022,
            {
                dt.date(2022, 5, 3): (DayKind.HOLIDAY, "劳动节"),
                dt.date(2022, 5, 7): (DayKind.WORKDAY, "劳动节"),
            },
            source="library",
        )


OVERLAP_TRIGGERS = "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'pairing_overlap%'"

CALENDAR = WorkCalendar(
    declared={dt.date(2022, 5, 3): DayKind.HOLIDAY, dt.date(2022, 5, 7): DayKind.WORKDAY},
    covered_years=frozenset({2022}),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers(), days, st.sampled_from([Month(2022, m) for m in range(3, 9)]))
def test_sql_matches_the_definitions(
    data: tuple[list[Branch], list[Pairing], list[Activity]], day: dt.date, month: Month
) -> None:
    branches, pairings, activities = data
    with (
        tempfile.TemporaryDirectory() as folder,
        Ledger.create(Path(folder) / "p.bdesk", FixedClock.on(day)) as ledger,
    ):
        # Ended pairings may overlap here, as in files written before the schema refused it (or by other
        # programs): the figures must still count each branch once.
        for name in [row["name"] for row in ledger.query(OVERLAP_TRIGGERS)]:
            ledger.conn.execute(f"DROP TRIGGER {name}")
        write(ledger, branches, pairings, activities)
        county = 2
        counts, optimised = stats_store.branch_figures(ledger, county, day, direct=False)
        assert counts == branch_counts(branches, day)
        assert optimised == optimisation(branches, day)
        for organ_side in (False, True):
            assert stats_store.coverage(ledger, county, day, direct=False, organ_side=organ_side) == coverage(
                branches, pairings, day, organ_side=organ_side
            )
        assert stats_store.monthly_compliance(ledger, county, month, direct=False) == monthly_compliance(
            pairings, activities, month
        )
        assert stats_store.activity_counts(ledger, county, month, direct=False) == activity_counts(
            activities, month, CALENDAR
        )
        # Nothing sits on the county node itself: its direct figures are empty.
        direct_counts, _ = stats_store.branch_figures(ledger, county, day, direct=True)
        assert (direct_counts.organ, direct_counts.grassroots) == (0, 0)
