"""Composition root: paths, preferences, language, font, the open ledger and the window.

``branchdesk [LEDGER] [--demo] [--screenshot DIR] [--smoke-test] [--lang zh_CN|en]``
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSettings, QStandardPaths, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from branchdesk import __version__
from branchdesk.domain.clock import Clock, SystemClock, timestamp
from branchdesk.i18n.arguments import Lookup, Parser, UsageError, argparse_language, requested_language
from branchdesk.i18n.language import CHINESE, Translations, catalogue
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.resources import bundled_font, resources_dir
from branchdesk.services.paths import user_data_dir
from branchdesk.ui.app_settings import AppSettings
from branchdesk.ui.context import (
    UiContext,
    file_dialog_new,
    file_dialog_open,
    message_box_error,
    message_box_question,
)
from branchdesk.ui.dialogs.export_chart import file_dialog_export_chart
from branchdesk.ui.dialogs.file_choice import file_dialog_chooser, packages_dialog
from branchdesk.ui.fonts import apply_ui_font, load_font
from branchdesk.ui.jobs.interpreter import favour_ui_thread
from branchdesk.ui.jobs.main_thread_gc import MainThreadCollector
from branchdesk.ui.main_window import MainWindow
from branchdesk.ui.single_instance import LedgerInstances, bring_forward

if TYPE_CHECKING:
    from tempfile import TemporaryDirectory

    from branchdesk.storage.ledger import Ledger

# The window's first paint waits only for what it shows (its frame and the name of the ledger being opened);
# the rest of the app (files, storage, the window's parts) is imported after it, inside the functions here.
# Qt's namespace (PySide6.QtCore.Qt, 12 ms to build) is one of them: nothing on the way to that paint uses it.

APP_NAME = "BranchDesk"
DEMO_STAGES = {
    "demo.stage.branches": QT_TRANSLATE_NOOP("App", "Regions, units and branches"),
    "demo.stage.pairings": QT_TRANSLATE_NOOP("App", "Draws and pairings"),
    "demo.stage.activities": QT_TRANSLATE_NOOP("App", "Activities"),
    "demo.stage.saving": QT_TRANSLATE_NOOP("App", "Saving"),
}
DEMO_SCALE = "county"
SCREENSHOT_SIZE = (1366, 768)  # the commonest laptop screen in township offices


def documents_dir() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def demo_ledger_path(folder: Path) -> Path:
    return folder / "demo" / "演示台账（县级）.bdesk"


def make_demo_ledger(folder: Path, clock: Clock) -> Path:
    """The demo ledger in the data folder, generated the first time with a progress dialog."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    from branchdesk.domain.errors import BranchDeskError, os_reason

    path = demo_ledger_path(folder)
    if path.exists():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BranchDeskError("ledger.cannot_write", path=str(path), reason=os_reason(error)) from None
    dialog = QProgressDialog(QCoreApplication.translate("App", "Making the demo ledger…"), "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()

    def progress(stage: str) -> None:
        detail = QCoreApplication.translate("App", DEMO_STAGES.get(stage, stage))
        dialog.setLabelText(QCoreApplication.translate("App", "Making the demo ledger…") + "\n" + detail)
        QCoreApplication.processEvents()

    from branchdesk.services.demo import generate_demo  # only when a demo is wanted: keeps starts fast

    try:
        generate_demo(path, DEMO_SCALE, clock=clock, progress=progress)
    finally:
        dialog.close()
    return path


def print_error(parent: QWidget, text: str) -> None:
    """Headless runs (screenshots, smoke test) report errors without a dialog that nobody can close."""
    print(text, file=sys.stderr)


def decline(parent: QWidget, question: str) -> bool:
    """Headless runs answer no to every question (such as restoring a backup of a damaged file)."""
    print(question, file=sys.stderr)
    return False


def build_window(
    app: QApplication,
    clock: Clock,
    settings: QSettings,
    language: str | None,
    folder: Path,
    *,
    headless: bool = False,
    instances: LedgerInstances | None = None,
    assemble: bool = True,
) -> MainWindow:
    """The window with everything it is given; ``instances`` keeps one window per ledger. Without
    ``assemble`` only its frame is made (MainWindow.assemble makes the rest)."""
    preferences = AppSettings(settings)
    translations = Translations(app)
    translations.install(language or preferences.language)
    apply_ui_font(app)
    folder.mkdir(parents=True, exist_ok=True)
    documents = documents_dir()

    def demo(parent: QWidget) -> Path | None:

        return make_demo_ledger(folder, clock)

    context = UiContext(
        clock=clock,
        settings=preferences,
        translations=translations,
        data_dir=folder,
        documents_dir=documents,
        demo_ledger=demo,
        choose_open_path=file_dialog_open(documents),
        choose_new_path=file_dialog_new(documents),
        show_error=print_error if headless else message_box_error,
        ask=decline if headless else message_box_question,
        auto_backup=not headless,
        choose_chart_path=file_dialog_export_chart(documents),
        choose_file=file_dialog_chooser(documents),
        choose_packages=packages_dialog(documents),
    )
    if instances is not None:
        context.claim_ledger = instances.claim
    window = MainWindow(context, assemble=assemble)
    if instances is not None:
        instances.activated.connect(lambda: bring_forward(window))
    return window


def screenshot(window: MainWindow, folder: Path) -> None:
    """Each tab rendered to ``folder/<tab-id>.png``."""
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    for tab_id in window.tab_ids():
        window.show_tab(tab_id)
        window.settle()
        if not window.grab().save(str(folder / f"{tab_id}.png")):
            raise OSError(f"could not write {folder / f'{tab_id}.png'}")


def smoke_test(window: MainWindow, clock: Clock) -> None:
    """Open a demo ledger in a temporary folder, visit every tab, write to the file and read it back."""
    import tempfile

    from branchdesk.services.demo import generate_demo
    from branchdesk.services.ledgers import open_ledger
    from branchdesk.services.settings import ledger_setting, set_ledger_setting

    translations = window.context.translations
    if translations.language == CHINESE and not translations.qt_dialogs_translated:
        raise RuntimeError("Qt's own Chinese translations (qtbase_zh_CN.qm) did not load")
    _smoke_font()
    _smoke_about(window)
    with tempfile.TemporaryDirectory(prefix="branchdesk smoke ") as folder:
        path = Path(folder) / "冒烟 测试.bdesk"
        generate_demo(path, "township", clock=clock)
        if not window.open_path(path):
            raise RuntimeError(f"could not open {path}")
        window.show()
        for tab_id in window.tab_ids():
            window.show_tab(tab_id)
            window.settle()
        if window.figures.coverage_label.text() == "":
            raise RuntimeError("the status bar shows no coverage")
        if window.branches_tab.model.rowCount() == 0:
            raise RuntimeError("the Branches tab shows no rows")
        stamp = timestamp(clock)
        assert window.session is not None
        set_ledger_setting(window.session.ledger, "smoke_test", stamp)
        window.close()
        with open_ledger(path, clock, read_only=True) as reopened:
            if ledger_setting(reopened, "smoke_test") != stamp:
                raise RuntimeError("what was written could not be read back")
            _smoke_exchange(reopened, Path(folder))


def _smoke_font() -> None:
    """The window's font is registered and has Chinese characters, and the bundled font loads from the
    install folder: Qt's addApplicationFont(path) failed for a path with Chinese characters on Windows (issue
    #17). The window uses the bundled font only where Windows has no Microsoft YaHei, so it is loaded here
    whichever font the window uses."""
    from PySide6.QtGui import QFontDatabase, QFontInfo

    font = QApplication.font()
    # hasFamily also knows a family by its English name where Windows lists it under its Chinese one.
    if not QFontDatabase.hasFamily(font.family()):
        raise RuntimeError(f"the UI font {font.family()} is not registered")
    for family in (QFontInfo(font).family(), load_font(bundled_font())):
        if QFontDatabase.WritingSystem.SimplifiedChinese not in QFontDatabase.writingSystems(family):
            raise RuntimeError(f"the font {family} has no Chinese characters")


def _smoke_about(window: MainWindow) -> None:
    """Help ▸ About reads this version's notes and the licences a frozen build must carry with it."""
    from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser

    from branchdesk.ui.dialogs.about import AboutDialog

    about = AboutDialog(window.context.data_dir, window.context.translations.language, window)
    notes = about.findChild(QTextBrowser, "releaseNotes")
    notices = about.findChild(QPlainTextEdit, "noticesText")
    if notes is None or not notes.toPlainText().strip():
        raise RuntimeError(f"About shows no notes for {__version__}")
    if notices is None or "GNU LESSER GENERAL PUBLIC LICENSE" not in notices.toPlainText():
        raise RuntimeError("About shows no licences of the bundled packages")
    about.deleteLater()


def _smoke_exchange(ledger: Ledger, folder: Path) -> None:
    """Export, read back and report: the spreadsheet and PDF libraries load inside functions, and a
    frozen bundle that lacks one fails here rather than in a clerk's hands."""
    import xlrd  # noqa: F401  (.xls files: nothing here writes one to read back)

    from branchdesk.domain.months import Month
    from branchdesk.exchange.ledger_export import export_ledger
    from branchdesk.exchange.ledger_import import plan_file
    from branchdesk.exchange.monthly_report import write_report

    workbook = folder / "台账.xlsx"
    export_ledger(ledger, workbook)
    if not any(plan.preview for plan in plan_file(workbook, "all")):
        raise RuntimeError("the exported workbook could not be read back")
    if write_report(ledger, folder / "月报.pdf", Month(2022, 6)) < 1:
        raise RuntimeError("the monthly report has no pages")
    _smoke_word_ledger(ledger, folder)


def _smoke_word_ledger(ledger: Ledger, folder: Path) -> None:
    """The Word ledger from the bundled template: docxtpl, python-docx and lxml.etree load in the bundle."""
    import docx

    from branchdesk.domain.months import Month
    from branchdesk.exchange.word_ledger import write_ledger_doc
    from branchdesk.services.word_ledger import ledger_book

    path = folder / "台账.docx"
    write_ledger_doc(ledger_book(ledger, first=Month(2022, 4), last=Month(2022, 6)), path)
    if len(docx.Document(str(path)).tables) < 4:
        raise RuntimeError("the Word ledger has no tables")


def _parse(argv: Sequence[str], lookup: Lookup) -> argparse.Namespace:
    def text(source: str) -> str:
        return lookup("App", source)

    with argparse_language(lookup):
        parser = Parser(
            prog="branchdesk", description=text(QT_TRANSLATE_NOOP("App", "支部联建台账 BranchDesk"))
        )
        parser.add_argument(
            "ledger",
            nargs="?",
            type=Path,
            metavar=text(QT_TRANSLATE_NOOP("App", "LEDGER")),
            help=text(QT_TRANSLATE_NOOP("App", "ledger file (.bdesk) to open")),
        )
        parser.add_argument(
            "--demo",
            action="store_true",
            help=text(QT_TRANSLATE_NOOP("App", "open the demo ledger (made on first use)")),
        )
        parser.add_argument(
            "--screenshot",
            type=Path,
            metavar=text(QT_TRANSLATE_NOOP("App", "DIR")),
            help=text(QT_TRANSLATE_NOOP("App", "render each tab to DIR/<tab-id>.png and exit")),
        )
        parser.add_argument(
            "--smoke-test",
            action="store_true",
            help=text(QT_TRANSLATE_NOOP("App", "self-test; exit code 0 when healthy")),
        )
        parser.add_argument(
            "--lang",
            metavar=text(QT_TRANSLATE_NOOP("App", "LANG")),
            help=text(QT_TRANSLATE_NOOP("App", "language: zh_CN (default) or en")),
        )
        # For benchmarks/run.py: time a cold start up to the first shown frame.
        parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
        parser.add_argument(
            "--version",
            action="version",
            version=f"BranchDesk {__version__}",
            help=text(QT_TRANSLATE_NOOP("App", "show the version and exit")),
        )
        return parser.parse_args(argv)


def run(
    argv: Sequence[str],
    *,
    clock: Clock | None = None,
    settings: QSettings | None = None,
    data_folder: Path | None = None,
) -> int:
    """Start the window; tests pass their own clock, preferences file and data folder."""
    lookup = catalogue(requested_language(argv) or CHINESE)
    try:
        args = _parse(argv, lookup)
    except UsageError as error:
        usage = lookup("App", QT_TRANSLATE_NOOP("App", "branchdesk: bad arguments: {error}"))
        print(usage.format(error=error), file=sys.stderr)
        return 2
    except SystemExit as stop:  # --help and --version
        return int(stop.code or 0)
    clock = clock or SystemClock()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "branchdesk.png")))
    collector = MainThreadCollector(app)
    favour_ui_thread()
    headless = args.smoke_test or args.screenshot is not None
    folder = data_folder or user_data_dir()
    # The smoke test must not touch the user's preferences (recent files, window layout).
    scratch = _scratch_folder() if args.smoke_test else None
    if settings is None:
        settings = (
            QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
            if scratch
            else QSettings()
        )
    # One window per ledger; not for headless runs, whose scratch files no other window wants. The window
    # answers other starts once its parts are made.
    instances = None if headless else LedgerInstances(folder / "instances", answer_later=True)
    if instances is not None and args.ledger is not None and not instances.claim(args.ledger):
        return 0  # the window that has this ledger open was asked to come forward
    window: MainWindow | None = None
    previous_hook = sys.excepthook
    try:
        window = build_window(
            app,
            clock,
            settings,
            args.lang,
            folder,
            headless=headless,
            instances=instances,
            assemble=headless,  # a window on screen paints its frame first
        )
        if args.smoke_test:
            smoke_test(window, clock)
            return 0
        return _open_and_show(window, args, app, collector, instances)
    except Exception:
        if not args.smoke_test:
            raise
        import traceback

        # A windowed exe has no console: the exit code and a log file are all a smoke test can leave.
        log = folder / "logs" / "smoke-test.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(traceback.format_exc(), encoding="utf-8")
        print(f"smoke test failed; see {log}", file=sys.stderr)
        return 1
    finally:
        if window is not None:
            window.close()
            window.context.translations.remove()
            # Delete the window's Qt objects now, while the application still exists, rather than in
            # Python's garbage collection at interpreter exit, in no particular order.
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        collector.stop()
        if scratch is not None:
            scratch.cleanup()
        if instances is not None:
            instances.release()
        sys.excepthook = previous_hook


def _scratch_folder() -> TemporaryDirectory[str]:
    import tempfile

    return tempfile.TemporaryDirectory(prefix="branchdesk settings ")


def _open_and_show(
    window: MainWindow,
    args: argparse.Namespace,
    app: QApplication,
    collector: MainThreadCollector,
    instances: LedgerInstances | None,
) -> int:
    ledger = args.ledger
    if ledger is None and not args.demo and window.context.settings.reopen_last:
        recent = [path for path in window.context.settings.recent_files() if path.exists()]
        ledger = recent[0] if recent else None
    if args.screenshot is None:
        # On screen at once: the menus, the tabs' names and the ledger's name, saying it is being opened;
        # then the window's parts, before it takes any input; then the file, read as the tabs read it.
        if ledger is not None and not args.demo:
            window.show_opening(ledger)
        else:
            window.assemble()  # its first screen is the welcome page (or the demo ledger being made)
        window.show()
        paint_first(window)
        if args.exit_when_shown:
            print(f"shown_at={time.time()!r}", flush=True)
        window.assemble()
        if instances is not None:
            instances.answer()
    _catch_crashes(window)
    if args.demo:
        window.open_demo()
        opened = window.session is not None
    else:
        opened = ledger is not None and window.open_path(ledger)
    if args.screenshot is not None:
        if not opened:
            return 1
        screenshot(window, args.screenshot)
        return 0
    if args.exit_when_shown:  # checked from within the event loop, which quit() stops
        QTimer.singleShot(0, lambda: _report_first_screen_and_quit(window, app))
    else:
        from branchdesk.ui.jobs.chart_preload import preload_charts

        preload_charts(window.jobs, then=collector.settle)
    return app.exec()


class _Painted(QObject):
    """Notes the first paint of the window it watches."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.done = True
        return False


FIRST_PAINT_WAIT_S = 2.0  # a window system that never paints a window (none known) is not waited for longer


def paint_first(window: QWidget) -> None:
    """Let the shown window paint now, taking no input meanwhile (its parts are not made yet)."""
    painted = _Painted(window)
    deadline = time.monotonic() + FIRST_PAINT_WAIT_S
    while not painted.done and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 10)
    window.removeEventFilter(painted)
    painted.deleteLater()


def _catch_crashes(window: MainWindow) -> None:
    """Unexpected errors from here on are logged and shown as a message naming the log."""
    from branchdesk.ui.crash import crash_handler

    def tell_user(text: str) -> None:
        window.context.show_error(window, text)

    context = window.context
    sys.excepthook = crash_handler(context.data_dir / "logs", context.clock.now, tell_user)


def _report_first_screen_and_quit(window: MainWindow, app: QApplication) -> None:
    """For benchmarks/run.py: the wall-clock moment the first tab's rows were painted (or the file was
    refused), so tear-down is not timed."""
    if window.first_screen_shown():
        window.repaint()
        print(f"data_shown_at={time.time()!r}", flush=True)
        app.quit()
    elif window.session is None and window.opening() is None:
        app.quit()  # refused: the benchmark says no time was reported
    else:
        QTimer.singleShot(1, lambda: _report_first_screen_and_quit(window, app))


def main() -> None:
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
