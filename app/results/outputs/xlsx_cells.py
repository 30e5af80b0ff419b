"""Cell helpers for the results workbook: typed values, cached styles, print set-up.

Kept apart from the sheets (`xlsx`) so each stays readable; every text cell goes through
`put`, which keeps a title like "=HYPERLINK(…)" a string and drops characters an xlsx
cannot hold.
"""

from __future__ import annotations

import math
import unicodedata
from copy import copy
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

THIN = Side(style="thin", color="A0A0A0")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
AWARD_FILL = PatternFill("solid", fgColor="FFF2CC")
HEAD_FONT = Font(bold=True)
TITLE_FONT = Font(bold=True, size=14)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def put(ws: Any, row: int, col: int, value: Any, fmt: str | None = None) -> Any:
    cell = ws.cell(row, col)
    # A Decimal is stored as the nearest double (what Excel holds anyway): unrounded, but
    # never a 60-digit literal some readers refuse.
    if isinstance(value, str):
        # Control characters an xlsx cannot hold (a title typed with one) are dropped
        # rather than failing the whole workbook.
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = float(value) if isinstance(value, Decimal) else value
    if isinstance(value, str):
        cell.data_type = "s"
    elif fmt and value is not None:
        cell.number_format = fmt
    return cell


def title(ws: Any, title: str, *lines: str) -> None:
    put(ws, 1, 1, title).font = TITLE_FONT
    for i, line in enumerate(lines, 2):
        put(ws, i, 1, line)


def header(ws: Any, row: int, headers: Any, widths: Any = ()) -> None:
    headers = tuple(headers)
    for col, text in enumerate(headers, 1):
        cell = put(ws, row, col, text)
        cell.font, cell.fill, cell.border, cell.alignment = HEAD_FONT, HEAD_FILL, BORDER, CENTER
    for col, width in enumerate(widths, 1):
        # Never narrower than its header: a header wrapped inside a word (有效评分/数)
        # reads as two words.
        ws.column_dimensions[get_column_letter(col)].width = max(width, _text_width(headers[col - 1])
                                                                 if col <= len(headers) else 0)


def _text_width(text: str) -> float:
    """Excel column units a header needs in the workbook's font (CJK characters are two)."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in str(text)) + 1.5


def write_row(ws: Any, row: int, values: Any, formats: dict[int, str] | None = None) -> None:
    formats = formats or {}
    styles = _style_cache(ws)
    for col, value in enumerate(values, 1):
        fmt = formats.get(col) if value is not None and not isinstance(value, str) else None
        cell = put(ws, row, col, value)
        key = "text" if isinstance(value, str) else fmt or "plain"
        style = styles.get(key)
        if style is None:
            # First cell of this kind: style it the ordinary way and remember the result.
            cell.border = BORDER
            # Numbers sit at the top like the wrapped texts beside them.
            cell.alignment = WRAP if key == "text" else TOP
            if fmt:
                cell.number_format = fmt
            styles[key] = copy(cell._style)  # noqa: SLF001 — see below
        else:
            # Assigning Border/Alignment objects hashes them on every cell, which made a
            # 2 100-row matrix take seconds; a copied style array is what openpyxl's own
            # copy_worksheet does.
            cell._style = copy(style)  # noqa: SLF001 — as openpyxl's copy_worksheet


def _style_cache(ws: Any) -> dict[str, Any]:
    """Per-workbook cache of cell style arrays (their indices belong to that workbook)."""
    wb = ws.parent
    cache = getattr(wb, "_paneldesk_styles", None)
    if cache is None:
        cache = {}
        wb._paneldesk_styles = cache  # noqa: SLF001 — our own attribute on the workbook
    return cache


def printable(ws: Any, header_row: int, freeze_col: int = 1) -> None:
    """Header row repeated on every page, landscape A4 one page wide, rows as tall as
    their wrapped text (call it after the sheet is filled)."""
    fit_row_heights(ws, header_row, ws.max_row)
    ws.freeze_panes = ws.cell(header_row + 1, freeze_col)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0




LINE_HEIGHT = 16.5  # points per line of 11-point text in a CJK font (Noto Sans CJK: ~1.5 em)


def text_width(text: str) -> float:
    """Width of `text` in column-width units: a CJK or full-width character counts 1.7
    (measured: LibreOffice with Noto Sans CJK fits about 24 of them in a 39-unit column)."""
    return sum(1.7 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def fit_row_heights(ws: Any, first_row: int, last_row: int) -> None:
    """Give rows first_row…last_row the height their wrapped text needs.

    Excel and LibreOffice keep a row one line high unless its height is set, so a title
    wrapped in a narrow column is clipped in print; the lines are counted here from the
    column widths.
    """
    widths = {key: dim.width for key, dim in ws.column_dimensions.items() if dim.width}
    for row_cells in ws.iter_rows(min_row=first_row, max_row=last_row):
        lines = 1
        for cell in row_cells:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue  # an unwrapped text runs on to the right instead
            width = max(1.0, (widths.get(cell.column_letter) or 8.43) - 1)
            needed = sum(max(1, math.ceil(text_width(part) / width))
                         for part in cell.value.split("\n"))
            lines = max(lines, needed)
        if lines > 1:
            ws.row_dimensions[row_cells[0].row].height = LINE_HEIGHT * lines
