"""Final scores per submission within one category, by a selectable method (docs/aggregation.md §2).

Input is one `Mark` per (expert, submission) actually scored: a recused or missing cell is
simply absent and never counts as 0.  Every method is declared once, in `METHOD_REGISTRY`
at the end of this module: its function, its Chinese label and the reason the report
gives; `METHODS` and `METHOD_LABELS` are read from it.  Methods:

- ``trimmed`` (default): with ≥ `trim_min_scores` marks drop one highest and one lowest
  (去掉一个最高分和一个最低分) and take the mean, else the plain mean;
- ``mean`` / ``median``: of the expert totals;
- ``zscore``: each expert's totals standardised over that expert's marks in the category,
  averaged per submission and rescaled to the panel's overall mean and spread;
- ``bias``: the additive model y = μ + q_submission + b_expert fitted by least squares on
  the observed cells only, with Σ b = 0 (per connected part of the assignment);
  score = μ + q_submission.  It corrects for a lenient or strict expert when experts saw
  different subsets of the submissions;
- ``borda``: each expert's ranking turned into points, averaged.

trimmed, mean, median, bias and borda are exact (Decimal/Fraction arithmetic); zscore uses
floats (square roots) rounded to 10 places.  Standard library only.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

from scoring.linalg import solve
from scoring.totals import PRECISION
from scoring.wording import QT_TRANSLATE_NOOP, Message

BORDA_SCALE = 100  # Borda points are shown on 0–100 like the totals, best = 100, worst = 0
DECIMAL_DIGITS = 28  # significant digits kept when an exact fraction becomes a Decimal
# The bias model's note on a submission when the assignment falls apart into groups.
DISCONNECTED = QT_TRANSLATE_NOOP(
    "AggregationMethod", "评审分配不连通，共分为 {groups} 组，各组分别校正，"
    "本作品属第 {group} 组（{experts} 位专家）；组间分数不可直接比较")


@dataclass(frozen=True)
class Mark:
    """One expert's accepted total for one submission (absent when recused or missing)."""

    expert: str
    submission: str
    total: Decimal
    core_subtotal: Decimal  # weighted subtotal of the core criteria, the first tie-break


@dataclass(frozen=True)
class Result:
    """A submission's final score; `score` is None when nobody scored it."""

    submission: str
    score: Decimal | None
    n: int
    mean: Decimal | None
    median: Decimal | None
    details: dict[str, Any] = field(default_factory=dict, compare=False)


# Per submission id: (final score, details such as which marks were dropped).
Scores = dict[str, tuple[Decimal, dict[str, Any]]]


@dataclass(frozen=True)
class AggregationMethod:
    """One aggregation method: everything a new one needs, in one declaration."""

    name: str  # the id a rubric, the command line and results.json use ("trimmed")
    label: str  # Chinese, for the GUI and the files
    # Why an organizer would choose it (the report's 方法及理由); "{trim}" stands for the
    # rubric's trim_min_scores.
    reason: str
    score: Callable[[list[Mark], int], Scores]  # (checked marks, trim_min_scores) → scores


def aggregate(marks: Iterable[Mark], submissions: Sequence[str], method: str = "trimmed", *,
              trim_min_scores: int = 5) -> dict[str, Result]:
    """Result per submission id (every id in `submissions`, in that order).

    Marks for submissions outside `submissions` are ignored; a duplicate (expert,
    submission) pair raises ValueError (Chinese message) since it would double-count.
    """
    chosen = METHOD_REGISTRY.get(method)
    if chosen is None:
        raise ValueError(Message(QT_TRANSLATE_NOOP("Scoring", "未知的汇总方法“{method}”，可选：{choices}"),
            method=method, choices=list(METHODS)))
    wanted = set(submissions)
    kept = check_marks(m for m in marks if m.submission in wanted)
    by_sub = _by_submission(kept)
    scores = chosen.score(kept, trim_min_scores)
    results: dict[str, Result] = {}
    for sub in submissions:
        group = by_sub.get(sub, [])
        totals = [m.total for m in group]
        score, details = scores.get(sub, (None, {}))
        results[sub] = Result(sub, score, len(group), _mean(totals) if totals else None,
                              _median(totals) if totals else None, details)
    return results


def bias_offsets(marks: Iterable[Mark]) -> dict[str, Decimal]:
    """Each expert's fitted leniency b_e (positive = scores higher than the panel).

    Σ b_e = 0 within each connected part of the expert–submission assignment.
    """
    offsets, _, _ = fit_additive(check_marks(marks))
    return {expert: _to_decimal(value) for expert, value in sorted(offsets.items())}


def check_marks(marks: Iterable[Mark]) -> list[Mark]:
    """The marks as a list; ValueError on a duplicate (expert, submission) or a bad total."""
    seen: set[tuple[str, str]] = set()
    kept: list[Mark] = []
    for mark in marks:
        key = (mark.expert, mark.submission)
        if key in seen:
            raise ValueError(Message(QT_TRANSLATE_NOOP(
                "Scoring", "专家“{expert}”对作品“{submission}”有重复的评分"),
                expert=mark.expert, submission=mark.submission))
        if not isinstance(mark.total, Decimal) or not mark.total.is_finite():
            raise ValueError(Message(QT_TRANSLATE_NOOP(
                "Scoring", "专家“{expert}”对作品“{submission}”的总分无效"),
                expert=mark.expert, submission=mark.submission))
        seen.add(key)
        kept.append(mark)
    return kept


def _by_submission(marks: Iterable[Mark]) -> dict[str, list[Mark]]:
    by_sub: dict[str, list[Mark]] = defaultdict(list)
    for mark in marks:
        by_sub[mark.submission].append(mark)
    return by_sub


def _each_submission(score_one: Callable[[list[Mark], int], tuple[Decimal, dict[str, Any]]]
                     ) -> Callable[[list[Mark], int], Scores]:
    """A method that scores every submission from its own marks alone."""
    def score(marks: list[Mark], trim_min_scores: int) -> Scores:
        return {sub: score_one(group, trim_min_scores)
                for sub, group in _by_submission(marks).items()}
    return score


def _whole_category(score_all: Callable[[list[Mark]], Scores]
                    ) -> Callable[[list[Mark], int], Scores]:
    """A method that needs every mark of the category at once (and no trim cut-off)."""
    def score(marks: list[Mark], _trim_min_scores: int) -> Scores:
        return score_all(marks)
    return score


def _trimmed(group: list[Mark], trim_min_scores: int) -> tuple[Decimal, dict[str, Any]]:
    if len(group) >= max(trim_min_scores, 3):
        # Sorting by (total, expert) makes the choice among equal extremes reproducible;
        # which of two equal highs is dropped never changes the mean.
        ordered = sorted(group, key=lambda m: (m.total, m.expert))
        low, high = ordered[0], ordered[-1]
        return _mean([m.total for m in ordered[1:-1]]), {
            "dropped_low": low.expert, "dropped_low_total": low.total,
            "dropped_high": high.expert, "dropped_high_total": high.total}
    return _mean([m.total for m in group]), {}


def _plain_mean(group: list[Mark], _trim_min_scores: int) -> tuple[Decimal, dict[str, Any]]:
    return _mean([m.total for m in group]), {}


def _plain_median(group: list[Mark], _trim_min_scores: int) -> tuple[Decimal, dict[str, Any]]:
    return _median([m.total for m in group]), {}


def _mean(values: Sequence[Decimal]) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return sum(values, Decimal(0)) / len(values)


def _median(values: Sequence[Decimal]) -> Decimal:
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return (ordered[mid - 1] + ordered[mid]) / 2


def _to_decimal(value: Fraction) -> Decimal:
    """An exact fraction as a Decimal: exact when it terminates, else 28 digits."""
    with localcontext() as ctx:
        ctx.prec = DECIMAL_DIGITS
        result = Decimal(value.numerator) / Decimal(value.denominator)
    return result if result != 0 else Decimal(0)


def _float_to_decimal(value: float) -> Decimal:
    result = Decimal(str(round(value, 10)))
    return result if result != 0 else Decimal(0)  # no "-0" in a results file


def _pstdev(values: Sequence[float]) -> float:
    mean = math.fsum(values) / len(values)
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))


def _zscore(marks: list[Mark]) -> Scores:
    """Population sd per expert (an expert with one mark or all-equal marks → z = 0)."""
    if not marks:
        return {}
    by_expert: dict[str, list[Mark]] = defaultdict(list)
    for mark in marks:
        by_expert[mark.expert].append(mark)
    z_by_sub: dict[str, list[float]] = defaultdict(list)
    for group in by_expert.values():
        values = [float(m.total) for m in group]
        mean, sd = math.fsum(values) / len(values), _pstdev(values)
        for mark, value in zip(group, values):
            z_by_sub[mark.submission].append((value - mean) / sd if sd > 0 else 0.0)
    all_totals = [float(m.total) for m in marks]
    panel_mean, panel_sd = math.fsum(all_totals) / len(all_totals), _pstdev(all_totals)
    out: Scores = {}
    for sub, zs in z_by_sub.items():
        mean_z = math.fsum(zs) / len(zs)
        out[sub] = (_float_to_decimal(panel_mean + panel_sd * mean_z),
                    {"mean_z": _float_to_decimal(mean_z)})
    return out


def components(marks: Sequence[Mark]) -> list[tuple[list[str], list[str]]]:
    """Connected parts of the expert–submission graph: [(experts, submissions)], sorted."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(node: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for mark in marks:
        a, b = find(("e", mark.expert)), find(("s", mark.submission))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for node in sorted(parent):
        experts, subs = groups.setdefault(find(node), ([], []))
        (experts if node[0] == "e" else subs).append(node[1])
    return sorted(groups.values())


def fit_additive(marks: Sequence[Mark]
                 ) -> tuple[dict[str, Fraction], dict[str, Fraction], list[tuple[list[str],
                                                                                  list[str]]]]:
    """Least-squares fit of y = μ + q_s + b_e on the observed cells, exactly.

    Returns (b per expert, μ + q_s per submission, connected parts).  The submission
    effects are eliminated first (for fixed b, μ + q_s is the mean of y − b over the
    submission's marks), which leaves the reduced normal equations C b = r in the expert
    offsets only — one unknown per expert, however many submissions there are.  C is a
    graph Laplacian (singular once per connected part), so each part is solved with the
    sum-to-zero constraint appended as a Lagrange row.
    """
    y: dict[tuple[str, str], Fraction] = {(m.expert, m.submission): Fraction(m.total)
                                          for m in marks}
    experts_of: dict[str, list[str]] = defaultdict(list)
    subs_of: dict[str, list[str]] = defaultdict(list)
    for mark in marks:
        experts_of[mark.submission].append(mark.expert)
        subs_of[mark.expert].append(mark.submission)
    sub_mean = {s: sum((y[e, s] for e in es), Fraction(0)) / len(es)
                for s, es in experts_of.items()}
    offsets: dict[str, Fraction] = {}
    parts = components(marks)
    for experts, _subs in parts:
        index = {e: i for i, e in enumerate(experts)}
        size = len(experts)
        lap = [[Fraction(0)] * (size + 1) for _ in range(size + 1)]
        rhs = [Fraction(0)] * (size + 1)
        for e in experts:
            i = index[e]
            for s in subs_of[e]:
                weight = Fraction(1, len(experts_of[s]))
                lap[i][i] += 1
                for other in experts_of[s]:
                    lap[i][index[other]] -= weight
                rhs[i] += y[e, s] - sub_mean[s]
            lap[i][size] = lap[size][i] = Fraction(1)  # Σ b = 0 (Lagrange multiplier)
        solution = solve(lap, rhs)
        offsets.update({e: solution[index[e]] for e in experts})
    fitted = {s: sum((y[e, s] - offsets[e] for e in es), Fraction(0)) / len(es)
              for s, es in experts_of.items()}
    return offsets, fitted, parts


def _bias_scores(marks: list[Mark]) -> Scores:
    if not marks:
        return {}
    offsets, fitted, parts = fit_additive(marks)
    out: Scores = {}
    for number, (experts, subs) in enumerate(parts, start=1):
        details: dict[str, Any] = {"component": number, "components": len(parts)}
        if len(parts) > 1:
            details["note"] = Message("AggregationMethod", DISCONNECTED, groups=len(parts),
                                      group=number, experts=len(experts))
        for sub in subs:
            out[sub] = (_to_decimal(fitted[sub]), dict(details))
    return out


def _borda(marks: list[Mark]) -> Scores:
    """Per expert: rank 1 = highest total, ties share the average rank;
    points = (n_e − rank) / (n_e − 1) × 100 so every expert spans 0–100 whatever
    their load (an expert who scored one submission gives it the neutral 50)."""
    by_expert: dict[str, list[Mark]] = defaultdict(list)
    for mark in marks:
        by_expert[mark.expert].append(mark)
    points: dict[str, list[Fraction]] = defaultdict(list)
    for group in by_expert.values():
        count = len(group)
        ranks = average_ranks([-m.total for m in group])
        for mark, rank in zip(group, ranks):
            if count == 1:
                points[mark.submission].append(Fraction(BORDA_SCALE, 2))
            else:
                points[mark.submission].append((count - rank) / (count - 1) * BORDA_SCALE)
    return {sub: (_to_decimal(sum(p, Fraction(0)) / len(p)), {}) for sub, p in points.items()}


def average_ranks(values: Sequence[Any]) -> list[Fraction]:
    """1-based ranks of `values` in ascending order, ties sharing their average rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks: list[Fraction] = [Fraction(0)] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        shared = Fraction(start + end + 2, 2)
        for pos in range(start, end + 1):
            ranks[order[pos]] = shared
        start = end + 1
    return ranks


# ------------------------------------------------------------------ the registry
# A new method is one entry here (its function above); the GUI, the command line, the
# rubric validator and the report all read this table.
METHOD_REGISTRY: dict[str, AggregationMethod] = {method.name: method for method in (
    AggregationMethod(
        "trimmed", QT_TRANSLATE_NOOP("AggregationMethod", "去掉一个最高分和一个最低分后取平均"),
        "评审惯例“去掉一个最高分和一个最低分”：单个专家的极端打分不左右结果；"
        "有效评分不足 {trim} 个时取全部评分的平均。",
        _each_submission(_trimmed)),
    AggregationMethod(
        "mean", QT_TRANSLATE_NOOP("AggregationMethod", "平均分"),
        "所有有效评分同等看待，简单透明；适合专家人数少、打分尺度一致的情形。",
        _each_submission(_plain_mean)),
    AggregationMethod(
        "median", QT_TRANSLATE_NOOP("AggregationMethod", "中位数"),
        "取中间的评分，最不受个别极端打分影响；适合专家人数为奇数、分歧较大的情形。",
        _each_submission(_plain_median)),
    AggregationMethod(
        "zscore", QT_TRANSLATE_NOOP("AggregationMethod", "按专家标准化（z 分数）后折算"),
        "先把每位专家的打分按其本人的平均分和离散程度标准化，再折算回全体评分的尺度，"
        "消除“有人普遍打高、有人普遍打低”的影响。",
        _whole_category(_zscore)),
    AggregationMethod(
        "bias", QT_TRANSLATE_NOOP("AggregationMethod", "专家宽严偏差校正（加性模型最小二乘）"),
        "用加性模型（得分 = 总体水平 + 作品质量 + 专家宽严偏差）以最小二乘拟合，"
        "扣除每位专家的宽严偏差；适合各专家评审的作品不完全相同（回避、分组评审）的情形。",
        _whole_category(_bias_scores)),
    AggregationMethod(
        "borda", QT_TRANSLATE_NOOP("AggregationMethod", "波达计数（各专家排序积分）"),
        "只看每位专家给出的先后次序（波达计数，折算为 0–100 分），不看分值大小，"
        "专家打分尺度不同时也能公平合成。",
        _whole_category(_borda)),
)}
METHODS = tuple(METHOD_REGISTRY)  # names, in the order menus list them
METHOD_LABELS = {name: method.label for name, method in METHOD_REGISTRY.items()}
