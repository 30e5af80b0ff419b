"""The results page's 组织方决定 tab: add, withdraw and save decisions; the audit log keeps all."""

from __future__ import annotations

import json

import pytest

from app.errors import PanelDeskError
from app.results.decision_store import DecisionStore, scope_of
from app.sheets.orgdb import OrgDB
from tests.app.results.helpers import make_panel
from ui.organizer.decisions_tab import DecisionDialog, build_decision
from ui.organizer.results_page import ResultsPage
from ui.task_runner import SyncTaskRunner

MARKS = {f"E{i}": {"S1": 90, "S2": 85, "S3": 80} for i in range(1, 6)}


@pytest.fixture
def setup(qtbot, tmp_path):
    url = f"sqlite:///{tmp_path / 'org.db'}"
    with OrgDB(url) as db:
        panel = make_panel(tmp_path, db, MARKS)[1]
    store = DecisionStore(lambda: OrgDB(url), panel.packet_id)
    page = ResultsPage(SyncTaskRunner(), lambda: panel, decisions=store)
    qtbot.addWidget(page)
    page.refresh()
    return page, store, url


def ranking(page) -> list[tuple[str, str, str]]:
    model = page.ranking_model
    return [(model.index(r, 0).data(), model.index(r, 1).data(), model.index(r, 6).data())
            for r in range(model.rowCount())]


def test_a_decision_changes_the_results_and_is_audited(setup) -> None:
    page, store, url = setup
    tab = page.decisions_tab
    assert ranking(page)[0] == ("1", "S1", "一等奖")
    page.ranking_view.selectRow(0)
    assert page._selected_ids() == ["S1"]
    decision = build_decision("disqualify", "S1", "经核实材料不实", ["S1", "S2", "S3"])
    tab._ask = lambda _parent, known, selected, who: (decision, "王秘书")
    tab.add()
    assert ranking(page)[0] == ("1", "S2", "一等奖") and ranking(page)[-1][:2] == ("—", "S1")
    assert tab.model.rowCount() == 1
    assert tab.model.index(0, 3).data() == "王秘书"
    assert tab.model.index(0, 5).data() == "已生效：不参与评奖"
    tab.view.selectRow(0)
    tab._ask_text = lambda _parent, _title: "复核后材料属实"
    tab.withdraw()
    assert ranking(page)[0] == ("1", "S1", "一等奖") and tab.model.rowCount() == 0
    with OrgDB(url) as db:
        log = db.audit(scope_of(store_packet(store)))
    assert [(r["action"], r["who"], r["reason"]) for r in log] == [
        ("disqualify", "王秘书", "经核实材料不实"), ("withdraw", "王秘书", "复核后材料属实")]
    assert json.loads(log[1]["old"])["submission"] == "S1" and log[1]["new"] is None


def test_withdraw_is_offered_only_with_a_decision_chosen(setup) -> None:
    page, _store, _url = setup
    tab = page.decisions_tab
    assert not tab.withdraw_button.isEnabled()  # nothing to withdraw: it did nothing
    decision = build_decision("disqualify", "S1", "经核实材料不实", ["S1", "S2", "S3"])
    tab._ask = lambda _parent, known, selected, who: (decision, "王秘书")
    tab.add()
    assert tab.model.rowCount() == 1 and not tab.withdraw_button.isEnabled()
    tab.view.selectRow(0)
    assert tab.withdraw_button.isEnabled()
    tab._ask_text = lambda _parent, _title: "复核后材料属实"
    tab.withdraw()
    assert tab.model.rowCount() == 0 and not tab.withdraw_button.isEnabled()


def store_packet(store: DecisionStore) -> str:
    return store.scope.split(":", 1)[1]


def test_dialog_refuses_unknown_ids_and_a_missing_reason(qtbot) -> None:
    dialog = DecisionDialog(["S1", "S2"], ["S9"], "秘书处")
    qtbot.addWidget(dialog)
    dialog.reason_edit.setPlainText("理由")
    dialog._accept()
    assert dialog.decision is None and "S9" in dialog.error_label.text()
    dialog.ids_edit.setText("S1")
    dialog.reason_edit.setPlainText("  ")
    dialog._accept()
    assert dialog.decision is None and "理由" in dialog.error_label.text()
    dialog.reason_edit.setPlainText("经核实材料不实")
    dialog._accept()
    assert dialog.decision is not None and dialog.decision.subjects == ("S1",)


def test_build_decision_reads_ids_in_order() -> None:
    d = build_decision("keep_duplicate", "S2、S1, S3", "保留新版", ["S1", "S2", "S3"])
    assert (d.keep, d.subjects) == ("S2", ("S2", "S1", "S3"))
    with pytest.raises(PanelDeskError):
        build_decision("disqualify", "S1 S2", "x", ["S1", "S2"])
