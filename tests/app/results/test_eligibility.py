"""Who is ranked for an award: the minimum of valid scores, duplicates, organizer decisions.

Seven experts score one category (awards: one 一等奖, two 二等奖, then 优秀案例); each test
changes one thing and checks places, awards, statuses, the re-review list and what the
report will say about each decision.
"""

from __future__ import annotations

import json
import random

import pytest

from app.errors import PanelDeskError
from app.results.decisions import parse_decisions
from app.results.engine import ResultsEngine
from app.results.model import FLAG_OVERRIDDEN, RowStatus
from app.results.outputs.json_out import results_document
from tests.app.results.helpers import make_panel

EXPERTS = [f"E{i}" for i in range(1, 8)]
SCORES = {"S1": 90, "S2": 85, "S3": 80, "S4": 75, "S5": 70}


def marks(recused: dict[str, int] | None = None, scores: dict[str, int] = SCORES) -> dict:
    """Every expert gives each submission its score; `recused[sub]` experts recuse."""
    recused = recused or {}
    return {e: {s: ("recused", "回避") if i < recused.get(s, 0) else v for s, v in scores.items()}
            for i, e in enumerate(EXPERTS)}


def fresh_panel(tmp_path, name: str, rows: dict, **kwargs):
    """A second packet and organizer database beside the test's own."""
    from app.sheets.orgdb import OrgDB

    folder = tmp_path / name
    folder.mkdir()
    with OrgDB(f"sqlite:///{folder / 'org.db'}") as other:
        return make_panel(folder, other, rows, **kwargs)[1]


def ranked(results) -> list[tuple]:
    return [(r.place, r.id, r.award, str(r.status)) for r in results.rankings["感动瞬间"]]


def decisions(*items: dict) -> object:
    return parse_decisions(json.dumps({"version": 1, "decisions": list(items)}), "d.json")


def test_two_valid_scores_of_seven_get_no_award(tmp_path, db) -> None:
    panel = make_panel(tmp_path, db, marks({"S1": 5}))[1]
    results = ResultsEngine(panel).results()
    assert ranked(results) == [
        (1, "S2", "一等奖", "ranked"), (2, "S3", "二等奖", "ranked"),
        (3, "S4", "二等奖", "ranked"), (4, "S5", "优秀案例", "ranked"),
        (None, "S1", None, "insufficient_scores")]
    s1 = results.rankings["感动瞬间"][-1]
    assert s1.n == 2 and s1.status_reason == "评分不足：有效评分 2 份，评奖至少需要 5 份"
    assert [item.id for item in results.re_review] == ["S1"]
    assert results.re_review[0].reasons == [s1.status_reason]
    doc = results_document(panel, results)
    assert doc["categories"]["感动瞬间"][-1] == {
        "id": "S1", "title": "申报S1：接诉即办暖人心", "place": None, "score": "90.0000",
        "n": 2, "award": None, "status": "insufficient_scores", "reason": s1.status_reason}


def test_five_of_seven_is_enough_and_fewer_assigned_need_all(tmp_path, db) -> None:
    panel = make_panel(tmp_path, db, marks({"S1": 2}))[1]
    assert ranked(ResultsEngine(panel).results())[0] == (1, "S1", "一等奖", "ranked")
    # Three experts assigned to S1 only: all three must score it.
    assignments = {e: [s for s in SCORES if s != "S1" or e in EXPERTS[:3]] for e in EXPERTS}
    rows = {e: {s: v for s, v in r.items() if s in assignments[e]}
            for e, r in marks({"S1": 1}).items()}
    panel = fresh_panel(tmp_path, "b", rows, assignments=assignments)
    s1 = next(r for r in ResultsEngine(panel).results().rankings["感动瞬间"] if r.id == "S1")
    assert s1.status == RowStatus.INSUFFICIENT and "评奖至少需要 3 份" in s1.status_reason


def test_ranked_on_a_small_panel_s_few_scores_goes_to_re_review(tmp_path, db) -> None:
    """One expert assigned to S1 scores it: the minimum (all assigned) is met, so it is
    ranked and may win, and the re-review list says it rests on one score."""
    assignments = {e: [s for s in SCORES if s != "S1" or e == "E1"] for e in EXPERTS}
    rows = {e: {s: v for s, v in r.items() if s in assignments[e]} for e, r in marks().items()}
    panel = fresh_panel(tmp_path, "small", rows, assignments=assignments)
    results = ResultsEngine(panel).results()
    assert ranked(results)[0] == (1, "S1", "一等奖", "ranked")
    [item] = results.re_review
    assert item.id == "S1" and item.reasons == [
        "有效评分仅 1 份（少于 3 份）：分配的专家都已评分，按规则参与排名和评奖，请复核是否需要补评"]


def test_the_rubric_sets_the_minimum(tmp_path, db) -> None:
    from dataclasses import replace

    from app.rubrics import load_default_rubric

    base = load_default_rubric()
    rubric = replace(base, aggregation=replace(base.aggregation, min_valid_scores=2))
    panel = make_panel(tmp_path, db, marks({"S1": 5}), rubric=rubric)[1]
    assert ranked(ResultsEngine(panel).results())[0] == (1, "S1", "一等奖", "ranked")


def test_organizer_overrides_the_minimum_with_a_reason(tmp_path, db) -> None:
    panel = make_panel(tmp_path, db, marks({"S1": 5}))[1]
    chosen = decisions({"action": "override_minimum", "submission": "S1",
                        "reason": "五位专家依规回避，评审组同意按两份评分排名", "by": "秘书处",
                        "at": "2026-12-01T10:00:00Z"})
    results = ResultsEngine(panel, chosen).results()
    assert ranked(results)[0] == (1, "S1", "一等奖", "ranked")
    assert FLAG_OVERRIDDEN in results.rankings["感动瞬间"][0].flags
    assert results.re_review == []
    [note] = results.decisions
    assert (note.action, note.subjects, note.by, note.effect) == (
        "override_minimum", ("S1",), "秘书处", "已生效：仍予排名")


def test_disqualified_entry_gives_its_award_to_the_next(tmp_path, db) -> None:
    panel = make_panel(tmp_path, db, marks())[1]
    chosen = decisions({"action": "disqualify", "submission": "S1", "reason": "经核实材料不实"})
    results = ResultsEngine(panel, chosen).results()
    assert ranked(results)[:2] == [(1, "S2", "一等奖", "ranked"), (2, "S3", "二等奖", "ranked")]
    last = results.rankings["感动瞬间"][-1]
    assert (last.id, last.place, last.award, last.status) == ("S1", None, None, "excluded")
    assert "经核实材料不实" in last.status_reason
    assert results.decisions[0].effect == "已生效：不参与评奖"


def _duplicates(tmp_path, db):
    titles = {s: f"申报{s}：接诉即办暖人心" for s in SCORES}
    titles["S2"] = titles["S1"]
    units = {"S1": "甲市12345热线", "S2": "甲市 12345 热线"}  # equal once spaces are dropped
    return make_panel(tmp_path, db, marks(), titles=titles, units=units)[1]


def test_duplicates_never_both_get_an_award(tmp_path, db) -> None:
    results = ResultsEngine(_duplicates(tmp_path, db)).results()
    assert ranked(results) == [
        (1, "S1", "一等奖", "ranked"), (2, "S3", "二等奖", "ranked"),
        (3, "S4", "二等奖", "ranked"), (4, "S5", "优秀案例", "ranked"),
        (None, "S2", None, "duplicate")]
    assert "未有组织方决定，保留得分较高的 S1" in results.rankings["感动瞬间"][-1].status_reason


def test_duplicate_decisions_keep_one_or_declare_them_distinct(tmp_path, db) -> None:
    panel = _duplicates(tmp_path, db)
    keep = decisions({"action": "keep_duplicate", "keep": "S2", "drop": ["S1"],
                      "reason": "S1 为误投的旧版本"})
    results = ResultsEngine(panel, keep).results()
    assert ranked(results)[0] == (1, "S2", "一等奖", "ranked")
    assert ranked(results)[-1] == (None, "S1", None, "duplicate")
    assert results.decisions[0].effect == "已生效：保留 S2"
    both = decisions({"action": "not_duplicate", "submissions": ["S1", "S2"],
                      "reason": "同一单位的两个不同项目，标题巧合相同"})
    assert [r[2] for r in ranked(ResultsEngine(panel, both).results())][:2] == ["一等奖", "二等奖"]


def test_organizer_orders_a_tie_across_an_award_line(tmp_path, db) -> None:
    tied = {"S1": 90, "S2": 85, "S3": 85, "S4": 85, "S5": 70}
    panel = make_panel(tmp_path, db, marks(scores=tied))[1]
    plain = ResultsEngine(panel).results()
    assert plain.quota_ties and [r.award for r in plain.rankings["感动瞬间"][1:4]] == [None] * 3
    order = decisions({"action": "tie_break", "order": ["S4", "S2", "S3"],
                       "reason": "评审组会议表决"})
    results = ResultsEngine(panel, order).results()
    assert ranked(results)[:4] == [(1, "S1", "一等奖", "ranked"), (2, "S4", "二等奖", "ranked"),
                                   (3, "S2", "二等奖", "ranked"), (4, "S3", "优秀案例", "ranked")]
    assert results.quota_ties == [] and results.rankings["感动瞬间"][1].decided_by == "组织方排定"
    assert results.decisions[0].effect == "已生效：名次依次为 S4、S2、S3"
    # The same decision once the tie is gone takes no effect, and says so.
    untied = fresh_panel(tmp_path, "untied", marks())
    assert ResultsEngine(untied, order).results().decisions[0].effect.startswith("未生效")


def test_decision_about_an_unknown_submission_is_refused(tmp_path, db) -> None:
    panel = make_panel(tmp_path, db, marks())[1]
    with pytest.raises(PanelDeskError, match="S99"):
        ResultsEngine(panel, decisions({"action": "disqualify", "submission": "S99",
                                        "reason": "x"}))


@pytest.mark.parametrize(("doc", "message"), [
    ("[]", "应为含 version"),
    ('{"version": 2, "decisions": []}', "不支持的版本"),
    ('{"version": true, "decisions": []}', "不支持的版本"),
    ('{"version": 1, "decisions": [{"action": "award", "submission": "S1", "reason": "x"}]}',
     "未知的 action"),
    ('{"version": 1, "decisions": [{"action": "disqualify", "submission": "S1"}]}', "reason"),
    ('{"version": 1, "decisions": [{"action": "disqualify", "submission": "S1", "reason": " "}]}',
     "必须写明理由"),
    ('{"version": 1, "decisions": [{"action": "disqualify", "submission": 1, "reason": "x"}]}',
     "submission"),
    ('{"version": 1, "decisions": [{"action": "tie_break", "order": ["S1"], "reason": "x"}]}',
     "至少应有两件"),
    ('{"version": 1, "decisions": [{"action": "keep_duplicate", "keep": "S1", "drop": ["S1"],'
     ' "reason": "x"}]}', "keep 不能"),
    ('{"version": 1, "decisions": [{"action": "disqualify", "submission": "S1", "reason": "x",'
     ' "extra": 1}]}', "未知的键"),
    ('{"version": 1, "decisions": [{"action": "disqualify", "submission": "S1", "reason": NaN}]}',
     "不是有效的 JSON"),
    ("[" * 100_000, "不是有效的 JSON"),
])
def test_hostile_decisions_files_are_refused_with_the_reason(doc, message) -> None:
    with pytest.raises(PanelDeskError, match=message) as err:
        parse_decisions(doc, "决定.json")
    assert "决定.json" in str(err.value)


def test_decisions_round_trip_through_json() -> None:
    items = [{"action": "disqualify", "submission": "S1", "reason": "r1", "by": "甲", "at": "t"},
             {"action": "override_minimum", "submission": "S2", "reason": "r2"},
             {"action": "tie_break", "order": ["S4", "S3"], "reason": "r3"},
             {"action": "keep_duplicate", "keep": "S5", "drop": ["S6", "S7"], "reason": "r4"},
             {"action": "not_duplicate", "submissions": ["S8", "S9"], "reason": "r5"}]
    parsed = decisions(*items)
    assert json.loads(parsed.to_json()) == {"version": 1, "decisions": items}
    assert parse_decisions(parsed.to_json(), "x") == parsed


@pytest.mark.parametrize("seed", range(12))
def test_rules_hold_on_random_panels(tmp_path, db, seed) -> None:
    """No award without the minimum, never two awards in a duplicate pair, places 1…n."""
    rng = random.Random(seed)
    subs = {f"S{i}": rng.randrange(50, 100) for i in range(1, 9)}
    recused = {s: rng.choice([0, 0, 1, 3, 5]) for s in subs}
    titles = {s: f"申报{s}" for s in subs}
    titles["S2"] = titles["S1"]
    units = {"S1": "同一单位", "S2": "同一单位"}
    panel = make_panel(tmp_path, db, marks(recused, subs), titles=titles, units=units)[1]
    rows = ResultsEngine(panel).results().rankings["感动瞬间"]
    placed = [r for r in rows if r.place is not None]
    assert [r.status for r in placed] == [RowStatus.RANKED] * len(placed)
    assert sorted(r.place for r in placed) == [r.place for r in placed]
    assert all(r.award is None for r in rows if r.status != RowStatus.RANKED)
    assert all(r.n >= 5 for r in rows if r.award)
    assert not (any(r.id == "S1" and r.award for r in rows)
                and any(r.id == "S2" and r.award for r in rows))


def test_entries_the_intake_settled_as_distinct_both_compete(tmp_path, db) -> None:
    """The manifest's `duplicates.decided` (the organizer acknowledged the warning): both
    compete, and each row says why (held out: both won an award, and neither the report
    nor the workbook said why two entries of the same unit and title were ranked)."""
    from tests.app.results.helpers import accept_rows, build_packet, panel_of

    titles = {s: f"标题{s}" for s in SCORES} | {"S2": "标题S1"}
    units = {s: f"单位{s}" for s in SCORES} | {"S2": "单位S1"}
    path = build_packet(tmp_path / "p.panelpack", dict.fromkeys(SCORES, "感动瞬间"), EXPERTS,
                        titles=titles, units=units, distinct=frozenset({"S1", "S2"}))
    for expert, rows in marks().items():
        accept_rows(db, "RES-2026", expert, rows)
    panel = panel_of(path, db)
    assert panel.submissions["S1"].distinct and not panel.submissions["S3"].distinct
    statuses = {r.id: str(r.status) for r in ResultsEngine(panel).results().rankings["感动瞬间"]}
    assert set(statuses.values()) == {"ranked"}  # S1 and S2 share unit and title: settled
