"""Shared fixtures: a fixed clock and fresh ledgers in paths with Chinese characters and spaces."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Set before any Qt import: the tests drive real widgets on the offscreen platform.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from branchdesk.domain.clock import FixedClock
from branchdesk.services.ledgers import create_ledger
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.jobs.interpreter import favour_ui_thread
from branchdesk.ui.jobs.main_thread_gc import MainThreadCollector
from tests.builders import LedgerBuilder
from tests.offices import Offices, copy_offices, make_offices


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on("2022-05-19")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The per-user data folder (keys, backups) for the test: BRANCHDESK_DATA_DIR, as the CLI reads it."""
    folder = tmp_path / "用户数据"
    monkeypatch.setenv("BRANCHDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def ledger_path(tmp_path: Path) -> Path:
    folder = tmp_path / "我的 台账"
    folder.mkdir()
    return folder / "测试 台账.bdesk"


@pytest.fixture
def ledger(ledger_path: Path, clock: FixedClock) -> Iterator[Ledger]:
    with create_ledger(ledger_path, clock) as opened:
        yield opened


@pytest.fixture
def build(ledger: Ledger) -> LedgerBuilder:
    return LedgerBuilder(ledger)


@pytest.fixture(scope="module")
def _made_offices(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Offices]:
    """Once per module: a county and two townships made from its seeds, by the command line."""
    folder = tmp_path_factory.mktemp("县乡 台账")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRANCHDESK_DATA_DIR", str(folder / "用户数据"))
        yield make_offices(folder)


@pytest.fixture
def offices(_made_offices: Offices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Offices:
    """A fresh copy of them for the test, BRANCHDESK_DATA_DIR naming its keys (tests/offices.py)."""
    copied = copy_offices(_made_offices, tmp_path / "各办公室")
    monkeypatch.setenv("BRANCHDESK_DATA_DIR", str(copied.data_dir))
    return copied


@pytest.fixture(autouse=True, scope="session")
def _one_qapplication(qapp: QApplication) -> Iterator[QApplication]:
    """The CLI makes a QCoreApplication when none exists; make the tests' QApplication first.

    At the end, let Python's leftovers of Qt objects go while the application still exists, not in the
    interpreter's final garbage collection, where the order of deletion is anyone's guess.
    Cycles are collected on this thread only, as in the app (a worker's collection crashes PySide6), and
    this thread takes the interpreter back from workers quickly, as in the app.
    """
    collector = MainThreadCollector(qapp)
    switch_interval = favour_ui_thread()
    yield qapp
    sys.setswitchinterval(switch_interval)
    collector.stop()
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
    gc.collect()


@pytest.fixture(autouse=True)
def _collect_between_tests(_one_qapplication: QApplication) -> Iterator[None]:
    """A test that runs no event loop fires no timer: collect what is due after it."""
    yield
    for collector in _one_qapplication.findChildren(MainThreadCollector):
        collector.collect_due()
