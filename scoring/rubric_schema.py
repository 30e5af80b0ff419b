"""Validation of rubric documents: every field checked, every error naming its path.

`parse_rubric()` turns a loaded TOML/JSON document (or a packet's embedded rubric) into a
`scoring.rubric.Rubric`, or raises `RubricError` with the exact field
("criteria[2].levels[1].min：必须 ≤ max").  Kept apart from the model so
`scoring/rubric.py` stays about what a rubric *is*; the format is docs/formats.md §1.
Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from scoring.rubric import (
    GROUPS,
    IMAGE_FORMATS,
    METHODS,
    TIE_BREAKS,
    AggregationRules,
    Award,
    Criterion,
    FrozenMap,
    IntakeRules,
    Level,
    Rubric,
    RubricError,
    on_step_grid,
)
from scoring.totals import DecimalFormatError, canonical_decimal, parse_decimal
from scoring.wording import QT_TRANSLATE_NOOP, Message

_ID = re.compile(r"[a-z][a-z0-9_]{0,31}")
_RUBRIC_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LIMIT = Decimal(10) ** 6
_MIN_EXPONENT = -6
_MAX_STR = 4000
_MAX_ITEMS = 100
_MAX_LEVELS = 10
_TOP_KEYS = ("id", "name", "version", "step", "categories", "categories_description",
             "comment_required", "intake", "aggregation", "awards", "criteria",
             "category_weights", "category_variants", "packet_title")


def _table(value: Any, path: str, allowed: tuple[str, ...],
           required: tuple[str, ...] = ()) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须是表（键值对）")), path)
    for key in value:
        if key not in allowed:
            where = f"{path}.{key}" if path else str(key)
            raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "未知字段（拼写错误？可用字段：{allowed}）"),
                allowed=list(allowed)), where)
    for key in required:
        if key not in value:
            raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "缺少必填字段")), f"{path}.{key}" if path else key)
    return value


def _list(value: Any, path: str, *, allow_empty: bool = False) -> list[Any]:
    if not isinstance(value, list | tuple):
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须是列表")), path)
    if not value and not allow_empty:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "不能为空")), path)
    if len(value) > _MAX_ITEMS:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "条目过多（最多 {limit} 项）"),
            limit=_MAX_ITEMS), path)
    return list(value)


def _text(value: Any, path: str, *, chinese: bool = False, limit: int = _MAX_STR) -> str:
    if not isinstance(value, str):
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须是文本")), path)
    if not value.strip():
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "不能为空")), path)
    if value != value.strip():
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "首尾不能有空白")), path)
    if len(value) > limit:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "过长（最多 {limit} 字）"),
            limit=limit), path)
    if chinese and not _CJK.search(value):
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须是中文名称")), path)
    return value


def _int(value: Any, path: str, minimum: int = 1, maximum: int = 10**9) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须是整数")), path)
    if not minimum <= value <= maximum:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须在 {minimum} 到 {maximum} 之间"),
            minimum=minimum, maximum=maximum), path)
    return value


def _dec(value: Any, path: str) -> Decimal:
    try:
        if isinstance(value, bool) or not isinstance(value, float | str | int | Decimal):
            raise DecimalFormatError(repr(value))
        # A TOML float's shortest repr is the decimal its author typed ("24.5", "1.2").
        number = Decimal(repr(value)) if isinstance(value, float) else parse_decimal(value)
    except (DecimalFormatError, InvalidOperation):
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须是数字")), path) from None
    if not number.is_finite():
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须是有限的数字")), path)
    if abs(number) > _LIMIT or (number != 0 and
                                number.normalize().as_tuple().exponent < _MIN_EXPONENT):
        raise RubricError(Message(QT_TRANSLATE_NOOP(
            "Rubric", "数值超出允许范围（绝对值 ≤ 1000000，最多 6 位小数）")), path)
    return number


def parse_rubric(data: Mapping[str, Any]) -> Rubric:
    top = _table(data, "", _TOP_KEYS, ("id", "name", "version", "step", "categories", "criteria"))
    rid = top["id"]
    if not isinstance(rid, str) or not _RUBRIC_ID.fullmatch(rid):
        raise RubricError(Message(QT_TRANSLATE_NOOP(
            "Rubric", "必须是 ASCII 标识（字母、数字、. _ -，最长 64）")), "id")
    step = _dec(top["step"], "step")
    if step <= 0:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须大于 0")), "step")
    categories = tuple(_text(c, f"categories[{i}]", chinese=True, limit=40)
                       for i, c in enumerate(_list(top["categories"], "categories")))
    for i, cat in enumerate(categories):
        if cat in categories[:i]:
            raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "类别“{cat}”重复"),
                cat=cat), f"categories[{i}]")
    descriptions = _text_map(top.get("categories_description", {}), "categories_description",
                             categories)
    criteria = tuple(_criterion(c, f"criteria[{i}]", step, categories)
                     for i, c in enumerate(_list(top["criteria"], "criteria")))
    for i, crit in enumerate(criteria):
        for other in criteria[:i]:
            if crit.id == other.id:
                raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "评分项标识“{id}”重复"),
                    id=crit.id), f"criteria[{i}].id")
            if crit.name == other.name:
                raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "评分项名称“{name}”重复"),
                    name=crit.name), f"criteria[{i}].name")
    rubric = Rubric(
        id=rid, name=_text(top["name"], "name", limit=200),
        version=_text(top["version"], "version", limit=32), step=step, categories=categories,
        category_descriptions=descriptions, criteria=criteria,
        category_weights=_category_weights(top.get("category_weights", {}), categories, criteria),
        intake=_intake(top.get("intake", {})), aggregation=_aggregation(top.get("aggregation", {})),
        awards=_awards(top.get("awards", [])),
        category_variants=_variants(top.get("category_variants", {}), categories),
        packet_title=(_text(top["packet_title"], "packet_title", limit=200)
                      if "packet_title" in top else None))
    for cat in (None, *categories):
        if rubric.max_total(cat) <= 0:
            where = f"category_weights.{cat}" if cat else "criteria"
            raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "满分必须大于 0（权重不能全为 0）")), where)
    below, above = _comment_thresholds(top.get("comment_required", {}), rubric)
    return replace(rubric, comment_below=below, comment_above=above)


def _variants(value: Any, categories: tuple[str, ...]) -> FrozenMap:
    """category → other spellings; each spelling names exactly one category."""
    owner = {cat: cat for cat in categories}
    result = {}
    for cat, items in _table(value, "category_variants", categories).items():
        path = f"category_variants.{cat}"
        names = []
        for i, item in enumerate(_list(items, path)):
            name = _text(item, f"{path}[{i}]", limit=40)
            if name in owner:
                raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "“{name}”已是类别“{owner}”或它的写法"),
                    name=name, owner=owner[name]), f"{path}[{i}]")
            owner[name] = cat
            names.append(name)
        result[cat] = tuple(names)
    return FrozenMap(result)


def _text_map(value: Any, path: str, categories: tuple[str, ...]) -> FrozenMap:
    table = _table(value, path, categories)
    return FrozenMap({k: _text(v, f"{path}.{k}") for k, v in table.items()})


def _criterion(value: Any, path: str, step: Decimal, categories: tuple[str, ...]) -> Criterion:
    table = _table(value, path, ("id", "name", "group", "max", "weight", "description",
                                 "levels", "guidance"),
                   ("id", "name", "max", "description", "levels"))
    cid = table["id"]
    if not isinstance(cid, str) or not _ID.fullmatch(cid):
        raise RubricError(Message(QT_TRANSLATE_NOOP(
            "Rubric", "必须是小写 ASCII 标识（字母开头，最长 32）")), f"{path}.id")
    group = table.get("group", "basic")
    if group not in GROUPS:
        raise RubricError(Message(QT_TRANSLATE_NOOP(
            "Rubric", "必须是 core（核心维度）或 basic（基本要求）")), f"{path}.group")
    top = _dec(table["max"], f"{path}.max")
    if top <= 0 or not on_step_grid(top, step):
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须大于 0 且是 step（{step}）的整数倍"),
            step=canonical_decimal(step)),
                          f"{path}.max")
    weight = _dec(table.get("weight", 1), f"{path}.weight")
    if weight < 0:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "不能为负数")), f"{path}.weight")
    return Criterion(
        id=cid, name=_text(table["name"], f"{path}.name", chinese=True, limit=40),
        group=group, max=top, weight=weight,
        description=_text(table["description"], f"{path}.description"),
        levels=_levels(table["levels"], f"{path}.levels", step, top),
        guidance=_text_map(table.get("guidance", {}), f"{path}.guidance", categories))


def _levels(value: Any, path: str, step: Decimal, top: Decimal) -> tuple[Level, ...]:
    """Named bands that tile 0..max with no gap or overlap; stored best first."""
    found: list[tuple[int, Level]] = []
    items = _list(value, path)
    if len(items) > _MAX_LEVELS:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "等级过多（最多 {limit} 个）"),
            limit=_MAX_LEVELS), path)
    for i, item in enumerate(items):
        where = f"{path}[{i}]"
        table = _table(item, where, ("name", "min", "max", "descriptor"),
                       ("name", "min", "max", "descriptor"))
        name = _text(table["name"], f"{where}.name", limit=20)
        if any(level.name == name for _, level in found):
            raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "等级“{name}”重复"),
                name=name), f"{where}.name")
        low, high = _dec(table["min"], f"{where}.min"), _dec(table["max"], f"{where}.max")
        for key, number in (("min", low), ("max", high)):
            if not on_step_grid(number, step):
                raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须是 step（{step}）的整数倍"),
                    step=canonical_decimal(step)),
                                  f"{where}.{key}")
        if low > high:
            raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须 ≤ max")), f"{where}.min")
        found.append((i, Level(name, low, high, _text(table["descriptor"], f"{where}.descriptor"))))
    ordered = sorted(found, key=lambda item: (item[1].min, item[1].max))  # worst first
    expected = Decimal(0)
    for index, level in ordered:
        if level.min != expected:
            raise RubricError(Message(QT_TRANSLATE_NOOP(
                "Rubric", "应为 {expected}（各等级分数段须从 0 起首尾相接、不重叠），实际为 {min}"),
                expected=canonical_decimal(expected), min=canonical_decimal(level.min)),
                              f"{path}[{index}].min")
        expected = level.max + step
    index, best = ordered[-1]
    if best.max != top:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "最高等级的上限应等于该项满分 {top}"),
            top=canonical_decimal(top)),
                          f"{path}[{index}].max")
    return tuple(level for _, level in reversed(ordered))


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
                raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "不能为负数")), f"{path}.{cid}")
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
                raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须在 0 到满分 {ceiling} 之间"),
                    ceiling=canonical_decimal(ceiling)),
                                  f"comment_required.{key}")
            found[key] = number
    if found["below"] is not None and found["above"] is not None \
            and found["below"] > found["above"]:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "below 不能大于 above")), "comment_required.below")
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
            raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须 ≤ {high}"),
                high=high), f"intake.{low}")
    formats = defaults.image_formats
    if "image_formats" in table:
        items = _list(table["image_formats"], "intake.image_formats")
        for i, fmt in enumerate(items):
            if fmt not in IMAGE_FORMATS or fmt in items[:i]:
                raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须是 {formats} 之一且不重复"),
                    formats=list(IMAGE_FORMATS)),
                                  f"intake.image_formats[{i}]")
        formats = tuple(items)
    return IntakeRules(image_formats=formats, **ints)


def _aggregation(value: Any) -> AggregationRules:
    table = _table(value, "aggregation", ("method", "trim_min_scores", "outlier_percent",
                                          "outlier_z", "spread_threshold", "tie_break",
                                          "few_scores", "min_valid_scores"))
    rules = AggregationRules()
    method = table.get("method", rules.method)
    if method not in METHODS:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须是 {methods} 之一"),
            methods=list(METHODS)), "aggregation.method")
    trim = _int(table.get("trim_min_scores", rules.trim_min_scores),
                "aggregation.trim_min_scores", minimum=3, maximum=1000)
    numbers = {}
    for key, upper in (("outlier_percent", Decimal(100)), ("outlier_z", _LIMIT),
                       ("spread_threshold", _LIMIT)):
        numbers[key] = _dec(table.get(key, getattr(rules, key)), f"aggregation.{key}")
        if not 0 < numbers[key] <= upper:
            raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须大于 0 且不超过 {upper}"),
                upper=canonical_decimal(upper)),
                              f"aggregation.{key}")
    ties = _list(table.get("tie_break", list(rules.tie_break)), "aggregation.tie_break",
                 allow_empty=True)
    for i, item in enumerate(ties):
        if item not in TIE_BREAKS or item in ties[:i]:
            raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "必须是 {choices} 之一且不重复"),
                choices=list(TIE_BREAKS)),
                              f"aggregation.tie_break[{i}]")
    few = _int(table.get("few_scores", rules.few_scores), "aggregation.few_scores",
               minimum=1, maximum=1000)
    minimum = _int(table.get("min_valid_scores", rules.min_valid_scores),
                   "aggregation.min_valid_scores", minimum=1, maximum=1000)
    return AggregationRules(method=method, trim_min_scores=trim, tie_break=tuple(ties),
                            few_scores=few, min_valid_scores=minimum, **numbers)


def _awards(value: Any) -> tuple[Award, ...]:
    awards: list[Award] = []
    for i, item in enumerate(_list(value, "awards", allow_empty=True)):
        path = f"awards[{i}]"
        table = _table(item, path, ("name", "count", "percent"), ("name",))
        name = _text(table["name"], f"{path}.name", limit=40)
        if any(a.name == name for a in awards):
            raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "奖项“{name}”重复"),
                name=name), f"{path}.name")
        if ("count" in table) == ("percent" in table):
            raise RubricError(Message(QT_TRANSLATE_NOOP(
                "Rubric", "须且只能填写 count（名额）或 percent（比例）之一")), path)
        count = percent = None
        if "count" in table:
            count = _int(table["count"], f"{path}.count", maximum=100000)
        else:
            percent = _dec(table["percent"], f"{path}.percent")
            if not 0 < percent <= 100:
                raise RubricError(Message(QT_TRANSLATE_NOOP(
                    "Rubric", "必须大于 0 且不超过 100")), f"{path}.percent")
        awards.append(Award(name=name, count=count, percent=percent))
    return tuple(awards)
