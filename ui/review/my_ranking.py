"""我的排序 (my ranking): per category, every submission I have fully scored, sortable.

Experts calibrate before exporting: is my 85 in one category really better than my 83?  The
model holds exact Decimals and sorts on them itself (`sort()`), so a view's header click
and a test without any view order rows identically; `SORT_ROLE` exposes the sort key of
each cell for anyone wrapping the model.  名次 is always the rank by total — competition
ranking, so equal totals share a rank ("1, 1, 3") whatever column the table is sorted by.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.model import Submission
from scoring.rubric import Rubric
from scoring.totals import canonical_decimal
from ui.plain_text import plain_tooltip
from ui.roles import ID_ROLE, SORT_ROLE

COL_RANK, COL_ID, COL_TITLE, COL_TOTAL = range(4)
FIXED_COLUMNS = 4

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RankingRow:
    sid: str
    title: str
    total: Decimal
    scores: tuple[Decimal, ...]  # in rubric criterion order
    rank: int = 0


class MyRankingModel(QAbstractTableModel):
    """Rows of fully scored, non-recused submissions of one category (or all)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rubric: Rubric | None = None
        self._rows: list[RankingRow] = []
        self._sort = (COL_TOTAL, Qt.SortOrder.DescendingOrder)

    # -- filling -----------------------------------------------------------------------

    def set_rows(self, rubric: Rubric, submissions: Sequence[Submission],
                 scores: Mapping[str, Mapping[str, Decimal]], category: str | None,
                 recused: Collection[str] = ()) -> None:
        """Rebuild from `scores` (submission id → criterion id → Decimal).

        Only submissions of `category` (every category when None) with every criterion
        scored and not in `recused` are kept; the current sort order is re-applied.
        """
        rows = []
        for sub in submissions:
            if sub.id in recused or (category is not None and sub.category != category):
                continue
            marks = scores.get(sub.id) or {}
            if not rubric.is_complete(marks):
                continue
            rows.append(RankingRow(
                sid=sub.id, title=sub.title or "", total=rubric.total(marks, sub.category),
                scores=tuple(marks[c.id] for c in rubric.criteria)))
        by_total = sorted(rows, key=lambda r: (-r.total, r.sid))
        ranked, previous, rank = [], None, 0
        for position, row in enumerate(by_total, start=1):
            if row.total != previous:
                rank, previous = position, row.total
            ranked.append(RankingRow(row.sid, row.title, row.total, row.scores, rank))
        self.beginResetModel()
        self._rubric = rubric
        self._rows = ranked
        self._apply_sort()
        self.endResetModel()

    def submission_id(self, row: int) -> str | None:
        return self._rows[row].sid if 0 <= row < len(self._rows) else None

    def ids(self) -> list[str]:
        """Submission ids in display order."""
        return [r.sid for r in self._rows]

    # -- Qt model ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt API
        if parent.isValid() or self._rubric is None:
            return 0 if parent.isValid() else FIXED_COLUMNS
        return FIXED_COLUMNS + len(self._rubric.criteria)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        fixed = (self.tr("名次"), self.tr("编号"), self.tr("标题"), self.tr("总分"))
        if 0 <= section < FIXED_COLUMNS:
            return fixed[section]
        if self._rubric is not None and 0 <= section - FIXED_COLUMNS < len(self._rubric.criteria):
            return self._rubric.criteria[section - FIXED_COLUMNS].name
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return row.sid
        if role == SORT_ROLE:
            return self._key(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._key(row, col)
            return canonical_decimal(value) if isinstance(value, Decimal) else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TITLE:
            return plain_tooltip(row.title)
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (COL_ID, COL_TITLE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on the exact key of `column`; ties fall back to the total, then the id."""
        if not 0 <= column < self.columnCount():
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        # Ties keep a fixed order (best total first, then id) so the table never jumps.
        self._rows.sort(key=lambda r: (-r.total, r.sid))
        if column != COL_TOTAL or not descending:
            self._rows.sort(key=lambda r: self._key(r, column), reverse=descending)

    def _key(self, row: RankingRow, col: int) -> Any:
        if col == COL_RANK:
            return row.rank
        if col == COL_ID:
            return row.sid
        if col == COL_TITLE:
            return row.title
        if col == COL_TOTAL:
            return row.total
        return row.scores[col - FIXED_COLUMNS]


class MyRankingDialog(QDialog):
    """Category selector + the sortable table; a double-click opens that submission."""

    open_submission = Signal(str)

    def __init__(self, rubric: Rubric, submissions: Sequence[Submission],
                 scores_for: Callable[[str], Mapping[str, Decimal]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rubric = rubric
        self._submissions = list(submissions)
        self._scores_for = scores_for
        self.setWindowTitle(self.tr("我的排序"))
        self.resize(900, 560)

        self.category_combo = QComboBox(self)
        for category in rubric.categories:
            self.category_combo.addItem(category, category)
        self.category_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        label = QLabel(self.tr("类别"), self)
        label.setBuddy(self.category_combo)
        top.addWidget(label)
        top.addWidget(self.category_combo)
        top.addSpacing(12)
        top.addWidget(self.count_label, 1)

        self.model = MyRankingModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_TOTAL, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(self._activated)
        # Not `activated`: it also fires on double-click (twice the jump) and, on some
        # styles, on a single click.  Enter is handled in the event filter instead.
        self.table.installEventFilter(self)

        hint = QLabel(self.tr("仅列出已评完且未回避的申报；点击表头排序，双击一行跳到该申报。"),
                      self)
        hint.setObjectName("packetMeta")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.refresh()

    def current_category(self) -> str | None:
        return self.category_combo.currentData()

    def set_category(self, category: str) -> None:
        index = self.category_combo.findData(category)
        if index >= 0:
            self.category_combo.setCurrentIndex(index)

    def refresh(self) -> None:
        """Re-read the scores (the expert may have changed some) and rebuild the table."""
        category = self.current_category()
        subs = [s for s in self._submissions if s.category == category]
        scores = {s.id: self._scores_for(s.id) for s in subs}
        self.model.set_rows(self._rubric, subs, scores, category)
        self.count_label.setText(self.tr("本类别已评完 {done} / {count} 件").format(
            done=self.model.rowCount(), count=len(subs)))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.table.currentIndex().isValid()):
            self._activated(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        sid = self.model.submission_id(index.row())
        if sid is not None:
            self.open_submission.emit(sid)
            self.accept()


def ranking_dialog(session: Any, parent: QWidget, open_submission: Callable[[str], Any]
                   ) -> MyRankingDialog:
    """The dialog over `session`'s submissions that are not recused."""
    recused = session.recusals()
    subs = [session.submission(sid) for sid in session.assigned if sid not in recused]
    dialog = MyRankingDialog(session.rubric, subs, session.scores)
    dialog.setParent(parent, dialog.windowFlags())
    dialog.open_submission.connect(open_submission)
    return dialog
