"""ResultsEngine.results / compare: method-by-method worked examples, awards and ties,
incomplete assignments with recusals, disagreement flags, expert statistics."""

from __future__ import annotations

import math
import statistics
from decimal import Decimal
from fractions import Fraction

import pytest

from app.errors import PanelDeskError
from app.results.engine import ResultsEngine
from tests.app.results.helpers import accept_rows, build_packet, make_panel, panel_of

# Five experts, three submissions, one category.  Hand-worked below.
WORKED = {
    "E1": {"S1": 80, "S2": 70, "S3": 60},
    "E2": {"S1": 82, "S2": 75, "S3": 90},
    "E3": {"S1": 84, "S2": 80, "S3": 91},
    "E4": {"S1": 86, "S2": 85, "S3": 92},
    "E5": {"S1": 98, "S2": 90, "S3": 93},
}


@pytest.fixture
def worked(tmp_path, db):
    return make_panel(tmp_path, db, WORKED)[1]


def rows_of(results):
    rows = results.rankings["感动瞬间"]
    return [(r.place, r.id, r.score, r.n, r.award) for r in rows]


def test_trimmed_drops_one_highest_and_one_lowest(worked) -> None:
    results = ResultsEngine(worked).results("trimmed")
    # S3: drop 60 and 93 → (90+91+92)/3 = 91; S1: drop 80, 98 → 84; S2: drop 70, 90 → 80.
    assert rows_of(results) == [(1, "S3", Decimal(91), 5, "一等奖"),
                                (2, "S1", Decimal(84), 5, "二等奖"),
                                (3, "S2", Decimal(80), 5, "二等奖")]
    s1 = results.rankings["感动瞬间"][1]
    assert s1.mean == Decimal("86") and s1.median == Decimal(84)
    assert "去掉最高分 98.0（专家E5）" in s1.note and "最低分 80.0（专家E1）" in s1.note
    assert results.method_label == "去掉一个最高分和一个最低分后取平均"


def test_trimmed_below_cut_off_is_the_plain_mean(tmp_path, db) -> None:
    panel = make_panel(tmp_path, db, {e: {"S1": v} for e, v in
                                      (("E1", 70), ("E2", 80), ("E3", 95), ("E4", 99))})[1]
    [row] = ResultsEngine(panel).results().rankings["感动瞬间"]
    assert row.score == Decimal("86") and row.note == ""  # (70+80+95+99)/4, nothing dropped


def test_mean_and_median(worked) -> None:
    assert rows_of(ResultsEngine(worked).results("mean")) == [
        (1, "S1", Decimal(86), 5, "一等奖"), (2, "S3", Decimal("85.2"), 5, "二等奖"),
        (3, "S2", Decimal(80), 5, "二等奖")]
    assert [r[:3] for r in rows_of(ResultsEngine(worked).results("median"))] == [
        (1, "S3", Decimal(91)), (2, "S1", Decimal(84)), (3, "S2", Decimal(80))]


def test_zscore_matches_an_independent_computation(worked) -> None:
    z: dict[str, list[float]] = {"S1": [], "S2": [], "S3": []}
    for rows in WORKED.values():
        mean, sd = statistics.fmean(rows.values()), statistics.pstdev(rows.values())
        for sub, value in rows.items():
            z[sub].append((value - mean) / sd)
    everything = [v for rows in WORKED.values() for v in rows.values()]
    mu, sigma = statistics.fmean(everything), statistics.pstdev(everything)
    expected = {s: mu + sigma * statistics.fmean(v) for s, v in z.items()}
    rows = ResultsEngine(worked).results("zscore").rankings["感动瞬间"]
    assert [r.id for r in rows] == sorted(expected, key=lambda s: -expected[s])
    for r in rows:
        assert math.isclose(float(r.score), expected[r.id], abs_tol=1e-9)


def test_bias_on_complete_data_is_the_mean_and_ranks_like_it(worked) -> None:
    engine = ResultsEngine(worked)
    bias = rows_of(engine.results("bias"))
    mean = rows_of(engine.results("mean"))
    assert [(p, s, v) for p, s, v, _n, _a in bias] == [(p, s, v) for p, s, v, _n, _a in mean]


def test_borda_ties_broken_by_the_median(worked) -> None:
    # Points per expert (best 100, middle 50, worst 0): S1 = 100+50+50+50+100 = 350/5 = 70,
    # S3 = 0+100+100+100+50 = 70, S2 = 50/5 = 10.  The 温度+效能 subtotals are all 60 (equal),
    # so the median decides: S3 (91) before S1 (84).
    results = ResultsEngine(worked).results("borda")
    assert rows_of(results) == [(1, "S3", Decimal(70), 5, "一等奖"),
                                (2, "S1", Decimal(70), 5, "二等奖"),
                                (3, "S2", Decimal(10), 5, "二等奖")]
    assert results.rankings["感动瞬间"][0].decided_by == "中位数较高"


def test_compare_methods_gives_every_methods_places(worked) -> None:
    places = ResultsEngine(worked).compare()
    assert places["trimmed"] == {"S3": 1, "S1": 2, "S2": 3}
    assert places["mean"] == {"S1": 1, "S3": 2, "S2": 3}
    assert places["borda"] == {"S3": 1, "S1": 2, "S2": 3}
    assert set(places) == {"trimmed", "mean", "median", "zscore", "bias", "borda"}


def test_bad_method_and_empty_panel_are_chinese_errors(worked, tmp_path, db) -> None:
    with pytest.raises(PanelDeskError, match="未知的汇总方法“avg”"):
        ResultsEngine(worked).results("avg")
    with pytest.raises(PanelDeskError, match="未知的汇总方法"):
        ResultsEngine(worked).compare(["trimmed", "nope"])
    path = build_packet(tmp_path / "empty.panelpack", {"S1": "感动瞬间"}, ["E1"],
                        packet_id="EMPTY")
    with pytest.raises(PanelDeskError, match="还没有任何有效评分"):
        ResultsEngine(panel_of(path, db)).results()


# ------------------------------------------------------------ awards and ties

def test_tie_across_the_first_prize_line_is_reported_not_decided(tmp_path, db) -> None:
    # S1 and S2 get identical marks from everyone: same score, subtotal and median.
    marks = {e: {"S1": 90, "S2": 90, "S3": 80 + i, "S4": 70, "S5": 60}
             for i, e in enumerate(("E1", "E2", "E3"))}
    results = ResultsEngine(make_panel(tmp_path, db, marks)[1]).results()
    rows = results.rankings["感动瞬间"]
    assert [(r.place, r.id, r.award) for r in rows] == [
        (1, "S1", None), (1, "S2", None), (3, "S3", "二等奖"), (4, "S4", "优秀案例"),
        (5, "S5", None)]  # quotas 1, 2 and 30 % of 5 = 1: the tie straddles the first line
    [tie] = results.quota_ties
    assert (tie.category, tie.award, tie.place, tie.submissions, tie.slots) == (
        "感动瞬间", "一等奖", 1, ("S1", "S2"), 1)
    assert "并列跨越奖项线" in rows[0].flags and "并列跨越奖项线" in rows[1].flags
    assert "同分并列" not in rows[0].flags


def test_tie_break_by_core_subtotal_separates_equal_scores(tmp_path, db) -> None:
    # Equal totals (85) for S1 and S2, but S2's 温度+效能 is higher → S2 first.
    marks = {e: {"S1": (85, {"core": 50}), "S2": (85, {"core": 55}), "S3": 70}
             for e in ("E1", "E2", "E3")}
    rows = ResultsEngine(make_panel(tmp_path, db, marks)[1]).results().rankings["感动瞬间"]
    assert [(r.place, r.id, r.award, r.decided_by) for r in rows] == [
        (1, "S2", "一等奖", "温度+效能小计较高"), (2, "S1", "二等奖", "温度+效能小计较高"),
        (3, "S3", "二等奖", None)]


def test_percentage_quota_rounds_down_per_category(tmp_path, db) -> None:
    subs = [f"S{i:02d}" for i in range(1, 11)]  # 10 ranked → 一等 1, 二等 2, 优秀 30 % = 3
    marks = {e: {s: 95 - 4 * i for i, s in enumerate(subs)} for e in ("E1", "E2")}
    rows = ResultsEngine(make_panel(tmp_path, db, marks)[1]).results().rankings["感动瞬间"]
    assert [r.award for r in rows] == ["一等奖", "二等奖", "二等奖", "优秀案例", "优秀案例",
                                       "优秀案例", None, None, None, None]


# ------------------------------------------------- incomplete, recusals, partial

def test_recused_and_missing_are_never_zero(tmp_path, db) -> None:
    marks = {
        "E1": {"S1": 80, "S2": 70, "S3": ("recused", "曾在该单位任职")},
        "E2": {"S1": 90, "S2": ("recused", "亲属在该单位"), "S3": 60},
        "E3": {"S1": ("recused", "本人曾参与"), "S2": 75, "S3": 66},
    }
    categories = {"S1": "感动瞬间", "S2": "感动瞬间", "S3": "创新机制", "S4": "创新机制"}
    assignments = {"E1": ["S1", "S2", "S3"], "E2": ["S1", "S2", "S3"],
                   "E3": ["S1", "S2", "S3", "S4"]}
    panel = make_panel(tmp_path, db, marks, categories, assignments)[1]
    assert set(panel.recusals) == {("E1", "S3"), ("E2", "S2"), ("E3", "S1")}
    results = ResultsEngine(panel).results("mean")
    by_id = {r.id: r for rows in results.rankings.values() for r in rows}
    assert (by_id["S1"].score, by_id["S1"].n) == (Decimal(85), 2)  # not (80+90+0)/3
    assert (by_id["S2"].score, by_id["S2"].n) == (Decimal("72.5"), 2)
    assert (by_id["S3"].score, by_id["S3"].n) == (Decimal(63), 2)
    assert results.unscored == {"创新机制": ["S4"]}  # assigned, nobody scored it: no place
    # Two valid scores of three assigned experts: listed as 评分不足, which says it all.
    assert by_id["S1"].status == "insufficient_scores" and "评分人数少" not in by_id["S1"].flags
    stats = results.expert_stats
    assert (stats["E1"].n, stats["E1"].recused, stats["E1"].mean) == (2, 1, Decimal(75))



def test_the_few_scores_note_follows_the_rubric(tmp_path, db) -> None:
    from dataclasses import replace

    from app.rubrics import load_default_rubric

    default = load_default_rubric()
    rubric = replace(default, aggregation=replace(default.aggregation, few_scores=2))
    marks = {"E1": {"S1": 80, "S2": 70}, "E2": {"S1": 90}}
    panel = make_panel(tmp_path, db, marks, {"S1": "感动瞬间", "S2": "感动瞬间"},
                       rubric=rubric)[1]
    by_id = {r.id: r for rows in ResultsEngine(panel).results("mean").rankings.values()
             for r in rows}
    assert "评分人数少" not in by_id["S1"].flags  # 2 scores: enough for this rubric
    assert "评分人数少" in by_id["S2"].flags

def test_partial_sheet_row_missing_a_criterion_is_not_counted(tmp_path, db) -> None:
    path = build_packet(tmp_path / "p.panelpack", {"S1": "感动瞬间", "S2": "感动瞬间"},
                        ["E1", "E2"])
    accept_rows(db, "RES-2026", "E1", {"S1": 80, "S2": {"warmth": "20", "efficacy": "25"}},
                partial=True)
    accept_rows(db, "RES-2026", "E2", {"S1": 70, "S2": 75})
    panel = panel_of(path, db)
    assert panel.incomplete == {("E1", "S2"): ("真实性", "典型性", "故事性", "合规性")}
    assert panel.criteria["E1", "S2"] == {"warmth": Decimal(20), "efficacy": Decimal(25)}
    assert panel.experts["E1"].partial and panel.experts["E1"].version == 1
    results = ResultsEngine(panel).results("mean")
    by_id = {r.id: r for r in results.rankings["感动瞬间"]}
    assert (by_id["S2"].score, by_id["S2"].n) == (Decimal(75), 1)
    assert results.expert_stats["E1"].incomplete == 1


def test_bias_recovers_expert_offsets_on_an_incomplete_design(tmp_path, db) -> None:
    # y = q_s + b_e on a connected but incomplete assignment: the bias method returns
    # the centred q_s exactly and the fitted offsets are the b_e (Σ b = 0).
    quality = {"S1": 80, "S2": 75, "S3": 70, "S4": Decimal("70.5"), "S5": 65}
    offset = {"E1": 4, "E2": -2, "E3": 0, "E4": -2}
    assignments = {"E1": ["S1", "S2", "S3"], "E2": ["S2", "S3", "S4"],
                   "E3": ["S3", "S4", "S5"], "E4": ["S4", "S5", "S1"]}
    marks = {e: {s: quality[s] + offset[e] for s in subs} for e, subs in assignments.items()}
    panel = make_panel(tmp_path, db, marks, assignments=assignments)[1]
    engine = ResultsEngine(panel)
    results = engine.results("bias")
    assert {r.id: r.score for r in results.rankings["感动瞬间"]} == {
        s: Decimal(q) for s, q in quality.items()}
    assert {e: s.offset for e, s in results.expert_stats.items()} == {
        e: Decimal(b) for e, b in offset.items()}
    assert [r.id for r in results.rankings["感动瞬间"]] == ["S1", "S2", "S4", "S3", "S5"]
    # The plain mean is pulled around by who happened to score what: S3 (seen by the
    # lenient E1) overtakes the better S4.
    assert [r.id for r in engine.results("mean").rankings["感动瞬间"]] == \
        ["S1", "S2", "S3", "S4", "S5"]


# ---------------------------------------------------------------- disagreement

def test_spread_and_outliers_are_flagged_never_dropped(tmp_path, db) -> None:
    marks = {"E1": {"S1": 90, "S2": 80}, "E2": {"S1": 88, "S2": 82},
             "E3": {"S1": 86, "S2": 81}, "E4": {"S1": 50, "S2": 79}}
    results = ResultsEngine(make_panel(tmp_path, db, marks)[1]).results("mean")
    [item] = results.re_review
    assert (item.id, item.spread, item.max, item.min) == ("S1", Decimal(40), Decimal(90),
                                                          Decimal(50))
    assert list(item.scores) == ["E1", "E2", "E3", "E4"]  # highest first
    assert item.scores["E4"] == Decimal(50)
    assert item.reasons[0] == "分差过大：最高 90.0，最低 50.0，相差 40.0 分（阈值 20 分）"
    assert item.reasons[1].startswith("专家E4：低于该作品平均分 78.50，偏离 -36.3%")
    [outlier] = results.outliers
    assert (outlier.expert, outlier.submission, outlier.total) == ("E4", "S1", Decimal(50))
    s1 = next(r for r in results.rankings["感动瞬间"] if r.id == "S1")
    assert s1.score == Decimal("78.5") and s1.n == 4  # the low mark still counts
    assert s1.flags[:2] == ["分差过大", "离群分"]


def test_expert_flags_are_counted_on_the_row(tmp_path, db) -> None:
    marks = {"E1": {"S1": (80, {"flags": "疑似不实；类别不符→治理成效"})},
             "E2": {"S1": (82, {"flags": "疑似不实"})}, "E3": {"S1": 81}}
    [row] = ResultsEngine(make_panel(tmp_path, db, marks)[1]).results().rankings["感动瞬间"]
    assert row.flags == ["疑似不实（2人）", "类别不符→治理成效（1人）"]


def test_expert_statistics(worked) -> None:
    results = ResultsEngine(worked).results()
    stats = results.expert_stats["E1"]
    assert (stats.n, stats.mean, stats.min, stats.max) == (3, Decimal(70), Decimal(60),
                                                           Decimal(80))
    assert math.isclose(stats.stdev, 10.0)
    offsets = {e: s.offset for e, s in results.expert_stats.items()}
    assert abs(sum(offsets.values())) < Decimal("1e-20")
    # Complete data: the offset is the expert's mean minus the grand mean.
    grand = Fraction(sum(v for r in WORKED.values() for v in r.values()), 15)
    assert offsets["E1"] == Decimal(70) - Decimal(grand.numerator) / grand.denominator


def test_agreement_uses_the_complete_rows_and_alpha_all(tmp_path, db) -> None:
    marks = {"E1": {"S1": 90, "S2": 80, "S3": 70, "S4": 60},
             "E2": {"S1": 88, "S2": 79, "S3": 71, "S4": ("recused", "回避")},
             "E3": {"S1": 91, "S2": 78, "S3": 69, "S4": 62}}
    agreement = ResultsEngine(make_panel(tmp_path, db, marks)[1]).results().agreement
    stats = agreement["感动瞬间"]
    assert (stats.n_subs, stats.n_experts, stats.n_complete) == (4, 3, 3)
    assert stats.icc["ICC(2,k)"] > 0.95 and stats.kendall[0] == pytest.approx(1.0)
    assert stats.alpha > 0.95
    assert agreement["创新机制"].n_subs == 0 and agreement["创新机制"].icc is None


def test_switching_methods_back_and_forth_gives_the_same_results(worked) -> None:
    engine = ResultsEngine(worked)
    first = engine.results("mean")
    engine.results("borda")
    assert engine.results("mean") == first
    assert engine.results("mean").expert_stats is not first.expert_stats


def test_the_engine_computes_the_method_independent_parts_once(worked, monkeypatch) -> None:
    from app.results import engine as engine_module

    calls: list[object] = []
    real = engine_module.expert_stats

    def counted(panel, offsets):
        calls.append(panel)
        return real(panel, offsets)

    monkeypatch.setattr(engine_module, "expert_stats", counted)
    engine = ResultsEngine(worked)
    engine.compare()
    assert calls == []  # places need no statistics
    for method in ("trimmed", "mean", "borda", "trimmed"):
        engine.results(method)
    assert calls == [worked]
    ResultsEngine(worked).results("mean")  # a new engine (after a new import) starts afresh
    assert calls == [worked, worked]


def test_a_submission_without_a_known_category_is_ranked_but_not_awarded(tmp_path, db) -> None:
    marks = {e: {"S1": 90, "S2": 80} for e in ("E1", "E2", "E3")}
    _path, panel = make_panel(tmp_path, db, marks, categories={"S1": "感动瞬间", "S2": ""})
    results = ResultsEngine(panel).results()
    [row] = results.rankings["未分类"]
    assert (row.id, row.place, row.award) == ("S2", 1, None)
    assert "类别未确定，不评奖" in row.flags
    assert results.rankings["感动瞬间"][0].award == "一等奖"
