"""The rubric model: the default 2026 file, exact totals, score parsing and validation."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.rubric import Rubric, RubricError
from scoring.rubric_file import load_rubric
from scoring.rubric_schema import parse_rubric

LEVEL_NAMES = ("优秀", "良好", "一般", "较差")  # the default rubric's bands, best first

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "resources" / "rubrics" / "hotline-2026.toml"
CATEGORIES = ("感动瞬间", "创新机制", "坚守故事", "治理成效")
D = Decimal


@pytest.fixture(scope="module")
def rubric() -> Rubric:
    return load_rubric(DEFAULT_FILE)


@pytest.fixture
def data(rubric) -> dict:
    return copy.deepcopy(rubric.to_dict())


def full_scores(**overrides) -> dict[str, Decimal]:
    scores = {"warmth": D("27.5"), "efficacy": D(28), "authenticity": D("9.5"),
              "typicality": D(8), "storytelling": D(9), "compliance": D(10)}
    scores.update({k: D(v) for k, v in overrides.items()})
    return scores


# ---- the default 2026 rubric --------------------------------------------------------

def test_default_rubric_structure(rubric):
    assert rubric.id == "hotline-2026"
    assert rubric.name == "2026年“12345的温度”创新实践评审细则"
    assert rubric.step == D("0.5")
    assert rubric.categories == CATEGORIES
    assert [(c.id, c.name, c.group, c.max) for c in rubric.criteria] == [
        ("warmth", "温度", "core", 30), ("efficacy", "效能", "core", 30),
        ("authenticity", "真实性", "basic", 10), ("typicality", "典型性", "basic", 10),
        ("storytelling", "故事性", "basic", 10), ("compliance", "合规性", "basic", 10)]
    assert all(c.weight == 1 for c in rubric.criteria)
    assert rubric.category_weights == {}
    for category in (None, *CATEGORIES):
        assert rubric.max_total(category) == 100
    assert (rubric.comment_below, rubric.comment_above) == (60, 90)
    assert rubric.intake.body_min_chars == 500 and rubric.intake.body_max_chars == 3000
    assert (rubric.intake.images_min, rubric.intake.images_max) == (2, 3)
    assert rubric.intake.image_formats == ("jpeg",)
    assert rubric.intake.image_min_short_side == 1080
    assert rubric.aggregation.method == "trimmed" and rubric.aggregation.trim_min_scores == 5
    assert rubric.aggregation.tie_break == ("core_subtotal", "median")
    assert [(a.name, a.count, a.percent) for a in rubric.awards] == [
        ("一等奖", 1, None), ("二等奖", 2, None), ("优秀案例", None, 30)]


def test_default_rubric_bands_and_texts(rubric):
    bands = {30: [(25, 30), (18, D("24.5")), (10, D("17.5")), (0, D("9.5"))],
             10: [(9, 10), (6, D("8.5")), (3, D("5.5")), (0, D("2.5"))]}
    for crit in rubric.criteria:
        assert tuple(lv.name for lv in crit.levels) == LEVEL_NAMES
        assert [(lv.min, lv.max) for lv in crit.levels] == bands[int(crit.max)]
        assert len(crit.description) >= 20
        # Descriptors must be concrete enough to apply the same way: no one-liners.
        assert all(len(lv.descriptor) >= 25 for lv in crit.levels), crit.id
        assert set(crit.guidance) == set(CATEGORIES), crit.id
    assert set(rubric.category_descriptions) == set(CATEGORIES)


def test_default_descriptors_name_observable_evidence(rubric):
    text = "".join(lv.descriptor for c in rubric.criteria for lv in c.levels)
    for evidence in ("工单截图", "满意率", "2025年", "从个案到系统治理", "脱敏", "138****",
                     "复制推广", "回访"):
        assert evidence in text, evidence


def test_lookup_by_id_or_name(rubric):
    assert rubric.criterion("温度") is rubric.criterion("warmth")
    with pytest.raises(KeyError, match="没有评分项"):
        rubric.criterion("speed")


# ---- totals ---------------------------------------------------------------------------

def test_total_is_exact(rubric):
    total = rubric.total(full_scores())
    assert total == D("92.0")
    assert str(total) == "92.0"
    assert rubric.core_subtotal(full_scores()) == D("55.5")


def test_missing_criteria_are_not_zero(rubric):
    partial = {"warmth": D(20), "efficacy": None}
    assert rubric.total(partial) == 20
    assert not rubric.is_complete(partial)
    assert rubric.is_complete(full_scores())
    assert rubric.total({}) == 0


def test_total_rejects_unknown_criteria_and_floats(rubric):
    with pytest.raises(RubricError, match="speed"):
        rubric.total({"speed": D(1)})
    with pytest.raises(RubricError, match="温度"):
        rubric.total({"warmth": 27.5})


def test_category_weights(data):
    data["category_weights"] = {"治理成效": {"efficacy": "1.2", "warmth": 0.8}}
    rubric = parse_rubric(data)
    assert rubric.weight("efficacy", "治理成效") == D("1.2")
    assert rubric.weight("warmth", "治理成效") == D("0.8")
    assert rubric.weight("efficacy", "感动瞬间") == 1
    assert rubric.weight("efficacy", None) == 1
    assert rubric.weight("efficacy", "不存在的类别") == 1
    assert rubric.max_total("治理成效") == 100
    scores = full_scores()
    # 0.8 × 27.5 + 1.2 × 28 + 36.5 = 22 + 33.6 + 36.5
    assert rubric.total(scores, "治理成效") == D("92.1")
    assert rubric.core_subtotal(scores, "治理成效") == D("55.6")
    assert rubric.total(scores, "感动瞬间") == D("92.0")


def test_criterion_weight_changes_max_total(data):
    data["criteria"][1]["weight"] = 1.2
    rubric = parse_rubric(data)
    assert rubric.max_total() == 106
    assert rubric.total({"efficacy": D("27.5")}) == D("33")


@given(st.lists(st.integers(min_value=0, max_value=20), min_size=6, max_size=6))
def test_totals_of_half_steps_never_drift(halves):
    rubric = load_rubric(DEFAULT_FILE)
    ids = [c.id for c in rubric.criteria]
    scores = {cid: rubric.parse_score(cid, str(D(h) / 2)) for cid, h in zip(ids, halves)}
    assert rubric.total(scores) == D(sum(halves)) / 2


# ---- parse_score ------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("27.5", "27.5"), ("30", "30.0"), (0, "0.0"), (D("10.50"), "10.5"), (" 9.5 ", "9.5"),
    ("１２", "12.0"),
])
def test_parse_score_accepts(rubric, value, expected):
    assert str(rubric.parse_score("warmth", value)) == expected


@pytest.mark.parametrize(("value", "message"), [
    (3.3333333333333335, "浮点数"), (27.5, "浮点数"), ("10.25", "温度 的分数必须是 0.5 的整数倍"),
    ("-0.5", "0 到 30"), ("31", "0 到 30"), ("abc", "不是有效的数字"), ("", "不是有效的数字"),
    ("NaN", "不是有效的数字"), ("1e1", "不是有效的数字"), (D("Infinity"), "不是有效的数字"),
    (D("1E+999999"), "0 到 30"), (D("1E-999999"), "整数倍"), (True, "不是有效的数字"),
])
def test_parse_score_rejects(rubric, value, message):
    with pytest.raises(RubricError, match=message):
        rubric.parse_score("warmth", value)


def test_parse_score_uses_the_criterion_max(rubric):
    assert rubric.parse_score("合规性", "10") == 10
    with pytest.raises(RubricError, match="合规性 的分数必须在 0 到 10 之间"):
        rubric.parse_score("compliance", "10.5")


# ---- levels and comments ----------------------------------------------------------------

@pytest.mark.parametrize(("criterion", "value", "level"), [
    ("warmth", "30", "优秀"), ("warmth", "25", "优秀"), ("warmth", "24.5", "良好"),
    ("warmth", "18", "良好"), ("warmth", "17.5", "一般"), ("warmth", "10", "一般"),
    ("warmth", "9.5", "较差"), ("warmth", "0", "较差"), ("warmth", "30.5", None),
    ("warmth", "-0.5", None), ("compliance", "9", "优秀"), ("compliance", "8.5", "良好"),
    ("compliance", "6", "良好"), ("compliance", "5.5", "一般"), ("compliance", "3", "一般"),
    ("compliance", "2.5", "较差"),
])
def test_level_for_band_edges(rubric, criterion, value, level):
    found = rubric.level_for(criterion, D(value))
    assert (found.name if found else None) == level


@pytest.mark.parametrize(("total", "reason"), [
    ("59.5", "总分低于60分，须填写评语"), ("60", None), ("75", None), ("90", None),
    ("90.5", "总分高于90分，须填写评语"), ("0", "总分低于60分，须填写评语"),
])
def test_comment_required_thresholds(rubric, total, reason):
    assert rubric.comment_required(D(total)) == reason


def test_comment_thresholds_are_optional(data):
    data["comment_required"] = {"below": "59.5"}
    rubric = parse_rubric(data)
    assert rubric.comment_required(D(59)) == "总分低于59.5分，须填写评语"
    assert rubric.comment_required(D(100)) is None


# ---- round trip and JSON ----------------------------------------------------------------

def _walk(value):
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def test_to_dict_is_json_safe_and_round_trips(rubric):
    data = rubric.to_dict()
    assert not any(isinstance(v, float | Decimal) for v in _walk(data))
    assert data["step"] == "0.5" and data["criteria"][0]["max"] == "30"
    assert data["criteria"][0]["levels"][1]["max"] == "24.5"
    again = parse_rubric(json.loads(json.dumps(data, ensure_ascii=False)))
    assert again == rubric
    assert hash(again) == hash(rubric)
    assert again.to_dict() == data


def test_round_trip_with_weights_and_no_comment_thresholds(data):
    data["category_weights"] = {"坚守故事": {"warmth": "1.5"}}
    data["comment_required"] = {}
    rubric = parse_rubric(data)
    assert rubric.comment_below is None and rubric.comment_above is None
    assert parse_rubric(rubric.to_dict()) == rubric


def test_optional_keys_round_trip_and_stay_out_of_the_dict_when_unset(data):
    rubric = parse_rubric(data)
    assert rubric.category_variants == {"创新机制": ("机制创新",)}
    assert rubric.packet_title == "2026年“12345的温度”创新实践评审包"
    assert rubric.aggregation.few_scores == 3
    assert "few_scores" not in rubric.to_dict()["aggregation"]  # the default
    for key in ("category_variants", "packet_title"):
        del data[key]
    data["aggregation"]["few_scores"] = 3
    plain = parse_rubric(data)
    # A rubric that does not use the newer keys keeps the dict (and hash) it had before.
    assert not {"category_variants", "packet_title"} & set(plain.to_dict())
    assert "few_scores" not in plain.to_dict()["aggregation"]
    data["aggregation"]["few_scores"] = 4
    assert parse_rubric(data).to_dict()["aggregation"]["few_scores"] == 4
    assert parse_rubric(parse_rubric(data).to_dict()) == parse_rubric(data)


def test_levels_are_any_named_bands_that_tile_the_range(data):
    crit = data["criteria"][2]  # max 10
    crit["levels"] = [
        {"name": "A", "min": 7, "max": 10, "descriptor": "完全达到要求。"},
        {"name": "C", "min": 0, "max": "3.5", "descriptor": "基本未达到要求。"},
        {"name": "B", "min": 4, "max": "6.5", "descriptor": "部分达到要求。"},
    ]
    del crit["group"]
    rubric = parse_rubric(data)
    levels = rubric.criteria[2].levels
    assert [lv.name for lv in levels] == ["A", "B", "C"]  # best first
    assert rubric.criteria[2].group == "basic"
    assert rubric.level_for(rubric.criteria[2].id, D(5)).name == "B"
    assert parse_rubric(rubric.to_dict()) == rubric


def test_json_file_loads_like_the_toml(tmp_path, rubric):
    as_json = tmp_path / "hotline.json"
    as_json.write_text(json.dumps(rubric.to_dict(), ensure_ascii=False, indent=2),
                       encoding="utf-8")
    assert load_rubric(as_json) == rubric


def test_json_with_plain_numbers_loads(tmp_path, rubric, data):
    # A hand-written JSON rubric uses numbers, not strings; 24.5 must stay exactly 24.5.
    numeric = json.loads(json.dumps(data))
    numeric["step"] = 0.5
    for crit in numeric["criteria"]:
        crit["max"] = int(crit["max"])
        for level in crit["levels"]:
            level["min"], level["max"] = float(level["min"]), float(level["max"])
    path = tmp_path / "numeric.json"
    path.write_text("\ufeff" + json.dumps(numeric, ensure_ascii=False), encoding="utf-8")
    assert load_rubric(path) == rubric


def test_levels_in_any_order_are_stored_best_first(data):
    data["criteria"][0]["levels"].reverse()
    rubric = parse_rubric(data)
    assert tuple(lv.name for lv in rubric.criteria[0].levels) == LEVEL_NAMES


def test_rubric_is_immutable(rubric):
    with pytest.raises(AttributeError):
        rubric.step = D(1)  # type: ignore[misc]
    with pytest.raises(TypeError):
        rubric.criteria[0].guidance["感动瞬间"] = "x"  # type: ignore[index]


# ---- validation: every error names the field --------------------------------------------

def _set(path):
    """A mutation setting `path` (keys and indexes) to a value."""
    def mutate(data, value):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return mutate


def _delete(*path):
    def mutate(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return mutate


MALFORMED = [
    # (mutation, field named in the message, words of the problem)
    (_delete("id"), "id", "缺少必填字段"),
    # 一般 (10–17.5) missing leaves a gap below 良好
    (_delete("criteria", 0, "levels", 2), "criteria[0].levels[1].min", "应为 10"),
    (lambda d: d.update(categorys=[]), "categorys", "未知字段"),
    (lambda d: d["criteria"][0].update(maxx=30), "criteria[0].maxx", "未知字段"),
    (lambda d: _set(["step"])(d, 0), "step", "必须大于 0"),
    (lambda d: _set(["step"])(d, "abc"), "step", "必须是数字"),
    (lambda d: _set(["step"])(d, "NaN"), "step", "必须是数字"),
    (lambda d: _set(["step"])(d, True), "step", "必须是数字"),
    (lambda d: _set(["categories", 1])(d, "感动瞬间"), "categories[1]", "重复"),
    (lambda d: _set(["categories"])(d, []), "categories", "不能为空"),
    (lambda d: _set(["criteria"])(d, []), "criteria", "不能为空"),
    (lambda d: _set(["criteria"])(d, {"warmth": {}}), "criteria", "必须是列表"),
    (lambda d: _set(["criteria", 0, "id"])(d, "Warmth"), "criteria[0].id", "小写 ASCII"),
    (lambda d: _set(["criteria", 0, "id"])(d, "温度"), "criteria[0].id", "小写 ASCII"),
    (lambda d: _set(["criteria", 1, "id"])(d, "warmth"), "criteria[1].id", "重复"),
    (lambda d: _set(["criteria", 1, "name"])(d, "温度"), "criteria[1].name", "重复"),
    (lambda d: _set(["criteria", 2, "name"])(d, ""), "criteria[2].name", "不能为空"),
    (lambda d: _set(["criteria", 2, "name"])(d, "Truth"), "criteria[2].name", "中文"),
    (lambda d: _set(["criteria", 0, "group"])(d, "extra"), "criteria[0].group", "core"),
    (lambda d: _set(["criteria", 0, "max"])(d, "30.25"), "criteria[0].max", "整数倍"),
    (lambda d: _set(["criteria", 0, "max"])(d, 0), "criteria[0].max", "大于 0"),
    (lambda d: _set(["criteria", 0, "max"])(d, "1e999"), "criteria[0].max", "必须是数字"),
    (lambda d: _set(["criteria", 0, "max"])(d, "10000000"), "criteria[0].max", "超出允许范围"),
    (lambda d: _set(["criteria", 3, "weight"])(d, -1), "criteria[3].weight", "负数"),
    (lambda d: _set(["criteria", 0, "description"])(d, None), "criteria[0].description", "文本"),
    (lambda d: _set(["criteria", 2, "levels", 1, "min"])(d, 9), "criteria[2].levels[1].min",
     "必须 ≤ max"),
    (lambda d: _set(["criteria", 0, "levels", 0, "name"])(d, " "),
     "criteria[0].levels[0].name", "不能为空"),
    (lambda d: d["criteria"][0].update(levels=[dict(d["criteria"][0]["levels"][0], name=f"L{i}")
                                               for i in range(11)]),
     "criteria[0].levels", "等级过多"),
    (lambda d: _set(["category_variants"])(d, {"创新机制": ["治理成效"]}),
     "category_variants.创新机制[0]", "已是类别“治理成效”"),
    (lambda d: _set(["category_variants"])(d, {"其他": ["x"]}), "category_variants.其他",
     "未知字段"),
    (lambda d: _set(["packet_title"])(d, ""), "packet_title", "不能为空"),
    (lambda d: _set(["aggregation", "few_scores"])(d, 0), "aggregation.few_scores", "1 到"),
    (lambda d: _set(["criteria", 0, "levels", 3, "name"])(d, "优秀"),
     "criteria[0].levels[3].name", "重复"),
    (lambda d: d["criteria"][0]["levels"].append(dict(d["criteria"][0]["levels"][0])),
     "criteria[0].levels[4].name", "重复"),
    # a gap between 一般 (..17.5) and 良好 (18.5..)
    (lambda d: _set(["criteria", 0, "levels", 1, "min"])(d, "18.5"),
     "criteria[0].levels[1].min", "应为 18"),
    # an overlap: 一般 reaching 18 while 良好 starts at 18
    (lambda d: _set(["criteria", 0, "levels", 2, "max"])(d, "18"),
     "criteria[0].levels[1].min", "应为 18.5"),
    (lambda d: _set(["criteria", 0, "levels", 3, "min"])(d, "0.5"),
     "criteria[0].levels[3].min", "应为 0"),
    (lambda d: _set(["criteria", 0, "levels", 0, "min"])(d, "25.25"),
     "criteria[0].levels[0].min", "整数倍"),
    (lambda d: _set(["criteria", 0, "levels", 0, "max"])(d, "29.5"),
     "criteria[0].levels[0].max", "满分 30"),
    (lambda d: _set(["criteria", 0, "levels", 0, "descriptor"])(d, " "),
     "criteria[0].levels[0].descriptor", "不能为空"),
    (lambda d: _set(["criteria", 0, "levels", 0])(d, "优秀"), "criteria[0].levels[0]", "必须是表"),
    (lambda d: _set(["criteria", 0, "guidance", "其他"])(d, "x"), "criteria[0].guidance.其他",
     "未知字段"),
    (lambda d: _set(["categories_description", "其他"])(d, "x"), "categories_description.其他",
     "未知字段"),
    (lambda d: _set(["category_weights"])(d, {"其他": {}}), "category_weights.其他", "未知字段"),
    (lambda d: _set(["category_weights"])(d, {"治理成效": {"speed": 1}}),
     "category_weights.治理成效.speed", "未知字段"),
    (lambda d: _set(["category_weights"])(d, {"治理成效": {"warmth": -0.5}}),
     "category_weights.治理成效.warmth", "负数"),
    (lambda d: _set(["category_weights"])(d, {"治理成效": {c: 0 for c in (
        "warmth", "efficacy", "authenticity", "typicality", "storytelling", "compliance")}}),
     "category_weights.治理成效", "满分必须大于 0"),
    (lambda d: _set(["comment_required", "above"])(d, 101), "comment_required.above", "0 到满分 100"),
    (lambda d: _set(["comment_required", "below"])(d, -1), "comment_required.below", "0 到满分"),
    (lambda d: _set(["comment_required", "below"])(d, 95), "comment_required.below", "不能大于"),
    (lambda d: _set(["intake", "body_min_chars"])(d, 0), "intake.body_min_chars", "1 到"),
    (lambda d: _set(["intake", "body_max_chars"])(d, "3000"), "intake.body_max_chars", "整数"),
    (lambda d: _set(["intake", "images_min"])(d, 4), "intake.images_min", "≤ images_max"),
    (lambda d: _set(["intake", "image_formats"])(d, ["tiff"]), "intake.image_formats[0]",
     "jpeg"),
    (lambda d: _set(["intake", "image_formats"])(d, ["jpeg", "jpeg"]),
     "intake.image_formats[1]", "不重复"),
    (lambda d: _set(["intake", "images_maximum"])(d, 3), "intake.images_maximum", "未知字段"),
    (lambda d: _set(["aggregation", "method"])(d, "average"), "aggregation.method", "trimmed"),
    (lambda d: _set(["aggregation", "trim_min_scores"])(d, 2), "aggregation.trim_min_scores",
     "3 到"),
    (lambda d: _set(["aggregation", "outlier_percent"])(d, "0"), "aggregation.outlier_percent",
     "大于 0"),
    (lambda d: _set(["aggregation", "tie_break"])(d, ["coin_flip"]), "aggregation.tie_break[0]",
     "core_subtotal"),
    (lambda d: _set(["awards", 0, "percent"])(d, 10), "awards[0]", "只能填写"),
    (_delete("awards", 1, "count"), "awards[1]", "只能填写"),
    (lambda d: _set(["awards", 2, "percent"])(d, 150), "awards[2].percent", "不超过 100"),
    (lambda d: _set(["awards", 0, "count"])(d, 0), "awards[0].count", "1 到"),
    (lambda d: _set(["awards", 1, "name"])(d, "一等奖"), "awards[1].name", "重复"),
    (lambda d: _set(["id"])(d, "hotline 2026/../x"), "id", "ASCII"),
    (lambda d: _set(["version"])(d, 1), "version", "文本"),
]


@pytest.mark.parametrize(("mutate", "field", "problem"), MALFORMED,
                         ids=[f"{i}-{case[1]}" for i, case in enumerate(MALFORMED)])
def test_validation_names_the_field(data, mutate, field, problem):
    mutate(data)
    with pytest.raises(RubricError) as caught:
        parse_rubric(data)
    err = caught.value
    assert err.path == field
    assert str(err).startswith(f"{field}：")
    assert problem in str(err)


@pytest.mark.parametrize("document", [[], "rubric", None, 42])
def test_from_dict_rejects_non_tables(document):
    with pytest.raises(RubricError, match="必须是表"):
        parse_rubric(document)


# ---- files ----------------------------------------------------------------------------

def test_file_errors_name_the_file(tmp_path, data):
    data["criteria"][2]["levels"][1]["min"] = 9
    path = tmp_path / "我的细则.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    assert str(caught.value) == ("评审细则文件 我的细则.json：criteria[2].levels[1].min：必须 ≤ max")
    assert caught.value.file == "我的细则.json"


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("bad.toml", b"id = \n", "TOML 格式错误"),
    ("bad.json", b"{\"id\": ", "JSON 格式错误"),
    ("dup.json", b'{"id": "a", "id": "b"}', "重复"),
    ("nan.json", b'{"step": NaN}', "JSON 格式错误"),
    ("deep.json", b"[" * 100000 + b"]" * 100000, "JSON 格式错误（嵌套层次过深）"),
    ("deep.toml", b"a = " + b"[" * 100000 + b"]" * 100000, "TOML 格式错误（嵌套层次过深）"),
    ("list.json", b"[1, 2]", "必须是表"),
    ("latin1.toml", "name = 'caf\u00e9'".encode("latin-1"), "UTF-8"),
    ("big.toml", b"# " + b"x" * (1 << 20) + b"\n", "文件过大"),
    ("rubric.yaml", b"id: x", "不支持的格式"),
])
def test_hostile_files_give_errors_not_crashes(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    assert str(caught.value).startswith(f"评审细则文件 {name}：")
    assert problem in str(caught.value)


@pytest.mark.parametrize(("name", "step", "problem"), [
    ("huge.json", "1e999999", "step：数值超出允许范围"),
    ("tiny.json", "1e-999999", "step：数值超出允许范围"),
    ("huge.toml", "1e300", "step：数值超出允许范围"),
    ("inf.toml", "inf", "step：必须是有限的数字"),
    ("nan.toml", "nan", "step：必须是有限的数字"),
    ("date.toml", "2026-01-01", "step：必须是数字"),
])
def test_extreme_numbers_are_refused(tmp_path, data, name, step, problem):
    path = tmp_path / name
    if name.endswith(".json"):
        text = json.dumps(data, ensure_ascii=False).replace('"step": "0.5"', f'"step": {step}')
    else:
        text = DEFAULT_FILE.read_text(encoding="utf-8").replace("step = 0.5", f"step = {step}")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RubricError, match=problem):
        load_rubric(path)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(RubricError, match="找不到该文件"):
        load_rubric(tmp_path / "nope.toml")
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    with pytest.raises(RubricError, match="无法读取"):
        load_rubric(folder)


def test_toml_typo_in_nested_table_is_caught(tmp_path):
    text = DEFAULT_FILE.read_text(encoding="utf-8").replace("images_max = 3", "image_max = 3")
    path = tmp_path / "typo.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RubricError, match="intake.image_max：未知字段"):
        load_rubric(path)


def test_toml_category_weights_table(tmp_path, rubric):
    text = DEFAULT_FILE.read_text(encoding="utf-8") + (
        '\n[category_weights."治理成效"]\nefficacy = 1.2\nwarmth = 0.8\n')
    path = tmp_path / "weighted.toml"
    path.write_text(text, encoding="utf-8")
    weighted = load_rubric(path)
    assert weighted.weight("efficacy", "治理成效") == D("1.2")
    assert weighted.max_total("治理成效") == 100
    assert weighted != rubric


def test_rubric_accepts_exactly_the_implemented_methods_and_tie_breaks() -> None:
    # One source each: a method added to scoring.aggregate is accepted in a rubric file.
    from scoring import aggregate, ranking, rubric

    assert rubric.METHODS is aggregate.METHODS
    assert tuple(ranking.TIE_BREAK_LABELS) == rubric.TIE_BREAKS
