"""Parsing 申报书 PDFs: reading order rebuilt from positions, ruled tables, wrapped
paragraphs, and PDFs that cannot be read (encrypted, scanned, damaged)."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from app.errors import PanelDeskError
from app.intake.forms import looks_like_form
from tests.app.intake import form_factory as ff

PARAGRAPH_FIELDS = {**ff.expected_fields(), "body": "\n".join(ff.LONG_BODY),
                    "contact_info": ff.PHONE}
TABLE_FIELDS = {**ff.expected_fields(), "body": ff.LONG_BODY[0]}


def needs_soffice() -> None:
    if not (shutil.which("soffice") or shutil.which("libreoffice")) and not os.environ.get("CI"):
        pytest.skip("LibreOffice (soffice) is not installed")


def test_paragraph_pdf_in_drawing_order() -> None:
    form = ff.parse("申报书.pdf", ff.pdf_from_pieces([ff.paragraph_pdf_pieces()]))
    assert form.fields == PARAGRAPH_FIELDS
    assert form.notes == []
    lines = form.text.split("\n")
    assert lines[:3] == [ff.DOC_TITLE, f"申报单位：{ff.UNIT}", f"联系人及联系方式：{ff.NAME}，{ff.PHONE}"]
    assert lines[-3:] == ff.LONG_BODY  # wrapped lines joined back into paragraphs


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shuffled_content_stream_reads_in_position_order(seed: int) -> None:
    pieces = ff.paragraph_pdf_pieces()
    data = ff.pdf_from_pieces([pieces], shuffle_seed=seed)
    form = ff.parse("申报书.pdf", data)
    assert form.fields == PARAGRAPH_FIELDS
    assert form.text == ff.parse("x.pdf", ff.pdf_from_pieces([pieces])).text


def test_value_drawn_before_its_label() -> None:
    # Drawing order: values first, then labels (as some form generators do).
    values = [(180, 100, ff.UNIT), (180, 120, ff.TITLE), (180, 140, "坚守故事")]
    labels = [(72, 100, "申报单位"), (72, 120, "实践标题"), (72, 140, "实践类别")]
    form = ff.parse("申报书.pdf", ff.pdf_from_pieces([values + labels]))
    assert form.fields == {"unit": ff.UNIT, "title": ff.TITLE, "category": "坚守故事"}
    assert form.text.split("\n") == [f"申报单位\t{ff.UNIT}", f"实践标题\t{ff.TITLE}",
                                     "实践类别\t坚守故事"]


def test_borderless_columns_with_wrapped_values() -> None:
    unit_lines = ff.wrap(ff.UNIT + "（某市12345热线）", 12)
    body_lines = ff.wrap(ff.LONG_BODY[1], 30)
    pieces = [(72, 100, "申报单位")]
    pieces += [(180, 100 + 16 * n, text) for n, text in enumerate(unit_lines)]
    y = 100 + 16 * len(unit_lines) + 8
    pieces += [(72, y, "联系人"), (180, y, ff.NAME), (300, y, "手机"), (360, y, ff.PHONE)]
    y += 24
    pieces += [(72, y, "详细内容")] + [(180, y + 16 * n, t) for n, t in enumerate(body_lines)]
    pieces += [(290, 800, "- 1 -")]  # page number in the footer
    form = ff.parse("申报书.pdf", ff.pdf_from_pieces([pieces], shuffle_seed=7))
    assert form.fields == {"unit": ff.UNIT + "（某市12345热线）", "contact_name": ff.NAME,
                           "contact_info": ff.PHONE, "body": ff.LONG_BODY[1]}


def test_ruled_table_with_merged_label_and_wrapped_cells() -> None:
    data = ff.ruled_table_pdf([ff.standard_pdf_rows()], title=ff.DOC_TITLE)
    form = ff.parse("申报书.pdf", data)
    assert form.fields == TABLE_FIELDS
    assert form.text.split("\n")[:2] == [ff.DOC_TITLE, f"申报单位\t{ff.UNIT}"]


def test_table_row_continued_on_the_next_page() -> None:
    first, second = ff.wrap(ff.LONG_BODY[0], 30), ff.wrap(ff.LONG_BODY[1], 30)
    pages = [[("申报单位", [ff.UNIT]), ("实践标题", [ff.TITLE]), ("详细内容", first)],
             [(None, second), ("填表日期", ["2026年1月5日"])]]
    form = ff.parse("申报书.pdf", ff.ruled_table_pdf(pages))
    assert form.fields == {"unit": ff.UNIT, "title": ff.TITLE,
                           "body": ff.LONG_BODY[0] + "\n" + ff.LONG_BODY[1]}


def test_encrypted_pdf_is_refused() -> None:
    data = ff.encrypted_pdf(ff.pdf_from_pieces([ff.paragraph_pdf_pieces()]))
    with pytest.raises(PanelDeskError, match=r"^申报书\.pdf：PDF 已加密（需要密码才能打开）"):
        ff.parse("申报书.pdf", data)
    assert looks_like_form("申报书.pdf", data) is False


def test_scanned_pdf_without_text_layer_is_refused() -> None:
    with pytest.raises(PanelDeskError, match=r"^扫描\.pdf：PDF 是扫描件，无文字层"):
        ff.parse("扫描.pdf", ff.image_only_pdf())


def test_damaged_pdf_is_refused() -> None:
    with pytest.raises(PanelDeskError, match=r"^坏\.pdf：PDF 文件已损坏"):
        ff.parse("坏.pdf", b"%PDF-1.7\n" + os.urandom(300))
    with pytest.raises(PanelDeskError, match=r"^坏\.pdf：文件已损坏，内容不是有效的 PDF 文件"):
        ff.parse("坏.pdf", b"<html>not a pdf</html>")


def test_looks_like_form_for_pdfs() -> None:
    assert looks_like_form("申报书.pdf", ff.pdf_from_pieces([ff.paragraph_pdf_pieces()])) is True
    assert looks_like_form("a.pdf", ff.ruled_table_pdf([ff.standard_pdf_rows()])) is True
    assert looks_like_form("政策.pdf", ff.policy_pdf()) is False
    assert looks_like_form("扫描.pdf", ff.image_only_pdf()) is False


def test_word_form_exported_to_pdf_by_libreoffice(tmp_path: Path) -> None:
    needs_soffice()
    rows = ff.standard_rows(category="坚守故事")  # no ☑: CI machines may lack its glyph
    pdf = ff.soffice_convert(ff.table_form(rows, title=ff.DOC_TITLE), ".docx", "pdf", tmp_path)
    form = ff.parse("申报书.pdf", pdf)
    assert form.fields == ff.expected_fields(category="坚守故事")
    assert looks_like_form("申报书.pdf", pdf) is True


def test_damaged_copies_of_a_pdf_fail_only_with_panel_desk_errors() -> None:
    rng = random.Random(12345)
    data = ff.ruled_table_pdf([ff.standard_pdf_rows()], title=ff.DOC_TITLE)
    refused = 0
    for _ in range(80):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if rng.random() < 0.3:
            damaged = damaged[: rng.randrange(len(damaged))]
        try:
            ff.parse("申报书.pdf", bytes(damaged))
        except PanelDeskError as err:
            assert str(err).startswith("申报书.pdf：")
            refused += 1
        assert looks_like_form("申报书.pdf", bytes(damaged)) in (True, False)
    assert refused > 0
