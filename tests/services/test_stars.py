"""Star ratings (五星支部) below the window: what the service refuses, undo and redo, the history's words,
Check database's rule for rows another program wrote, the township's ratings travelling to its county in
a package, and the demo's ratings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, Tier
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.stars import TypedRating, parse_rating
from branchdesk.services import stars
from branchdesk.services.history import UndoHistory, ledger_actions
from branchdesk.services.ledgers import open_ledger
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.offices import CLOCK, Offices
from tests.test_cli import cli
from tests.test_cli_check import shell
from tests.test_cli_package_import import imported, records, send


@pytest.fixture
def rated(build: LedgerBuilder, ledger: Ledger) -> tuple[Ledger, int, int]:
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    organ = build.organs(unit, tree["huangchuan"], 1)[0]
    village = build.branch("城关1村党支部", BranchKind.VILLAGE, tree["hc_chengguan"], tier=Tier.WEAK)
    return ledger, organ, village


@pytest.mark.parametrize(
    ("typed", "year", "count"),
    [
        ("4", None, 4),
        ("四星", None, 4),
        ("４星级", None, 4),
        ("★★★", None, 3),
        ("五星支部", None, 5),
        ("2023 四星", 2023, 4),
        ("2023年度 一星", 2023, 1),
        ("四星（2023）", 2023, 4),
        ("", None, None),
    ],
)
def test_ratings_are_read_as_clerks_write_them(typed: str, year: int | None, count: int | None) -> None:
    assert parse_rating(typed) == TypedRating(year, count)


@pytest.mark.parametrize("typed", ["六星", "0", "6", "好", "四星五星", "2023"])
def test_what_is_no_rating_is_refused(typed: str) -> None:
    with pytest.raises(BranchDeskError) as error:
        parse_rating(typed)
    assert (error.value.code, error.value.params) == ("stars.unknown", {"value": typed})


def test_the_service_refuses_organs_future_years_and_days_before_the_year(
    rated: tuple[Ledger, int, int],
) -> None:
    ledger, organ, village = rated
    today = ledger.clock.today()
    refusals: list[tuple[Callable[[], object], str]] = [
        (lambda: stars.rate_branch(ledger, organ, today.year, 4), "stars.not_grassroots"),
        (lambda: stars.rate_branch(ledger, village, today.year + 1, 4), "stars.future_year"),
        (
            lambda: stars.rate_branch(ledger, village, today.year, 4, today + dt.timedelta(days=1)),
            "stars.rated_in_future",
        ),
        (
            lambda: stars.rate_branch(ledger, village, today.year, 4, dt.date(today.year - 1, 12, 1)),
            "stars.rated_before_year",
        ),
        (lambda: stars.rate_branch(ledger, village, today.year, None), "stars.nothing_to_remove"),
    ]
    for attempt, code in refusals:
        with pytest.raises(BranchDeskError) as error:
            attempt()
        assert error.value.code == code
    assert ledger.scalar("SELECT count(*) FROM star_rating") == 0


def test_a_rating_is_one_undoable_step_in_the_history(rated: tuple[Ledger, int, int]) -> None:
    ledger, _, village = rated
    history = UndoHistory(ledger)
    history.record(stars.rate_branch(ledger, village, 2022, 3))
    history.record(stars.rate_branch(ledger, village, 2022, 4))
    rows = "SELECT year, stars, rated_on FROM star_rating"
    assert ledger.query(rows) == [{"year": 2022, "stars": 4, "rated_on": "2022-05-19"}]
    history.undo()
    assert ledger.query(rows) == [{"year": 2022, "stars": 3, "rated_on": "2022-05-19"}]
    history.undo()
    assert ledger.query(rows) == []
    history.redo()
    assert ledger.query(rows) == [{"year": 2022, "stars": 3, "rated_on": "2022-05-19"}]
    newest = ledger_actions(ledger)[0]
    assert newest.action == "redo:star_rating.set"
    assert [change.entity for change in newest.changes] == ["star_rating"]


def test_check_names_a_rating_another_program_wrote_against_the_rules(
    rated: tuple[Ledger, int, int], clock: FixedClock
) -> None:
    ledger, organ, village = rated
    stars.rate_branch(ledger, village, 2022, 5)
    path = ledger.path
    ledger.close()
    assert cli("check", str(path), clock=clock)[0] == EXIT_OK
    shell(
        path,
        "INSERT INTO star_rating (uuid, branch_id, year, stars, rated_on, created_at, updated_at)"
        f" VALUES ('s1', {organ}, 2022, 4, '2022-03-01', '', '')",
        f"UPDATE star_rating SET rated_on = '2021-12-30' WHERE branch_id = {village}",
    )
    code, out, _ = cli("check", str(path), clock=clock)
    assert code == EXIT_FAILED
    lines = [line for line in out.splitlines() if "星级评定" in line]
    assert len(lines) == 2
    assert any(
        "城关镇的城关1村党支部：2022年度星级评定（5 星，评定日期2021年12月30日）有误" in line
        for line in lines
    )
    assert any("机关第1党支部" in line for line in lines)


def test_a_townships_ratings_travel_to_its_county(offices: Offices) -> None:
    township = offices.township()
    with open_ledger(township, CLOCK) as ledger:
        village = int(
            ledger.scalar(
                "SELECT id FROM branch WHERE kind = 'village' AND archived_on IS NULL ORDER BY id LIMIT 1"
            )
        )
        stars.rate_branch(ledger, village, 2022, 4)
    code, summary, _ = imported(offices.county, send(township, offices.folder / "星级.bdx"))
    assert code == EXIT_OK
    assert summary["counts"]["rejected"] == 0
    assert summary["counts"]["new"] == 1
    county = records(offices.county, "star_rating")
    assert county == records(township, "star_rating")
    assert [(row["year"], row["stars"]) for row in county.values()] == [(2022, 4)]


def test_the_demo_rates_its_grassroots_branches_by_their_tier(tmp_path: Path) -> None:
    path = tmp_path / "示例.bdesk"
    later = FixedClock.on("2024-03-01")
    assert cli("demo", str(path), "--scale", "township", clock=later)[0] == EXIT_OK
    with open_ledger(path, later, read_only=True) as ledger:
        by_tier = {
            (row["tier"], row["year"]): row["mean"]
            for row in ledger.query(
                "SELECT b.tier, s.year, avg(s.stars) AS mean"
                " FROM star_rating s JOIN branch b ON b.id = s.branch_id GROUP BY b.tier, s.year"
            )
        }
        assert by_tier[("strong", 2022)] > by_tier[("average", 2022)] > by_tier[("weak", 2022)]
        assert by_tier[("weak", 2023)] > by_tier[("weak", 2022)]  # a year of pairing lifts some
        organs = (
            "SELECT count(*) FROM star_rating s JOIN branch b ON b.id = s.branch_id WHERE b.kind = 'organ'"
        )
        assert ledger.scalar(organs) == 0
    assert cli("check", str(path), clock=later)[0] == EXIT_OK
