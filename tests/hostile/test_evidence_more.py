"""More hostile evidence, found by checking issue 14 from outside: through the previews
and the classification the evidence panel and intake use, each within 5 s and 300 MB
and bounded while reading (the cases of test_evidence.py are not repeated)."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from app.evidence import preview
from app.evidence.classify import classify
from app.evidence.kinds import kind_named
from tests.hostile.builders import (
    SHEET_NS,
    measured,
    sheet_xml,
    stream_member,
    varied,
    within_budget,
    xlsx,
)

GRID = "".join(f'<row r="{r}">' + "".join(f'<c r="{chr(65 + c)}{r}" s="1"><v>1.5</v></c>'
                                         for c in range(20)) + "</row>" for r in range(1, 301))


def styled(code: str) -> bytes:
    """300 × 20 numbers in one style whose number format is `code` (a 25 KB file)."""
    styles = (f'<styleSheet xmlns="{SHEET_NS}"><numFmts count="1"><numFmt numFmtId="200" '
              f'formatCode="{code}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/>'
              f'<xf numFmtId="200"/></cellXfs></styleSheet>').encode()
    return xlsx({"xl/worksheets/sheet1.xml": sheet_xml(GRID), "xl/styles.xml": styles})


def one_string_everywhere() -> bytes:
    """One shared string of 20 M characters shown in all 13 000 cells of the preview."""
    cells = "".join(f'<row r="{r}">' + "".join(f'<c r="{chr(65 + c)}{r}" t="s"><v>0</v></c>'
                                               for c in range(26)) + "</row>"
                    for r in range(1, 501))
    return xlsx({"xl/worksheets/sheet1.xml": sheet_xml(cells)}, streamed=[(
        "xl/sharedStrings.xml", f'<sst xmlns="{SHEET_NS}"><si><t>'.encode(),
        varied(b"%d ", 20_000, top=10**6), 150, b"</t></si></sst>")])


def merges_after_the_data() -> bytes:
    """One cell, then 2.8 M merged ranges: nothing in them is shown."""
    return xlsx(streamed=[("xl/worksheets/sheet1.xml",
                           f'<worksheet xmlns="{SHEET_NS}"><sheetData><row r="1"><c r="A1"><v>1'
                           f'</v></c></row></sheetData><mergeCells>'.encode(),
                           varied(b'<mergeCell ref="A%d:XFD1048576"/>', 2000, top=10**6), 1400,
                           b"</mergeCells></worksheet>")])


def endless_table_cell(row: bool = False) -> bytes:
    """One table cell of 36 000 paragraphs of 5000 characters (180 MB of text) — or,
    with `row`, one table row of 320 000 cells of nine digits (2.9 M characters)."""
    rng = random.Random(3)
    if row:
        chunk = varied(b"<w:tc><w:p><w:r><w:t>%09d</w:t></w:r></w:p></w:tc>", 4000, top=10**9)
        repeat = 80
    else:
        chunk = b"".join(b"<w:p><w:r><w:t>" + bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz0123456789")
                                                    for _ in range(5000)) + b"</w:t></w:r></w:p>"
                         for _ in range(4))
        repeat = 9000
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        stream_member(zf, "word/document.xml",
                      b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                      b'2006/main"><w:body><w:tbl><w:tr>' + (b"" if row else b"<w:tc>"), chunk,
                      repeat, (b"" if row else b"</w:tc>") + b"</w:tr></w:tbl></w:body></w:document>")
    return buf.getvalue()


def _widest_cell(payload) -> int:
    return max(len(cell) for sheet in payload.sheets for row in sheet.rows for cell in row)


# (case, bytes maker, kind — or "classify" —, what must hold of the result)
CASES = [
    ("xlsx number format of 1.9 M characters (was > 300 s)", lambda: styled("#" * 1_900_000),
     "spreadsheet", lambda p: p.sheets[0].rows[0][0] == "1.5"),
    ("xlsx percent format asking for 1.9 M decimals", lambda: styled("0." + "0" * 1_900_000 + "%"),
     "spreadsheet", lambda p: _widest_cell(p) < 40),
    ("xlsx percent format of 200 decimals", lambda: styled("0." + "0" * 200 + "%"),
     "spreadsheet", lambda p: p.sheets[0].rows[0][0] == "150." + "0" * preview.MAX_DECIMALS + "%"),
    ("xlsx one 20 M-character string in every cell (froze the table view)", one_string_everywhere,
     "spreadsheet", lambda p: p.sheets[0].truncated
     and _widest_cell(p) == preview.MAX_CELL_CHARS + 1),
    ("xlsx 2.8 M merged ranges after the data (was 5.9 s)", merges_after_the_data, "spreadsheet",
     lambda p: p.sheets[0].rows == [["1"]]),
    ("docx one table cell of 180 MB text (was 350 MB)", endless_table_cell, "document",
     lambda p: len(p.text) < preview.MAX_TEXT_CHARS + 100 and "仅显示前" in p.text),
    ("docx one table row of 320 000 cells", lambda: endless_table_cell(row=True), "document",
     lambda p: len(p.text) < preview.MAX_TEXT_CHARS + 100 and "仅显示前" in p.text),
    ("text of 99 MB with one emoji (was 472 MB)", lambda: b"a" * 99_000_000 + "🙂".encode(),
     "text", lambda p: p.text.endswith("仅显示开头部分）")),
    ("csv of one 100 MB line", lambda: b"1," * 50_000_000, "text",
     lambda p: p.text.endswith("仅显示开头部分）")),
    ("GB18030 text of 90 MB", lambda: "中文文本，".encode("gb18030") * 9_000_000, "text",
     lambda p: p.text.startswith("中文文本") and p.text.endswith("仅显示开头部分）")),
    ("UTF-16 text of 18 MB cut inside a surrogate pair", lambda: "\ufeff".encode("utf-16-le")
     + "🙂".encode("utf-16-le") * 4_500_000, "text",
     lambda p: p.text.startswith("🙂🙂") and "\ufffd" not in p.text and "仅显示开头部分" in p.text),
    ("classify: 99 MB text with one emoji (was 472 MB)", lambda: b"a" * 99_000_000
     + "🙂".encode(), "classify", lambda info: info.kind == "text" and info.problem is None),
    ("classify: 100 MB single line of digits (was 8 s)", lambda: b"1," * 50_000_000,
     "classify", lambda info: info.kind == "text"),
    ("classify: links after a long text are still found within the first 2 M characters",
     lambda: b"see https://example.org/a " + b"x" * 30_000_000, "classify",
     lambda info: info.kind == "links" and info.links == ["https://example.org/a"]),
]


@pytest.mark.parametrize("case, make, kind, expected", CASES, ids=[c[0] for c in CASES])
def test_more_hostile_evidence_is_bounded(case, make, kind, expected) -> None:
    data = make()
    if kind == "classify":
        def run():
            return classify("x.txt", data)
    else:
        def run():
            return kind_named(kind).preview(data)
    result, seconds, peak = measured(run, memory=True)
    within_budget(seconds, peak)
    assert not isinstance(result, Exception), (case, result)
    assert expected(result), case


def test_a_formula_is_noticed_while_reading() -> None:
    from app.ooxml import open_zip
    from app.ooxml.xlsx import Xlsx

    data = xlsx({"xl/worksheets/sheet1.xml": sheet_xml(
        '<row r="7"><c r="D7"><f>WEBSERVICE("http://x")</f><v>27.5</v></c></row>')})
    with open_zip(data, max_total=10**6) as zf:
        read = Xlsx(zf).read_rows("S", max_rows=10, max_col=10, max_cells=100)
    assert read.formulas == ["D7"] and read.rows == [(7, {4: (27.5, "General")})]
