"""Places within a category and award quotas (docs/aggregation.md §3).

Ranking uses the UNROUNDED final scores: two submissions shown as 85.33 may differ in the
fourth decimal and are then not tied.  Equal scores share a place (1, 2, 2, 4) unless the
rubric's tie-break chain separates them — by default the higher mean subtotal of the
rubric's core criteria, then the higher median.  Awards are handed out in order (一等奖
first) by count or by a percentage of the ranked submissions; a group still tied across a
quota boundary gets no award from that boundary and is reported as a `QuotaTie` for the
panel to decide — the program never decides it silently.  Standard library only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext
from math import floor
from typing import Any, Protocol

from scoring.aggregate import Mark, Result
from scoring.totals import PRECISION
from scoring.wording import QT_TRANSLATE_NOOP, Message

DEFAULT_TIE_BREAK = ("core_subtotal", "median")
# The tie-break steps and their Chinese labels for reports and the GUI, read through
# `tie_break_label` (context "TieBreak"): "{core}" stands for the names of the rubric's
# core criteria.
TIE_BREAK_LABELS = {"core_subtotal": QT_TRANSLATE_NOOP("TieBreak", "{core}小计较高"),
                    "median": QT_TRANSLATE_NOOP("TieBreak", "中位数较高"),
                    "max_criterion": QT_TRANSLATE_NOOP("TieBreak", "单项最高分较高")}
CORE_GROUP = "core"
# A rubric may have no criterion in the core group.
CORE_FALLBACK = QT_TRANSLATE_NOOP("TieBreak", "核心维度")


class HasCriteria(Protocol):
    """What the labels need of a `scoring.rubric.Rubric` (that module imports this one)."""

    @property
    def criteria(self) -> Sequence[Any]: ...


def tie_break_label(name: str, rubric: HasCriteria) -> str:
    """The Chinese label of tie-break step `name` for `rubric` (a `Message`); an unknown
    name as it is.

    "core_subtotal" names the rubric's criteria in group "core", joined with "+" (in
    rubric order), so the label follows the rubric rather than this code.
    """
    template = TIE_BREAK_LABELS.get(name)
    if template is None:
        return name
    core = "+".join(c.name for c in rubric.criteria if c.group == CORE_GROUP)
    return Message("TieBreak", template, core=core or CORE_FALLBACK)


def tie_break_labels(rubric: HasCriteria) -> dict[str, str]:
    """Every tie-break step's label for `rubric`, in the order the steps are declared."""
    return {name: tie_break_label(name, rubric) for name in TIE_BREAK_LABELS}


@dataclass(frozen=True)
class Ranked:
    """A submission's place; `place` and `score` are None when it has no marks at all."""

    place: int | None
    submission: str
    score: Decimal | None
    tied_with: tuple[str, ...] = ()  # others sharing this place after every tie-break
    decided_by: str | None = None  # tie-break that set it apart from equal scores


@dataclass(frozen=True)
class QuotaTie:
    """Submissions sharing `places` that straddle the boundary of `award`'s quota."""

    award: str
    places: tuple[int, ...]
    submissions: tuple[str, ...]
    slots: int = 0  # how many of them the quota would still have room for


def rank(results: Mapping[str, Result] | Iterable[Result], *,
         tie_break: Sequence[str] = DEFAULT_TIE_BREAK, marks: Iterable[Mark] = (),
         max_criterion: Mapping[str, Decimal] | None = None) -> list[Ranked]:
    """Ranked list, best first; unscored submissions last with place None.

    `marks` supply the core subtotals for the "core_subtotal" tie-break (mean over the
    submission's marks).  "max_criterion" needs per-submission values the marks do not
    carry, passed as `max_criterion`; without them that step is skipped.  A step is also
    skipped for a group when any member lacks its value; unknown names raise ValueError.
    """
    items = list(results.values()) if isinstance(results, Mapping) else list(results)
    unknown = [name for name in tie_break if name not in TIE_BREAK_LABELS]
    if unknown:
        raise ValueError(Message(QT_TRANSLATE_NOOP("Scoring", "未知的同分处理规则：{unknown}"),
            unknown='、'.join(unknown)))
    keys = _tie_keys(items, list(marks), max_criterion)
    scored = sorted((r for r in items if r.score is not None),
                    key=lambda r: (-r.score, r.submission))
    ranked: list[Ranked] = []
    position = 0
    while position < len(scored):
        end = position
        while end + 1 < len(scored) and scored[end + 1].score == scored[position].score:
            end += 1
        group = [r.submission for r in scored[position:end + 1]]
        for block, decided in _split(group, list(tie_break), keys, None):
            place = position + 1
            for sub in block:
                ranked.append(Ranked(place, sub, scored[position].score,
                                     tuple(s for s in block if s != sub), decided))
            position += len(block)
    for result in sorted((r for r in items if r.score is None), key=lambda r: r.submission):
        ranked.append(Ranked(None, result.submission, None))
    return ranked


def _tie_keys(items: list[Result], marks: list[Mark],
              max_criterion: Mapping[str, Decimal] | None) -> dict[str, dict[str, Decimal]]:
    core: dict[str, list[Decimal]] = defaultdict(list)
    for mark in marks:
        if mark.core_subtotal is not None:
            core[mark.submission].append(mark.core_subtotal)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        core_mean = {s: sum(v, Decimal(0)) / len(v) for s, v in core.items()}
    return {
        "core_subtotal": core_mean,
        "median": {r.submission: r.median for r in items if r.median is not None},
        "max_criterion": dict(max_criterion or {}),
    }


def _split(group: list[str], chain: list[str], keys: dict[str, dict[str, Decimal]],
           decided: str | None) -> list[tuple[list[str], str | None]]:
    """Blocks of `group` in order, best first, each with the tie-break that formed it."""
    if len(group) == 1:
        return [(group, decided)]
    for depth, name in enumerate(chain):
        values = keys[name]
        if any(sub not in values for sub in group):
            continue
        distinct = sorted({values[sub] for sub in group}, reverse=True)
        if len(distinct) == 1:
            continue
        blocks: list[tuple[list[str], str | None]] = []
        for value in distinct:
            sub_group = sorted(s for s in group if values[s] == value)
            blocks.extend(_split(sub_group, chain[depth + 1:], keys, name))
        return blocks
    return [(sorted(group), decided)]


def award_quota(award_count: int | None, award_percent: Decimal | None, ranked_count: int) -> int:
    """How many submissions an award covers: a count, or floor(percent × ranked / 100)."""
    if award_count is not None:
        return max(0, int(award_count))
    if award_percent is None:
        return 0
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return max(0, floor(Decimal(award_percent) * ranked_count / 100))


def apply_awards(ranked: Sequence[Ranked], awards: Sequence
                 ) -> tuple[dict[str, str | None], list[QuotaTie]]:
    """(award name or None per submission, ties across quota boundaries).

    `awards` are rubric `Award`s (name, count | None, percent | None) best first.  The
    boundaries are cumulative: award i covers positions [Σ quotas before i, Σ up to i) of
    the placed submissions.  A block sharing one place that straddles a boundary gets no
    award from either side and is reported as a QuotaTie naming the award whose quota it
    overruns.
    """
    placed = [r for r in ranked if r.place is not None]
    names: dict[str, str | None] = {r.submission: None for r in ranked}
    ties: list[QuotaTie] = []
    blocks: list[list[Ranked]] = []
    for item in placed:
        if blocks and blocks[-1][0].place == item.place:
            blocks[-1].append(item)
        else:
            blocks.append([item])
    bounds: list[tuple[str, int, int]] = []  # (award, start, end) positions, end exclusive
    start = 0
    for award in awards:
        end = min(len(placed), start + award_quota(award.count, award.percent, len(placed)))
        bounds.append((award.name, start, end))
        start = end
    position = 0
    for block in blocks:
        first, last = position, position + len(block)  # positions [first, last)
        position = last
        inside = [name for name, lo, hi in bounds if lo <= first and last <= hi and lo < hi]
        if inside:
            for item in block:
                names[item.submission] = inside[0]
            continue
        for name, lo, hi in bounds:
            # A boundary at `hi` cuts through the block: part of it fits, part does not.
            if first < hi < last and lo < hi:
                ties.append(QuotaTie(name, (block[0].place,),
                                     tuple(item.submission for item in block),
                                     hi - max(first, lo)))
    return names, ties
