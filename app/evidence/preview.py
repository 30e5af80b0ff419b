"""Turning evidence bytes into something a viewer can show — Qt-free, so testable headless.

The kinds' previews (`app.evidence.kinds`) call these on the interface's runner threads;
each takes the bytes the packet's hash-checked reader returned and gives back plain data:
spreadsheets as rows of display strings, Word files and text files as text (PDF pages:
`app.render`).
Evidence comes from applicants and may be broken or hostile, so every function either
returns a result or raises `PanelDeskError` with a Chinese reason the viewer shows as is —
never any other exception.  Limits (rows, columns, cells, strings, paragraphs,
characters, zip sizes), applied while reading, keep a single file from exhausting the
expert's laptop; a preview that was cut says so.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.errors import PanelDeskError
from app.evidence.probe import ZIP_MAX_TOTAL, decode_text, find_links, zip_bomb_reason
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.ooxml import OoxmlError, open_zip
from app.ooxml.docx import read_docx_text
from app.ooxml.xlsx import Xlsx, XlsxBounds

MAX_TEXT_CHARS = 2_000_000  # a text viewer with more than this is unusable anyway
# Excel's own limit for one cell: a longer one (one shared string of 20 M characters
# shown in thousands of cells) would freeze the table view eliding it on every paint.
MAX_CELL_CHARS = 32_767
MAX_DECIMALS = 30


@dataclass
class SheetPreview:
    """The first rows of one worksheet, every cell already formatted for display."""

    name: str
    rows: list[list[str]]
    truncated: bool  # rows or columns beyond the preview limits were left out
    total_rows: int | None = None  # what the sheet says it holds, when it says
    total_cols: int | None = None


# --- Office files ---------------------------------------------------------------------------

def _check_zip(data: bytes, what: str) -> None:
    """Refuse archives that are not zips or would inflate dangerously, before any library."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            reason = zip_bomb_reason(zf)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Evidence", "{what}已损坏，无法打开"),
            what=what)) from err
    if reason:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Evidence", "{what}无法打开：{reason}"),
            what=what, reason=reason))


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
    # Excel shows at most 30 decimals; a format asking for millions is hostile.
    return min(len(head.split(".", 1)[1]), MAX_DECIMALS) if "." in head else 0


# Bounds of a spreadsheet preview, applied while reading (docs/formats.md, "Limits").
PREVIEW_BOUNDS = XlsxBounds(max_part=512 * 1024 * 1024, max_strings=200_000,
                            max_string_chars=20_000_000, cut_strings=True)
MAX_PREVIEW_CELLS = 60_000  # per sheet, cells read (also those right of the column cap)
MAX_DOC_LINES = 20_000  # paragraphs and table rows of a Word preview


def _open(data: bytes, what: str) -> zipfile.ZipFile:
    _check_zip(data, what)
    try:
        return open_zip(data, max_total=ZIP_MAX_TOTAL)
    except OoxmlError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Evidence", "{what}已损坏，无法打开（{err}）"),
            what=what, err=err)) from None


def xlsx_preview(data: bytes, max_sheets: int = 3, max_rows: int = 500,
                 max_cols: int = 50) -> list[SheetPreview]:
    """The first `max_sheets` worksheets, each capped at `max_rows` × `max_cols` cells.

    Read with our bounded reader (`app.ooxml.xlsx`): a row of ten million cells or a
    sheet of a million rows stops the reading at the cap instead of being loaded whole.
    """
    with _open(data, "表格文件") as zf:
        try:
            book = Xlsx(zf, PREVIEW_BOUNDS)
            sheets = [_sheet(book, name, max_rows, max_cols) for name in book.sheetnames[:max_sheets]]
        except OoxmlError as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Evidence", "表格文件内容损坏，无法读取（{err}）"),
                err=err)) from None
    if not sheets:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Evidence", "表格文件中没有工作表")))
    return sheets


def _sheet(book: Xlsx, name: str, max_rows: int, max_cols: int) -> SheetPreview:
    # One row and column beyond the caps tell us whether anything was cut off.
    read = book.read_rows(name, max_rows=max_rows + 1, max_col=max_cols,
                          max_cells=MAX_PREVIEW_CELLS, styles=True)
    truncated = read.truncated or bool(read.beyond) or book.strings_cut
    by_index = {index: cells for index, cells in read.rows if index >= 1}
    last = max(by_index, default=0)
    if last > max_rows:
        truncated, last = True, max_rows
    rows = []
    cut: dict[str, str] = {}  # one cut copy per long string, however many cells show it
    for index in range(1, last + 1):
        cells = by_index.get(index, {})
        width = max(cells, default=0)
        row = [format_cell(*cells[c]) if c in cells else "" for c in range(1, width + 1)]
        for i, text in enumerate(row):
            if len(text) > MAX_CELL_CHARS:
                truncated = True
                row[i] = cut.get(text) or cut.setdefault(text, text[:MAX_CELL_CHARS] + "…")
        rows.append(row)
    # Rows can be ragged; pad to rectangular and drop trailing empty columns.
    width = max((len(r) for r in rows), default=0)
    while width and not any(len(r) >= width and r[width - 1] for r in rows):
        width -= 1
    rows = [(r + [""] * width)[:width] for r in rows]
    while rows and not any(rows[-1]):
        rows.pop()
    total_cols, total_rows = read.dimension
    return SheetPreview(name, rows, truncated, total_rows or None, total_cols or None)


def docx_text(data: bytes) -> str:
    """The paragraphs and tables of a .docx in document order, tables as tab-separated rows.

    Read with our bounded reader (`app.ooxml.docx`): it stops after `MAX_DOC_LINES`
    lines or `MAX_TEXT_CHARS` characters and the text says it was cut.
    """
    with _open(data, "Word 文件") as zf:
        try:
            read = read_docx_text(zf, max_lines=MAX_DOC_LINES, max_chars=MAX_TEXT_CHARS,
                                  max_part=512 * 1024 * 1024, max_elements=3_000_000)
        except OoxmlError as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Evidence", "Word 文件已损坏，无法读取（{err}）"),
                err=err)) from None
    text = "\n".join(read.lines).strip()
    if not text:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Evidence", "Word 文件中没有文字内容")))
    if read.truncated:
        return text + f"\n……（内容过长，仅显示前 {len(read.lines)} 段）"
    return text


# --- text -----------------------------------------------------------------------------------

def _cap(text: str) -> str:
    if len(text) > MAX_TEXT_CHARS:
        return text[:MAX_TEXT_CHARS] + "\n……（内容过长，仅显示开头部分）"
    return text


def text_preview(data: bytes) -> str:
    """A text file decoded (UTF-8, UTF-16 with BOM or GB18030).

    Only the start that can be shown is decoded: all of a 100 MB file with one emoji
    in it would be a 400 MB string."""
    text = decode_text(data, max_chars=2 * MAX_TEXT_CHARS)  # room for CRLFs folded
    if text is None:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Evidence", "文件不是可识别的文本（编码无法识别或包含二进制内容）")))
    return _cap(text.replace("\r\n", "\n"))


def links_preview(data: bytes) -> tuple[str, list[str]]:
    """A text file's text and the web addresses in it, in order, without duplicates."""
    text = text_preview(data)
    return text, find_links(text)
