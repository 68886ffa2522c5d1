"""The branch dialog's star ratings (五星支部, domain/stars.py): a grassroots branch's rating per year, with
the day it was rated. The clerk picks a year, its stars (or 未评定 to take a rating away) and the day;
every year's rating is listed under them. Saved with the branch as its one undoable action
(services/branches.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from branchdesk.domain.errors import BranchDeskError, FieldProblem
from branchdesk.domain.stars import STARS, StarRating, check_rating
from branchdesk.ui.labels import date_text, star_label
from branchdesk.ui.widgets import DateLineEdit, MarkedField

_FIRST_YEAR = 2000


class StarRatings(QWidget):
    """The ratings of one branch, as they will be saved."""

    def __init__(self, ratings: Sequence[StarRating], today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("starRatings")
        self._today = today
        self._ratings = {rating.year: rating for rating in ratings}
        self.year = QSpinBox(self)
        self.year.setObjectName("starYear")
        self.year.setRange(_FIRST_YEAR, today.year)
        self.year.setSuffix(self.tr(" (year)"))
        self.stars = QComboBox(self)
        self.stars.setObjectName("starCount")
        for stars in (None, *STARS):
            self.stars.addItem(star_label(stars), stars)
        self.rated_on = DateLineEdit(self)
        self.rated_on.setObjectName("starRatedOn")
        self.summary = QLabel(self)
        self.summary.setObjectName("starSummary")
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.year)
        row.addWidget(self.stars)
        row.addWidget(QLabel(self.tr("rated on"), self))
        row.addWidget(MarkedField(self.rated_on), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        self.year.setValue(max(self._ratings, default=today.year))
        self.year.valueChanged.connect(self._show_year)
        self.stars.currentIndexChanged.connect(self._keep)
        self.rated_on.value_edited.connect(self._keep)
        self.rated_on.textEdited.connect(self._keep)  # the list follows as a whole day is typed
        self._show_year()

    def _show_year(self) -> None:
        """The chosen year's rating (none yet: not rated, to be rated today)."""
        rating = self._ratings.get(self.year.value())
        with QSignalBlocker(self.stars):
            self.stars.setCurrentIndex(self.stars.findData(None if rating is None else rating.stars))
        self.rated_on.set_value(self._today if rating is None else rating.rated_on)
        self._show_summary()

    def _keep(self) -> None:
        """The chosen year's stars and day as now shown (while the day is not a date yet: as before)."""
        year, stars = self.year.value(), self.stars.currentData()
        try:
            rated_on = self.rated_on.value() or self._today
        except BranchDeskError:
            return
        if stars is None:
            self._ratings.pop(year, None)
        else:
            self._ratings[year] = StarRating(0, year, int(stars), rated_on)
        self._show_summary()

    def _show_summary(self) -> None:
        lines = [
            self.tr("{year}: {stars}, rated on {day}").format(
                year=rating.year, stars=star_label(rating.stars), day=date_text(rating.rated_on)
            )
            for rating in sorted(self._ratings.values(), key=lambda rating: -rating.year)
        ]
        self.summary.setText("\n".join(lines) if lines else self.tr("Not rated in any year."))

    def problem(self) -> FieldProblem | None:
        """Why the ratings cannot be saved, if they cannot: the day shown is not a date, or a rating breaks
        a rule (domain.stars.check_rating: rated before its year or after today)."""
        try:
            self.rated_on.value()
            for rating in self.ratings():
                check_rating(rating.year, rating.rated_on, self._today, grassroots=True)
        except BranchDeskError as error:
            return FieldProblem("stars", error.code, error.params)
        return None

    def ratings(self) -> list[StarRating]:
        """Every year's rating as it will be saved (the branch filled in by the service)."""
        self._keep()
        return sorted(self._ratings.values(), key=lambda rating: rating.year)
