"""The one read-only list model the organizer's tables share, and the view they sit in.

A subclass names its `HEADERS` (each marked with QT_TRANSLATE_NOOP in `CONTEXT`), keeps
its rows in `_rows` and says what a cell shows in `data`; counting rows and columns and
translating the headers is done here once.  `read_only_table` is the view every
organizer table starts from: whole rows selected one at a time, nothing editable in
place, alternating rows, no wrapping, no row numbers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex


class TableModel(QAbstractTableModel):
    """A flat table: `_row_count()` rows, `_column_count()` columns (one per header unless
    a subclass says otherwise), the headers translated in `CONTEXT`."""

    CONTEXT = ""
    HEADERS: tuple[str, ...] = ()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 — Qt API
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._column_count()

    def _row_count(self) -> int:
        return 0

    def _column_count(self) -> int:
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None


class ListTableModel(TableModel):
    """A list of rows (`_rows`), one column per header."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def _row_count(self) -> int:
        return len(self._rows)


def read_only_table(parent: QWidget | None, model: Any) -> QTableView:
    """A view of `model` as the organizer's tables show one (see the module docstring)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    return view
