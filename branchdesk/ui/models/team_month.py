"""The month grid of the Work teams tab: one row per member serving in the month, one column per day.

The rows are a region's members as read off the UI thread (a township's are a few hundred); days typed or
pasted are held here until saved, all of them in one operation (one step of Edit ▸ Undo). A paste is
checked whole before any cell takes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from branchdesk.domain.errors import BranchDeskError
from branchdesk.domain.months import Month
from branchdesk.domain.teams import CHINESE, Cell, DayMark, MemberMonth, MonthDays, parse_block, parse_cell
from branchdesk.i18n.language import CHINESE as CHINESE_LANGUAGE
from branchdesk.i18n.language import format_span
from branchdesk.i18n.noop import QT_TRANSLATE_NOOP
from branchdesk.ui.labels import current_language, term_label

Index = QModelIndex | QPersistentModelIndex

# The columns before and after the days.
LEADING = (
    QT_TRANSLATE_NOOP("TeamMonthModel", "Village (community)"),
    QT_TRANSLATE_NOOP("TeamMonthModel", "Member's name"),
    QT_TRANSLATE_NOOP("TeamMonthModel", "Role"),
)
TRAILING = (
    QT_TRANSLATE_NOOP("TeamMonthModel", "Counted"),
    QT_TRANSLATE_NOOP("TeamMonthModel", "Required"),
    QT_TRANSLATE_NOOP("TeamMonthModel", "Short"),
)
_OUTSIDE = QColor("#e6e6e6")  # a day outside the member's service: nothing may be entered
_EDITED = QColor("#fff2b3")  # typed or pasted, not yet saved
_WEEKEND = QColor("#eef4fb")
_BELOW = QColor("#c00000")  # a member below the rule: name and shortfall in red
_BELOW_FILL = QColor("#fde2e2")
_MARK_COLOURS = {
    DayMark.LEAVE: QColor("#7a4b00"),
    DayMark.ABSENT: QColor("#c00000"),
    DayMark.BUSINESS: QColor("#1f4e79"),
}
_WEEKDAYS = QT_TRANSLATE_NOOP("TeamMonthModel", "MTWTFSS")
# The roles as plain ints, and those the grid answers: a month's grid asks some 5,000 times a paint, and
# each look-up of a Qt enum costs as much as the answer (issue #16: no tab may hold the window 100 ms).
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TIP = int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED = frozenset({_DISPLAY, _EDIT, _ALIGN, _FOREGROUND, _BACKGROUND, _FONT, _TIP})
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)


class TeamMonthModel(QAbstractTableModel):
    refused = Signal(object)  # BranchDeskError: a typed cell that is no mark
    edited = Signal()  # the unsaved days changed

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.month = Month(2000, 1)
        self.rows: list[MemberMonth] = []
        self.pending: dict[int, MonthDays] = {}  # member id → the month as typed, not yet saved
        self.holidays: frozenset[int] = frozenset()  # days of the month that are no working day
        self._days = self.month.last_day.day
        self._in_service: dict[int, tuple[bool, ...]] = {}  # row → by day: may the member be marked

    # -- the rows ------------------------------------------------------------------------------------

    def set_rows(self, month: Month, rows: Sequence[MemberMonth], days_off: frozenset[int]) -> None:
        """A new month or region (what was typed and not saved is the caller's to keep or drop first)."""
        self.beginResetModel()
        self.month = month
        self._days = month.last_day.day
        self.rows = list(rows)
        self._in_service = {}
        self.pending = {}
        self.holidays = days_off
        self.endResetModel()
        self.edited.emit()

    @property
    def days(self) -> int:
        return self._days

    def in_service(self, row: int, day: int) -> bool:
        """Whether the row's member serves on the day (the grid asks for each cell it paints)."""
        days = self._in_service.get(row)
        if days is None:
            member = self.rows[row]
            days = self._in_service[row] = tuple(
                member.day_in_service(number) for number in range(1, self._days + 1)
            )
        return days[day - 1]

    def day_of(self, column: int) -> int | None:
        """The day of the month a column shows (None for the name and figure columns)."""
        day = column - len(LEADING) + 1
        return day if 1 <= day <= self._days else None

    def month_of(self, row: int) -> MonthDays:
        member = self.rows[row]
        return self.pending.get(member.member_id, member.days)

    def counted(self, row: int) -> int:
        return self.month_of(row).counted

    def shortfall(self, row: int) -> int:
        return max(0, self.rows[row].required - self.counted(row))

    def below_rule(self) -> int:
        return sum(1 for row in range(len(self.rows)) if self.shortfall(row) > 0)

    def changed_months(self) -> dict[int, MonthDays]:
        """The months typed that differ from what is saved."""
        stored = {member.member_id: member.days for member in self.rows}
        return {member: days for member, days in self.pending.items() if days != stored[member]}

    # -- Qt's model ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(LEADING) + self.days + len(TRAILING)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        day = self.day_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if day is None:
                names = (*LEADING, *TRAILING)
                return self.tr(names[section if section < len(LEADING) else section - self.days])
            weekday = dt.date(self.month.year, self.month.month, day).weekday()
            return f"{day}\n{self.tr(_WEEKDAYS)[weekday]}"
        if role == Qt.ItemDataRole.BackgroundRole and day is not None and day in self.holidays:
            return QBrush(_WEEKEND)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        day = self.day_of(index.column())
        if day is not None and self.in_service(index.row(), day):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = index.row(), index.column()
        member = self.rows[row]
        day = self.day_of(column)
        if day is not None:
            return self._day_data(row, day, role)
        below = self.shortfall(row) > 0
        figure = column - len(LEADING) - self._days  # 0 counted, 1 required, 2 short
        last = len(LEADING) + self._days + len(TRAILING) - 1
        if role == _DISPLAY:
            if column < len(LEADING):
                return (member.branch, member.name, term_label(member.role))[column]
            return (self.counted(row), member.required, self.shortfall(row))[figure]
        if role == _FOREGROUND and below and column in (1, last):
            return QBrush(_BELOW)
        if role == _BACKGROUND and below and column == last:
            return QBrush(_BELOW_FILL)
        if role == _FONT and below and column == 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == _ALIGN and column >= len(LEADING):
            return _CENTRED
        if role == _TIP and column < len(LEADING):
            return self.tr("{name}, {phone}, {unit}; in the village {span}").format(
                name=member.name,
                phone=member.phone,
                unit=member.sending_unit or "—",
                span=format_span(member.from_on, member.to_on, current_language()),
            )
        return None

    def _day_data(self, row: int, day: int, role: int) -> object:
        if role == _ALIGN:
            return _CENTRED
        member = self.rows[row]
        days = self.month_of(row)
        mark = days.marks[day - 1]
        if role in (_DISPLAY, _EDIT):
            if mark is None:
                return ""
            shown = CHINESE[mark] if current_language() == CHINESE_LANGUAGE else mark.value
            reason = days.reasons.get(day)
            return f"{shown} {reason}" if role == _EDIT and reason else shown
        if role == _FOREGROUND and mark in _MARK_COLOURS:
            return QBrush(_MARK_COLOURS[mark])
        if role == _BACKGROUND:
            if not self.in_service(row, day):
                return QBrush(_OUTSIDE)
            if member.member_id in self.pending and mark != member.days.marks[day - 1]:
                return QBrush(_EDITED)
            if day in self.holidays:
                return QBrush(_WEEKEND)
        if role == _TIP:
            if not self.in_service(row, day):
                return self.tr("Not in the village yet, or no longer")
            reason = days.reasons.get(day)
            return None if mark is None else f"{term_label(mark)}{'：' + reason if reason else ''}"
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        day = self.day_of(index.column())
        if (
            role != Qt.ItemDataRole.EditRole
            or day is None
            or not self.flags(index) & Qt.ItemFlag.ItemIsEditable
        ):
            return False
        try:
            cell = parse_cell(str(value or ""))
        except BranchDeskError as error:
            self.refused.emit(error)
            return False
        self._put(index.row(), day, cell)
        self._changed(index.row(), index.row())
        return True

    def _put(self, row: int, day: int, cell: Cell) -> None:
        member = self.rows[row]
        self.pending[member.member_id] = self.month_of(row).with_day(day, *cell)

    def _changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.edited.emit()

    def paste(self, text: str, row: int, column: int) -> None:
        """A block copied from Excel/WPS with its top-left cell at (row, column): every cell checked first
        (the block's shape, the marks, the members' dates), then taken whole; raises BranchDeskError with
        where it went wrong, leaving every cell as it was."""
        day = self.day_of(column)
        if day is None:
            raise BranchDeskError("team.paste_start")
        block = parse_block(text, day, self.month, len(self.rows) - row)
        for offset, cells in enumerate(block):
            member = self.rows[row + offset]
            for step, cell in enumerate(cells):
                if cell[0] is not None and not self.in_service(row + offset, day + step):
                    when = dt.date(self.month.year, self.month.month, day + step)
                    raise BranchDeskError(
                        "team.day_outside_member",
                        name=member.name,
                        day=when.isoformat(),
                        from_on=member.from_on.isoformat(),
                        to_on=member.to_on.isoformat() if member.to_on else "…",
                    )
        for offset, cells in enumerate(block):
            for step, cell in enumerate(cells):
                self._put(row + offset, day + step, cell)
        self._changed(row, row + len(block) - 1)

    def clear_cells(self, indexes: Sequence[Index]) -> None:
        rows = []
        for index in indexes:
            day = self.day_of(index.column())
            if day is not None and self.flags(index) & Qt.ItemFlag.ItemIsEditable:
                self._put(index.row(), day, (None, None))
                rows.append(index.row())
        if rows:
            self._changed(min(rows), max(rows))

    def discard(self) -> None:
        self.pending = {}
        if self.rows:
            self._changed(0, len(self.rows) - 1)
        else:
            self.edited.emit()
