"""The rubric (评审细则): criteria, level bands, weights and the call's rule parameters.

A rubric is data, loaded from `resources/rubrics/*.toml` (or JSON of the same shape) and
validated in full by `Rubric.from_dict`, so an organizer who edits the file gets one
Chinese message naming the exact field ("criteria[2].levels[1].min：…") instead of odd
scores later.  Every number is an exact `Decimal`; `to_dict()` writes them as canonical
strings so the rubric embedded in a packet hashes identically on every machine.

Standard library only (DESIGN §3).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation, localcontext
from pathlib import Path
from typing import Any

from scoring.totals import PRECISION, DecimalFormatError, canonical_decimal, parse_decimal

LEVEL_NAMES = ("优秀", "良好", "一般", "较差")  # best first: the order levels are stored in
GROUPS = ("core", "basic")
IMAGE_FORMATS = ("jpeg", "png", "gif", "bmp", "webp")
METHODS = ("trimmed", "mean", "median", "zscore", "bias", "borda")
TIE_BREAKS = ("core_subtotal", "median", "max_criterion")
MAX_FILE_BYTES = 1 << 20
_ID = re.compile(r"[a-z][a-z0-9_]{0,31}")
_RUBRIC_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Bounds that keep every modulo/sum exact and cheap, whatever a hostile file holds.
_LIMIT = Decimal(10) ** 6
_MIN_EXPONENT = -6
_MAX_STR = 4000
_MAX_ITEMS = 100

_TOP_KEYS = ("id", "name", "version", "step", "categories", "categories_description",
             "comment_required", "intake", "aggregation", "awards", "criteria",
             "category_weights")


class RubricError(ValueError):
    """An invalid rubric or score; `str()` is the Chinese message naming the field."""

    def __init__(self, problem: str, path: str = "", file: str = "") -> None:
        self.problem, self.path, self.file = problem, path, file
        text = f"{path}：{problem}" if path else problem
        super().__init__(f"评审细则文件 {file}：{text}" if file else text)


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

    def criterion(self, id_or_name: str) -> Criterion:
        """The criterion with this id ("warmth") or Chinese name ("温度")."""
        for crit in self.criteria:
            if id_or_name in (crit.id, crit.name):
                return crit
        raise KeyError(f"评审细则中没有评分项“{id_or_name}”")

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
            raise RubricError(f"{crit.name} 的分数必须是精确的十进制数，不能是浮点数（收到 {value!r}）")
        try:
            number = parse_decimal(value)
        except DecimalFormatError as err:
            raise RubricError(f"{crit.name} 的分数不是有效的数字：{err}") from None
        if not 0 <= number <= crit.max:
            raise RubricError(f"{crit.name} 的分数必须在 0 到 {canonical_decimal(crit.max)} 之间"
                              f"（收到 {value}）")
        step = canonical_decimal(self.step)
        if not _on_grid(number, self.step):
            raise RubricError(f"{crit.name} 的分数必须是 {step} 的整数倍（收到 {value}）")
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
        """The weighted sum of the core criteria (温度 + 效能) only — the first tie-break."""
        return self._weighted(scores, category, lambda crit: crit.group == "core")

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
                    raise RubricError(f"评审细则中没有评分项“{key}”")
                if score is None or not keep(crit):
                    continue
                if isinstance(score, bool) or not isinstance(score, int | Decimal):
                    raise RubricError(f"{crit.name} 的分数必须是精确的十进制数（收到 {score!r}）")
                total += self.weight(crit.id, category) * score
        return total

    def to_dict(self) -> dict[str, Any]:
        """The rubric as JSON-safe data of the file's shape (decimals as strings)."""
        d = canonical_decimal
        comment = {k: d(v) for k, v in (("below", self.comment_below),
                                         ("above", self.comment_above)) if v is not None}
        agg = self.aggregation
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
            "aggregation": {
                "method": agg.method, "trim_min_scores": agg.trim_min_scores,
                "outlier_percent": d(agg.outlier_percent), "outlier_z": d(agg.outlier_z),
                "spread_threshold": d(agg.spread_threshold), "tie_break": list(agg.tie_break),
            },
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
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rubric:
        """Validate `data` (a loaded TOML/JSON document) in full; RubricError names the field."""
        return _parse(data)


def load_rubric(path: str | os.PathLike) -> Rubric:
    """Load and validate a .toml or .json rubric; every error names the file."""
    p = Path(path)
    name = p.name or str(p)
    suffix = p.suffix.lower()
    if suffix not in (".toml", ".json"):
        raise RubricError("不支持的格式（应为 .toml 或 .json）", file=name)
    try:
        with p.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise RubricError("找不到该文件", file=name) from None
    except OSError as err:
        raise RubricError(f"无法读取（{err.strerror or type(err).__name__}）", file=name) from None
    if len(raw) > MAX_FILE_BYTES:
        raise RubricError("文件过大（评审细则不应超过 1 MB）", file=name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RubricError("不是 UTF-8 编码的文本", file=name) from None
    try:
        data = tomllib.loads(text) if suffix == ".toml" else json.loads(
            text, parse_float=Decimal, parse_constant=_reject_constant,
            object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError) as err:
        kind = "TOML" if suffix == ".toml" else "JSON"
        detail = "嵌套层次过深" if isinstance(err, RecursionError) else str(err)
        raise RubricError(f"{kind} 格式错误（{detail}）", file=name) from None
    try:
        return Rubric.from_dict(data)
    except RubricError as err:
        raise RubricError(err.problem, err.path, file=name) from None


def _reject_constant(token: str) -> Any:
    raise ValueError(f"不允许 {token}")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"字段“{key}”重复")
        result[key] = value
    return result


# ---- validation ---------------------------------------------------------------------

def _on_grid(value: Decimal, step: Decimal) -> bool:
    with localcontext() as ctx:
        ctx.prec = PRECISION
        try:
            return value % step == 0
        except InvalidOperation:
            return False


def _table(value: Any, path: str, allowed: tuple[str, ...],
           required: tuple[str, ...] = ()) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise RubricError("必须是表（键值对）", path)
    for key in value:
        if key not in allowed:
            where = f"{path}.{key}" if path else str(key)
            raise RubricError(f"未知字段（拼写错误？可用字段：{'、'.join(allowed)}）", where)
    for key in required:
        if key not in value:
            raise RubricError("缺少必填字段", f"{path}.{key}" if path else key)
    return value


def _list(value: Any, path: str, *, allow_empty: bool = False) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise RubricError("必须是列表", path)
    if not value and not allow_empty:
        raise RubricError("不能为空", path)
    if len(value) > _MAX_ITEMS:
        raise RubricError(f"条目过多（最多 {_MAX_ITEMS} 项）", path)
    return list(value)


def _text(value: Any, path: str, *, chinese: bool = False, limit: int = _MAX_STR) -> str:
    if not isinstance(value, str):
        raise RubricError("必须是文本", path)
    if not value.strip():
        raise RubricError("不能为空", path)
    if value != value.strip():
        raise RubricError("首尾不能有空白", path)
    if len(value) > limit:
        raise RubricError(f"过长（最多 {limit} 字）", path)
    if chinese and not _CJK.search(value):
        raise RubricError("必须是中文名称", path)
    return value


def _int(value: Any, path: str, minimum: int = 1, maximum: int = 10**9) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RubricError("必须是整数", path)
    if not minimum <= value <= maximum:
        raise RubricError(f"必须在 {minimum} 到 {maximum} 之间", path)
    return value


def _dec(value: Any, path: str) -> Decimal:
    try:
        if isinstance(value, bool) or not isinstance(value, float | str | int | Decimal):
            raise DecimalFormatError(repr(value))
        # A TOML float's shortest repr is the decimal its author typed ("24.5", "1.2").
        number = Decimal(repr(value)) if isinstance(value, float) else parse_decimal(value)
    except (DecimalFormatError, InvalidOperation):
        raise RubricError("必须是数字", path) from None
    if not number.is_finite():
        raise RubricError("必须是有限的数字", path)
    if abs(number) > _LIMIT or (number != 0 and
                                number.normalize().as_tuple().exponent < _MIN_EXPONENT):
        raise RubricError("数值超出允许范围（绝对值 ≤ 1000000，最多 6 位小数）", path)
    return number


def _parse(data: Mapping[str, Any]) -> Rubric:
    top = _table(data, "", _TOP_KEYS, ("id", "name", "version", "step", "categories", "criteria"))
    rid = top["id"]
    if not isinstance(rid, str) or not _RUBRIC_ID.fullmatch(rid):
        raise RubricError("必须是 ASCII 标识（字母、数字、. _ -，最长 64）", "id")
    step = _dec(top["step"], "step")
    if step <= 0:
        raise RubricError("必须大于 0", "step")
    categories = tuple(_text(c, f"categories[{i}]", chinese=True, limit=40)
                       for i, c in enumerate(_list(top["categories"], "categories")))
    for i, cat in enumerate(categories):
        if cat in categories[:i]:
            raise RubricError(f"类别“{cat}”重复", f"categories[{i}]")
    descriptions = _text_map(top.get("categories_description", {}), "categories_description",
                             categories)
    criteria = tuple(_criterion(c, f"criteria[{i}]", step, categories)
                     for i, c in enumerate(_list(top["criteria"], "criteria")))
    for i, crit in enumerate(criteria):
        for other in criteria[:i]:
            if crit.id == other.id:
                raise RubricError(f"评分项标识“{crit.id}”重复", f"criteria[{i}].id")
            if crit.name == other.name:
                raise RubricError(f"评分项名称“{crit.name}”重复", f"criteria[{i}].name")
    rubric = Rubric(
        id=rid, name=_text(top["name"], "name", limit=200),
        version=_text(top["version"], "version", limit=32), step=step, categories=categories,
        category_descriptions=descriptions, criteria=criteria,
        category_weights=_category_weights(top.get("category_weights", {}), categories, criteria),
        intake=_intake(top.get("intake", {})), aggregation=_aggregation(top.get("aggregation", {})),
        awards=_awards(top.get("awards", [])))
    for cat in (None, *categories):
        if rubric.max_total(cat) <= 0:
            where = f"category_weights.{cat}" if cat else "criteria"
            raise RubricError("满分必须大于 0（权重不能全为 0）", where)
    below, above = _comment_thresholds(top.get("comment_required", {}), rubric)
    return replace(rubric, comment_below=below, comment_above=above)


def _text_map(value: Any, path: str, categories: tuple[str, ...]) -> FrozenMap:
    table = _table(value, path, categories)
    return FrozenMap({k: _text(v, f"{path}.{k}") for k, v in table.items()})


def _criterion(value: Any, path: str, step: Decimal, categories: tuple[str, ...]) -> Criterion:
    table = _table(value, path, ("id", "name", "group", "max", "weight", "description",
                                 "levels", "guidance"),
                   ("id", "name", "group", "max", "description", "levels"))
    cid = table["id"]
    if not isinstance(cid, str) or not _ID.fullmatch(cid):
        raise RubricError("必须是小写 ASCII 标识（如 warmth，字母开头，最长 32）", f"{path}.id")
    if table["group"] not in GROUPS:
        raise RubricError("必须是 core（核心维度）或 basic（基本要求）", f"{path}.group")
    top = _dec(table["max"], f"{path}.max")
    if top <= 0 or not _on_grid(top, step):
        raise RubricError(f"必须大于 0 且是 step（{canonical_decimal(step)}）的整数倍",
                          f"{path}.max")
    weight = _dec(table.get("weight", 1), f"{path}.weight")
    if weight < 0:
        raise RubricError("不能为负数", f"{path}.weight")
    return Criterion(
        id=cid, name=_text(table["name"], f"{path}.name", chinese=True, limit=40),
        group=table["group"], max=top, weight=weight,
        description=_text(table["description"], f"{path}.description"),
        levels=_levels(table["levels"], f"{path}.levels", step, top),
        guidance=_text_map(table.get("guidance", {}), f"{path}.guidance", categories))


def _levels(value: Any, path: str, step: Decimal, top: Decimal) -> tuple[Level, ...]:
    found: dict[str, tuple[int, Level]] = {}
    for i, item in enumerate(_list(value, path)):
        where = f"{path}[{i}]"
        table = _table(item, where, ("name", "min", "max", "descriptor"),
                       ("name", "min", "max", "descriptor"))
        name = table["name"]
        if name not in LEVEL_NAMES:
            raise RubricError(f"等级名称必须是 {'/'.join(LEVEL_NAMES)} 之一", f"{where}.name")
        if name in found:
            raise RubricError(f"等级“{name}”重复", f"{where}.name")
        low, high = _dec(table["min"], f"{where}.min"), _dec(table["max"], f"{where}.max")
        for key, number in (("min", low), ("max", high)):
            if not _on_grid(number, step):
                raise RubricError(f"必须是 step（{canonical_decimal(step)}）的整数倍",
                                  f"{where}.{key}")
        if low > high:
            raise RubricError("必须 ≤ max", f"{where}.min")
        found[name] = (i, Level(name, low, high, _text(table["descriptor"], f"{where}.descriptor")))
    missing = [n for n in LEVEL_NAMES if n not in found]
    if missing:
        raise RubricError(f"缺少等级：{'、'.join(missing)}（须恰好为 {'/'.join(LEVEL_NAMES)}）", path)
    expected = Decimal(0)  # bands must tile 0..max with no gap or overlap, worst level first
    for name in reversed(LEVEL_NAMES):
        index, level = found[name]
        if level.min != expected:
            raise RubricError(f"应为 {canonical_decimal(expected)}（各等级分数段须从 0 起"
                              f"首尾相接、不重叠），实际为 {canonical_decimal(level.min)}",
                              f"{path}[{index}].min")
        expected = level.max + step
    index, best = found[LEVEL_NAMES[0]]
    if best.max != top:
        raise RubricError(f"最高等级的上限应等于该项满分 {canonical_decimal(top)}",
                          f"{path}[{index}].max")
    return tuple(found[n][1] for n in LEVEL_NAMES)


def _category_weights(value: Any, categories: tuple[str, ...],
                      criteria: tuple[Criterion, ...]) -> FrozenMap:
    ids = tuple(c.id for c in criteria)
    result = {}
    for cat, weights in _table(value, "category_weights", categories).items():
        path = f"category_weights.{cat}"
        parsed = {}
        for cid, raw in _table(weights, path, ids).items():
            parsed[cid] = _dec(raw, f"{path}.{cid}")
            if parsed[cid] < 0:
                raise RubricError("不能为负数", f"{path}.{cid}")
        result[cat] = FrozenMap(parsed)
    return FrozenMap(result)


def _comment_thresholds(value: Any, rubric: Rubric) -> tuple[Decimal | None, Decimal | None]:
    table = _table(value, "comment_required", ("below", "above"))
    ceiling = max(rubric.max_total(cat) for cat in (None, *rubric.categories))
    found: dict[str, Decimal | None] = {"below": None, "above": None}
    for key in found:
        if key in table:
            number = _dec(table[key], f"comment_required.{key}")
            if not 0 <= number <= ceiling:
                raise RubricError(f"必须在 0 到满分 {canonical_decimal(ceiling)} 之间",
                                  f"comment_required.{key}")
            found[key] = number
    if found["below"] is not None and found["above"] is not None \
            and found["below"] > found["above"]:
        raise RubricError("below 不能大于 above", "comment_required.below")
    return found["below"], found["above"]


def _intake(value: Any) -> IntakeRules:
    names = ("body_min_chars", "body_max_chars", "images_min", "images_max",
             "image_formats", "image_min_short_side")
    table = _table(value, "intake", names)
    defaults = IntakeRules()
    ints = {k: _int(table[k], f"intake.{k}") if k in table else getattr(defaults, k)
            for k in names if k != "image_formats"}
    for low, high in (("body_min_chars", "body_max_chars"), ("images_min", "images_max")):
        if ints[low] > ints[high]:
            raise RubricError(f"必须 ≤ {high}", f"intake.{low}")
    formats = defaults.image_formats
    if "image_formats" in table:
        items = _list(table["image_formats"], "intake.image_formats")
        for i, fmt in enumerate(items):
            if fmt not in IMAGE_FORMATS or fmt in items[:i]:
                raise RubricError(f"必须是 {'、'.join(IMAGE_FORMATS)} 之一且不重复",
                                  f"intake.image_formats[{i}]")
        formats = tuple(items)
    return IntakeRules(image_formats=formats, **ints)


def _aggregation(value: Any) -> AggregationRules:
    table = _table(value, "aggregation", ("method", "trim_min_scores", "outlier_percent",
                                          "outlier_z", "spread_threshold", "tie_break"))
    rules = AggregationRules()
    method = table.get("method", rules.method)
    if method not in METHODS:
        raise RubricError(f"必须是 {'、'.join(METHODS)} 之一", "aggregation.method")
    trim = _int(table.get("trim_min_scores", rules.trim_min_scores),
                "aggregation.trim_min_scores", minimum=3, maximum=1000)
    numbers = {}
    for key, upper in (("outlier_percent", Decimal(100)), ("outlier_z", _LIMIT),
                       ("spread_threshold", _LIMIT)):
        numbers[key] = _dec(table.get(key, getattr(rules, key)), f"aggregation.{key}")
        if not 0 < numbers[key] <= upper:
            raise RubricError(f"必须大于 0 且不超过 {canonical_decimal(upper)}",
                              f"aggregation.{key}")
    ties = _list(table.get("tie_break", list(rules.tie_break)), "aggregation.tie_break",
                 allow_empty=True)
    for i, item in enumerate(ties):
        if item not in TIE_BREAKS or item in ties[:i]:
            raise RubricError(f"必须是 {'、'.join(TIE_BREAKS)} 之一且不重复",
                              f"aggregation.tie_break[{i}]")
    return AggregationRules(method=method, trim_min_scores=trim, tie_break=tuple(ties), **numbers)


def _awards(value: Any) -> tuple[Award, ...]:
    awards: list[Award] = []
    for i, item in enumerate(_list(value, "awards", allow_empty=True)):
        path = f"awards[{i}]"
        table = _table(item, path, ("name", "count", "percent"), ("name",))
        name = _text(table["name"], f"{path}.name", limit=40)
        if any(a.name == name for a in awards):
            raise RubricError(f"奖项“{name}”重复", f"{path}.name")
        if ("count" in table) == ("percent" in table):
            raise RubricError("须且只能填写 count（名额）或 percent（比例）之一", path)
        count = percent = None
        if "count" in table:
            count = _int(table["count"], f"{path}.count", maximum=100000)
        else:
            percent = _dec(table["percent"], f"{path}.percent")
            if not 0 < percent <= 100:
                raise RubricError("必须大于 0 且不超过 100", f"{path}.percent")
        awards.append(Award(name=name, count=count, percent=percent))
    return tuple(awards)
