"""The regions of a returned score workbook, read with bounds (`app.ooxml.xlsx`).

`verify.py` reads the 签名 sheet first (a few thousand cells at most), checks the
signature, and only then reads the 评分表 — bounded by the rows the signed payload
says it has — and the 说明 sheet.  Everything outside the signed cells is collected as
well, so nothing can be added unnoticed: any cell right of the score columns, any
other cell on the 签名 sheet or an extra sheet is `extra`; the title block (rows
1–5), the header row and the 说明 sheet are returned as `printed` text for the
importer to compare with what PanelDesk prints there (`export.expected_printed`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.ooxml.xlsx import SheetRows, Xlsx, column_letters
from app.sheets.export import (
    HEADER_ROW,
    LEAD_HEADERS,
    NOTES_SHEET,
    SCORE_SHEET,
    SIGNATURE_SHEET,
    TAIL_HEADERS,
)

MAX_SIGNATURE_ROWS = 10_000  # 30 000 characters a row: far more than any payload
MAX_BLANK_ROWS = 1000  # formatted empty rows an office program may keep
MAX_NOTES_CELLS = 5000
SHEETS = (SCORE_SHEET, NOTES_SHEET, SIGNATURE_SHEET)


class TooLarge(Exception):
    """A region holds more rows or cells than its signed content can explain."""


@dataclass
class ScoreRegion:
    header: list[Any]
    rows: list[list[Any]]  # the score columns of every non-blank row below the header
    printed: dict[str, str] = field(default_factory=dict)  # "评分表!A1" → text
    extra: list[tuple[str, Any]] = field(default_factory=list)  # cells nothing signs


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def _filled(value: Any) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def extra_sheets(book: Xlsx) -> list[tuple[str, Any]]:
    """Sheets the export does not write — also a second sheet under one of its names:
    only the last of them is read (and checked), a program may show the first."""
    names = book.sheetnames
    return [(f"{name}!A1", "多余的工作表") for i, name in enumerate(names)
            if name not in SHEETS or name in names[i + 1:]]


# Parts that make a program opening the workbook reach out or run something: links to
# other workbooks (Excel offers to update them — a UNC path sends the user's credentials),
# macros, ActiveX controls, embedded objects, data connections.  The export writes none.
ACTIVE_PARTS = ("xl/externalLinks/", "xl/vbaProject", "xl/activeX/", "xl/embeddings/",
                "xl/connections.xml", "xl/queryTables/", "xl/ctrlProps/", "customUI/")


def active_parts(book: Xlsx) -> list[tuple[str, Any]]:
    found = [(f"{name}!", "外部链接、宏或嵌入对象") for name in book.zf.namelist()
             if name.startswith(ACTIVE_PARTS)][:20]
    # A hyperlink on a cell is not a value, but it is an edit the export never makes,
    # and a click on it in Excel leaves the organizer's machine.
    sheet_rels = [name for name in book.zf.namelist()
                  if name.startswith("xl/worksheets/_rels/") and name.endswith(".rels")]
    return found + [(f"{name}!", "超链接") for name in sheet_rels[:20]
                    if "hyperlink" in book.relationship_types(name)]


def formula_cells(sheet: str, read: SheetRows) -> list[tuple[str, Any]]:
    """Cells holding a formula: the export writes none, and a program opening the file
    would compute (and show, or send) something other than the value checked here."""
    return [(f"{sheet}!{ref}", "公式") for ref in read.formulas]


def signature_items(book: Xlsx) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    """(name → value, with `payload` a list of chunks; cells that are not items)."""
    read = book.read_rows(SIGNATURE_SHEET, max_rows=MAX_SIGNATURE_ROWS, max_col=2,
                          max_cells=3 * MAX_SIGNATURE_ROWS)
    items: dict[str, Any] = {}
    extra = [(f"{SIGNATURE_SHEET}!{ref}", value) for ref, value in read.beyond]
    extra += formula_cells(SIGNATURE_SHEET, read)
    if read.truncated:
        raise TooLarge(Message(QT_TRANSLATE_NOOP("Sheets", "“{signature_sheet}”工作表过大"),
            signature_sheet=SIGNATURE_SHEET))
    for index, cells in read.rows:
        name, value = cells.get(1, (None, ""))[0], cells.get(2, ("", ""))[0]
        if name is None:
            if _filled(value):
                extra.append((f"{SIGNATURE_SHEET}!B{index}", value))
            continue
        value = "" if value is None else _text(value)
        if _text(name) == "payload":
            items.setdefault("payload", []).append(value)
        elif _text(name) in items:
            extra.append((f"{SIGNATURE_SHEET}!A{index}", name))
        else:
            items[_text(name)] = value
    return items, extra


def score_region(book: Xlsx, criteria: list[str], signed_rows: int) -> ScoreRegion:
    """The 评分表, read no further than the signed rows (plus blank ones) can explain."""
    width = len(LEAD_HEADERS) + len(criteria) + len(TAIL_HEADERS)
    limit = HEADER_ROW + signed_rows + MAX_BLANK_ROWS
    read: SheetRows = book.read_rows(SCORE_SHEET, max_rows=limit, max_col=width,
                                     max_cells=limit * (width + 2))
    if read.truncated:
        raise TooLarge(Message(QT_TRANSLATE_NOOP(
            "Sheets", "“{score_sheet}”工作表的行或单元格多于签名内容（{signed_rows} 行）"),
            score_sheet=SCORE_SHEET, signed_rows=signed_rows))
    region = ScoreRegion([None] * width, [],
                         extra=[(f"{SCORE_SHEET}!{ref}", v) for ref, v in read.beyond]
                         + formula_cells(SCORE_SHEET, read))
    for index, cells in read.rows:
        values = [cells[c][0] if c in cells else None for c in range(1, width + 1)]
        if index < HEADER_ROW:
            for col, value in enumerate(values, 1):
                if _filled(value):
                    region.printed[f"{SCORE_SHEET}!{column_letters(col)}{index}"] = _text(value)
        elif index == HEADER_ROW:
            region.header = values
            for col, value in enumerate(values, 1):
                if _filled(value):
                    region.printed[f"{SCORE_SHEET}!{column_letters(col)}{index}"] = _text(value)
        elif any(_filled(v) for v in values):
            region.rows.append(values)
    return region


def notes_printed(book: Xlsx) -> tuple[dict[str, str], list[tuple[str, Any]]]:
    """Every filled cell of the 说明 sheet as text (compared by the importer)."""
    if NOTES_SHEET not in book.sheetnames:
        return {}, []
    read = book.read_rows(NOTES_SHEET, max_rows=MAX_NOTES_CELLS, max_col=26,
                          max_cells=MAX_NOTES_CELLS)
    if read.truncated:
        raise TooLarge(Message(QT_TRANSLATE_NOOP("Sheets", "“{notes_sheet}”工作表过大"),
            notes_sheet=NOTES_SHEET))
    printed = {f"{NOTES_SHEET}!{column_letters(col)}{index}": _text(value)
               for index, cells in read.rows for col, (value, _fmt) in cells.items()
               if _filled(value)}
    return printed, ([(f"{NOTES_SHEET}!{ref}", v) for ref, v in read.beyond]
                     + formula_cells(NOTES_SHEET, read))


def custom_properties(book: Xlsx, prefix: str) -> dict[str, str]:
    """The custom document properties named `prefix…` (a copy of the signature)."""
    return book.custom_properties(prefix)
