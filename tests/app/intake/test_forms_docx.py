"""Parsing 申报书 .docx files: table and paragraph layouts, label variants, check boxes,
merged and nested cells, and hostile files (corrupt, zip bomb, entity expansion)."""

from __future__ import annotations

import io
import os
import random
import time

import docx
import pytest

from app.errors import PanelDeskError
from app.intake.forms import looks_like_form
from tests.app.intake import form_factory as ff


def test_two_column_table_gives_every_field() -> None:
    form = ff.parse("申报书.docx", ff.table_form(ff.standard_rows()))
    assert form.fields == ff.expected_fields()
    assert form.notes == [] and form.category_candidates == []
    assert form.text.split("\n")[0] == f"申报单位\t{ff.UNIT}"
    assert f"详细内容\t{ff.BODY[0]}" in form.text


def test_merged_title_row_is_text_not_a_field() -> None:
    form = ff.parse("申报书.docx", ff.table_form(ff.standard_rows(), title=ff.DOC_TITLE,
                                                 before=["附件1"]))
    assert form.fields == ff.expected_fields()
    assert form.text.split("\n")[:3] == ["附件1", ff.DOC_TITLE, f"申报单位\t{ff.UNIT}"]


def test_vertically_merged_label_carries_down() -> None:
    rows = [["申报单位", ff.UNIT], ["联系人及联系方式", ff.NAME], [None, ff.PHONE],
            ["实践标题", ff.TITLE], ["详细内容", ff.BODY[0]], [None, ff.BODY[1]],
            [None, ff.BODY[2]], ["实践类别", "坚守故事"]]
    data = ff.grid_form(rows, cols=2, merges=[(1, 0, 2, 0), (4, 0, 6, 0)])
    form = ff.parse("申报书.docx", data)
    assert form.fields == {"unit": ff.UNIT, "contact_name": ff.NAME, "contact_info": ff.PHONE,
                           "title": ff.TITLE, "body": "\n".join(ff.BODY), "category": "坚守故事"}


def test_label_variants_with_extras_and_inner_spaces() -> None:
    rows = [("申 报 单 位（盖章）", ff.UNIT), ("联系人", ff.NAME), ("联系电话", "010-12345678"),
            ("电子邮箱", "wangfang@example.cn"), ("实践类别（单选）", "治理成效类"),
            ("实践名称", ff.TITLE),
            ("核心亮点（200字以内）", "（请用200字以内概括核心亮点）\n" + "\n".join(ff.HIGHLIGHTS)),
            ("一、实践内容：", "\n".join(ff.BODY))]
    form = ff.parse("申报书.docx", ff.table_form(rows))
    assert form.fields == {**ff.expected_fields(),
                           "contact_info": "010-12345678；wangfang@example.cn"}


@pytest.mark.parametrize(("cell", "name", "info"), [
    ("王芳 010-12345678", "王芳", "010-12345678"),
    ("王芳，13800000000", "王芳", "13800000000"),
    ("联系人：王芳  电话：13800000000", "王芳", "电话：13800000000"),
    ("王芳（办公室） 13800000000\nwangfang@example.cn", "王芳（办公室）",
     "13800000000；wangfang@example.cn"),
])
def test_combined_contact_cell_is_split(cell: str, name: str, info: str) -> None:
    form = ff.parse("申报书.docx", ff.table_form(ff.standard_rows(contact=cell)))
    assert (form.fields["contact_name"], form.fields["contact_info"]) == (name, info)


def test_combined_cell_with_a_masked_number_is_not_missing() -> None:
    """Found on the held-out mailbox: the whole "label：value" in one cell, number masked."""
    from app.intake.checks import check_fields
    from app.rubrics import load_default_rubric

    for rows in (
        ff.standard_rows(contact="张某某 138****5678"),
        [r if "联系" not in r[0] else ("联系人及联系方式：张某某 138****5678", "")
         for r in ff.standard_rows()],
    ):
        form = ff.parse("申报书.docx", ff.table_form(rows))
        assert (form.fields["contact_name"], form.fields["contact_info"]) == (
            "张某某", "138****5678")
        warnings = check_fields(form.fields, load_default_rubric().intake, ff.CATEGORIES)
        assert "field_missing" not in [w.code for w in warnings]


def test_four_column_rows_hold_two_pairs() -> None:
    rows = [["申报单位", ff.UNIT, None, None], ["联系人", ff.NAME, "手机", ff.PHONE],
            ["实践标题", ff.TITLE, None, None]]
    form = ff.parse("申报书.docx", ff.grid_form(rows, cols=4,
                                                merges=[(0, 1, 0, 3), (2, 1, 2, 3)]))
    assert form.fields == {"unit": ff.UNIT, "contact_name": ff.NAME, "contact_info": ff.PHONE,
                           "title": ff.TITLE}


def test_heading_rows_spanning_the_table_open_their_field() -> None:
    rows = [["申报单位", ff.UNIT], ["核心亮点", None], ["\n".join(ff.HIGHLIGHTS), None],
            ["详细内容", None], ["\n".join(ff.BODY), None], ["填表日期：2026年1月5日", None]]
    merges = [(r, 0, r, 1) for r in range(1, 6)]
    form = ff.parse("申报书.docx", ff.grid_form(rows, cols=2, merges=merges))
    assert form.fields == {"unit": ff.UNIT, "highlights": "\n".join(ff.HIGHLIGHTS),
                           "body": "\n".join(ff.BODY)}


def test_nested_table_inside_layout_cell() -> None:
    def build(document) -> None:
        outer = document.add_table(rows=1, cols=1)
        cell = outer.cell(0, 0)
        cell.text = ff.DOC_TITLE
        inner = cell.add_table(rows=3, cols=2)
        for r, (label, value) in enumerate([("申报单位", ff.UNIT), ("实践标题", ff.TITLE),
                                            ("联系人及联系方式", f"{ff.NAME} {ff.PHONE}")]):
            inner.cell(r, 0).text = label
            inner.cell(r, 1).text = value

    form = ff.parse("申报书.docx", ff.custom_form(build))
    assert form.fields == {"unit": ff.UNIT, "title": ff.TITLE, "contact_name": ff.NAME,
                           "contact_info": ff.PHONE}
    assert form.text.split("\n")[0] == ff.DOC_TITLE


def test_paragraph_style_with_full_and_half_width_colons() -> None:
    paragraphs = [ff.DOC_TITLE, f"申报单位：{ff.UNIT}", f"联系人: {ff.NAME}   联系电话：{ff.PHONE}",
                  "实践类别:治理成效", f"实践标题 ： {ff.TITLE}",
                  f"核心亮点：{ff.HIGHLIGHTS[0]}", ff.HIGHLIGHTS[1],
                  f"详细内容:{ff.BODY[0]}", *ff.BODY[1:]]
    form = ff.parse("申报书.docx", ff.paragraph_form(paragraphs))
    assert form.fields == ff.expected_fields()


def test_label_headings_followed_by_multi_paragraph_content() -> None:
    paragraphs = [ff.DOC_TITLE, "一、申报单位", ff.UNIT, "二、联系人及联系方式",
                  f"{ff.NAME}，{ff.PHONE}", "三、实践类别", "□感动瞬间 □创新机制 √坚守故事 □治理成效",
                  "四、实践标题", ff.TITLE, "五、核心亮点（200字以内）", "", *ff.HIGHLIGHTS,
                  "六、详细内容", "（一）基本情况", ff.BODY[0], "（二）主要做法", *ff.BODY[1:],
                  "", "申报单位（盖章）：", "日期：2026年1月5日", "此页无正文"]
    form = ff.parse("申报书.docx", ff.paragraph_form(paragraphs))
    body = "\n".join(["（一）基本情况", ff.BODY[0], "（二）主要做法", *ff.BODY[1:]])
    assert form.fields == {**ff.expected_fields(category="坚守故事"), "body": body}


@pytest.mark.parametrize(("boxes", "category", "candidates", "note"), [
    ("☑治理成效 □创新机制 □感动瞬间 □坚守故事", "治理成效", [], None),
    ("□感动瞬间 ■创新机制 □坚守故事 □治理成效", "创新机制", [], None),
    ("感动瞬间√ 创新机制 坚守故事 治理成效", "感动瞬间", [], None),
    ("□感动瞬间 □创新机制 □坚守故事 ✓治理成效", "治理成效", [], None),
    ("感动瞬间（ ） 创新机制（√） 坚守故事（ ） 治理成效（ ）", "创新机制", [], None),
    ("☒坚守故事 ☐治理成效（请在所选类别前打√）", "坚守故事", [], None),
    ("□感动瞬间 □创新机制 □坚守故事 □治理成效", "", [], "实践类别未勾选任何一项"),
    ("☑感动瞬间 □创新机制 ■坚守故事 □治理成效", "", ["感动瞬间", "坚守故事"],
     "实践类别勾选了多项：感动瞬间、坚守故事，请与申报单位确认"),
])
def test_check_box_categories(boxes: str, category: str, candidates: list[str],
                              note: str | None) -> None:
    form = ff.parse("申报书.docx", ff.table_form(ff.standard_rows(category=boxes)))
    assert form.fields["category"] == category
    assert form.category_candidates == candidates
    assert form.notes == ([note] if note else [])


@pytest.mark.parametrize(("value", "category", "note"), [
    ("治理成效", "治理成效", None), ("创新机制类", "创新机制", None),
    ("其他", "", "实践类别“其他”不是感动瞬间、创新机制、坚守故事、治理成效之一，请核对"),
])
def test_plain_text_category(value: str, category: str, note: str | None) -> None:
    form = ff.parse("申报书.docx", ff.table_form(ff.standard_rows(category=value)))
    assert form.fields["category"] == category
    assert form.notes == ([note] if note else [])


def test_symbol_font_and_legacy_form_check_boxes() -> None:
    def symbols(document) -> None:
        document.add_paragraph(f"申报单位：{ff.UNIT}")
        p = document.add_paragraph("实践类别：")
        for font, char, name in [("Wingdings 2", "F0A3", "感动瞬间"), ("Wingdings 2", "F052", "创新机制"),
                                 ("Wingdings", "F0A8", "坚守故事"), ("Wingdings", "F0A8", "治理成效")]:
            ff.add_symbol(p, font, char)
            p.add_run(name + " ")

    def legacy(document) -> None:
        document.add_paragraph(f"实践标题：{ff.TITLE}")
        p = document.add_paragraph("实践类别：")
        for checked, name in [(False, "感动瞬间"), (False, "创新机制"), (True, "坚守故事")]:
            ff.add_legacy_checkbox(p, checked)
            p.add_run(name + " ")

    form = ff.parse("申报书.docx", ff.custom_form(symbols))
    assert form.fields == {"unit": ff.UNIT, "category": "创新机制"}
    assert "□感动瞬间 ☑创新机制 □坚守故事 □治理成效" in form.text
    assert ff.parse("申报书.docx", ff.custom_form(legacy)).fields == {
        "title": ff.TITLE, "category": "坚守故事"}


def test_unlabelled_check_box_line_still_gives_the_category() -> None:
    paragraphs = [f"申报单位：{ff.UNIT}", "□感动瞬间 ☑创新机制 □坚守故事 □治理成效",
                  f"实践标题：{ff.TITLE}"]
    form = ff.parse("申报书.docx", ff.paragraph_form(paragraphs))
    assert form.fields == {"unit": ff.UNIT, "category": "创新机制", "title": ff.TITLE}


def test_first_value_wins_over_signature_repeat() -> None:
    rows = [*ff.standard_rows(), ("申报单位（盖章）", "（盖章）\n2026年1月5日")]
    assert ff.parse("申报书.docx", ff.table_form(rows)).fields == ff.expected_fields()


def test_format_is_decided_by_content_not_name() -> None:
    form = ff.parse("申报书.pdf", ff.table_form(ff.standard_rows()))
    assert form.fields == ff.expected_fields()


def test_macro_enabled_document_is_read() -> None:
    data = ff.rewrite_member(ff.table_form(ff.standard_rows()), "[Content_Types].xml",
                             lambda xml: xml.replace(b"document.main+xml",
                                                     b"document.macroEnabled.main+xml"))
    with pytest.raises(ValueError):  # python-docx alone refuses it
        docx.Document(io.BytesIO(data))
    assert ff.parse("申报书.docm", data).fields == ff.expected_fields()


def test_random_bytes_named_docx_are_rejected_with_the_name() -> None:
    with pytest.raises(PanelDeskError, match=r"^申报书\.docx：文件已损坏，内容不是有效的 DOCX 文件"):
        ff.parse("申报书.docx", os.urandom(4096))
    with pytest.raises(PanelDeskError, match=r"^申报书\.docx：文件已损坏，无法作为 Word 文档"):
        ff.parse("申报书.docx", b"PK\x03\x04" + os.urandom(200))
    with pytest.raises(PanelDeskError, match=r"^申报书\.docx：文件是空的"):
        ff.parse("申报书.docx", b"")


def test_zip_without_word_document_is_not_a_form() -> None:
    data = ff.rewrite_member(ff.table_form(ff.standard_rows()), "word/document.xml",
                             lambda xml: xml)
    data = data.replace(b"word/document.xml", b"word/documenx.xml")
    with pytest.raises(PanelDeskError, match=r"^表格\.docx：不是 Word 文档"):
        ff.parse("表格.docx", data)


def test_zip_bomb_is_rejected_quickly() -> None:
    bomb = ff.zip_bomb_docx(200)
    assert len(bomb) < 1024 * 1024
    started = time.perf_counter()
    with pytest.raises(PanelDeskError, match=r"^申报书\.docx：.*解压后过大（200 MB），疑似压缩炸弹"):
        ff.parse("申报书.docx", bomb)
    assert time.perf_counter() - started < 2.0
    assert looks_like_form("申报书.docx", bomb) is False


def test_a_form_too_large_for_its_tree_is_refused_before_it_is_built() -> None:
    """300,000 table cells of varied text (no zip bomb: ~16 MB of XML in ~4 MB) would make
    python-docx hold ~250 MB; the streamed count refuses it first."""
    rng = random.Random(7)
    cells = b"".join(b"<w:tc><w:p><w:r><w:t>%08x</w:t></w:r></w:p></w:tc>" % rng.getrandbits(32)
                     for _ in range(300_000))
    data = ff.append_to_body(ff.table_form(ff.standard_rows()),
                             b"<w:tbl><w:tr>" + cells + b"</w:tr></w:tbl>")
    started = time.perf_counter()
    with pytest.raises(PanelDeskError, match=r"^申报书\.docx：Word 文档内容过于庞大.*过多元素"):
        ff.parse("申报书.docx", data)
    assert time.perf_counter() - started < 5.0


def test_entity_expansion_is_rejected_without_expanding() -> None:
    data = ff.billion_laughs_docx()
    started = time.perf_counter()
    with pytest.raises(PanelDeskError, match=r"^申报书\.docx：Word 文档含有 XML 实体声明（DOCTYPE）"):
        ff.parse("申报书.docx", data)
    assert looks_like_form("申报书.docx", data) is False
    assert time.perf_counter() - started < 2.0


def test_python_docx_parser_does_not_resolve_entities() -> None:
    # The DOCTYPE check above is the first line of defence; this is the second.
    from docx.oxml.parser import parse_xml

    xml = (b'<!DOCTYPE r [<!ENTITY e "EXPANDED">]>'
           b'<r xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&e;</r>')
    assert "EXPANDED" not in "".join(parse_xml(xml).itertext())


def test_looks_like_form_tells_forms_from_evidence() -> None:
    assert looks_like_form("申报书.docx", ff.table_form(ff.standard_rows())) is True
    assert looks_like_form("材料.docx", ff.paragraph_form(
        [f"申 报 单 位：{ff.UNIT}", f"实践标题：{ff.TITLE}"])) is True
    assert looks_like_form("政策文件.docx", ff.policy_docx()) is False
    assert looks_like_form("随机.docx", os.urandom(1000)) is False
    assert looks_like_form("统计.xlsx", b"PK\x03\x04" + os.urandom(100)) is False


def test_other_labels_in_the_table_do_not_leak_into_ours() -> None:
    rows = [["申报单位", ff.UNIT, None, None], ["联系人", ff.NAME, "职务", "科长"],
            ["联系电话", "010-12345678", "手机", ff.PHONE], ["地址", "某市某路1号", None, None]]
    form = ff.parse("申报书.docx", ff.grid_form(rows, cols=4, merges=[(0, 1, 0, 3), (3, 1, 3, 3)]))
    assert form.fields == {"unit": ff.UNIT, "contact_name": ff.NAME,
                           "contact_info": f"010-12345678；{ff.PHONE}"}


def test_text_box_is_read_once_not_with_its_fallback_copy() -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    box = (f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
           ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
           '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
           f'<w:p><w:r><w:t>实践标题：{ff.TITLE}</w:t></w:r></w:p></w:txbxContent></wps:txbx>'
           '</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>'
           f'<w:t>实践标题：{ff.TITLE}</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>'
           '</mc:AlternateContent></w:r>')

    def build(document) -> None:
        document.add_paragraph(f"申报单位：{ff.UNIT}")
        document.add_paragraph()._p.append(parse_xml(box))

    form = ff.parse("申报书.docx", ff.custom_form(build))
    assert form.fields == {"unit": ff.UNIT, "title": ff.TITLE}
    assert form.text.count(ff.TITLE) == 1


def test_deeply_nested_tables_are_flattened_not_recursed_forever() -> None:
    def edit(xml: bytes) -> bytes:
        inner = f"<w:p><w:r><w:t>申报单位：{ff.UNIT}</w:t></w:r></w:p>"
        for _ in range(60):
            inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
        text = xml.decode("utf-8")
        at = text.index("<w:body>") + len("<w:body>")
        return (text[:at] + inner + text[at:]).encode("utf-8")

    data = ff.rewrite_member(ff.paragraph_form([f"实践标题：{ff.TITLE}"]), "word/document.xml", edit)
    form = ff.parse("申报书.docx", data)
    assert form.fields == {"unit": ff.UNIT, "title": ff.TITLE}


def test_damaged_copies_of_a_form_fail_only_with_panel_desk_errors() -> None:
    rng = random.Random(20260101)
    data = ff.table_form(ff.standard_rows(), title=ff.DOC_TITLE)
    outcomes = {"parsed": 0, "refused": 0}
    for _ in range(80):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if rng.random() < 0.3:
            damaged = damaged[: rng.randrange(len(damaged))]
        try:
            ff.parse("申报书.docx", bytes(damaged))
            outcomes["parsed"] += 1
        except PanelDeskError as err:
            assert str(err).startswith("申报书.docx：")
            outcomes["refused"] += 1
        assert looks_like_form("申报书.docx", bytes(damaged)) in (True, False)
    assert outcomes["refused"] > 0
