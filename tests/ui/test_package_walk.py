"""Issue #18's paths walked in the window as the clerks walk them, from a folder with Chinese characters and a
space: the county demo's seed makes a township ledger, the township sends its changes, the county receives
them (a conflict settled, the receipt saved by Enter on the last page), the township takes its receipt in,
and Tools ▸ Offices is read on both sides. Each test names the stumble it keeps away."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from branchdesk.domain.enums import Area
from branchdesk.domain.package_merge import Outcome
from branchdesk.exchange.package_files import read_package
from branchdesk.services.ledgers import open_ledger
from branchdesk.ui.dialogs.activity import ActivityDialog
from branchdesk.ui.dialogs.file_choice import FilePurpose
from branchdesk.ui.dialogs.offices import OfficesDialog
from branchdesk.ui.dialogs.receive_wizard import ReceiveWizard
from branchdesk.ui.dialogs.send_package import SendPackageDialog
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.tabs.activities import ActivitiesTab
from tests.offices import CLOCK, TOWNSHIPS, Offices, cli, copy_offices, sent
from tests.ui.conftest import Recorder
from tests.ui.driving import answer, file_rows, menu_item, press, select_item, shown
from tests.ui.typing import retype, type_text

# The county's seed package of 春申街道, beside the ledgers (tests/offices.py).
SEED = f"{TOWNSHIPS[0]} 种子.bdx"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@dataclass(frozen=True)
class Chain:
    """The county demo and 春申街道's ledger made from its seed, in a folder with Chinese characters and a
    space; the township's first activity."""

    folder: Path
    county: Path
    township: Path
    activity: str

    def changed_in(self, ledger: Path, **values: object) -> None:
        """The township's first activity changed in ``ledger`` as one action."""
        with open_ledger(ledger, CLOCK) as opened:
            row = opened.scalar("SELECT id FROM activity WHERE uuid = ?", (self.activity,))
            with opened.operation("activity.edit"):
                opened.update("activity", row, values)

    def activity_in(self, ledger: Path, columns: str) -> list[tuple[object, ...]]:
        return file_rows(ledger, f"SELECT {columns} FROM activity WHERE uuid = ?", (self.activity,))

    def delta(self) -> Path:
        """The township's changes for the county, written as its clerk does at the month's end."""
        return sent(self.township, self.folder / "春申街道 改动数据包.bdx")


@pytest.fixture
def chain(_made_offices: Offices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Chain:
    copied = copy_offices(_made_offices, tmp_path / "新 文件夹")
    monkeypatch.setenv("BRANCHDESK_DATA_DIR", str(copied.data_dir))
    [(activity,)] = file_rows(copied.township(), "SELECT uuid FROM activity ORDER BY id LIMIT 1")
    return Chain(copied.folder, copied.county, copied.township(), activity)


def _opened(make_window: Callable[..., MainWindow], path: Path, files: list[Path]) -> MainWindow:
    window = shown(make_window())
    window.context.data_dir = path.parent / "用户数据"  # where the ledgers' keys are (tests/offices.py)
    window.context.choose_packages = lambda parent: files
    assert window.open_path(path)
    window.settle()
    return window


def _county_with_a_delta(make_window: Callable[..., MainWindow], chain: Chain) -> MainWindow:
    """The township changed its first activity and sent its delta; the county's window, which Add
    packages… gives the delta."""
    chain.changed_in(chain.township, volunteers=9)
    return _opened(make_window, chain.county, [chain.delta()])


def _receive(window: MainWindow, qtbot: QtBot, handle: Callable[[ReceiveWizard], None]) -> None:
    """Ctrl+Shift+I, the files added with Add packages…, Next (the check), then ``handle`` the wizard."""

    def act(wizard: ReceiveWizard) -> None:
        shown(wizard)
        add = wizard.files_page.findChild(type(wizard.files_page.remove), "receiveAdd")
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        handle(wizard)

    handled = answer(ReceiveWizard, act)
    press(window, Qt.Key.Key_I, CTRL_SHIFT)
    assert handled == ["receiveWizard"]


def _import(wizard: ReceiveWizard, qtbot: QtBot) -> str:
    """Import clicked; the last page's summary."""
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.done_page
    return wizard.done_page.summary.text()


def test_the_conflict_names_the_activity_as_the_table_does(
    make_window: Callable[..., MainWindow], chain: Chain, qtbot: QtBot
) -> None:
    """The panel above a conflict named the activity by its raw label (2022-04-11, or a type's code such
    as themed_day) while the row it belongs to said 2022年4月11日 主题党日."""
    chain.changed_in(chain.township, volunteers=9, location="村部")
    delta = chain.delta()
    chain.changed_in(chain.county, volunteers=7, location="县委")
    window = _opened(make_window, chain.county, [delta])
    seen: dict[str, str] = {}

    def settle(wizard: ReceiveWizard) -> None:
        review = wizard.review_page
        review.view.setFocus()
        qtbot.keyClick(review.view, Qt.Key.Key_Down)
        seen["record"] = review.model.index(0, 2).data()
        seen["title"] = review.conflict.title.text()
        qtbot.mouseClick(review.conflict.theirs, Qt.MouseButton.LeftButton)
        _import(wizard, qtbot)
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)

    _receive(window, qtbot, settle)
    assert seen["record"].startswith("2022年")
    assert seen["title"] == f"活动“{seen['record']}”在本台账和数据包中都被改动过："
    assert chain.activity_in(chain.county, "volunteers, location") == [(9, "村部")]


def test_the_same_package_twice_promises_no_undo(
    make_window: Callable[..., MainWindow], chain: Chain, qtbot: QtBot
) -> None:
    """Received a second time, a package changes nothing and records no undo step, yet the last page said
    Edit ▸ Undo would take the import back: Ctrl+Z then took back the first import instead."""
    window = _county_with_a_delta(make_window, chain)
    summaries: list[str] = []
    states: list[str] = []  # each package's state, as the check found it

    def take(wizard: ReceiveWizard) -> None:
        states.append(wizard.review_page.packages.item(0, 4).text())
        summaries.append(_import(wizard, qtbot))
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)

    _receive(window, qtbot, take)
    log = "SELECT count(*), max(id) FROM change_log"
    imported = file_rows(chain.county, log)
    _receive(window, qtbot, take)
    first, again = summaries
    assert states == ["已检查，尚未导入", "此前已导入：没有新内容"]
    assert "撤销" in first
    assert "此前已导入" in again
    assert "撤销" not in again
    assert "没有新的内容需要导入，台账未作改动。" in again
    assert file_rows(chain.county, log) == imported
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # what Undo takes back: the first import
    assert chain.activity_in(chain.county, "volunteers") != [(9,)]


def test_enter_on_the_last_page_saves_the_receipt_and_the_township_takes_it_in(
    make_window: Callable[..., MainWindow], chain: Chain, qtbot: QtBot
) -> None:
    """Finish, the default button, closed the wizard without the receipts unless Save receipts had been
    clicked first: the township never got one. Taken in, a receipt's summary began with blank lines and
    said the ledger was unchanged; the township's Offices said every office below had sent a package."""
    window = _county_with_a_delta(make_window, chain)
    shown_folder: list[str] = []

    def finish(wizard: ReceiveWizard) -> None:
        _import(wizard, qtbot)
        shown_folder.append(wizard.done_page.folder.text())
        focused = QApplication.focusWidget()
        qtbot.keyClick(focused if focused is not None else wizard, Qt.Key.Key_Return)
        assert not wizard.isVisible()

    _receive(window, qtbot, finish)
    assert shown_folder == [str(chain.folder)]
    [receipt] = chain.folder.glob("*.bdxr")

    township = _opened(make_window, chain.township, [receipt])
    seen: dict[str, str] = {}

    def take(wizard: ReceiveWizard) -> None:
        review = wizard.review_page
        seen["records shown"] = str(review.view.isVisible() or review.filters[Outcome.NEW].isVisible())
        seen["subtitle"] = review.subTitle()
        seen["summary"] = _import(wizard, qtbot)
        labels = wizard.done_page.findChildren(QLabel)
        seen["shown"] = "\n".join(label.text() for label in labels if label.isVisible())
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)

    _receive(township, qtbot, take)
    assert seen["records shown"] == "False"  # no empty table of records, no filters of nothing
    assert seen["subtitle"].startswith("尚未导入。点击“导入”")
    assert "回执" not in seen["shown"].replace(receipt.name, "")  # nothing to save: no folder asked for
    [(last,)] = file_rows(chain.township, "SELECT max(id) FROM change_log")  # the change the delta ended on
    assert seen["summary"] == f"{receipt.name}：信阳市/潢川县已有本台账第 {last} 号及以前的改动"
    received = "SELECT kind, result FROM package_log WHERE direction = 'received' ORDER BY id"
    assert file_rows(chain.township, received)[-1] == ("receipt", "applied")

    def read(dialog: OfficesDialog) -> None:
        qtbot.waitUntil(lambda: dialog.rollup is not None)
        seen["note"] = dialog.stale_note.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer(OfficesDialog, read)
    press(township, Qt.Key.Key_O, CTRL_SHIFT)
    assert seen["note"] == "本台账没有下级单位。"


def test_a_township_clerk_makes_the_ledger_from_the_seed_in_the_window(
    make_window: Callable[..., MainWindow], chain: Chain, recorder: Recorder, qtbot: QtBot
) -> None:
    """The window offered no way to start from the seed package the county sent: only the command line's
    ``new --from``. Now the first page (no ledger open) and the File menu make it, and say the key."""
    window = shown(make_window())
    window.context.data_dir = chain.folder.parent / "用户 数据"
    asked: list[FilePurpose] = []

    def choose(parent: QWidget, purpose: FilePurpose, suggested: str) -> Path:
        asked.append(purpose)
        return chain.folder / SEED

    window.context.choose_file = choose
    made = chain.folder / "春申街道 台账（新）.bdesk"
    recorder.next_new = made
    told: list[str] = []

    def read(box: QMessageBox) -> None:
        told.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    answer(QMessageBox, read)
    button = window.welcome.from_package_button
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    window.settle()

    assert asked == [FilePurpose.SEED]
    assert window.session is not None
    assert window.session.path == made
    [text] = told
    assert text.startswith("已用信阳市/潢川县的数据包建立 春申街道 台账（新）.bdesk：共 ")
    [(fingerprint,)] = file_rows(made, "SELECT fingerprint FROM pinned_key")  # the county's key, pinned
    assert text.endswith(f"请与信阳市/潢川县电话核对密钥指纹：{fingerprint}")
    # The same ledger as ``branchdesk-cli new --from`` makes: its rows, and no change of them to send.
    for table in ("branch", "pairing", "activity", "change_log"):
        assert file_rows(made, f"SELECT count(*) FROM {table}") == file_rows(
            chain.township, f"SELECT count(*) FROM {table}"
        )
    scope = "SELECT r.name FROM ledger_identity i JOIN region r ON r.id = i.scope_region_id"
    assert file_rows(made, scope) == [("春申街道",)]
    assert file_rows(made, "SELECT direction, kind FROM package_log") == [("received", "seed")]
    assert recorder.errors == []


@pytest.mark.parametrize("chosen", ["delta", "receipt"])
def test_a_package_of_changes_or_a_receipt_makes_no_ledger(
    make_window: Callable[..., MainWindow], chain: Chain, recorder: Recorder, qtbot: QtBot, chosen: str
) -> None:
    """A receipt was refused as a package of changes ("只含改动记录"), which it is not."""
    chain.changed_in(chain.township, volunteers=9)
    package = chain.delta()
    if chosen == "receipt":
        receipts = chain.folder / "回执"
        cli("package", "import", str(chain.county), str(package), "--receipts", str(receipts))
        [package] = receipts.glob("*.bdxr")
    window = _opened(make_window, chain.county, [])
    window.context.choose_file = lambda parent, purpose, suggested: package
    made = chain.folder / "春申街道 台账（新）.bdesk"
    recorder.next_new = made
    menu_item(window, Qt.Key.Key_F, Qt.Key.Key_P)  # File ▸ New ledger from a package…
    why = "只含改动记录；" if chosen == "delta" else "是回执：它只说明对方收到了什么，不含任何记录。"
    assert recorder.errors == [f"{package} {why}新台账须由初始数据包或全量数据包建立，请向上级单位索取。"]
    assert not made.exists()
    assert window.session is not None
    assert window.session.path == chain.county


def test_the_county_is_told_how_the_township_uses_its_seed(
    make_window: Callable[..., MainWindow], chain: Chain, qtbot: QtBot
) -> None:
    """The seed was written with nothing said of what the township does with it (the window had no way)."""
    window = _opened(make_window, chain.county, [])
    window.context.documents_dir = chain.folder
    seen: list[str] = []

    def send_seed(dialog: SendPackageDialog) -> None:
        qtbot.waitUntil(lambda: dialog.outbox is not None)
        shown(dialog)
        seed = dialog.seed
        qtbot.mouseClick(seed, Qt.MouseButton.LeftButton, pos=QPoint(8, seed.height() // 2))
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
        seen.append(dialog.summary.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer(SendPackageDialog, send_seed)
    press(window, Qt.Key.Key_S, CTRL_SHIFT)
    [summary] = seen
    assert "北城街道在其 BranchDesk 中用“文件 ▸ 用数据包新建台账…”以此建立台账。" in summary
    assert (chain.folder / "北城街道 初始数据包 2022-05-19.bdx").is_file()


def test_the_county_reads_every_line_about_its_own_packages(
    make_window: Callable[..., MainWindow], chain: Chain, qtbot: QtBot
) -> None:
    """The lines above the offices (this ledger's key, the last package sent, the last receipt and package
    received) are read while the dialog comes up: when they arrived as it became the active window, only
    the first line was drawn until the dialog was resized."""
    window = _opened(make_window, chain.county, [])
    seen: dict[str, int] = {}

    def read(dialog: OfficesDialog) -> None:
        assert dialog.wait()  # read; shown by the event loop as the dialog becomes active
        shown(dialog)
        QApplication.processEvents()
        about = dialog.about
        seen["lines"] = about.text().count("\n") + 1
        seen["height"], seen["needed"] = about.height(), about.heightForWidth(about.width())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer(OfficesDialog, read)
    press(window, Qt.Key.Key_O, CTRL_SHIFT)
    assert seen["lines"] == 5
    assert seen["height"] >= seen["needed"]


def test_the_township_records_an_activity_by_keys_and_sends_it(
    make_window: Callable[..., MainWindow], chain: Chain, qtbot: QtBot
) -> None:
    """The Activities tab had no key for a new activity (the Branches and Items tabs take Insert and
    Ctrl+Shift+N): a clerk recording by keys had to reach for the mouse."""
    window = _opened(make_window, chain.township, [])
    tab = window.show_tab("activities")
    assert isinstance(tab, ActivitiesTab)
    tab.wait()
    before = file_rows(chain.township, "SELECT count(*) FROM activity")[0][0]
    tab.table.setFocus()  # as a click on the list leaves it
    qtbot.keyClick(tab.table, Qt.Key.Key_Insert)
    dialog = tab.dialog
    assert isinstance(dialog, ActivityDialog)
    assert dialog.isVisible()
    pairings = dialog.pairings.list
    pairings.setFocus()
    qtbot.keyClick(pairings, Qt.Key.Key_Down)
    qtbot.keyClick(pairings, Qt.Key.Key_Space)
    select_item(dialog.type, "主题党日")
    dialog.held_on.setFocus()
    type_text(dialog.held_on, "2022-05-14")  # a Saturday
    area = dialog.areas[Area.SERVICE]
    area.setFocus()
    qtbot.keyClick(area, Qt.Key.Key_Space)
    retype(dialog.volunteers, "6")
    qtbot.keyClick(dialog.volunteers, Qt.Key.Key_Return)
    assert not dialog.isVisible(), dialog.error.text()
    assert file_rows(chain.township, "SELECT count(*) FROM activity")[0][0] == before + 1
    assert ("2022-05-14",) in file_rows(chain.township, "SELECT held_on FROM activity WHERE volunteers = 6")

    def send(dialog: SendPackageDialog) -> None:
        qtbot.waitUntil(lambda: dialog.outbox is not None)
        shown(dialog)
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # the changes for the county, as suggested
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    window.context.documents_dir = chain.folder
    answer(SendPackageDialog, send)
    press(window, Qt.Key.Key_S, CTRL_SHIFT)
    assert file_rows(chain.township, "SELECT kind FROM package_log WHERE direction = 'sent'") == [("delta",)]
    package = read_package(chain.folder / "春申街道 改动数据包 2022-05-19.bdx")
    assert package.manifest.counts == {"activity": 1, "activity_area": 1}


def test_the_seed_is_offered_for_the_township_chosen_in_the_tree(
    make_window: Callable[..., MainWindow], chain: Chain, qtbot: QtBot
) -> None:
    """A seed was offered for the first township by pinyin (北城街道) whichever the clerk had chosen in the
    region tree: seeding 春申街道 meant finding it again in a list of eighteen."""
    window = _opened(make_window, chain.county, [])
    window.context.documents_dir = chain.folder
    [(chunshen,)] = file_rows(chain.county, "SELECT id FROM region WHERE name = '春申街道'")
    window.regions.select(chunshen)

    def send_seed(dialog: SendPackageDialog) -> None:
        qtbot.waitUntil(lambda: dialog.outbox is not None)
        shown(dialog)
        assert dialog.region.currentText() == "信阳市/潢川县/春申街道"
        seed = dialog.seed
        qtbot.mouseClick(seed, Qt.MouseButton.LeftButton, pos=QPoint(8, seed.height() // 2))
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer(SendPackageDialog, send_seed)
    press(window, Qt.Key.Key_S, CTRL_SHIFT)
    seed = read_package(chain.folder / "春申街道 初始数据包 2022-05-19.bdx").manifest.seed_scope
    assert seed is not None
    assert seed.path == "信阳市/潢川县/春申街道"


def test_a_key_trusted_in_the_window_is_dated_as_the_window_dates(
    make_window: Callable[..., MainWindow], chain: Chain, qtbot: QtBot
) -> None:
    """The keys' history said "2022-05-19：信任了…" beside its When column's 2022年5月19日."""
    window = _county_with_a_delta(make_window, chain)
    seen: list[list[str]] = []

    def trust(dialog: OfficesDialog) -> None:
        qtbot.waitUntil(lambda: dialog.rollup is not None)
        qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # 受信任的密钥(&K)
        type_text(dialog.reason, "春申街道的新密钥，已电话核对指纹")
        qtbot.mouseClick(dialog.trust, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.history.rowCount() == 1)
        seen.append([dialog.history.index(0, column).data() for column in range(4)])
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    answer(OfficesDialog, trust)
    press(window, Qt.Key.Key_O, CTRL_SHIFT)
    [(when, what, _, reason)] = seen
    assert when == "2022年5月19日"
    assert what.startswith("2022年5月19日")
    assert reason == "春申街道的新密钥，已电话核对指纹"
    assert file_rows(chain.county, "SELECT change, reason FROM pin_history") == [("trusted", reason)]


def test_remove_waits_for_a_file_to_be_selected(
    make_window: Callable[..., MainWindow], chain: Chain, qtbot: QtBot
) -> None:
    """Remove was enabled as soon as a file was added, and a click with none selected did nothing."""
    seed = chain.folder / SEED
    receipt = chain.folder / "回执.bdxr"
    window = _opened(make_window, chain.county, [seed, receipt])
    seen: list[object] = []

    def remove(wizard: ReceiveWizard) -> None:
        page = wizard.files_page
        qtbot.mouseClick(page.findChild(type(page.remove), "receiveAdd"), Qt.MouseButton.LeftButton)
        seen.append(page.remove.isEnabled())
        second = page.list.visualItemRect(page.list.item(1)).center()
        qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=second)
        seen.append(page.remove.isEnabled())
        qtbot.mouseClick(page.remove, Qt.MouseButton.LeftButton)
        seen.append(page.paths)
        seen.append(page.remove.isEnabled())
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)

    answer(ReceiveWizard, remove)
    press(window, Qt.Key.Key_I, CTRL_SHIFT)
    assert seen == [False, True, [seed], False]


def test_escape_on_the_last_page_keeps_the_receipt(
    make_window: Callable[..., MainWindow], chain: Chain, qtbot: QtBot
) -> None:
    """Closed with Escape (or the window's ×) after the import, the wizard left the receipts unwritten."""
    window = _county_with_a_delta(make_window, chain)

    def close(wizard: ReceiveWizard) -> None:
        _import(wizard, qtbot)
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
        assert not wizard.isVisible()

    _receive(window, qtbot, close)
    [receipt] = chain.folder.glob("*.bdxr")
    assert receipt.name.startswith("春申街道-")
    sent = "SELECT kind FROM package_log WHERE direction = 'sent' AND kind = 'receipt'"
    assert file_rows(chain.county, sent) == [("receipt",)]
