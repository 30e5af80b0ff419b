"""The left column of the review window: filters, search, the submission list, progress.

A view only: it owns the `SubmissionListModel` and its filter proxy, and says which
submission is selected through `submission_selected(str)`; the window decides what
happens then.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.workspace.status import ReviewStatus
from ui.review.list_model import (
    FLAGGED,
    Column,
    SubmissionFilterProxy,
    SubmissionListModel,
    status_text,
)
from ui.roles import ID_ROLE

CONTEXT_ROWS = 2
TITLE_MIN_TEXT = "标题标题标题"  # the title column keeps room for about six characters
COMBO_MIN_CHARS = 4  # the filters may shrink to this many characters: the list narrows


class SubmissionListPanel(QWidget):
    """Category and status filters, a search box, the list and "已评 n / m"."""

    submission_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SubmissionListModel(self)
        self.proxy = SubmissionFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索编号、标题、单位或正文（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        layout.addWidget(self.search)

        filters = QHBoxLayout()
        self.category_combo = QComboBox(self)
        self.category_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_category(self.category_combo.currentData()))
        self.status_combo = QComboBox(self)
        self.status_combo.addItem(self.tr("全部状态"), None)
        for status in ReviewStatus:
            self.status_combo.addItem(status_text(status), status)
        self.status_combo.addItem(self.tr("已标记 ⚑"), FLAGGED)
        self.status_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_combo.currentData()))
        for combo in (self.category_combo, self.status_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(COMBO_MIN_CHARS)
        filters.addWidget(self.category_combo, 1)
        filters.addWidget(self.status_combo, 1)
        layout.addLayout(filters)
        self.set_categories(())

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.ID, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Widths fitted once per packet, not on every paint: ResizeToContents measures
        # every row at each update, which made switching submissions slow on 300 rows.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        self.model.modelReset.connect(self._fit_columns)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        layout.addWidget(self.table, 1)

        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("progressLabel")
        layout.addWidget(self.progress_label)
        self.update_progress()

    def set_categories(self, categories: Sequence[str]) -> None:
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("全部类别"), None)
        for category in categories:
            self.category_combo.addItem(category, category)
        self.category_combo.blockSignals(False)
        self.proxy.set_category(None)

    def update_progress(self) -> None:
        done, total = self.model.progress()
        self.progress_label.setText(self.tr("已评 {done} / {total}").format(done=done, total=total))

    def select(self, sid: str) -> bool:
        """Make `sid` the current row (clearing filters that hide it); True if found."""
        row = self.model.row_of(sid)
        if row < 0:
            return False
        source = self.model.index(row, 0)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            self.search.clear()
            self.category_combo.setCurrentIndex(0)
            self.status_combo.setCurrentIndex(0)
            index = self.proxy.mapFromSource(source)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._reveal(index)
        return True

    def step(self, delta: int) -> str | None:
        """Move the selection by `delta` visible rows; returns the new id (or None)."""
        count = self.proxy.rowCount()
        if count == 0:
            return None
        current = self.table.currentIndex()
        row = current.row() + delta if current.isValid() else 0
        row = max(0, min(count - 1, row))
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._reveal(index)
        return index.data(ID_ROLE)

    def _reveal(self, index) -> None:  # a proxy index
        """Scroll only when the row comes within `CONTEXT_ROWS` of an edge, and then
        centre it: the expert sees what comes next, and stepping through the list
        repaints two rows instead of scrolling (a full repaint) at every step."""
        row_rect = self.table.visualRect(index)
        margin = CONTEXT_ROWS * max(1, row_rect.height())
        if row_rect.top() < margin or row_rect.bottom() > self.table.viewport().height() - margin:
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _fit_columns(self) -> None:
        for column in Column:
            if column != Column.TITLE:
                self.table.resizeColumnToContents(column)
        # The list may be narrowed (the splitter), but never so far that the stretched
        # title column is squeezed to a character or two — English labels are wider.
        others = sum(self.table.columnWidth(c) for c in Column if c != Column.TITLE)
        title = self.table.fontMetrics().horizontalAdvance(TITLE_MIN_TEXT) + 12
        self.table.setMinimumWidth(others + title + self.table.verticalScrollBar().sizeHint()
                                   .width() + 2 * self.table.frameWidth())

    def neighbour(self, delta: int) -> str | None:
        """The id `delta` visible rows from the current one, without moving (or None)."""
        current = self.table.currentIndex()
        row = current.row() + delta if current.isValid() else -1
        if not 0 <= row < self.proxy.rowCount():
            return None
        return self.proxy.index(row, 0).data(ID_ROLE)

    def _current_changed(self, current, _previous) -> None:  # Qt indexes
        if current.isValid():
            self.submission_selected.emit(current.data(ID_ROLE))
