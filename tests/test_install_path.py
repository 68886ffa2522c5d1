"""The app installed under a folder whose path has Chinese characters (a clerk's 我的 台账) still finds and
uses its bundled font, in the window and in the charts.

Qt's addApplicationFont(path) returned -1 for such a path on Windows (issue #17, under wine); on Linux it
works, so this test passes with either call here. On Windows the fix (the font read by Python and handed to
Qt as bytes) shows when the installer puts the app in such a folder (setup.exe /S /D=...\\我的 台账) and
the installed app's --smoke-test passes: the app stops when its font cannot load."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh process from the copy: fonts registered with Qt and matplotlib are process-wide.
CHECK = """
import warnings
warnings.simplefilter("error")  # matplotlib warns of a glyph missing from the font
import numpy as np
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication

import branchdesk
from branchdesk.resources import bundled_font
from branchdesk.ui.fonts import apply_ui_font

app = QApplication([])
family = apply_ui_font(app)
metrics = QFontMetrics(app.font())
from branchdesk.charts import CHART_FONT_FAMILY

figure = Figure(figsize=(2, 1), dpi=100)
canvas = FigureCanvasAgg(figure)
figure.text(0.05, 0.4, "支部联建台账", fontsize=14)
canvas.draw()
ink = int((np.asarray(canvas.buffer_rgba())[..., :3] < 128).any(axis=2).sum())
print(branchdesk.__file__)
print(bundled_font())
print(family)
print(QFontInfo(app.font()).family())
print(all(metrics.inFontUcs4(ord(c)) for c in "支部联建台账潢川县浉"))
print(CHART_FONT_FAMILY)
print(font_manager.findfont(font_manager.FontProperties(family=CHART_FONT_FAMILY)))
print(ink)
"""


def test_bundled_font_is_used_from_a_chinese_install_folder(tmp_path: Path) -> None:
    install = tmp_path / "我的 台账"
    shutil.copytree(ROOT / "branchdesk", install / "branchdesk", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources" / "fonts", install / "resources" / "fonts")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MPLCONFIGDIR": str(tmp_path / "matplotlib"),
        "PYTHONPATH": str(install),
    }
    result = subprocess.run(
        [sys.executable, "-c", CHECK], cwd=install, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    package, font, family, shown, glyphs, chart_family, chart_font, ink = result.stdout.splitlines()
    assert Path(package).is_relative_to(install)
    assert font == str(install / "resources" / "fonts" / "NotoSansSC-Regular.otf")
    assert (family, shown, glyphs) == ("Noto Sans SC", "Noto Sans SC", "True")
    assert (chart_family, chart_font) == ("Noto Sans SC", font)
    assert int(ink) > 100  # the characters were drawn, not left blank
