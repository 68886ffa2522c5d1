"""The published draw (docs/draw.md): the test vectors, the app's domain/draw.py and the reference script
docs/draw_reference.py (run as a separate program, as someone without BranchDesk would) agree, and the
script re-runs what ``branchdesk-cli draw --json`` prints and what a ledger file records."""

from __future__ import annotations

import ast
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from branchdesk.cli import EXIT_OK
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.draw import ALGORITHM_VERSION, Candidate, replay
from branchdesk.domain.enums import Tier
from tests.test_cli import cli

DOCS = Path(__file__).resolve().parent.parent / "docs"
SCRIPT = DOCS / "draw_reference.py"
VECTORS = json.loads((DOCS / "draw_vectors.json").read_text(encoding="utf-8"))["vectors"]
CLI_KEYS = {"seed", "algorithm_version", "input_hash", "result_hash", "candidates", "pairs", "leftovers"}


def reference(draw: dict[str, Any]) -> dict[str, Any]:
    """The script's answer for ``draw``, given on its standard input."""
    done = subprocess.run(
        [sys.executable, str(SCRIPT)],
        input=json.dumps(draw, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


def _side(pairs: list[list[str | None]]) -> list[Candidate]:
    return [Candidate(str(uuid), None if tier is None else Tier(tier)) for uuid, tier in pairs]


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_the_app_gives_the_vectors(vector: dict[str, Any]) -> None:
    candidates = vector["candidates"]
    swaps = [(a, b) for a, b in vector.get("swaps", [])]
    result = replay(_side(candidates["organ"]), _side(candidates["grassroots"]), vector["seed"], swaps)
    shown = result.as_json()
    assert shown["algorithm_version"] == ALGORITHM_VERSION == 1
    for key in ("input_hash", "result_hash", "pairs", "leftovers"):
        assert shown[key] == vector[key], key


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_the_reference_script_gives_the_vectors(vector: dict[str, Any]) -> None:
    answer = reference({key: vector[key] for key in ("seed", "candidates", "swaps") if key in vector})
    assert answer == {
        "algorithm_version": 1,
        **{key: vector[key] for key in ("input_hash", "result_hash", "pairs", "leftovers")},
    }


def test_the_vectors_cover_what_the_algorithm_does() -> None:
    """Every tier on both sides, leftovers on each side, hand swaps, a non-ASCII seed and an empty side."""
    tiers = {tier for v in VECTORS for side in v["candidates"].values() for _, tier in side}
    assert tiers == {"strong", "average", "weak", None}
    assert any(v["leftovers"]["organ"] for v in VECTORS)
    assert any(v["leftovers"]["grassroots"] for v in VECTORS)
    assert any(v.get("swaps") for v in VECTORS)
    assert any(not v["seed"].isascii() for v in VECTORS)
    assert any(not v["pairs"] for v in VECTORS)


def test_the_reference_script_is_short_and_needs_only_the_standard_library() -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 60
    imported = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported
    assert imported <= sys.stdlib_module_names


def test_the_script_re_runs_the_cli_draw_on_a_county_demo(tmp_path: Path, clock: FixedClock) -> None:
    ledger = tmp_path / "潢川 演示.bdesk"
    assert cli("demo", str(ledger), "--scale", "county", clock=clock)[0] == EXIT_OK
    seed = "双色球 2022040 期：03 11 17 22 28 30 + 09"
    code, out, err = cli("draw", str(ledger), "--region", "潢川县", "--seed", seed, "--json", clock=clock)
    assert (code, err) == (EXIT_OK, "")
    assert out.isascii()  # the Chinese seed escaped: the same bytes whatever the console's code page
    shown = json.loads(out)
    assert set(shown) == CLI_KEYS
    assert (shown["seed"], shown["algorithm_version"]) == (seed, 1)
    assert set(shown["candidates"]) == set(shown["leftovers"]) == {"organ", "grassroots"}
    organs = {uuid for uuid, _ in shown["candidates"]["organ"]}
    grassroots = {uuid for uuid, _ in shown["candidates"]["grassroots"]}
    with sqlite3.connect(ledger) as conn:
        unpaired_organs = conn.execute(
            "SELECT count(*) FROM branch b JOIN region r ON r.id = b.region_id WHERE b.kind = 'organ'"
            " AND b.archived_on IS NULL AND NOT EXISTS (SELECT 1 FROM pairing p WHERE p.organ_id = b.id"
            " AND p.ended_on IS NULL) AND (r.name = '潢川县' OR r.parent_id = (SELECT id FROM region"
            " WHERE name = '潢川县'))"
        ).fetchone()[0]
    assert len(organs) == unpaired_organs > 0
    assert len(shown["pairs"]) == min(len(organs), len(grassroots)) > 0
    assert {o for o, _ in shown["pairs"]} | set(shown["leftovers"]["organ"]) == organs
    assert {g for _, g in shown["pairs"]} | set(shown["leftovers"]["grassroots"]) == grassroots

    answer = reference(shown)
    for key in ("input_hash", "result_hash", "pairs", "leftovers"):
        assert answer[key] == shown[key], key

    # Committed, the same draw is recorded with the same hash, and verifies.
    code, out, err = cli(
        "draw", str(ledger), "--region", "潢川县", "--seed", seed, "--json", "--commit", clock=clock
    )
    assert (code, err) == (EXIT_OK, "")
    committed = json.loads(out)
    assert set(committed) == {*CLI_KEYS, "draw_id"}
    assert {key: committed[key] for key in CLI_KEYS} == shown
    assert cli("draw", str(ledger), "--verify", str(committed["draw_id"]), clock=clock)[0] == EXIT_OK


def test_the_script_re_runs_committed_draws_read_from_the_file_alone(
    tmp_path: Path, clock: FixedClock
) -> None:
    """The query docs/draw.md gives for any SQLite tool feeds the script what it needs: the demo's draws
    (one with hundreds of pairs) give the hashes they recorded."""
    shown = [
        line
        for line in (DOCS / "draw.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("sqlite3 ")
    ]
    assert len(shown) == 2  # the Chinese and the English text give the same query
    queries = {line.split('"')[1] for line in shown}
    assert len(queries) == 1
    query = queries.pop().replace("WHERE id = 1", "WHERE id = ?")
    ledger = tmp_path / "demo.bdesk"
    assert cli("demo", str(ledger), "--scale", "county", clock=clock)[0] == EXIT_OK
    with sqlite3.connect(ledger) as conn:
        rows = conn.execute("SELECT id, input_hash, result_hash FROM draw ORDER BY id").fetchall()
        assert len(rows) >= 2
        for draw_id, input_hash, result_hash in rows:
            (draw,) = conn.execute(query, (draw_id,)).fetchone()
            answer = reference(json.loads(draw))
            assert (answer["input_hash"], answer["result_hash"]) == (input_hash, result_hash)
