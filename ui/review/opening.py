"""Opening a packet for review: verified off the GUI thread, with progress and cancel.

`PacketOpener` runs `open_and_verify` on the task runner, one packet at a time, and
shows a progress bar and a cancel button in the status bar it is given.  A packet that
opened is handed on with `opened(path, packet)` — who reviews it is `CheckIn`'s question;
a failure is shown at once (the message names the file and the problem) and leaves the
packet already open as it was.  A packet encrypted at rest needs its passphrase first
(`PacketPassphrases`: this session's, the keyring's, or the dialog's); a wrong one is
said in the dialog, which asks again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QProgressBar, QPushButton, QStatusBar

from app.errors import PanelDeskError
from app.packet import Packet, open_packet
from app.packet.sealed import WrongPassphrase
from app.packet.source import is_encrypted
from app.packet.verified import is_known_good, remember_good
from app.render.pool import default_pool
from ui.i18n import error_text
from ui.plain_text import plain_tooltip
from ui.review.packet_passphrases import PacketPassphrases
from ui.task_runner import ProgressRelay, TaskRunner

PACKET_SUFFIX = ".panelpack"


def open_and_verify(path: Path, progress: Any = None, cancelled: Any = None,
                    passphrase: str | None = None) -> Packet:
    """Open a packet and hash every member (worker thread); a bad byte refuses it now.

    An unchanged file verified fully before is not hashed again (`app.packet.verified`);
    its signature and member list are still checked, and every read is hash-checked.
    A PDF render worker starts meanwhile, so the first PDF does not wait for it.
    """
    default_pool().warm()
    import app.workspace.session  # noqa: F401 — loaded here, off the GUI thread
    packet = open_packet(path, passphrase=passphrase)  # scrypt runs here, off the GUI thread
    try:
        if not is_known_good(path, packet.manifest_hash):
            packet.verify_all(progress=progress, cancelled=cancelled)
            remember_good(path, packet.manifest_hash)
    except BaseException:
        packet.close()
        raise
    return packet


def dropped_packet(mime: QMimeData) -> Path | None:
    """The first packet file among dragged-in files, if any."""
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(PACKET_SUFFIX):
            return Path(url.toLocalFile())
    return None


class PacketOpener(QObject):
    """Opens one packet at a time on `runner`; see the module docstring."""

    opened = Signal(object, object)  # path, Packet
    busy_changed = Signal(bool)

    def __init__(self, runner: TaskRunner, status_bar: QStatusBar,
                 opener: Callable[..., Packet] = open_and_verify,
                 parent: QObject | None = None,
                 passphrases: PacketPassphrases | None = None) -> None:
        super().__init__(parent)
        self.passphrases = passphrases or PacketPassphrases()
        self._runner = runner
        self._status_bar = status_bar
        self._opener = opener
        self._relay: ProgressRelay | None = None
        self._closed = False
        self.progress_bar = QProgressBar(status_bar)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setMaximumWidth(240)
        self.cancel_button = QPushButton(self.tr("取消"), status_bar)
        self.cancel_button.clicked.connect(self.cancel)
        for widget in (self.progress_bar, self.cancel_button):
            status_bar.addPermanentWidget(widget)
            widget.hide()

    @property
    def busy(self) -> bool:
        return self._relay is not None

    def open_path(self, path: Path | str, problem: str | None = None) -> None:
        """Open and verify `path` on the runner (ignored while another is opening).

        An encrypted packet asks for its passphrase first (`problem`: why it asks again).
        """
        if self._relay is not None:
            return
        path = Path(path)
        secret: tuple[str, ...] = ()
        if is_encrypted(path):
            try:
                passphrase = self.passphrases.get(self._status_bar.window(), path, problem)
            except PanelDeskError as err:
                QMessageBox.critical(self._status_bar.window(), self.tr("无法打开评审包"), error_text(err))
                return
            if passphrase is None:
                self._status_bar.showMessage(self.tr("已取消打开评审包。"))
                return
            secret = (passphrase,)
        relay = ProgressRelay(self._show_progress, self)
        self._relay = relay
        self.busy_changed.emit(True)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.cancel_button.show()
        self._status_bar.showMessage(self.tr("正在打开并校验评审包：{name}…").format(name=path.name))
        self._runner.run(self._opener, path, relay, relay.cancelled, *secret,
                         on_done=lambda packet: self._done(path, packet),
                         on_error=lambda err: self._failed(path, err))

    def cancel(self) -> None:
        if self._relay is not None:
            self._relay.cancel()

    def close(self) -> None:
        """The window is closing: cancel, and close whatever still arrives."""
        self._closed = True
        self.cancel()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress_bar.setValue(int(done * 1000 // total) if total > 0 else 1000)

    def _finish(self) -> bool:
        """Hide the progress; True if the user cancelled."""
        relay, self._relay = self._relay, None
        if relay is not None:
            relay.deleteLater()
        self.progress_bar.hide()
        self.cancel_button.hide()
        self._status_bar.clearMessage()
        self.busy_changed.emit(False)
        return relay is not None and relay.cancelled()

    def _done(self, path: Path, packet: Packet) -> None:
        self._finish()
        if not self.passphrases.succeeded(path):
            self._status_bar.showMessage(self.tr("无法在系统钥匙串中保存口令，下次打开时需要重新输入。"))
        if self._closed:
            packet.close()
            return
        self.opened.emit(path, packet)

    def _failed(self, path: Path, err: BaseException) -> None:
        cancelled = self._finish()
        wrong = isinstance(err, WrongPassphrase)
        self.passphrases.failed(path, wrong)
        if self._closed:
            return
        if wrong and not cancelled:
            self.open_path(path, QCoreApplication.translate("PacketSeal", err.template).format(
                **err.fields))
            return
        if cancelled:
            self._status_bar.showMessage(self.tr("已取消打开评审包。"))
            return
        message = error_text(err) if isinstance(err, PanelDeskError) else self.tr(
            "打开评审包时发生内部错误（{kind}: {detail}）。").format(
            kind=type(err).__name__, detail=err)
        QMessageBox.critical(self._status_bar.window(), self.tr("无法打开评审包"),
                             plain_tooltip(message))
