"""我的排序: the model filters, ranks (ties share a rank) and sorts exactly, without a view;
the dialog switches category, re-reads scores and opens a submission on double-click."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from app.model import Submission
from app.rubrics import load_default_rubric
from scoring.rubric import Rubric
from scoring.rubric_schema import parse_rubric
from ui.review.my_ranking import (
    COL_ID,
    COL_RANK,
    COL_TITLE,
    COL_TOTAL,
    FIXED_COLUMNS,
    MyRankingDialog,
    MyRankingModel,
)
from ui.roles import SORT_ROLE

CRITS = ("warmth", "efficacy", "authenticity", "typicality", "storytelling", "compliance")
D = Decimal


def marks(*values: str) -> dict[str, Decimal]:
    return dict(zip(CRITS, map(Decimal, values), strict=True))


def sub(sid: str, category: str | None = "感动瞬间") -> Submission:
    return Submission(id=sid, category=category, title=f"{sid} 的暖心故事", unit="某热线",
                      fields={}, text="", warnings=[], files=[])


@pytest.fixture
def rubric() -> Rubric:
    return load_default_rubric()


@pytest.fixture
def data() -> tuple[list[Submission], dict[str, dict[str, Decimal]]]:
    subs = [sub("A"), sub("B"), sub("C"), sub("D"), sub("E"), sub("F", "创新机制"), sub("G")]
    scores = {
        "A": marks("25", "25", "8", "8", "8", "8"),        # 82
        "B": marks("27.5", "26", "9", "8.5", "9", "10"),   # 90
        "C": marks("28", "22.5", "8", "8", "8", "8"),      # 82.5
        "D": marks("20", "30", "8", "8", "8", "8"),        # 82 (ties with A)
        "E": {"warmth": D("30")},                          # incomplete: left out
        "F": marks("30", "30", "10", "10", "10", "10"),    # other category
        "G": marks("30", "30", "10", "10", "10", "10"),    # recused below
    }
    return subs, scores


def column(model: MyRankingModel, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    return [model.data(model.index(r, col), role) for r in range(model.rowCount())]


def test_rows_filter_rank_and_ties(rubric, data):
    subs, scores = data
    model = MyRankingModel()
    model.set_rows(rubric, subs, scores, "感动瞬间", recused={"G"})
    assert model.columnCount() == FIXED_COLUMNS + 6
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["名次", "编号", "标题", "总分", "温度", "效能", "真实性", "典型性", "故事性",
                       "合规性"]
    assert model.ids() == ["B", "C", "A", "D"]  # default: total, best first; ties by id
    assert column(model, COL_TOTAL) == ["90", "82.5", "82", "82"]
    assert column(model, COL_TOTAL, SORT_ROLE) == [D("90"), D("82.5"), D("82"), D("82")]
    assert column(model, COL_RANK) == ["1", "2", "3", "3"]  # A and D share 3rd
    assert column(model, COL_TITLE) == [f"{s} 的暖心故事" for s in "BCAD"]
    assert column(model, FIXED_COLUMNS, SORT_ROLE) == [D("27.5"), D("28"), D("25"), D("20")]


def test_sort_by_criterion_and_back(rubric, data):
    subs, scores = data
    model = MyRankingModel()
    model.set_rows(rubric, subs, scores, "感动瞬间", recused={"G"})
    efficacy = FIXED_COLUMNS + 1
    model.sort(efficacy, Qt.SortOrder.DescendingOrder)
    assert model.ids() == ["D", "B", "A", "C"]  # 30, 26, 25, 22.5
    # Rank stays the rank by total, whatever the sort column.
    assert column(model, COL_RANK) == ["3", "1", "3", "2"]
    model.sort(efficacy, Qt.SortOrder.AscendingOrder)
    assert model.ids() == ["C", "A", "B", "D"]
    model.sort(COL_TOTAL, Qt.SortOrder.AscendingOrder)
    assert column(model, COL_TOTAL, SORT_ROLE) == [D("82"), D("82"), D("82.5"), D("90")]
    model.sort(COL_ID, Qt.SortOrder.DescendingOrder)
    assert model.ids() == ["D", "C", "B", "A"]
    # A rebuild keeps the chosen sort.
    model.set_rows(rubric, subs, scores, "感动瞬间", recused={"G"})
    assert model.ids() == ["D", "C", "B", "A"]
    model.sort(99, Qt.SortOrder.AscendingOrder)  # no such column: ignored
    assert model.ids() == ["D", "C", "B", "A"]


def test_exact_decimal_sort_not_text(rubric):
    # As text "9.5" > "10"; as Decimal it is smaller.
    subs = [sub("X"), sub("Y")]
    scores = {"X": marks("9.5", "10", "1", "1", "1", "1"), "Y": marks("10", "9.5", "1", "1",
                                                                         "1", "1")}
    model = MyRankingModel()
    model.set_rows(rubric, subs, scores, "感动瞬间")
    model.sort(FIXED_COLUMNS, Qt.SortOrder.DescendingOrder)
    assert model.ids() == ["Y", "X"]
    assert column(model, COL_RANK) == ["1", "1"]


def test_all_categories_and_weights(rubric, data):
    subs, scores = data
    weighted_data = rubric.to_dict()
    weighted_data["category_weights"] = {"创新机制": {"warmth": "0.5", "efficacy": "1.5"}}
    weighted = parse_rubric(weighted_data)
    model = MyRankingModel()
    scores = dict(scores, F=marks("10", "30", "10", "10", "10", "10"))
    model.set_rows(weighted, subs, scores, None)  # every category
    assert set(model.ids()) == {"A", "B", "C", "D", "F", "G"}
    row = model.ids().index("F")
    assert model.data(model.index(row, COL_TOTAL), SORT_ROLE) == D("90")  # 5 + 45 + 40
    assert model.data(model.index(row, COL_TOTAL)) == "90"


def test_empty_and_invalid_indexes(rubric):
    model = MyRankingModel()
    assert model.rowCount() == 0 and model.columnCount() == FIXED_COLUMNS
    model.set_rows(rubric, [], {}, "感动瞬间")
    assert model.rowCount() == 0
    assert model.data(model.index(5, 0)) is None
    assert model.submission_id(3) is None


def test_dialog_categories_refresh_and_double_click(qtbot, rubric, data):
    subs, scores = data
    live = {k: dict(v) for k, v in scores.items() if k != "G"}
    dialog = MyRankingDialog(rubric, [s for s in subs if s.id != "G"],
                             lambda sid: live.get(sid, {}))
    qtbot.addWidget(dialog)
    combo = dialog.category_combo
    assert [combo.itemText(i) for i in range(combo.count())] == list(rubric.categories)
    assert dialog.current_category() == "感动瞬间"
    assert dialog.model.ids() == ["B", "C", "A", "D"]
    assert dialog.count_label.text() == "本类别已评完 4 / 5 件"
    dialog.set_category("创新机制")
    assert dialog.model.ids() == ["F"]
    # Scores changed since the dialog opened: a refresh re-reads them.
    live["E"] = marks("30", "30", "10", "10", "10", "10")
    dialog.set_category("感动瞬间")
    assert dialog.model.ids()[0] == "E"
    # Clicking the 效能 header sorts by it (the view calls the model's sort).
    dialog.table.sortByColumn(FIXED_COLUMNS + 1, Qt.SortOrder.DescendingOrder)
    assert dialog.model.ids()[:2] == ["D", "E"] or dialog.model.ids()[:2] == ["E", "D"]
    dialog.show()
    qtbot.waitExposed(dialog)
    opened: list[str] = []
    dialog.open_submission.connect(opened.append)
    target = dialog.model.ids().index("C")
    rect = dialog.table.visualRect(dialog.model.index(target, COL_TITLE))
    assert not dialog.grab().isNull()
    # A real double-click starts with a press; the view only reacts to press + double-click.
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == []  # a single click only selects
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == ["C"]
    assert dialog.result() == dialog.DialogCode.Accepted


def test_dialog_enter_opens_current_row(qtbot, rubric, data):
    subs, scores = data
    dialog = MyRankingDialog(rubric, subs, lambda sid: scores.get(sid, {}))
    qtbot.addWidget(dialog)
    opened: list[str] = []
    dialog.open_submission.connect(opened.append)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)  # no current row: nothing
    assert opened == []
    dialog.table.setCurrentIndex(dialog.model.index(1, COL_ID))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.model.ids()[:2] == ["G", "B"]  # G is not recused in this dialog
    assert opened == ["B"]
