"""Places, the tie-break chain and award quotas with ties at the boundary
(scoring/ranking.py)."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from scoring.aggregate import Mark, Result, aggregate
from scoring.ranking import (
    QuotaTie,
    Ranked,
    apply_awards,
    award_quota,
    rank,
    tie_break_label,
    tie_break_labels,
)
from scoring.rubric import Award
from scoring.rubric_file import load_rubric
from scoring.rubric_schema import parse_rubric

DEFAULT_RUBRIC = Path(__file__).resolve().parents[2] / "resources" / "rubrics" / "hotline-2026.toml"


def res(sub: str, score: str | None, median: str | None = None) -> Result:
    value = D(score) if score is not None else None
    med = D(median) if median is not None else value
    return Result(sub, value, 0 if value is None else 3, value, med)


def places(ranked: list[Ranked]) -> list[tuple[int | None, str]]:
    return [(r.place, r.submission) for r in ranked]


def test_equal_scores_share_a_place_without_tie_breaks():
    ranked = rank([res("d", "70"), res("b", "80"), res("c", "80"), res("a", "90")],
                  tie_break=())
    assert places(ranked) == [(1, "a"), (2, "b"), (2, "c"), (4, "d")]
    assert ranked[1].tied_with == ("c",) and ranked[2].tied_with == ("b",)
    assert ranked[0].tied_with == () and ranked[1].decided_by is None


def test_ranking_uses_unrounded_scores():
    ranked = rank([res("a", "85.3333"), res("b", "85.3334")], tie_break=())
    assert places(ranked) == [(1, "b"), (2, "a")]


def test_core_subtotal_breaks_the_tie_first():
    marks = [Mark("E1", "a", D(80), D(40)), Mark("E2", "a", D(80), D(42)),
             Mark("E1", "b", D(80), D(45)), Mark("E2", "b", D(80), D(44)),
             Mark("E1", "c", D(90), D(50))]
    ranked = rank(aggregate(marks, ["a", "b", "c"], "mean"), marks=marks)
    assert places(ranked) == [(1, "c"), (2, "b"), (3, "a")]
    assert ranked[1].decided_by == "core_subtotal" == ranked[2].decided_by
    assert ranked[1].tied_with == () and ranked[0].decided_by is None


def test_median_breaks_what_the_core_subtotal_leaves_tied():
    marks = [Mark("E", s, D(80), D(40)) for s in "abc"]
    results = [res("a", "80", "79"), res("b", "80", "81"), res("c", "80", "79")]
    ranked = rank(results, marks=marks)
    assert places(ranked) == [(1, "b"), (2, "a"), (2, "c")]
    assert ranked[0].decided_by == "median"
    assert ranked[1].tied_with == ("c",)
    assert ranked[1].decided_by == "median"


def test_tie_break_missing_values_is_skipped_not_guessed():
    # No marks given: core_subtotal has no values, so the median decides.
    ranked = rank([res("a", "80", "78"), res("b", "80", "82")])
    assert places(ranked) == [(1, "b"), (2, "a")]
    assert ranked[0].decided_by == "median"


def test_max_criterion_tie_break_uses_supplied_values():
    ranked = rank([res("a", "80"), res("b", "80")], tie_break=["max_criterion"],
                  max_criterion={"a": D(30), "b": D(28)})
    assert places(ranked) == [(1, "a"), (2, "b")]
    assert ranked[0].decided_by == "max_criterion"


def test_unscored_submissions_come_last_without_place():
    ranked = rank({"z": res("z", None), "a": res("a", "50")})
    assert places(ranked) == [(1, "a"), (None, "z")]
    assert ranked[1].score is None


def test_unknown_tie_break_is_refused():
    with pytest.raises(ValueError, match="同分"):
        rank([res("a", "1")], tie_break=["coin_flip"])


# --- awards -----------------------------------------------------------------------------

def ladder(*scores: str) -> list[Ranked]:
    return rank([res(f"s{i}", v) for i, v in enumerate(scores)], tie_break=())


def test_awards_by_count_in_order():
    ranked = ladder("95", "90", "85", "80", "75")
    names, ties = apply_awards(ranked, [Award("一等奖", 1, None), Award("二等奖", 2, None)])
    assert names == {"s0": "一等奖", "s1": "二等奖", "s2": "二等奖", "s3": None, "s4": None}
    assert ties == []


def test_awards_by_percent_floor_of_ranked_count():
    ranked = ladder(*[str(100 - i) for i in range(10)]) + rank([res("x", None)])
    awards = [Award("一等奖", None, D(10)), Award("二等奖", None, D(20)),
              Award("优秀案例", None, D(35))]  # 1, 2, floor(3.5) = 3 of 10 ranked
    names, ties = apply_awards(ranked, awards)
    given = [names[f"s{i}"] for i in range(10)]
    assert given == ["一等奖", "二等奖", "二等奖"] + ["优秀案例"] * 3 + [None] * 4
    assert names["x"] is None and ties == []


def test_award_quota():
    assert award_quota(3, None, 10) == 3
    assert award_quota(None, D("15"), 10) == 1
    assert award_quota(None, D("5"), 10) == 0
    assert award_quota(None, None, 10) == 0
    assert award_quota(-2, None, 10) == 0


def test_tie_across_a_quota_boundary_is_reported_not_decided():
    ranked = ladder("95", "90", "90", "80", "70")  # places 1, 2, 2, 4, 5
    awards = [Award("一等奖", 2, None), Award("二等奖", 2, None)]
    names, ties = apply_awards(ranked, awards)
    assert names == {"s0": "一等奖", "s1": None, "s2": None, "s3": "二等奖", "s4": None}
    assert ties == [QuotaTie("一等奖", (2,), ("s1", "s2"), 1)]


def test_tie_at_the_last_boundary_and_a_block_exactly_filling_a_quota():
    ranked = ladder("95", "90", "90", "80", "80")
    names, ties = apply_awards(ranked, [Award("一等奖", 1, None), Award("二等奖", 3, None)])
    assert names["s1"] == names["s2"] == "二等奖"  # the tied pair fits inside the quota
    assert names["s3"] is None and names["s4"] is None
    assert ties == [QuotaTie("二等奖", (4,), ("s3", "s4"), 1)]


def test_block_spanning_two_boundaries_reports_both():
    ranked = ladder("90", "90", "90", "80")
    names, ties = apply_awards(ranked, [Award("一等奖", 1, None), Award("二等奖", 1, None),
                                        Award("优秀案例", 2, None)])
    assert [names[s] for s in ("s0", "s1", "s2", "s3")] == [None, None, None, "优秀案例"]
    assert [t.award for t in ties] == ["一等奖", "二等奖"]
    assert ties[0].slots == 1 and ties[1].slots == 1


def test_quota_larger_than_the_field():
    names, ties = apply_awards(ladder("90", "80"), [Award("一等奖", 5, None)])
    assert names == {"s0": "一等奖", "s1": "一等奖"} and ties == []


# --- labels ------------------------------------------------------------------------------

def test_tie_break_labels_of_the_default_rubric_are_todays_texts():
    rubric = load_rubric(DEFAULT_RUBRIC)
    assert tie_break_labels(rubric) == {"core_subtotal": "温度+效能小计较高",
                                        "median": "中位数较高",
                                        "max_criterion": "单项最高分较高"}


def test_core_subtotal_label_names_the_rubrics_core_criteria():
    data = load_rubric(DEFAULT_RUBRIC).to_dict()
    for crit in data["criteria"]:
        if crit["id"] == "authenticity":
            crit["group"] = "core"  # a third core criterion, in rubric order
    assert tie_break_label("core_subtotal", parse_rubric(data)) == "温度+效能+真实性小计较高"
    for crit in data["criteria"]:
        crit["group"] = "basic"
    assert tie_break_label("core_subtotal", parse_rubric(data)) == "核心维度小计较高"
    assert tie_break_label("unknown_step", parse_rubric(data)) == "unknown_step"
