"""The aggregation method registry is complete: every method declared once, with all it needs.

A method registered without a label or a reason, with a reason that does not format with
the rubric's trim cut-off, or with a function that leaves a scored submission without a
score fails here — not while an organizer writes the report.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from app.results.explain import method_reason
from scoring.aggregate import (
    METHOD_LABELS,
    METHOD_REGISTRY,
    METHODS,
    AggregationMethod,
    Mark,
    aggregate,
)

# Four experts, three scored submissions (one recusal) and one nobody scored.
EXAMPLE = {"E1": {"S1": "80", "S2": "70", "S3": "60"},
           "E2": {"S1": "82", "S2": "75", "S3": "90"},
           "E3": {"S1": "84", "S3": "91"},
           "E4": {"S1": "86", "S2": "85", "S3": "92"}}
SUBMISSIONS = ["S1", "S2", "S3", "S4"]
SCORED = {"S1", "S2", "S3"}
TRIM = 3


def example_marks() -> list[Mark]:
    return [Mark(e, s, D(t), D(t) / 2) for e, row in EXAMPLE.items() for s, t in row.items()]


def problems(method: AggregationMethod) -> list[str]:
    """What is missing or broken in one registered method (empty when complete)."""
    found = []
    if not method.label.strip():
        found.append("no label")
    if not method.reason.strip():
        found.append("no reason")
    try:
        reason = method.reason.format(trim=TRIM)
    except (KeyError, IndexError, ValueError) as err:
        return [*found, f"reason does not format with trim: {err!r}"]
    if "{" in reason or "}" in reason:
        found.append("reason keeps a placeholder")
    scores = method.score(example_marks(), TRIM)
    for sub in sorted(SCORED):
        score = scores.get(sub, (None, {}))[0]
        if not isinstance(score, D) or not score.is_finite():
            found.append(f"no score for {sub}")
    if set(scores) - SCORED:
        found.append(f"scores for unscored submissions: {sorted(set(scores) - SCORED)}")
    return found


def test_every_method_is_registered_once_under_its_own_name() -> None:
    assert tuple(METHOD_REGISTRY) == METHODS
    assert len(set(METHODS)) == len(METHODS)
    assert all(name == method.name for name, method in METHOD_REGISTRY.items())
    assert {name: m.label for name, m in METHOD_REGISTRY.items()} == METHOD_LABELS


@pytest.mark.parametrize("name", METHODS)
def test_registered_method_is_complete(name: str) -> None:
    assert problems(METHOD_REGISTRY[name]) == []


@pytest.mark.parametrize("name", METHODS)
def test_aggregate_and_the_report_wording_work_for_every_method(name: str) -> None:
    results = aggregate(example_marks(), SUBMISSIONS, name, trim_min_scores=TRIM)
    assert list(results) == SUBMISSIONS
    assert all(results[s].score is not None for s in SCORED)
    assert results["S4"].score is None and results["S4"].n == 0
    reason = method_reason(name, TRIM)
    assert reason == METHOD_REGISTRY[name].reason.format(trim=TRIM)
    assert reason.strip() and "{" not in reason


def test_the_check_catches_an_incomplete_method() -> None:
    good = METHOD_REGISTRY["mean"]
    no_reason = AggregationMethod("lazy", good.label, "", good.score)
    assert "no reason" in problems(no_reason)
    assert "no label" in problems(AggregationMethod("lazy", " ", good.reason, good.score))
    bad_placeholder = AggregationMethod("lazy", good.label, "少于 {trim_min} 个时……", good.score)
    assert any("does not format" in p for p in problems(bad_placeholder))
    silent = AggregationMethod("lazy", good.label, good.reason, lambda marks, trim: {})
    assert problems(silent) == ["no score for S1", "no score for S2", "no score for S3"]
    with pytest.raises(TypeError):
        AggregationMethod("lazy", good.label, score=good.score)  # type: ignore[call-arg]


def test_the_trimmed_reason_names_the_rubrics_cut_off() -> None:
    assert "有效评分不足 5 个时" in method_reason("trimmed", 5)
    assert "有效评分不足 7 个时" in method_reason("trimmed", 7)
