"""Flipping through the list with a key held down: the rubric follows every switch at
once, text and evidence are coalesced to the last one, and no mark is ever lost."""

from __future__ import annotations

from decimal import Decimal

import pytest

import ui.review.switching as switching
from tests.ui.review_helpers import Calls


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every switch counts as one of a held key's (however slow the test machine)."""
    monkeypatch.setattr(switching, "RAPID_SWITCH_MS", 60_000)


def test_held_keys_end_on_the_last_submission_with_everything_shown(
        qtbot, make_window, packet_path, held):
    window = make_window(Calls())
    window.open_path(packet_path)
    assert window.current_submission == "S001"
    assert window.app_view.submission.id == "S001"  # the first switch: at once
    window.step(1)
    window.step(1)
    window.step(1)
    assert window.current_submission == "S004"
    assert window.rubric_panel._submission.id == "S004"  # at once
    assert window.list_panel.table.currentIndex().data() == "S004"
    assert window.evidence.model.files()[0].name.startswith("S004/")  # listed, not read
    assert window.pacer.pending
    qtbot.waitUntil(lambda: not window.pacer.pending, timeout=3000)
    assert window.app_view.submission.id == "S004"
    assert window.evidence.current_file.name.startswith("S004/")
    assert window.session.last_submission() == "S004"


def test_position_of_an_unsettled_switch_is_remembered_at_close(make_window, packet_path,
                                                               held):
    window = make_window(Calls())
    window.open_path(packet_path)
    session = window.session
    window.step(1)
    window.step(1)
    assert window.pacer.pending
    window.close()
    assert not window.pacer.pending
    again = make_window(Calls())
    again.open_path(packet_path)
    assert again.current_submission == "S003" and session is not again.session


def test_marks_pending_when_keys_are_held_go_to_their_own_submission(qtbot, make_window,
                                                                    packet_path, held):
    window = make_window(Calls())
    window.open_path(packet_path)
    session = window.session
    crit = session.rubric.criteria[0].id
    editor = window.rubric_panel.spins[crit]
    editor.setFocus()
    qtbot.keyClicks(editor, "7")  # typed, not yet committed (no Enter)
    window.step(1)
    assert session.scores("S001") == {crit: Decimal("7")}
    window.rubric_panel.comment.insertPlainText("数据需核实。")  # on S002, while flipping
    window.step(1)
    window.step(-1)
    window.step(1)
    assert session.comment("S002") == "数据需核实。"
    assert session.scores("S002") == {} and session.scores("S003") == {}
    assert session.comment("S001") is None and session.comment("S003") is None
    qtbot.waitUntil(lambda: not window.pacer.pending, timeout=3000)
    assert window.current_submission == "S003"
    assert window.rubric_panel.spins[crit].value() is None


def test_an_ordinary_switch_shows_everything_at_once(make_window, packet_path, monkeypatch):
    monkeypatch.setattr(switching, "RAPID_SWITCH_MS", -1)
    window = make_window(Calls())
    window.open_path(packet_path)
    window.step(1)
    assert not window.pacer.pending
    assert window.app_view.submission.id == "S002"
    assert window.evidence.current_file.name.startswith("S002/")
    assert window.session.last_submission() == "S002"
