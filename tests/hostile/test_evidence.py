"""Hostile evidence through the previews the evidence panel uses (app.evidence.kinds):
every case ends in a bounded preview that says it was cut, or a clear PanelDeskError,
within 5 s and 300 MB."""

from __future__ import annotations

import io
import zipfile

import pytest

from app.errors import PanelDeskError
from app.evidence import preview
from app.evidence.kinds import kind_named
from tests.hostile.builders import docx, measured, sheet_xml, varied, within_budget, xlsx

ROW_HEAD = f'<worksheet xmlns="{"http://schemas.openxmlformats.org/spreadsheetml/2006/main"}">' \
           '<sheetData><row r="1">'
DTD = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'


def one_row_of(cells: int) -> bytes:
    """The issue's case: one row of `cells` cells (10 M: ~15 MB packed, 140 MB inflated)."""
    chunk = varied(b"<c><v>%d</v></c>", 4000)
    return xlsx(streamed=[("xl/worksheets/sheet1.xml", ROW_HEAD.encode(), chunk,
                           cells // 4000, b"</row></sheetData></worksheet>")])


def many_rows(rows: int, cell: str = "") -> bytes:
    chunk = b"".join(b'<row><c t="inlineStr"><is><t>%d</t></is></c></row>' % i
                     for i in range(2000))
    tail = f"<row r=\"{rows + 10}\"><c r=\"{cell or 'A'}{rows + 10}\"><v>1</v></c></row>".encode()
    return xlsx(streamed=[("xl/worksheets/sheet1.xml",
                           f'<worksheet xmlns="{"http://schemas.openxmlformats.org/spreadsheetml/2006/main"}"><sheetData>'.encode(),
                           chunk, rows // 2000, tail + b"</sheetData></worksheet>")])


def many_strings(count: int) -> bytes:
    sst = (b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
    return xlsx({"xl/worksheets/sheet1.xml": sheet_xml(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>300000</v></c></row>')},
        streamed=[("xl/sharedStrings.xml", sst, varied(b"<si><t>%d</t></si>", 4000),
                   count // 4000, b"</sst>")])


def paragraphs(count: int) -> bytes:
    return docx(streamed=(varied(b"<w:p><w:r><w:t>%d</w:t></w:r></w:p>", 2000, top=10**6),
                          count // 2000))


def docx_with_dtd() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", DTD + b"<w:document xmlns:w='x'><w:body/></w:document>")
    return buf.getvalue()


MEMORY_CHECKED = ("xlsx one row of 10M cells", "docx 4.8M paragraphs")
# (case, bytes maker, kind, what must hold of the preview — a string: the error says it)
CASES = [
    ("xlsx one row of 10M cells", lambda: one_row_of(10_000_000), "spreadsheet",
     lambda p: p.sheets[0].truncated and len(p.sheets[0].rows[0]) == 50),
    ("xlsx 400k rows", lambda: many_rows(400_000), "spreadsheet",
     lambda p: p.sheets[0].truncated and len(p.sheets[0].rows) == 500),
    ("xlsx cell in column XFD", lambda: xlsx({"xl/worksheets/sheet1.xml": sheet_xml(
        '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>')}), "spreadsheet",
     lambda p: p.sheets[0].truncated and p.sheets[0].rows == [["1"]]),
    ("xlsx 400k shared strings", lambda: many_strings(400_000), "spreadsheet",
     lambda p: p.sheets[0].truncated and p.sheets[0].rows[0][1] == "…"),
    ("xlsx shared string index out of range", lambda: xlsx({
        "xl/worksheets/sheet1.xml": sheet_xml('<row r="1"><c r="A1" t="s"><v>7</v></c></row>')}),
     "spreadsheet", "共享文本"),
    ("xlsx DTD in sheet", lambda: xlsx({"xl/worksheets/sheet1.xml": DTD + sheet_xml("")}),
     "spreadsheet", "DTD"),
    ("xlsx broken XML", lambda: xlsx({"xl/worksheets/sheet1.xml": b"<worksheet><sheetData>"}),
     "spreadsheet", "XML"),
    ("xlsx number that is not one", lambda: xlsx({"xl/worksheets/sheet1.xml": sheet_xml(
        '<row r="1"><c r="A1"><v>1e</v></c></row>')}), "spreadsheet", "数值"),
    ("xlsx missing sheet part", lambda: xlsx(), "spreadsheet", "缺少"),
    ("xlsx huge row number", lambda: xlsx({"xl/worksheets/sheet1.xml": sheet_xml(
        '<row r="1048576"><c r="A1048576"><v>1</v></c></row>')}), "spreadsheet",
     lambda p: p.sheets[0].truncated),
    ("docx 4.8M paragraphs", lambda: paragraphs(4_800_000), "document",
     lambda p: p.text.endswith("仅显示前 20000 段）")),
    ("docx text outside any paragraph", lambda: docx(streamed=(
        varied(b"<w:r><w:t>%d</w:t></w:r>", 3000, top=10**6), 300)), "document",
     lambda p: len(p.text) < 2_100_000),
    ("docx endless paragraph", lambda: docx(
        b"<w:p>" + varied(b"<w:r><w:t>%d</w:t></w:r>", 400_000, top=10**6) + b"</w:p>"),
     "document", lambda p: len(p.text) < 2_100_000 and "仅显示前" in p.text),
    ("docx DTD", docx_with_dtd, "document", "DTD"),
    ("docx without body part", lambda: xlsx(), "document", "缺少正文"),
    ("docx markup in text stays text", lambda: docx(
        b"<w:p><w:r><w:t>&lt;h1&gt;\xe5\xb7\xb2\xe6\xa0\xb8\xe9\xaa\x8c&lt;/h1&gt;</w:t></w:r></w:p>"),
     "document", lambda p: p.text == "<h1>已核验</h1>"),
    ("text with escape sequences", lambda: b"\x1b[2J fine text \xe2\x80\xae", "text",
     lambda p: "fine text" in p.text),
    ("text of 50 MB", lambda: b"a" * 50_000_000, "text",
     lambda p: p.text.endswith("仅显示开头部分）")),
    ("not a zip as spreadsheet", lambda: b"not a zip", "spreadsheet", "表格文件"),
    ("empty bytes as document", lambda: b"", "document", "Word"),
]


@pytest.mark.parametrize("case, make, kind, expected", CASES, ids=[c[0] for c in CASES])
def test_hostile_evidence_is_bounded(case, make, kind, expected) -> None:
    data = make()
    heavy = len(data) > 5_000_000 or case in MEMORY_CHECKED
    result, seconds, peak = measured(lambda: kind_named(kind).preview(data), memory=heavy)
    within_budget(seconds, peak)
    if isinstance(expected, str):
        assert isinstance(result, PanelDeskError), (case, result)
        assert expected in str(result), (case, str(result))
    else:
        assert not isinstance(result, Exception), (case, result)
        assert expected(result), case


def test_a_cut_preview_says_of_how_many_rows() -> None:
    data = xlsx({"xl/worksheets/sheet1.xml": sheet_xml("")})  # no dimension: totals unknown
    assert preview.xlsx_preview(data)[0].total_rows is None
    rows = "".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>' for i in range(1, 801))
    data = xlsx({"xl/worksheets/sheet1.xml": (
        f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<dimension ref="A1:A800"/><sheetData>{rows}</sheetData></worksheet>').encode()})
    sheet = preview.xlsx_preview(data)[0]
    assert sheet.truncated and len(sheet.rows) == 500 and sheet.total_rows == 800
