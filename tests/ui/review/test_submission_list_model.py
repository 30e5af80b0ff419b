"""SubmissionListModel and its filter proxy, tested without a view."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from app.workspace.status import ReviewStatus, SubmissionState
from ui.review.list_model import (
    FLAGGED,
    Column,
    SubmissionFilterProxy,
    SubmissionListModel,
)
from ui.roles import SORT_ROLE


def make(submissions):
    model = SubmissionListModel()
    model.set_submissions(submissions, {
        "S001": SubmissionState(Decimal("87.50"), ReviewStatus.DONE),
        "S002": SubmissionState(None, ReviewStatus.RECUSED),
        "S003": SubmissionState(None, "进行中", flagged=True),
    })
    proxy = SubmissionFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_columns_and_display(qapp, submissions):
    model, _ = make(submissions)
    assert model.rowCount() == 5 and model.columnCount() == 5
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["编号", "类别", "标题", "我的总分", "状态"]
    row = [model.index(0, c).data() for c in range(5)]
    assert row == ["S001", "感动瞬间", submissions[0].title, "87.5", "已评"]
    assert model.index(2, Column.STATUS).data() == "进行中 ⚑"
    assert model.index(4, Column.CATEGORY).data() == "未注明"
    assert model.index(3, Column.STATUS).data() == "未评"


def test_recused_rows_are_grey(qapp, submissions):
    model, _ = make(submissions)
    brush = model.index(1, Column.TITLE).data(Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color().name() == "#9aa5b1"
    assert model.index(0, Column.TITLE).data(Qt.ItemDataRole.ForegroundRole) is None


def test_update_row_emits_and_progress_excludes_recused(qapp, qtbot, submissions):
    model, _ = make(submissions)
    assert model.progress() == (1, 4)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.update_row("S004", SubmissionState(Decimal("61"), ReviewStatus.DONE))
    assert blocker.args[0].row() == 3
    assert model.index(3, Column.TOTAL).data() == "61"
    assert model.progress() == (2, 4)
    model.update_row("nope", SubmissionState())  # unknown ids are ignored


def test_filters(qapp, submissions):
    model, proxy = make(submissions)
    proxy.set_category("创新机制")
    assert proxy.source_ids() == ["S002"]
    proxy.set_category(None)
    proxy.set_status(ReviewStatus.RECUSED)
    assert proxy.source_ids() == ["S002"]
    proxy.set_status(FLAGGED)
    assert proxy.source_ids() == ["S003"]
    proxy.set_status(None)
    proxy.set_search("亮点4")  # highlights text
    assert proxy.source_ids() == ["S004"]
    proxy.set_search("中心5")  # unit
    assert proxy.source_ids() == ["S005"]
    proxy.set_search("s001")  # id, case-insensitive
    assert proxy.source_ids() == ["S001"]
    proxy.set_search("")
    assert len(proxy.source_ids()) == 5


def test_sorting_by_total_and_natural_id(qapp, submissions):
    model, proxy = make(submissions)
    proxy.sort(Column.TOTAL, Qt.SortOrder.DescendingOrder)
    assert proxy.source_ids()[0] == "S001"
    assert model.index(0, Column.ID).data(SORT_ROLE) < model.index(1, Column.ID).data(SORT_ROLE)
