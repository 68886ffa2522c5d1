"""File ▸ Send package (issue #18) driven as a clerk does: the shortcut, a choice of what to send, a file name
typed into a Chinese folder with spaces, Enter; then the package on disk is read back verified, the package
log holds it, and a township ledger made from a seed written this way has nothing new to send."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot

from branchdesk.cli import EXIT_OK, run
from branchdesk.domain.clock import FixedClock
from branchdesk.domain.enums import BranchKind, RegionLevel
from branchdesk.domain.packages import PackageKind, media_member
from branchdesk.domain.photos import PhotoEntry
from branchdesk.exchange.package_files import read_package
from branchdesk.services.ledger_keys import ledger_key
from branchdesk.services.ledgers import open_ledger
from branchdesk.services.photos import prepare
from branchdesk.storage import identity as identity_store
from branchdesk.storage import media
from branchdesk.storage.photos import set_photos
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.dialogs.send_package import SendPackageDialog
from branchdesk.ui.main_window import MainWindow
from tests.builders import LedgerBuilder
from tests.photo_files import write_jpeg
from tests.ui.driving import answer, file_rows, press, select_item, shown
from tests.ui.typing import retype

SCREENSHOTS = os.environ.get("BRANCHDESK_SCREENSHOTS")
SENT = "SELECT kind, from_seq, to_seq, result FROM package_log WHERE direction = 'sent' ORDER BY id"


def cli(*argv: str, clock: FixedClock) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert run(list(argv), clock=clock, out=out, err=err) == EXIT_OK, err.getvalue()
    return out.getvalue()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The window's data folder, where the command line keeps its keys too."""
    folder = tmp_path / "data"
    monkeypatch.setenv("BRANCHDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def county(tmp_path: Path, clock: FixedClock, data_dir: Path) -> Path:
    """A county ledger made from nothing by the command line, with two townships at work."""
    path = tmp_path / "潢川县 台账.bdesk"
    cli("new", str(path), "--region", "信阳市/潢川县", clock=clock)
    with open_ledger(path, clock) as ledger:
        build = LedgerBuilder(ledger)
        county_id = ledger.scalar("SELECT id FROM region WHERE name = '潢川县'")
        organs = build.organs(build.unit("潢川县财政局", county_id), county_id, 2)
        for number, name in enumerate(("城关镇", "仁和镇")):
            township = build.region(name, RegionLevel.TOWNSHIP, county_id)
            village = build.branch(f"{name}第一村党支部", BranchKind.VILLAGE, township)
            build.activity(build.pair(organs[number], village, "2022-03-01"), "2022-04-08")
    return path


def _open(make_window: Callable[..., MainWindow], path: Path) -> MainWindow:
    window = shown(make_window())
    assert window.open_path(path)
    window.settle()
    return window


def choose(qtbot: QtBot, button: QRadioButton) -> None:
    """A click on a choice's round button (a click right of its words, where a wide row has nothing, would
    choose nothing)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()


def _send(
    window: MainWindow, qtbot: QtBot, handle: Callable[[SendPackageDialog], None], screenshot: str = ""
) -> list[str]:
    """Ctrl+Shift+S, then ``handle`` the dialog once it has read what there is to send."""

    def act(dialog: SendPackageDialog) -> None:
        qtbot.waitUntil(lambda: dialog.outbox is not None)
        shown(dialog)  # active, as on the desktop: its access keys (Alt+letter) reach it
        handle(dialog)
        if SCREENSHOTS and screenshot:
            dialog.grab().save(str(Path(SCREENSHOTS) / f"{screenshot}.png"))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    seen = answer(SendPackageDialog, act)
    press(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    return seen


def test_the_changes_for_the_office_above_are_written_where_the_clerk_types(
    make_window: Callable[..., MainWindow],
    county: Path,
    tmp_path: Path,
    clock: FixedClock,
    data_dir: Path,
    qtbot: QtBot,
) -> None:
    window = _open(make_window, county)
    last = file_rows(county, "SELECT max(id) FROM change_log")[0][0]
    folder = tmp_path / "报送 文件夹"
    folder.mkdir()
    target = folder / "潢川县 五月 改动"  # no suffix typed: .bdx is added
    shown_before: list[tuple[str, str, str, bool]] = []
    written: list[tuple[str, str]] = []

    def send_changes(dialog: SendPackageDialog) -> None:
        shown_before.append(
            (
                dialog.delta_state.text(),
                dialog.path.text(),
                dialog.delta.text(),
                dialog.write_button.isEnabled(),
            )
        )
        retype(dialog.path, str(target))
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.written is not None)
        written.append((dialog.summary.text(), dialog.fingerprint.text()))

    assert _send(window, qtbot, send_changes, "send-written") == ["sendPackageDialog"]
    state, suggested, delta, enabled = shown_before[0]
    assert state.startswith("待发送的记录改动 ")
    assert f"项（本台账第 1–{last} 号改动）" in state
    assert "尚无回执" in state
    assert suggested == str(tmp_path / "潢川县 改动数据包 2022-05-19.bdx")  # the office and the day
    assert "信阳市" in delta  # the office above
    assert enabled

    package_path = folder / "潢川县 五月 改动.bdx"
    with open_ledger(county, clock, read_only=True) as ledger:
        ledger_id = identity_store.identity(ledger).ledger_id
    key = ledger_key(data_dir, ledger_id)
    package = read_package(package_path, pinned_key=lambda _sender: key.public_key)
    manifest = package.manifest
    assert (manifest.kind, manifest.from_seq, manifest.to_seq) == (PackageKind.DELTA, 1, last)
    assert manifest.counts["activity"] == 2
    assert file_rows(county, SENT) == [("delta", 1, last, "sent")]
    result, fingerprint = written[0]
    assert "文件：潢川县 五月 改动.bdx（" in result
    assert f"位置：{folder}" in result
    lines = sum(manifest.counts.values())
    assert state.startswith(f"待发送的记录改动 {lines} 项")  # the holidays' changes stay in the ledger
    assert f"记录改动 {lines} 项（本台账第 1–{last} 号改动）" in result
    assert "活动 2 条" in result
    assert fingerprint == manifest.sender.fingerprint


def test_a_seed_for_a_township_makes_its_ledger_which_has_nothing_new_to_send(
    make_window: Callable[..., MainWindow],
    county: Path,
    tmp_path: Path,
    clock: FixedClock,
    data_dir: Path,
    qtbot: QtBot,
) -> None:
    # 仁和镇's activity has two photos; the county's photo folder has lost one of the pictures.
    shots = [write_jpeg(tmp_path / "照片" / f"{n}.jpg", n, taken="2022:04:08 09:00:00") for n in (1, 2)]
    with open_ledger(county, clock) as ledger:
        ready = [made.photo for made in prepare(ledger.path, shots, lambda done, total: None)]
        activity = ledger.scalar(
            "SELECT a.id FROM activity a JOIN pairing p ON p.id = a.pairing_id"
            " JOIN branch g ON g.id = p.grassroots_id WHERE g.name = '仁和镇第一村党支部'"
        )
        with ledger.operation("activity.edit"):
            set_photos(ledger, activity, [PhotoEntry(p.sha256, None, image=p) for p in ready if p])
    kept, lost = (photo.sha256 for photo in ready if photo)
    media.photo_path(media.media_folder(county), lost).unlink()
    window = make_window()
    window.context.choose_file = lambda parent, purpose, suggested: (
        tmp_path / "下发" / "仁和镇 初始.bdx" if purpose is FilePurpose.PACKAGE else None
    )
    (tmp_path / "下发").mkdir()
    assert window.open_path(county)
    offered: list[list[str]] = []
    summaries: list[str] = []

    def send_seed(dialog: SendPackageDialog) -> None:
        assert not dialog.region.isEnabled()  # until a seed is chosen
        choose(qtbot, dialog.seed)
        offered.append([dialog.region.itemText(i) for i in range(dialog.region.count())])
        select_item(dialog.region, "信阳市/潢川县/仁和镇")
        assert dialog.path.text().endswith("仁和镇 初始数据包 2022-05-19.bdx")
        qtbot.mouseClick(dialog.findChild(type(dialog.write_button), "sendBrowse"), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.written is not None)
        summaries.append(dialog.summary.text())

    assert _send(window, qtbot, send_seed, "send-seed-photos") == ["sendPackageDialog"]
    assert offered == [["信阳市/潢川县/城关镇", "信阳市/潢川县/仁和镇"]]
    seed = tmp_path / "下发" / "仁和镇 初始.bdx"
    manifest = read_package(seed).manifest
    assert manifest.seed_scope is not None
    assert manifest.pictures == [media_member(kept)]
    records = sum(count for table, count in manifest.counts.items() if table != "media")
    assert f"{records} 条记录" in summaries[0]
    assert "活动照片 2 条、照片缩略图 2 条、照片原图 1 条" in summaries[0]
    assert "照片：带上原图 1 张。另有 1 张不在本台账的照片文件夹中，只带缩略图。" in summaries[0]
    assert file_rows(county, SENT) == [
        ("seed", None, file_rows(county, "SELECT max(id) FROM change_log")[0][0], "sent")
    ]
    window.close_ledger()

    township = tmp_path / "仁和镇 台账.bdesk"
    cli("new", str(township), "--from", str(seed), clock=clock)
    window = _open(make_window, township)
    seen: list[tuple[str, bool, bool]] = []

    def nothing_new(dialog: SendPackageDialog) -> None:
        seen.append((dialog.delta_state.text(), dialog.write_button.isEnabled(), dialog.seed.isEnabled()))
        choose(qtbot, dialog.full)
        seen.append((dialog.path.text(), dialog.write_button.isEnabled(), dialog.full.isChecked()))

    _send(window, qtbot, nothing_new, "send-nothing-new")
    (state, enabled, seed_enabled), (path, full_enabled, full_checked) = seen
    assert full_checked
    assert state.startswith("没有新的改动")
    assert not enabled  # nothing to write: the clerk is told, not given an empty package
    assert not seed_enabled  # a township has no office below
    assert path.endswith("仁和镇 全量数据包 2022-05-19.bdx")
    assert full_enabled
    assert file_rows(township, "SELECT count(*) FROM package_log WHERE direction = 'sent'") == [(0,)]


def test_a_new_ledger_without_regions_names_no_office_twice(
    make_window: Callable[..., MainWindow], tmp_path: Path, clock: FixedClock, qtbot: QtBot, data_dir: Path
) -> None:
    """File ▸ Send a data package on a new ledger in an empty folder, no region yet: the changes' choice
    read 报送上级单位（上级单位）的改动, the office above named by its own stand-in (seen in a screenshot);
    it reads 报送上级单位的改动, and nothing is written. Nothing was entered: not "nothing new since the
    office above acknowledged", which no office ever did."""
    folder = tmp_path / "新 文件夹"
    folder.mkdir()
    path = folder / "台账.bdesk"
    cli("new", str(path), clock=clock)
    window = _open(make_window, path)
    seen: list[str] = []

    def read(dialog: SendPackageDialog) -> None:
        seen.extend((dialog.delta.text(), dialog.delta_state.text()))

    handled = _send(window, qtbot, read, "send-new")
    assert handled == ["sendPackageDialog"]
    assert seen == ["报送上级单位的改动(&C)", "暂无可报送的内容：本台账还没有录入党支部、结对或活动。"]
    assert file_rows(path, SENT) == []
