"""Cell helpers for the results workbook: typed values, cached styles, print set-up.

Kept apart from the sheets (`xlsx`) so each stays readable; every text cell goes through
`put`, which keeps a title like "=HYPERLINK(…)" a string and drops characters an xlsx
cannot hold.
"""

from __future__ import annotations

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
    for col, text in enumerate(headers, 1):
        cell = put(ws, row, col, text)
        cell.font, cell.fill, cell.border, cell.alignment = HEAD_FONT, HEAD_FILL, BORDER, CENTER
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width


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
            if key == "text":
                cell.alignment = WRAP
            elif fmt:
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
    ws.freeze_panes = ws.cell(header_row + 1, freeze_col)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0


