"""The review window's header: the packet's title, the organizer's key and who reviews.

Before a packet is open it says how to open one.  The fingerprint is shown grouped, as
people read it aloud to compare it out of band.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.keys import format_fingerprint
from ui.plain_text import plain_labels


class PacketHeader(QWidget):
    """Two lines above the review panes (`title_label`, `meta_label`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
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

    def show_packet(self, packet: Any, expert: Any) -> str:
        """Show `packet` (None: none open) and its `expert`; returns the window's title."""
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
