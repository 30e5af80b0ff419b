"""Opening the organizer's window from the main window (文件 ▸ 组织方：导入评分表与结果…).

The organizer window gets its own `Packet` (opened and verified on the task runner), so
closing or switching the review window's packet never pulls it from under an import.
The packet is the one open in the review window, or one the user picks; the organizer
database is the SQLite file in the user data folder (`paneldesk sheets import --db`
reaches other databases from the command line).  An encrypted packet's passphrase comes
from the `passphrases` the review window hands over (the same session memory and dialog
as its own opener: a packet unlocked there is not asked for again).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import PanelDeskError
from app.packet import Packet, open_packet
from app.packet.sealed import WrongPassphrase
from app.packet.source import is_encrypted
from app.results.decision_store import DecisionStore
from app.results.panel import Panel, panel_from
from app.sheets.orgdb import OrgDB, default_url
from ui.file_dialogs import PACKET, open_file
from ui.i18n import error_text
from ui.organizer.results_page import ResultsPage
from ui.organizer.window import OrganizerWindow
from ui.plain_text import plain_tooltip

translate = QCoreApplication.translate


def choose_packet_file(parent: QWidget) -> Path | None:
    return open_file(parent, PACKET, translate("OrganizerLaunch", "选择评审包"),
                     translate("OrganizerLaunch", "评审包 (*.panelpack);;所有文件 (*)"))


class OrganizerLauncher:
    """Opens (and keeps alive) organizer windows for a parent window."""

    def __init__(self, parent: QWidget, runner: Any, settings: QSettings | None,
                 open_db: Callable[[], OrgDB] | None = None,
                 choose: Callable[[QWidget], Path | None] = choose_packet_file,
                 passphrases: Any = None) -> None:
        self._parent = parent
        self._passphrases = passphrases  # ui.review's PacketPassphrases (not imported: layers)
        self._runner = runner
        self._settings = settings
        self._open_db = open_db
        self._choose = choose
        self.windows: list[OrganizerWindow] = []

    def open(self, packet_path: Path | None) -> None:
        """Verify `packet_path` (or a chosen file) off the GUI thread, then show the window."""
        path = packet_path or self._choose(self._parent)
        if path is None:
            return
        secret = None
        if self._passphrases is not None and is_encrypted(path):
            try:
                secret = self._passphrases.get(self._parent, path)
            except PanelDeskError as err:
                self._failed(err)
                return
            if secret is None:
                return
        self._runner.run(open_packet, path, None, secret,
                         on_done=lambda packet: self._opened(path, packet),
                         on_error=lambda err: self._open_failed(path, err))

    def _opened(self, path: Path, packet: Packet) -> None:
        if self._passphrases is not None:
            self._passphrases.succeeded(path)
        self._show(packet)

    def _open_failed(self, path: Path, err: BaseException) -> None:
        wrong = isinstance(err, WrongPassphrase)
        if self._passphrases is not None:
            self._passphrases.failed(path, wrong)
        self._failed(err)

    def _show(self, packet: Packet) -> None:
        if self._open_db is None:
            url = default_url()
            self._open_db = lambda: OrgDB(url)
        open_db = self._open_db

        def load_panel() -> Panel:
            with open_db() as db:
                return panel_from(packet, db)

        results = ResultsPage(self._runner, load_panel,
                              decisions=DecisionStore(open_db, packet.manifest.packet_id))
        window = OrganizerWindow(self._runner, packet, open_db, settings=self._settings,
                                 pages_extra=[(translate("OrganizerLaunch", "结果"), results)])
        results.status_message.connect(window.statusBar().showMessage)
        results.import_wanted.connect(lambda: window.tabs.setCurrentWidget(window.import_page))
        window.import_page.imported.connect(results.refresh)
        results.refresh()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda _obj=None, p=packet: p.close())
        window.destroyed.connect(lambda _obj=None, w=window: self._forget(w))
        self.windows.append(window)
        window.show()

    def _forget(self, window: OrganizerWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def _failed(self, err: BaseException) -> None:
        text = error_text(err) if isinstance(err, PanelDeskError) else translate(
            "OrganizerLaunch", "打开评审包时发生内部错误（{kind}: {detail}）。").format(
                kind=type(err).__name__, detail=err)
        QMessageBox.warning(self._parent, translate("OrganizerLaunch", "无法打开评审包"),
                            plain_tooltip(text))
