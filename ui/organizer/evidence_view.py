"""One evidence file of an intake entry, opened from the detail's thumbnails.

The organizer checks evidence before it goes to experts (an unmasked number in a
screenshot is theirs to catch), so a double-click opens the file large: an image or a
PDF's first pages scaled to the window (`FittedPage`), a text or a list of links as plain
text, anything else with a sentence saying it cannot be shown here.  The entry is read
again on the task runner; decoding goes through the same bounded readers as the
thumbnails and the experts' viewer (pixels, pages and characters capped).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.assembly.scan import entry_file_data
from app.errors import PanelDeskError
from app.evidence.kinds import kind_named
from app.intake.source import read_entry
from app.render.pool import default_pool
from ui.evidence.decoding import decode_image, error_text, page_image
from ui.organizer.page_view import FittedPage

MAX_SIDE = 2400  # pixels of the longer side an image is decoded to
MAX_PAGES = 8
PAGE_ZOOM = 1.5
MAX_CHARS = 200_000
GONE = QT_TRANSLATE_NOOP("EvidenceView", "申报材料中已没有这个文件（申报材料文件夹可能已改动）。")
NOT_SHOWN = QT_TRANSLATE_NOOP("EvidenceView",
                              "这类文件不能在这里查看，请在申报材料文件夹中用相应软件打开。")


def tr(text: str) -> str:
    return QCoreApplication.translate("EvidenceView", text)


@dataclass
class OpenedEvidence:
    """What the runner prepared: pictures, or text, or why neither."""

    name: str
    images: list[QImage] = field(default_factory=list)
    text: str = ""
    error: str = ""


def open_evidence(path: Path, name: str, kind: str, form_name: str = "",
                  form_kind: str = "") -> OpenedEvidence:  # worker thread
    """Read entry `path` again and prepare its file `name` (of evidence kind `kind`); a
    picture pasted into the entry's form (`form_name`, of `form_kind`) is found too."""
    opened = OpenedEvidence(name)
    try:
        data = entry_file_data(read_entry(path), form_name, form_kind).get(name)
        if data is None:
            opened.error = tr(GONE)
        elif kind == "image":
            opened.images.append(decode_image(data, MAX_SIDE))
        elif kind == "pdf":
            for index in range(min(default_pool().page_count(data), MAX_PAGES)):
                opened.images.append(page_image(data, index, PAGE_ZOOM))
        else:
            preview = kind_named(kind).preview
            text = getattr(preview(data), "text", None) if preview else None
            if text is None:
                opened.error = tr(NOT_SHOWN)
            else:
                opened.text = text[:MAX_CHARS]
    except PanelDeskError as err:
        opened.error = error_text(err)
    return opened


class EvidenceDialog(QDialog):
    """The file large, in a window of its own (plain text only, never rich text)."""

    def __init__(self, opened: OpenedEvidence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(PurePosixPath(opened.name).name)
        layout = QVBoxLayout(self)
        if opened.images:
            area = QScrollArea(self)
            area.setWidgetResizable(True)
            holder = QWidget(area)
            pages = QVBoxLayout(holder)
            for image in opened.images:
                pages.addWidget(FittedPage(image, holder))
            area.setWidget(holder)
            layout.addWidget(area, 1)
        elif opened.text:
            text = QPlainTextEdit(self)
            text.setReadOnly(True)
            text.setPlainText(opened.text)
            layout.addWidget(text, 1)
        else:
            message = QLabel(opened.error, self)
            message.setTextFormat(Qt.TextFormat.PlainText)
            message.setWordWrap(True)
            layout.addWidget(message, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 760)
