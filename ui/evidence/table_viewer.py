"""The spreadsheet viewer: a read-only table per worksheet, sheet tabs, and a truncation note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QTabBar, QTableView, QVBoxLayout, QWidget

from app.evidence.kinds import SheetsPayload
from app.evidence.preview import SheetPreview
from app.model import PacketFile
from ui.evidence.model import kind_label
from ui.plain_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex


def column_name(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the headers the applicant saw in Excel."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


class SheetTableModel(QAbstractTableModel):
    """One `SheetPreview` as a read-only table with Excel-style headers."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sheet = SheetPreview("", [], False)

    def set_sheet(self, sheet: SheetPreview) -> None:
        self.beginResetModel()
        self._sheet = sheet
        self.endResetModel()

    @property
    def sheet(self) -> SheetPreview:
        return self._sheet

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._sheet.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or not self._sheet.rows:
            return 0
        return max(len(r) for r in self._sheet.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._sheet.rows[index.row()]
        value = row[index.column()] if index.column() < len(row) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            # Long cells are elided in the view; a cell may hold markup: show it as text.
            return plain_tooltip(value) if len(value) > 20 else None
        return value

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_name(section)
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Selectable so cells can be copied, never editable: evidence is read-only.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class TableViewer(QWidget):
    """Sheet tabs above the table; a note when rows or columns were cut off."""

    status = Signal(str)  # the file's kind, for the status bar
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sheets: list[SheetPreview] = []
        self.tabs = QTabBar(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(self._show_sheet)
        self.model = SheetTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setDefaultSectionSize(110)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.note = QLabel(self)
        self.note.setObjectName("evidenceNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.tabs)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self._font_delta = 0

    def show_payload(self, payload: SheetsPayload, pf: PacketFile) -> None:
        self.set_sheets(payload.sheets)
        self.status.emit(kind_label(pf.kind))
        self.shown.emit()

    def release(self) -> None:
        """Nothing to drop: a preview is capped in size, and the next file replaces it."""

    def set_sheets(self, sheets: list[SheetPreview]) -> None:
        self._sheets = list(sheets)
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for sheet in self._sheets:
            self.tabs.addTab(sheet.name or self.tr("工作表"))
        self.tabs.blockSignals(False)
        self.tabs.setVisible(len(self._sheets) > 1)
        self.tabs.setCurrentIndex(0)
        self._show_sheet(0)

    def _show_sheet(self, index: int) -> None:
        if not 0 <= index < len(self._sheets):
            return
        sheet = self._sheets[index]
        self.model.set_sheet(sheet)
        self.note.setText(self._truncation_note(sheet) if sheet.truncated else "")
        self.note.setVisible(sheet.truncated)

    def _truncation_note(self, sheet: SheetPreview) -> str:
        """"Showing the first N rows and M columns", and of how many when the file says."""
        shown = self.tr("仅显示前 {0} 行、前 {1} 列").replace(
            "{0}", str(len(sheet.rows))).replace("{1}", str(self.model.columnCount()))
        if sheet.total_rows and sheet.total_cols:
            shown += self.tr("（表格共 {0} 行、{1} 列）").replace(
                "{0}", str(sheet.total_rows)).replace("{1}", str(sheet.total_cols))
        return shown

    # Zoom for tables changes the font: row heights follow.
    def zoom_in(self) -> None:
        self._zoom(1)

    def zoom_out(self) -> None:
        self._zoom(-1)

    def reset_zoom(self) -> None:
        self._zoom(-self._font_delta)

    @property
    def zoom_level(self) -> float:
        size = self.table.font().pointSizeF()
        return size / max(1.0, size - self._font_delta)

    def _zoom(self, step: int) -> None:
        delta = max(-4, min(12, self._font_delta + step))
        font = self.table.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() + delta - self._font_delta))
        self._font_delta = delta
        self.table.setFont(font)
        self.table.verticalHeader().setDefaultSectionSize(int(font.pointSizeF() * 2.4))
