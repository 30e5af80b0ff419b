"""The format-independent part of form parsing: labels, contacts, categories and the
paragraph grammar of `app.intake.form_fields`."""

from __future__ import annotations

import pytest

from app.intake.categories import CategorySet
from app.intake.contacts import contact_strings, split_contact
from app.intake.form_fields import (
    fields_from_pairs,
    label_key,
    normalize_label,
    pairs_from_blocks,
    row_blocks,
)
from app.intake.forms import count_label_groups
from app.rubrics import load_default_rubric


@pytest.mark.parametrize(("raw", "normal", "key"), [
    ("申报单位", "申报单位", "unit"),
    ("一、申 报 单 位（盖章）：", "申报单位", "unit"),
    ("*单位名称(全称)", "单位名称", "unit"),
    ("核心亮点（200字以内）", "核心亮点", "highlights"),
    ("（三）实践标题", "实践标题", "title"),
    ("联系人\n及联系方式", "联系人及联系方式", "contact"),
    ("E-mail:", "e-mail", "contact_info"),
    ("填表日期", "填表日期", "_stop"),
    ("某市政务服务便民热线服务中心", "某市政务服务便民热线服务中心", None),
])
def test_labels_are_normalised_and_mapped(raw: str, normal: str, key: str | None) -> None:
    assert normalize_label(raw) == normal
    assert label_key(raw) == key


@pytest.mark.parametrize(("value", "name", "info"), [
    ("王芳 010-12345678", "王芳", "010-12345678"),
    ("王芳，13800000000", "王芳", "13800000000"),
    ("王芳/138 0000 0000", "王芳", "138 0000 0000"),
    ("联系人：王芳；电话：(010)87654321转123", "王芳", "电话：(010)87654321转123"),
    ("王芳 wangfang@example.cn", "王芳", "wangfang@example.cn"),
    ("（010）87654321 王芳", "王芳", "（010）87654321"),
    ("王芳 13800000000，李明 13900000000", "王芳", "13800000000，李明 13900000000"),
    ("王芳", "王芳", ""),
    # Numbers the applicant masked: still the contact part, not part of the name.
    ("张某某 138****5678", "张某某", "138****5678"),
    ("张某某，138-****-5678", "张某某", "138-****-5678"),
    ("张某某 1381234****", "张某某", "1381234****"),
    ("张某某 138xxxx5678", "张某某", "138xxxx5678"),
    ("王芳 010-****5678", "王芳", "010-****5678"),
])
def test_split_contact(value: str, name: str, info: str) -> None:
    assert split_contact(value) == (name, info)


@pytest.mark.parametrize(("value", "expected"), [
    ("☑治理成效 □创新机制 □感动瞬间 □坚守故事", ("治理成效", [], None)),
    ("治理成效□ 创新机制☑ 坚守故事□", ("创新机制", [], None)),
    ("感动瞬间 创新机制√ 坚守故事 治理成效", ("创新机制", [], None)),
    ("√ 坚守故事  □ 治理成效", ("坚守故事", [], None)),
    ("治理成效（√）创新机制（ ）", ("治理成效", [], None)),
    ("■机制创新 □治理成效", ("创新机制", [], None)),
    ("□感动瞬间\n■坚守故事", ("坚守故事", [], None)),
    ("□感动瞬间 □创新机制（请在所选类别前打√）", (None, [], "实践类别未勾选任何一项")),
    ("✓感动瞬间 ✓治理成效", (None, ["感动瞬间", "治理成效"],
                            "实践类别勾选了多项：感动瞬间、治理成效，请与申报单位确认")),
    ("感动瞬间、治理成效", (None, ["感动瞬间", "治理成效"],
                         "实践类别填写了多项：感动瞬间、治理成效，请与申报单位确认")),
    ("治 理 成 效 类", ("治理成效", [], None)),
    ("", (None, [], None)),
])
def test_detect_category(value: str, expected: tuple) -> None:
    assert CategorySet.of(load_default_rubric()).detect(value) == expected


def test_body_sub_headings_stay_in_the_body_and_end_labels_close_it() -> None:
    lines = ["申报单位：某中心", "详细内容", "一、基本情况", "第一段。", "二、主要做法", "第二段。",
             "（三）创新亮点", "第三段。", "电话 响了很久，无人接听。", "申报单位（盖章）：", "2026年1月5日"]
    pairs = pairs_from_blocks(["\n".join(lines)])
    assert pairs == [("申报单位", "某中心"),
                     ("详细内容", "一、基本情况\n第一段。\n二、主要做法\n第二段。\n（三）创新亮点\n"
                                  "第三段。\n电话 响了很久，无人接听。")]


def test_numbered_heading_of_a_later_module_starts_it() -> None:
    pairs = pairs_from_blocks(["五、核心亮点", "亮点一。", "六、详细内容", "正文。"])
    assert fields_from_pairs(pairs).fields == {"highlights": "亮点一。", "body": "正文。"}


def test_rows_pair_labels_and_continue_values() -> None:
    assert row_blocks(["联系人", "王芳", "手机", "13800000000"]) == [
        ("联系人", "王芳"), ("手机", "13800000000")]
    assert row_blocks(["", "续写的正文"]) == [("", "续写的正文")]
    assert row_blocks(["2026年申报书"]) == ["2026年申报书"]
    assert row_blocks(["详细内容", "第二部分"], carried=[True, False]) == [("", "第二部分")]
    pairs = pairs_from_blocks([("详细内容", "第一部分"), ("", "第二部分"), ("备注", "无")])
    assert pairs == [("详细内容", "第一部分\n第二部分")]


def test_count_label_groups_needs_labels_at_line_starts() -> None:
    assert count_label_groups("申报单位：某中心\n实践标题：某实践\n联系人：王芳") == (3, 2)
    assert count_label_groups("本文介绍申报单位的实践标题如何拟定") == (0, 0)
    assert count_label_groups("联系人：李明\n联系电话：010-87654321\n二、主要做法") == (2, 0)


def test_contact_strings_cover_every_piece_for_masking() -> None:
    fields = {"contact_name": "王芳", "contact_info": "电话：010-12345678；wf@example.cn",
              "unit": "某中心"}
    pieces = contact_strings(fields)
    assert pieces[0] == "电话：010-12345678；wf@example.cn"
    assert set(pieces) == {"电话：010-12345678；wf@example.cn", "电话：010-12345678",
                           "010-12345678", "wf@example.cn", "王芳"}
    text = "联系人\t王芳\n联系电话\t010-12345678\n邮箱\twf@example.cn"
    for piece in pieces:
        text = text.replace(piece, "〔已隐去〕")
    assert text == "联系人\t〔已隐去〕\n联系电话\t〔已隐去〕\n邮箱\t〔已隐去〕"
    assert contact_strings({}) == []


@pytest.mark.parametrize(("value", "name", "info"), [
    ("黄海宁\u30000779-5550 2201", "黄海宁", "0779-5550 2201"),
    ("王五 (010)5555-1234", "王五", "(010)5555-1234"),
])
def test_split_contact_with_grouped_landline(value: str, name: str, info: str) -> None:
    assert split_contact(value) == (name, info)
