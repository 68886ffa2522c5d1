"""branchdesk-cli draw: preview, commit (``draw <id>``) and verification of a past draw."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from branchdesk.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import Tier
from branchdesk.storage.ledger import Ledger
from tests.builders import LedgerBuilder
from tests.test_cli import cli


@pytest.fixture
def county(build: LedgerBuilder, ledger: Ledger) -> Path:
    tree = build.tree()
    unit = build.unit("潢川县财政局", tree["huangchuan"])
    build.organs(unit, tree["huangchuan"], 4)
    build.villages(tree["hc_chengguan"], 3)
    build.villages(tree["hc_renhe"], 2, tier=Tier.AVERAGE, prefix="仁")
    path = ledger.path
    ledger.close()
    return path


def test_preview_commit_and_verify(county: Path, clock: FixedClock) -> None:
    code, out, err = cli("draw", str(county), "--region", "潢川县", "--seed", "411526", clock=clock)
    assert (code, err) == (EXIT_OK, "")
    assert "信阳市/潢川县" in out
    assert "411526" in out
    assert "（好）" in out or "(好)" in out
    lines = out.splitlines()
    preview_pairs = [line for line in lines if line[:2] in ("1.", "2.", "3.", "4.")]
    assert len(preview_pairs) == 4
    assert "draw " not in out
    with sqlite3.connect(county) as conn:
        assert conn.execute("SELECT count(*) FROM pairing").fetchone()[0] == 0

    code, committed, err = cli(
        "draw", str(county), "--region", "潢川县", "--seed", "411526", "--commit", clock=clock
    )
    assert (code, err) == (EXIT_OK, "")
    assert committed.splitlines()[:-1] == lines
    assert committed.splitlines()[-1] == "draw 1"
    with sqlite3.connect(county) as conn:
        assert conn.execute("SELECT count(*) FROM pairing WHERE draw_id = 1").fetchone()[0] == 4

    code, out, err = cli("draw", str(county), "--verify", "1", clock=clock)
    assert (code, err) == (EXIT_OK, "")
    assert "4" in out

    with sqlite3.connect(county) as conn:
        # Exchange the grassroots partners of the second and third drawn pairs behind BranchDesk's back.
        (a, ga), (b, gb) = conn.execute(
            "SELECT id, grassroots_id FROM pairing WHERE draw_id = 1 ORDER BY id LIMIT 2 OFFSET 1"
        ).fetchall()
        # One side out of the way for a moment: the schema refuses a branch in two pairings on one day.
        conn.execute("UPDATE pairing SET grassroots_id = -1 WHERE id = ?", (a,))
        conn.execute("UPDATE pairing SET grassroots_id = ? WHERE id = ?", (ga, b))
        conn.execute("UPDATE pairing SET grassroots_id = ? WHERE id = ?", (gb, a))
        names = dict(conn.execute("SELECT id, name FROM branch").fetchall())
    code, out, err = cli("draw", str(county), "--verify", "1", "--lang", "en", clock=clock)
    assert code == EXIT_FAILED
    assert "pair 2" in out
    assert names[ga] in out
    assert names[gb] in out


def test_bad_arguments_and_refusals(county: Path, clock: FixedClock) -> None:
    assert cli("draw", str(county), "--seed", "1", clock=clock)[0] == EXIT_USAGE
    assert cli("draw", str(county), "--verify", "1", "--seed", "1", clock=clock)[0] == EXIT_USAGE
    code, _out, err = cli(
        "draw", str(county), "--region", "信阳市", "--seed", "1", "--lang", "en", clock=clock
    )
    assert code == EXIT_FAILED
    assert "not one" in err
    code, _out, err = cli("draw", str(county), "--verify", "7", "--lang", "en", clock=clock)
    assert code == EXIT_FAILED
    assert "no committed draw number 7" in err


def test_a_preview_from_the_command_line_is_kept_for_the_record(county: Path, clock: FixedClock) -> None:
    for seed in ("1", "2", "1"):
        assert cli("draw", str(county), "--region", "潢川县", "--seed", seed, clock=clock)[0] == EXIT_OK
    assert (
        cli("draw", str(county), "--region", "潢川县", "--seed", "2", "--commit", clock=clock)[0] == EXIT_OK
    )
    with sqlite3.connect(county) as conn:
        assert [r[0] for r in conn.execute("SELECT seed FROM draw_preview ORDER BY id")] == [
            "1",
            "2",
            "1",
            "2",
        ]
