"""Table model over a packet's submissions (one row each), tested without a view.

Columns are named (`Column`) so views, proxies and tests never use bare numbers.  Besides
the display text the model answers `SUBMISSION_ROLE` (the `Submission` itself, for
detail panes and later the review window) and `SORT_ROLE` (a value that sorts right:
numbers for the count columns, the id's natural order for 编号).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.model import Submission

SUBMISSION_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_WARNING_COLOUR = QColor("#8a4b08")
_DIGITS = re.compile(r"(\d+)")

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The table's columns, in display order."""

    ID = 0
    CATEGORY = 1
    TITLE = 2
    UNIT = 3
    WARNINGS = 4
    FILES = 5


class SubmissionTableModel(QAbstractTableModel):
    """Read-only rows of `Submission`s: 编号, 类别, 标题, 申报单位, 提醒, 附件."""

    def __init__(self, submissions: Sequence[Submission] = (),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Submission] = list(submissions)

    # -- content -------------------------------------------------------------------

    def set_submissions(self, submissions: Sequence[Submission]) -> None:
        """Replace every row (a newly opened packet)."""
        self.beginResetModel()
        self._rows = list(submissions)
        self.endResetModel()

    def submission(self, row: int) -> Submission:
        """The submission shown in `row` (source-model row, not a proxy row)."""
        return self._rows[row]

    def row_of(self, submission_id: str) -> int:
        """The row of the submission with this id, or -1."""
        for row, sub in enumerate(self._rows):
            if sub.id == submission_id:
                return row
        return -1

    # -- QAbstractTableModel ----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(Column(section))
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (Column.WARNINGS,
                                                                    Column.FILES):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        sub = self._rows[index.row()]
        column = Column(index.column())
        if role == SUBMISSION_ROLE:
            return sub
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(sub, column)
        if role == SORT_ROLE:
            return self._sort_key(sub, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(sub, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.WARNINGS,
                                                                   Column.FILES):
            return int(Qt.AlignmentFlag.AlignCenter)
        if (role == Qt.ItemDataRole.ForegroundRole and column == Column.WARNINGS
                and sub.warnings):
            return QBrush(_WARNING_COLOUR)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- helpers ---------------------------------------------------------------------

    def _header(self, column: Column) -> str:
        # Translated on every call, not cached, so a language change shows at once.
        return {
            Column.ID: self.tr("编号"),
            Column.CATEGORY: self.tr("类别"),
            Column.TITLE: self.tr("标题"),
            Column.UNIT: self.tr("申报单位"),
            Column.WARNINGS: self.tr("提醒"),
            Column.FILES: self.tr("附件"),
        }[column]

    def _display(self, sub: Submission, column: Column) -> str:
        if column == Column.ID:
            return sub.id
        if column == Column.CATEGORY:
            return sub.category or self.tr("未识别")
        if column == Column.TITLE:
            return sub.title
        if column == Column.UNIT:
            return sub.unit
        if column == Column.WARNINGS:
            return str(len(sub.warnings)) if sub.warnings else ""
        return str(len(sub.evidence))

    def _sort_key(self, sub: Submission, column: Column) -> Any:
        if column == Column.ID:
            # "S2" before "S10": compare digit runs as numbers, zero-padded to one width.
            return _DIGITS.sub(lambda m: m.group(1).zfill(12), sub.id)
        if column == Column.WARNINGS:
            return len(sub.warnings)
        if column == Column.FILES:
            return len(sub.evidence)
        return self._display(sub, column)

    def _tooltip(self, sub: Submission, column: Column) -> str | None:
        if column == Column.WARNINGS and sub.warnings:
            return "\n".join(w.message for w in sub.warnings)
        if column == Column.FILES and sub.evidence:
            return "\n".join(f.original_name for f in sub.evidence)
        if column in (Column.TITLE, Column.UNIT):
            return self._display(sub, column) or None
        return None
