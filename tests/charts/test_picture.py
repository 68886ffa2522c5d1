"""Charts on matplotlib's public API: no private name of matplotlib's is used, the version range is open to
the next minor releases, and a chart's picture is sharp on a high-resolution screen with its items found at
the same places."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import numpy as np

from branchdesk.charts import coverage
from branchdesk.charts.base import Target
from branchdesk.charts.picture import render
from branchdesk.domain.enums import RegionLevel
from tests.charts.test_chart_figures import COUNTIES, breakdown, rate_text

ROOT = Path(__file__).resolve().parents[2]
# Where charts are built and shown.
CHART_CODE = [
    *sorted((ROOT / "branchdesk" / "charts").glob("*.py")),
    ROOT / "branchdesk" / "ui" / "chart_canvas.py",
    ROOT / "branchdesk" / "ui" / "tabs" / "chart.py",
    ROOT / "branchdesk" / "ui" / "tabs" / "coverage.py",
    ROOT / "branchdesk" / "ui" / "tabs" / "frequency.py",
]


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_private_matplotlib_names() -> None:
    """No private module imported, no private attribute read of anything but the code's own objects
    (``self._x``), and no matplotlib class subclassed (its private hooks are what a subclass must define)."""
    found = []
    for path in CHART_CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("matplotlib"):
                names = [*node.module.split("."), *(alias.name for alias in node.names)]  # type: ignore[union-attr]
                found += [f"{where} imports {name}" for name in names if private(name)]
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    found += [
                        f"{where} imports {alias.name}" for part in alias.name.split(".") if private(part)
                    ]
            elif isinstance(node, ast.Attribute) and private(node.attr):
                if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                    found.append(f"{where} reads .{node.attr}")
            elif isinstance(node, ast.ClassDef):
                bases = [ast.unparse(base) for base in node.bases]
                mpl = [base for base in bases if base[:1].isupper() and base not in LOCAL_BASES]
                found += [f"{where} subclasses {base}" for base in mpl]
    assert found == []


# The chart code's own classes and Qt's (subclassing a Qt widget is how Qt is used).
LOCAL_BASES = {"ChartSpec", "RateSpec", "MonthsSpec", "MonthBarsSpec", "ChartTab", "QWidget", "QObject"}


def test_matplotlib_is_accepted_up_to_the_next_major_release() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (pin,) = [d for d in project["dependencies"] if d.startswith("matplotlib")]
    assert pin.replace(" ", "") == "matplotlib>=3.11,<4"


def test_a_high_resolution_screen_gets_twice_the_pixels_and_the_same_targets() -> None:
    data = breakdown(COUNTIES, RegionLevel.COUNTY)
    text = rate_text(data)
    plain = render(lambda figure: coverage.draw_rate_bars(figure, data, text), 900, 500, 1.0)
    sharp = render(lambda figure: coverage.draw_rate_bars(figure, data, text), 900, 500, 2.0)
    assert (plain.width, plain.height) == (900, 500)
    assert (sharp.width, sharp.height) == (1800, 1000)
    assert plain.logical_size == sharp.logical_size == (900, 500)
    for low, high in zip(plain.hits, sharp.hits, strict=True):
        assert low.target == high.target
        assert np.allclose(
            (low.left, low.top, low.right, low.bottom),
            (high.left, high.top, high.right, high.bottom),
            atol=0.5,
        )
    # The bar's colour at its centre on both (physical pixels are twice as many).
    x, y = sharp.centre(Target(0))
    pixels = np.frombuffer(sharp.rgba, np.uint8).reshape(sharp.height, sharp.width, 4)
    assert tuple(pixels[round(2 * y), round(2 * x), :3]) == (0xB2, 0x22, 0x22)
    assert plain.texts[0] == "信阳市基层党支部结对覆盖率"
