"""Charts saved for printing: an A4 page (longer for long charts), at print resolution."""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from branchdesk.charts.base import figure_height

FORMATS = ("png", "svg", "pdf")
PRINT_DPI = 300
A4_LANDSCAPE = (11.69, 8.27)  # inches


def page_size(rows: int) -> tuple[float, float]:
    """A4 landscape, made as long as a chart of ``rows`` rows needs."""
    width, height = A4_LANDSCAPE
    return width, figure_height(rows, height) if rows else height


def save_figure(figure: Figure, path: Path) -> None:
    """Save as PNG, SVG or PDF, chosen by the file's suffix. Text is drawn in the Chinese font (embedded
    in the PDF, turned into outlines in the SVG), so the file looks the same on any computer."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"unknown chart format: {path.suffix}")
    figure.savefig(
        path,
        format=suffix,
        dpi=PRINT_DPI,
        facecolor="white",
        metadata={"Creator": "BranchDesk"} if suffix != "png" else {"Software": "BranchDesk"},
    )
