"""Aggregation methods: hand-computed worked examples, recusals, and the bias model's
exact recovery properties (scoring/aggregate.py, scoring/linalg.py)."""

from __future__ import annotations

from decimal import Decimal as D
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.aggregate import (
    METHODS,
    Mark,
    aggregate,
    average_ranks,
    bias_offsets,
    components,
)
from scoring.linalg import SingularMatrixError, solve


def marks_of(table: dict[str, dict[str, str]]) -> list[Mark]:
    """{expert: {submission: total}} → marks (core subtotal = half the total)."""
    return [Mark(e, s, D(t), D(t) / 2) for e, row in table.items() for s, t in row.items()]


def scores(results) -> dict[str, D | None]:
    return {sub: r.score for sub, r in results.items()}


# --- trimmed / mean / median ------------------------------------------------------------

def test_trimmed_drops_one_highest_and_one_lowest_from_five():
    marks = marks_of({"A": {"s": "70"}, "B": {"s": "80"}, "C": {"s": "85"},
                      "D": {"s": "90"}, "E": {"s": "95.5"}})
    result = aggregate(marks, ["s"])["s"]
    assert result.score == D("85")  # (80 + 85 + 90) / 3
    assert result.n == 5
    assert result.mean == D("84.1")  # 420.5 / 5, untrimmed
    assert result.median == D("85")
    assert result.details["dropped_low"] == "A"
    assert result.details["dropped_high"] == "E"
    assert result.details["dropped_high_total"] == D("95.5")


def test_trimmed_with_fewer_than_five_is_the_plain_mean():
    marks = marks_of({"A": {"s": "70"}, "B": {"s": "80"}, "C": {"s": "85"}, "D": {"s": "90"}})
    result = aggregate(marks, ["s"])["s"]
    assert result.score == D("81.25")
    assert result.details == {}


def test_trimmed_cut_off_is_configurable():
    marks = marks_of({"A": {"s": "70"}, "B": {"s": "80"}, "C": {"s": "90"}})
    assert aggregate(marks, ["s"], trim_min_scores=3)["s"].score == D("80")
    assert aggregate(marks, ["s"], trim_min_scores=5)["s"].score == D("80")
    uneven = marks_of({"A": {"s": "60"}, "B": {"s": "80"}, "C": {"s": "91"}})
    assert aggregate(uneven, ["s"], trim_min_scores=3)["s"].score == D("80")
    assert aggregate(uneven, ["s"], trim_min_scores=4)["s"].score == D("77")


def test_trimmed_is_exact_decimal():
    marks = marks_of({e: {"s": t} for e, t in zip("ABCDEF", ["0.1", "0.2", "0.3", "0.1",
                                                              "0.2", "0.3"])})
    # drop one 0.1 and one 0.3: (0.2 + 0.3 + 0.1 + 0.2) / 4 = 0.2 exactly
    assert aggregate(marks, ["s"])["s"].score == D("0.2")


def test_recused_expert_is_missing_not_zero():
    # D recused on s2: s2's mean is over three marks, not four with a 0.
    marks = marks_of({"A": {"s1": "80", "s2": "90"}, "B": {"s1": "70", "s2": "84"},
                      "C": {"s1": "75", "s2": "87"}, "D": {"s1": "79"}})
    results = aggregate(marks, ["s1", "s2"], "mean")
    assert results["s2"].score == D("87")
    assert results["s2"].n == 3
    assert results["s1"].score == D("76")


def test_median_odd_and_even():
    marks = marks_of({"A": {"s": "70", "t": "60"}, "B": {"s": "90", "t": "61"},
                      "C": {"s": "75"}})
    results = aggregate(marks, ["s", "t"], "median")
    assert results["s"].score == D("75")
    assert results["t"].score == D("60.5")


def test_submission_without_marks_has_no_score_in_every_method():
    marks = marks_of({"A": {"s": "70"}, "B": {"s": "80"}})
    for method in METHODS:
        empty = aggregate(marks, ["s", "none"], method)["none"]
        assert (empty.score, empty.n, empty.mean, empty.median) == (None, 0, None, None)


def test_marks_outside_the_category_are_ignored_and_order_follows_submissions():
    marks = marks_of({"A": {"s": "70", "other": "10"}})
    results = aggregate(marks, ["t", "s"])
    assert list(results) == ["t", "s"]
    assert results["s"].score == D("70")


def test_duplicate_mark_and_unknown_method_are_refused():
    marks = [Mark("A", "s", D(1), D(0)), Mark("A", "s", D(2), D(0))]
    with pytest.raises(ValueError, match="重复"):
        aggregate(marks, ["s"])
    with pytest.raises(ValueError, match="未知的汇总方法"):
        aggregate([], ["s"], "vote")


def test_non_finite_total_is_refused():
    with pytest.raises(ValueError, match="总分无效"):
        aggregate([Mark("A", "s", D("NaN"), D(0))], ["s"])


# --- zscore -----------------------------------------------------------------------------

def test_zscore_worked_example():
    # A: 80, 60 → z +1, −1; B: 90, 70 → z +1, −1; C scored only s1 → sd 0 → z 0.
    # Panel totals 80, 60, 90, 70, 85: mean 77, population sd √(580/5) = √116
    marks = marks_of({"A": {"s1": "80", "s2": "60"}, "B": {"s1": "90", "s2": "70"},
                      "C": {"s1": "85"}})
    results = aggregate(marks, ["s1", "s2"], "zscore")
    sd = 116 ** 0.5
    assert results["s1"].score == D(str(round(77 + sd * (2 / 3), 10)))
    assert results["s2"].score == D(str(round(77 - sd, 10)))
    assert results["s2"].score == D("66.2296703857")
    assert results["s1"].details["mean_z"] == D("0.6666666667")


def test_zscore_removes_a_strict_experts_scale():
    # B scores everything 20 lower: after standardisation s1 and s2 are as A sees them.
    marks = marks_of({"A": {"s1": "90", "s2": "70"}, "B": {"s1": "70", "s2": "50"}})
    results = aggregate(marks, ["s1", "s2"], "zscore")
    assert results["s1"].score > results["s2"].score
    assert results["s1"].score + results["s2"].score == D("140")  # symmetric around 70


# --- bias -------------------------------------------------------------------------------

def test_bias_worked_example_lenient_and_strict_expert():
    # A (lenient) sees s1, s2; B (strict) sees s2, s3.  On the shared s2 A gives 72, B 68:
    # least squares puts b_A = +2, b_B = −2 (sum to zero) and q = 80, 70, 60.
    marks = marks_of({"A": {"s1": "82", "s2": "72"}, "B": {"s2": "68", "s3": "58"}})
    assert bias_offsets(marks) == {"A": D(2), "B": D(-2)}
    results = aggregate(marks, ["s1", "s2", "s3"], "bias")
    assert scores(results) == {"s1": D(80), "s2": D(70), "s3": D(60)}
    assert aggregate(marks, ["s1", "s3"], "mean")["s1"].score == D(82)  # what bias corrects
    assert results["s1"].details == {"component": 1, "components": 1}


def test_bias_disconnected_design_is_solved_per_component_and_said():
    marks = marks_of({"A": {"s1": "80", "s2": "70"}, "B": {"s1": "76", "s2": "70"},
                      "C": {"s3": "50"}})
    results = aggregate(marks, ["s1", "s2", "s3"], "bias")
    assert results["s3"].score == D(50)
    assert results["s3"].details["components"] == 2
    assert "不连通" in results["s3"].details["note"]
    assert results["s1"].details["component"] != results["s3"].details["component"]
    assert bias_offsets(marks) == {"A": D(1), "B": D(-1), "C": D(0)}
    assert components(marks) == [(["A", "B"], ["s1", "s2"]), (["C"], ["s3"])]


def test_bias_non_terminating_fraction_becomes_a_28_digit_decimal():
    marks = marks_of({"A": {"s1": "80", "s2": "71"}, "B": {"s1": "70"},
                      "C": {"s1": "70", "s2": "70"}})
    offsets = bias_offsets(marks)
    assert sum(offsets.values()).copy_abs() < D("1e-26")
    assert all(len(v.as_tuple().digits) <= 28 for v in offsets.values())


@st.composite
def connected_design(draw):
    experts = draw(st.integers(min_value=2, max_value=5))
    subs = draw(st.integers(min_value=experts, max_value=9))
    b_free = draw(st.lists(st.integers(-10, 10), min_size=experts - 1, max_size=experts - 1))
    b = [D(v) / 2 for v in b_free] + [-sum((D(v) / 2 for v in b_free), D(0))]
    q = draw(st.lists(st.integers(0, 200), min_size=subs, max_size=subs))
    cells = set()
    for i in range(experts - 1):  # a chain of shared submissions links every expert
        cells |= {(i, i), (i + 1, i)}
    for s in range(subs):
        chosen = draw(st.lists(st.integers(0, experts - 1), min_size=1, max_size=experts))
        cells |= {(e, s) for e in chosen}
    marks = [Mark(f"E{e}", f"S{s}", D(q[s]) / 2 + b[e], D(0)) for e, s in sorted(cells)]
    return marks, {f"E{e}": b[e] for e in range(experts)}, {f"S{s}": D(q[s]) / 2
                                                             for s in range(subs)}


@settings(max_examples=60, deadline=None)
@given(connected_design())
def test_bias_recovers_additive_scores_exactly(design):
    marks, true_b, true_q = design
    assert bias_offsets(marks) == true_b
    results = aggregate(marks, list(true_q), "bias")
    assert scores(results) == true_q  # Σ b = 0, so μ + q_s is exactly the generated q_s


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 5), st.integers(2, 8), st.data())
def test_bias_with_complete_data_ranks_as_the_mean(experts, subs, data):
    totals = data.draw(st.lists(st.lists(st.integers(0, 200), min_size=experts,
                                         max_size=experts), min_size=subs, max_size=subs))
    marks = [Mark(f"E{e}", f"S{s}", D(v) / 2, D(0)) for s, row in enumerate(totals)
             for e, v in enumerate(row)]
    ids = [f"S{s}" for s in range(subs)]
    bias = aggregate(marks, ids, "bias")
    mean = aggregate(marks, ids, "mean")
    assert sorted(ids, key=lambda s: (bias[s].score, s)) == \
        sorted(ids, key=lambda s: (mean[s].score, s))
    for s in ids:  # with every cell observed the fitted μ + q_s is the mean itself
        assert abs(bias[s].score - mean[s].score) < D("1e-24")


# --- borda ------------------------------------------------------------------------------

def test_borda_worked_example_with_ties_and_incomplete_assignment():
    # A: s1 90 (rank 1), s2 80 and s3 80 (tied, rank 2.5) → 100, 25, 25.
    # B: s3 75 (rank 1), s1 70 (rank 2) → 100, 0.  Means: s1 50, s2 25, s3 62.5.
    marks = marks_of({"A": {"s1": "90", "s2": "80", "s3": "80"},
                      "B": {"s1": "70", "s3": "75"}})
    results = aggregate(marks, ["s1", "s2", "s3"], "borda")
    assert scores(results) == {"s1": D(50), "s2": D(25), "s3": D("62.5")}


def test_borda_single_mark_expert_gives_neutral_points():
    results = aggregate(marks_of({"A": {"s": "10"}}), ["s"], "borda")
    assert results["s"].score == D(50)


def test_average_ranks():
    assert average_ranks([3, 1, 3, 2]) == [Fraction(7, 2), 1, Fraction(7, 2), 2]


# --- linalg -----------------------------------------------------------------------------

def test_solve_exact():
    assert solve([[2, 1], [1, 3]], [3, 5]) == [Fraction(4, 5), Fraction(7, 5)]
    assert solve([[0, 1], [1, 0]], [2, 3]) == [3, 2]  # needs a row swap


def test_solve_rejects_singular_and_misshapen_systems():
    with pytest.raises(SingularMatrixError):
        solve([[1, 2], [2, 4]], [1, 2])
    with pytest.raises(ValueError):
        solve([[1, 2]], [1])


def test_empty_category_gives_empty_results_in_every_method():
    for method in METHODS:
        assert aggregate([], ["s"], method)["s"].score is None
    assert bias_offsets([]) == {}
    assert components([]) == []
