"""Opening a packet encrypted at rest in the review window: the passphrase dialog, once per
packet per session; a wrong passphrase asks again with the reason; the OS keyring keeps a
passphrase only when the expert ticked "remember"."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from app.packet import remembered
from app.packet.sealed import KdfParams, packet_key_id, seal_file
from ui.review.packet_passphrases import PacketPassphrases
from ui.review.passphrase_dialog import PassphraseAnswer, PassphraseDialog

PASS = "三只 灰色的 鸽子"


@pytest.fixture
def sealed_path(packet_path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "sealed.panelpack"
    seal_file(packet_path, target, PASS, KdfParams(10, 8, 1))
    return target


class Keyring(SimpleNamespace):
    """A stand-in for app.packet.remembered with a working backend."""

    def __init__(self, works: bool = True) -> None:
        super().__init__(stored={}, works=works)

    def available(self) -> bool:
        return self.works

    def recall(self, key_id: str) -> str | None:
        return self.stored.get(key_id)

    def remember(self, key_id: str, passphrase: str) -> bool:
        self.stored[key_id] = passphrase
        return True

    def forget(self, key_id: str) -> None:
        self.stored.pop(key_id, None)


class Asker:
    """Answers the dialog from a list; records whether remembering was offered and why asked."""

    def __init__(self, *answers: PassphraseAnswer | None) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[bool, str | None]] = []

    def __call__(self, _parent, _path, can_remember: bool, problem: str | None):
        self.asked.append((can_remember, problem))
        return self.answers.pop(0)


def window_with(make_window, asker: Asker, keyring: Keyring):
    window = make_window()
    window.opener.passphrases = PacketPassphrases(ask=asker, store=keyring)
    return window


def test_asks_once_per_packet_per_session(make_window, sealed_path: Path, dialogs) -> None:
    asker, keyring = Asker(PassphraseAnswer(PASS, False)), Keyring()
    window = window_with(make_window, asker, keyring)
    window.open_path(sealed_path)
    assert window.packet is not None and window.packet.encrypted and dialogs == []
    assert window.list_panel.model.rowCount() == 4
    assert asker.asked == [(True, None)] and keyring.stored == {}  # not ticked: not stored
    window.open_path(sealed_path)  # again in the same session: no question
    assert len(asker.asked) == 1 and window.packet is not None


def test_wrong_passphrase_asks_again_with_the_reason(make_window, sealed_path: Path,
                                                     dialogs) -> None:
    asker = Asker(PassphraseAnswer("鸽子", True), PassphraseAnswer(PASS, True))
    keyring = Keyring()
    window = window_with(make_window, asker, keyring)
    window.open_path(sealed_path)
    assert window.packet is not None and dialogs == []
    problem = asker.asked[1][1]
    assert problem is not None and "口令错误" in problem and "sealed.panelpack" in problem
    # Ticked, and only the passphrase that worked is kept.
    assert keyring.stored == {packet_key_id(sealed_path): PASS}


def test_a_remembered_passphrase_opens_without_asking_and_a_stale_one_is_dropped(
        make_window, sealed_path: Path) -> None:
    keyring = Keyring()
    keyring.stored[packet_key_id(sealed_path)] = PASS
    asker = Asker()
    window = window_with(make_window, asker, keyring)
    window.open_path(sealed_path)
    assert window.packet is not None and asker.asked == []

    keyring.stored[packet_key_id(sealed_path)] = "旧口令"
    other = window_with(make_window, Asker(None), keyring)  # a new session
    other.open_path(sealed_path)
    assert other.packet is None and keyring.stored == {}
    assert "已取消" in other.statusBar().currentMessage()


def test_cancelling_the_dialog_opens_nothing(make_window, sealed_path: Path, dialogs) -> None:
    window = window_with(make_window, Asker(None), Keyring(works=False))
    window.open_path(sealed_path)
    assert window.packet is None and dialogs == []


def test_the_remember_box_is_hidden_without_a_keyring(qtbot, sealed_path: Path) -> None:
    for can_remember in (False, True):
        dialog = PassphraseDialog(sealed_path, can_remember=can_remember, problem="口令错误")
        qtbot.addWidget(dialog)
        assert dialog.remember.isHidden() is not can_remember
        assert not dialog.remember.isChecked() and not dialog.problem.isHidden()
        dialog.field.setText(PASS)
        dialog.remember.setChecked(True)
        assert dialog.answer() == PassphraseAnswer(PASS, can_remember)


def test_no_keyring_package_means_no_remembering(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "keyring", None)  # import keyring fails
    assert remembered.available() is False
    assert remembered.recall("x") is None and remembered.remember("x", "y") is False
    remembered.forget("x")


def test_the_organizer_window_reuses_the_sessions_passphrase(make_window, sealed_path: Path,
                                                             qtbot, dialogs) -> None:
    asker = Asker(PassphraseAnswer(PASS, False))
    window = window_with(make_window, asker, Keyring())
    window.open_path(sealed_path)
    window.menus.organizer.trigger()
    [organizer] = window.organizer.windows
    qtbot.addWidget(organizer)
    assert organizer.isVisible() and dialogs == [] and len(asker.asked) == 1
