"""Form layouts found on a held-out mailbox that the other form tests did not cover:
a header row of labels above the row of their values (Word and its PDF export)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.intake.form_fields import header_pairs, table_blocks
from tests.app.intake import form_factory as ff

CONTACT = f"{ff.NAME} {ff.PHONE}"


def header_row_form() -> bytes:
    """Labels across the first row, values in the second; then label | value rows, all
    ruled (the PDF reader pairs the header row inside a ruled table)."""
    rows = [["申报单位", "联系人及联系方式", "实践类别"],
            [ff.UNIT, CONTACT, "治理成效"],
            ["实践标题", ff.TITLE, None],
            ["核心亮点", "\n".join(ff.HIGHLIGHTS), None],
            ["详细内容", "\n".join(ff.BODY), None]]

    def build(document) -> None:
        table = document.add_table(rows=len(rows), cols=3)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    ff.set_cell(table.cell(r, c), value)
        for r in (2, 3, 4):
            table.cell(r, 1).merge(table.cell(r, 2))

    return ff.custom_form(build)


def test_header_row_pairs_each_label_with_the_cell_below() -> None:
    cells = ["申报单位", "联系人及联系方式", "实践类别"]
    assert header_pairs(cells, ["某市热线", "王芳 138", "治理成效"]) == [
        ("申报单位", "某市热线"), ("联系人及联系方式", "王芳 138"), ("实践类别", "治理成效")]
    assert header_pairs(cells, ["某市热线", "王芳 138"]) is None  # not column for column
    assert header_pairs(cells, ["实践标题", "x", "y"]) is None  # the row below is labelled
    assert header_pairs(["申报单位", "某市热线", ""], ["a", "b", "c"]) is None  # not labels only
    assert header_pairs(["日期", "盖章"], ["2026年", ""]) is None  # no field labels
    # Elsewhere the rows read as before, one by one.
    assert table_blocks([["申报单位", "某市热线"], ["实践标题", "深夜来电"]]) == [
        ("申报单位", "某市热线"), ("实践标题", "深夜来电")]


def test_word_form_with_a_header_row() -> None:
    form = ff.parse("申报表.docx", header_row_form())
    assert form.fields == ff.expected_fields()


def test_pdf_export_of_a_form_with_a_header_row(tmp_path: Path) -> None:
    if not (shutil.which("soffice") or shutil.which("libreoffice")) and not os.environ.get("CI"):
        pytest.skip("LibreOffice (soffice) is not installed")
    pdf = ff.soffice_convert(header_row_form(), ".docx", "pdf", tmp_path)
    form = ff.parse("申报表.pdf", pdf)
    assert {k: form.fields.get(k) for k in ("unit", "contact_name", "contact_info", "category",
                                            "title")} == {
        "unit": ff.UNIT, "contact_name": ff.NAME, "contact_info": ff.PHONE,
        "category": "治理成效", "title": ff.TITLE}


@pytest.mark.parametrize("written", ["（盖章）", "(盖章)", " （单位公章）", "【加盖公章】"])
def test_stamp_remark_left_in_the_unit_value_is_dropped(written: str) -> None:
    rows = [("申报单位名称（盖章）", ff.UNIT + written), *ff.standard_rows()[1:]]
    assert ff.parse("申报书.docx", ff.table_form(rows)).fields["unit"] == ff.UNIT


def test_a_unit_that_is_only_the_stamp_remark_is_missing() -> None:
    rows = [("申报单位", "（盖章）"), *ff.standard_rows()[1:]]
    assert "unit" not in ff.parse("申报书.docx", ff.table_form(rows)).fields


def test_symbol_font_boxes_of_a_word_form_exported_to_pdf(tmp_path: Path) -> None:
    if not (shutil.which("soffice") or shutil.which("libreoffice")) and not os.environ.get("CI"):
        pytest.skip("LibreOffice (soffice) is not installed")

    def build(document) -> None:
        rows = ff.standard_rows()
        table = document.add_table(rows=len(rows), cols=2)
        table.style = "Table Grid"
        for r, (label, value) in enumerate(rows):
            table.cell(r, 0).text = label
            if label != "实践类别":
                ff.set_cell(table.cell(r, 1), value)
                continue
            paragraph = table.cell(r, 1).paragraphs[0]
            # Insert ▸ Symbol, Wingdings 2: F052 ☑, F0A3 □.
            for checked, name in ((False, "感动瞬间"), (True, "创新机制"), (False, "坚守故事")):
                ff.add_symbol(paragraph, "Wingdings 2", "F052" if checked else "F0A3")
                paragraph.add_run(name + "  ")

    pdf = ff.soffice_convert(ff.custom_form(build), ".docx", "pdf", tmp_path)
    assert ff.parse("申报书.pdf", pdf).fields["category"] == "创新机制"


def picture(shade: int, width: int = 1920, height: int = 1080) -> bytes:
    import pymupdf

    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), 0)
    pix.clear_with(shade)
    return pix.tobytes("jpeg")


def form_with_pictures(*shades: int) -> bytes:
    """The standard form, then its pictures pasted below it; a logo in the page header."""
    import io

    from docx.shared import Cm

    def build(document) -> None:
        header = document.sections[0].header.paragraphs[0]
        header.add_run().add_picture(io.BytesIO(picture(10, 200, 80)), width=Cm(3))
        table = document.add_table(rows=0, cols=2)
        for label, value in ff.standard_rows():
            cells = table.add_row().cells
            cells[0].text = label
            ff.set_cell(cells[1], value)
        for shade in shades:
            document.add_picture(io.BytesIO(picture(shade)), width=Cm(12))
        document.add_picture(io.BytesIO(picture(shades[0])), width=Cm(6))  # the same again

    return ff.custom_form(build)


def test_pictures_pasted_into_a_word_form_are_kept_in_order() -> None:
    form = ff.parse("申报书.docx", form_with_pictures(40, 90))
    assert form.fields == ff.expected_fields()
    assert [data for _name, data in form.pictures] == [picture(40), picture(90)]
    assert all(name.startswith("word/media/") for name, _data in form.pictures)


def test_a_form_without_pictures_has_none() -> None:
    assert ff.parse("申报书.docx", ff.table_form(ff.standard_rows())).pictures == []


def pdf_form_with_pictures() -> bytes:
    """A text PDF form, then a page with two photos, a small logo and a full-page scan."""
    import pymupdf

    doc = pymupdf.open(stream=ff.pdf_from_pieces([ff.paragraph_pdf_pieces()]), filetype="pdf")
    page = doc.new_page(width=595, height=842)
    page.insert_image(pymupdf.Rect(72, 72, 472, 297), stream=picture(40))
    page.insert_image(pymupdf.Rect(72, 320, 472, 545), stream=picture(90))
    page.insert_image(pymupdf.Rect(500, 20, 540, 40), stream=picture(10, 200, 100))  # a logo
    scan = doc.new_page(width=595, height=842)
    scan.insert_image(scan.rect, stream=picture(200, 1240, 1754))  # the stamped page
    return doc.tobytes()


def test_photographs_in_a_pdf_form_are_kept_logos_and_scanned_pages_not() -> None:
    form = ff.parse("申报书.pdf", pdf_form_with_pictures())
    assert form.fields["unit"] == ff.UNIT
    assert [data for _name, data in form.pictures] == [picture(40), picture(90)]
