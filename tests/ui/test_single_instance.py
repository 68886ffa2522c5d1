"""One window per ledger: a second start brings the first window forward; a crashed holder's lock is
taken over."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QSettings
from PySide6.QtWidgets import QApplication

from branchdesk.app import build_window, run
from branchdesk.domain.clock import FixedClock
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.single_instance import LedgerInstances, instance_name


@pytest.fixture
def locks(tmp_path: Path) -> Path:
    return tmp_path / "data" / "instances"


@pytest.fixture
def instances(locks: Path) -> Iterator[Callable[..., LedgerInstances]]:
    made: list[LedgerInstances] = []

    def make(user: str = "张三", *, answer_later: bool = False) -> LedgerInstances:
        made.append(LedgerInstances(locks, user=user, answer_later=answer_later))
        return made[-1]

    yield make
    for each in made:
        each.release()


@pytest.fixture
def closed_ledger(ledger: Ledger) -> Path:
    ledger.close()
    return ledger.path


def test_a_second_claim_brings_the_holder_forward(
    instances: Callable[..., LedgerInstances], closed_ledger: Path, qtbot: object
) -> None:
    first, second = instances(), instances()
    assert first.claim(closed_ledger)
    written_otherwise = closed_ledger.parent / ".." / closed_ledger.parent.name / closed_ledger.name
    with qtbot.waitSignal(first.activated, timeout=3000):  # type: ignore[attr-defined]
        assert not second.claim(written_otherwise)
    first.release()
    assert second.claim(closed_ledger), "once the first window lets go, the ledger is free"


def test_other_ledgers_and_other_users_do_not_meet(
    instances: Callable[..., LedgerInstances], closed_ledger: Path, tmp_path: Path
) -> None:
    first = instances()
    assert first.claim(closed_ledger)
    assert instances().claim(tmp_path / "另一个.bdesk")
    assert instances(user="李四").claim(closed_ledger)
    assert instance_name(closed_ledger, "张三") != instance_name(closed_ledger, "李四")


def test_a_window_switching_ledgers_lets_go_of_the_first(
    instances: Callable[..., LedgerInstances], closed_ledger: Path, tmp_path: Path
) -> None:
    first = instances()
    assert first.claim(closed_ledger)
    assert first.claim(tmp_path / "另一个.bdesk")
    assert instances().claim(closed_ledger)


def test_a_window_opening_a_ledger_whose_holder_does_not_answer_lets_go_of_the_first(
    instances: Callable[..., LedgerInstances], closed_ledger: Path, tmp_path: Path, locks: Path
) -> None:
    window = instances()
    other = tmp_path / "另一个.bdesk"
    assert window.claim(other)
    locks.mkdir(parents=True, exist_ok=True)
    silent = QLockFile(str(locks / f"{instance_name(closed_ledger, '张三')}.lock"))  # a holder not listening
    assert silent.tryLock(0)
    try:
        assert window.claim(closed_ledger), "no answer: the ledger opens here all the same"
        assert instances().claim(other), "the ledger the window left is free for another window"
    finally:
        silent.unlock()


def test_a_stale_lock_after_a_crash_is_taken_over(
    instances: Callable[..., LedgerInstances], closed_ledger: Path, locks: Path
) -> None:
    crashed = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from branchdesk.ui.single_instance import LedgerInstances
        app = QCoreApplication([])
        holder = LedgerInstances(Path({str(locks)!r}), user="张三")
        assert holder.claim(Path({str(closed_ledger)!r}))
        os.kill(os.getpid(), signal.SIGKILL)  # holding the lock, as a crash would
        """
    )
    result = subprocess.run([sys.executable, "-c", crashed], capture_output=True, check=False)
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert (locks / f"{instance_name(closed_ledger, '张三')}.lock").exists(), "the crash left its lock"
    survivor = instances()
    assert survivor.claim(closed_ledger)
    assert not instances().claim(closed_ledger), "and the new holder is reachable"


def test_a_second_start_with_the_same_ledger_raises_the_first_window(
    qapp: QApplication, closed_ledger: Path, tmp_path: Path, clock: FixedClock, qtbot: object
) -> None:
    data = tmp_path / "data"
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    holder = LedgerInstances(data / "instances")
    window = build_window(qapp, clock, settings, None, data, instances=holder)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    try:
        window.context.auto_backup = False
        assert window.open_path(closed_ledger)
        assert not window.isVisible()
        with qtbot.waitSignal(holder.activated, timeout=3000):  # type: ignore[attr-defined]
            assert run([str(closed_ledger)], clock=clock, settings=settings, data_folder=data) == 0
        assert window.isVisible(), "the first window came forward"
        assert window.session is not None
        assert window.session.path == closed_ledger
    finally:
        window.close()
        window.context.translations.remove()
        holder.release()


def test_file_open_of_a_ledger_open_in_another_window(
    make_window: Callable[..., MainWindow],
    instances: Callable[..., LedgerInstances],
    closed_ledger: Path,
    tmp_path: Path,
    qtbot: object,
) -> None:
    elsewhere = instances()
    assert elsewhere.claim(closed_ledger)
    window = make_window()
    here = instances()
    window.context.claim_ledger = here.claim
    with qtbot.waitSignal(elsewhere.activated, timeout=3000):  # type: ignore[attr-defined]
        assert not window.open_path(closed_ledger)
    assert window.session is None
    assert (
        window.statusBar().currentMessage()
        == f"{closed_ledger.name} 已在另一个支部联建台账窗口中打开，已将该窗口切换到前面。"
    )


def test_a_refused_file_does_not_take_the_open_ledgers_place(
    make_window: Callable[..., MainWindow],
    instances: Callable[..., LedgerInstances],
    closed_ledger: Path,
    tmp_path: Path,
) -> None:
    window = make_window()
    here = instances()
    window.context.claim_ledger = here.claim
    assert window.open_path(closed_ledger)
    bad = tmp_path / "坏的.bdesk"
    bad.write_bytes(b"not a ledger")
    assert not window.open_path(bad)
    assert not instances().claim(closed_ledger), "this window still holds the ledger it shows"
    assert instances().claim(bad)


def test_a_start_holds_its_ledger_at_once_and_answers_once_its_window_is_made(
    instances: Callable[..., LedgerInstances], closed_ledger: Path, qtbot: object
) -> None:
    starting = instances(answer_later=True)  # as app.py starts a window
    assert starting.claim(closed_ledger)
    early = instances()
    assert early.claim(closed_ledger), "nobody answers before the window is made: opened, not held"
    early.release()
    starting.answer()
    with qtbot.waitSignal(starting.activated, timeout=3000):  # type: ignore[attr-defined]
        assert not instances().claim(closed_ledger), "the second start is sent to the first window"
