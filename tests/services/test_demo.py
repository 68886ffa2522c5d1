"""The demo generator writes a realistic, deterministic ledger with exactly the counts of DESIGN.md §7."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from branchdesk.domain.clock import FixedClock
from branchdesk.domain.draw import Candidate, draw
from branchdesk.domain.enums import Tier
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import HalfYear, Month
from branchdesk.services import demo
from branchdesk.services.check import check_ledger
from branchdesk.services.demo import SCALES, STAGES, DemoSummary, ScaleSpec, generate_demo
from branchdesk.services.demo import regions as demo_regions
from branchdesk.services.demo.model import Build
from branchdesk.services.demo.regions import build_counties, build_places
from branchdesk.services.demo.units import build_city, optimise
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.stats import ledger_stats
from branchdesk.storage import bulk
from branchdesk.storage.check import rule_problems
from branchdesk.storage.holidays import work_calendar
from branchdesk.storage.ledger import Ledger

CLOCK = FixedClock.on("2024-03-01")
# A small stand-in for the city scale (all ten counties, city units), quick enough for every test run.
MINI_CITY = ScaleSpec(600, 280, 6_000, SCALES["city"].counties, 2, city_organs=60, ended=3, late=4)
DEMO_TABLES = ("region", "unit", "branch", "draw", "pairing", "key_task", "activity", "activity_area")


def _generate(path: Path, scale: str, clock: FixedClock = CLOCK, **options: Any) -> DemoSummary:
    return generate_demo(path, scale, clock=clock, **options)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, DemoSummary]]:
    folder = tmp_path_factory.mktemp("演示 台账")
    return {
        scale: (folder / f"{scale}.bdesk", _generate(folder / f"{scale}.bdesk", scale))
        for scale in ("township", "county")
    }


@pytest.fixture(scope="module")
def mini_city(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoSummary]:
    path = tmp_path_factory.mktemp("mini") / "mini.bdesk"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(demo, "SCALES", {**SCALES, "mini": MINI_CITY})
        return path, _generate(path, "mini")


def _open(path: Path) -> Iterator[Ledger]:
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        yield ledger


@pytest.fixture(params=["township", "county", "mini"], scope="module")
def each(
    request: pytest.FixtureRequest,
    made: dict[str, tuple[Path, DemoSummary]],
    mini_city: tuple[Path, DemoSummary],
) -> Iterator[tuple[Ledger, ScaleSpec]]:
    path, _ = mini_city if request.param == "mini" else made[request.param]
    spec = MINI_CITY if request.param == "mini" else SCALES[request.param]
    for ledger in _open(path):
        yield ledger, spec


@pytest.fixture(scope="module")
def county(made: dict[str, tuple[Path, DemoSummary]]) -> Iterator[Ledger]:
    yield from _open(made["county"][0])


@pytest.fixture(scope="module")
def city(mini_city: tuple[Path, DemoSummary]) -> Iterator[Ledger]:
    yield from _open(mini_city[0])


def _count(ledger: Ledger, sql: str, *params: object) -> int:
    return int(ledger.scalar(sql, params))


# -- the scales -----------------------------------------------------------------------------------------


def test_scales_are_the_four_of_the_design() -> None:
    assert list(SCALES) == ["township", "county", "city", "stress"]
    figures = {name: (s.branches, s.pairings, s.activities) for name, s in SCALES.items()}
    assert figures == {
        "township": (80, 40, 2_000),
        "county": (1_500, 700, 50_000),
        "city": (12_000, 5_600, 300_000),
        "stress": (50_000, 25_000, 1_000_000),
    }


@pytest.mark.parametrize("spec", [*SCALES.values(), MINI_CITY])
def test_scale_counts_add_up(spec: ScaleSpec) -> None:
    # Every first draw has enough organ branches; a few grassroots branches stay unpaired.
    assert spec.organ_leftovers >= 0
    assert spec.first_draw_grassroots > 0
    assert 0 < spec.late <= spec.grassroots // 20
    assert spec.organs + spec.grassroots == spec.branches


def test_city_scales_cover_the_ten_counties_with_city_units() -> None:
    for name in ("city", "stress"):
        assert len(SCALES[name].counties) == 10
        assert SCALES[name].city_organs > 0
    assert SCALES["township"].counties == SCALES["county"].counties == ("411526",)
    assert SCALES["township"].city_organs == SCALES["county"].city_organs == 0


def test_counties_have_their_official_codes() -> None:
    assert {code: name for code, name, _ in demo_regions.COUNTIES} == {
        "411502": "浉河区", "411503": "平桥区", "411521": "罗山县", "411522": "光山县", "411523": "新县",
        "411524": "商城县", "411525": "固始县", "411526": "潢川县", "411527": "淮滨县", "411528": "息县",
    }  # fmt: skip


def test_unknown_scale_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BranchDeskError) as raised:
        _generate(tmp_path / "x.bdesk", "province")
    assert raised.value.code == "demo.unknown_scale"
    assert raised.value.params == {"scale": "province", "choices": "township, county, city, stress"}
    assert not (tmp_path / "x.bdesk").exists()


# -- counts ---------------------------------------------------------------------------------------------


def test_exact_counts(each: tuple[Ledger, ScaleSpec]) -> None:
    ledger, spec = each
    assert _count(ledger, "SELECT count(*) FROM branch") == spec.branches
    assert _count(ledger, "SELECT count(*) FROM pairing") == spec.pairings
    assert _count(ledger, "SELECT count(*) FROM activity") == spec.activities
    assert _count(ledger, "SELECT count(*) FROM branch WHERE kind = 'organ'") == spec.organs
    assert _count(ledger, "SELECT count(*) FROM pairing WHERE ended_on IS NOT NULL") == spec.ended
    assert _count(ledger, "SELECT count(*) FROM branch WHERE archived_on IS NOT NULL") == spec.ended


def test_summary_tells_the_counts(made: dict[str, tuple[Path, DemoSummary]]) -> None:
    path, summary = made["county"]
    assert summary == DemoSummary(
        scale="county", seed=2022, regions=20, units=summary.units, branches=1_500, draws=2, pairings=700,
        activities=50_000,
    )  # fmt: skip
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        assert _count(ledger, "SELECT count(*) FROM unit") == summary.units > 0


def test_the_ledger_is_healthy(each: tuple[Ledger, ScaleSpec]) -> None:
    # integrity_check also verifies every CHECK constraint, which the bulk load does not evaluate.
    assert check_ledger(each[0]) == []


# -- places and names -----------------------------------------------------------------------------------


def test_township_scale_is_two_townships_of_huangchuan(made: dict[str, tuple[Path, DemoSummary]]) -> None:
    for ledger in _open(made["township"][0]):
        rows = ledger.query("SELECT name, level, code FROM region ORDER BY id")
        assert [tuple(r.values()) for r in rows] == [
            ("信阳市", "city", "411500"),
            ("潢川县", "county", "411526"),
            ("春申街道", "township", None),
            ("双柳树镇", "township", None),
        ]
        assert _count(ledger, "SELECT count(*) FROM unit WHERE level <> 'county'") == 0


def test_county_scale_is_huangchuan_with_its_townships(county: Ledger) -> None:
    townships = [r["name"] for r in county.query("SELECT name FROM region WHERE level = 'township'")]
    assert 15 <= len(townships) <= 20
    assert all(re.fullmatch(r".+(街道|镇|乡)", name) for name in townships)
    assert {r["name"] for r in county.query("SELECT name FROM region WHERE level = 'county'")} == {"潢川县"}


def test_mini_city_has_all_counties_under_xinyang(city: Ledger) -> None:
    counties = city.query(
        "SELECT c.name, c.code FROM region c JOIN region p ON p.id = c.parent_id WHERE c.level = 'county'"
        " AND p.name = '信阳市' AND p.code = '411500' ORDER BY c.code"
    )
    assert [r["code"] for r in counties] == sorted(MINI_CITY.counties)


def test_branch_names_look_real(county: Ledger) -> None:
    names = {r["kind"]: r["name"] for r in county.query("SELECT kind, name FROM branch GROUP BY kind")}
    assert names.keys() == {"organ", "village", "community", "grid"}
    bad = county.query(
        """
        SELECT b.name, b.kind FROM branch b LEFT JOIN branch c ON c.id = b.community_id
        WHERE NOT (
            (b.kind = 'organ' AND b.name GLOB '*潢川县*党支部')
            OR (b.kind = 'village' AND b.name GLOB '*村党支部')
            OR (b.kind = 'community' AND b.name GLOB '*社区党支部')
            OR (b.kind = 'grid' AND c.kind = 'community' AND b.region_id = c.region_id
                AND b.name GLOB replace(c.name, '党支部', '') || '第*网格党支部')
        )
        """
    )
    assert bad == []
    assert _count(county, "SELECT count(*) FROM branch WHERE name = '潢川县财政局机关第一党支部'") <= 1
    assert _count(county, "SELECT count(*) FROM branch WHERE name GLOB '*机关第二党支部'") > 0
    # Each township's seat community takes its name.
    assert _count(county, "SELECT count(*) FROM branch WHERE name = '春申社区党支部'") == 1
    assert _count(county, "SELECT count(*) FROM branch WHERE name GLOB '春申社区第*网格党支部'") > 1


def test_secretaries_phones_members_and_dates(each: tuple[Ledger, ScaleSpec]) -> None:
    ledger, _ = each
    rows = ledger.query("SELECT secretary, phone, member_count, established_on, kind FROM branch")
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", r["secretary"]) for r in rows)
    assert all(re.fullmatch(r"1[3-9]\d{9}", r["phone"]) for r in rows)
    assert all(3 <= r["member_count"] <= 60 for r in rows)
    assert all("1950-01-01" < r["established_on"] <= "2024-03-01" for r in rows)
    assert len({r["phone"] for r in rows}) > 0.99 * len(rows)


def test_units_have_their_levels(city: Ledger) -> None:
    levels = {r["level"]: r["n"] for r in city.query("SELECT level, count(*) AS n FROM unit GROUP BY level")}
    assert levels.keys() == {"city", "central", "county"}
    assert _count(city, "SELECT count(*) FROM unit WHERE name = '市财政局' AND level = 'city'") <= 1
    # City-level and central units sit at the city node; county ones at their county.
    assert (
        city.query(
            """
        SELECT u.name FROM unit u JOIN region r ON r.id = u.region_id
        WHERE (u.level IN ('city', 'central')) <> (r.level = 'city') OR r.level = 'township'
        """
        )
        == []
    )
    assert _count(city, "SELECT count(*) FROM branch WHERE name GLOB '信阳市*党支部' AND kind = 'organ'") > 0


# -- tiers and optimisation -----------------------------------------------------------------------------


def _shares(ledger: Ledger, where: str) -> dict[str | None, float]:
    rows = ledger.query(f"SELECT tier, count(*) AS n FROM branch WHERE {where} GROUP BY tier")
    total = sum(r["n"] for r in rows)
    return {r["tier"]: r["n"] / total for r in rows}


def test_organs_are_mostly_strong_and_grassroots_skewed_weak(county: Ledger) -> None:
    organs = _shares(county, "kind = 'organ'")
    assert organs["strong"] > 0.5 > organs["weak"]
    tiers_at_pairing = county.query("SELECT grassroots_tier AS tier, count(*) AS n FROM pairing GROUP BY 1")
    weak = next(r["n"] for r in tiers_at_pairing if r["tier"] == "weak")
    assert weak > 0.35 * sum(r["n"] for r in tiers_at_pairing)
    assert None not in _shares(county, "1")  # counties grade every branch


def test_some_city_level_organs_are_ungraded(city: Ledger) -> None:
    ungraded = _shares(city, "kind = 'organ' AND region_id = (SELECT id FROM region WHERE level = 'city')")
    assert 0.05 < ungraded[None] < 0.3
    assert (
        _count(
            city,
            "SELECT count(*) FROM branch b JOIN region r ON r.id = b.region_id"
            " WHERE b.tier IS NULL AND r.level <> 'city'",
        )
        == 0
    )


def test_optimisation_rates(county: Ledger, city: Ledger) -> None:
    county_rate = ledger_stats(county).optimisation
    assert 99.0 <= 100 * county_rate.count / county_rate.total <= 99.9
    city_rate = ledger_stats(city, "信阳市", direct=True).optimisation
    assert city_rate.total == MINI_CITY.city_organs
    assert 95.0 <= 100 * city_rate.count / city_rate.total <= 97.0
    assert (
        county.query(
            "SELECT optimised_on FROM branch WHERE optimised_on NOT BETWEEN '2022-04-04' AND '2022-04-20'"
        )
        == []
    )


def test_real_city_scale_matches_the_article() -> None:
    # 1083 of 1127 city-level organ branches optimised: the article's 96.09 %. (The branches of the real
    # city scale, without writing them: generating it whole takes longer than a test should.)
    build = Build(SCALES["city"], 2022, dt.date(2023, 12, 31))
    counties = build_places(build)
    assigned = build_city(build, counties)
    build_counties(build, counties)
    city_organs = [organ for organs, _ in assigned for organ in organs]
    optimise(build, city_organs, [organ for c in counties for organ in c.organs])
    assert (sum(b.optimised_on is not None for b in city_organs), len(city_organs)) == (1083, 1127)
    assert len(build.branches) == SCALES["city"].branches


# -- pairings -------------------------------------------------------------------------------------------


def test_one_to_one_at_every_moment(each: tuple[Ledger, ScaleSpec]) -> None:
    ledger, _ = each
    for side in ("organ_id", "grassroots_id"):
        overlapping = ledger.query(
            f"""
            SELECT a.id FROM pairing a JOIN pairing b ON a.{side} = b.{side} AND a.id < b.id
            WHERE a.started_on <= coalesce(b.ended_on, '9999-12-31')
              AND b.started_on <= coalesce(a.ended_on, '9999-12-31')
            """
        )
        assert overlapping == []


def test_pairing_sides_and_tiers(each: tuple[Ledger, ScaleSpec]) -> None:
    ledger, _ = each
    wrong = ledger.query(
        """
        SELECT p.id FROM pairing p JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id
        WHERE o.kind <> 'organ' OR g.kind NOT IN ('village', 'community', 'grid')
           OR p.organ_tier IS NOT o.tier
        """
    )
    assert wrong == []


def test_a_demo_breaks_no_rule_of_the_ledger(each: tuple[Ledger, ScaleSpec]) -> None:
    ledger, _ = each
    assert rule_problems(ledger) == []


def test_pairings_keep_the_tiers_of_pairing_time(county: Ledger) -> None:
    # Some grassroots branches have been graded up since they were paired (strong leading weak).
    changes = county.query(
        """
        SELECT p.grassroots_tier AS paired, g.tier AS now, count(*) AS n
        FROM pairing p JOIN branch g ON g.id = p.grassroots_id
        WHERE g.tier IS NOT p.grassroots_tier GROUP BY 1, 2
        """
    )
    assert {(c["paired"], c["now"]) for c in changes} == {("weak", "average"), ("average", "strong")}
    assert sum(c["n"] for c in changes) > 0.05 * SCALES["county"].pairings


def test_pairings_started_in_april_2022(each: tuple[Ledger, ScaleSpec]) -> None:
    ledger, spec = each
    first = ledger.query(
        "SELECT min(started_on) AS a, max(started_on) AS b FROM pairing WHERE id <= ?",
        [spec.pairings - spec.ended],
    )[0]
    assert first["a"] >= "2022-04-04"
    assert first["b"] <= "2022-04-20"
    # So no pairing was active throughout April 2022, and its compliance has no rate.
    assert _count(ledger, "SELECT count(*) FROM pairing WHERE started_on <= '2022-04-01'") == 0
    compliance = ledger_stats(ledger, month=Month(2022, 4)).compliance
    assert (compliance.total, compliance.percent) == (0, None)


def test_draws_are_recorded_and_can_be_rerun(county: Ledger) -> None:
    draws = county.query("SELECT * FROM draw ORDER BY id")
    assert [(d["committed"], d["algorithm_version"], d["swaps"]) for d in draws] == [(1, 1, "[]")] * 2
    assert _count(county, "SELECT count(*) FROM pairing WHERE method = 'draw' AND draw_id IS NULL") == 0
    first = draws[0]
    pairs = county.query(
        """
        SELECT o.uuid AS organ, g.uuid AS grassroots, p.grassroots_tier AS tier
        FROM pairing p JOIN branch o ON o.id = p.organ_id JOIN branch g ON g.id = p.grassroots_id
        WHERE p.draw_id = ? ORDER BY p.id
        """,
        [first["id"]],
    )
    organs = county.query("SELECT uuid, tier FROM branch WHERE kind = 'organ'")
    rerun = draw(
        [Candidate(o["uuid"], Tier(o["tier"])) for o in organs],
        [Candidate(p["grassroots"], Tier(p["tier"])) for p in pairs],
        first["seed"],
    )
    assert (rerun.input_hash, rerun.result_hash) == (first["input_hash"], first["result_hash"])
    assert [(p.organ.uuid, p.grassroots.uuid) for p in rerun.pairs] == [
        (p["organ"], p["grassroots"]) for p in pairs
    ]


def test_ended_pairings_archive_their_grassroots(each: tuple[Ledger, ScaleSpec]) -> None:
    ledger, spec = each
    ended = ledger.query(
        "SELECT p.ended_on, p.end_reason, g.archived_on, g.kind"
        " FROM pairing p JOIN branch g ON g.id = p.grassroots_id WHERE p.ended_on IS NOT NULL"
    )
    assert len(ended) == spec.ended
    assert all(
        e["archived_on"] == e["ended_on"] and e["end_reason"] and e["kind"] == "village" for e in ended
    )
    assert ledger_stats(ledger).branches.archived == spec.ended


def test_coverage_is_near_full_with_a_few_late_branches_unpaired(county: Ledger) -> None:
    coverage = ledger_stats(county).grassroots_coverage
    assert coverage.total - coverage.count == SCALES["county"].late
    assert coverage.percent is not None
    assert 98.5 <= float(coverage.percent) < 100
    # The unpaired ones were set up after the county's last draw.
    last_draw = county.scalar("SELECT max(started_on) FROM pairing")
    unpaired = county.query(
        """
        SELECT established_on FROM branch b WHERE kind <> 'organ' AND archived_on IS NULL
        AND NOT EXISTS (SELECT 1 FROM pairing p WHERE p.grassroots_id = b.id AND p.ended_on IS NULL)
        """
    )
    assert len(unpaired) == SCALES["county"].late
    assert all(u["established_on"] > last_draw for u in unpaired)


def test_city_units_are_assigned_central_communities(city: Ledger) -> None:
    units = city.query(
        """
        SELECT u.id, c.kind, t.name AS township, d.name AS district
        FROM unit u JOIN branch c ON c.id = u.assigned_community_id
        JOIN region t ON t.id = c.region_id JOIN region d ON d.id = t.parent_id
        WHERE u.level IN ('city', 'central')
        """
    )
    assert len(units) == _count(city, "SELECT count(*) FROM unit WHERE level IN ('city', 'central')") > 0
    assert all(u["kind"] == "community" and u["township"].endswith("街道") for u in units)
    assert {u["district"] for u in units} <= {"浉河区", "平桥区"}
    # Each of their organ branches pairs, assigned, with a grid of that community.
    wrong = city.query(
        """
        SELECT o.id FROM branch o JOIN unit u ON u.id = o.unit_id
        LEFT JOIN pairing p ON p.organ_id = o.id
        LEFT JOIN branch g ON g.id = p.grassroots_id
        WHERE u.level IN ('city', 'central')
          AND NOT (p.method = 'assigned' AND p.draw_id IS NULL AND g.kind = 'grid'
                   AND g.community_id = u.assigned_community_id)
        """
    )
    assert wrong == []
    assert _count(city, "SELECT count(*) FROM pairing WHERE method = 'assigned'") == MINI_CITY.city_organs


# -- key tasks and activities ---------------------------------------------------------------------------


def test_key_tasks_per_half_year(county: Ledger) -> None:
    tasks = county.query("SELECT half_year, name FROM key_task ORDER BY id")
    assert {t["half_year"] for t in tasks} == {"2022-H1", "2022-H2", "2023-H1", "2023-H2"}
    assert [t["name"] for t in tasks if t["half_year"] == "2022-H1"] == [
        "疫情防控",
        "防汛救灾",
        "农村“饺子宴”治理",
    ]
    wrong = county.query(
        """
        SELECT a.id FROM activity a LEFT JOIN key_task k ON k.id = a.key_task_id
        WHERE (a.type = 'key_task') <> (k.id IS NOT NULL)
           OR k.half_year <> substr(a.held_on, 1, 4) || '-H'
                             || (CASE WHEN substr(a.held_on, 6, 2) <= '06' THEN 1 ELSE 2 END)
        """
    )
    assert wrong == []


def test_activities_lie_within_their_pairings_and_the_span(each: tuple[Ledger, ScaleSpec]) -> None:
    ledger, _ = each
    outside = ledger.query(
        """
        SELECT a.id FROM activity a JOIN pairing p ON p.id = a.pairing_id
        WHERE a.held_on < p.started_on OR a.held_on > coalesce(p.ended_on, '9999-12-31')
           OR a.held_on < '2022-04-01' OR a.held_on > '2023-12-31'
        """
    )
    assert outside == []


def test_activity_details(each: tuple[Ledger, ScaleSpec]) -> None:
    ledger, _ = each
    assert (
        ledger.query(
            "SELECT id FROM activity"
            " WHERE volunteers NOT BETWEEN 2 AND 40 OR location IS NULL OR summary IS NULL"
        )
        == []
    )
    areas = ledger.query(
        "SELECT count(r.area) AS n"
        " FROM activity a LEFT JOIN activity_area r ON r.activity_id = a.id GROUP BY a.id"
    )
    assert {r["n"] for r in areas} == {1, 2, 3}
    types = {r["type"] for r in ledger.query("SELECT DISTINCT type FROM activity")}
    assert types == {"themed_day", "lecture", "key_task", "visit", "volunteer", "other"}


def test_a_themed_day_in_most_months_for_most_pairings(county: Ledger) -> None:
    rates = [
        ledger_stats(county, month=month).compliance
        for month in (Month(2022, 5), Month(2023, 6), Month(2023, 12))
    ]
    for rate in rates:
        assert rate.total > 0
        assert 0.88 <= rate.count / rate.total <= 0.98


def test_routine_activities_keep_to_weekends(county: Ledger) -> None:
    # Read with the ledger's own holiday table, as the weekday figure of the stats is.
    calendar = work_calendar(county)
    rows = county.query("SELECT held_on, type, weekday_reason FROM activity")
    working = [calendar.is_working_day(dt.date.fromisoformat(r["held_on"])) for r in rows]
    routine = [(r, w) for r, w in zip(rows, working, strict=True) if r["type"] != "key_task"]
    on_working_days = [r for r, w in routine if w]
    assert 0.08 <= len(on_working_days) / len(routine) <= 0.2
    with_reason = [r for r in on_working_days if r["weekday_reason"]]
    assert 0.1 <= len(with_reason) / len(on_working_days) <= 0.5
    assert all(r["weekday_reason"] is None for r, w in routine if not w)
    # Key-task work goes on any day.
    key_tasks = [w for r, w in zip(rows, working, strict=True) if r["type"] == "key_task"]
    assert 0.5 <= sum(key_tasks) / len(key_tasks) <= 0.85


# -- determinism, the clock and the file ----------------------------------------------------------------


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    for ledger in _open(path):
        for table in DEMO_TABLES:
            for row in ledger.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def test_same_seed_same_ledger(tmp_path: Path, made: dict[str, tuple[Path, DemoSummary]]) -> None:
    again = tmp_path / "again.bdesk"
    _generate(again, "township")
    assert _digest(again) == _digest(made["township"][0])
    other = tmp_path / "other.bdesk"
    _generate(other, "township", seed=7)
    assert _digest(other) != _digest(again)


def test_a_clock_before_the_end_of_2023_shortens_the_span(tmp_path: Path) -> None:
    path = tmp_path / "early.bdesk"
    clock = FixedClock.on("2022-05-19")
    assert _generate(path, "township", clock=clock).activities == 2_000
    with open_ledger(path, clock, read_only=True) as ledger:
        assert ledger.scalar("SELECT max(held_on) FROM activity") <= "2022-05-19"
        assert ledger.scalar("SELECT max(established_on) FROM branch") <= "2022-05-19"
        assert _count(ledger, "SELECT count(*) FROM pairing") == 40
        assert {r["half_year"] for r in ledger.query("SELECT half_year FROM key_task")} == {
            str(HalfYear(2022, 1))
        }
        assert check_ledger(ledger) == []


def test_a_clock_before_the_draws_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BranchDeskError) as raised:
        _generate(tmp_path / "x.bdesk", "township", clock=FixedClock.on("2022-04-15"))
    assert raised.value.code == "demo.clock_too_early"
    assert not (tmp_path / "x.bdesk").exists()


def test_refuses_to_overwrite_unless_told(tmp_path: Path) -> None:
    path = tmp_path / "已有.bdesk"
    path.write_bytes(b"keep me")
    with pytest.raises(BranchDeskError) as raised:
        _generate(path, "township")
    assert raised.value.code == "ledger.exists"
    assert path.read_bytes() == b"keep me"
    assert _generate(path, "township", overwrite=True).branches == 80
    with open_ledger(path, CLOCK, read_only=True) as ledger:
        assert _count(ledger, "SELECT count(*) FROM branch") == 80


def test_progress_is_reported_by_stage(tmp_path: Path) -> None:
    stages: list[str] = []
    _generate(tmp_path / "p.bdesk", "township", progress=stages.append)
    assert stages == list(STAGES)


def test_a_failed_load_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(bulk, "insert_activities", fail)
    with pytest.raises(RuntimeError):
        _generate(tmp_path / "broken.bdesk", "township")
    assert not (tmp_path / "broken.bdesk").exists()


# -- the three lists ------------------------------------------------------------------------------------


def test_the_lists_hold_believable_items(county: Ledger) -> None:
    """About four items a pairing; projects match a need and a resource of their own pairing; items lie
    within their pairing; most of those due are ticked off with a note, some are overdue."""
    pairings = _count(county, "SELECT count(*) FROM pairing")
    items = _count(county, "SELECT count(*) FROM plan_item")
    assert 3 * pairings <= items <= 5 * pairings
    assert {row["kind"] for row in county.query("SELECT DISTINCT kind FROM plan_item")} == {
        "need",
        "resource",
        "project",
    }
    assert "村道硬化" in {
        row["title"] for row in county.query("SELECT title FROM plan_item WHERE kind = 'need'")
    }
    mismatched = """
        SELECT count(*) FROM plan_item i
        JOIN plan_item n ON n.id = i.need_id JOIN plan_item r ON r.id = i.resource_id
        WHERE i.kind <> 'project' OR n.kind <> 'need' OR r.kind <> 'resource'
           OR n.pairing_id <> i.pairing_id OR r.pairing_id <> i.pairing_id
    """
    assert _count(county, mismatched) == 0
    outside = """
        SELECT count(*) FROM plan_item i JOIN pairing p ON p.id = i.pairing_id
        WHERE i.opened_on < p.started_on OR i.opened_on > coalesce(p.ended_on, '9999-12-31')
    """
    assert _count(county, outside) == 0
    done = _count(county, "SELECT count(*) FROM plan_item WHERE status = 'done'")
    assert done > items / 3
    assert _count(county, "SELECT count(*) FROM plan_item WHERE status = 'done' AND done_note IS NULL") == 0
    figures = ledger_stats(county, as_of=dt.date(2023, 12, 31)).as_json()["items"]
    hand = county.query(
        """
        SELECT sum(kind = 'need') AS need, sum(kind = 'resource') AS resource,
               sum(kind = 'project') AS project, sum(done_on <= '2023-12-31') AS done,
               sum(due_on < '2023-12-31' AND (done_on IS NULL OR done_on > '2023-12-31')) AS overdue
        FROM plan_item WHERE opened_on <= '2023-12-31'
        """
    )[0]
    assert figures == hand
    assert 0 < figures["overdue"] < figures["done"]


def test_items_worked_on_are_linked_to_their_pairings_activities_of_that_time(county: Ledger) -> None:
    """Most items in progress or ticked off name one to three activities that worked on them: of their own
    pairing, held between the item's raising and its 销号; items not begun name none."""
    links = _count(county, "SELECT count(*) FROM plan_item_activity")
    begun = _count(county, "SELECT count(*) FROM plan_item WHERE status <> 'open'")
    linked = _count(county, "SELECT count(DISTINCT plan_item_id) FROM plan_item_activity")
    assert begun / 2 < linked <= begun
    assert linked <= links <= 3 * linked
    wrong = """
        SELECT count(*) FROM plan_item_activity l JOIN plan_item i ON i.id = l.plan_item_id
        JOIN activity a ON a.id = l.activity_id
        WHERE a.pairing_id <> i.pairing_id OR i.status = 'open' OR a.held_on < i.opened_on
           OR a.held_on > coalesce(i.done_on, '9999-12-31')
    """
    assert _count(county, wrong) == 0
    assert _count(county, "SELECT count(*) FROM plan_item_activity WHERE uuid IS NULL") == 0
