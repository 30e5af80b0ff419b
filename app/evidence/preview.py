"""Turning evidence bytes into something a viewer can show — Qt-free, so testable headless.

The kinds' previews (`app.evidence.kinds`) call these on the interface's runner threads;
each takes the bytes the packet's hash-checked reader returned and gives back plain data:
spreadsheets as rows of display strings, Word files and text files as text (PDF pages:
`app.render`).
Evidence comes from applicants and may be broken or hostile, so every function either
returns a result or raises `PanelDeskError` with a Chinese reason the viewer shows as is —
never any other exception.  Limits (rows, zip sizes) keep a single file from
exhausting the expert's laptop.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.errors import PanelDeskError
from app.evidence.probe import decode_text, find_links, zip_bomb_reason

MAX_TEXT_CHARS = 2_000_000  # a text viewer with more than this is unusable anyway


@dataclass
class SheetPreview:
    """The first rows of one worksheet, every cell already formatted for display."""

    name: str
    rows: list[list[str]]
    truncated: bool  # rows or columns beyond the preview limits were left out


# --- Office files ---------------------------------------------------------------------------

def _check_zip(data: bytes, what: str) -> None:
    """Refuse archives that are not zips or would inflate dangerously, before any library."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            reason = zip_bomb_reason(zf)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as err:
        raise PanelDeskError(f"{what}已损坏，无法打开") from err
    if reason:
        raise PanelDeskError(f"{what}无法打开：{reason}")


def format_cell(value: Any, number_format: str = "General") -> str:
    """A cell value as the spreadsheet would roughly display it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        if "%" in (number_format or ""):
            return f"{float(value) * 100:.{_decimals(number_format)}f}%"
        if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        if isinstance(value, float):
            return f"{value:.10g}"
        return str(value)
    return str(value)


def _decimals(number_format: str) -> int:
    head = number_format.split("%", 1)[0]
    return len(head.split(".", 1)[1]) if "." in head else 0


def xlsx_preview(data: bytes, max_sheets: int = 3, max_rows: int = 500,
                 max_cols: int = 50) -> list[SheetPreview]:
    """The first `max_sheets` worksheets, each capped at `max_rows` × `max_cols` cells."""
    _check_zip(data, "表格文件")
    import openpyxl  # imported lazily: only spreadsheets need it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds on bad files
        raise PanelDeskError("表格文件已损坏，无法打开") from err
    try:
        sheets = []
        for ws in book.worksheets[:max_sheets]:
            sheets.append(_sheet(ws, max_rows, max_cols))
    except PanelDeskError:
        raise
    except Exception as err:
        raise PanelDeskError("表格文件内容损坏，无法读取") from err
    finally:
        book.close()
    if not sheets:
        raise PanelDeskError("表格文件中没有工作表")
    return sheets


def _sheet(ws: Any, max_rows: int, max_cols: int) -> SheetPreview:
    rows: list[list[str]] = []
    truncated = False
    # One row beyond the cap tells us whether anything was cut off.
    for row in ws.iter_rows(max_row=max_rows + 1):
        if len(rows) == max_rows:
            truncated = True
            break
        cells = [format_cell(getattr(c, "value", None), getattr(c, "number_format", "General"))
                 for c in row[:max_cols + 1]]
        if len(cells) > max_cols:
            truncated = truncated or any(cells[max_cols:])
            cells = cells[:max_cols]
        rows.append(cells)
    # read_only rows can be ragged; pad to rectangular and drop trailing empty columns.
    width = max((len(r) for r in rows), default=0)
    while width and not any(len(r) >= width and r[width - 1] for r in rows):
        width -= 1
    rows = [(r + [""] * width)[:width] for r in rows]
    while rows and not any(rows[-1]):
        rows.pop()
    return SheetPreview(str(ws.title), rows, truncated)


def docx_text(data: bytes) -> str:
    """The paragraphs and tables of a .docx in document order, tables as tab-separated rows."""
    _check_zip(data, "Word 文件")
    import docx  # python-docx; imported lazily
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                lines.append(Paragraph(child, document).text)
            elif tag == "tbl":
                for row in Table(child, document).rows:
                    lines.append("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
                lines.append("")
    except Exception as err:  # python-docx/lxml raise many kinds
        raise PanelDeskError("Word 文件已损坏，无法读取") from err
    text = "\n".join(lines).strip()
    if not text:
        raise PanelDeskError("Word 文件中没有文字内容")
    return _cap(text)


# --- text -----------------------------------------------------------------------------------

def _cap(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        return text[:MAX_TEXT_CHARS] + "\n……（内容过长，仅显示开头部分）"
    return text


def text_preview(data: bytes) -> str:
    """A text file decoded (UTF-8, UTF-16 with BOM or GB18030)."""
    text = decode_text(data)
    if text is None:
        raise PanelDeskError("文件不是可识别的文本（编码无法识别或包含二进制内容）")
    return _cap(text.replace("\r\n", "\n"))


def links_preview(data: bytes) -> tuple[str, list[str]]:
    """A text file's text and the web addresses in it, in order, without duplicates."""
    text = text_preview(data)
    return text, find_links(text)
