"""The review window's header: the packet's title, the organizer's key and who reviews.

Before a packet is open it is the start screen: how to open a packet, with a button for
it and one into the organizer's workbench.  The fingerprint is shown grouped, as people
read it aloud to compare it out of band.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.keys import format_fingerprint
from ui.plain_text import plain_labels


class PacketHeader(QWidget):
    """Two lines above the review panes (`title_label`, `meta_label`); with no packet open,
    the start buttons (`open_button`, `workbench_button`) below them."""

    def __init__(self, parent: QWidget | None = None,
                 open_packet: Callable[[], None] | None = None,
                 open_workbench: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("packetTitle")
        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("packetMeta")
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        plain_labels(self.title_label, self.meta_label)  # the packet's title, expert names
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        self.start = QWidget(self)
        buttons = QHBoxLayout(self.start)
        buttons.setContentsMargins(0, 4, 0, 0)
        self.open_button = QPushButton(self.tr("打开评审包…"), self.start)
        self.workbench_button = QPushButton(self.tr("组织方工作台…"), self.start)
        self.workbench_button.setToolTip(self.tr("组织方：从申报材料到评审包、导入评分表和结果"))
        for button, slot in ((self.open_button, open_packet),
                             (self.workbench_button, open_workbench)):
            button.setVisible(slot is not None)
            if slot is not None:
                button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.start)

    def show_packet(self, packet: Any, expert: Any) -> str:
        """Show `packet` (None: none open) and its `expert`; returns the window's title."""
        self.start.setVisible(packet is None)
        if packet is None:
            self.title_label.setText(self.tr("尚未打开评审包"))
            self.meta_label.setText(self.tr("请从“文件 ▸ 打开评审包…”选择组织方发来的 .panelpack "
                                            "文件，或将文件拖到此窗口。"))
            return self.tr("PanelDesk 评审台")
        title = packet.manifest.title
        self.title_label.setText(title)
        fp = packet.organizer_fingerprint
        who = f"{expert.name}（{expert.organization}）" if expert else self.tr("（未确认）")
        self.meta_label.setText(self.tr("组织方公钥指纹：{fp}　　评审专家：{who}").format(
            fp=format_fingerprint(fp) if fp else self.tr("（无）"), who=who))
        return self.tr("{title} — PanelDesk 评审台").format(title=title)
