"""The soak test (issue #16): 300 random user actions on the real window at county scale, with a heartbeat on
the UI thread. It fails on a crash, on a gap over 100 ms while work ran off the UI thread, on an edit lost
or refused, on typing lost under a cell editor, and on a dialog nobody opened.

Each session runs in a process of its own (tests/ui/soak_session.py), so a crash fails this test with the
native stack faulthandler printed, instead of ending the suite.

    BRANCHDESK_SOAK_SEED=N      replay a session (a failure names its seed); default: a new seed each run
    BRANCHDESK_SOAK_RUNS=20     sessions in a row, seeds N, N+1, …
    BRANCHDESK_SOAK_ACTIONS=300 actions per session
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from branchdesk.domain.clock import FixedClock
from branchdesk.services.demo import generate_demo
from tests.ui.soak import LONG_GAP_MS
from tests.ui.soak_session import SOAK_DAY

ROOT = Path(__file__).resolve().parents[2]
SESSION_TIMEOUT_S = 600


@pytest.fixture(scope="session")
def county_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The county demo (1,500 branches, 50,000 activities), made once; each session edits a copy."""
    path = tmp_path_factory.mktemp("soak") / "county.bdesk"
    generate_demo(path, "county", seed=2022, clock=FixedClock.on(SOAK_DAY))
    return path


def run_session(
    ledger: Path, seed: int, actions: int, folder: Path
) -> tuple[subprocess.CompletedProcess[str], Path]:
    folder.mkdir()
    report = folder / "report.json"
    env = {
        **os.environ,
        "BRANCHDESK_SOAK_LEDGER": str(ledger),
        "BRANCHDESK_SOAK_SEED": str(seed),
        "BRANCHDESK_SOAK_ACTIONS": str(actions),
        "BRANCHDESK_SOAK_REPORT": str(report),
    }
    command = [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--basetemp={folder / 'tmp'}",
        str(ROOT / "tests" / "ui" / "soak_session.py"),
    ]  # fmt: skip
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=SESSION_TIMEOUT_S, check=False
    )
    return done, report


def gap_text(gap: dict[str, Any]) -> str:
    return f"{gap['felt_ms']:.0f} ms ({gap['wall_ms']:.0f} ms by the clock) in {gap['action']}"


def test_random_user_actions_at_county_scale(county_demo: Path, tmp_path: Path) -> None:
    first = int(os.environ.get("BRANCHDESK_SOAK_SEED") or random.SystemRandom().randrange(10**6))
    runs = int(os.environ.get("BRANCHDESK_SOAK_RUNS", "1"))
    actions = int(os.environ.get("BRANCHDESK_SOAK_ACTIONS", "300"))
    for seed in range(first, first + runs):
        replay = f"seed {seed} (replay: BRANCHDESK_SOAK_SEED={seed} pytest tests/ui/test_soak.py)"
        try:
            done, path = run_session(county_demo, seed, actions, tmp_path / f"seed-{seed}")
        except subprocess.TimeoutExpired as hung:
            pytest.fail(f"the session hung with {replay}\n{hung.stdout!r:.6000}\n{hung.stderr!r:.6000}")
        code, output = done.returncode, f"{done.stdout[-6000:]}\n{done.stderr[-6000:]}"
        ended = f"crashed (signal {-code})" if code < 0 else f"failed (exit {code})"
        assert code == 0, f"the session {ended} with {replay}\n{output}"
        report = json.loads(path.read_text())
        assert report["actions"] == actions, replay
        assert report["edits"] > 0, f"no cell was edited: {replay}"
        assert report["lost_edits"] == [], f"edits lost with {replay}"
        assert report["refused"] == [], f"the window refused or failed an action with {replay}"
        assert report["typing_lost"] == [], f"typing lost under a cell editor with {replay}"
        assert report["unexpected_dialogs"] == [], f"a dialog nobody opened came up with {replay}"
        long_gaps = [gap_text(gap) for gap in report["long_gaps_with_read"]]
        assert long_gaps == [], (
            f"the window froze over {LONG_GAP_MS:.0f} ms while work ran off the UI thread, with {replay}"
        )
