"""The review window's submission list: a table model plus its filter proxy.

`SubmissionListModel` shows the expert's assigned submissions with their review state
(my total, status); the window pushes state changes in with `update_row()` after each
saved write, so the model never touches the database itself.  `SubmissionFilterProxy`
filters by category, by status and by a free-text search over id, title, unit and
body.  Both are tested without a view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from app.model import Submission
from app.workspace.status import ReviewStatus, SubmissionState
from ui.plain_text import plain_tooltip
from ui.roles import ID_ROLE, SORT_ROLE

FLAGGED = "flagged"  # the list's own extra filter, beside the review statuses
FLAG_MARK = "⚑"

_GREY = QColor("#9aa5b1")
_FLAG_COLOUR = QColor("#b44d12")
_DIGITS = re.compile(r"(\d+)")
AnyIndex = QModelIndex | QPersistentModelIndex
# Recused rows stay selectable (the expert may withdraw the recusal from there).
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class Column(IntEnum):
    """The list's columns, in display order."""

    ID = 0
    CATEGORY = 1
    TITLE = 2
    TOTAL = 3
    STATUS = 4


_HEADERS = {Column.ID: QT_TRANSLATE_NOOP("SubmissionListModel", "编号"),
            Column.CATEGORY: QT_TRANSLATE_NOOP("SubmissionListModel", "类别"),
            Column.TITLE: QT_TRANSLATE_NOOP("SubmissionListModel", "标题"),
            Column.TOTAL: QT_TRANSLATE_NOOP("SubmissionListModel", "我的总分"),
            Column.STATUS: QT_TRANSLATE_NOOP("SubmissionListModel", "状态")}


def status_text(status: ReviewStatus) -> str:
    """The status as the interface language says it."""
    return QCoreApplication.translate("ReviewStatus", status)


def _tr(text: str) -> str:  # text marked with QT_TRANSLATE_NOOP above
    return QCoreApplication.translate("SubmissionListModel", text)


def natural_key(text: str) -> tuple[Any, ...]:
    """"S2" sorts before "S10"."""
    return tuple(int(p) if p.isdigit() else p for p in _DIGITS.split(text))


def total_text(total: Decimal | None) -> str:
    """27.50 → "27.5", 80 → "80"; None → "" (incomplete)."""
    if total is None:
        return ""
    text = format(total.normalize(), "f")
    return text


class SubmissionListModel(QStandardItemModel):
    """Rows of assigned submissions with my total and status; read-only.

    The cells live in Qt's own item storage rather than behind a Python `data()`: a
    paint of the list asks for ~10 roles of every visible cell, and answering those
    in Python cost 10–20 ms per switch on 300 rows.  Rows are (re)built from
    `SubmissionState` here only, so what the view shows always follows `update_row()`.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(Column), parent)
        self._rows: list[Submission] = []
        self._state: dict[str, SubmissionState] = {}
        self._row_of: dict[str, int] = {}

    # -- content -------------------------------------------------------------------

    def set_submissions(self, submissions: Sequence[Submission],
                        states: dict[str, SubmissionState] | None = None) -> None:
        """Replace every row (a newly opened packet or a new expert)."""
        self.beginResetModel()
        # Built silently, announced once: per-item signals would make the proxy and the
        # view redo their work for each of the 1 500 cells.
        was_blocked = self.blockSignals(True)
        try:
            self._rows = list(submissions)
            self._row_of = {s.id: i for i, s in enumerate(self._rows)}
            self._state = {s.id: (states or {}).get(s.id, SubmissionState()) for s in self._rows}
            self.setRowCount(0)
            self.setRowCount(len(self._rows))
            for row, sub in enumerate(self._rows):
                for column in Column:
                    item = QStandardItem()
                    item.setFlags(_ROW_FLAGS)
                    item.setData(sub.id, ID_ROLE)
                    self._fill(item, sub, self._state[sub.id], column)
                    self.setItem(row, column, item)
        finally:
            self.blockSignals(was_blocked)
        self.endResetModel()

    def submissions(self) -> list[Submission]:
        return list(self._rows)

    def submission(self, sid: str) -> Submission | None:
        row = self._row_of.get(sid)
        return None if row is None else self._rows[row]

    def submission_at(self, row: int) -> Submission:
        return self._rows[row]

    def row_of(self, sid: str) -> int:
        """The row of submission `sid`, or -1."""
        return self._row_of.get(sid, -1)

    def state(self, sid: str) -> SubmissionState:
        return self._state.get(sid, SubmissionState())

    def update_row(self, sid: str, state: SubmissionState) -> None:
        """New total/status/flag for one submission (after a saved change)."""
        row = self._row_of.get(sid)
        if row is None:
            return
        self._state[sid] = state
        was_blocked = self.blockSignals(True)
        try:
            for column in Column:
                self._fill(self.item(row, column), self._rows[row], state, column)
        finally:
            self.blockSignals(was_blocked)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def progress(self) -> tuple[int, int]:
        """(scored, to score): recused submissions count in neither."""
        states = [self._state[s.id] for s in self._rows]
        active = [st for st in states if st.status != ReviewStatus.RECUSED]
        return sum(st.status == ReviewStatus.DONE for st in active), len(active)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(Column)):
            return _tr(_HEADERS[Column(section)])
        return None

    # -- the cells -----------------------------------------------------------------------

    def _fill(self, item: QStandardItem, sub: Submission, state: SubmissionState,
              column: Column) -> None:
        item.setData(self._display(sub, state, column), Qt.ItemDataRole.DisplayRole)
        item.setData(self._sort_value(sub, state, column), SORT_ROLE)
        item.setData(plain_tooltip(self._tooltip(sub, state, column)), Qt.ItemDataRole.ToolTipRole)
        foreground = None
        if state.status == ReviewStatus.RECUSED:
            foreground = QBrush(_GREY)
        elif column == Column.STATUS and state.flagged:
            foreground = QBrush(_FLAG_COLOUR)
        item.setData(foreground, Qt.ItemDataRole.ForegroundRole)
        if column == Column.TOTAL:
            item.setData(int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         Qt.ItemDataRole.TextAlignmentRole)

    @staticmethod
    def _tooltip(sub: Submission, state: SubmissionState, column: Column) -> str | None:
        if column == Column.TITLE:
            return f"{sub.title}\n{sub.unit}"
        if column == Column.STATUS and state.flagged:
            return QCoreApplication.translate("SubmissionListModel", "已标记（疑似不实、未脱敏或类别不符）")
        return None

    def _display(self, sub: Submission, state: SubmissionState, column: Column) -> str:
        if column == Column.ID:
            return sub.id
        if column == Column.CATEGORY:
            return sub.category or QCoreApplication.translate("SubmissionListModel", "未注明")
        if column == Column.TITLE:
            return sub.title
        if column == Column.TOTAL:
            return total_text(state.total)
        status = status_text(state.status)
        return f"{status} {FLAG_MARK}" if state.flagged else status

    def _sort_value(self, sub: Submission, state: SubmissionState, column: Column) -> Any:
        if column == Column.ID:
            return "".join(f"{p:010d}" if isinstance(p, int) else p
                           for p in natural_key(sub.id))
        if column == Column.TOTAL:
            return float(state.total) if state.total is not None else -1.0
        return self._display(sub, state, column)


class SubmissionFilterProxy(QSortFilterProxyModel):
    """Filters rows by category, status (or flagged) and a search text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._category: str | None = None
        self._status: str | None = None
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def _refilter(self) -> None:
        # Qt 6.10 deprecates invalidateFilter() for the begin/end pair; support both.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover — older Qt
            self.invalidateFilter()

    def set_category(self, category: str | None) -> None:
        """Only this category (None: all)."""
        self._category = category or None
        self._refilter()

    def set_status(self, status: str | None) -> None:
        """Only this status, or `FLAGGED` for flagged ones (None: all)."""
        self._status = status or None
        self._refilter()

    def set_search(self, text: str) -> None:
        """Case-insensitive substring over id, title, unit, highlights and body."""
        self._needle = text.strip().casefold()
        self._refilter()

    def source_ids(self) -> list[str]:
        """The ids of the visible rows, in view order."""
        return [self.index(r, 0).data(ID_ROLE) for r in range(self.rowCount())]

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, SubmissionListModel):
            return True
        sub = model.submission_at(source_row)
        state = model.state(sub.id)
        if self._category is not None and sub.category != self._category:
            return False
        if self._status == FLAGGED:
            if not state.flagged:
                return False
        elif self._status is not None and state.status != self._status:
            return False
        if self._needle:
            return any(self._needle in text.casefold() for text in _searchable(sub))
        return True


def _searchable(sub: Submission) -> Iterable[str]:
    yield sub.id
    yield sub.title or ""
    yield sub.unit or ""
    yield sub.fields.get("highlights", "") or ""
    yield sub.fields.get("body", "") or ""
