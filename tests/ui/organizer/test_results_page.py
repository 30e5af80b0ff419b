"""The 结果 page and its models, on panels built from accepted sheets in a real database."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.errors import PanelDeskError
from app.results.engine import ResultsEngine
from app.rubrics import load_default_rubric
from app.sheets.orgdb import OrgDB
from tests.app.results.helpers import make_panel
from ui.organizer.charts import expert_boxes, five_numbers
from ui.organizer.results_models import (
    agreement_rows,
    detail_rows,
    expert_rows,
    place_change,
    ranking_rows,
)
from ui.organizer.results_page import ResultsPage
from ui.task_runner import SyncTaskRunner

# Five experts, three submissions: the trimmed mean ranks S3 first, the plain mean last
# (E1's 10 for S3 pulls its mean down, and is dropped as the lowest by the trimmed mean).
MARKS = {
    "E1": {"S1": 80, "S2": 70, "S3": 10},
    "E2": {"S1": 82, "S2": 75, "S3": 90},
    "E3": {"S1": 84, "S2": 80, "S3": 91},
    "E4": {"S1": 86, "S2": 85, "S3": 92},
    "E5": {"S1": 88, "S2": ("recused", "曾参与指导"), "S3": (93, {"comment": "事迹真实感人"})},
}


@pytest.fixture
def panel(tmp_path):
    # S2 has four valid scores (E5 recused): a minimum of four keeps it ranked, so these
    # tests are about methods, not about the minimum (tests/app/results/test_eligibility.py).
    rubric = replace(load_default_rubric(), aggregation=replace(
        load_default_rubric().aggregation, min_valid_scores=4))
    with OrgDB(f"sqlite:///{tmp_path / 'org.db'}") as db:
        return make_panel(tmp_path, db, MARKS, rubric=rubric)[1]


@pytest.fixture
def page(qtbot, panel):
    folder: list[Path] = []
    page = ResultsPage(SyncTaskRunner(), lambda: panel,
                       choose_folder=lambda _w: folder[0] if folder else None)
    page.folders = folder
    qtbot.addWidget(page)
    page.refresh()
    return page


def cells(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_place_change_arrows() -> None:
    assert place_change(1, 3) == ("↑2", 2)
    assert place_change(3, 1) == ("↓2", -2)
    assert place_change(2, 2) == ("—", 0)
    assert place_change(2, None) == ("", 0)


def test_ranking_rows_show_two_decimals_and_the_comparison(panel) -> None:
    results = ResultsEngine(panel).results("trimmed")
    rows = ranking_rows(results, "感动瞬间", {"S3": 3, "S1": 1, "S2": 2})
    assert [r.cells[:2] for r in rows] == [("1", "S3"), ("2", "S1"), ("3", "S2")]
    assert rows[0].cells[4] == "91.00" and rows[0].sort[4] == Decimal(91)
    assert [r.cells[-1] for r in rows] == ["↑2", "↓1", "↓1"]
    assert rows[0].cells[6] == "一等奖"


def test_detail_rows_list_recusals_and_comments(panel) -> None:
    rows = {r.key: r for r in detail_rows(panel, "S2")}
    assert rows["E5"].cells[1] == "回避" and rows["E5"].cells[-1] == "曾参与指导"
    assert rows["E1"].cells[1] == "70.0"
    s3 = {r.key: r for r in detail_rows(panel, "S3")}
    assert s3["E5"].cells[-1] == "事迹真实感人"


def test_expert_and_agreement_rows(panel) -> None:
    results = ResultsEngine(panel).results()
    experts = {r.key: r for r in expert_rows(results)}
    assert experts["E5"].cells[3] == "1"  # one recusal
    assert experts["E1"].cells[2] == "3"
    [agreement] = agreement_rows(results)
    assert agreement.cells[0] == "感动瞬间" and agreement.tooltip.startswith("感动瞬间")


def test_chart_numbers() -> None:
    assert five_numbers([4.0]) == (4.0,) * 5
    assert five_numbers([1, 2, 3, 4, 5]) == (1, 2, 3, 4, 5)
    with pytest.raises(ValueError):
        five_numbers([])


def test_chart_boxes_per_expert(panel) -> None:
    boxes = dict(expert_boxes(panel))
    assert boxes["专家E1"] == (10.0, 40.0, 70.0, 75.0, 80.0)
    assert len(boxes) == 5


def test_page_switches_method_and_compares(page) -> None:
    assert page.category_combo.count() == 1
    model = page.ranking_model
    assert cells(model, 1) == ["S3", "S1", "S2"]
    assert model.headerData(8, Qt.Orientation.Horizontal) == "较“平均分”"
    page.method_combo.setCurrentIndex(page.method_combo.findData("mean"))
    assert page.computed.results.method == "mean"
    assert cells(model, 1) == ["S1", "S2", "S3"]  # S2 has four marks: no trimming anyway
    assert cells(model, 8) == ["—", "—", "—"]  # same method on both sides
    page.compare_combo.setCurrentIndex(page.compare_combo.findData("trimmed"))
    assert cells(model, 8) == ["↑1", "↑1", "↓2"]
    assert "5 位专家" in page.message.text()


def test_re_review_selection_shows_every_expert(page) -> None:
    assert cells(page.re_review_model, 0) == ["S3"]  # 93 − 10 > 20 points
    page.re_review_view.selectRow(0)
    assert page.detail_model.rowCount() == 5
    assert page.detail_model.headerData(2, Qt.Orientation.Horizontal) == "温度"
    assert page.expert_model.rowCount() == 5
    assert page.chart_view.chart().series()


def test_export_writes_the_three_files(page, tmp_path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    page.folders.append(out)
    assert page.export_button.isEnabled()
    page.export()
    assert sorted(p.name for p in out.iterdir()) == ["report.docx", "results.json",
                                                      "results.xlsx"]
    assert "已导出" in page.message.text()


def test_errors_and_empty_database_are_shown_in_the_page(qtbot, tmp_path) -> None:
    def broken():
        raise PanelDeskError("组织方数据库 org.db 读写失败：磁盘已满")

    page = ResultsPage(SyncTaskRunner(), broken)
    qtbot.addWidget(page)
    page.refresh()
    assert "磁盘已满" in page.message.text()
    assert page.ranking_model.rowCount() == 0 and not page.export_button.isEnabled()
    with OrgDB(f"sqlite:///{tmp_path / 'empty.db'}") as db:
        empty = make_panel(tmp_path, db, {"E1": {}}, categories={"S1": "感动瞬间"})[1]
    page2 = ResultsPage(SyncTaskRunner(), lambda: empty)
    qtbot.addWidget(page2)
    page2.refresh()
    assert "还没有任何有效评分" in page2.message.text()


def test_agreement_row_hides_alpha_of_too_few_submissions(panel) -> None:
    """Three submissions: α is not shown as a figure (the tooltip says 样本过少)."""
    [agreement] = agreement_rows(ResultsEngine(panel).results())
    assert agreement.cells[-1] == "—" and "α 样本过少" in agreement.tooltip
