"""导入评分表: the organizer drops returned score sheets here and sees what each one is.

Files or folders are dropped onto the page (or picked with 添加评分表…); a folder
contributes its .xlsx files, as on the command line.  Each import runs on the task
runner — one at a time, later drops wait in a queue, because two imports writing the
same organizer database at once could race — and every file gets its own row: one bad
file never stops the others, even when its import fails outright.  Selecting a row
shows its explanation, the cell diff of a TAMPERED sheet, or, for UNKNOWN_KEY, the key's
fingerprint with 核对指纹并接受…: after the organizer has compared it with the expert,
the files waiting for that key are imported again with the key accepted (pinned), and
once one of them is in, `key_accepted(expert, fingerprint)` tells whoever listens (the
workbench enrols it on the project's roster; the standalone window has no roster).
The per-expert overview and the rejected-file log are re-read after every import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import PanelDeskError
from app.keys import format_fingerprint
from app.sheets.importer import (
    DUPLICATE,
    SUPERSEDED,
    TAMPERED,
    UNKNOWN_KEY,
    VALID,
    expand_paths,
    expert_overview,
    import_sheets,
)
from app.sheets.orgdb import OrgDB
from app.sheets.verify import OK, verify_sheet
from ui.file_dialogs import RECEIVED_SHEETS, open_files
from ui.i18n import error_text
from ui.organizer.import_models import (
    DiffModel,
    ExpertOverviewModel,
    ImportResultsModel,
    RejectedFilesModel,
    ResultRow,
    explanation_text,
    outcome_text,
)
from ui.organizer.key_check import KeyCheck, confirm_key_dialog
from ui.organizer.table_model import read_only_table
from ui.plain_text import plain_labels

IMPORTED = (VALID, SUPERSEDED, DUPLICATE)  # a sheet signed with the key is in the database


@dataclass
class ImportRun:
    """What one background import hands back to the page."""

    rows: list[ResultRow]
    overview: list[dict[str, Any]]
    rejected: list[dict[str, Any]]


def choose_sheet_files(parent: QWidget) -> list[Path]:
    """The platform's open dialog (several files at once); [] when cancelled."""
    return open_files(parent, RECEIVED_SHEETS, QCoreApplication.translate("ImportPage", "添加评分表"),
                      QCoreApplication.translate("ImportPage", "Excel 工作簿 (*.xlsx);;所有文件 (*)"))


def _error_text(err: BaseException) -> str:
    if isinstance(err, PanelDeskError):
        return error_text(err)
    return f"内部错误（{type(err).__name__}: {err}）"


class ImportPage(QWidget):
    """The 导入评分表 tab; `open_db()` is called on the worker for every task."""

    status_message = Signal(str)
    imported = Signal()  # after each import: other pages (results) may refresh
    key_accepted = Signal(str, str)  # (expert id, fingerprint) compared, accepted, imported

    def __init__(self, runner: Any, packet: Any, open_db: Callable[[], OrgDB],
                 parent: QWidget | None = None, *,
                 choose_files: Callable[[QWidget], list[Path]] = choose_sheet_files,
                 confirm_key: Callable[[QWidget, KeyCheck], bool] = confirm_key_dialog) -> None:
        super().__init__(parent)
        self._runner = runner
        self._packet = packet
        self._open_db = open_db
        self._choose_files = choose_files
        self._confirm_key = confirm_key
        self._queue: list[tuple[list[Path], frozenset[str], str]] = []
        self._accepting: tuple[frozenset[str], str] = (frozenset(), "")
        self._busy = False
        self._names = {e.id: e.name for e in packet.manifest.roster}
        self.setAcceptDrops(True)
        self._build()
        self.refresh()

    # -- layout ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        drop = QFrame(self)
        drop.setObjectName("dropZone")
        drop.setStyleSheet("QFrame#dropZone { border: 2px dashed #9fb3c8; border-radius: 6px;"
                           " background: #ffffff; }")
        row = QHBoxLayout(drop)
        hint = QLabel(self.tr("把专家交回的评分表（.xlsx 文件或整个文件夹）拖到这里，"
                              "逐个核验签名后导入。"), drop)
        hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("添加评分表…"), drop)
        self.add_button.clicked.connect(self.add_files)
        row.addWidget(hint, 1)
        row.addWidget(self.add_button)
        layout.addWidget(drop)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        plain_labels(self.message)  # names the files
        layout.addWidget(self.message)

        self.results = ImportResultsModel(self._names, self)
        self.diff = DiffModel(self)
        self.overview = ExpertOverviewModel(self)
        self.rejected = RejectedFilesModel(self._names, self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QSplitter(Qt.Orientation.Horizontal, splitter)
        self.results_view = self._table(self.results, stretch=ImportResultsModel.EXPLANATION)
        self.results_view.selectionModel().currentRowChanged.connect(self._show_detail)
        top.addWidget(self._section(self.tr("本次导入的文件"), self.results_view))
        top.addWidget(self._build_detail())
        top.setSizes([640, 420])
        bottom = QSplitter(Qt.Orientation.Horizontal, splitter)
        self.overview_view = self._table(self.overview, stretch=ExpertOverviewModel.EXPERT)
        self.rejected_view = self._table(self.rejected, stretch=4)
        bottom.addWidget(self._section(self.tr("各专家评分情况"), self.overview_view))
        bottom.addWidget(self._section(self.tr("被拒收的文件"), self.rejected_view))
        bottom.setSizes([520, 540])
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([380, 300])
        layout.addWidget(splitter, 1)

    def _build_detail(self) -> QWidget:
        box = QGroupBox(self.tr("详情"), self)
        layout = QVBoxLayout(box)
        self.detail_label = QLabel(self.tr("选择一个文件查看核验结果。"), box)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        plain_labels(self.detail_label)  # explanations quote ids and cells from the file
        layout.addWidget(self.detail_label)
        self.diff_view = self._table(self.diff, stretch=3)
        layout.addWidget(self.diff_view, 1)
        self.accept_button = QPushButton(self.tr("核对指纹并接受…"), box)
        self.accept_button.clicked.connect(self.accept_selected_key)
        layout.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(0)
        self.diff_view.hide()
        self.accept_button.hide()
        return box

    def _section(self, title: str, view: QWidget) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title, holder)
        label.setObjectName("sectionTitle")
        layout.addWidget(label)
        layout.addWidget(view, 1)
        return holder

    def _table(self, model: Any, *, stretch: int) -> QTableView:
        view = read_only_table(self, model)
        header = view.horizontalHeader()
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        header.setMaximumSectionSize(300)  # a long file name must not push out the rest

        def fit() -> None:  # the other columns fit their content, the stretch one the rest
            for column in range(model.columnCount()):
                if column != stretch:
                    view.resizeColumnToContents(column)

        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(fit)
        fit()
        return view

    # -- importing -------------------------------------------------------------------

    def add_files(self) -> None:
        """添加评分表…: the injectable chooser, then the same path as a drop."""
        paths = self._choose_files(self)
        if paths:
            self.import_paths(paths)

    def import_paths(self, paths: Iterable[Path | str]) -> None:
        """Import files and folders (each folder's .xlsx files), after any running import."""
        try:
            files = expand_paths([Path(p) for p in paths])
        except OSError as err:
            self._show_message(self.tr("无法读取文件夹：{error}").format(error=err), error=True)
            return
        if not files:
            self._show_message(self.tr("没有找到 .xlsx 评分表。"), error=True)
            return
        self._enqueue(files, frozenset(), "")

    def _enqueue(self, files: list[Path], accept: frozenset[str], confirmed: str) -> None:
        self._queue.append((files, accept, confirmed))
        if not self._busy:
            self._start_next()

    def _start_next(self) -> None:
        if not self._queue:
            self._busy = False
            return
        self._busy = True
        files, accept, confirmed = self._queue.pop(0)
        self._accepting = (accept, confirmed)
        self._show_message(self.tr("正在核验并导入 {count} 个文件…").format(count=len(files)))
        self._runner.run(self._run_import, files, accept, confirmed,
                         on_done=self._imported, on_error=self._import_failed)

    def _run_import(self, files: list[Path], accept: frozenset[str], confirmed: str
                    ) -> ImportRun:  # worker thread: no Qt here
        db = self._open_db()
        try:
            rows = []
            for path in files:
                if accept and not self._same_key(path, confirmed):
                    rows.append(ResultRow.error(path, f"{path.name}：文件的签名密钥已不是刚才核对的"
                                                      f"密钥（{format_fingerprint(confirmed)}），"
                                                      "未接受；请重新导入后再核对"))
                    continue
                try:  # file by file, so that even a failing import stops nothing else
                    [outcome] = import_sheets([path], self._packet, db, accept_keys=accept)
                    rows.append(ResultRow.from_outcome(outcome))
                except Exception as err:  # noqa: BLE001 — reported in the file's row
                    rows.append(ResultRow.error(path, f"{path.name}：{_error_text(err)}"))
            return ImportRun(rows, *self._read_state(db))
        finally:
            db.close()

    @staticmethod
    def _same_key(path: Path, confirmed: str) -> bool:
        # The organizer compared one fingerprint; never pin whatever key the file on
        # disk carries by now.
        check = verify_sheet(path)
        return check.status == OK and (check.payload or {}).get("key_fingerprint") == confirmed

    def _read_state(self, db: OrgDB) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        packet_id = self._packet.manifest.packet_id
        rejected = db.rejected(packet_id)
        for r in rejected:
            # The log keeps every rejection; an UNKNOWN_KEY file whose key was accepted
            # afterwards is in `sheets` with the same content, so it no longer counts.
            sheet = (db.sheet(packet_id, r["expert_id"], r["version"])
                     if r["expert_id"] and r["version"] is not None else None)
            r["resolved"] = bool(sheet and sheet["file_sha256"] == r["file_sha256"])
        overview = expert_overview(self._packet, db)
        for row in overview:
            row["rejected"] = [{"file": r["file_name"], "outcome": r["outcome"],
                                "reason": r["reason"]} for r in rejected
                               if r["expert_id"] == row["expert"] and not r["resolved"]]
        return overview, rejected

    def _imported(self, run: ImportRun) -> None:
        at = self.results.add_results(run.rows)
        self._show_state(run.overview, run.rejected)
        counts: dict[str, int] = {}
        for row in run.rows:
            counts[row.outcome] = counts.get(row.outcome, 0) + 1
        summary = QCoreApplication.translate("ImportPage", "，").join(
            f"{outcome_text(o)} {n}" for o, n in counts.items())
        self._show_message(self.tr("已处理 {count} 个文件：{summary}").format(
            count=len(run.rows), summary=summary), error=any(
                r.outcome not in IMPORTED for r in run.rows))
        # Show first what needs the organizer: a TAMPERED diff or a key to compare.
        focus = next((i for i, r in zip(at, run.rows)
                      if r.outcome in (TAMPERED, UNKNOWN_KEY)), at[0] if at else None)
        if focus is not None:
            self.results_view.selectionModel().setCurrentIndex(
                self.results.index(focus, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self._show_detail(self.results.index(focus, 0))
        self.imported.emit()
        accept, confirmed = self._accepting
        for expert in accept:
            if any(r.expert == expert and r.outcome in IMPORTED for r in run.rows):
                self.key_accepted.emit(expert, confirmed)
        self._start_next()

    def _import_failed(self, err: BaseException) -> None:
        self._show_message(self.tr("导入失败：{error}").format(error=_error_text(err)), error=True)
        self._start_next()

    # -- overview --------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the per-expert overview and the rejected files (on the runner)."""
        self._runner.run(self._load_state, on_done=lambda s: self._show_state(*s),
                         on_error=lambda err: self._show_message(_error_text(err), error=True))

    def _load_state(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        db = self._open_db()
        try:
            return self._read_state(db)
        finally:
            db.close()

    def _show_state(self, overview: Sequence[dict[str, Any]],
                    rejected: Sequence[dict[str, Any]]) -> None:
        self.overview.set_rows(overview)
        self.rejected.set_rows(rejected)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b42318;" if error else "color: #1d5b8f;")
        self.message.setText(text)
        self.status_message.emit(text)

    # -- detail and key acceptance ---------------------------------------------------

    def selected_row(self) -> ResultRow | None:
        index = self.results_view.selectionModel().currentIndex()
        return self.results.row_at(index.row()) if index.isValid() else None

    def _show_detail(self, index: Any, _previous: Any = None) -> None:
        row = self.results.row_at(index.row()) if index.isValid() else None
        if row is None:
            return
        text = f"{row.file}\n\n" + self.tr("{outcome}：{explanation}").format(
            outcome=outcome_text(row.outcome), explanation=explanation_text(row.explanation))
        if row.fingerprint:
            text += "\n\n" + self.tr("签名密钥指纹：{fingerprint}").format(
                fingerprint=format_fingerprint(row.fingerprint))
        self.detail_label.setText(text)
        self.diff.set_rows(row.diff if row.outcome == TAMPERED else [])
        self.diff_view.setVisible(row.outcome == TAMPERED)
        self.accept_button.setVisible(row.outcome == UNKNOWN_KEY and bool(row.fingerprint))

    def accept_selected_key(self) -> None:
        """核对指纹并接受…: confirm, then re-import that expert's waiting files."""
        row = self.selected_row()
        if row is None or row.outcome != UNKNOWN_KEY or not row.expert or not row.fingerprint:
            return
        check = KeyCheck(row.expert, self._names.get(row.expert, row.expert), row.file.name,
                         row.fingerprint)
        if not self._confirm_key(self, check):
            return
        files = self.results.unknown_key_files(row.expert, row.fingerprint)
        self._enqueue(files, frozenset({row.expert}), row.fingerprint)

    # -- drag and drop ---------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    @staticmethod
    def _dropped(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
