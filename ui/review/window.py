"""The expert's review window: the list, the application, the evidence and the rubric.

Layout (one horizontal splitter, remembered in QSettings):
    left   the submission list with filters, search and progress (`SubmissionListPanel`);
    centre the application text (`ApplicationView`);
    right  a vertical splitter: the evidence viewer above, the rubric panel below.
Evidence and rubric share the right column rather than tabs because the expert scores
while looking at the evidence; at 1366×768 the right column gets ~36 % of the width and
the rubric scrolls, at 1920×1080 both show in full.

The window lays out and routes; its parts do the work and get what they need through
their constructors: `PacketOpener` (open and verify on the runner), `CheckIn` (identity
and conflicts, kept in the workspace), `MarkWriter` (every change through the one writer,
the new row state handed back), `SheetExporter` (导出评分表) and `RecentPackets`.
QSettings holds only window state and recent packets; marks live in the workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QVBoxLayout, QWidget

from app.errors import PanelDeskError
from app.model import Submission
from app.packet import Packet
from app.workspace.status import ReviewStatus, SubmissionState
from ui.evidence import EvidencePanel
from ui.file_dialogs import PACKET, open_file
from ui.i18n import error_text
from ui.plain_text import plain_tooltip
from ui.review.application_view import ApplicationView
from ui.review.check_in import CheckIn, Declare, Identify
from ui.review.export import SheetExporter
from ui.review.header import PacketHeader
from ui.review.list_panel import SubmissionListPanel
from ui.review.marks import MarkWriter
from ui.review.menus import ReviewMenus
from ui.review.opening import PACKET_SUFFIX, PacketOpener, dropped_packet, open_and_verify
from ui.review.organizer_entry import OrganizerEntry
from ui.review.recent import RecentPackets
from ui.review.recusal import RecusalActions
from ui.review.rubric_panel import RubricPanel
from ui.review.shortcuts import ShortcutsDialog
from ui.review.switching import SwitchPacer
from ui.review.window_keys import WindowKeysFirst
from ui.review.window_state import WindowState, swap_in
from ui.task_runner import LOOK_AHEAD, TaskRunner

if TYPE_CHECKING:
    from app.workspace import ReviewSession


class ReviewWindow(QMainWindow):
    """The review workbench for one packet and one expert at a time."""

    def __init__(self, *, runner: TaskRunner, writer: TaskRunner | None = None,
                 settings: QSettings | None = None, home: Path | None = None,
                 opener: Callable[..., Packet] = open_and_verify,
                 identify: Identify | None = None, declare_recusals: Declare | None = None,
                 evidence_factory: Callable[..., QWidget] = EvidencePanel,
                 rubric_factory: Callable[[Any, QWidget], QWidget] = RubricPanel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._writer = writer if writer is not None else TaskRunner(self, max_threads=1)
        self._settings = settings
        self._rubric_factory = rubric_factory
        self.session: ReviewSession | None = None
        self.rubric_panel: QWidget | None = None
        self._packet: Packet | None = None
        self._current: str | None = None
        self._closed = False
        self.setAcceptDrops(True)
        self._build_ui(evidence_factory)
        self.pacer = SwitchPacer(self.app_view, self.evidence, self._prepare_following, self)
        self.opener = PacketOpener(runner, self.statusBar(), opener, self)
        self.organizer_entry = OrganizerEntry(self, runner, self._writer, self._settings,
                                              lambda: self.opener.passphrases)
        self.opener.opened.connect(self._opened)
        self.check_in = CheckIn(self, home, settings, identify=identify,
                                declare=declare_recusals)
        self.marks = MarkWriter(self._writer, self)
        self.marks.saved.connect(self._saved)
        self.marks.failed.connect(self._write_failed)
        self.marks.reloaded.connect(self._show_row)
        self.recusal = RecusalActions(self, self.marks, self._shown, self.flush_comment,
                                      self._recusal_changed)
        self.exporter = SheetExporter(self, self._writer, home, lambda: self.session,
                                      self.statusBar().showMessage)
        self.menus = ReviewMenus(self, settings)
        self.keys_first = WindowKeysFirst(self.actions, self)
        self.keys_first.watch(self.list_panel)
        self.opener.busy_changed.connect(lambda busy: self.menus.open.setEnabled(not busy))
        self.recent = RecentPackets(settings, self.menus.recent, self.open_path)
        self.window_state = WindowState(self, settings, (self.splitter, self.right_splitter))
        self.window_state.restore()
        self.show_packet_header()
        self._update_actions()

    # -- layout ------------------------------------------------------------------------

    def _build_ui(self, evidence_factory: Callable[..., QWidget]) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 6)
        self.header = PacketHeader(central, self.choose_packet, self.open_workbench)
        layout.addWidget(self.header)

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

    def show_packet_header(self) -> None:
        expert = self.session.expert if self.session is not None else None
        self.setWindowTitle(self.header.show_packet(self._packet, expert))

    # -- opening -----------------------------------------------------------------------

    @property
    def packet(self) -> Packet | None:
        return self._packet

    @property
    def opening(self) -> bool:
        return self.opener.busy

    def choose_packet(self) -> None:
        path = open_file(self, PACKET, self.tr("打开评审包"),
                         self.tr("评审包 (*{suffix});;所有文件 (*)").format(suffix=PACKET_SUFFIX),
                         self._settings)
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path | str) -> None:
        """Open and verify `path` on the runner; then check in and show it."""
        self.opener.open_path(path)

    def recent_packets(self) -> list[str]:
        return self.recent.paths()

    def _opened(self, path: Path, packet: Packet) -> None:
        if self.set_packet(packet):
            self.recent.remember(path)
            self.statusBar().showMessage(self.tr("已打开 {name}：校验通过。").format(name=path.name))

    def set_packet(self, packet: Packet) -> bool:
        """Check the expert in and start their session on `packet`; False if abandoned
        (the packet open before stays as it was)."""
        try:
            session = self.check_in.session_for(packet)
        except PanelDeskError as err:
            packet.close()
            QMessageBox.critical(self, self.tr("无法打开评审包"), plain_tooltip(error_text(err)))
            return False
        if session is None:
            packet.close()
            self.statusBar().showMessage(self.tr("未确认专家身份，评审包未打开。"))
            return False
        self.end_session()  # the previous session's queued writes land first
        self.close_packet()
        self._packet = packet
        self.start_session(session)
        return True

    def _read_member(self, name: str) -> bytes:
        packet = self._packet
        if packet is None:
            raise PanelDeskError(self.tr("评审包已关闭"))
        return packet.read(name)

    def close_packet(self) -> None:
        if self._packet is not None:
            self.evidence.set_submission(None)
            self.app_view.set_submission(None)
            self._packet.close()
            self._packet = None

    # -- session -----------------------------------------------------------------------

    def start_session(self, session: ReviewSession) -> None:
        """Show `session`'s assigned submissions and resume where the expert was."""
        self.session = session
        target = session.last_submission() or (session.assigned[0] if session.assigned else None)
        if target is not None:  # its evidence decodes while the screen below is built
            self.evidence.prefetch(session.submission(target), now=True)
        self.rubric_panel = panel = swap_in(
            self.right_splitter, self.rubric_panel or self._rubric_placeholder,
            lambda parent: self._rubric_factory(session.rubric, parent))
        self.window_state.follow_rubric(panel)
        self.keys_first.watch(panel)
        panel.score_changed.connect(partial(self._change, session.set_score))
        panel.comment_changed.connect(lambda text: self._change(session.set_comment, text or None))
        panel.flag_changed.connect(lambda flag, on, category: self._change(
            session.set_flag, flag, on, category))
        self.menus.set_criteria([c.name for c in session.rubric.criteria])
        subs = [session.submission(sid) for sid in session.assigned]
        self.list_panel.set_categories(session.rubric.categories)
        self.list_panel.model.set_submissions(subs, session.states())
        self.list_panel.update_progress()
        self.show_packet_header()
        self._current = None
        if target is not None:
            self.list_panel.select(target)
        self._update_actions()

    def end_session(self) -> None:
        """Flush pending edits, wait for the writer, close the workspace."""
        self.flush_comment()
        if self.pacer.reset() and self._shown() is not None:  # keys held until the end
            self.marks.remember_position(self.session, self._current)
        self.marks.wait()
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
        self._show_in_rubric(sub)  # at once: marks always go to the submission shown
        self.pacer.show(sub)  # text and evidence: at once, or coalesced while keys are held
        self._update_actions()

    def _prepare_following(self) -> None:
        """Once switching pauses: prepare the next submission, remember the position."""
        if self.session is None or self._current is None:
            return
        following = self.list_panel.neighbour(1)
        if following is not None:  # experts mostly go on to the next one: prepare it
            coming = self.session.submission(following)
            self.evidence.prefetch(coming)
            self.app_view.prefetch(coming)
            self._runner.run(self.session.marks, following, priority=LOOK_AHEAD)  # cached
        self.marks.remember_position(self.session, self._current)

    def _shown(self) -> tuple[ReviewSession, str] | None:
        """The session and the submission on screen, if any."""
        if self.session is None or self._current is None:
            return None
        return self.session, self._current

    def _show_in_rubric(self, sub: Submission) -> None:
        if self.session is None or self.rubric_panel is None:
            return
        scores, comment, flags, recusal = self.session.marks(sub.id)
        self.rubric_panel.show_submission(sub, scores, comment, flags, recusal is not None)

    def _update_actions(self) -> None:
        # The list's row state, not the database: this runs on every switch.
        recused = (self.session is not None and self._current is not None
                   and self.list_panel.model.state(self._current).status == ReviewStatus.RECUSED)
        self.menus.recuse.setEnabled(self._current is not None and not recused)
        self.menus.unrecuse.setEnabled(recused)
        self.menus.set_export_available(self.session is not None)

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

    # -- marks (all through the single writer) -------------------------------------------

    def _change(self, write: Callable[..., Any], *args: Any) -> None:
        """A mark of the submission on screen, from the rubric panel."""
        shown = self._shown()
        if shown is not None:
            self.marks.change(shown[0], shown[1], write, *args)

    def _saved(self, sid: str, state: SubmissionState) -> None:
        if self._show_row(sid, state):
            self.saved_label.setText(self.tr("已保存 {time}").format(
                time=datetime.now().strftime("%H:%M:%S")))

    def _show_row(self, sid: str, state: SubmissionState) -> bool:
        if self.session is None:
            return False
        self.list_panel.model.update_row(sid, state)
        self.list_panel.update_progress()
        return True

    def _write_failed(self, sid: str, message: str) -> None:
        if self._closed:
            return
        QMessageBox.warning(self, self.tr("未能保存"), plain_tooltip(message))
        if self.session is not None and sid == self._current:
            self._show_in_rubric(self.session.submission(sid))

    def _recusal_changed(self, sid: str) -> None:
        if sid == self._current and self.session is not None:
            self._show_in_rubric(self.session.submission(sid))  # its marks are cached
        self._update_actions()

    # -- other views ---------------------------------------------------------------------

    def export_sheet(self) -> None:
        self.flush_comment()
        self.exporter.export()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.menus.criteria, self).exec()

    def make_ranking_dialog(self) -> QWidget | None:
        """The 我的排序 dialog for the current session (None if unavailable)."""
        if self.session is None:
            return None
        from ui.review.my_ranking import ranking_dialog  # loaded on first use

        return ranking_dialog(self.session, self, self.list_panel.select)

    def show_ranking(self) -> None:
        self.flush_comment()
        dialog = self.make_ranking_dialog()
        if dialog is not None:
            dialog.exec()

    def open_organizer(self) -> None:
        """The organizer's window for the open packet (or one the user picks)."""
        self.organizer.open(self.packet.path if self.packet is not None else None)

    def open_workbench(self) -> None:
        """组织方工作台: the organizer's round, on a project folder the user picks."""
        self.organizer_entry.workbench().open(None)

    @property
    def organizer(self) -> Any:
        """The organizer-window launcher (built on first use: its imports are heavy)."""
        return self.organizer_entry.launcher()

    # -- drag and drop, closing ----------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_packet(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_packet(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.opener.close()
        self.window_state.save()
        self.end_session()
        self.close_packet()
        super().closeEvent(event)
