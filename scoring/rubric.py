"""The rubric (评审细则): criteria, level bands, weights and the call's rule parameters.

A rubric is data (docs/formats.md §1): a file is read by `scoring.rubric_file` and
validated in full by `scoring.rubric_schema.parse_rubric`, so an organizer who edits it
gets one Chinese message naming the exact field ("criteria[2].levels[1].min：…") instead
of odd scores later.  This module is the model.  Every number is an exact `Decimal`;
`to_dict()` writes them as canonical strings so the rubric embedded in a packet hashes
identically on every machine, and leaves out optional keys that are not set (or hold
their default), so a rubric that does not use a newer key keeps its hash.

Standard library only (docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation, localcontext
from typing import Any

from scoring.aggregate import METHODS as METHODS  # re-exported for rubric_schema
from scoring.ranking import TIE_BREAK_LABELS
from scoring.totals import PRECISION, DecimalFormatError, canonical_decimal, parse_decimal
from scoring.wording import QT_TRANSLATE_NOOP, Message

GROUPS = ("core", "basic")  # core criteria form the first tie-break (core_subtotal)
IMAGE_FORMATS = ("jpeg", "png", "gif", "bmp", "webp")
# The aggregation methods and tie-break steps a rubric may name are the ones scoring
# implements: one list each (aggregate.METHODS, ranking.TIE_BREAK_LABELS), re-exported
# here for the schema so a new method cannot be implemented yet refused by the validator.
TIE_BREAKS = tuple(TIE_BREAK_LABELS)


class RubricError(ValueError):
    """An invalid rubric or score; `str()` is the Chinese message naming the field."""

    def __init__(self, problem: str, path: str = "", file: str = "") -> None:
        self.problem, self.path, self.file = problem, path, file
        text = Message(QT_TRANSLATE_NOOP("Rubric", "{path}：{problem}"),
                       path=path, problem=problem) if path else problem
        super().__init__(Message(QT_TRANSLATE_NOOP("Rubric", "评审细则文件 {file}：{text}"),
                                 file=file, text=text) if file else text)


class FrozenMap(Mapping):
    """A read-only, hashable mapping, so a frozen `Rubric` is truly immutable."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping | None = None) -> None:
        self._data = dict(data or {})

    def __getitem__(self, key: Any) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


@dataclass(frozen=True)
class Level:
    """A named band of points (优秀 25–30); a criterion's levels tile 0..max, best first."""

    name: str
    min: Decimal
    max: Decimal
    descriptor: str


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str
    group: str
    max: Decimal
    weight: Decimal
    description: str
    levels: tuple[Level, ...]
    guidance: Mapping[str, str] = field(default_factory=FrozenMap)


@dataclass(frozen=True)
class IntakeRules:
    """Parameters of the intake checks (the call's length, image and format rules)."""

    body_min_chars: int = 500
    body_max_chars: int = 3000
    images_min: int = 2
    images_max: int = 3
    image_formats: tuple[str, ...] = ("jpeg",)
    image_min_short_side: int = 1080


@dataclass(frozen=True)
class Award:
    name: str
    count: int | None
    percent: Decimal | None


@dataclass(frozen=True)
class AggregationRules:
    method: str = "trimmed"
    trim_min_scores: int = 5
    outlier_percent: Decimal = Decimal(30)
    outlier_z: Decimal = Decimal(2)
    spread_threshold: Decimal = Decimal(20)
    tie_break: tuple[str, ...] = ("core_subtotal", "median")
    few_scores: int = 3  # fewer valid scores than this: flagged 评分人数少
    # A submission is ranked for an award only with at least this many valid scores, or
    # with every assigned expert's score when fewer are assigned (docs/aggregation.md).
    min_valid_scores: int = 5

    def required_scores(self, assigned: int) -> int:
        """Valid scores a submission with `assigned` experts needs to be ranked for an award."""
        return min(self.min_valid_scores, assigned) if assigned > 0 else self.min_valid_scores


@dataclass(frozen=True)
class Rubric:
    id: str
    name: str
    version: str
    step: Decimal
    categories: tuple[str, ...]
    category_descriptions: Mapping[str, str]
    criteria: tuple[Criterion, ...]
    category_weights: Mapping[str, Mapping[str, Decimal]] = field(default_factory=FrozenMap)
    comment_below: Decimal | None = None
    comment_above: Decimal | None = None
    intake: IntakeRules = field(default_factory=IntakeRules)
    aggregation: AggregationRules = field(default_factory=AggregationRules)
    awards: tuple[Award, ...] = ()
    # Other spellings of a category that application forms use (e.g. a reversed word
    # order), per category; intake reads them as that category.
    category_variants: Mapping[str, tuple[str, ...]] = field(default_factory=FrozenMap)
    packet_title: str | None = None  # the default title of a packet built with it

    def criterion(self, id_or_name: str) -> Criterion:
        """The criterion with this id ("warmth") or Chinese name ("温度")."""
        for crit in self.criteria:
            if id_or_name in (crit.id, crit.name):
                return crit
        raise KeyError(Message(QT_TRANSLATE_NOOP("Rubric", "评审细则中没有评分项“{id_or_name}”"),
            id_or_name=id_or_name))

    def weight(self, criterion_id: str, category: str | None = None) -> Decimal:
        """The weight in `category`: its per-category override, else the criterion's own.

        An unknown or missing category (a submission still lacking one) uses the
        criterion's own weight rather than failing.
        """
        crit = self.criterion(criterion_id)
        overrides = self.category_weights.get(category) if category is not None else None
        if overrides and crit.id in overrides:
            return overrides[crit.id]
        return crit.weight

    def max_total(self, category: str | None = None) -> Decimal:
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return sum((self.weight(c.id, category) * c.max for c in self.criteria), Decimal(0))

    def parse_score(self, criterion_id: str, value: str | int | Decimal) -> Decimal:
        """`value` as a valid score for the criterion, at the step's scale ("27.5").

        Only exact input: text, int or Decimal.  A float is refused because it has
        already lost the decimal the expert typed.
        """
        crit = self.criterion(criterion_id)
        if isinstance(value, float):
            raise RubricError(Message(QT_TRANSLATE_NOOP(
                "Rubric", "{name} 的分数必须是精确的十进制数，不能是浮点数（收到 {value}）"),
                name=crit.name, value=repr(value)))
        try:
            number = parse_decimal(value)
        except DecimalFormatError as err:
            raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "{name} 的分数不是有效的数字：{err}"),
                name=crit.name, err=err)) from None
        if not 0 <= number <= crit.max:
            raise RubricError(Message(QT_TRANSLATE_NOOP(
                "Rubric", "{name} 的分数必须在 0 到 {max} 之间（收到 {value}）"),
                name=crit.name, max=canonical_decimal(crit.max), value=value))
        step = canonical_decimal(self.step)
        if not on_step_grid(number, self.step):
            raise RubricError(Message(QT_TRANSLATE_NOOP(
                "Rubric", "{name} 的分数必须是 {step} 的整数倍（收到 {value}）"),
                name=crit.name, step=step, value=value))
        exponent = min(self.step.normalize().as_tuple().exponent, 0)
        with localcontext() as ctx:
            ctx.prec = PRECISION
            return number.quantize(Decimal(1).scaleb(exponent))

    def level_for(self, criterion_id: str, value: Decimal | int) -> Level | None:
        """The level whose band holds `value`, or None outside every band."""
        for level in self.criterion(criterion_id).levels:
            if level.min <= value <= level.max:
                return level
        return None

    def total(self, scores: Mapping[str, Decimal | None], category: str | None = None) -> Decimal:
        """Σ weight × score over the criteria present in `scores` (keys: criterion ids).

        A missing (or None) criterion is left out, never counted as 0: whether a partly
        scored submission counts is the caller's decision (`is_complete`).
        """
        return self._weighted(scores, category, lambda crit: True)

    def core_subtotal(self, scores: Mapping[str, Decimal | None],
                      category: str | None = None) -> Decimal:
        """The weighted sum of the criteria in group "core" only — the first tie-break."""
        return self._weighted(scores, category, lambda crit: crit.group == "core")

    @property
    def core_names(self) -> tuple[str, ...]:
        """The names of the core criteria, in rubric order (how the first tie-break reads)."""
        return tuple(crit.name for crit in self.criteria if crit.group == "core")

    def is_complete(self, scores: Mapping[str, Decimal | None]) -> bool:
        return all(scores.get(crit.id) is not None for crit in self.criteria)

    def comment_required(self, total: Decimal) -> str | None:
        """Why a comment is required for this total (Chinese), or None."""
        if self.comment_below is not None and total < self.comment_below:
            return f"总分低于{canonical_decimal(self.comment_below)}分，须填写评语"
        if self.comment_above is not None and total > self.comment_above:
            return f"总分高于{canonical_decimal(self.comment_above)}分，须填写评语"
        return None

    def _weighted(self, scores: Mapping[str, Decimal | None], category: str | None,
                  keep: Callable[[Criterion], bool]) -> Decimal:
        by_id = {crit.id: crit for crit in self.criteria}
        total = Decimal(0)
        with localcontext() as ctx:
            ctx.prec = PRECISION
            for key, score in scores.items():
                crit = by_id.get(key)
                if crit is None:
                    raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "评审细则中没有评分项“{key}”"),
                        key=key))
                if score is None or not keep(crit):
                    continue
                if isinstance(score, bool) or not isinstance(score, int | Decimal):
                    raise RubricError(Message(QT_TRANSLATE_NOOP(
                        "Rubric", "{name} 的分数必须是精确的十进制数（收到 {score}）"),
                        name=crit.name, score=repr(score)))
                total += self.weight(crit.id, category) * score
        return total

    def to_dict(self) -> dict[str, Any]:
        """The rubric as JSON-safe data of the file's shape (decimals as strings)."""
        d = canonical_decimal
        comment = {k: d(v) for k, v in (("below", self.comment_below),
                                         ("above", self.comment_above)) if v is not None}
        agg = self.aggregation
        aggregation = {
            "method": agg.method, "trim_min_scores": agg.trim_min_scores,
            "outlier_percent": d(agg.outlier_percent), "outlier_z": d(agg.outlier_z),
            "spread_threshold": d(agg.spread_threshold), "tie_break": list(agg.tie_break),
        }
        if agg.few_scores != AggregationRules.few_scores:
            aggregation["few_scores"] = agg.few_scores
        if agg.min_valid_scores != AggregationRules.min_valid_scores:
            aggregation["min_valid_scores"] = agg.min_valid_scores
        optional: dict[str, Any] = {}
        if self.category_variants:
            optional["category_variants"] = {cat: list(names) for cat, names
                                              in self.category_variants.items()}
        if self.packet_title is not None:
            optional["packet_title"] = self.packet_title
        return {
            "id": self.id, "name": self.name, "version": self.version, "step": d(self.step),
            "categories": list(self.categories),
            "categories_description": dict(self.category_descriptions),
            "comment_required": comment,
            "intake": {
                "body_min_chars": self.intake.body_min_chars,
                "body_max_chars": self.intake.body_max_chars,
                "images_min": self.intake.images_min, "images_max": self.intake.images_max,
                "image_formats": list(self.intake.image_formats),
                "image_min_short_side": self.intake.image_min_short_side,
            },
            "aggregation": aggregation,
            "awards": [{"name": a.name, "count": a.count} if a.count is not None
                       else {"name": a.name, "percent": d(a.percent)} for a in self.awards],
            "criteria": [{
                "id": c.id, "name": c.name, "group": c.group, "max": d(c.max),
                "weight": d(c.weight), "description": c.description,
                "levels": [{"name": lv.name, "min": d(lv.min), "max": d(lv.max),
                            "descriptor": lv.descriptor} for lv in c.levels],
                "guidance": dict(c.guidance),
            } for c in self.criteria],
            "category_weights": {cat: {cid: d(w) for cid, w in ws.items()}
                                 for cat, ws in self.category_weights.items()},
            **optional,
        }


def on_step_grid(value: Decimal, step: Decimal) -> bool:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        try:
            return value % step == 0
        except InvalidOperation:
            return False
