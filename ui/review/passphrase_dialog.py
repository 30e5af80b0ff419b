"""Asking for the passphrase of a packet encrypted at rest.

Shown by `PacketOpener` before an encrypted packet is opened, unless the passphrase is
already known this session or remembered in the OS keyring.  The "remember on this
computer" box appears only when a keyring backend works (`app.packet.remembered`) and is
never ticked by default.  After a wrong passphrase the dialog comes back with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class PassphraseAnswer:
    passphrase: str
    remember: bool


class PassphraseDialog(QDialog):
    """Passphrase for one encrypted packet; `answer()` after `exec()` returned Accepted."""

    def __init__(self, path: Path, *, can_remember: bool, problem: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打开加密评审包"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("评审包“{name}”已加密。请输入组织方告知的评审包口令：").format(
            name=path.name))
        intro.setTextFormat(Qt.TextFormat.PlainText)  # a file name is never markup
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.problem = QLabel(problem or "")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setVisible(bool(problem))
        layout.addWidget(self.problem)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("评审包口令"))
        layout.addWidget(self.field)
        self.remember = QCheckBox(self.tr("在这台电脑上记住口令（保存在系统钥匙串中）"))
        self.remember.setChecked(False)
        self.remember.setVisible(can_remember)
        layout.addWidget(self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("打开"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._can_remember = can_remember

    def _accept(self) -> None:
        if not self.field.text():
            self.problem.setText(self.tr("口令不能为空。"))
            self.problem.show()
            return
        self.accept()

    def answer(self) -> PassphraseAnswer:
        return PassphraseAnswer(self.field.text(),
                                self._can_remember and self.remember.isChecked())


def ask_passphrase(parent: QWidget | None, path: Path, can_remember: bool,
                   problem: str | None) -> PassphraseAnswer | None:
    """Show the dialog modally; None when the expert cancelled."""
    dialog = PassphraseDialog(path, can_remember=can_remember, problem=problem, parent=parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()
    finally:
        dialog.deleteLater()
