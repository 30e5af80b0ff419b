"""Opening a packet in the review window: verify off the GUI thread, identify, recuse.

`OpeningMixin` is mixed into `ReviewWindow` (it keeps the window module small).  Flow:
`open_path()` opens and hash-verifies the packet on the runner with a progress bar; a
failure shows the PanelDeskError text and leaves the previous packet open.  On success
the expert is identified — the choice remembered per packet id in QSettings, otherwise
`identify(window, packet)` (default: the `IdentityDialog`); then the workspace session
opens, and if this expert has not yet declared conflicts for this packet,
`declare_recusals(window, submissions, existing)` (default: the `RecusalDialog`) runs
and its recusals are written through the single writer before scoring starts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressBar, QPushButton

from app.errors import PanelDeskError
from app.keys import KeyStore, format_fingerprint
from app.packet import Packet, open_packet
from app.packet.verified import is_known_good, remember_good
from app.render.pool import default_pool
from ui.review.identity_dialog import Identity, IdentityDialog, fingerprints_differ
from ui.review.recusal_dialog import RecusalDialog
from ui.task_runner import ProgressRelay

RECENT_KEY = "recent/packets"
LAST_DIR_KEY = "ui/last_packet_dir"
RECENT_MAX = 8
PACKET_SUFFIX = ".panelpack"

if TYPE_CHECKING:
    from app.workspace import ReviewSession


def identity_key(packet_id: str) -> str:
    return f"identity/{packet_id}"


def declared_key(packet_id: str, expert_id: str) -> str:
    return f"recusals_declared/{packet_id}/{expert_id}"


def open_and_verify(path: Path, progress: Any = None, cancelled: Any = None) -> Packet:
    """Open a packet and hash every member (worker thread); a bad byte refuses it now.

    An unchanged file verified fully before is not hashed again (`app.packet.verified`);
    its signature and member list are still checked, and every read is hash-checked.
    A PDF render worker starts meanwhile, so the first PDF does not wait for it.
    """
    default_pool().warm()
    import app.workspace.session  # noqa: F401 — SQLAlchemy loads here, off the GUI thread
    packet = open_packet(path)
    try:
        if not is_known_good(path, packet.manifest_hash):
            packet.verify_all(progress=progress, cancelled=cancelled)
            remember_good(path, packet.manifest_hash)
    except BaseException:
        packet.close()
        raise
    return packet


def dialog_identify(window: Any, packet: Packet) -> Identity | None:
    """The default identity step: the modal `IdentityDialog`."""
    dialog = IdentityDialog(packet.manifest.roster, KeyStore(window._home),  # noqa: SLF001
                            organizer_fingerprint=packet.organizer_fingerprint,
                            packet_title=packet.manifest.title, parent=window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.identity


def dialog_recusals(window: Any, submissions: list[Any],
                    existing: dict[str, str]) -> dict[str, str] | None:
    """The default recusal step: the modal `RecusalDialog` (None if dismissed)."""
    dialog = RecusalDialog(submissions, existing, parent=window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.recusals()


class OpeningMixin:
    """Packet opening, recent packets, identity and first recusal for `ReviewWindow`."""

    def _init_opening(self, opener: Callable[..., Packet] | None,
                      identify: Callable[..., Identity | None] | None,
                      declare_recusals: Callable[..., dict[str, str] | None] | None) -> None:
        self._opener = opener or open_and_verify
        self._identify = identify or dialog_identify
        self._declare = declare_recusals or dialog_recusals
        self._packet: Packet | None = None
        self._relay: ProgressRelay | None = None

    def _build_progress_widgets(self) -> None:
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setMaximumWidth(240)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.cancel_open)
        for widget in (self.progress_bar, self.cancel_button):
            self.statusBar().addPermanentWidget(widget)
            widget.hide()

    @property
    def packet(self) -> Packet | None:
        return self._packet

    @property
    def opening(self) -> bool:
        return self._relay is not None

    def _read_member(self, name: str) -> bytes:
        packet = self._packet
        if packet is None:
            raise PanelDeskError(self.tr("评审包已关闭"))
        return packet.read(name)

    def show_packet_header(self) -> None:
        packet = self._packet
        if packet is None:
            self.setWindowTitle(self.tr("PanelDesk 评审台"))
            self.header_label.setText(self.tr("尚未打开评审包"))
            self.meta_label.setText(self.tr("请从“文件 ▸ 打开评审包…”选择组织方发来的 .panelpack "
                                            "文件，或将文件拖到此窗口。"))
            return
        manifest = packet.manifest
        self.setWindowTitle(self.tr("{title} — PanelDesk 评审台").format(title=manifest.title))
        self.header_label.setText(manifest.title)
        fp = packet.organizer_fingerprint
        expert = self.session.expert if self.session is not None else None
        who = f"{expert.name}（{expert.organization}）" if expert else self.tr("（未确认）")
        self.meta_label.setText(self.tr("组织方公钥指纹：{fp}　　评审专家：{who}").format(
            fp=format_fingerprint(fp) if fp else self.tr("（无）"), who=who))

    # -- choosing and opening -------------------------------------------------------------

    def choose_packet(self) -> None:
        start = str(self._settings.value(LAST_DIR_KEY, "")) if self._settings else ""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("打开评审包"), start,
            self.tr("评审包 (*{suffix});;所有文件 (*)").format(suffix=PACKET_SUFFIX))
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path | str) -> None:
        """Open and verify `path` on the runner; then identify and show it."""
        if self._relay is not None:
            return
        path = Path(path)
        relay = ProgressRelay(self._show_open_progress, self)
        self._relay = relay
        self.open_action.setEnabled(False)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.cancel_button.show()
        self.statusBar().showMessage(self.tr("正在打开并校验评审包：{name}…").format(name=path.name))
        self._runner.run(self._opener, path, relay, relay.cancelled,
                         on_done=lambda packet: self._opened(path, packet),
                         on_error=self._open_error)

    def cancel_open(self) -> None:
        if self._relay is not None:
            self._relay.cancel()

    def _show_open_progress(self, done: int, total: int) -> None:
        self.progress_bar.setValue(int(done * 1000 // total) if total > 0 else 1000)

    def _finish_opening(self) -> bool:
        relay, self._relay = self._relay, None
        if relay is not None:
            relay.deleteLater()
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.open_action.setEnabled(True)
        self.statusBar().clearMessage()
        return relay is not None and relay.cancelled()

    def _open_error(self, err: BaseException) -> None:
        cancelled = self._finish_opening()
        if self._closed:
            return
        if cancelled:
            self.statusBar().showMessage(self.tr("已取消打开评审包。"))
            return
        message = str(err) if isinstance(err, PanelDeskError) else self.tr(
            "打开评审包时发生内部错误（{kind}: {detail}）。").format(
            kind=type(err).__name__, detail=err)
        QMessageBox.critical(self, self.tr("无法打开评审包"), message)

    def _opened(self, path: Path, packet: Packet) -> None:
        self._finish_opening()
        if self._closed:
            packet.close()
            return
        if self.set_packet(packet):
            self._remember_recent(path)
            self.statusBar().showMessage(self.tr("已打开 {name}：校验通过。").format(name=path.name))

    def set_packet(self, packet: Packet) -> bool:
        """Identify the expert and start their session on `packet`; False if abandoned."""
        identity = self._remembered_identity(packet) or self._identify(self, packet)
        if identity is None:
            packet.close()
            self.statusBar().showMessage(self.tr("未确认专家身份，评审包未打开。"))
            return False
        try:
            from app.workspace import ReviewSession  # imported by `open_and_verify`

            session = ReviewSession(packet, identity.expert_id, self._home)
        except PanelDeskError as err:
            packet.close()
            QMessageBox.critical(self, self.tr("无法打开评审包"), str(err))
            return False
        self.end_session()
        self.close_packet()
        self._packet = packet
        if self._settings is not None:
            self._settings.setValue(identity_key(packet.manifest.packet_id), identity.expert_id)
        pinned = session.expert.fingerprint
        if fingerprints_differ(pinned, identity.fingerprint):
            QMessageBox.warning(self, self.tr("公钥指纹不一致"), self.tr(
                "组织方登记的公钥指纹（{pinned}）与本机密钥（{mine}）不同，请联系组织方核对。").format(
                pinned=format_fingerprint(pinned or ""),
                mine=format_fingerprint(identity.fingerprint or "")))
        self._first_recusals(session)
        self.start_session(session)
        return True

    def _remembered_identity(self, packet: Packet) -> Identity | None:
        if self._settings is None:
            return None
        expert_id = self._settings.value(identity_key(packet.manifest.packet_id))
        if expert_id and any(e.id == expert_id for e in packet.manifest.roster):
            return Identity(str(expert_id), None)
        return None

    def _first_recusals(self, session: ReviewSession) -> None:
        """Ask for conflicts of interest once per packet and expert, before scoring."""
        key = declared_key(session.packet_id, session.expert_id)
        if session.recusals() or (self._settings is not None and self._settings.value(key)):
            return
        subs = [session.submission(sid) for sid in session.assigned]
        declared = self._declare(self, subs, {})
        if declared is None:
            return  # dismissed: asked again next time
        for sid, reason in declared.items():
            try:
                session.recuse(sid, reason)
            except PanelDeskError as err:
                QMessageBox.warning(self, self.tr("未能保存"), str(err))
        if self._settings is not None:
            self._settings.setValue(key, True)

    def close_packet(self) -> None:
        if self._packet is not None:
            self.evidence.set_submission(None)
            self.app_view.set_submission(None)
            self._packet.close()
            self._packet = None

    # -- recent packets -------------------------------------------------------------------

    def recent_packets(self) -> list[str]:
        if self._settings is None:
            return []
        value = self._settings.value(RECENT_KEY) or []
        items = [value] if isinstance(value, str) else list(value)
        return [str(v) for v in items if v][:RECENT_MAX]

    def _remember_recent(self, path: Path) -> None:
        if self._settings is None:
            return
        text = str(path.resolve())
        items = [text, *(p for p in self.recent_packets() if p != text)][:RECENT_MAX]
        self._settings.setValue(RECENT_KEY, items)
        self._settings.setValue(LAST_DIR_KEY, str(path.parent))
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        items = self.recent_packets()
        for text in items:
            action = QAction(Path(text).name, self)
            action.setToolTip(text)
            action.triggered.connect(lambda _c=False, p=text: self.open_path(Path(p)))
            self.recent_menu.addAction(action)
        self.recent_menu.setEnabled(bool(items))
