"""The expert's review window: the list, the application, the evidence and the rubric.

Layout (one horizontal splitter, remembered in QSettings):
    left   the submission list with filters, search and progress (`SubmissionListPanel`);
    centre the application text (`ApplicationView`);
    right  a vertical splitter: the evidence viewer above, the rubric panel below.
Evidence and rubric share the right column rather than tabs because the expert scores
while looking at the evidence; at 1366×768 the right column gets ~36 % of the width and
the rubric scrolls, at 1920×1080 both show in full.

Behaviour: opening and verifying a packet runs on `runner`; every mark goes through ONE
writer (`TaskRunner(max_threads=1)`) to the `ReviewSession`, so writes are serialised
and never block painting; a saved write updates the list row and the status bar
("已保存 HH:MM:SS"); a failed one shows the message and reloads from the store.  The
comment is flushed before switching submissions and on close.  QSettings holds only
window state, recent packets and the per-packet identity choice; marks live in the
workspace database.  Opening, identity and recusal are in `ui.review.opening`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import PanelDeskError
from app.model import Submission
from app.packet import Packet
from ui.common_menus import add_about_action, add_language_menu
from ui.evidence import EvidencePanel
from ui.review.application_view import ApplicationView
from ui.review.export import ExportMixin
from ui.review.list_model import STATUS_RECUSED, RowState
from ui.review.list_panel import SubmissionListPanel
from ui.review.opening import OpeningMixin
from ui.review.rubric_panel import RubricPanel
from ui.review.shortcuts import ShortcutsDialog, key_sequences
from ui.task_runner import LOOK_AHEAD, TaskRunner

if TYPE_CHECKING:
    from app.workspace import ReviewSession

GEOMETRY_KEY, STATE_KEY = "window/geometry", "window/state"
SPLITTER_KEY, RIGHT_SPLITTER_KEY = "window/splitter", "window/right_splitter"


class ReviewWindow(OpeningMixin, ExportMixin, QMainWindow):
    """The review workbench for one packet and one expert at a time."""

    def __init__(self, *, runner: TaskRunner, writer: TaskRunner | None = None,
                 settings: QSettings | None = None, home: Path | None = None,
                 opener: Callable[..., Packet] | None = None,
                 identify: Callable[..., Any] | None = None,
                 declare_recusals: Callable[..., dict[str, str] | None] | None = None,
                 evidence_factory: Callable[..., QWidget] = EvidencePanel,
                 rubric_factory: Callable[[Any], QWidget] = RubricPanel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._writer = writer if writer is not None else TaskRunner(self, max_threads=1)
        self._settings = settings
        self._home = home
        self._rubric_factory = rubric_factory
        self.session: ReviewSession | None = None
        self.rubric_panel: QWidget | None = None
        self._current: str | None = None
        self._closed = False
        self._init_opening(opener, identify, declare_recusals)
        self._organizer: Any = None  # built on first use: its imports are heavy
        self.setAcceptDrops(True)
        self._build_ui(evidence_factory)
        self._build_menus()
        self._restore_window_state()
        self.show_packet_header()

    # -- layout ------------------------------------------------------------------------

    def _build_ui(self, evidence_factory: Callable[..., QWidget]) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 6)
        self.header_label = QLabel(central)
        self.header_label.setObjectName("packetTitle")
        self.meta_label = QLabel(central)
        self.meta_label.setObjectName("packetMeta")
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.header_label)
        layout.addWidget(self.meta_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.list_panel = SubmissionListPanel(self.splitter)
        self.list_panel.submission_selected.connect(self.switch_to)
        self.app_view = ApplicationView(self.splitter)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self.splitter)
        self.evidence = evidence_factory(self._runner, self._read_member)
        self.evidence.setParent(self.right_splitter)
        self.right_splitter.addWidget(self.evidence)
        if hasattr(self.evidence, "status_message"):
            self.evidence.status_message.connect(self.statusBar().showMessage)
        self._rubric_placeholder = QLabel(self.tr("打开评审包并确认身份后在此评分"))
        self._rubric_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.right_splitter.addWidget(self._rubric_placeholder)
        self.right_splitter.setSizes([380, 520])  # the rubric gets the larger share
        for widget in (self.list_panel, self.app_view, self.right_splitter):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 4)
        # The list keeps ~29 %: at 1366 px its title column still shows ~8 characters.
        self.splitter.setSizes([420, 520, 520])
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.saved_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._build_progress_widgets()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.open_action = self._action(self.tr("打开评审包(&O)…"), self.choose_packet, "open")
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(self.tr("最近打开(&R)"))
        self._rebuild_recent_menu()
        file_menu.addSeparator()
        self.export_action = self._action(self.tr("导出评分表(&E)…"), self.export_sheet, "export")
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        self.organizer_action = self._action(self.tr("组织方：导入评分表与结果(&G)…"),
                                             self.open_organizer)
        file_menu.addAction(self.organizer_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&Q)"), self)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        sub_menu = bar.addMenu(self.tr("申报(&S)"))
        self.next_action = self._action(self.tr("下一项(&N)"), lambda: self.step(1), "next")
        self.previous_action = self._action(self.tr("上一项(&P)"), lambda: self.step(-1),
                                            "previous")
        self.search_action = self._action(self.tr("搜索(&F)"), self.focus_search, "search")
        self.recuse_action = self._action(self.tr("申请回避(&H)…"), self.ask_recuse, "recuse")
        self.unrecuse_action = self._action(self.tr("撤销回避(&U)…"), self.ask_unrecuse)
        for action in (self.next_action, self.previous_action, self.search_action):
            sub_menu.addAction(action)
        sub_menu.addSeparator()
        sub_menu.addAction(self.recuse_action)
        sub_menu.addAction(self.unrecuse_action)

        view_menu = bar.addMenu(self.tr("查看(&V)"))
        self.fullscreen_action = self._action(self.tr("证明材料全屏(&E)"),
                                              self._toggle_evidence, "fullscreen")
        self.ranking_action = self._action(self.tr("我的排序(&R)…"), self.show_ranking,
                                           "ranking")
        view_menu.addAction(self.fullscreen_action)
        view_menu.addAction(self.ranking_action)
        criteria_menu = view_menu.addMenu(self.tr("跳到评分项(&C)"))
        self.criterion_actions = []
        for i in range(1, 7):
            action = self._action(self.tr("第 {n} 项").format(n=i),
                                  lambda _c=False, n=i: self.focus_criterion(n - 1),
                                  f"criterion{i}")
            criteria_menu.addAction(action)
            self.criterion_actions.append(action)

        self.language_actions = add_language_menu(self, self._settings)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self.shortcuts_action = self._action(self.tr("快捷键(&K)"), self.show_shortcuts,
                                             "shortcuts")
        help_menu.addAction(self.shortcuts_action)
        add_about_action(self, help_menu)

    def open_organizer(self) -> None:
        """The organizer's window for the open packet (or one the user picks)."""
        self.organizer.open(self.packet.path if self.packet is not None else None)

    @property
    def organizer(self) -> Any:
        """The organizer-window launcher (QtCharts, results and import code load here)."""
        if self._organizer is None:
            from ui.organizer.launch import OrganizerLauncher

            self._organizer = OrganizerLauncher(self, self._runner, self._settings)
        return self._organizer

    def _action(self, text: str, slot: Callable[..., Any], shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(key_sequences(shortcut))
        # Window-wide, so the keys work whichever panel has the focus.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- session -----------------------------------------------------------------------

    def start_session(self, session: ReviewSession) -> None:
        """Show `session`'s assigned submissions and resume where the expert was."""
        self.session = session
        target = session.last_submission() or (session.assigned[0] if session.assigned else None)
        if target is not None:  # its evidence decodes while the screen below is built
            self.evidence.prefetch(session.submission(target), now=True)
        panel = self._rubric_factory(session.rubric)
        old = self.rubric_panel or self._rubric_placeholder
        self.right_splitter.replaceWidget(self.right_splitter.indexOf(old), panel)
        old.deleteLater()
        self.rubric_panel = panel
        panel.score_changed.connect(self._score_changed)
        panel.comment_changed.connect(self._comment_changed)
        panel.flag_changed.connect(self._flag_changed)
        subs = [session.submission(sid) for sid in session.assigned]
        self.list_panel.set_categories(session.rubric.categories)
        self.list_panel.model.set_submissions(subs, self._all_states(session))
        self.list_panel.update_progress()
        self.show_packet_header()
        self._current = None
        if target is not None:
            self.list_panel.select(target)

    def _all_states(self, session: ReviewSession) -> dict[str, RowState]:
        states = {}
        for sid, info in session.summary()["submissions"].items():
            total = Decimal(info["total"]) if info["total"] is not None else None
            states[sid] = RowState(total, info["status"], bool(info["flags"]))
        return states

    def _row_state(self, sid: str) -> RowState:
        assert self.session is not None
        return RowState(self.session.total(sid), self.session.status(sid),
                        bool(self.session.flags(sid)))

    def end_session(self) -> None:
        """Flush pending edits, wait for the writer, close the workspace."""
        self.flush_comment()
        self._writer.wait_for_done()
        if self.session is not None:
            self.session.close()
            self.session = None
        self._current = None

    @property
    def current_submission(self) -> str | None:
        return self._current

    def switch_to(self, sid: str) -> None:
        """Show submission `sid` everywhere (flushing the previous one's comment first)."""
        if self.session is None or sid == self._current:
            return
        self.flush_comment()
        self._current = sid
        sub = self.session.submission(sid)
        self.app_view.set_submission(sub)
        self.evidence.set_submission(sub)
        self._show_in_rubric(sub)
        following = self.list_panel.neighbour(1)
        if following is not None:  # experts mostly go on to the next one: prepare it
            coming = self.session.submission(following)
            self.evidence.prefetch(coming)
            self.app_view.prefetch(coming)
            self._runner.run(self.session.marks, following, priority=LOOK_AHEAD)  # cached
        self._writer.run(self.session.set_last_submission, sid,
                         on_error=lambda err: self._write_failed(sid, err))
        self._update_actions()

    def _show_in_rubric(self, sub: Submission) -> None:
        session = self.session
        if session is None or self.rubric_panel is None:
            return
        scores, comment, flags, recusal = session.marks(sub.id)
        self.rubric_panel.show_submission(sub, scores, comment, flags, recusal is not None)

    def _update_actions(self) -> None:
        # The list's row state, not the database: this runs on every switch.
        recused = (self.session is not None and self._current is not None
                   and self.list_panel.model.state(self._current).status == STATUS_RECUSED)
        self.recuse_action.setEnabled(self._current is not None and not recused)
        self.unrecuse_action.setEnabled(recused)
        self.export_action.setEnabled(self.session is not None)

    def step(self, delta: int) -> None:
        self.list_panel.step(delta)

    def focus_search(self) -> None:
        self.list_panel.search.setFocus()
        self.list_panel.search.selectAll()

    def focus_criterion(self, index: int) -> None:
        if self.rubric_panel is not None:
            self.rubric_panel.focus_criterion(index)

    def flush_comment(self) -> None:
        if self.rubric_panel is not None and self._current is not None:
            self.rubric_panel.flush_comment()

    # -- writes (all through the single writer) ------------------------------------------

    def _write(self, sid: str, fn: Callable[..., Any], *args: Any) -> None:
        self._writer.run(fn, *args, on_done=lambda _r: self._saved(sid),
                         on_error=lambda err: self._write_failed(sid, err))

    def _score_changed(self, crit: str, value: object) -> None:
        if self.session is not None and self._current is not None:
            self._write(self._current, self.session.set_score, self._current, crit, value)

    def _comment_changed(self, text: str) -> None:
        if self.session is not None and self._current is not None:
            self._write(self._current, self.session.set_comment, self._current, text or None)

    def _flag_changed(self, flag: str, on: bool, category: object) -> None:
        if self.session is not None and self._current is not None:
            self._write(self._current, self.session.set_flag, self._current, flag, on, category)

    def _saved(self, sid: str) -> None:
        if self.session is None:
            return
        self.list_panel.model.update_row(sid, self._row_state(sid))
        self.list_panel.update_progress()
        self.saved_label.setText(self.tr("已保存 {time}").format(
            time=datetime.now().strftime("%H:%M:%S")))

    def _write_failed(self, sid: str, err: BaseException) -> None:
        if self._closed:
            return
        message = str(err) if isinstance(err, PanelDeskError) else self.tr(
            "保存失败（{kind}: {detail}）").format(kind=type(err).__name__, detail=err)
        QMessageBox.warning(self, self.tr("未能保存"), message)
        if self.session is not None:
            # Show what the store really holds, not what the widget last displayed.
            self.list_panel.model.update_row(sid, self._row_state(sid))
            if sid == self._current:
                self._show_in_rubric(self.session.submission(sid))

    # -- recusal -------------------------------------------------------------------------

    def recuse(self, sid: str, reason: str) -> None:
        if self.session is not None:
            self._writer.run(self.session.recuse, sid, reason,
                             on_done=lambda _r: self._recusal_changed(sid),
                             on_error=lambda err: self._write_failed(sid, err))

    def unrecuse(self, sid: str, reason: str) -> None:
        if self.session is not None:
            self._writer.run(self.session.unrecuse, sid, reason,
                             on_done=lambda _r: self._recusal_changed(sid),
                             on_error=lambda err: self._write_failed(sid, err))

    def _recusal_changed(self, sid: str) -> None:
        self._saved(sid)
        if sid == self._current and self.session is not None:
            self._show_in_rubric(self.session.submission(sid))
        self._update_actions()

    def ask_recuse(self) -> None:
        sid = self._current
        if sid is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("申请回避"), self.tr(
            "回避 {sid} 的理由（必填）：").format(sid=sid))
        if ok and reason.strip():
            self.flush_comment()
            self.recuse(sid, reason.strip())
        elif ok:
            QMessageBox.warning(self, self.tr("申请回避"), self.tr("请填写回避理由。"))

    def ask_unrecuse(self) -> None:
        sid = self._current
        if sid is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("撤销回避"), self.tr(
            "撤销对 {sid} 的回避，理由（必填，将记入修改记录）：").format(sid=sid))
        if ok and reason.strip():
            self.unrecuse(sid, reason.strip())
        elif ok:
            QMessageBox.warning(self, self.tr("撤销回避"), self.tr("请填写撤销回避的理由。"))

    # -- other views ---------------------------------------------------------------------

    def _toggle_evidence(self) -> None:
        self.evidence.toggle_fullscreen()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def make_ranking_dialog(self) -> QWidget | None:
        """The 我的排序 dialog for the current session (None if unavailable)."""
        if self.session is None:
            return None
        try:
            from ui.review.my_ranking import MyRankingDialog
        except ImportError:
            self.statusBar().showMessage(self.tr("“我的排序”暂不可用"))
            return None
        session = self.session
        subs = [session.submission(sid) for sid in session.assigned
                if sid not in session.recusals()]
        dialog = MyRankingDialog(session.rubric, subs, session.scores)
        dialog.setParent(self, dialog.windowFlags())
        dialog.open_submission.connect(self.list_panel.select)
        return dialog

    def show_ranking(self) -> None:
        self.flush_comment()
        dialog = self.make_ranking_dialog()
        if dialog is not None:
            dialog.exec()

    # -- drag and drop, window state, closing --------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_packet(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_packet(event)
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    @staticmethod
    def _dropped_packet(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".panelpack"):
                return Path(url.toLocalFile())
        return None

    def _restore_window_state(self) -> None:
        settings = self._settings
        geometry = settings.value(GEOMETRY_KEY) if settings else None
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1360, 820)
        if settings is None:
            return
        state = settings.value(STATE_KEY)
        if state is not None:
            self.restoreState(state)
        for key, splitter in ((SPLITTER_KEY, self.splitter),
                              (RIGHT_SPLITTER_KEY, self.right_splitter)):
            value = settings.value(key)
            if value is not None:
                splitter.restoreState(value)

    def _save_window_state(self) -> None:
        if self._settings is None:
            return
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(STATE_KEY, self.saveState())
        self._settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self._settings.setValue(RIGHT_SPLITTER_KEY, self.right_splitter.saveState())
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.cancel_open()
        self._save_window_state()
        self.end_session()
        self.close_packet()
        super().closeEvent(event)
