"""Render the user guide's screenshots (resources/guide/*.png) from the app itself.

``QT_QPA_PLATFORM=offscreen python tools/guide_screenshots.py [--out resources/guide]``

A county demo ledger is made in a temporary folder and opened in the real window, in Chinese, at
1366×768 (the common township laptop); each tab and the dialogs of the guide's tasks are grabbed as the
window draws them, scaled down and reduced to a small palette, so that the guide stays a few hundred KB.
Run it again whenever a screen changes, and look at every picture.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QSettings, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QDialog

from branchdesk.app import SCREENSHOT_SIZE, build_window
from branchdesk.domain.clock import FixedClock
from branchdesk.services import draws
from branchdesk.services.backups import take_backup
from branchdesk.services.demo import generate_demo
from branchdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
# The demo's story runs in 2022; a fixed day keeps the pictures the same from one run to the next.
CLOCK = FixedClock(dt.datetime(2022, 12, 20, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
WINDOW_WIDTH = 900  # pixels of a whole-window picture in the guide (from 1366)
COLOURS = 48  # a palette this small keeps text sharp and the files small
RECORD_DPI = 90  # an A4 page about 740 pixels wide


def save(pixmap: QPixmap, path: Path, width: int | None = None) -> None:
    """``pixmap`` as a small palette PNG, scaled to ``width`` pixels when given."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    save_image(Image.open(io.BytesIO(bytes(buffer.data().data()))), path, width)


def save_image(image: Image.Image, path: Path, width: int | None = None) -> None:
    image = image.convert("RGB")
    if width is not None and image.width > width:
        image = image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
    image = image.quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    image.save(path, optimize=True)


def shoot_record(window: MainWindow, path: Path) -> None:
    """The first page of the demo's first draw record (抽签记录), as the PDF draws it."""
    from branchdesk.exchange.draw_record import draw_record_pages

    assert window.session is not None
    figure = draw_record_pages(draws.draw_record(window.session.ledger, 1))[0]
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=RECORD_DPI)
    save_image(Image.open(buffer), path)


def wait(seconds: float) -> None:
    """Let the window read and draw (tabs read off the UI thread)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def shoot_dialog(
    do: Callable[[], object], name: str, path: Path, ready: Callable[[QDialog], None] | None = None
) -> None:
    """Do ``do`` (an action that opens the dialog ``name`` and waits for it), grab that dialog, close it."""
    done = [False]

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal.objectName() == name and not done[0]:
            if ready is not None:
                ready(modal)
            wait(0.3)
            save(modal.grab(), path)
            done[0] = True
            modal.reject()
            return
        QTimer.singleShot(50, look)

    QTimer.singleShot(0, look)
    do()  # a dialog run by exec() is grabbed and closed before this returns; one opened by open() after
    end = time.monotonic() + 20
    while not done[0] and time.monotonic() < end:
        wait(0.05)
    if not done[0]:
        raise RuntimeError(f"{name} did not open")


def shoot_tab(window: MainWindow, tab_id: str, path: Path) -> None:
    window.show_tab(tab_id)
    window.settle()
    wait(1.0)
    save(window.grab(), path, WINDOW_WIDTH)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "guide")
    out: Path = parser.parse_args(argv).out
    app = QApplication.instance() or QApplication(["branchdesk"])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="branchdesk guide ") as folder:
        data = Path(folder) / "data"
        ledger = Path(folder) / "潢川县台账.bdesk"
        generate_demo(ledger, "county", clock=CLOCK)
        take_backup(ledger, data, CLOCK, "manual")
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = build_window(app, CLOCK, settings, "zh_CN", data, headless=True)
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        if not window.open_path(ledger):
            return 1
        while window.session is None:
            QApplication.processEvents()
        township = window.session.ledger.scalar("SELECT id FROM region WHERE name = '城关镇'")
        window.regions.select(township or 1)
        shoot(window, out)
        window.close()
    return 0


def shoot(window: MainWindow, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    shoot_tab(window, "branches", out / "branches.png")
    shoot_dialog(window.region_actions.add.trigger, "regionDialog", out / "region.png")
    shoot_dialog(window.branches_tab.branch_actions.add.trigger, "branchDialog", out / "branch.png")
    shoot_tab(window, "pairings", out / "pairings.png")

    def preview(dialog: QDialog) -> None:
        fit(WINDOW_WIDTH, 640)(dialog)  # the guide's width: pictures at their own size stay sharp
        dialog.seed.setText("3-6-1-4-2-5")  # type: ignore[attr-defined]
        dialog.run_preview()  # type: ignore[attr-defined]

    shoot_dialog(window.pairing_actions["drawAction"].trigger, "drawDialog", out / "draw.png", preview)
    shoot_record(window, out / "record.png")
    shoot_tab(window, "activities", out / "activities.png")
    shoot_dialog(window.activities_tab.record_button.click, "activityDialog", out / "activity.png")
    shoot_dialog(
        window.compliance_action.trigger, "complianceDialog", out / "compliance.png", fit(WINDOW_WIDTH, 560)
    )
    shoot_tab(window, "coverage", out / "coverage.png")
    shoot_tab(window, "activity-frequency", out / "frequency.png")
    shoot_dialog(window.exchange.import_action.trigger, "importWizard", out / "import.png", fit(800, 300))
    shoot_dialog(window.exchange.report_action.trigger, "reportDialog", out / "report.png")
    shoot_dialog(window.restore_action.trigger, "restoreDialog", out / "restore.png")
    shoot_dialog(window.check_action.trigger, "checkResultDialog", out / "check.png")
    # Last: File ▸ New, answered with Cancel, so the demo stays open until the end.
    window.context.choose_new_path = lambda parent: Path(tempfile.gettempdir()) / "新台账.bdesk"
    shoot_dialog(window.new_action.trigger, "newLedgerDialog", out / "new.png")


def fit(width: int, height: int) -> Callable[[QDialog], None]:
    """Resize a dialog whose own size leaves much empty room in a picture."""
    return lambda dialog: dialog.resize(width, height)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Times as a clerk's computer in China shows them, whatever the machine that renders the pictures.
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    sys.exit(main(sys.argv[1:]))
