"""The intake warnings: fields, category, word count, PII, evidence rules, duplicates."""

from __future__ import annotations

import pytest

from app.evidence.probe import EvidenceInfo
from app.intake.categories import CategorySet
from app.intake.checks import (
    check_evidence,
    check_fields,
    check_pii,
    count_chars,
    duplicate_warning,
    find_duplicates,
)
from app.intake.pii import id_check_char
from app.rubrics import load_default_rubric
from scoring.rubric import IntakeRules as Rules

RULES = Rules()  # the call's defaults: 500–3000 字, 2–3 JPG images, 1080P
CATEGORIES = CategorySet.of(load_default_rubric())


def full_fields(**changes: str) -> dict[str, str]:
    fields = {"unit": "某市12345热线", "contact_name": "王芳", "contact_info": "13800000000",
              "category": "感动瞬间", "title": "深夜里的一通电话", "highlights": "一小时上门",
              "body": "热" * 2000}
    fields.update(changes)
    return fields


def test_count_chars_ignores_all_whitespace() -> None:
    assert count_chars("热线 接到\t求助\n\u3000\u3000老人\u200b。") == 9
    assert count_chars("") == 0


def test_complete_form_has_no_field_warnings() -> None:
    assert check_fields(full_fields(), RULES, CATEGORIES) == []


def test_each_missing_field_is_one_warning() -> None:
    warnings = check_fields(full_fields(highlights="", unit="  ", contact_info=""), RULES, CATEGORIES)
    assert [(w.code, w.field, w.message) for w in warnings] == [
        ("field_missing", "unit", "申报书缺少“申报单位”"),
        ("field_missing", "contact_info", "申报书缺少“联系方式”"),
        ("field_missing", "highlights", "申报书缺少“核心亮点”"),
    ]
    fields = full_fields()
    del fields["title"], fields["body"]
    assert [w.field for w in check_fields(fields, RULES, CATEGORIES)] == ["title", "body"]


def test_category_missing_variants() -> None:
    def messages(value: str) -> list[str]:
        return [w.message for w in check_fields(full_fields(category=value), RULES, CATEGORIES)
                if w.code == "category_missing"]

    assert messages("治理成效") == []
    (empty,) = messages("")
    assert empty.startswith("未能确定实践类别") and "感动瞬间、创新机制、坚守故事、治理成效" in empty
    (several,) = messages("感动瞬间、创新机制")
    assert several == "未能确定实践类别：填写或勾选了多个类别（感动瞬间、创新机制），请与申报单位确认"
    (close,) = messages("治理成效类")
    assert "可能是“治理成效”" in close
    (other,) = messages("优秀案例")
    assert other == "未能确定实践类别：“优秀案例”不是 感动瞬间、创新机制、坚守故事、治理成效 之一"


@pytest.mark.parametrize("n,expected", [
    (499, "详细内容约 499 字，不足建议范围 500–3000 字"),
    (3001, "详细内容约 3001 字，超出建议范围 500–3000 字"),
])
def test_word_count_outside_bounds(n: int, expected: str) -> None:
    body = "温" * n + " \n\u3000" * 50  # whitespace does not count
    warnings = [w for w in check_fields(full_fields(body=body), RULES, CATEGORIES) if w.code == "word_count"]
    assert [(w.message, w.field) for w in warnings] == [(expected, "body")]


@pytest.mark.parametrize("n", [500, 2000, 3000])
def test_word_count_inside_bounds(n: int) -> None:
    assert check_fields(full_fields(body="温" * n), RULES, CATEGORIES) == []


def test_word_count_bounds_come_from_rules() -> None:
    warnings = check_fields(full_fields(body="温" * 2000), Rules(body_max_chars=1500), CATEGORIES)
    assert [w.message for w in warnings] == ["详细内容约 2000 字，超出建议范围 500–1500 字"]


def test_pii_in_expert_fields_only() -> None:
    first17 = "11010119900307451"
    id_number = first17 + id_check_char(first17)
    body = f"老人电话13800138000，身份证{id_number}。"
    fields = full_fields(body=body, title="回访138-0013-8001", contact_info="13800000000")
    warnings = check_pii(fields)
    assert [(w.code, w.field, w.message, w.spans) for w in warnings] == [
        ("pii_phone", "title", "疑似未脱敏手机号：138****8001", [[2, 15]]),
        ("pii_phone", "body", "疑似未脱敏手机号：138****8000", [[4, 15]]),
        ("pii_id_number", "body", "疑似未脱敏身份证号：110101********4514", [[19, 37]]),
    ]
    assert body[19:37] == id_number
    # The message itself never repeats the number.
    assert all("13800138000" not in w.message and id_number not in w.message for w in warnings)


def test_pii_masked_text_is_clean_and_field_list_is_configurable() -> None:
    assert check_pii(full_fields(body="老人电话138****8000")) == []
    fields = full_fields(highlights="电话13800138000")
    assert check_pii(fields, expert_fields=("body",)) == []


def image(fmt: str = "jpeg", w: int = 1920, h: int = 1080, problem: str | None = None):
    return EvidenceInfo("image", f"image/{fmt}", image_format=fmt, width=w, height=h,
                        problem=problem)


def test_evidence_all_good() -> None:
    files = [("S001/E01.jpg", image()), ("S001/E02.jpg", image(w=1080, h=1920)),
             ("S001/E03.pdf", EvidenceInfo("pdf", "application/pdf"))]
    assert check_evidence(files, RULES) == []


def test_image_count_counts_readable_images_only() -> None:
    files = [("S001/E01.jpg", image()), ("截断.jpg", image(problem="图片文件不完整"))]
    warnings = check_evidence(files, RULES)
    assert [(w.code, w.message, w.file) for w in warnings] == [
        ("image_count", "附图 1 张，要求 2–3 张", None),
        ("unreadable_file", "附件“截断.jpg”无法安全打开：图片文件不完整", "截断.jpg"),
    ]
    four = [(f"S001/E0{i}.jpg", image()) for i in range(1, 5)]
    assert [w.message for w in check_evidence(four, RULES)] == ["附图 4 张，要求 2–3 张"]
    assert [w.message for w in check_evidence([], RULES)] == ["附图 0 张，要求 2–3 张"]


def test_image_format_and_resolution() -> None:
    files = [("S002/E01.png", image("png")), ("S002/E02.jpg", image(w=1280, h=720)),
             ("S002/E03.jpg", image())]
    warnings = check_evidence(files, RULES)
    assert [(w.code, w.file, w.message) for w in warnings] == [
        ("image_format", "S002/E01.png", "图片格式为 PNG，要求 JPG"),
        ("image_resolution", "S002/E02.jpg", "图片分辨率不足1080P（1280×720）"),
    ]


def test_unreadable_non_image_files() -> None:
    files = [("S001/E01.jpg", image()), ("S001/E02.jpg", image()),
             ("材料/统计.xlsx", EvidenceInfo("other", "application/zip", problem="疑似压缩炸弹"))]
    (warning,) = check_evidence(files, RULES)
    assert (warning.code, warning.file) == ("unreadable_file", "材料/统计.xlsx")
    assert warning.message == "附件“统计.xlsx”无法安全打开：疑似压缩炸弹"


def test_find_duplicates_normalises_unit_and_title() -> None:
    entries = [("S001", "某市12345热线", "“深夜里的一通电话”"),
               ("S002", "某市１２３４５热线 ", "深夜里的 一通电话！"),
               ("S003", "某市12345热线", "另一个标题"),
               ("S004", "", ""), ("S005", "", ""),
               ("S006", "某市12345热线", "深夜里的一通电话")]
    assert find_duplicates(entries) == {"S001": ["S002", "S006"], "S002": ["S001", "S006"],
                                        "S006": ["S001", "S002"]}
    assert find_duplicates([("S001", "A", "B"), ("S002", "A", "C")]) == {}


def test_duplicate_warning() -> None:
    warning = duplicate_warning(["S003"])
    assert (warning.code, warning.message) == ("duplicate", "与 S003 单位和标题相同，疑似重复申报")
    assert duplicate_warning(["S001", "S004"]).message == "与 S001、S004 单位和标题相同，疑似重复申报"


def test_categories_can_come_from_the_rubric() -> None:
    fields = full_fields(category="其他")
    assert check_fields(fields, RULES, CategorySet(("其他", "感动瞬间"))) == []


def test_image_rules_come_from_rules() -> None:
    rules = Rules(images_min=1, images_max=1, image_formats=("jpeg", "png"),
                  image_min_short_side=720)
    files = [("a.png", image("png", 1280, 720)), ("b.gif", image("gif", 2000, 2000))]
    assert [w.message for w in check_evidence(files, rules)] == [
        "附图 2 张，要求 1 张", "图片格式为 GIF，要求 JPG/PNG"]
