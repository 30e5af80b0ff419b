"""RubricPanel and ScoreEditor driven by the keyboard: exact Decimals, refusals, live total,
comment rules, flags, recusal — and no signal from a programmatic fill."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from app.rubrics import load_default_rubric
from scoring.rubric import Rubric
from scoring.rubric_schema import parse_rubric
from ui.review.rubric_panel import COMMENT_DEBOUNCE_MS, RubricPanel
from ui.review.rubric_widgets import EMPTY_TEXT, ScoreEditor

CRITS = ("warmth", "efficacy", "authenticity", "typicality", "storytelling", "compliance")


@pytest.fixture
def rubric() -> Rubric:
    return load_default_rubric()


@pytest.fixture
def weighted_rubric(rubric: Rubric) -> Rubric:
    data = rubric.to_dict()
    data["category_weights"] = {"创新机制": {"warmth": "0.5", "efficacy": "1.5"}}
    return parse_rubric(data)


@pytest.fixture
def panel(qtbot, rubric):
    widget = RubricPanel(rubric)
    qtbot.addWidget(widget)
    widget.resize(520, 740)
    return widget


class Recorder:
    def __init__(self, panel: RubricPanel) -> None:
        self.scores: list[tuple[str, object]] = []
        self.comments: list[str] = []
        self.flags: list[tuple[str, bool, object]] = []
        panel.score_changed.connect(lambda c, v: self.scores.append((c, v)))
        panel.comment_changed.connect(self.comments.append)
        panel.flag_changed.connect(lambda f, on, cat: self.flags.append((f, on, cat)))

    def empty(self) -> bool:
        return not (self.scores or self.comments or self.flags)


def full(values: list[str]) -> dict[str, Decimal]:
    return dict(zip(CRITS, map(Decimal, values), strict=True))


def type_score(qtbot, panel: RubricPanel, index: int, text: str) -> None:
    editor = panel.cards[index].editor
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_programmatic_fill_emits_nothing_and_shows_stored_marks(panel, submissions):
    rec = Recorder(panel)
    scores = full(["27.5", "26", "9", "8.5", "9", "10"])
    panel.show_submission(submissions[0], scores, "已核实", {"wrong_category": "创新机制",
                                                           "pii_unmasked": None}, False)
    assert rec.empty()
    assert panel.spins["warmth"].lineEdit().text() == "27.5"
    assert panel.spins["efficacy"].lineEdit().text() == "26.0"
    assert panel.current_scores() == scores
    assert panel.total_label.text() == "总分 90 / 100"
    assert panel.progress_label.text() == "已评 6/6 项"
    assert panel.comment.toPlainText() == "已核实"
    assert panel.flag_boxes["wrong_category"].isChecked()
    assert panel.flag_boxes["pii_unmasked"].isChecked()
    assert not panel.flag_boxes["suspect_untrue"].isChecked()
    assert panel.category_combo.currentData() == "创新机制"
    # The submission's own category (感动瞬间) is not offered as a suggestion.
    offered = [panel.category_combo.itemData(i) for i in range(panel.category_combo.count())]
    assert offered == [None, "创新机制", "坚守故事", "治理成效"]
    # Level highlighted: 27.5 is 优秀 (25–30), 26 also 优秀, 8.5 in a 10-point item is 良好.
    assert panel.cards[0].current_level() == "优秀"
    assert panel.cards[3].current_level() == "良好"
    # Guidance for this submission's category.
    assert "感动瞬间" in panel.cards[0].guidance.text()


def test_typing_scores_emits_exact_decimals(qtbot, panel, submissions):
    panel.show_submission(submissions[0], {}, None, {}, False)
    rec = Recorder(panel)
    assert panel.spins["warmth"].lineEdit().text() == EMPTY_TEXT
    type_score(qtbot, panel, 0, "27.5")
    type_score(qtbot, panel, 1, "26")
    assert rec.scores == [("warmth", Decimal("27.5")), ("efficacy", Decimal("26"))]
    assert isinstance(rec.scores[0][1], Decimal)
    assert panel.spins["efficacy"].lineEdit().text() == "26.0"
    assert panel.total_label.text() == "总分 — / 100"
    assert panel.progress_label.text() == "已评 2/6 项"
    assert panel.cards[0].current_level() == "优秀"


def test_arrow_and_page_keys_step_by_half_points(qtbot, panel, submissions):
    panel.show_submission(submissions[0], {"warmth": Decimal("27.5")}, None, {}, False)
    rec = Recorder(panel)
    editor = panel.spins["warmth"]
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_PageDown)  # ten steps = 5 points
    assert [v for _c, v in rec.scores] == [Decimal("28"), Decimal("28.5"), Decimal("28"),
                                           Decimal("23")]
    assert panel.cards[0].current_level() == "良好"
    # At the maximum Up is disabled: 30 cannot be exceeded.
    editor.set_value(Decimal("30"))
    rec.scores.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    assert rec.scores == [] and editor.value() == Decimal("30")
    # From "not scored", Up starts at 0.
    empty = panel.spins["compliance"]
    qtbot.keyClick(empty, Qt.Key.Key_Up)
    assert rec.scores == [("compliance", Decimal("0"))]


def test_out_of_range_and_off_grid_input(qtbot, panel, submissions):
    panel.show_submission(submissions[0], {}, None, {}, False)
    rec = Recorder(panel)
    editor = panel.spins["warmth"]
    qtbot.keyClicks(editor, "31")  # the "1" is refused: 31 > 30
    assert editor.lineEdit().text() == "3"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert rec.scores == [("warmth", Decimal("3"))]
    # Letters and a second decimal place are refused too.
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor, "2a7.55")
    assert editor.lineEdit().text() == "27.5"
    # 10-point criterion: "11" cannot be typed, 9.7 snaps to the 0.5 grid on Enter.
    small = panel.spins["authenticity"]
    qtbot.keyClicks(small, "11")
    assert small.lineEdit().text() == "1"
    small.lineEdit().selectAll()
    qtbot.keyClicks(small, "9.7")
    qtbot.keyClick(small, Qt.Key.Key_Return)
    assert rec.scores[-1] == ("authenticity", Decimal("9.5"))
    assert small.lineEdit().text() == "9.5"


def test_clearing_a_score_emits_none(qtbot, panel, submissions):
    panel.show_submission(submissions[0], {"warmth": Decimal("20")}, None, {}, False)
    rec = Recorder(panel)
    editor = panel.spins["warmth"]
    editor.lineEdit().selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert rec.scores == [("warmth", None)]
    assert editor.lineEdit().text() == EMPTY_TEXT
    assert panel.cards[0].current_level() is None


def test_typed_score_without_enter_is_committed_by_flush(qtbot, panel, submissions):
    panel.show_submission(submissions[0], {}, None, {}, False)
    rec = Recorder(panel)
    qtbot.keyClicks(panel.spins["warmth"], "18.5")
    assert rec.scores == []  # not yet: typing "1" then "18.5" must not write "1" first
    assert panel.cards[0].current_level() == "良好"  # but the display follows at once
    panel.flush_comment()
    assert rec.scores == [("warmth", Decimal("18.5"))]
    panel.flush_comment()  # nothing new: nothing emitted twice
    assert len(rec.scores) == 1
    # A pause after typing commits too.
    qtbot.keyClicks(panel.spins["efficacy"], "7")
    qtbot.waitUntil(lambda: len(rec.scores) == 2, timeout=3000)
    assert rec.scores[1] == ("efficacy", Decimal("7"))


def test_wheel_only_when_focused(qtbot, panel, submissions):
    panel.show_submission(submissions[0], {"warmth": Decimal("20")}, None, {}, False)
    editor = panel.spins["warmth"]
    event = QWheelEvent(QPointF(5, 5), QPointF(5, 5), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    assert not editor.hasFocus()
    QApplication.sendEvent(editor, event)
    assert editor.value() == Decimal("20")
    assert not event.isAccepted()  # left for the scroll area


def test_total_is_exact_with_category_weights(qtbot, weighted_rubric, submissions):
    panel = RubricPanel(weighted_rubric)
    qtbot.addWidget(panel)
    innovation = submissions[1]  # 创新机制: warmth ×0.5, efficacy ×1.5
    assert innovation.category == "创新机制"
    panel.show_submission(innovation, full(["27.5", "26.5", "9", "8.5", "9", "10"]), None, {},
                          False)
    # 0.5×27.5 + 1.5×26.5 + 36.5 = 13.75 + 39.75 + 36.5 = 90
    assert panel.current_total() == Decimal("90")
    assert panel.total_label.text() == "总分 90 / 100"
    assert "权重 ×1.5" in panel.cards[1].weight_label.text()
    assert panel.cards[1].weight_label.isVisibleTo(panel)
    type_score(qtbot, panel, 0, "28")
    assert panel.current_total() == Decimal("90.25")
    assert panel.total_label.text() == "总分 90.25 / 100"
    # The same scores in an unweighted category.
    panel.show_submission(submissions[0], full(["27.5", "26.5", "9", "8.5", "9", "10"]), None,
                          {}, False)
    assert panel.current_total() == Decimal("90.5")
    assert not panel.cards[1].weight_label.isVisibleTo(panel)


def test_comment_required_appears_below_60_and_clears_at_60(qtbot, panel, submissions):
    # 20 + 20 + 5 + 5 + 5 + 4.5 = 59.5
    panel.show_submission(submissions[0], full(["20", "20", "5", "5", "5", "4.5"]), None, {},
                          False)
    assert panel.comment_reason.isVisibleTo(panel)
    assert panel.comment_reason.text() == "总分低于60分，须填写评语"
    assert panel.comment.property("required") is True
    type_score(qtbot, panel, 5, "5")  # total 60
    assert panel.current_total() == Decimal("60")
    assert not panel.comment_reason.isVisibleTo(panel)
    assert panel.comment.property("required") is False
    # Above 90 it is required again.
    type_score(qtbot, panel, 0, "30")
    type_score(qtbot, panel, 1, "30")
    type_score(qtbot, panel, 2, "10")
    assert panel.current_total() == Decimal("85")
    type_score(qtbot, panel, 3, "10")
    assert panel.current_total() == Decimal("90")
    assert not panel.comment_reason.isVisibleTo(panel)
    type_score(qtbot, panel, 5, "5.5")
    assert panel.current_total() == Decimal("90.5")
    assert panel.comment_reason.text() == "总分高于90分，须填写评语"


def test_total_bar_says_a_required_comment_is_still_missing(qtbot, panel, submissions):
    # Every criterion scored, total 59.5: the submission stays "in progress" until the
    # comment is written, and the comment box is scrolled out of sight — the bar says so.
    panel.show_submission(submissions[0], full(["20", "20", "5", "5", "5", "4.5"]), None, {},
                          False)
    assert panel.comment_hint.isVisibleTo(panel)
    assert panel.comment_hint.text() == "，还须填写评语"
    assert panel.comment_hint.toolTip() == "总分低于60分，须填写评语"
    assert panel.comment.property("required") is True  # the red frame
    panel.comment.insertPlainText("材料不足")
    assert not panel.comment_hint.isVisibleTo(panel)
    assert panel.comment.property("required") is False
    panel.show_submission(submissions[0], full(["20", "20", "5", "5", "5", "4.5"]), "已说明",
                          {}, False)
    assert not panel.comment_hint.isVisibleTo(panel)
    panel.show_submission(submissions[0], full(["20", "20", "5", "5", "5", "5"]), None, {},
                          False)  # 60: no comment needed
    assert not panel.comment_hint.isVisibleTo(panel)


def test_comment_is_debounced_and_flushed(qtbot, panel, submissions):
    panel.show_submission(submissions[0], {}, "旧评语", {}, False)
    rec = Recorder(panel)
    panel.comment.moveCursor(panel.comment.textCursor().MoveOperation.End)
    panel.comment.insertPlainText("，补充")
    panel.comment.insertPlainText("说明")
    assert rec.comments == []
    with qtbot.waitSignal(panel.comment_changed, timeout=COMMENT_DEBOUNCE_MS * 10) as blocker:
        pass
    assert blocker.args == ["旧评语，补充说明"]
    assert rec.comments == ["旧评语，补充说明"]
    panel.comment.insertPlainText("。")
    panel.flush_comment()  # the window calls this before switching submission
    assert rec.comments[-1] == "旧评语，补充说明。"
    panel.flush_comment()
    assert len(rec.comments) == 2
    # Loading another submission never emits its comment, nor a pending edit of the old one.
    panel.comment.insertPlainText("未保存")
    panel.show_submission(submissions[1], {}, "另一条", {}, False)
    qtbot.wait(COMMENT_DEBOUNCE_MS + 100)
    assert len(rec.comments) == 2


def test_flags_emit_with_suggested_category(qtbot, panel, submissions):
    panel.show_submission(submissions[0], {}, None, {}, False)
    rec = Recorder(panel)
    assert not panel.category_combo.isEnabled()
    qtbot.mouseClick(panel.flag_boxes["suspect_untrue"], Qt.MouseButton.LeftButton,
                     pos=QPoint(4, panel.flag_boxes["suspect_untrue"].height() // 2))
    panel.flag_boxes["wrong_category"].click()
    assert panel.category_combo.isEnabled()
    panel.category_combo.setCurrentIndex(panel.category_combo.findData("治理成效"))
    panel.flag_boxes["suspect_untrue"].click()
    assert rec.flags == [("suspect_untrue", True, None), ("wrong_category", True, None),
                         ("wrong_category", True, "治理成效"), ("suspect_untrue", False, None)]


def test_recused_disables_with_note(panel, submissions):
    panel.show_submission(submissions[0], {"warmth": Decimal("20")}, None, {}, True)
    assert not panel.isEnabled()
    assert panel.recused_note.isVisibleTo(panel)
    assert panel.recused_note.text() == "已回避，不可评分"
    panel.show_submission(submissions[1], {}, None, {}, False)
    assert panel.isEnabled() and not panel.recused_note.isVisibleTo(panel)


def test_focus_criterion_and_tab_order(qtbot, panel, submissions):
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=5000)
    panel.show_submission(submissions[0], {}, None, {}, False)
    rec = Recorder(panel)
    panel.focus_criterion(3)
    assert QApplication.focusWidget() in (panel.spins["typicality"],
                                          panel.spins["typicality"].lineEdit())
    qtbot.keyClicks(QApplication.focusWidget(), "8")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    # Tab commits and moves editor → editor.
    assert rec.scores == [("typicality", Decimal("8"))]
    assert panel.spins["storytelling"].hasFocus()
    panel.focus_criterion(99)  # out of range: ignored
    assert panel.spins["storytelling"].hasFocus()


def test_editor_alone_rejects_garbage_and_snaps():
    editor = ScoreEditor(Decimal("10"), Decimal("0.5"))
    assert editor.fixup("7.3") == "7.5"
    assert editor.fixup("7.2") == "7.0"
    assert editor.fixup("") == EMPTY_TEXT
    editor.set_value(Decimal("12"))  # programmatic out-of-range is clamped, never shown
    assert editor.value() == Decimal("10")


def test_screenshot(qtbot, panel, submissions, tmp_path: Path):
    panel.show()
    panel.show_submission(submissions[0], full(["27.5", "20", "9", "5", "9", "4.5"]), None,
                          {"wrong_category": "坚守故事"}, False)
    image = panel.grab()
    assert image.width() == 520
    assert image.save(str(tmp_path / "rubric.png"))
    assert (tmp_path / "rubric.png").stat().st_size > 10_000


def test_focus_criterion_shows_the_score_field_of_a_card_taller_than_the_view(
        qtbot, panel, submissions):
    # On a 1366×768 laptop the rubric area is ~200 px, less than one card with its levels.
    panel.resize(520, 260)
    panel.show()
    panel.show_submission(submissions[0], {}, None, {}, False)
    qtbot.waitExposed(panel)
    viewport = panel.scroll.viewport()
    for index in (1, 4, 2):
        panel.focus_criterion(index)
        editor = panel.cards[index].editor
        top_left = editor.mapTo(viewport, editor.rect().topLeft())
        assert top_left.y() >= 0 and top_left.y() + editor.height() <= viewport.height()
