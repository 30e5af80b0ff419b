"""One intake entry in detail: extracted fields beside the original form, evidence, warnings.

The fields are shown as plain text (they come from applicants' files).  The original form
is read again from the intake folder on the task runner: a PDF's pages are rendered by
`app.render` (as the expert's evidence viewer does), a Word form's layout — paragraphs,
tables with their merged cells — is read by `app.intake.form_layout` (a legacy .doc
converted by LibreOffice) and written as plain text into a read-only document
(`form_document`); until it arrives, or when it cannot be read, the text the scan
extracted is shown.  Evidence thumbnails are decoded on the runner too.
Buttons ask the page to take a decision (signals carry nothing: the page knows the row).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.assembly.scan import entry_file_data
from app.errors import PanelDeskError
from app.intake.form_layout import read_layout
from app.intake.layout import FormLayout, text_layout
from app.intake.source import read_entry
from app.model import FIELD_LABELS
from app.render.pool import default_pool
from ui.evidence.decoding import decode_image, page_image, pdf_thumbnail
from ui.evidence.model import kind_icon
from ui.i18n import error_text, render
from ui.organizer.alive import while_alive
from ui.organizer.evidence_view import EvidenceDialog, open_evidence
from ui.organizer.form_document import fill_document
from ui.organizer.intake_model import (
    field_label,
    status_text,
    warning_explanation,
    warning_label,
    warning_message,
)
from ui.organizer.intake_rows import EXCLUDED, REJECTED, IntakeRow
from ui.organizer.page_view import FittedPage

THUMB_SIDE = 120
MAX_FORM_PAGES = 8
FORM_ZOOM = 1.0


@dataclass
class Preview:
    """What the runner prepares for one entry: form pages or layout, evidence thumbnails."""

    pages: list[QImage] = field(default_factory=list)
    layout: FormLayout | None = None  # a Word form's
    # name, kind (app.evidence.kinds), image, note
    thumbs: list[tuple[str, str, QImage | None, str]] = field(default_factory=list)
    error: str = ""


def load_preview(path: Path, row: IntakeRow) -> Preview:  # worker thread
    """Read the entry again and render what the detail shows of its files."""
    preview = Preview()
    try:
        entry = read_entry(path)
    except PanelDeskError as err:
        preview.error = error_text(err)
        return preview
    files = entry_file_data(entry, row.scanned.form_name, row.scanned.form_kind)
    form = files.get(row.scanned.form_name)
    if form is not None and row.scanned.form_kind == "pdf":
        try:
            for index in range(min(default_pool().page_count(form), MAX_FORM_PAGES)):
                preview.pages.append(page_image(form, index, FORM_ZOOM))
        except PanelDeskError as err:
            preview.error = error_text(err)
    elif form is not None and row.scanned.form_kind in ("docx", "doc"):
        try:
            preview.layout = read_layout(row.scanned.form_name, row.scanned.form_kind, form)
        except PanelDeskError as err:
            preview.layout = text_layout(row.scanned.text, note=error_text(err))
    for item in row.scanned.evidence:
        data = files.get(item.name)
        image = None
        note = item.problem
        if data is not None and not item.problem:
            try:
                if item.kind == "image":
                    image = decode_image(data, THUMB_SIDE)
                elif item.kind == "pdf":
                    image = pdf_thumbnail(data, THUMB_SIDE)
            except PanelDeskError as err:
                note = error_text(err)
        preview.thumbs.append((item.name, item.kind, image, note))
    return preview


class IntakeDetail(QWidget):
    """The right-hand side of 申报材料."""

    edit_requested = Signal()
    category_requested = Signal()
    acknowledge_requested = Signal()
    withdraw_requested = Signal()
    duplicate_requested = Signal()
    exclude_requested = Signal()
    restore_requested = Signal()

    def __init__(self, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._generation = 0
        self.row: IntakeRow | None = None
        self._path: Path | None = None  # the entry shown, in the intake folder
        self._form = ("", "")  # its form's name and kind (pictures pasted in it are evidence)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("选择左侧的一份申报查看详情。"), self)
        self.title.setObjectName("sectionTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.meta = QLabel(self)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setWordWrap(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addLayout(self._buttons())
        self.warnings = QListWidget(self)
        self.warnings.setWordWrap(True)
        self.warnings.setMaximumHeight(150)
        layout.addWidget(self.warnings)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.fields = QPlainTextEdit(split)
        self.fields.setReadOnly(True)
        self.original = QStackedWidget(split)
        # Holds tables (form_document); file-derived text goes in only as plain text.
        self.form_text = QTextEdit(self.original)
        self.form_text.setObjectName("originalForm")
        self.form_text.setReadOnly(True)
        self.form_text.setAcceptRichText(False)
        self.form_text.setUndoRedoEnabled(False)
        self.pages_area = QScrollArea(self.original)
        self.pages_area.setWidgetResizable(True)
        self.pages_holder = QWidget(self.pages_area)
        self.pages_layout = QVBoxLayout(self.pages_holder)
        self.pages_area.setWidget(self.pages_holder)
        self.original.addWidget(self.form_text)
        self.original.addWidget(self.pages_area)
        tabs = QTabWidget(self)
        tabs.addTab(split, self.tr("提取的字段 | 原始申报书"))
        split.setSizes([420, 420])
        self.thumbs = QListWidget(self)
        self.thumbs.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.thumbs.setResizeMode(QListView.ResizeMode.Adjust)
        self.thumbs.setWordWrap(True)
        self.thumbs.itemDoubleClicked.connect(self._open_evidence)
        tabs.addTab(self.thumbs, self.tr("佐证材料"))
        self.tabs = tabs
        layout.addWidget(tabs, 1)
        self._enable(None)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("修改字段…"), self)
        self.category_button = QPushButton(self.tr("补填类别…"), self)
        self.acknowledge_button = QPushButton(self.tr("确认提示…"), self)
        self.withdraw_button = QPushButton(self.tr("撤销确认…"), self)
        self.duplicate_button = QPushButton(self.tr("标记为重复…"), self)
        self.exclude_button = QPushButton(self.tr("排除…"), self)
        self.restore_button = QPushButton(self.tr("恢复纳入"), self)
        # The buttons every included entry has come first, those offered only to some
        # entries after them: going from one entry to the next must not move 排除 to
        # where 标记为重复 was, under the organizer's pointer.
        for button, signal in ((self.edit_button, self.edit_requested),
                               (self.duplicate_button, self.duplicate_requested),
                               (self.exclude_button, self.exclude_requested),
                               (self.category_button, self.category_requested),
                               (self.acknowledge_button, self.acknowledge_requested),
                               (self.withdraw_button, self.withdraw_requested),
                               (self.restore_button, self.restore_requested)):
            button.clicked.connect(signal.emit)
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _enable(self, row: IntakeRow | None) -> None:
        usable = row is not None and row.status != REJECTED
        excluded = row is not None and row.status == EXCLUDED
        # Only what can be done to this entry is offered (a disabled button looks alike).
        for button in (self.edit_button, self.duplicate_button, self.exclude_button):
            button.setVisible(usable and not excluded)
        self.acknowledge_button.setVisible(usable and not excluded and bool(row.open_warnings))
        self.withdraw_button.setVisible(usable and not excluded and bool(row.acknowledged))
        self.restore_button.setVisible(excluded)
        self.category_button.setVisible(usable and not excluded and any(
            w.code == "category_missing" for w in row.warnings))

    # -- showing a row -------------------------------------------------------------

    def show_row(self, row: IntakeRow | None, path: Path | None) -> None:
        """Show `row` (None clears); the form and thumbnails load on the runner."""
        changed = row is None or self.row is None or row.source != self.row.source
        self.row = row
        self._enable(row)
        if row is None:
            self.title.setText(self.tr("选择左侧的一份申报查看详情。"))
            for widget in (self.meta, self.fields, self.form_text):
                widget.clear()
            self.warnings.clear()
            self.thumbs.clear()
            return
        self.title.setText(row.fields.get("title") or row.source)
        meta = self.tr("{status} · {id} · 来源：{source}").format(
            status=status_text(row.status), id=row.submission_id or "—", source=row.source)
        if row.status == EXCLUDED:
            kept = row.decision.get("duplicate_of")
            meta += "\n" + (self.tr("重复，保留：{kept}").format(kept=kept) if kept else
                            self.tr("排除理由：{reason}").format(reason=row.exclusion_reason))
        self.meta.setText(meta)
        self._show_warnings(row)
        self._show_fields(row, changed)
        if changed and path is not None:
            self._path = path
            self._form = (row.scanned.form_name, row.scanned.form_kind)
            self._load(row, path)

    def _show_warnings(self, row: IntakeRow) -> None:
        self.warnings.clear()
        if row.scanned.rejected:
            self.warnings.addItem(self.tr("无法读取：{reason}").format(reason=render(row.scanned.rejected)))
        for warning in row.warnings:
            text = self.tr("⚠ {label}：{message}").format(label=warning_label(warning.code),
                                                         message=warning_message(warning))
            if warning.spans and warning.field:  # where to look (修改字段 opens it there)
                text += self.tr("（在“{field}”中）").format(field=field_label(warning.field))
            explanation = warning_explanation(warning.code)
            if explanation:
                text += "\n    " + explanation
            note = row.acknowledged.get(warning.code)
            if note is not None:
                shown = warning.code in row.decision.get("keep_warnings", [])
                text += "\n    " + (self.tr("✓ 已确认（向专家显示）：{note}") if shown else
                                    self.tr("✓ 已确认（不向专家显示）：{note}")).format(note=note)
            self.warnings.addItem(QListWidgetItem(text))
        for note in row.scanned.notes:
            self.warnings.addItem(self.tr("说明：{note}").format(note=render(note)))
        if not self.warnings.count():
            self.warnings.addItem(self.tr("没有提示。"))

    def _show_fields(self, row: IntakeRow, changed: bool) -> None:
        if row.scanned.rejected:
            files = "\n".join(f"  · {name}" for name in row.scanned.files) or self.tr("  （无）")
            self.fields.setPlainText(self.tr("无法读取的原因：\n{reason}\n\n涉及的文件：\n{files}")
                                     .format(reason=render(row.scanned.rejected), files=files))
            self.form_text.clear()
            self.original.setCurrentWidget(self.form_text)
            return
        corrected = row.decision.get("fields", {})
        blocks = []
        empty = self.tr("（空）")  # not inside the f-string, where lupdate never finds it
        for key in FIELD_LABELS:
            mark = self.tr("（已修改）") if key in corrected else ""
            blocks.append(f"【{field_label(key)}】{mark}\n{row.fields.get(key, '') or empty}")
        self.fields.setPlainText("\n\n".join(blocks))
        if changed:  # the same entry again (after a decision) keeps its loaded form
            self.form_text.setPlainText(self._form_heading(row) + "\n\n" + row.scanned.text)
            self.original.setCurrentWidget(self.form_text)

    def _form_heading(self, row: IntakeRow) -> str:
        return self.tr("原始申报书：{name}").format(name=row.scanned.form_name)

    def _open_evidence(self, item: QListWidgetItem) -> None:
        """Open the double-clicked file large (read again on the runner)."""
        found = item.data(Qt.ItemDataRole.UserRole)
        if found is None or self._path is None:
            return
        name, kind = found
        self._runner.run(open_evidence, self._path, name, kind, *self._form,
                         on_done=while_alive(self, lambda opened: EvidenceDialog(
                             opened, self).exec()), on_error=lambda _err: None)

    def _load(self, row: IntakeRow, path: Path) -> None:
        self._generation += 1
        generation = self._generation
        self.thumbs.clear()
        # A legacy .doc is converted anew: the entries the organizer only passed over
        # must not hold up the one selected now.
        self._runner.drop_queued(self)
        self._runner.run(load_preview, path, row,
                         on_done=while_alive(self, lambda p, g=generation: self._loaded(g, p)),
                         on_error=lambda _err: None, group=self)

    def _loaded(self, generation: int, preview: Preview) -> None:
        if generation != self._generation:
            return  # the organizer has moved on to another entry
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for image in preview.pages:
            self.pages_layout.addWidget(FittedPage(image, self.pages_holder))
        if preview.pages:
            self.original.setCurrentWidget(self.pages_area)
        if preview.layout is not None and self.row is not None:
            # Filled before it is shown, then laid out once (see form_document); the
            # editor deletes the document it replaces, its child.
            document = QTextDocument(self.form_text)
            document.setDefaultFont(self.form_text.font())
            fill_document(document, preview.layout, self._form_heading(self.row))
            self.form_text.setDocument(document)
            self.original.setCurrentWidget(self.form_text)
        self.thumbs.clear()
        for name, kind, image, note in preview.thumbs:
            caption = PurePosixPath(name).name + (f"\n{note}" if note else "")
            item = QListWidgetItem(caption)
            # Every item has an icon: one without keeps a narrow cell that wraps its
            # caption a character a line.
            item.setIcon(QIcon(QPixmap.fromImage(image)) if image is not None
                         else kind_icon(kind, broken=bool(note)))
            item.setToolTip(name)
            item.setData(Qt.ItemDataRole.UserRole, (name, kind))
            self.thumbs.addItem(item)
        if preview.error:
            self.thumbs.addItem(preview.error)
