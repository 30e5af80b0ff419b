"""Who am I on this panel: pick yourself from the roster, then create or unlock your key.

Shown the first time a packet is opened on this machine (the window remembers the
choice per packet id).  The key is the one `paneldesk key` manages (`app.keys.KeyStore`):
if none exists yet, the expert chooses a passphrase (typed twice); otherwise they unlock
it.  A wrong passphrase keeps the dialog open with the reason.  The dialog shows the
organizer's fingerprint (to compare with what the organizer said out of band) and the
expert's own, grouped for reading aloud; if the roster pins a different fingerprint for
the chosen expert, a warning says so (the organizer will not accept the sheet as is).
Scrypt takes about a tenth of a second, once per packet, so it runs inline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import PanelDeskError
from app.keys import KeyStore, format_fingerprint
from app.model import Expert
from ui.i18n import error_text
from ui.plain_text import plain_labels


@dataclass(frozen=True)
class Identity:
    """The expert chosen and the fingerprint of the key they unlocked or created."""

    expert_id: str
    fingerprint: str | None


def fingerprints_differ(pinned: str | None, mine: str | None) -> bool:
    """True when the roster pins a fingerprint and it is not the key's."""
    if not pinned or not mine:
        return False
    clean = (pinned.replace(" ", "").lower(), mine.replace(" ", "").lower())
    return clean[0] != clean[1]


class IdentityDialog(QDialog):
    """Pick yourself from `roster`, then create or unlock the key in `keystore`."""

    def __init__(self, roster: Sequence[Expert], keystore: KeyStore, *,
                 organizer_fingerprint: str | None = None, packet_title: str = "",
                 preselect: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("确认评审专家身份"))
        self.setObjectName("identityDialog")
        self._roster = list(roster)
        self._keystore = keystore
        self._creating = not keystore.exists()
        self.identity: Identity | None = None
        self.setMinimumWidth(560)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("评审包：{title}\n请从专家名单中选择您本人，并{action}您的签名密钥。"
                               "评分表导出时将用此密钥签名。").format(
            title=packet_title or "—",
            action=self.tr("创建") if self._creating else self.tr("解锁")), self)
        intro.setWordWrap(True)
        plain_labels(intro)  # the packet's title
        layout.addWidget(intro)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.expert_combo = QComboBox(self)
        for expert in self._roster:
            text = f"{expert.name}（{expert.organization}）" if expert.organization else expert.name
            self.expert_combo.addItem(text, expert.id)
        if preselect is not None and (i := self.expert_combo.findData(preselect)) >= 0:
            self.expert_combo.setCurrentIndex(i)
        form.addRow(self.tr("我是(&E)："), self.expert_combo)

        organizer = QLabel(format_fingerprint(organizer_fingerprint)
                           if organizer_fingerprint else self.tr("（无）"), self)
        organizer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        organizer.setObjectName("fingerprint")
        form.addRow(self.tr("组织方公钥指纹："), organizer)

        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        if self._creating:
            self.passphrase.setPlaceholderText(self.tr("设置口令（请牢记，遗失后无法找回）"))
            form.addRow(self.tr("新口令(&P)："), self.passphrase)
            form.addRow(self.tr("再次输入(&C)："), self.confirm)
        else:
            self.confirm.hide()
            form.addRow(self.tr("密钥口令(&P)："), self.passphrase)
        self.mine_label = QLabel(self._own_fingerprint_text(), self)
        self.mine_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mine_label.setObjectName("fingerprint")
        form.addRow(self.tr("我的公钥指纹："), self.mine_label)
        layout.addLayout(form)

        self.warning_label = QLabel(self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color:#8a4b08;")
        layout.addWidget(self.warning_label)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color:#b42318;")
        layout.addWidget(self.error_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("创建密钥并继续") if self._creating else self.tr("解锁并继续"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.expert_combo.currentIndexChanged.connect(self._check_pinned)
        self._check_pinned()
        self.passphrase.setFocus()

    @property
    def creating(self) -> bool:
        """True when no key exists yet and the dialog will create one."""
        return self._creating

    def selected_expert(self) -> Expert | None:
        expert_id = self.expert_combo.currentData()
        return next((e for e in self._roster if e.id == expert_id), None)

    def _own_fingerprint_text(self) -> str:
        if self._creating:
            return self.tr("（创建后显示）")
        try:
            return format_fingerprint(self._keystore.fingerprint())
        except PanelDeskError as err:
            return error_text(err)

    def _check_pinned(self) -> None:
        expert = self.selected_expert()
        mine = None if self._creating else self._safe_fingerprint()
        if expert is not None and fingerprints_differ(expert.fingerprint, mine):
            self.warning_label.setText(self.tr(
                "注意：组织方为“{name}”登记的公钥指纹（{pinned}）与本机密钥不同。"
                "导出的评分表将无法被直接认可，请联系组织方核对。").format(
                name=expert.name, pinned=format_fingerprint(expert.fingerprint or "")))
        else:
            self.warning_label.clear()

    def _safe_fingerprint(self) -> str | None:
        try:
            return self._keystore.fingerprint()
        except PanelDeskError:
            return None

    def submit(self) -> None:
        """Create or unlock the key; accept on success, otherwise say why and stay open."""
        expert = self.selected_expert()
        if expert is None:
            self.error_label.setText(self.tr("专家名单为空，无法继续。"))
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.error_label.setText(self.tr("请输入口令。"))
            return
        try:
            if self._creating:
                if passphrase != self.confirm.text():
                    self.error_label.setText(self.tr("两次输入的口令不一致。"))
                    self.confirm.clear()
                    self.confirm.setFocus()
                    return
                fingerprint = self._keystore.create(passphrase)
            else:
                self._keystore.unlock(passphrase)
                fingerprint = self._keystore.fingerprint()
        except PanelDeskError as err:
            self.error_label.setText(error_text(err))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.mine_label.setText(format_fingerprint(fingerprint))
        self.identity = Identity(expert.id, fingerprint)
        self.accept()
