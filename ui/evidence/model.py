"""The evidence strip's list model: one row per evidence file, an icon per kind or a thumbnail.

Thumbnails arrive later from worker threads (`EvidencePanel` asks the runner); until then,
and for kinds without one, each row shows the badge its kind declares ("IMG", "PDF", "XLS"
…; `app.evidence.kinds`) so the strip never looks empty or waits on a file read.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QImage, QPainter, QPixmap

from app.evidence.kinds import LABEL_CONTEXT, kind_named
from app.model import PacketFile
from ui.plain_text import plain_tooltip

THUMB_SIDE = 96  # logical pixels of the square a thumbnail is fitted into
FILE_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    """The label of the kind called `kind`, in the interface language."""
    return QCoreApplication.translate(LABEL_CONTEXT, kind_named(kind).label)


@cache
def kind_icon(kind: str, broken: bool = False) -> QIcon:
    """A rounded badge with the kind's short label; a red dot marks unreadable files."""
    badge = kind_named(kind).badge
    text, colour = badge.text, badge.colour
    pixmap = QPixmap(THUMB_SIDE * 2, THUMB_SIDE * 2)  # drawn at 2× so it stays crisp on HiDPI
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(14, 8, THUMB_SIDE - 28, THUMB_SIDE - 16)
    painter.setPen(QColor(colour))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(rect, 8, 8)
    font = QFont()
    font.setPixelSize(22 if len(text) == 1 else 18)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    if broken:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#c0392b"))
        painter.drawEllipse(QRectF(rect.right() - 16, rect.top() - 4, 20, 20))
    painter.end()
    return QIcon(pixmap)


class EvidenceListModel(QAbstractListModel):
    """Evidence files of one submission, in packet order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._files: list[PacketFile] = []
        self._thumbs: dict[str, QIcon] = {}
        self._errors: dict[str, str] = {}

    # --- filling ------------------------------------------------------------------------
    def set_files(self, files: list[PacketFile]) -> None:
        self.beginResetModel()
        self._files = list(files)
        self._thumbs.clear()
        self._errors.clear()
        self.endResetModel()

    def set_thumbnail(self, name: str, image: QImage) -> None:
        """Use `image` (decoded off the GUI thread) as the icon of file `name`."""
        row = self.row_of(name)
        if row is None or image.isNull():
            return
        # QPixmap only on the GUI thread: this method runs in the runner's callback.
        self._thumbs[name] = QIcon(QPixmap.fromImage(image))
        self._changed(row)

    def set_error(self, name: str, reason: str) -> None:
        """Mark file `name` as unreadable; the reason becomes part of its tooltip."""
        row = self.row_of(name)
        if row is None:
            return
        self._errors[name] = reason
        self._changed(row)

    def _changed(self, row: int) -> None:
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)

    # --- access -------------------------------------------------------------------------
    def files(self) -> list[PacketFile]:
        return list(self._files)

    def file(self, row: int) -> PacketFile | None:
        return self._files[row] if 0 <= row < len(self._files) else None

    def row_of(self, name: str) -> int | None:
        for row, pf in enumerate(self._files):
            if pf.name == name:
                return row
        return None

    def has_thumbnail(self, name: str) -> bool:
        return name in self._thumbs

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._files)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pf = self.file(index.row()) if index.isValid() else None
        if pf is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return pf.original_name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._thumbs.get(pf.name) or kind_icon(pf.kind, pf.name in self._errors)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(pf))  # the applicant's file name
        if role == FILE_ROLE:
            return pf
        if role == ERROR_ROLE:
            return self._errors.get(pf.name)
        return None

    def _tooltip(self, pf: PacketFile) -> str:
        parts = [pf.original_name, kind_label(pf.kind), _size_text(pf.size)]
        if pf.width and pf.height:
            parts.append(f"{pf.width}×{pf.height}")
        error = self._errors.get(pf.name)
        if error:
            parts.append(QCoreApplication.translate("EvidenceListModel", "无法显示：") + error)
        return "\n".join(parts)


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"
