"""Issue #22's "Done means": a county demo published and served by a real Datasette (the [publish] extra,
which CI installs), its canned queries' JSON equal to ``stats --json``, refused without the password, and
no personal column reachable."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from branchdesk.exchange.publish import PASSWORD_VARIABLE, USER_NAME
from tests.exchange.test_publish import (
    AS_OF,
    PERSONAL_WORDS,
    as_the_chart_shows,
    county_demo,
    figures_as_stats,
    newest_as_charted,
    same_keys,
    star_mix_by_hand,
    stats_json,
)

__all__ = ["county_demo"]  # the module fixture, shared with the SQLite-only tests

PASSWORD = "Xinyang-2022!"
REGIONS = ("潢川县", "信阳市/潢川县/仁和镇", "上油岗乡")
MONTHS = ("2022-04", "2022-07", "2022-11")
# A facet over a city's 300,000 activities takes about a second on a busy machine.
FACET_ALLOWANCE_MS = 5000
# The canned queries that give one row of figures each.
FIGURES = ("coverage", "optimisation", "compliance", "activities", "targets", "teams", "items")


def tilde(name: str) -> str:
    """Datasette's URL form of a table or view name (a percent-encoded name is redirected to it)."""
    return "".join(
        char
        if char.isascii() and (char.isalnum() or char in "_-")
        else "".join(f"~{b:02X}" for b in char.encode())
        for char in name
    )


def free_port() -> int:
    with contextlib.closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class Site:
    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"

    def get(
        self, path: str, query: dict[str, str] | None = None, *, password: str | None = PASSWORD
    ) -> tuple[int, Any]:
        url = self.base + path + ("?" + urllib.parse.urlencode(query) if query else "")
        request = urllib.request.Request(url)
        if password is not None:
            token = base64.b64encode(f"{USER_NAME}:{password}".encode()).decode()
            request.add_header("Authorization", f"Basic {token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            error.close()
            return error.code, None


@pytest.fixture(scope="module")
def site(county_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """``branchdesk-cli publish … --serve`` as a person runs it, in its own process group (the CLI and the
    Datasette it starts), stopped at the end."""
    out_dir = tmp_path_factory.mktemp("发布 县")
    port = free_port()
    # Its log goes to a file: a pipe nobody reads would fill up and stop the server.
    log_path = out_dir.parent / "datasette.log"
    log = log_path.open("wb")
    server = subprocess.Popen(
        [
            sys.executable, "-m", "branchdesk.cli", "publish", str(county_demo), str(out_dir),
            "--region", "潢川县", "--as-of", AS_OF, "--serve", "--port", str(port),
        ],
        env={**os.environ, PASSWORD_VARIABLE: PASSWORD},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    site = Site(port)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert server.poll() is None, log_path.read_text(encoding="utf-8")
            with contextlib.suppress(OSError):
                if site.get("/-/versions.json")[0] == 200:
                    break
            assert time.monotonic() < deadline, log_path.read_text(encoding="utf-8")
            time.sleep(0.5)
        yield site
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def test_canned_queries_served_equal_stats_json(site: Site, county_demo: Path) -> None:
    for region in REGIONS:
        for month in MONTHS:
            rows: dict[str, dict[str, Any]] = {}
            parameters = {"_shape": "array", "区域": region, "月份": month, "截至日期": ""}
            for query in FIGURES:
                status, found = site.get(f"/ledger/{query}.json", parameters)
                assert status == 200
                assert len(found) == 1
                rows[query] = found[0]
            assert figures_as_stats(rows) == same_keys(stats_json(county_demo, region, month))
            # The members below the rule, one row each: as many as stats counts.
            status, shortfall = site.get("/ledger/teams_shortfall.json", {**parameters, "_size": "max"})
            assert status == 200
            assert len(shortfall) == rows["teams"]["未达天数要求"] > 0


def test_the_star_mix_served_equals_the_ratings_and_the_chart(site: Site, county_demo: Path) -> None:
    """``stats --json`` has no star figure: the query's rows are held to the ratings counted by hand and
    its newest year to the Coverage tab's 星级分布."""
    for region in REGIONS:
        for as_of in ("2022-06-30", "2022-12-18", AS_OF):
            status, rows = site.get(
                "/ledger/stars.json", {"_shape": "array", "区域": region, "截至日期": as_of}
            )
            assert status == 200
            assert rows == star_mix_by_hand(county_demo, region, as_of)
            assert newest_as_charted(rows) == as_the_chart_shows(county_demo, region, as_of)
    # Left empty: the published county on the publication's date, its ratings of 2022 given by then.
    status, rows = site.get("/ledger/stars.json", {"_shape": "array"})
    assert status == 200
    assert rows == star_mix_by_hand(county_demo, "信阳市/潢川县", AS_OF)
    assert [(row["区域"], row["年度"]) for row in rows] == [("信阳市/潢川县", 2022)]


def test_every_views_facets_are_shown(site: Site) -> None:
    """Each view's facets (县区, 乡镇, 月份 …) come back counted, none left out as timed out: at a city's
    scale a facet over the activities takes about a second, five times Datasette's default allowance."""
    status, settings = site.get("/-/settings.json")
    assert status == 200
    assert settings["facet_time_limit_ms"] >= FACET_ALLOWANCE_MS
    status, metadata = site.get("/-/metadata.json")
    assert status == 200
    faceted = {
        name: table["facets"]
        for name, table in metadata["databases"]["ledger"]["tables"].items()
        if "facets" in table
    }
    assert {"活动", "驻村出勤", "清单", "星级"} <= set(faceted)
    for view, facets in faceted.items():
        status, page = site.get(f"/ledger/{tilde(view)}.json", {"_size": "1"})
        assert status == 200
        assert sorted(page["facet_results"]) == sorted(facets), view
        assert all(result["results"] for result in page["facet_results"].values()), view


def test_the_snapshot_is_served_immutable(site: Site) -> None:
    status, databases = site.get("/-/databases.json")
    assert status == 200
    assert [(d["name"], d["is_mutable"]) for d in databases] == [("ledger", False)]


def test_without_the_password_every_page_is_refused(site: Site) -> None:
    for path in ("/", "/ledger", "/ledger/branch.json", "/ledger/coverage.json", f"/ledger/{tilde('支部')}"):
        assert site.get(path, password=None)[0] == 401
        assert site.get(path, password="wrong")[0] == 401
    assert site.get("/ledger.json", {"sql": "select 1"}, password=None)[0] == 401
    assert site.get("/ledger.json")[0] == 200


def test_no_personal_column_is_reachable(site: Site) -> None:
    status, database = site.get("/ledger.json")
    assert status == 200
    columns = {
        f"{table['name']}.{column}"
        for table in database["tables"] + database["views"]
        for column in table.get("columns", [])
    }
    views = {view["name"] for view in database["views"]}
    for view in views:  # Datasette lists no columns for views: ask each one
        status, found = site.get(f"/ledger/{tilde(view)}.json", {"_size": "1"})
        assert status == 200
        columns |= {f"{view}.{column}" for column in found["columns"]}
    assert {
        "branch.name",
        "支部.党支部",
        "活动.月份",
        "驻村队员.职务",
        "驻村出勤.在村天数",
        "清单.事项",
    } <= columns
    assert [c for c in columns if any(word in c.lower() for word in PERSONAL_WORDS)] == []
    # Arbitrary SQL (open to a reader with the password) finds no phone either.
    status, _ = site.get("/ledger.json", {"sql": "select phone from branch"})
    assert status == 400
