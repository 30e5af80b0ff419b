"""Disagreement among the experts: flagged, never dropped (docs/aggregation.md §4).

Two lists for the organizer:

- `flag_outliers`: a single expert's total lying outside ±30 % of the submission's mean,
  or with |z| > 2 among that submission's totals (population sd: with n marks the largest
  possible |z| is (n−1)/√n, so the z rule can only fire from 6 marks up — the percentage
  rule covers smaller panels);
- `re_review`: submissions whose max − min spread exceeds the rubric's threshold
  (分差过大, default 20 points) — the re-review list.

Both only report; the aggregation keeps every mark.  Standard library only.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, localcontext

from scoring.aggregate import Mark, check_marks
from scoring.totals import PRECISION, canonical_decimal, format_score
from scoring.wording import QT_TRANSLATE_NOOP, Message

# Why a mark is flagged, as messages the interface translates (context "Outliers").
ABOVE_MEAN = QT_TRANSLATE_NOOP("Outliers", "高于该作品平均分 {mean}，偏离 {deviation}%"
                               "（超过 ±{percent}%）")
BELOW_MEAN = QT_TRANSLATE_NOOP("Outliers", "低于该作品平均分 {mean}，偏离 {deviation}%"
                               "（超过 ±{percent}%）")
Z_SCORE = QT_TRANSLATE_NOOP("Outliers", "z 分数 {z}（|z| > {limit}）")
BOTH = QT_TRANSLATE_NOOP("Outliers", "{first}；{then}")


@dataclass(frozen=True)
class Outlier:
    """One flagged mark; `reason` is the Chinese explanation shown to the organizer (a
    `Message`, so the interface can say it in its own language)."""

    expert: str
    submission: str
    total: Decimal
    mean: Decimal
    reason: str
    deviation_percent: Decimal | None = None  # (total − mean) / mean × 100, signed
    z: float | None = None


@dataclass(frozen=True)
class Spread:
    """A submission for re-review: experts ordered from highest to lowest total."""

    submission: str
    max: Decimal
    min: Decimal
    spread: Decimal
    experts: tuple[str, ...]


def _by_submission(marks: Iterable[Mark]) -> dict[str, list[Mark]]:
    groups: dict[str, list[Mark]] = defaultdict(list)
    for mark in check_marks(marks):
        groups[mark.submission].append(mark)
    return groups


def flag_outliers(marks: Iterable[Mark], percent: Decimal | int = 30,
                  z: Decimal | int | float = 2) -> list[Outlier]:
    """Marks off the submission's mean by more than `percent` % or |z| > `z`.

    Ordered by submission, then expert.  A submission with a single mark has nothing to
    disagree with and is never flagged.
    """
    percent, z_limit = Decimal(percent), float(z)
    flagged: list[Outlier] = []
    for sub, group in sorted(_by_submission(marks).items()):
        if len(group) < 2:
            continue
        with localcontext() as ctx:
            ctx.prec = PRECISION
            mean = sum((m.total for m in group), Decimal(0)) / len(group)
        values = [float(m.total) for m in group]
        fmean = math.fsum(values) / len(values)
        sd = math.sqrt(math.fsum((v - fmean) ** 2 for v in values) / len(values))
        for mark in sorted(group, key=lambda m: m.expert):
            reasons: list[Message] = []
            deviation: Decimal | None = None
            with localcontext() as ctx:
                ctx.prec = PRECISION
                gap = mark.total - mean
                if mean != 0:
                    deviation = gap / abs(mean) * 100
                outside = abs(gap) * 100 > abs(mean) * percent
            if outside:
                shown = format_score(deviation, 1) if deviation is not None else "—"
                reasons.append(Message("Outliers", ABOVE_MEAN if gap > 0 else BELOW_MEAN,
                                       mean=format_score(mean, 2), deviation=shown,
                                       percent=canonical_decimal(percent)))
            zval = (float(mark.total) - fmean) / sd if sd > 0 else 0.0
            if abs(zval) > z_limit:
                reasons.append(Message("Outliers", Z_SCORE, z=f"{zval:.2f}",
                                       limit=canonical_decimal(Decimal(str(z)))))
            if reasons:
                reason = reasons[0] if len(reasons) == 1 else Message(
                    "Outliers", BOTH, first=reasons[0], then=reasons[1])
                flagged.append(Outlier(mark.expert, sub, mark.total, mean, reason,
                                       deviation, round(zval, 10)))
    return flagged


def re_review(marks: Iterable[Mark], threshold: Decimal | int = 20) -> list[Spread]:
    """Submissions whose max − min total exceeds `threshold`, largest spread first."""
    threshold = Decimal(threshold)
    out: list[Spread] = []
    for sub, group in _by_submission(marks).items():
        high = max(m.total for m in group)
        low = min(m.total for m in group)
        with localcontext() as ctx:
            ctx.prec = PRECISION
            spread = high - low
        if spread > threshold:
            ordered = sorted(group, key=lambda m: (-m.total, m.expert))
            out.append(Spread(sub, high, low, spread, tuple(m.expert for m in ordered)))
    return sorted(out, key=lambda s: (-s.spread, s.submission))
