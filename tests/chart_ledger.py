"""A small hand-made ledger for the chart tests, with one of every case the charts must count right.

信阳市 (its own city-level unit) → 潢川县 (城关镇, 仁和镇; two county units) and 固始县 (城关镇; one unit).
Pairings start in April 2022, one ends in May, one ends with its village's archiving; a village set up in
June is never paired. Activities fall on weekends, plain working days, an official holiday (2 May 2022,
a Monday) and an adjusted working day (7 May 2022, a Saturday), with and without a weekday reason (a
full-width space is no reason), in one to three areas.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from branchdesk.domain.clock import Clock
from branchdesk.domain.enums import ActivityType, Area, BranchKind, Tier, UnitLevel
from branchdesk.services.ledgers import create_ledger
from tests.builders import LedgerBuilder, day

A = ActivityType
AS = Area


@dataclass(frozen=True)
class ChartLedger:
    regions: dict[str, int]
    units: dict[str, int]
    pairings: dict[str, int]


def build_chart_ledger(build: LedgerBuilder) -> ChartLedger:
    tree = build.tree()
    city, huangchuan, gushi = tree["city"], tree["huangchuan"], tree["gushi"]
    finance = build.unit("潢川县财政局", huangchuan)
    education = build.unit("潢川县教育体育局", huangchuan)
    city_unit = build.unit("信阳市财政局", city, UnitLevel.CITY)
    gushi_unit = build.unit("固始县财政局", gushi)
    hc_organs = build.organs(finance, huangchuan, 3, optimised=2)
    edu_organs = build.organs(education, huangchuan, 2, optimised=1, tier=Tier.AVERAGE)
    city_organs = build.organs(city_unit, city, 2, optimised=1, tier=None, optimised_on="2022-05-10")
    gs_organ = build.organs(gushi_unit, gushi, 1)[0]

    chengguan = build.villages(tree["hc_chengguan"], 4, prefix="城关")
    renhe = build.villages(tree["hc_renhe"], 2, tier=Tier.AVERAGE, prefix="仁和")
    archived = build.branch(
        "仁和撤并村党支部",
        BranchKind.VILLAGE,
        tree["hc_renhe"],
        tier=Tier.WEAK,
        established_on=dt.date(2001, 1, 1),
        archived_on=dt.date(2022, 5, 1),
    )
    gushi_villages = build.villages(tree["gs_chengguan"], 2, prefix="固始")
    build.branch(
        "固始新建村党支部", BranchKind.VILLAGE, tree["gs_chengguan"], established_on=dt.date(2022, 6, 1)
    )

    pairings = {
        "p1": build.pair(hc_organs[0], chengguan[0], "2022-04-10"),
        "p2": build.pair(hc_organs[1], chengguan[1], "2022-04-10", ended="2022-05-15"),
        "p3": build.pair(edu_organs[0], renhe[0], "2022-04-12"),
        "p4": build.pair(city_organs[0], chengguan[2], "2022-04-06"),
        "p5": build.pair(gs_organ, gushi_villages[0], "2022-04-20"),
        "p6": build.pair(city_organs[1], archived, "2022-04-06", ended="2022-04-30"),
    }
    p = pairings
    activities = [
        # p1: a themed day every month, and other work
        (p["p1"], "2022-04-16", A.THEMED_DAY, 12, (AS.ORGANISATION, AS.TEAM), None),
        (p["p1"], "2022-05-14", A.THEMED_DAY, 10, (AS.ORGANISATION,), None),
        (p["p1"], "2022-06-11", A.THEMED_DAY, 8, (AS.ORGANISATION,), None),
        (p["p1"], "2022-05-10", A.KEY_TASK, 20, (AS.PRACTICAL, AS.SERVICE), None),  # weekday, exempt
        (p["p1"], "2022-05-02", A.LECTURE, 6, (AS.TEAM,), None),  # Monday, but a holiday
        (
            p["p1"],
            "2022-05-07",
            A.VISIT,
            3,
            (AS.SERVICE, AS.INDUSTRY, AS.PRACTICAL),
            None,
        ),  # adjusted workday
        (p["p1"], "2022-06-08", A.VOLUNTEER, 15, (AS.SERVICE, AS.CUSTOMS), "\u3000"),  # blank reason
        # p2: April only (ended 15 May)
        (p["p2"], "2022-04-23", A.THEMED_DAY, 9, (AS.ORGANISATION,), None),
        (p["p2"], "2022-05-11", A.VISIT, 2, (AS.SERVICE,), "配合核酸检测"),  # weekday with a reason
        # p3: May and June themed days, an extra themed day in June
        (p["p3"], "2022-05-21", A.THEMED_DAY, 7, (AS.ORGANISATION, AS.TEAM), None),
        (p["p3"], "2022-06-04", A.THEMED_DAY, 7, (AS.TEAM,), None),
        (p["p3"], "2022-06-18", A.THEMED_DAY, 5, (AS.ORGANISATION,), None),
        (p["p3"], "2022-06-09", A.OTHER, 4, (AS.INDUSTRY,), None),  # weekday, no reason
        # p4: no themed day in May
        (p["p4"], "2022-04-09", A.THEMED_DAY, 11, (AS.ORGANISATION,), None),
        (p["p4"], "2022-06-25", A.THEMED_DAY, 11, (AS.ORGANISATION,), None),
        (p["p4"], "2022-05-04", A.VOLUNTEER, 18, (AS.CUSTOMS,), None),  # Wednesday, a holiday
        # p5 (固始) and p6 (ended with its village's archiving)
        (p["p5"], "2022-05-28", A.THEMED_DAY, 6, (AS.ORGANISATION,), None),
        (p["p5"], "2022-06-03", A.KEY_TASK, 9, (AS.PRACTICAL,), None),
        (p["p6"], "2022-04-17", A.THEMED_DAY, 4, (AS.ORGANISATION,), None),
    ]
    for pairing, held_on, activity_type, volunteers, areas, reason in activities:
        build.activity(
            pairing, held_on, activity_type, volunteers=volunteers, areas=areas, weekday_reason=reason
        )
    return ChartLedger(
        regions=tree,
        units={"finance": finance, "education": education, "city": city_unit, "gushi": gushi_unit},
        pairings=pairings,
    )


AS_OF = day("2022-05-19")


def make_chart_ledger(path: Path, clock: Clock) -> ChartLedger:
    """The ledger above in a new file (closed again)."""
    with create_ledger(path, clock) as ledger:
        return build_chart_ledger(LedgerBuilder(ledger))
