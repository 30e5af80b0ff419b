"""核对专家密钥指纹: the organizer compares an unknown key's fingerprint with the expert.

A sheet signed by an unpinned key is as "valid" as one forged by someone else; only an
out-of-band comparison of the fingerprint (read aloud, or from the printed 说明 sheet)
tells them apart.  Accepting pins the key for that expert and packet.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.keys import format_fingerprint


@dataclass(frozen=True)
class KeyCheck:
    """What the organizer compares: the key that signed `file` for `expert`."""

    expert: str
    name: str
    file: str
    fingerprint: str


def normalise_fingerprint(text: str) -> str:
    """What was typed or read out, as bare lowercase hex ("3F2A 9C01" → "3f2a9c01")."""
    return "".join(ch for ch in text.lower() if ch in "0123456789abcdef")


class KeyCheckDialog(QDialog):
    """Both fingerprints side by side: the sheet's, and the one the expert reads out.

    Accepting needs either a typed fingerprint that matches or, when the organizer
    compared group by group aloud, the check box — a typed mismatch always blocks.
    """

    def __init__(self, check: KeyCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("核对专家密钥指纹"))
        self._expected = normalise_fingerprint(check.fingerprint)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "评分表 {file} 的签名有效，但专家 {name}（{expert}）的密钥尚未登记。请当面或电话"
            "请专家读出自己的密钥指纹（评分表“说明”页上也印有），与下面的指纹逐组核对。"
            "他人冒签的评分表同样“签名有效”，只有核对指纹才能识别。").format(
                file=check.file, name=check.name, expert=check.expert), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.sheet_fingerprint = QLabel(format_fingerprint(check.fingerprint), self)
        self.sheet_fingerprint.setStyleSheet(
            "font-family: monospace; font-size: 12pt; font-weight: 600;")
        self.sheet_fingerprint.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("评分表中的指纹："), self.sheet_fingerprint)
        self.reported = QLineEdit(self)
        self.reported.setPlaceholderText(self.tr("专家读出的指纹，如 3F2A 9C01 …"))
        form.addRow(self.tr("专家告知的指纹："), self.reported)
        self.match_label = QLabel(self)
        form.addRow("", self.match_label)
        layout.addLayout(form)
        self.compared_box = QCheckBox(self.tr("我已与专家逐组核对，两个指纹完全一致"), self)
        layout.addWidget(self.compared_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.accept_button = buttons.addButton(self.tr("接受并登记密钥"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reported.textChanged.connect(self._update)
        self.compared_box.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        typed = normalise_fingerprint(self.reported.text())
        match = typed == self._expected
        if typed:
            verdict = self.tr("✓ 一致") if match else self.tr("✗ 不一致，请勿接受")
            self.match_label.setText(f"{format_fingerprint(typed)}　{verdict}")
            self.match_label.setStyleSheet("color: #1d7a46;" if match else "color: #b42318;")
        else:
            self.match_label.clear()
        self.accept_button.setEnabled(match if typed else self.compared_box.isChecked())


def confirm_key_dialog(parent: QWidget, check: KeyCheck) -> bool:
    return KeyCheckDialog(check, parent).exec() == QDialog.DialogCode.Accepted
