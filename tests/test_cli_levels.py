"""The city's own organs (市直, --direct) and the county level (县级, --level county) side by side: in
`stats`, its JSON, the monthly report and the window's status bar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from branchdesk.cli import EXIT_OK, EXIT_USAGE
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, UnitLevel
from branchdesk.domain.months import Month
from branchdesk.exchange.monthly_report import build_report
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.test_cli import cli


@pytest.fixture
def city(build: LedgerBuilder, ledger: Ledger) -> Path:
    """信阳市: a city unit's 2 organ branches (1 optimised) and a central unit's 1 on the city node; a county
    unit's 3 (2 optimised) in 潢川县; 4 villages. Pairings: a city organ and two county organs, each with a
    village; one themed Party day in May, of a county pairing."""
    tree = build.tree()
    city_unit = build.unit("信阳市财政局", tree["city"], UnitLevel.CITY)
    central = build.unit("国网信阳供电公司", tree["city"], UnitLevel.CENTRAL)
    county_unit = build.unit("潢川县财政局", tree["huangchuan"], UnitLevel.COUNTY)
    city_organs = build.organs(city_unit, tree["city"], 2, optimised=1)
    build.branch("供电公司机关党支部", BranchKind.ORGAN, tree["city"], unit_id=central)
    county_organs = build.organs(county_unit, tree["huangchuan"], 3, optimised=2)
    villages = build.villages(tree["hc_chengguan"], 4)
    build.pair(city_organs[0], villages[0], "2022-04-10")
    build.pair(county_organs[0], villages[1], "2022-04-10")
    county_pairing = build.pair(county_organs[1], villages[2], "2022-04-10")
    build.activity(county_pairing, "2022-05-14")
    path = ledger.path
    ledger.close()
    return path


def figures(path: Path, clock: FixedClock, *scope: str) -> dict[str, object]:
    code, out, err = cli("stats", str(path), "--json", "--month", "2022-05", *scope, clock=clock)
    assert (code, err) == (EXIT_OK, "")
    found: dict[str, object] = json.loads(out)
    return found


def test_city_own_and_county_level_figures(city: Path, clock: FixedClock) -> None:
    whole = figures(city, clock)
    own = figures(city, clock, "--direct")
    county = figures(city, clock, "--level", "county")
    assert (whole["level"], own["level"], county["level"]) == (None, None, "county")
    assert whole["branches"] == {"organ": 6, "grassroots": 4, "archived": 0}
    assert own["branches"] == {
        "organ": 3,
        "grassroots": 0,
        "archived": 0,
    }  # the city's and the central unit's
    assert county["branches"] == {"organ": 3, "grassroots": 4, "archived": 0}
    assert (own["optimisation"], county["optimisation"]) == (
        {"count": 1, "total": 3, "rate": "33.33"},
        {"count": 2, "total": 3, "rate": "66.66"},
    )
    assert county["coverage"] == {
        "grassroots": {"count": 3, "total": 4, "rate": "75.00"},  # a village paired with a city organ too
        "organ": {"count": 2, "total": 3, "rate": "66.66"},
    }
    # The pairings of each level's organs; together they are the city's.
    assert own["compliance"] == {"month": "2022-05", "count": 0, "total": 1, "rate": "0.00"}
    assert county["compliance"] == {"month": "2022-05", "count": 1, "total": 2, "rate": "50.00"}
    assert whole["compliance"] == {"month": "2022-05", "count": 1, "total": 3, "rate": "33.33"}
    assert county["activities"]["count"] == 1  # type: ignore[index]
    assert own["activities"]["count"] == 0  # type: ignore[index]


def test_level_in_words_and_not_with_direct(city: Path, clock: FixedClock) -> None:
    code, out, _ = cli("stats", str(city), "--level", "county", "--month", "2022-05", clock=clock)
    assert code == EXIT_OK
    assert "统计范围：县级（县级单位的机关党支部和全部基层党支部）" in out
    assert "优化率：66.66%（2 / 3）" in out
    code, _, err = cli("stats", str(city), "--level", "county", "--direct", clock=clock)
    assert code == EXIT_USAGE
    assert "--direct" in err
    assert cli("stats", str(city), "--level", "city", clock=clock)[0] == EXIT_USAGE


def test_the_monthly_report_of_a_city_shows_both_levels(city: Path, clock: FixedClock) -> None:
    with open_ledger(city, clock, read_only=True) as ledger:
        first = [text.get_text() for text in build_report(ledger, Month(2022, 5)).pages[0].texts]
        county_report = build_report(ledger, Month(2022, 5), "潢川县").pages[0].texts
    rows = ["|".join(first[i : i + 4]) for i in range(len(first))]
    assert "市直机关党支部优化率|33.33%|1|3" in rows
    assert "县级机关党支部优化率|66.66%|2|3" in rows
    assert "市直主题党日落实率（2022年5月）|0.00%|0|1" in rows
    assert "县级主题党日落实率（2022年5月）|50.00%|1|2" in rows
    assert not any("县级" in text.get_text() for text in county_report)  # a county's report has no levels
