"""申报材料: the organizer reads the intake folder, reviews every entry and decides.

The folder is read on the task runner (`app.assembly.scan.scan_folder`, the builder's own
reading) with a progress bar, the count, the current entry and a cancel button; each entry
is handed over as soon as it is read, so the first rows show while the rest are read.  A re-scan reads only new or changed
entries; decisions are kept in the project and never touched by a scan.  Every decision
(edit a field, add the missing category, exclude, mark a duplicate, acknowledge a warning
or withdraw the acknowledgement, restore) goes through `Round.decide` on the single writer, which records it in the audit
log; the rows are then recomputed from the scanned entries and the decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.assembly.scan import ScannedEntry, effective, scan_folder
from app.errors import PanelDeskError
from app.intake.forms import CategorySet
from scoring.rubric import Rubric
from ui.file_dialogs import INTAKE, existing_folder
from ui.i18n import error_text
from ui.organizer import intake_actions
from ui.organizer.alive import while_alive
from ui.organizer.audit_view import show_audit
from ui.organizer.intake_actions import Decided
from ui.organizer.intake_detail import IntakeDetail
from ui.organizer.intake_dialogs import IntakeQuestions
from ui.organizer.intake_model import (
    STATUS_TEXT,
    WARNINGS,
    IntakeFilter,
    IntakeModel,
    status_text,
    warning_label,
)
from ui.organizer.intake_rows import STATUSES, IntakeRow, IntakeRows
from ui.organizer.round import Round
from ui.organizer.table_model import read_only_table
from ui.task_runner import ProgressRelay

FLUSH_MS = 150  # rows arriving during a scan are shown in batches, not one repaint each
HEADER_PADDING = 28  # a header label's margins and the sort arrow
CELL_PADDING = 14


def choose_intake_folder(parent: QWidget | None) -> Path | None:
    return existing_folder(parent, INTAKE,
                           QCoreApplication.translate("IntakePage", "选择申报材料文件夹"))


class _EntryRelay(QObject):
    """Carries each scanned entry from the worker to the page (a queued signal)."""

    arrived = Signal(object)


class IntakePage(QWidget):
    """The 申报材料 step."""

    status_message = Signal(str)
    changed = Signal()  # rows or decisions changed: other steps may refresh

    def __init__(self, runner: Any, writer: Any, project: Round, rubric: Rubric,
                 parent: QWidget | None = None, *, questions: Any = None,
                 choose_folder: Callable[[QWidget | None], Path | None] = choose_intake_folder
                 ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._writer = writer
        self._project = project
        self._questions = questions or IntakeQuestions()
        self._choose_folder = choose_folder
        self.rows = IntakeRows(rubric, project.decisions)
        self._pending: list[tuple[ScannedEntry, Any, dict[str, Any]]] = []
        self._relay: ProgressRelay | None = None
        self._entries = _EntryRelay(self)
        self._entries.arrived.connect(self._arrived)
        self._flush_timer = QTimer(self, singleShot=True, interval=FLUSH_MS)
        self._flush_timer.timeout.connect(self._flush)
        self.scanning = False
        self._current = ""
        self._build()
        self._show_folder()

    # -- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        self.folder_label = QLabel(self)
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_button = QPushButton(self.tr("选择文件夹…"), self)
        self.choose_button.clicked.connect(self.choose_folder)
        self.scan_button = QPushButton(self.tr("重新扫描"), self)
        self.scan_button.clicked.connect(self.scan)
        self.audit_button = QPushButton(self.tr("操作记录…"), self)
        self.audit_button.clicked.connect(self.show_audit)
        bar.addWidget(self.folder_label, 1)
        for button in (self.choose_button, self.scan_button, self.audit_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        progress = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress_label = QLabel(self)
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.cancel_scan)
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.progress_label, 2)
        progress.addWidget(self.cancel_button)
        layout.addLayout(progress)
        self._show_progress(False)
        filters = QHBoxLayout()
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("全部状态"), "")
        for status in STATUSES:
            self.status_filter.addItem(status_text(status), status)
        self.warning_filter = QComboBox(self)
        self.warning_filter.addItem(self.tr("全部提示"), "")
        for code in WARNINGS:
            self.warning_filter.addItem(warning_label(code), code)
        self.counts = QLabel(self)
        filters.addWidget(QLabel(self.tr("筛选："), self))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.warning_filter)
        filters.addWidget(self.counts, 1)
        layout.addLayout(filters)
        self.model = IntakeModel(self)
        self.proxy = IntakeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.status_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_status(self.status_filter.currentData()))
        self.warning_filter.currentIndexChanged.connect(
            lambda: self.proxy.set_warning(self.warning_filter.currentData()))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = self._table(split)
        self.detail = IntakeDetail(self._runner, split)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([700, 640])
        layout.addWidget(split, 1)
        self.detail.edit_requested.connect(lambda: self.edit_field())
        self.detail.category_requested.connect(lambda: self.edit_field("category"))
        self.detail.exclude_requested.connect(self.exclude_selected)
        self.detail.duplicate_requested.connect(self.mark_duplicate_selected)
        self.detail.acknowledge_requested.connect(self.acknowledge_selected)
        self.detail.restore_requested.connect(self.restore_selected)
        self.detail.withdraw_requested.connect(self.withdraw_acknowledgement_selected)

    def _table(self, parent: QWidget) -> QTableView:
        view = read_only_table(parent, self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(IntakeModel.ID, Qt.SortOrder.AscendingOrder)  # the packet's order
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(IntakeModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # The widths suit the Chinese labels; a longer translation ("Needs attention",
        # "Images") widens its column instead of being clipped.
        metrics = header.fontMetrics()
        statuses = max(view.fontMetrics().horizontalAdvance(status_text(s)) for s in STATUSES)
        for column, width in ((IntakeModel.STATUS, 64), (IntakeModel.ID, 56),
                              (IntakeModel.UNIT, 150), (IntakeModel.CATEGORY, 72),
                              (IntakeModel.BODY, 64), (IntakeModel.IMAGES, 44),
                              (IntakeModel.WARNINGS, 140), (IntakeModel.SOURCE, 160)):
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(width, metrics.horizontalAdvance(label) + HEADER_PADDING)
            if column == IntakeModel.STATUS:
                width = max(width, statuses + CELL_PADDING)
            view.setColumnWidth(column, width)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        return view

    def _show_progress(self, visible: bool) -> None:
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.setVisible(visible)

    def _show_folder(self) -> None:
        folder = self._project.intake_dir
        self.folder_label.setText(self.tr("申报材料文件夹：{folder}").format(folder=folder))

    # -- scanning --------------------------------------------------------------------

    def choose_folder(self) -> None:
        packet = self._project.state("packet")
        if packet and not self._questions.change_folder_after_build(self, Path(packet).name):
            return
        folder = self._choose_folder(self)
        if folder is None:
            return
        self._project.set_intake_dir(folder)
        self.rows.keep_only([])
        self._refresh()
        self._show_folder()
        self.scan()

    def scan(self) -> None:
        """Read new or changed entries of the intake folder on the runner."""
        folder = self._project.intake_dir
        if self.scanning:
            return
        self.scanning = True
        self._relay = ProgressRelay(self._progressed, self)
        relay, entries = self._relay, self._entries
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("正在查找申报材料…"))
        self._show_progress(True)
        self.scan_button.setEnabled(False)

        def progress(done: int, total: int, name: str) -> None:  # worker thread
            self._current = name  # a plain attribute, read when the relay reports
            relay(done, total)

        rubric, edits = self.rows.rubric, self.rows.edits()
        categories = CategorySet.of(rubric)

        def arrived(entry: ScannedEntry) -> None:  # worker thread
            # The checks of the edited fields run here too, not on the GUI thread.
            used = edits.get(entry.source, {})
            computed = None if entry.rejected else effective(entry, used, rubric, categories)
            entries.arrived.emit((entry, computed, used))

        self._runner.run(scan_folder, folder, rubric, self.rows.stamps(), arrived, progress,
                         relay.cancelled, on_done=while_alive(self, self._scanned),
                         on_error=while_alive(self, self._scan_failed))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(self.tr("正在读取 {done}/{total}：{name}").format(
            done=min(done + 1, total), total=total, name=self._current))

    def cancel_scan(self) -> None:
        if self._relay is not None:
            self._relay.cancel()

    def _arrived(self, arrival: tuple[ScannedEntry, Any, dict[str, Any]]) -> None:
        self._pending.append(arrival)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _flush(self) -> None:
        for entry, computed, edits in self._pending:
            self.rows.add(entry, computed, edits)
        self._pending.clear()
        self._refresh()

    def _scanned(self, present: list[str]) -> None:
        cancelled = self._relay is not None and self._relay.cancelled()
        self._flush()
        if not cancelled:
            self.rows.keep_only(present)
            self._refresh()
        self._finish_scan(self.tr("已取消读取；已读取的申报保留在表中。") if cancelled else
                          self.tr("已读取申报材料：{counts}").format(counts=self.counts.text()))

    def _scan_failed(self, err: BaseException) -> None:
        self._flush()
        self._finish_scan(error_text(err) if isinstance(err, PanelDeskError) else self.tr(
            "读取申报材料时发生内部错误（{kind}: {detail}）").format(
                kind=type(err).__name__, detail=err))

    def _finish_scan(self, message: str) -> None:
        self.scanning = False
        self._relay = None
        self._show_progress(False)
        self.scan_button.setEnabled(True)
        self.status_message.emit(message)
        self.changed.emit()

    # -- rows ------------------------------------------------------------------------

    def _refresh(self) -> None:
        rows = self.rows.rebuild()
        self.model.set_rows(rows)
        counts = {s: 0 for s in STATUS_TEXT}
        for row in rows:
            counts[row.status] += 1
        self.counts.setText(self.tr("共 {total} 份").format(total=len(rows)) + " · " + " · ".join(
            f"{status_text(s)} {counts[s]}" for s in STATUSES))
        self._show_selected()

    def selected(self) -> IntakeRow | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def select(self, source: str) -> None:
        row = self.model.row_of(source)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._show_selected()

    def _show_selected(self) -> None:
        row = self.selected()
        folder = self._project.intake_dir
        self.detail.show_row(row, folder / row.source if row else None)

    # -- decisions -------------------------------------------------------------------

    def decide(self, source: str, decision: dict[str, Any], reason: str = "") -> None:
        """Record `decision` for `source` (on the writer), then show the rows again."""
        def done(_result: object) -> None:
            self.rows.set_decision(source, self._project.decisions.get(source, {}))
            self._refresh()
            self.status_message.emit(self.tr("已记录决定：{source}").format(source=source))
            self.changed.emit()

        def failed(err: BaseException) -> None:
            self.status_message.emit(self.tr("无法保存决定：{error}").format(error=err))

        self._writer.run(self._project.decide, source, decision, reason,
                         on_done=while_alive(self, done), on_error=while_alive(self, failed))

    def _decide_selected(self, action: Callable[..., Decided | None], *args: Any) -> None:
        """Ask what `action` (ui.organizer.intake_actions) needs about the selected entry
        and record the answer."""
        row = self.selected()
        decided = None if row is None else action(self, self._questions, self.rows, row, *args)
        if row is not None and decided is not None:
            self.decide(row.source, decided.decision, decided.reason)

    def edit_field(self, field: str = "") -> None:
        self._decide_selected(intake_actions.edit_field, field)

    def exclude_selected(self) -> None:
        self._decide_selected(intake_actions.exclude)

    def mark_duplicate_selected(self) -> None:
        self._decide_selected(intake_actions.mark_duplicate)

    def acknowledge_selected(self) -> None:
        self._decide_selected(intake_actions.acknowledge)

    def withdraw_acknowledgement_selected(self) -> None:
        self._decide_selected(intake_actions.withdraw_acknowledgement)

    def restore_selected(self) -> None:
        self._decide_selected(intake_actions.restore)

    def show_audit(self) -> None:
        show_audit(self, self._runner, self._project)
