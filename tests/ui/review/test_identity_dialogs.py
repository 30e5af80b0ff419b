"""IdentityDialog (create / unlock key, pinned mismatch) and RecusalDialog (reasons)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from app.keys import KeyStore
from app.model import Expert
from ui.review.identity_dialog import IdentityDialog, fingerprints_differ
from ui.review.recusal_dialog import RecusalDialog

ROSTER = [Expert("E1", "林思远", "某大学"), Expert("E2", "陈若溪", "某研究院", "ab" * 20)]


def test_create_key_needs_matching_passphrases(qtbot, paneldesk_home):
    store = KeyStore(paneldesk_home)
    dialog = IdentityDialog(ROSTER, store, organizer_fingerprint="cd" * 20)
    qtbot.addWidget(dialog)
    assert dialog.creating
    dialog.passphrase.setText("口令一")
    dialog.confirm.setText("口令二")
    dialog.submit()
    assert dialog.result() != QDialog.DialogCode.Accepted and "不一致" in dialog.error_label.text()
    dialog.confirm.setText("口令一")
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.identity.expert_id == "E1" and dialog.identity.fingerprint == store.fingerprint()


def test_unlock_wrong_then_right_and_pinned_warning(qtbot, paneldesk_home):
    store = KeyStore(paneldesk_home)
    store.create("正确口令")
    dialog = IdentityDialog(ROSTER, store, preselect="E2")
    qtbot.addWidget(dialog)
    assert not dialog.creating and dialog.confirm.isHidden()
    assert "登记的公钥指纹" in dialog.warning_label.text()  # E2's pinned key is not ours
    dialog.passphrase.setText("错误口令")
    dialog.submit()
    assert dialog.identity is None and "口令错误" in dialog.error_label.text()
    dialog.passphrase.setText("正确口令")
    dialog.submit()
    assert dialog.identity.expert_id == "E2"


def test_fingerprints_differ():
    assert not fingerprints_differ(None, "aa")
    assert not fingerprints_differ("AB CD", "abcd")
    assert fingerprints_differ("abcd", "abce")


def test_recusal_requires_reasons(qtbot, submissions):
    dialog = RecusalDialog(submissions[:3])
    qtbot.addWidget(dialog)
    assert dialog.none_button.isEnabled() and not dialog.confirm_button.isEnabled()
    dialog.checks["S002"].setChecked(True)
    assert dialog.reasons["S002"].isEnabled() and not dialog.none_button.isEnabled()
    dialog.confirm()
    assert dialog.result() != QDialog.DialogCode.Accepted and "S002" in dialog.error_label.text()
    dialog.reasons["S002"].setText("  本人曾在该单位任职 ")
    dialog.confirm()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.recusals() == {"S002": "本人曾在该单位任职"}


def test_recusal_none_confirms_empty(qtbot, submissions):
    dialog = RecusalDialog(submissions[:2])
    qtbot.addWidget(dialog)
    dialog.none_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.recusals() == {}


def test_the_recusal_reason_example_is_not_cut_off_in_english(qtbot, submissions,
                                                              english_here):
    dialog = RecusalDialog(submissions[:2])
    qtbot.addWidget(dialog)
    dialog.show()
    for reason in dialog.reasons.values():
        assert reason.placeholderText().startswith("Required when checked")
        assert reason.width() > reason.fontMetrics().horizontalAdvance(reason.placeholderText())
