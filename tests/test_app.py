"""The window's entry point: screenshots, the smoke test, and opening the demo."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontInfo, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication

from branchdesk.app import SCREENSHOT_SIZE, demo_ledger_path, run
from branchdesk.domain.clock import FixedClock
from branchdesk.services.demo import generate_demo
from branchdesk.ui.jobs.interpreter import UI_SWITCH_INTERVAL_S


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_screenshot_writes_each_tab(tmp_path: Path, clock: FixedClock, settings: QSettings) -> None:
    ledger = tmp_path / "乡镇 台账.bdesk"
    generate_demo(ledger, "township", clock=clock)
    shots = tmp_path / "截图"
    assert (
        run([str(ledger), "--screenshot", str(shots)], clock=clock, settings=settings, data_folder=tmp_path)
        == 0
    )
    image = QImage(str(shots / "branches.png"))
    assert (image.width(), image.height()) == SCREENSHOT_SIZE
    # The UI font really has Chinese glyphs (no boxes): the bundled Noto Sans SC here, YaHei on Windows.
    font = QApplication.font()
    assert QFontInfo(font).family() in {"Noto Sans SC", "Microsoft YaHei UI", "Microsoft YaHei"}
    assert all(QFontMetrics(font).inFontUcs4(ord(ch)) for ch in "支部联建台账潢川县浉")


def test_screenshot_of_a_bad_file_fails(tmp_path: Path, clock: FixedClock, settings: QSettings) -> None:
    bad = tmp_path / "bad.bdesk"
    bad.write_bytes(b"not a ledger")
    assert (
        run(
            [str(bad), "--screenshot", str(tmp_path / "s")],
            clock=clock,
            settings=settings,
            data_folder=tmp_path,
        )
        == 1
    )


def test_smoke_test_passes(tmp_path: Path, clock: FixedClock, settings: QSettings) -> None:
    assert run(["--smoke-test"], clock=clock, settings=settings, data_folder=tmp_path) == 0
    assert not (tmp_path / "logs" / "smoke-test.log").exists()


def test_smoke_test_as_its_own_process(tmp_path: Path) -> None:
    """The way the frozen app is checked: a fresh process, reporting by exit code."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "branchdesk.app", "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_demo_ledger_is_made_once(tmp_path: Path, clock: FixedClock, settings: QSettings) -> None:
    path = demo_ledger_path(tmp_path)
    path.parent.mkdir(parents=True)
    generate_demo(path, "township", clock=clock)  # stands in for the first, slower county-scale run
    made = path.stat().st_mtime_ns
    shots = tmp_path / "shots"
    assert (
        run(["--demo", "--screenshot", str(shots)], clock=clock, settings=settings, data_folder=tmp_path) == 0
    )
    assert path.stat().st_mtime_ns == made
    assert (shots / "branches.png").exists()


def test_a_failing_smoke_test_leaves_a_log(
    tmp_path: Path, clock: FixedClock, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr("branchdesk.services.demo.generate_demo", broken)
    assert run(["--smoke-test"], clock=clock, settings=settings, data_folder=tmp_path) == 1
    assert "disk gone" in (tmp_path / "logs" / "smoke-test.log").read_text(encoding="utf-8")


def test_smoke_test_fails_when_the_bundled_font_cannot_load(
    tmp_path: Path, clock: FixedClock, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As on Windows, where the window may use Microsoft YaHei and load the bundled font only in the charts.
    broken = tmp_path / "我的 台账" / "NotoSansSC-Regular.otf"
    broken.parent.mkdir()
    broken.write_bytes(b"not a font")
    monkeypatch.setattr("branchdesk.app.bundled_font", lambda: broken)
    assert run(["--smoke-test"], clock=clock, settings=settings, data_folder=tmp_path) == 1
    assert "is not a font Qt can load" in (tmp_path / "logs" / "smoke-test.log").read_text(encoding="utf-8")


def test_smoke_test_fails_when_the_ui_font_is_not_registered(
    tmp_path: Path, clock: FixedClock, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window asks for a family Qt does not have: its Chinese text would fall back to another font.
    monkeypatch.setattr("branchdesk.ui.fonts.choose_ui_family", lambda: "BranchDesk Missing Font")
    original = QApplication.font()
    try:
        assert run(["--smoke-test"], clock=clock, settings=settings, data_folder=tmp_path) == 1
    finally:
        QApplication.setFont(original)
    log = (tmp_path / "logs" / "smoke-test.log").read_text(encoding="utf-8")
    assert "the UI font BranchDesk Missing Font is not registered" in log


def test_every_demo_stage_has_a_text() -> None:
    from branchdesk.app import DEMO_STAGES
    from branchdesk.services.demo import STAGES

    assert set(DEMO_STAGES) == set(STAGES)


def test_headless_runs_leave_no_backups(tmp_path: Path, clock: FixedClock, settings: QSettings) -> None:
    ledger = tmp_path / "乡镇.bdesk"
    generate_demo(ledger, "township", clock=clock)
    assert (
        run(
            [str(ledger), "--screenshot", str(tmp_path / "s")],
            clock=clock,
            settings=settings,
            data_folder=tmp_path,
        )
        == 0
    )
    assert run(["--smoke-test"], clock=clock, settings=settings, data_folder=tmp_path) == 0
    assert not (tmp_path / "backups").exists()


def test_the_window_has_the_app_icon(tmp_path: Path, clock: FixedClock, settings: QSettings) -> None:
    assert run(["--smoke-test"], clock=clock, settings=settings, data_folder=tmp_path) == 0
    assert not QApplication.windowIcon().isNull()


def test_the_window_takes_the_interpreter_back_from_workers_quickly(
    tmp_path: Path, clock: FixedClock, settings: QSettings
) -> None:
    """A worker building a read's rows in Python holds up the UI thread's paint at most 1 ms per hand-over."""
    sys.setswitchinterval(0.005)  # Python's default: the tests' own setting is taken away first
    try:
        assert run(["--smoke-test"], clock=clock, settings=settings, data_folder=tmp_path) == 0
        assert sys.getswitchinterval() == pytest.approx(UI_SWITCH_INTERVAL_S)
    finally:
        sys.setswitchinterval(UI_SWITCH_INTERVAL_S)
