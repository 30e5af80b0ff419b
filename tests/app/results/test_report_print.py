"""report.docx and results.xlsx are fit for print (issue 12): checked on the files' layout.

The held-out scenario converted both with LibreOffice and looked at the pages: the
离群评分 table's header 该专家总分 wrapped ("该专家总/分"), although every header of the
report is meant to fit its column.  The rule the widths follow (`docx_report.RANK_WIDTHS`):
about 0.37 cm per Chinese character at 五号 plus 0.38 cm of cell margins.
"""

from __future__ import annotations

from datetime import date

import openpyxl
from docx import Document
from docx.oxml.ns import qn

from app.results.engine import ResultsEngine
from app.results.outputs import write_outputs
from tests.app.results.helpers import make_panel

CM_PER_WIDE_CHAR, CM_PER_NARROW_CHAR, CELL_MARGINS_CM = 0.37, 0.2, 0.38


def written(tmp_path, db):
    """A panel whose report has every table: panel, rankings, re-review list, outlying
    marks, experts' flags and decisions."""
    from tests.app.results.test_eligibility import decisions

    marks = {e: {"S1": 90 - i, "S2": 70 + i, "S3": 80, "S4": 75, "S5": 72}
             for i, e in enumerate(("E1", "E2", "E3", "E4", "E5"))}
    marks["E6"] = {"S1": 30, "S2": 71, "S3": (80, {"flags": "疑似不实", "comment": "数据存疑"}),
                   "S4": 75, "S5": 72}
    panel = make_panel(tmp_path, db, marks)[1]
    chosen = decisions({"action": "disqualify", "submission": "S5", "reason": "经核实材料不实"})
    engine = ResultsEngine(panel, chosen)
    return write_outputs(panel, engine.results(), tmp_path / "out",
                         comparison=engine.compare(), generated=date(2026, 4, 1))


def needed_cm(text: str) -> float:
    wide = sum(1 for ch in text if ord(ch) > 0x2E80)
    return wide * CM_PER_WIDE_CHAR + (len(text) - wide) * CM_PER_NARROW_CHAR + CELL_MARGINS_CM


def test_every_report_header_fits_its_column_and_rows_never_split(tmp_path, db) -> None:
    report = Document(str(written(tmp_path, db)[1]))
    section = report.sections[0]
    assert section.page_width > section.page_height  # landscape
    assert len(report.tables) >= 6
    for table in report.tables:
        header, *body = table.rows
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
        for row in body:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        for cell in header.cells:
            assert needed_cm(cell.text) <= cell.width.cm + 1e-6, (cell.text, cell.width.cm)


def test_every_workbook_sheet_prints_landscape_with_its_header_repeated(tmp_path, db) -> None:
    workbook = openpyxl.load_workbook(written(tmp_path, db)[0])
    for sheet in workbook.worksheets[1:]:  # 概览 is a short portrait page
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.print_title_rows, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
