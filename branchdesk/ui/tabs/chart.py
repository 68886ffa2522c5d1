"""What the chart tabs share: the chart picker, the canvas, hover and click, work off the UI thread, export.

matplotlib is imported when a chart tab is first shown, not before: a window that is only used for its
tables starts without it. A tab that is not visible does no work; when it is shown it computes what its
region and period need, and it redraws only when they (or its chart) changed since the last drawing.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.clock import Clock
from branchdesk.domain.enums import ActivityType, Area, BranchKind, Tier
from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.i18n.messages import error_text
from branchdesk.ui.jobs.background_charts import BackgroundCharts, Compute
from branchdesk.ui.labels import date_text

if TYPE_CHECKING:
    from matplotlib.backend_bases import MouseEvent
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    from branchdesk.charts.base import Target, Targets

# Screen figures are drawn at 100 dots per inch (matplotlib's default), times the screen's pixel ratio.
SCREEN_DPI = 100
# Results kept per tab, so that flicking between charts, regions or periods does not compute them again.
CACHE_SIZE = 24


@dataclass(frozen=True)
class DrillDown:
    """The rows behind a clicked bar: which tab lists them, for which region, filtered how."""

    tab: str  # the object name of the tab that lists the rows
    region_id: int
    kinds: tuple[BranchKind, ...] = ()
    text: str = ""  # the Branches tab's search text (a unit's name)
    direct: bool = False  # the region's own branches only (市直), not those below it
    unpaired_on: dt.date | None = None  # only the branches unpaired on this day: a coverage bar's gap
    month: Month | None = None
    activity_type: ActivityType | None = None
    area: Area | None = None
    organ_tier: Tier | None = None
    grassroots_tier: Tier | None = None
    pairing_id: int | None = None


class ChartTab(QWidget):
    """A tab of charts for the selected region and the tab's period. Subclasses say which charts there
    are, how each is computed (in a worker, on its own connection), drawn, explained and drilled into."""

    drill_down = Signal(object)  # DrillDown
    chart_shown = Signal()  # a chart was drawn or taken away: whether there is one to export changed

    PERIOD_DELAY_MS = 300  # period edits wait for the typing to pause

    def __init__(self, clock: Clock, tab_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(tab_id)
        self.clock = clock
        self._path: Path | None = None
        self._region_id: int | None = None
        self._chart = self.chart_ids()[0]
        self._cache: OrderedDict[Hashable, object] = OrderedDict()
        self._shown: Hashable | None = None  # the key of what the canvas shows
        self._data: object | None = None
        self._targets: Targets | None = None
        self._hovered: Target | None = None
        self.canvas: FigureCanvasQTAgg | None = None

        self.jobs = BackgroundCharts(clock, self)
        self.jobs.ready.connect(self._on_ready)
        self.jobs.failed.connect(self._on_failed)
        self._period_timer = QTimer(self)
        self._period_timer.setSingleShot(True)
        self._period_timer.setInterval(self.PERIOD_DELAY_MS)
        self._period_timer.timeout.connect(self.update_chart)

        self.picker = QButtonGroup(self)
        self.picker.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        for chart_id in self.chart_ids():
            button = QToolButton(self)
            button.setObjectName(f"chart-{chart_id}")
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setChecked(chart_id == self._chart)
            button.clicked.connect(lambda _checked=False, c=chart_id: self.show_chart(c))
            self.picker.addButton(button)
            self.buttons[chart_id] = button
            bar.addWidget(button)
        bar.addStretch()
        self.period = QHBoxLayout()
        self.build_period(self.period)
        bar.addLayout(self.period)

        self.status = QLabel(self)
        self.status.setObjectName("chartStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("chartScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(QWidget(self))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll_area, 1)
        self.status.hide()

    # -- for subclasses ------------------------------------------------------------------------------

    def chart_ids(self) -> list[str]:
        raise NotImplementedError

    def chart_name(self, chart_id: str) -> str:
        raise NotImplementedError

    def build_period(self, layout: QHBoxLayout) -> None:
        """Add the period's editors to ``layout``; call :meth:`period_edited` when they change."""

    def reset_period(self) -> None:
        """Another ledger was opened."""

    def period_key(self) -> Hashable:
        raise NotImplementedError

    def compute(self, chart_id: str, region_id: int, period: Hashable) -> Compute:
        """What a worker runs for a chart: it must not touch widgets."""
        raise NotImplementedError

    def data_id(self, chart_id: str) -> str:
        """Charts drawn from the same figures share their results."""
        return chart_id

    def settled_key(self, key: tuple[str, int, Hashable], data: object) -> tuple[str, int, Hashable]:
        """The key a result is kept under (a subclass may learn its period from the result)."""
        return key

    def draw(self, chart_id: str, figure: Figure, data: Any) -> Targets:
        raise NotImplementedError

    def rows(self, chart_id: str, data: Any) -> int:
        """Rows of a chart that grows with its data (0: it fits any height)."""
        return 0

    def tooltip(self, chart_id: str, data: Any, target: Target) -> str:
        raise NotImplementedError

    def drill(self, chart_id: str, data: Any, target: Target) -> DrillDown | None:
        return None

    def retranslate_period(self) -> None:
        pass

    # -- for the window ------------------------------------------------------------------------------

    def show_ledger(self, path: Path | None, region_id: int | None) -> None:
        """Show another ledger's charts (None: no ledger open)."""
        self.jobs.cancel()
        self._cache.clear()
        self._path = path
        self._region_id = region_id
        self.reset_period()
        self._clear()
        self.update_chart()

    def set_region(self, region_id: int | None) -> None:
        self._region_id = region_id
        self.update_chart()

    def show_chart(self, chart_id: str) -> None:
        self._chart = chart_id
        self.buttons[chart_id].setChecked(True)
        self.update_chart()

    @property
    def chart_id(self) -> str:
        return self._chart

    @property
    def data(self) -> object | None:
        """What the canvas shows."""
        return self._data

    @property
    def targets(self) -> Targets | None:
        return self._targets

    def has_chart(self) -> bool:
        return self._data is not None

    def busy(self) -> bool:
        return self.jobs.pending

    def wait(self, msecs: int = 60000) -> bool:
        """Wait for the worker (screenshots, the smoke test, tests); the result arrives as a signal."""
        return self.jobs.wait(msecs)

    def cancel(self) -> None:
        self._period_timer.stop()
        self.jobs.cancel()

    def retranslate(self) -> None:
        for chart_id, button in self.buttons.items():
            button.setText(self.chart_name(chart_id))
        self.retranslate_period()
        if self._shown is not None and self._data is not None:
            if self.isVisible():
                self._draw(self._data)
            else:
                self._shown = None  # drawn again, in the new language, when shown

    def suggested_file_name(self) -> str:
        """A name for the exported chart: region, chart and period."""
        return f"{self.export_title()}.png"

    def export_title(self) -> str:
        raise NotImplementedError

    def export(self, path: Path) -> None:
        """The chart on show, drawn afresh at print size and saved (PNG, SVG or PDF by the suffix)."""
        from matplotlib.figure import Figure

        from branchdesk.charts.export import page_size, save_figure

        if self._data is None:
            raise ValueError("no chart to export")
        figure = Figure(figsize=page_size(self.rows(self._chart, self._data)))
        self.draw(self._chart, figure, self._data)
        save_figure(figure, path)

    # -- showing -------------------------------------------------------------------------------------

    def period_edited(self) -> None:
        self._period_timer.start()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self._ensure_canvas()
        self.update_chart()

    def update_chart(self) -> None:
        """Bring the canvas up to date with chart, region and period, if the tab is on show."""
        self._period_timer.stop()
        if not self.isVisible():
            return  # done when shown
        if self._path is None or self._region_id is None:
            self._clear()
            return
        period = self.period_key()
        if (self._chart, self._region_id, period) == self._shown:
            self.jobs.cancel()
            self.status.hide()
            return
        key = (self.data_id(self._chart), self._region_id, period)
        if key in self._cache:
            self.jobs.cancel()
            self._cache.move_to_end(key)
            self._draw(self._cache[key])
            return
        self._set_status(QCoreApplication.translate("ChartTab", "Computing…"))
        self.jobs.request(self._path, key, self.compute(self._chart, self._region_id, period))

    def _on_ready(self, key: tuple[str, int, Hashable], data: object) -> None:
        key = self.settled_key(key, data)
        self._cache[key] = data
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        if key == (self.data_id(self._chart), self._region_id, self.period_key()) and self.isVisible():
            self._draw(data)
        else:
            self.update_chart()

    def _on_failed(self, key: object, error: BranchDeskError) -> None:
        self._set_status(error_text(error))

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.figure import Figure

        import branchdesk.charts  # noqa: F401  (the Chinese font, before the first drawing)
        from branchdesk.ui.chart_canvas import ChartCanvas

        canvas = ChartCanvas(Figure(dpi=SCREEN_DPI))
        canvas.setObjectName("chartCanvas")
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.mpl_connect("motion_notify_event", self._on_motion)
        canvas.mpl_connect("button_press_event", self._on_press)
        canvas.mpl_connect("figure_leave_event", lambda _event: self._hover(None))
        self.scroll_area.setWidget(canvas)
        self.canvas = canvas

    def _draw(self, data: object) -> None:
        self._ensure_canvas()
        assert self.canvas is not None
        from branchdesk.charts.base import figure_height

        self.status.hide()
        rows = self.rows(self._chart, data)
        self.canvas.setMinimumHeight(round(figure_height(rows, 0) * SCREEN_DPI) if rows else 0)
        self._targets = self.draw(self._chart, self.canvas.figure, data)
        self._shown, self._data = (self._chart, self._region_id, self.period_key()), data
        self._hover(None)
        self.canvas.draw_idle()  # type: ignore[no-untyped-call]
        self.chart_shown.emit()

    def _clear(self) -> None:
        self._shown = self._data = self._targets = None
        self.status.hide()
        if self.canvas is not None:
            self.canvas.figure.clear()
            self.canvas.draw_idle()  # type: ignore[no-untyped-call]
        self.chart_shown.emit()

    # -- hover and click -----------------------------------------------------------------------------

    def target_at(self, x: float, y: float) -> Target | None:
        """What lies at a display position (pixels from the canvas's bottom left)."""
        return None if self._targets is None else self._targets.at(x, y)

    def _on_motion(self, event: MouseEvent) -> None:
        self._hover(self.target_at(event.x, event.y) if event.x is not None else None)

    def _hover(self, target: Target | None) -> None:
        if target == self._hovered:
            return
        self._hovered = target
        if self.canvas is None:
            return
        if target is None or self._data is None:
            QToolTip.hideText()
            self.canvas.unsetCursor()
            return
        text = self.tooltip(self._chart, self._data, target)
        if self.drill(self._chart, self._data, target) is not None:
            self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
            text += "\n" + QCoreApplication.translate("ChartTab", "Click to open the matching rows.")
        else:
            self.canvas.unsetCursor()
        QToolTip.showText(QCursor.pos(), text, self.canvas)

    def _on_press(self, event: MouseEvent) -> None:
        if event.button != 1 or event.x is None or self._data is None:
            return
        target = self.target_at(event.x, event.y)
        if target is None:
            return
        drill = self.drill(self._chart, self._data, target)
        if drill is not None:
            QToolTip.hideText()
            self.drill_down.emit(drill)

    # -- text helpers --------------------------------------------------------------------------------

    @staticmethod
    def date(day: dt.date) -> str:
        return date_text(day)

    @staticmethod
    def join_lines(lines: Sequence[str]) -> str:
        return "\n".join(line for line in lines if line)
