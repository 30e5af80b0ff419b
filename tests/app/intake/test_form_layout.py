"""The layout of a Word form for the organizer's view: paragraphs and tables in order,
merged and nested cells, the reader's text — and bounded on hostile files."""

from __future__ import annotations

import time

import pytest

from app.errors import PanelDeskError
from app.intake import form_doc
from app.intake.form_layout import docx_layout, read_layout
from app.intake.layout import FormLayout, LayoutBounds, LayoutTable, table_text, text_layout
from tests.app.intake import form_factory as ff


def tables(layout: FormLayout) -> list[LayoutTable]:
    return [b for b in layout.blocks if isinstance(b, LayoutTable)]


def spans(table: LayoutTable) -> list[tuple[int, int, int, int, str]]:
    return [(c.row, c.column, c.row_span, c.column_span, c.text) for c in table.cells]


def test_paragraphs_and_a_table_in_document_order() -> None:
    data = ff.table_form(ff.standard_rows(), title=ff.DOC_TITLE, before=["前言"], after=["附言"])
    layout = docx_layout("申报书.docx", data)
    assert not layout.truncated
    assert layout.blocks[0] == "前言" and layout.blocks[-1] == "附言"
    [table] = tables(layout)
    assert (table.rows, table.columns) == (7, 2)
    assert spans(table)[:3] == [(0, 0, 1, 2, ff.DOC_TITLE), (1, 0, 1, 1, "申报单位"),
                                (1, 1, 1, 1, ff.UNIT)]
    # A cell keeps its paragraphs.
    assert spans(table)[-1] == (6, 1, 1, 1, "\n".join(ff.BODY))


def test_vertical_and_horizontal_merges_keep_their_grid() -> None:
    data = ff.grid_form([["甲", "乙", "丙"], [None, "丁", None], [None, "戊", "己"]], 3,
                        merges=[(0, 0, 2, 0), (1, 1, 1, 2)])
    [table] = tables(docx_layout("申报书.docx", data))
    assert (table.rows, table.columns) == (3, 3)
    assert spans(table) == [(0, 0, 3, 1, "甲"), (0, 1, 1, 1, "乙"), (0, 2, 1, 1, "丙"),
                            (1, 1, 1, 2, "丁"), (2, 1, 1, 1, "戊"), (2, 2, 1, 1, "己")]


def test_grid_before_skips_columns_and_widths_are_kept() -> None:
    row = (b"<w:tr><w:trPr><w:gridBefore w:val='2'/></w:trPr>"
           b"<w:tc><w:p><w:r><w:t>R</w:t></w:r></w:p></w:tc></w:tr>")
    grid = b"<w:tblGrid><w:gridCol w:w='1000'/><w:gridCol w:w='x'/><w:gridCol w:w='3000'/></w:tblGrid>"
    data = ff.append_to_body(ff.paragraph_form(["x"]), b"<w:tbl>" + grid + row + b"</w:tbl>")
    [table] = tables(docx_layout("a.docx", data))
    assert (table.columns, spans(table)) == (3, [(0, 2, 1, 1, "R")])
    assert table.widths == [1000, 0, 3000]  # as written; a width that is no number is 0


def test_nested_table_stays_a_table_inside_its_cell() -> None:
    def build(document) -> None:
        outer = document.add_table(rows=1, cols=2)
        outer.cell(0, 0).text = "左"
        cell = outer.cell(0, 1)
        cell.text = "上"
        inner = cell.add_table(rows=2, cols=2)
        for r in range(2):
            for c in range(2):
                inner.cell(r, c).text = f"{r}{c}"

    [outer] = tables(docx_layout("a.docx", ff.custom_form(build)))
    holder = outer.cells[1]
    assert holder.blocks[0] == "上"
    inner = holder.blocks[1]
    assert isinstance(inner, LayoutTable) and table_text(inner) == "00\t01\n10\t11"


def test_check_boxes_read_as_the_field_reader_reads_them() -> None:
    def build(document) -> None:
        p = document.add_paragraph("实践类别：")
        ff.add_symbol(p, "Wingdings 2", "F052")
        p.add_run("创新机制 ")
        ff.add_legacy_checkbox(p, False)
        p.add_run("坚守故事")

    layout = docx_layout("a.docx", ff.custom_form(build))
    assert layout.blocks == ["实践类别：☑创新机制 □坚守故事"]


def test_markup_in_the_file_is_kept_as_text() -> None:
    hostile = "<b>x</b><img src=x>"
    data = ff.grid_form([[hostile, "&amp; &lt;"]], 2)
    [table] = tables(docx_layout("a.docx", data))
    assert [c.text for c in table.cells] == [hostile, "&amp; &lt;"]


def test_text_box_fallback_copies_and_deletions_are_skipped() -> None:
    body = (b"<w:p><w:r><w:t>A</w:t></w:r><w:del><w:r><w:t>gone</w:t></w:r></w:del>"
            b'<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-'
            b'compatibility/2006"><mc:Choice Requires="wps"><w:r><w:t>B</w:t></w:r></mc:Choice>'
            b"<mc:Fallback><w:r><w:t>B again</w:t></w:r></mc:Fallback></mc:AlternateContent>"
            b"</w:p>")
    layout = docx_layout("a.docx", ff.append_to_body(ff.paragraph_form(["x"]), body))
    assert layout.blocks == ["x", "AB"]


# Built when the test runs: some are tens of megabytes.
HOSTILE_BODIES = {
    # A table of 800,000 rows: cut at the cell bound.
    "rows": (lambda: b"<w:tbl>" + b"<w:tr><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>"
             * 800_000 + b"</w:tbl>",
             lambda t: len(t[0].cells) == LayoutBounds().max_cells
             and t[0].rows <= LayoutBounds().max_cells + 1),
    # One row of two million cells: cut at Word's 63 columns.
    "wide-row": (lambda: b"<w:tbl><w:tr>" + b"<w:tc><w:p/></w:tc>" * 2_000_000
                 + b"</w:tr></w:tbl>", lambda t: t[0].columns == 63),
    "paragraphs": (lambda: b"<w:p><w:r><w:t>p</w:t></w:r></w:p>" * 1_500_000, lambda t: t == []),
    "runs": (lambda: b"<w:p>" + b"<w:r/>" * 6_000_000 + b"</w:p>", lambda t: t == []),
    "one-paragraph": (lambda: b"<w:p><w:r><w:t>" + b"x" * 45_000_000 + b"</w:t></w:r></w:p>",
                      lambda t: t == []),
    # Spans of a billion columns.
    "spans": (lambda: b"<w:tbl><w:tr><w:trPr><w:gridBefore w:val='99999999'/></w:trPr><w:tc>"
              b"<w:tcPr><w:gridSpan w:val='999999999'/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>",
              lambda t: t[0].columns <= 63),
}


@pytest.mark.parametrize("case", list(HOSTILE_BODIES))
def test_hostile_documents_are_cut_quickly(case: str) -> None:
    make, check = HOSTILE_BODIES[case]
    data = ff.append_to_body(ff.paragraph_form(["开头"]), make())
    started = time.perf_counter()
    layout = docx_layout("a.docx", data)
    assert time.perf_counter() - started < 5
    bounds = LayoutBounds()
    assert layout.truncated and check(tables(layout))
    assert layout.blocks[0] == "开头"
    paragraphs = [b for b in layout.blocks if isinstance(b, str)]
    assert len(paragraphs) <= bounds.max_paragraphs
    assert sum(len(p) for p in paragraphs) <= bounds.max_chars


def test_tables_nested_past_the_bound_are_read_as_paragraphs() -> None:
    body = (b"<w:tbl><w:tr><w:tc>" * 3000 + b"<w:p><w:r><w:t>deep</w:t></w:r></w:p>"
            + b"</w:tc></w:tr></w:tbl>" * 3000)
    layout = docx_layout("a.docx", ff.append_to_body(ff.paragraph_form(["x"]), body))
    depth, block = 0, tables(layout)[0]
    while isinstance(block, LayoutTable):
        depth += 1
        block = block.cells[0].blocks[0]
    assert depth == LayoutBounds().max_depth and block == "deep"


def test_unreadable_files_are_panel_desk_errors() -> None:
    with pytest.raises(PanelDeskError, match="a.docx"):
        docx_layout("a.docx", b"PK\x03\x04 broken")
    with pytest.raises(PanelDeskError, match="a.docx"):
        docx_layout("a.docx", ff.billion_laughs_docx())
    with pytest.raises(PanelDeskError, match="不是 Word"):
        read_layout("a.pdf", "pdf", b"%PDF-1.7")


def test_a_legacy_doc_without_libreoffice_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(form_doc, "find_soffice", lambda: None)
    with pytest.raises(PanelDeskError, match="LibreOffice"):
        read_layout("a.doc", "doc", form_doc.OLE2_MAGIC)


def test_text_layout_reads_tab_lines_as_table_rows() -> None:
    layout = text_layout("标题\n申报单位\t某单位\n实践标题\t题目\t备注\n正文", note="为何")
    assert layout.from_text and layout.note == "为何" and not layout.truncated
    assert layout.blocks[0] == "标题" and layout.blocks[-1] == "正文"
    [table] = tables(layout)
    assert (table.rows, table.columns) == (2, 3)
    assert table_text(table) == "申报单位\t某单位\n实践标题\t题目\t备注"


def test_text_layout_puts_lines_between_rows_into_the_cell_above() -> None:
    layout = text_layout("核心亮点\t一\n二\n详细内容\t三\n四")
    [table] = tables(layout)
    assert [c.text for c in table.cells] == ["核心亮点", "一\n二", "详细内容", "三"]
    assert layout.blocks[-1] == "四"  # after the last row: a paragraph, as far as text tells


def test_text_layout_is_bounded() -> None:
    layout = text_layout("a\tb\n" * 10_000)
    assert layout.truncated and len(tables(layout)[0].cells) <= LayoutBounds().max_cells
