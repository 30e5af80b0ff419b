"""What a new user hit in the review window (issue 15): each defect, as the user met it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from app.errors import PanelDeskError
from app.keys import KeyStore
from app.packet import open_packet
from app.rubrics import load_default_rubric
from tests.ui.review_helpers import Calls
from ui import file_dialogs
from ui.application import open_settings
from ui.common_menus import quit_keys
from ui.review.export_dialog import ExportDialog
from ui.review.rubric_panel import RubricPanel
from ui.review.rubric_widgets import TYPING_COMMIT_MS
from ui.review.window_state import DETAILS_KEY


def export_dialog(qtbot, home: Path, missing: list[str]) -> ExportDialog:
    dialog = ExportDialog(missing, KeyStore(home), home / "E1.xlsx")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


# -- 1. disabled controls look disabled and say why ---------------------------------------

def test_export_button_disabled_until_partial_is_ticked_and_says_why(qtbot, paneldesk_home):
    dialog = export_dialog(qtbot, paneldesk_home, ["S004 尚未评分"])
    assert not dialog.export_button.isEnabled()
    assert dialog.export_hint.isVisible() and "部分评分" in dialog.export_hint.text()
    assert dialog.export_button.toolTip() == dialog.export_hint.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter says why too, and the dialog stays
    assert dialog.isVisible() and "部分评分" in dialog.error_label.text()
    dialog.partial_box.setChecked(True)
    assert dialog.export_button.isEnabled() and not dialog.export_hint.isVisible()


def test_export_menu_is_disabled_without_a_packet_and_says_why(make_window, packet_path):
    window = make_window(Calls())
    assert not window.menus.export.isEnabled()
    assert "请先打开评审包" in window.menus.export.toolTip()
    assert "需先打开评审包" in window.menus.export.text()  # said in the menu itself
    assert window.menus.export.statusTip() == window.menus.export.toolTip()
    window.open_path(packet_path)
    assert window.menus.export.isEnabled() and not window.menus.export.statusTip()
    assert window.menus.export.text() == "导出评分表(&E)…"


# -- 2. 退出 quits the application ----------------------------------------------------------

def test_quit_closes_every_window_after_saving_the_typed_score(qtbot, make_window, packet_path,
                                                              monkeypatch):
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_a: quits.append(True))
    window = make_window(Calls())
    window.show()
    window.open_path(packet_path)
    session = window.session
    other = QMainWindow()  # e.g. the organizer's window
    qtbot.addWidget(other)
    other.show()
    editor = window.rubric_panel.spins["warmth"]
    editor.setFocus()
    qtbot.keyClicks(editor, "27")  # typed, not yet committed
    assert QKeySequence("Ctrl+Q") in quit_keys()
    assert QKeySequence("Ctrl+Q") in window.menus.quit.shortcuts()
    window.menus.quit.trigger()
    assert quits == [True]
    assert not window.isVisible() and not other.isVisible()
    with open_packet(packet_path) as packet:
        from app.workspace import ReviewSession

        with ReviewSession(packet, "E1") as again:
            assert again.scores("S001") == {"warmth": Decimal("27")}
    assert session.workspace is not None  # the window's own session was closed cleanly


# -- 5. no literal ampersand ----------------------------------------------------------------

def test_every_mnemonic_label_in_the_export_dialog_has_a_buddy(qtbot, paneldesk_home):
    dialog = export_dialog(qtbot, paneldesk_home, [])
    labels = [label for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert {label.text() for label in labels} >= {"保存到(&S)：", "密钥口令(&P)："}
    for label in labels:
        assert label.buddy() is not None, label.text()
    assert dialog.findChild(QLabel, "") is not None
    save_label = next(label for label in labels if label.text() == "保存到(&S)：")
    assert save_label.buddy() is dialog.path_edit


# -- 9. out-of-range input is refused visibly, never silently stored as something else ------

def test_typing_12_into_a_10_point_criterion_is_refused_with_a_message(qtbot):
    rubric = load_default_rubric()
    panel = RubricPanel(rubric)
    qtbot.addWidget(panel)
    small = next(c for c in panel.cards if c.criterion.max == 10)
    scores: list[object] = []
    panel.score_changed.connect(lambda _c, v: scores.append(v))
    from app.model import Submission

    sub = Submission(id="S1", category=rubric.categories[0], title="t", unit="u", fields={},
                     text="")
    panel.show_submission(sub, {}, None, {}, False)
    panel.show()
    small.editor.setFocus()
    qtbot.keyClicks(small.editor, "12")
    assert small.refusal.isVisible()
    assert "12" in small.refusal.text() and "10" in small.refusal.text()
    qtbot.wait(TYPING_COMMIT_MS + 300)  # the pause after typing does not store the "1"
    assert scores == []
    qtbot.keyClick(small.editor, Qt.Key.Key_Return)  # the expert confirms what is shown
    assert scores == [Decimal("1")]
    assert "本项为 1" in small.refusal.text()  # and it still says what happened
    small.editor.lineEdit().selectAll()
    qtbot.keyClicks(small.editor, "9")  # a new edit clears the message
    assert not small.refusal.isVisible()


def test_an_off_grid_score_is_snapped_with_a_message(qtbot):
    panel = RubricPanel(load_default_rubric())
    qtbot.addWidget(panel)
    card = panel.cards[0]
    qtbot.keyClicks(card.editor, "9.7")
    qtbot.keyClick(card.editor, Qt.Key.Key_Return)
    assert card.editor.value() == Decimal("9.5")
    assert "9.7" in card.refusal.text() and "9.5" in card.refusal.text()


# -- 10. the running subtotal, collapsible descriptors, a window that fits the screen ------

def test_running_subtotal_from_the_rubric_and_the_total_when_complete(qtbot):
    rubric = load_default_rubric()
    panel = RubricPanel(rubric)
    qtbot.addWidget(panel)
    panel.show()
    scored = {c.id: c.max - 2 for c in rubric.criteria[:-2]}
    from app.model import Submission

    sub = Submission(id="S1", category=rubric.categories[0], title="t", unit="u", fields={},
                     text="")
    panel.show_submission(sub, scored, None, {}, False)
    count = len(rubric.criteria)
    subtotal = rubric.total(scored, sub.category)
    shown = panel.progress_label.text() + panel.subtotal_label.text()
    assert shown == f"已评 {count - 2}/{count} 项，小计 {subtotal.normalize():f}"
    everything = {c.id: c.max for c in rubric.criteria}
    panel.show_submission(sub, everything, None, {}, False)
    assert not panel.subtotal_label.isVisible()
    assert panel.total_label.text().startswith(f"总分 {rubric.max_total().normalize():f}")


def test_descriptors_collapse_to_the_current_level_and_the_choice_is_remembered(
        make_window, packet_path):
    window = make_window(Calls())
    window.show()
    window.open_path(packet_path)
    panel = window.rubric_panel
    card = panel.cards[0]
    assert card.description.isVisible() and panel.details_shown
    panel.details_button.click()
    assert not card.description.isVisible() and not card.guidance.isVisible()
    assert card.criterion.description[:8] in card.name_label.toolTip()  # still at hand
    assert not any(label.isVisible() for label in card.level_labels.values())
    card.editor.set_value(card.criterion.max)
    card.highlight(panel.rubric.level_for(card.criterion.id, card.criterion.max))
    visible = [name for name, label in card.level_labels.items() if label.isVisible()]
    assert visible == [card.current_level()]
    assert open_settings().value(DETAILS_KEY) in (False, "false")
    window.close()
    again = make_window(Calls())
    again.open_path(packet_path)
    assert not again.rubric_panel.details_shown


def test_first_start_fits_the_screen(make_window):
    window = make_window(Calls())
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()


def test_the_list_narrows_but_keeps_room_for_the_title(make_window, packet_path):
    from ui.review.list_model import Column

    window = make_window(Calls())
    window.show()
    window.open_path(packet_path)
    table = window.list_panel.table
    assert window.list_panel.minimumSizeHint().width() < 420  # narrower than the default
    table.resize(table.minimumWidth(), table.height())
    table.horizontalHeader().resizeSections(table.horizontalHeader().ResizeMode.Stretch)
    title = table.fontMetrics().horizontalAdvance("标题标题")
    assert table.columnWidth(Column.TITLE) >= title


# -- 11. files: the last folder, a clear message, one term ---------------------------------

def test_file_dialogs_start_in_the_folder_last_used_for_their_kind(tmp_path):
    settings = open_settings()
    assert file_dialogs.start_folder(file_dialogs.PACKET, settings) == \
        file_dialogs.documents_folder()
    packets, sheets = tmp_path / "packets", tmp_path / "sheets"
    packets.mkdir()
    sheets.mkdir()
    file_dialogs.remember(file_dialogs.PACKET, packets / "a.panelpack", settings)
    file_dialogs.remember(file_dialogs.SHEET, sheets, settings)
    assert file_dialogs.start_folder(file_dialogs.PACKET, settings) == packets
    assert file_dialogs.start_folder(file_dialogs.SHEET, settings) == sheets
    assert file_dialogs.start_folder(file_dialogs.RESULTS, settings) == \
        file_dialogs.documents_folder()


def test_choosing_a_packet_opens_the_dialog_in_the_last_folder(make_window, tmp_path,
                                                               monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    folder = tmp_path / "mail"
    folder.mkdir()
    file_dialogs.remember(file_dialogs.PACKET, folder / "x.panelpack", open_settings())
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda _p, _t, start, _f: (asked.append(start), ("", ""))[1])
    window = make_window(Calls())
    window.choose_packet()
    assert asked == [str(folder)]


def test_a_corrupt_packet_is_explained_in_chinese(make_window, tmp_path, dialogs):
    broken = tmp_path / "评审包.panelpack"
    broken.write_bytes(b"PK\x03\x04 this is not a whole zip file" * 10)
    with pytest.raises(PanelDeskError) as caught:
        open_packet(broken)
    assert "BadZipFile" not in str(caught.value) and "已损坏" in str(caught.value)
    window = make_window(Calls())
    window.open_path(broken)
    kind, _title, text = dialogs[-1]
    assert kind == "critical" and "BadZip" not in text and "重新索取" in text


def test_evidence_has_one_name_everywhere():
    root = Path(__file__).resolve().parents[3]
    sources = [p for package in ("ui", "app") for p in (root / package).rglob("*.py")]
    sources += [root / "README.md", root / "resources" / "translations" / "paneldesk_en.ts"]
    for path in sources:
        assert "证明材料" not in path.read_text(encoding="utf-8"), path


def test_window_shortcuts_win_over_a_text_fields_emacs_keys(make_window, packet_path):
    """On X11 a line edit claims Ctrl+E (end of line): the window's 导出评分表 must run."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    window = make_window(Calls())
    window.open_path(packet_path)

    def override(widget, key) -> bool:  # True: the text field claims the key
        event = QKeyEvent(QEvent.Type.ShortcutOverride, key, Qt.KeyboardModifier.ControlModifier)
        QApplication.sendEvent(widget, event)
        return event.isAccepted()

    for field in (window.list_panel.search, window.rubric_panel.spins["warmth"].lineEdit(),
                  window.rubric_panel.comment):
        assert not override(field, Qt.Key.Key_E), field
    assert override(window.list_panel.search, Qt.Key.Key_A)  # select all stays the field's
