"""The review window follows the packet's rubric: another rubric's eight criteria get
eight cards and Ctrl+1 … Ctrl+8, its categories fill the filter."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.model import Expert
from scoring.rubric_file import load_rubric
from tests.ui.review_helpers import Calls, _submissions, write_signed_packet

RUBRIC = Path(__file__).parents[2] / "fixtures" / "rubrics" / "community-2027.toml"


def test_criteria_cards_keys_and_categories_come_from_the_rubric(qtbot, make_window, tmp_path):
    rubric = load_rubric(RUBRIC)
    entries = _submissions(3)
    for (sub, _files), category in zip(entries, rubric.categories, strict=True):
        sub.category = category
    packet = write_signed_packet(tmp_path / "other.panelpack", entries, packet_id="OTHER",
                                 title="另一个评审包", roster=[Expert("E1", "林思远", "某大学")],
                                 rubric=rubric.to_dict())
    window = make_window(Calls())
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.open_path(packet)
    assert len(window.rubric_panel.cards) == 8
    assert [a.shortcut().toString() for a in window.menus.criterion_actions] == [
        f"Ctrl+{n}" for n in range(1, 9)]
    combo = window.list_panel.category_combo
    assert [combo.itemData(i) for i in range(1, combo.count())] == list(rubric.categories)
    # Ctrl+8 focuses the eighth criterion; a typed score is saved through the writer.
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    focus = window.focusWidget()
    assert focus is window.rubric_panel.cards[7].editor
    qtbot.keyClicks(focus, "7")
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    assert window.session.scores("S001") == {rubric.criteria[7].id: Decimal(7)}
