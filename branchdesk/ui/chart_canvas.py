"""The chart tabs' view: a chart's picture, rendered by a worker, and the mouse over its drawn items.

Showing a picture is a copy of its pixels to the screen: the UI thread never lays out or draws a chart.
It imports no matplotlib (the window starts without it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from branchdesk.charts.base import Target
    from branchdesk.charts.picture import Picture


def screen_image(picture: Picture) -> QImage:
    """The picture in the screen's own format, premultiplied ARGB: painted without a conversion each
    time (a worker makes it; QImage may be used on any thread)."""
    borrowed = QImage(
        picture.rgba, picture.width, picture.height, picture.width * 4, QImage.Format.Format_RGBA8888
    )
    # A deep copy first: an image on the picture's bytes only borrows them (and a conversion may keep
    # borrowing), while this one must outlive them.
    image = borrowed.copy()
    image.convertTo(QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(picture.ratio)
    return image


class ChartView(QWidget):
    hovered = Signal(object)  # the Target under the mouse, or None
    clicked = Signal(object)  # the Target clicked with the left button
    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._picture: Picture | None = None
        self._image: QImage | None = None

    @property
    def picture(self) -> Picture | None:
        return self._picture

    def show_picture(
        self, picture: Picture | None, image: QImage | None = None, *, tall: bool = False
    ) -> None:
        """Show ``picture`` (None: nothing), painted from ``image`` (made by :func:`screen_image` if not
        given); a ``tall`` one keeps its height, to be scrolled."""
        self._picture = picture
        if picture is None:
            self._image = None
            self.setMinimumHeight(0)
            self.setAccessibleName("")
        else:
            self._image = image if image is not None else screen_image(picture)
            self.setMinimumHeight(picture.logical_size[1] if tall else 0)
            self.setAccessibleName(picture.texts[0] if picture.texts else "")
        self.update()

    def target_at(self, x: float, y: float) -> Target | None:
        return None if self._picture is None else self._picture.at(x, y)

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("white"))
        if self._image is not None:
            painter.drawImage(QPointF(0, 0), self._image)
        painter.end()

    def mouseMoveEvent(self, event: Any) -> None:  # noqa: N802
        position = event.position()
        self.hovered.emit(self.target_at(position.x(), position.y()))

    def leaveEvent(self, event: Any) -> None:  # noqa: N802
        self.hovered.emit(None)
        super().leaveEvent(event)

    def mousePressEvent(self, event: Any) -> None:  # noqa: N802
        position = event.position()
        target = self.target_at(position.x(), position.y())
        if event.button() == Qt.MouseButton.LeftButton and target is not None:
            self.clicked.emit(target)
        else:
            super().mousePressEvent(event)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.resized.emit()
