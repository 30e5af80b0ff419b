"""创建组织方密钥: OK waits for a long enough passphrase typed twice alike, and the dialog
says which is missing."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from ui.organizer.panel_dialogs import NewKeyDialog


def test_the_key_dialog_says_why_ok_waits(qtbot) -> None:
    dialog = NewKeyDialog(None)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.hint.text() == "口令至少 8 个字符"
    dialog.first.setText("短口令")
    dialog.second.setText("短口令")
    assert not ok.isEnabled() and dialog.hint.text() == "口令至少 8 个字符"
    dialog.first.setText("组织方的口令123")
    dialog.second.setText("")
    assert not ok.isEnabled() and "再输一次" in dialog.hint.text()
    dialog.second.setText("组织方的口令124")
    assert not ok.isEnabled() and dialog.hint.text() == "两次输入的口令不一致"
    dialog.second.setText("组织方的口令123")
    assert ok.isEnabled() and dialog.hint.text() == ""
    assert dialog.value() == "组织方的口令123"
