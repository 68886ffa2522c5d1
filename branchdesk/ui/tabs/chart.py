"""What the chart tabs share: each chart described once (a :class:`ChartSpec`), the picker, the picture,
hover and click, work off the UI thread, export.

A worker reads a chart's figures and renders it (charts.picture: matplotlib's Agg backend, no Qt); the UI
thread only shows the pixels and answers the mouse from the drawn items' rectangles. matplotlib is
imported by the first worker that draws, not before: a window that is only used for its tables starts
without it. A tab that is not visible does no work; when it is shown it computes what its region and
period need, and it renders again only when they, its chart, its size or the language changed.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.i18n.language import format_date, format_month
from branchdesk.i18n.messages import error_text
from branchdesk.storage.ledger import Ledger
from branchdesk.ui.chart_canvas import ChartView, screen_image
from branchdesk.ui.jobs.runner import Compute, JobRunner, Reads
from branchdesk.ui.labels import current_language
from branchdesk.ui.tabs.contract import DrillDown

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from branchdesk.charts.base import Target, Targets
    from branchdesk.charts.picture import Picture
    from branchdesk.domain.changes import Changed

# Results kept per tab, so that flicking between charts, regions or periods does not compute them again.
CACHE_SIZE = 24
# Pictures kept per tab, so that flicking back to a chart shows it at once: a few, within a memory budget
# (a chart of a few hundred pairings is a tall picture of tens of megabytes).
PICTURES_KEPT = 4
PICTURES_BYTES = 48 * 2**20
# A resized window is drawn again once the resizing pauses.
RESIZE_DELAY_MS = 150


class ChartSpec:
    """One chart, described once: its name, how its figures are fetched, its figure (title, labels,
    drawing), its hit areas' tooltips and drill-down. ``fetch`` and ``figure`` run in a worker: they must
    not touch widgets (they may translate text)."""

    id = ""  # the picker button's object name is "chart-<id>"
    data_id = ""  # charts drawn from the same figures share their results (default: ``id``)

    def key(self) -> str:
        return self.data_id or self.id

    def name(self) -> str:
        raise NotImplementedError

    def fetch(self, ledger: Ledger, region_id: int, period: Hashable) -> Any:
        raise NotImplementedError

    def figure(self, figure: Figure, data: Any, wording: Wording) -> Targets:
        """Draw the chart for ``data`` into ``figure``, in ``wording``'s language: on screen and on an
        exported page alike."""
        raise NotImplementedError

    def rows(self, data: Any) -> int:
        """Rows of a chart that grows with its data (0: it fits any height)."""
        return 0

    def tooltip(self, data: Any, target: Target) -> str:
        raise NotImplementedError

    def drill(self, data: Any, target: Target) -> DrillDown | None:
        return None

    def export_title(self, data: Any) -> str:
        """The exported file's name, without its suffix: region, chart and period."""
        raise NotImplementedError


@dataclass(frozen=True)
class Wording:
    """The window's language for a chart's texts, read on the UI thread: a worker translates (Qt's
    catalogue lookup is thread-safe) but must not read QLocale's default, which a language switch
    replaces on the UI thread."""

    language: str
    locale: QLocale

    @classmethod
    def current(cls) -> Wording:
        return cls(current_language(), QLocale())

    def date(self, day: dt.date) -> str:
        return format_date(day, self.language)

    def month(self, month: Month) -> str:
        return format_month(month.year, month.month, self.language)

    def short_month(self, month: Month) -> str:
        return self.locale.monthName(month.month, QLocale.FormatType.ShortFormat)


@dataclass(frozen=True)
class Drawn:
    """A worker's result: the chart's figures, their picture, and the picture as the screen shows it."""

    data: object
    picture: Picture
    image: QImage


@dataclass(frozen=True)
class _Size:
    """What a picture is rendered for: the room on screen (logical pixels), the screen's pixel ratio, and
    the language's turn (a new language draws again)."""

    width: int
    height: int
    ratio: float
    language: int


def _render_job(
    spec: ChartSpec, region_id: int, period: Hashable, data: object, size: _Size, wording: Wording
) -> Compute:
    """The worker's part: the figures (unless known) and their picture."""

    def run(ledger: Ledger) -> Drawn:
        from branchdesk.charts.base import figure_height
        from branchdesk.charts.picture import SCREEN_DPI, render

        found = spec.fetch(ledger, region_id, period) if data is None else data
        rows = spec.rows(found)
        height = max(size.height, round(figure_height(rows, 0) * SCREEN_DPI)) if rows else size.height
        picture = render(lambda figure: spec.figure(figure, found, wording), size.width, height, size.ratio)
        image = screen_image(picture)
        return Drawn(found, replace(picture, rgba=b""), image)  # the pixels live on in the image alone

    return run


class ChartTab(QWidget):
    """A tab of charts for the selected region and the tab's period. Subclasses give their charts' specs
    and the period's editors."""

    drill_down = Signal(object)  # DrillDown
    chart_shown = Signal()  # a chart was drawn or taken away: whether there is one to export changed

    PERIOD_DELAY_MS = 300  # period edits wait for the typing to pause

    def __init__(
        self, jobs: JobRunner, tab_id: str, specs: Sequence[ChartSpec], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(tab_id)
        self.clock = jobs.clock
        self.specs = {spec.id: spec for spec in specs}
        self._path: Path | None = None
        self._region_id: int | None = None
        self._spec = specs[0]
        self._cache: OrderedDict[Hashable, object] = OrderedDict()
        self._pictures: OrderedDict[Hashable, Drawn] = OrderedDict()
        self._requested: Hashable | None = None  # what the worker is rendering
        self._shown: tuple[str, int, Hashable] | None = None  # chart, region and period on show
        self._shown_size: _Size | None = None
        self._data: object | None = None
        self._hovered: Target | None = None
        self._language = 0

        self.jobs = Reads(jobs, self)
        self.jobs.ready.connect(self._on_ready)
        self.jobs.failed.connect(self._on_failed)
        self._period_timer = QTimer(self)
        self._period_timer.setSingleShot(True)
        self._period_timer.setInterval(self.PERIOD_DELAY_MS)
        self._period_timer.timeout.connect(self.update_chart)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(RESIZE_DELAY_MS)
        self._resize_timer.timeout.connect(self.update_chart)

        self.picker = QButtonGroup(self)
        self.picker.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        bar = QHBoxLayout()
        for spec in specs:
            button = QToolButton(self)
            button.setObjectName(f"chart-{spec.id}")
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setChecked(spec is self._spec)
            button.clicked.connect(lambda _checked=False, c=spec.id: self.show_chart(c))
            self.picker.addButton(button)
            self.buttons[spec.id] = button
            bar.addWidget(button)
        bar.addStretch()
        self.period = QHBoxLayout()
        self.build_period(self.period)
        bar.addLayout(self.period)

        self.status = QLabel(self)
        self.status.setObjectName("chartStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Its room is kept while hidden: the chart's room, and so its picture, stays the same size.
        policy = self.status.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.status.setSizePolicy(policy)
        self.view = ChartView(self)
        self.view.setObjectName("chartView")
        self.view.hovered.connect(self._hover)
        self.view.clicked.connect(self._on_click)
        self.view.resized.connect(self._resize_timer.start)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("chartScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setWidget(self.view)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll_area, 1)
        self.status.hide()

    # -- for subclasses ------------------------------------------------------------------------------

    def build_period(self, layout: QHBoxLayout) -> None:
        """Add the period's editors to ``layout``; call :meth:`period_edited` when they change."""

    def reset_period(self) -> None:
        """Another ledger was opened."""

    def period_key(self) -> Hashable:
        raise NotImplementedError

    def settled_period(self, period: Hashable, data: object) -> Hashable:
        """The period a result is kept under (a subclass may learn its period from the result)."""
        return period

    def retranslate_period(self) -> None:
        pass

    # -- for the window ------------------------------------------------------------------------------

    def chart_ids(self) -> list[str]:
        return list(self.specs)

    def chart_name(self, chart_id: str) -> str:
        return self.specs[chart_id].name()

    def set_ledger(self, ledger: Ledger | None, region_id: int | None) -> None:
        """Show another ledger's charts (None: no ledger open)."""
        self.jobs.cancel()
        self._forget()
        self._path = None if ledger is None else ledger.path
        self._region_id = region_id
        self.reset_period()
        self._clear()
        self.update_chart()

    def set_region(self, region_id: int | None) -> None:
        self._region_id = region_id
        self.update_chart()

    def changed(self, done: Changed) -> None:
        """The ledger was written to: what was computed is out of date."""
        self._forget()
        self._shown = None
        self.update_chart()

    def show_chart(self, chart_id: str) -> None:
        self._spec = self.specs[chart_id]
        self.buttons[chart_id].setChecked(True)
        self.update_chart()

    @property
    def chart_id(self) -> str:
        return self._spec.id

    @property
    def data(self) -> object | None:
        """The figures on show."""
        return self._data

    @property
    def picture(self) -> Picture | None:
        return self.view.picture

    def has_chart(self) -> bool:
        return self._data is not None

    def busy(self) -> bool:
        return self.jobs.pending

    def wait(self, msecs: int = 60000) -> bool:
        """Wait for the worker (screenshots, the smoke test, tests); the result arrives as a signal. A
        resize waiting for its pause is drawn now."""
        if self._resize_timer.isActive():
            self.update_chart()
        return self.jobs.wait(msecs)

    def cancel(self) -> None:
        self._period_timer.stop()
        self._resize_timer.stop()
        self.jobs.cancel()

    def retranslate(self) -> None:
        for chart_id, button in self.buttons.items():
            button.setText(self.chart_name(chart_id))
        self.retranslate_period()
        self._language += 1  # what is on show is drawn again, in the new language, when seen
        self.update_chart()

    def suggested_file_name(self) -> str:
        """A name for the exported chart: region, chart and period."""
        return f"{self.export_title()}.png"

    def export_title(self) -> str:
        spec = self._shown_spec()
        return "" if spec is None else spec.export_title(self._data)

    def export(self, path: Path) -> None:
        """The chart on show, drawn afresh from its spec at print size and saved (PNG, SVG or PDF by the
        suffix; vector text in SVG and PDF)."""
        from matplotlib.figure import Figure

        from branchdesk.charts.export import page_size, save_figure

        spec = self._shown_spec()
        if spec is None:
            raise ValueError("no chart to export")
        figure = Figure(figsize=page_size(spec.rows(self._data)))
        spec.figure(figure, self._data, Wording.current())
        save_figure(figure, path)

    # -- showing -------------------------------------------------------------------------------------

    def period_edited(self) -> None:
        self._period_timer.start()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self.update_chart()

    def _size(self) -> _Size:
        room = self.scroll_area.viewport().size()
        ratio = self.devicePixelRatioF()
        return _Size(max(room.width(), 200), max(room.height(), 150), ratio, self._language)

    def update_chart(self) -> None:
        """Bring the picture up to date with chart, region, period, size and language, if on show."""
        self._period_timer.stop()
        self._resize_timer.stop()
        if not self.isVisible():
            return  # done when shown
        if self._path is None or self._region_id is None:
            self._clear()
            return
        wanted = (self._spec.id, self._region_id, self.period_key())
        size = self._size()
        if wanted == self._shown and size == self._shown_size:
            self.jobs.cancel()
            self.status.hide()
            return
        kept = self._pictures.get((wanted, size))
        if kept is not None:
            self.jobs.cancel()
            self._present(wanted, size, kept)
            return
        if (wanted, size) == self._requested and self.jobs.pending:
            return  # on its way
        data_key = (self._spec.key(), self._region_id, wanted[2])
        data = self._cache.get(data_key)
        if data is None:
            self._set_status(QCoreApplication.translate("ChartTab", "Computing…"))
        else:
            self._cache.move_to_end(data_key)
        self._requested = (wanted, size)
        self.jobs.request(
            self._path,
            (wanted, size),
            _render_job(self._spec, self._region_id, wanted[2], data, size, Wording.current()),
        )

    def _on_ready(self, key: tuple[tuple[str, int, Hashable], _Size], drawn: Drawn) -> None:
        (chart_id, region_id, period), size = key
        self._requested = None
        period = self.settled_period(period, drawn.data)
        shown = (chart_id, region_id, period)
        _keep(self._cache, (self.specs[chart_id].key(), region_id, period), drawn.data, CACHE_SIZE)
        _keep(self._pictures, (shown, size), drawn, PICTURES_KEPT)
        while (
            len(self._pictures) > 1
            and sum(d.image.sizeInBytes() for d in self._pictures.values()) > PICTURES_BYTES
        ):
            self._pictures.popitem(last=False)
        if shown == (self._spec.id, self._region_id, self.period_key()) and self.isVisible():
            self._present(shown, size, drawn)
        self.update_chart()  # a later size, period or chart

    def _present(self, shown: tuple[str, int, Hashable], size: _Size, drawn: Drawn) -> None:
        self.status.hide()
        self._shown, self._shown_size, self._data = shown, size, drawn.data
        self._hovered = None
        self.view.show_picture(drawn.picture, drawn.image, tall=drawn.picture.logical_size[1] > size.height)
        self.chart_shown.emit()

    def _forget(self) -> None:
        self._cache.clear()
        self._pictures.clear()
        self._requested = None

    def _on_failed(self, key: object, error: BranchDeskError) -> None:
        self._set_status(error_text(error))

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def _clear(self) -> None:
        self._shown = self._shown_size = self._data = None
        self.status.hide()
        self.view.show_picture(None)
        self.chart_shown.emit()

    # -- hover and click -----------------------------------------------------------------------------

    def _shown_spec(self) -> ChartSpec | None:
        """The spec of the chart on show: a chart just picked is not, until it has been drawn."""
        return None if self._shown is None or self._data is None else self.specs[self._shown[0]]

    def _hover(self, target: Target | None) -> None:
        if target == self._hovered:
            return
        self._hovered = target
        spec = self._shown_spec()
        if target is None or spec is None:
            QToolTip.hideText()
            self.view.unsetCursor()
            return
        text = spec.tooltip(self._data, target)
        if spec.drill(self._data, target) is not None:
            self.view.setCursor(Qt.CursorShape.PointingHandCursor)
            text += "\n" + QCoreApplication.translate("ChartTab", "Click to open the matching rows.")
        else:
            self.view.unsetCursor()
        QToolTip.showText(QCursor.pos(), text, self.view)

    def _on_click(self, target: Target) -> None:
        spec = self._shown_spec()
        if spec is None:
            return
        drill = spec.drill(self._data, target)
        if drill is not None:
            QToolTip.hideText()
            self.drill_down.emit(drill)


def _keep(kept: OrderedDict[Hashable, Any], key: Hashable, value: Any, most: int) -> None:
    """Keep ``value`` as the newest of at most ``most``."""
    kept[key] = value
    kept.move_to_end(key)
    while len(kept) > most:
        kept.popitem(last=False)
