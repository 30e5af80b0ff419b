"""评审包: choose and preview the rubric, build the signed packet, tell the experts.

The rubric is the project's file or the built-in one; its preview lists criteria (with
maximum and weight), categories and awards, and a file that does not validate shows the
error naming the field.  Building needs a roster (`Round.build_problem`) and the organizer's
key; the passphrase is asked for and the key unlocked on the runner, then
`app.assembly.build_packet` runs there with the project's decisions and assignment rules,
with progress and cancel — after `build_guard` has asked about entries still marked
需处理 and experts without an enrolled fingerprint, if there are any.  The summary lists
every entry (included, excluded with its reason, rejected with its reason); the
organizer's key fingerprint and a short text for the experts are copied to the clipboard
on request, and the packet's folder can be opened — also after reopening the project,
from the round's packet read again (its manifest names the signing key).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.assembly.builder import BuildCancelled, BuildOptions, BuildReport, build_packet
from app.errors import PanelDeskError
from app.keys import KeyStore, format_fingerprint
from app.packet import Packet
from app.rubrics import load_rubric_file
from scoring.rubric import Rubric
from ui.file_dialogs import RUBRIC, open_file
from ui.i18n import error_text, render
from ui.organizer.alive import while_alive
from ui.organizer.build_guard import BuildDoubts, IntakeReview, build_doubts, confirm_build
from ui.organizer.build_summary import (
    BuildSummaryModel,
    PacketNote,
    build_summary_text,
    expert_message,
    packet_summary_text,
    rubric_preview,
    show_text,
)
from ui.organizer.round import Round
from ui.task_runner import ProgressRelay

translate = QCoreApplication.translate
SHOWN_WARNINGS = 3  # the summary stays readable; the report keeps them all


def ask_passphrase(parent: QWidget) -> str | None:
    text, ok = QInputDialog.getText(
        parent, translate("BuildPage", "解锁组织方密钥"),
        translate("BuildPage", "请输入组织方密钥的口令（用于给评审包签名）："),
        QLineEdit.EchoMode.Password)
    return text if ok and text else None


def choose_rubric_file(parent: QWidget) -> Path | None:
    return open_file(parent, RUBRIC, translate("BuildPage", "选择评审细则文件"),
                     translate("BuildPage", "评审细则 (*.toml *.json);;所有文件 (*)"))


def open_folder(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def run_build(project: Round, rubric: Rubric, out: Path, passphrase: str, title: str,
              keys: KeyStore, progress: Callable[[int, int, str], None],
              cancelled: Callable[[], bool]) -> BuildReport:  # worker thread
    key = keys.unlock(passphrase)
    out.parent.mkdir(parents=True, exist_ok=True)
    options = BuildOptions(rubric=rubric, roster=project.roster(), title=title,
                           decisions=project.project.decisions,
                           assignment_rules=project.project.assignment_rules())
    return build_packet(project.intake_dir, out, key, options, progress=progress,
                        cancelled=cancelled)


class BuildPage(QWidget):
    """The 评审包 step; `built(path)` when a packet has been written."""

    built = Signal(Path)
    status_message = Signal(str)

    def __init__(self, runner: Any, project: Round, parent: QWidget | None = None, *,
                 keys: KeyStore | None = None,
                 passphrase: Callable[[QWidget], str | None] = ask_passphrase,
                 choose_rubric: Callable[[QWidget], Path | None] = choose_rubric_file,
                 reveal: Callable[[Path], None] = open_folder,
                 intake: IntakeReview | None = None,
                 confirm: Callable[[QWidget, BuildDoubts], bool] = confirm_build) -> None:
        super().__init__(parent)
        self._runner = runner
        self._project = project
        self._keys = keys or KeyStore()
        self._passphrase = passphrase
        self._choose_rubric = choose_rubric
        self._reveal = reveal
        self._intake = intake
        self._confirm = confirm
        self._relay: ProgressRelay | None = None
        self.report: BuildReport | None = None
        self.note: PacketNote | None = None  # the round's packet, for the experts' note
        self.warnings_dialog: QDialog | None = None
        self.rubric: Rubric | None = None
        self._build_ui()
        self.refresh()
        self._show_last_packet()

    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(split)
        form_layout = QVBoxLayout(left)
        form = QFormLayout()
        self.rubric_label = QLabel(left)
        self.rubric_label.setTextFormat(Qt.TextFormat.PlainText)
        self.rubric_label.setWordWrap(True)
        # The rubric's name (or file path) on a row of its own: squeezed beside the two
        # buttons it wrapped and its second line was cut off ("Built-in" / "rubric").
        form.addRow(self.tr("评审细则："), self.rubric_label)
        rubric_row = QHBoxLayout()
        self.rubric_button = QPushButton(self.tr("选择评审细则…"), left)
        self.rubric_button.clicked.connect(self.choose_rubric)
        self.default_button = QPushButton(self.tr("用内置细则"), left)
        self.default_button.clicked.connect(lambda: self.set_rubric(None))
        rubric_row.addWidget(self.rubric_button)
        rubric_row.addWidget(self.default_button)
        rubric_row.addStretch(1)
        form.addRow("", rubric_row)
        self.title_edit = QLineEdit(left)
        form.addRow(self.tr("评审包标题："), self.title_edit)
        self.key_label = QLabel(left)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("组织方密钥："), self.key_label)
        form_layout.addLayout(form)
        self.rubric_error = QLabel(left)
        self.rubric_error.setStyleSheet("color: #b42318;")
        self.rubric_error.setWordWrap(True)
        self.rubric_error.setTextFormat(Qt.TextFormat.PlainText)
        form_layout.addWidget(self.rubric_error)
        self.preview = QPlainTextEdit(left)
        self.preview.setReadOnly(True)
        form_layout.addWidget(self.preview, 1)
        right = QWidget(split)
        right_layout = QVBoxLayout(right)
        buttons = QHBoxLayout()
        self.build_button = QPushButton(self.tr("生成评审包"), right)
        self.build_button.setObjectName("primaryButton")
        self.build_button.clicked.connect(self.build)
        self.cancel_button = QPushButton(self.tr("取消"), right)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        buttons.addWidget(self.build_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        right_layout.addLayout(buttons)
        self.problem = QLabel(right)
        self.problem.setStyleSheet("color: #b42318;")
        self.problem.setWordWrap(True)
        right_layout.addWidget(self.problem)
        self.progress = QProgressBar(right)
        self.progress.hide()
        self.progress_label = QLabel(right)
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        # A failure names the key file's path: unwrapped it widened the page past the window.
        self.progress_label.setWordWrap(True)
        right_layout.addWidget(self.progress)
        right_layout.addWidget(self.progress_label)
        self.summary_label = QLabel(right)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_layout.addWidget(self.summary_label)
        self.warnings_button = QPushButton(self.tr("查看全部提示…"), right)
        self.warnings_button.clicked.connect(self.show_all_warnings)
        self.warnings_button.hide()
        right_layout.addWidget(self.warnings_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.summary = BuildSummaryModel(self)
        self.summary_view = QTableView(right)
        self.summary_view.setModel(self.summary)
        self.summary_view.verticalHeader().hide()
        self.summary_view.horizontalHeader().setStretchLastSection(True)
        self.summary_view.setColumnWidth(BuildSummaryModel.SOURCE, 300)
        right_layout.addWidget(self.summary_view, 1)
        after = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("复制给专家的说明"), right)
        self.copy_button.clicked.connect(self.copy_message)
        self.reveal_button = QPushButton(self.tr("打开所在文件夹"), right)
        self.reveal_button.clicked.connect(self.reveal)
        for button in (self.copy_button, self.reveal_button):
            button.setEnabled(False)
            after.addWidget(button)
        after.addStretch(1)
        right_layout.addLayout(after)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([520, 760])
        layout.addWidget(split, 1)

    # -- state -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read rubric, key and roster state (after the panel step changed them)."""
        path = self._project.project.settings.rubric
        self.rubric_label.setText(str(path) if path else self.tr("内置评审细则"))
        self.default_button.setEnabled(bool(path))  # nothing to go back to when in use
        try:
            self.rubric = load_rubric_file(path) if path else self._project.rubric()
            self.rubric_error.clear()
            self.preview.setPlainText(rubric_preview(self.rubric))
            if not self.title_edit.text():
                self.title_edit.setText(self.rubric.packet_title or self.rubric.name)
        except PanelDeskError as err:
            self.rubric = None
            self.rubric_error.setText(self.tr("评审细则有误：{error}").format(error=error_text(err)))
            self.preview.clear()
        self.key_label.setText(format_fingerprint(self._keys.fingerprint())
                               if self._keys.exists() else self.tr("尚未创建（在“专家与分配”一步创建）"))
        self.problem.setText(self.build_problem() or "")
        self.build_button.setEnabled(self.build_problem() is None and self._relay is None)

    def build_problem(self) -> str | None:
        problem = self._project.build_problem()
        if problem:
            return translate("Panel", problem)
        if not self._keys.exists():
            return self.tr("尚未创建组织方密钥：请先在“专家与分配”一步创建。")
        if self.rubric is None:
            return self.tr("评审细则有误，无法生成评审包。")
        return None

    def choose_rubric(self) -> None:
        path = self._choose_rubric(self)
        if path is not None:
            self.set_rubric(path)

    def set_rubric(self, path: Path | None) -> None:
        self._project.set_rubric(path)
        self.title_edit.clear()
        self.refresh()

    # -- building --------------------------------------------------------------------

    def build(self) -> None:
        if self.build_problem() is not None or self.rubric is None:
            self.refresh()
            return
        doubts = build_doubts(self._intake, self._project.decisions, self._project.roster())
        if not self._confirm(self, doubts):
            return
        passphrase = self._passphrase(self)
        if passphrase is None:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        out = self._project.folder / "packets" / f"{self._project.name}-{stamp}.panelpack"
        self._relay = ProgressRelay(self._progressed, self)
        relay = self._relay
        current = {"name": ""}

        def progress(done: int, total: int, name: str) -> None:  # worker thread
            current["name"] = name
            relay(done, total)

        self._current = current
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.build_button.setEnabled(False)
        self.progress_label.setText(self.tr("正在解锁密钥…"))
        self._runner.run(run_build, self._project, self.rubric, out, passphrase,
                         self.title_edit.text().strip() or self.rubric.name, self._keys,
                         progress, relay.cancelled, on_done=while_alive(self, self._built),
                         on_error=while_alive(self, self._failed))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(self.tr("正在生成 {done}/{total}：{name}").format(
            done=min(done + 1, total), total=total, name=self._current["name"]))

    def cancel(self) -> None:
        if self._relay is not None:
            self._relay.cancel()

    def _finish(self, message: str) -> None:
        self._relay = None
        self.progress.hide()
        self.cancel_button.hide()
        self.progress_label.setText(message)
        self.status_message.emit(message)
        self.refresh()

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, BuildCancelled):
            self._finish(self.tr("已取消，未写入评审包。"))
        elif isinstance(err, PanelDeskError):
            self._finish(self.tr("未能生成评审包：{error}").format(error=error_text(err)))
        else:
            self._finish(self.tr("生成评审包时发生内部错误（{kind}: {detail}）").format(
                kind=type(err).__name__, detail=err))

    def _built(self, report: BuildReport) -> None:
        self.report = report
        self.summary.set_report(report)
        self.summary_label.setText(build_summary_text(
            report, format_fingerprint(self._keys.fingerprint()), SHOWN_WARNINGS))
        self.warnings_button.setVisible(len(report.warnings) > SHOWN_WARNINGS)
        self._set_note(PacketNote.of_report(report, format_fingerprint(self._keys.fingerprint())))
        self._finish(self.tr("评审包已生成：{name}").format(name=report.packet_path.name))
        self.built.emit(report.packet_path)

    def show_all_warnings(self) -> None:
        """Every warning of the build, in a read-only plain-text window (not modal)."""
        if self.report is not None:
            self.warnings_dialog = show_text(
                self, self.tr("生成评审包的全部提示"),
                "\n".join(render(w) for w in self.report.warnings))

    def _set_note(self, note: PacketNote | None) -> None:
        self.note = note
        for button in (self.copy_button, self.reveal_button):
            button.setEnabled(note is not None)

    def _show_last_packet(self) -> None:
        """On reopening, a round's packet no longer on disk is said here; one that is, the
        workbench opens (once, for import and results) and hands on (`show_packet`)."""
        last = self._project.state("packet")
        if last and not Path(last).is_file():
            self.summary_label.setText(self.tr(
                "上次生成的评审包已不在原处：{path}\n如需再发给专家，请重新生成。").format(path=last))

    def show_packet(self, packet: Packet) -> None:
        """The round's packet, opened and verified again: its file, id and fingerprint."""
        if self.note is None:  # a build meanwhile has the newer word
            note = PacketNote.of_packet(packet)
            self.summary_label.setText(packet_summary_text(note))
            self._set_note(note)

    def packet_unreadable(self, path: Path, err: BaseException) -> None:
        if self.note is None:
            self.summary_label.setText(self.tr("无法读取上次生成的评审包 {path}：{error}").format(
                path=path, error=error_text(err) if isinstance(err, PanelDeskError)
                else type(err).__name__))

    def message_for_experts(self) -> str:
        return expert_message(self.note) if self.note is not None else ""

    def copy_message(self) -> None:
        QGuiApplication.clipboard().setText(self.message_for_experts())
        self.status_message.emit(self.tr("给专家的说明已复制到剪贴板。"))

    def reveal(self) -> None:
        if self.note is not None:
            self._reveal(self.note.path.parent)
