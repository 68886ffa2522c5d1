"""``branchdesk-cli publish``: the snapshot a city or county puts on its intranet with Datasette (issue #22).

The canned queries are run here with SQLite itself; tests/test_publish_datasette.py runs them through a
real Datasette server.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
import sqlite3
import tomllib
from pathlib import Path
from typing import Any

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind
from branchdesk.exchange.publish import METADATA_NAME, PASSWORD_VARIABLE, SNAPSHOT_NAME
from branchdesk.services.demo import generate_demo
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.regions import find_region
from branchdesk.services.stars import rate_branch, star_mix
from branchdesk.storage.publish import snapshot_columns
from tests.builders import LedgerBuilder, day

DEMO_DAY = "2023-01-15"
AS_OF = "2022-12-31"
# Words of personal data: none may name a column a reader can reach without --include-personal.
PERSONAL_WORDS = (
    "secretary", "phone", "liaison", "host", "owner", "reasons", "书记", "电话", "联络员", "主持人", "姓名",
    "负责人", "请假原因",
)  # fmt: skip


def cli(*argv: str, clock: FixedClock) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), clock=clock, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def county_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("县 demo") / "潢川县.bdesk"
    generate_demo(path, "county", clock=FixedClock.on(DEMO_DAY))
    return path


def stats_json(ledger: Path, region: str, month: str, as_of: str = AS_OF) -> dict[str, Any]:
    code, out, err = cli(
        "stats", str(ledger), "--json", "--region", region, "--month", month, "--as-of", as_of,
        clock=FixedClock.on(DEMO_DAY),
    )  # fmt: skip
    assert (code, err) == (EXIT_OK, "")
    result: dict[str, Any] = json.loads(out)
    return result


def figures_as_stats(rows: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The canned queries' rows (by query name, Chinese column titles) in the shape of ``stats --json``."""
    coverage, optimisation = rows["coverage"], rows["optimisation"]
    compliance, activities = rows["compliance"], rows["activities"]
    targets, teams, items = rows["targets"], rows["teams"], rows["items"]
    return {
        "region": {"path": coverage["区域"]},
        "as_of": coverage["截至日期"],
        "month": compliance["月份"],
        "branches": {
            "organ": optimisation["机关党支部"],
            "grassroots": optimisation["基层党支部"],
            "archived": optimisation["已归档"],
        },
        "coverage": {
            "grassroots": {
                "count": coverage["基层党支部已结对"],
                "total": coverage["基层党支部总数"],
                "rate": coverage["基层覆盖率(%)"],
            },
            "organ": {
                "count": coverage["机关党支部已结对"],
                "total": coverage["机关党支部总数"],
                "rate": coverage["机关覆盖率(%)"],
            },
        },
        "optimisation": {
            "count": optimisation["已优化机关党支部"],
            "total": optimisation["机关党支部"],
            "rate": optimisation["优化率(%)"],
        },
        "compliance": {
            "month": compliance["月份"],
            "count": compliance["开展主题党日的结对"],
            "total": compliance["应开展的结对"],
            "rate": compliance["主题党日落实率(%)"],
        },
        "activities": {
            "month": activities["月份"],
            "count": activities["活动次数"],
            "themed_days": activities["主题党日"],
            "key_task": activities["重点任务"],
            "volunteer_person_times": activities["党员志愿者人次"],
            "weekday": activities["工作日开展的常规活动"],
            "attendance_rate": {
                "count": activities["实到人次"],
                "total": activities["应到人次"],
                "rate": activities["出勤率(%)"],
            },
        },
        "targets": {
            "count": targets["协议数值目标"],
            "reached": targets["已达成目标"],
            "rate": targets["目标达成率(%)"],
            "overdue": targets["逾期未达成目标"],
        },
        "teams": {
            "month": teams["月份"],
            "members": teams["在岗驻村队员"],
            "below_rule": teams["未达天数要求"],
        },
        "items": {
            "need": items["需求清单事项"],
            "resource": items["资源清单事项"],
            "project": items["项目清单事项"],
            "done": items["已销号事项"],
            "overdue": items["逾期未销号事项"],
        },
    }


def same_keys(stats: dict[str, Any]) -> dict[str, Any]:
    """``stats --json`` cut to what the canned queries show."""
    keys = ("as_of", "month", "branches", "coverage", "optimisation", "compliance", "activities")
    keys += ("targets", "teams", "items")
    return {"region": {"path": stats["region"]["path"]}, **{key: stats[key] for key in keys}}


# The canned queries that list rows (the others give one row of figures).
LISTS = ("teams_shortfall", "stars")
STARS = ("五星", "四星", "三星", "二星", "一星")


def canned_rows(snapshot: Path, name: str, params: dict[str, str]) -> list[dict[str, Any]]:
    queries = json.loads((snapshot.parent / METADATA_NAME).read_text(encoding="utf-8"))["databases"]["ledger"]
    query = queries["queries"][name]
    with contextlib.closing(sqlite3.connect(f"{snapshot.as_uri()}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        # A parameter of the query not given is empty, as Datasette hands it over.
        given = {name: params.get(name, "") for name in query["params"]}
        return [dict(row) for row in conn.execute(query["sql"], given)]


def star_mix_by_hand(ledger: Path, region: str, as_of: str) -> list[dict[str, Any]]:
    """The star mix the ``stars`` query lists, worked out here in Python from the raw rows: per year rated
    by ``as_of`` (newest first), the region's grassroots branches existing then and their stars of that
    year as rated by then."""
    with open_ledger(ledger, FixedClock.on(DEMO_DAY), read_only=True) as opened:
        found = find_region(opened, region)
        parents = dict(opened.conn.execute("SELECT id, parent_id FROM region").fetchall())
        branches = opened.conn.execute(
            "SELECT id, region_id, kind, established_on, archived_on FROM branch"
        ).fetchall()
        ratings = opened.conn.execute("SELECT branch_id, year, stars, rated_on FROM star_rating").fetchall()

    def inside(region_id: int | None) -> bool:
        while region_id is not None and region_id != found.id:
            region_id = parents[region_id]
        return region_id == found.id

    counted = {
        branch
        for branch, region_id, kind, established, archived in branches
        if kind != "organ" and inside(region_id) and (established or "") <= as_of
        and (archived is None or archived > as_of)
    }  # fmt: skip
    given = [(branch, year, stars) for branch, year, stars, rated in ratings if rated <= as_of]
    years = sorted({year for _, year, _ in given if year <= int(as_of[:4])}, reverse=True)
    rows = []
    for year in years:
        stars = [stars for branch, rated_year, stars in given if rated_year == year and branch in counted]
        rows.append(
            {
                "区域": found.path, "截至日期": as_of, "年度": year, "基层党支部": len(counted),
                "已评定": len(stars), **{name: stars.count(5 - n) for n, name in enumerate(STARS)},
                "未评定": len(counted) - len(stars),
            }
        )  # fmt: skip
    return rows


def as_the_chart_shows(ledger: Path, region: str, as_of: str) -> tuple[int, dict[int, int]] | None:
    """The Coverage tab's 星级分布 (its newest year, its parts added up): stars -> branches, 0 unrated;
    None when no year is rated by then (the chart says so, the query lists no row)."""
    with open_ledger(ledger, FixedClock.on(DEMO_DAY), read_only=True) as opened:
        mix = star_mix(opened, find_region(opened, region).id, dt.date.fromisoformat(as_of))
    if mix.year is None:
        return None
    return mix.year, {n: sum(item.counts.get(n, 0) for item in mix.items) for n in range(6)}


def newest_as_charted(rows: list[dict[str, Any]]) -> tuple[int, dict[int, int]] | None:
    if not rows:
        return None
    newest = rows[0]
    return newest["年度"], {0: newest["未评定"], **{5 - n: newest[name] for n, name in enumerate(STARS)}}


def run_canned(snapshot: Path, params: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Each figures query's one row, by name; a list query's rows must be as many as its figure counts."""
    queries = json.loads((snapshot.parent / METADATA_NAME).read_text(encoding="utf-8"))["databases"]["ledger"]
    rows: dict[str, dict[str, Any]] = {}
    for name in queries["queries"]:
        found = canned_rows(snapshot, name, params)
        if name not in LISTS:
            assert len(found) == 1
            rows[name] = found[0]
    shortfall = canned_rows(snapshot, "teams_shortfall", params)
    assert len(shortfall) == rows["teams"]["未达天数要求"]
    assert all(
        row["差额"] > 0 and row["差额"] == row["应达天数"] - row["在村及公务天数"] for row in shortfall
    )
    return rows


def publish(ledger: Path, out_dir: Path, *extra: str) -> Path:
    code, out, err = cli(
        "publish", str(ledger), str(out_dir), "--as-of", AS_OF, *extra, clock=FixedClock.on(DEMO_DAY)
    )
    assert (code, err) == (EXIT_OK, "")
    assert "ledger.db" in out
    return out_dir / SNAPSHOT_NAME


@pytest.mark.parametrize("part", [None, "潢川县", "信阳市/潢川县/仁和镇"])
def test_canned_queries_equal_stats_json(county_demo: Path, tmp_path: Path, part: str | None) -> None:
    snapshot = publish(county_demo, tmp_path / "发布", *(("--region", part) if part else ()))
    regions = [part] if part else ["潢川县", "信阳市/潢川县/仁和镇", "上油岗乡"]
    for region in regions:
        for month in ("2022-04", "2022-06", "2022-11"):
            canned = run_canned(snapshot, {"区域": region, "月份": month, "截至日期": ""})
            assert figures_as_stats(canned) == same_keys(stats_json(county_demo, region, month))
        for as_of in ("2022-06-30", "2022-12-18", AS_OF):  # before any rating, half the county's, all
            stars = canned_rows(snapshot, "stars", {"区域": region, "截至日期": as_of})
            assert stars == star_mix_by_hand(county_demo, region, as_of)
            assert newest_as_charted(stars) == as_the_chart_shows(county_demo, region, as_of)
    # Targets and items are counted as of a day: reached, done and overdue change with it.
    for as_of in ("2022-06-30", "2022-09-15"):
        canned = run_canned(snapshot, {"区域": regions[0], "月份": "2022-06", "截至日期": as_of})
        expected = same_keys(stats_json(county_demo, regions[0], "2022-06", as_of))
        assert figures_as_stats(canned) == expected
    # Left empty, the parameters are the published region, the as-of date and the last month ended by it.
    defaults = run_canned(snapshot, {"区域": "", "月份": "", "截至日期": ""})
    assert figures_as_stats(defaults) == same_keys(stats_json(county_demo, part or "信阳市", "2022-11"))
    stars = canned_rows(snapshot, "stars", {})
    assert stars == star_mix_by_hand(county_demo, part or "信阳市", AS_OF)
    assert [row["年度"] for row in stars] == [2022]
    assert stars[0]["已评定"] > 0


def test_the_star_mix_lists_each_year_rated_by_the_day(build: LedgerBuilder, tmp_path: Path) -> None:
    """Two years of ratings in a new ledger: a row a year, newest first; organ branches, a branch archived
    or not yet established on the day, and a rating given after the day are not counted."""
    tree = build.tree()
    villages = build.villages(tree["hc_chengguan"], 4)
    renhe = build.villages(tree["hc_renhe"], 2, prefix="仁和")
    archived = build.branch(
        "旧村党支部", BranchKind.VILLAGE, tree["hc_chengguan"], archived_on=day("2022-03-01")
    )
    later = build.branch(
        "新村党支部", BranchKind.VILLAGE, tree["hc_chengguan"], established_on=day("2022-05-15")
    )
    build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 2)
    for branch, year, stars, rated in (
        (villages[0], 2021, 3, "2022-01-10"), (villages[1], 2021, 4, "2022-01-10"),
        (archived, 2021, 2, "2022-01-10"), (renhe[0], 2021, 5, "2022-01-12"),
        (villages[0], 2022, 4, "2022-05-01"), (villages[2], 2022, 5, "2022-05-02"),
        (villages[3], 2022, 1, "2022-05-18"), (later, 2022, 5, "2022-05-18"),
    ):  # fmt: skip
        rate_branch(build.ledger, branch, year, stars, day(rated))
    snapshot = publish(build.ledger.path, tmp_path / "发布")
    as_of = "2022-05-10"
    rows = canned_rows(snapshot, "stars", {"区域": "信阳市/潢川县/城关镇", "截至日期": as_of})
    assert [
        (r["年度"], r["基层党支部"], r["已评定"], r["五星"], r["四星"], r["三星"], r["未评定"]) for r in rows
    ] == [
        (2022, 4, 2, 1, 1, 0, 2),
        (2021, 4, 2, 0, 1, 1, 2),
    ]
    assert rows == star_mix_by_hand(build.ledger.path, "信阳市/潢川县/城关镇", as_of)
    county = canned_rows(snapshot, "stars", {"区域": "潢川县", "截至日期": "2022-05-19"})
    assert [(r["年度"], r["基层党支部"], r["已评定"], r["五星"], r["一星"]) for r in county] == [
        (2022, 7, 4, 2, 1),
        (2021, 7, 3, 1, 0),
    ]
    assert newest_as_charted(county) == as_the_chart_shows(build.ledger.path, "潢川县", "2022-05-19")
    # Before the first rating: no year to list.
    assert canned_rows(snapshot, "stars", {"区域": "潢川县", "截至日期": "2021-12-31"}) == []


def test_a_region_part_holds_that_subtree_only(county_demo: Path, tmp_path: Path) -> None:
    snapshot = publish(county_demo, tmp_path, "--region", "信阳市/潢川县/仁和镇")
    with contextlib.closing(sqlite3.connect(snapshot)) as conn:
        townships = {row[0] for row in conn.execute("SELECT DISTINCT 乡镇 FROM 结对")}
        for view in ("驻村队员", "驻村出勤", "清单", "星级"):  # their rows of the township only, and some
            assert {row[0] for row in conn.execute(f"SELECT DISTINCT 乡镇 FROM {view}")} == {"仁和镇"}
        regions = {row[0] for row in conn.execute("SELECT path FROM region_paths")}
        activities = conn.execute("SELECT count(*) FROM 活动").fetchone()[0]
    assert townships == {"仁和镇"}
    assert regions == {"信阳市", "信阳市/潢川县", "信阳市/潢川县/仁和镇"}
    assert activities == stats_in_township(county_demo, "仁和镇")


def stats_in_township(ledger: Path, township: str) -> int:
    with contextlib.closing(sqlite3.connect(f"{ledger.as_uri()}?mode=ro", uri=True)) as conn:
        found: int = conn.execute(
            "SELECT count(*) FROM activity a JOIN pairing p ON p.id = a.pairing_id"
            " JOIN branch g ON g.id = p.grassroots_id JOIN region r ON r.id = g.region_id WHERE r.name = ?",
            (township,),
        ).fetchone()[0]
    return found


def personal_columns(snapshot: Path) -> list[str]:
    return [
        f"{table}.{column}"
        for table, columns in snapshot_columns(snapshot).items()
        for column in columns
        if any(word in column.lower() for word in PERSONAL_WORDS)
    ]


def test_personal_data_is_left_out_unless_asked_for(county_demo: Path, tmp_path: Path) -> None:
    plain = publish(county_demo, tmp_path / "plain")
    assert personal_columns(plain) == []
    tables = set(snapshot_columns(plain))
    # The change log (with before/after copies of every row), packages, keys, photos (of activities and
    # of items' 销号), absentees and frozen half-year summaries are never published (publish.py says why).
    never = {"change_log", "operation", "ledger_identity", "package_log", "photo", "photo_image"}
    never |= {"plan_item_photo", "activity_absentee", "halfyear_summary"}
    assert never <= set(snapshot_columns(county_demo))
    assert not tables & never
    # The columns are gone from the file, not only from the views: nothing in its bytes names a phone.
    with contextlib.closing(sqlite3.connect(f"{county_demo.as_uri()}?mode=ro", uri=True)) as conn:
        phones = conn.execute("SELECT phone FROM branch WHERE phone IS NOT NULL LIMIT 20").fetchall()
    assert phones
    content = plain.read_bytes()
    assert not any(phone.encode() in content for (phone,) in phones)

    # Work team members are there, as are their days, the lists' items and the star ratings, without
    # the members' names, the leave reasons or the items' owners.
    columns = snapshot_columns(plain)
    assert "name" not in columns["team_member"]
    with (
        contextlib.closing(sqlite3.connect(plain)) as published,
        contextlib.closing(sqlite3.connect(f"{county_demo.as_uri()}?mode=ro", uri=True)) as ledger,
    ):
        for view, table in (("驻村队员", "team_member"), ("驻村出勤", "team_days"), ("清单", "plan_item"),
                            ("星级", "star_rating")):  # fmt: skip
            count = published.execute(f"SELECT count(*) FROM {view}").fetchone()[0]
            assert count > 0
            assert count == ledger.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        members = ledger.execute("SELECT name FROM team_member LIMIT 20").fetchall()
    assert not any(name.encode() in content for (name,) in members)

    personal = publish(county_demo, tmp_path / "personal", "--include-personal")
    assert {
        "branch.secretary", "branch.phone", "支部.书记", "支部.联系电话", "agreement.organ_phone",
        "team_member.phone", "驻村队员.姓名", "驻村出勤.请假原因", "plan_item.owner", "清单.负责人",
    } <= set(personal_columns(personal))  # fmt: skip


def test_the_help_names_the_personal_data_that_include_personal_keeps() -> None:
    """A county deciding whether to publish names and phones reads ``publish --help``: it names every kind
    the flag keeps (it named secretaries, liaisons and hosts only, not work team members, leave reasons
    or items' owners)."""
    code, out, _ = cli("publish", "--help", clock=FixedClock.on(DEMO_DAY))
    assert code == EXIT_OK
    flag = " ".join(out.split("\n  --include-personal", 1)[1].split("\n  --", 1)[0].split())
    for kind in ("书记", "联络员", "主持人", "驻村队员", "电话", "请假原因", "负责人"):
        assert kind in flag, kind


def test_a_new_ledger_publishes_and_republishing_replaces_the_snapshot(
    build: LedgerBuilder, tmp_path: Path
) -> None:
    """Published while the ledger is open (as in the window), then again after a pairing is made."""
    tree = build.tree()
    organ = build.organs(build.unit("潢川县财政局", tree["huangchuan"]), tree["huangchuan"], 1)[0]
    village = build.villages(tree["hc_chengguan"], 1)[0]
    out_dir = tmp_path / "发布"
    first = publish(build.ledger.path, out_dir)
    with contextlib.closing(sqlite3.connect(first)) as conn:
        assert conn.execute("SELECT count(*) FROM 结对").fetchone()[0] == 0
    build.pair(organ, village, "2022-04-10")
    again = publish(build.ledger.path, out_dir)
    assert again == first
    with contextlib.closing(sqlite3.connect(again)) as conn:
        assert conn.execute("SELECT 机关单位, 机关党支部, 基层党支部, 乡镇 FROM 结对").fetchall() == [
            ("潢川县财政局", "机关第1党支部", "村1村党支部", "城关镇")
        ]
    assert sorted(p.name for p in out_dir.iterdir()) == sorted([SNAPSHOT_NAME, METADATA_NAME])
    # Two counties have a 城关镇: the name alone finds no region (blank figures, never another region's).
    named = run_canned(again, {"区域": "城关镇", "月份": "2022-04", "截至日期": "2022-04-30"})
    assert (named["coverage"]["区域"], named["coverage"]["基层党支部总数"]) == (None, 0)
    path = run_canned(again, {"区域": "信阳市/潢川县/城关镇", "月份": "2022-04", "截至日期": "2022-04-30"})
    assert (path["coverage"]["区域"], path["coverage"]["基层覆盖率(%)"]) == ("信阳市/潢川县/城关镇", "100.00")


def test_serving_without_a_password_is_refused(
    county_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    code, _, err = cli("publish", str(county_demo), str(tmp_path), "--serve", clock=FixedClock.on(DEMO_DAY))
    assert code == EXIT_FAILED
    assert PASSWORD_VARIABLE in err
    assert "密码" in err
    assert list(tmp_path.iterdir()) == []


def test_the_publish_extra_stays_out_of_the_windows_installer() -> None:
    root = Path(__file__).parents[2]
    extra = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    packages = [re.split(r"[<>=!\[ ]", spec)[0] for spec in extra["optional-dependencies"]["publish"]]
    assert packages == ["datasette", "datasette-auth-passwords"]
    spec = (root / "build.spec").read_text(encoding="utf-8")
    excludes = spec.split("EXCLUDES = [", 1)[1].split("\n]", 1)[0]
    for package in packages:
        assert f"'{package.replace('-', '_')}'" in excludes
        for lock in (root / "packaging" / "lock").glob("*.txt"):
            assert f"\n{package}==" not in lock.read_text(encoding="utf-8")
