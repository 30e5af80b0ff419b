"""Text, links and error viewers: evidence shown as words rather than pixels."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication, QTextOption
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.evidence.kinds import LinksPayload, TextPayload
from app.model import PacketFile
from ui.evidence.model import kind_label
from ui.plain_text import plain_labels

READING_POINT_SIZE = 12.0  # larger than the UI font: experts read long statements here


class TextViewer(QPlainTextEdit):
    """Read-only text with comfortable size, wrapping and margins; zoom changes the font."""

    status = Signal(str)  # the file's kind, for the status bar
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(14)
        font = QFont(self.font())
        font.setPointSizeF(READING_POINT_SIZE)
        self.setFont(font)
        self._steps = 0

    def show_payload(self, payload: TextPayload, pf: PacketFile) -> None:
        self.set_text(payload.text)
        self.status.emit(kind_label(pf.kind))
        self.shown.emit()

    def release(self) -> None:
        """Nothing to drop: a text is small, and the next file replaces it."""

    def set_text(self, text: str) -> None:
        self.setPlainText(text)
        self.moveCursor(self.textCursor().MoveOperation.Start)

    def zoom_in(self) -> None:
        if self._steps < 12:
            self._steps += 1
            self.zoomIn(1)

    def zoom_out(self) -> None:
        if self._steps > -4:
            self._steps -= 1
            self.zoomOut(1)

    def reset_zoom(self) -> None:
        self.zoomOut(self._steps)  # zoomOut with a negative range zooms in
        self._steps = 0

    @property
    def zoom_level(self) -> float:
        # zoomIn(1) is one point larger than the reading size.
        return (READING_POINT_SIZE + self._steps) / READING_POINT_SIZE


class LinksViewer(QWidget):
    """The web addresses in a text file, never opened: PanelDesk works offline."""

    status = Signal(str)  # how many links, for the status bar
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(self.tr("以下链接不会自动打开：评审台离线工作。"
                                   "如需查看，请复制到联网的浏览器中。"), self)
        self.note.setObjectName("evidenceNote")
        self.note.setWordWrap(True)
        self.links = QListWidget(self)
        self.links.setObjectName("evidenceLinks")
        self.links.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.copy_button = QPushButton(self.tr("复制链接"), self)
        self.copy_button.setToolTip(self.tr("复制选中的链接（未选中时复制全部）"))
        self.copy_button.clicked.connect(self.copy_links)
        self.text = TextViewer(self)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(row)
        layout.addWidget(self.links, 1)
        layout.addWidget(self.text, 2)

    def show_payload(self, payload: LinksPayload, _pf: PacketFile) -> None:
        self.set_content(payload.text, payload.links)
        self.status.emit(self.tr("含 {0} 个链接（不会自动打开）")
                         .replace("{0}", str(len(payload.links))))
        self.shown.emit()

    def release(self) -> None:
        """Nothing to drop: a link list is small, and the next file replaces it."""

    def set_content(self, text: str, links: list[str]) -> None:
        self.links.clear()
        self.links.addItems(links)
        self.text.set_text(text)

    def link_list(self) -> list[str]:
        return [self.links.item(i).text() for i in range(self.links.count())]

    def copy_links(self) -> str:
        """Copy the selected links (or all), one per line; returns what was copied."""
        chosen = [item.text() for item in self.links.selectedItems()] or self.link_list()
        text = "\n".join(chosen)
        QGuiApplication.clipboard().setText(text)
        return text

    def zoom_in(self) -> None:
        self.text.zoom_in()

    def zoom_out(self) -> None:
        self.text.zoom_out()

    def reset_zoom(self) -> None:
        self.text.reset_zoom()

    @property
    def zoom_level(self) -> float:
        return self.text.zoom_level


class ErrorViewer(QWidget):
    """Says why a file cannot be shown — in the viewer, never as a crash or a dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceError")
        self.title = QLabel(self.tr("无法显示此文件"), self)
        self.title.setObjectName("sectionTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.file_label = QLabel(self)
        self.file_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.file_label.setWordWrap(True)
        self.reason = QLabel(self)
        self.reason.setObjectName("evidenceErrorReason")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        plain_labels(self.file_label, self.reason)  # a file name, a reason quoting the file
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.file_label)
        layout.addWidget(self.reason)
        layout.addStretch(2)

    def set_error(self, file_name: str, reason: str, title: str | None = None) -> None:
        self.title.setText(title or self.tr("无法显示此文件"))
        self.file_label.setText(file_name)
        self.reason.setText(reason)

    def text(self) -> str:
        return "\n".join(w.text() for w in (self.title, self.file_label, self.reason))
