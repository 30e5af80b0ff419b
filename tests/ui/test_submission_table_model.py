"""SubmissionTableModel without a view: shape, text, roles, sorting keys, resets."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt

from app.model import Submission
from ui.submission_table_model import SORT_ROLE, SUBMISSION_ROLE, Column, SubmissionTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def cell(model, row: int, column: Column, role=DISPLAY):
    return model.data(model.index(row, column), role)


def test_shape_and_headers(qapp, submissions):
    model = SubmissionTableModel(submissions)
    assert model.rowCount() == 5
    assert model.columnCount() == len(Column) == 6
    headers = [model.headerData(c, Qt.Orientation.Horizontal, DISPLAY) for c in Column]
    assert headers == ["编号", "类别", "标题", "申报单位", "提醒", "附件"]
    # A table model has no children.
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.columnCount(model.index(0, 0)) == 0
    assert model.headerData(0, Qt.Orientation.Vertical, DISPLAY) is None


def test_display_text_per_column(qapp, submissions):
    model = SubmissionTableModel(submissions)
    assert cell(model, 0, Column.ID) == "S001"
    assert cell(model, 0, Column.CATEGORY) == "感动瞬间"
    assert cell(model, 0, Column.TITLE) == submissions[0].title
    assert cell(model, 0, Column.UNIT) == "某市12345政务服务便民热线中心1"
    assert cell(model, 0, Column.WARNINGS) == ""  # none: an empty cell, not "0"
    assert cell(model, 2, Column.WARNINGS) == "1"
    assert cell(model, 0, Column.FILES) == "2"
    # The last submission has no recognised category.
    assert cell(model, 4, Column.CATEGORY) == "未识别"


def test_submission_role_returns_the_object(qapp, submissions):
    model = SubmissionTableModel(submissions)
    for row, sub in enumerate(submissions):
        for column in Column:
            assert cell(model, row, column, SUBMISSION_ROLE) is sub
    assert model.submission(3) is submissions[3]
    assert model.row_of("S004") == 3
    assert model.row_of("S999") == -1


def test_tooltips_list_warning_messages_and_file_names(qapp, submissions):
    model = SubmissionTableModel(submissions)
    tip = cell(model, 2, Column.WARNINGS, Qt.ItemDataRole.ToolTipRole)
    assert "未打码的手机号" in tip
    files_tip = cell(model, 0, Column.FILES, Qt.ItemDataRole.ToolTipRole)
    assert files_tip.splitlines() == ["现场照片1.jpg", "媒体报道1.pdf"]
    assert cell(model, 0, Column.WARNINGS, Qt.ItemDataRole.ToolTipRole) is None


def test_invalid_indexes_answer_nothing(qapp, submissions):
    model = SubmissionTableModel(submissions)
    assert model.data(QModelIndex(), DISPLAY) is None
    assert model.data(model.index(99, 0), DISPLAY) is None
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    flags = model.flags(model.index(0, 0))
    assert flags & Qt.ItemFlag.ItemIsSelectable
    assert not flags & Qt.ItemFlag.ItemIsEditable


def test_sort_role_orders_ids_naturally_and_counts_numerically(qapp):
    subs = [Submission(id=i, category=None, title="t", unit="u", fields={}, text="")
            for i in ("S10", "S9", "S100", "S2")]
    model = SubmissionTableModel(subs)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(Column.ID, Qt.SortOrder.AscendingOrder)
    ordered = [proxy.data(proxy.index(r, Column.ID)) for r in range(proxy.rowCount())]
    assert ordered == ["S2", "S9", "S10", "S100"]


def test_sorting_by_warning_count(qapp, submissions):
    model = SubmissionTableModel(submissions)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(Column.WARNINGS, Qt.SortOrder.DescendingOrder)
    counts = [proxy.data(proxy.index(r, Column.WARNINGS), SORT_ROLE)
              for r in range(proxy.rowCount())]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == 1 and counts[-1] == 0


def test_set_submissions_resets_and_signals(qapp, qtbot, submissions):
    model = SubmissionTableModel()
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_submissions(submissions[:2])
    assert model.rowCount() == 2
    model.set_submissions([])
    assert model.rowCount() == 0


def test_model_passes_qt_model_tester(qapp, qtmodeltester, submissions):
    model = SubmissionTableModel(submissions)
    qtmodeltester.check(model, force_py=True)
