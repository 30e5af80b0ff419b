"""The organizer's window: packet header, tabs (导入评分表 first, then e.g. 结果), status bar.

The window only frames the pages: each page gets its collaborators (task runner, the
open packet, `open_db` returning an `OrgDB`) from whoever opens the window, so the same
window runs on SQLite or PostgreSQL and in tests with a synchronous runner.  Geometry is
remembered in the given QSettings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from app.keys import format_fingerprint
from app.sheets.orgdb import OrgDB
from ui.common_menus import add_quit_action
from ui.organizer.import_page import ImportPage
from ui.plain_text import plain_labels
from ui.screen_fit import fit_first_size

GEOMETRY_KEY = "organizer/geometry"


class OrganizerWindow(QMainWindow):
    """组织方 — {packet title}: the import page and any extra pages as tabs."""

    def __init__(self, runner: Any, packet: Any, open_db: Callable[[], OrgDB],
                 pages_extra: Sequence[tuple[str, QWidget]] = (),
                 settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        manifest = packet.manifest
        self.setWindowTitle(self.tr("组织方 — {title}").format(title=manifest.title))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 6)
        self.header_label = QLabel(manifest.title, central)
        self.header_label.setObjectName("packetTitle")
        plain_labels(self.header_label)
        self.meta_label = QLabel(self.tr(
            "评审包编号 {packet_id} · {submissions} 份申报 · {experts} 位专家 · "
            "组织方密钥指纹 {fingerprint}").format(
                packet_id=manifest.packet_id, submissions=len(manifest.submissions),
                experts=len(manifest.roster),
                fingerprint=format_fingerprint(packet.organizer_fingerprint)), central)
        self.meta_label.setObjectName("packetMeta")
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.header_label)
        layout.addWidget(self.meta_label)
        self.tabs = QTabWidget(central)
        self.import_page = ImportPage(runner, packet, open_db, self.tabs)
        self.import_page.status_message.connect(self.statusBar().showMessage)
        self.tabs.addTab(self.import_page, self.tr("导入评分表"))
        for title, page in pages_extra:
            self.tabs.addTab(page, title)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.quit = add_quit_action(self, self.menuBar().addMenu(self.tr("文件(&F)")))
        self.statusBar().showMessage(self.tr("把专家交回的评分表拖到“导入评分表”页即可导入"))
        geometry = settings.value(GEOMETRY_KEY) if settings is not None else None
        if geometry is None or not self.restoreGeometry(geometry):
            fit_first_size(self, 1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._settings is not None:
            self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
            self._settings.sync()
        super().closeEvent(event)
