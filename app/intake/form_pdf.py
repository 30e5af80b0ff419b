"""Read a 申报书 from a text PDF with PyMuPDF.

A PDF has no paragraphs or table cells, only positioned words, often in an order that
has nothing to do with reading order (a value drawn before its label).  So the page is
rebuilt from positions: the rules of a bordered table give cells (each word goes to
the cell the rules around its centre enclose); the other words are grouped into lines by
their vertical overlap and sorted left to right, a wide horizontal gap becoming a cell
break (a borderless "label    value" layout).  Wrapped lines are joined back into
paragraphs, and lines aligned under a value continue that value.  The result goes
through the same grammar as Word forms (`form_fields`).

Only text PDFs can be read: an encrypted PDF or a scan without a text layer is refused
with a message saying so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.intake.form_docx import SYMBOLS
from app.intake.form_fields import (
    MULTI_LINE,
    Block,
    ParsedForm,
    build_form,
    header_pairs,
    label_key,
    match_label_line,
    row_blocks,
)
from app.intake.pdf_cost import Budget, page_cost
from app.intake.pdf_pictures import pdf_pictures
from app.intake.pdf_words import Word, page_words

MAX_PAGES = 60
# A Word form exported to PDF keeps a box or tick typed in a symbol font (Insert ▸
# Symbol, Wingdings) as a private-use character U+F0xx; which of those fonts it was is
# not always known (a substitute font may have drawn it), and their box codes differ.
SYMBOL_BOXES = {0xF000 + code: glyph for table in SYMBOLS.values()
                for code, glyph in table.items()}
MIN_TEXT_CHARS = 20
_MAX_WORK = 5_000_000  # words × rules compared when finding table cells on one page
_ENDINGS = tuple("。！？；：!?;:”’」』）)")  # fewer non-blank characters than this: treated as a scan
_PAGE_NUMBER_RE = re.compile(r"^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
                             r"|\d{1,4}\s*/\s*\d{1,4}|page\s*\d+(?:\s*of\s*\d+)?)$", re.IGNORECASE)




@dataclass
class _Line:
    x0: float
    y0: float
    x1: float
    y1: float
    cells: list[str]
    cell_x: list[float]  # left edge of each cell
    height: float


@dataclass
class _Cell:
    rect: tuple[float, float, float, float]
    words: list[Word] = field(default_factory=list)


def is_pdf(data: bytes) -> bool:
    # The header may follow some junk; readers accept it within the first KiB.
    return b"%PDF-" in data[:1024]


def _open(name: str, data: bytes) -> Any:
    import pymupdf

    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as err:  # MuPDF reports damage with several exception types
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Intake", "{name}：PDF 文件已损坏，无法打开"),
            name=name)) from err
    if doc.needs_pass:
        doc.close()
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "{name}：PDF 已加密（需要密码才能打开），无法读取，请申报单位提供未加密的文件"), name=name))
    return doc


@contextmanager
def _quiet() -> Iterator[None]:
    """MuPDF prints its complaints about damaged PDFs to stderr; the user gets ours."""
    import pymupdf

    shown = pymupdf.TOOLS.mupdf_display_errors()
    pymupdf.TOOLS.mupdf_display_errors(False)
    try:
        yield
    finally:
        pymupdf.TOOLS.mupdf_display_errors(shown)


def parse_pdf(name: str, data: bytes) -> ParsedForm:
    """The 申报书 fields of a text PDF; PanelDeskError (Chinese, naming it) if unreadable."""
    with _quiet():
        blocks, lines, notes, pictures = _read_pdf(name, data)
    text = "\n".join(lines)
    visible = re.sub(r"\s", "", text)
    if len(visible) < MIN_TEXT_CHARS and any("过于复杂" in note for note in notes):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "{name}：PDF 页面内容过于复杂（绘图指令过多），无法提取申报内容（请申报单位提供 Word 版）"), name=name))
    if len(visible) < MIN_TEXT_CHARS:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "{name}：PDF 是扫描件，无文字层，无法提取申报内容（请申报单位提供 Word 版或可复制文字的 PDF）"), name=name))
    if visible.count("\ufffd") > 0.3 * len(visible):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "{name}：PDF 的文字无法解码（字体缺少编码信息），无法提取申报内容（请申报单位提供 Word 版）"), name=name))
    form = build_form(blocks, text)
    form.notes.extend(notes)
    form.pictures = pictures
    return form


def _read_pdf(name: str, data: bytes) -> tuple[list[Block], list[str], list[str],
                                              list[tuple[str, bytes]]]:
    doc = _open(name, data)
    blocks: list[Block] = []
    lines: list[str] = []
    notes: list[str] = []
    try:
        if doc.page_count > MAX_PAGES:
            notes.append(Message(QT_TRANSLATE_NOOP(
                "Intake", "PDF 共 {page_count} 页，只读取了前 {max_pages} 页"),
                page_count=doc.page_count, max_pages=MAX_PAGES))
        budget = Budget()
        read: list[int] = []
        for index, page, cost in _affordable_pages(doc, budget, notes):
            _read_page(page, blocks, lines, rules=budget.take_rules(cost))
            read.append(index)
        pictures = pdf_pictures(doc, read)  # only pages whose drawing cost was bounded
    except PanelDeskError:
        raise
    except Exception as err:  # a damaged page object; MuPDF has no narrower type
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Intake", "{name}：PDF 文件内容已损坏，无法提取文字"),
            name=name)) from err
    finally:
        doc.close()
    return blocks, lines, notes, pictures


def _affordable_pages(doc: Any, budget: Budget, notes: list[str]) -> Iterator[tuple[int, Any, int]]:
    """(index, page, drawing cost) of the pages `parse_pdf` reads: the first MAX_PAGES
    whose drawing operators fit the budget; each page over it is named in `notes`."""
    for index in range(min(doc.page_count, MAX_PAGES)):
        page = doc[index]
        cost = page_cost(doc, page)
        if budget.take_words(cost):
            yield index, page, cost
        else:
            notes.append(Message(QT_TRANSLATE_NOOP("Intake", "PDF 第 {index} 页内容过于复杂，未读取"),
                                 index=index + 1))


def pictures_of_pdf(data: bytes) -> list[tuple[str, bytes]]:
    """The photographs of a PDF form, as `parse_pdf` finds them; [] when unreadable."""
    with _quiet():
        try:
            doc = _open("", data)
        except PanelDeskError:
            return []
        try:
            read = [index for index, _page, _cost in _affordable_pages(doc, Budget(), [])]
            return pdf_pictures(doc, read)
        except Exception:  # noqa: BLE001 — a damaged page: no pictures to show
            return []
        finally:
            doc.close()


def quick_text(data: bytes, pages: int = 3) -> str:
    """Plain text of the first pages, for `looks_like_form`; "" when unreadable."""
    with _quiet():
        try:
            doc = _open("", data)
        except PanelDeskError:
            return ""
        try:
            budget = Budget()
            return "\n".join(doc[i].get_text() for i in range(min(doc.page_count, pages))
                             if budget.take_words(page_cost(doc, doc[i])))
        except Exception:  # noqa: BLE001 — a damaged page: not a usable form anyway
            return ""
        finally:
            doc.close()


def _read_page(page: Any, blocks: list[Block], lines: list[str], *, rules: bool) -> None:
    words = [(*w[:4], w[4].translate(SYMBOL_BOXES)) for w in page_words(page)]
    # Without rules (a page too costly to look for them) every word is free text.
    tables, free = _ruled_cells(page, words) if rules else ([], words)
    items: list[tuple[float, int, Any]] = [(rows[0][0].rect[1], 1, rows) for rows in tables]
    for line in _merge_lines(_group_lines(free), page.rect.width, free=True):
        if len(line.cells) == 1 and _PAGE_NUMBER_RE.match(line.cells[0]):
            continue
        items.append((line.y0, 0, line))
    for _, kind, item in sorted(items, key=lambda it: (it[0], it[1])):
        rows = [item.cells] if kind == 0 else [[_cell_text(c) for c in row] for row in item]
        for texts in rows:
            lines.append("\t".join(t for t in texts if t))
        for group in _row_groups(rows, ruled=kind == 1):
            for block in group:
                # 核心亮点/详细内容 stay open for the lines below, as in a paragraph form:
                # a long cell continues on the next page, often outside any ruled box.
                if isinstance(block, tuple) and block[0] and label_key(block[0]) in MULTI_LINE:
                    label = re.sub(r"\s", "", block[0]).rstrip(":：")
                    block = f"{label}：{block[1]}"
                blocks.append(block)


def _row_groups(rows: list[list[str]], ruled: bool) -> Iterator[list[Block]]:
    """The blocks of each row; in a ruled table a header row and the row of values
    below it make one group (`header_pairs`)."""
    i = 0
    while i < len(rows):
        texts = rows[i]
        pairs = header_pairs(texts, rows[i + 1]) if ruled and i + 1 < len(rows) else None
        if pairs is not None:
            yield pairs
            i += 2
            continue
        yield [texts[0]] if len(texts) == 1 else row_blocks(texts)
        i += 1


def _ruled_cells(page: Any, words: list[Word]) -> tuple[list[list[list[_Cell]]], list[Word]]:
    """Words inside table cells drawn with rules, as tables of rows of cells; the rest.

    A word's cell is bounded by the nearest rules around its centre that cross its
    row or column — so a vertically merged label cell, which has no rule across it,
    is one cell beside several value cells.  PyMuPDF's `find_tables()` does this too
    but takes about a second per page; this needs only the rules.
    """
    horizontal, vertical = _rules(page)
    if not horizontal or not vertical or len(words) * (len(horizontal) + len(vertical)) > _MAX_WORK:
        return [], words  # no grid, or a page built to make the search below crawl
    cells: dict[tuple[float, float, float, float], _Cell] = {}
    free: list[Word] = []
    for word in words:
        cx, cy = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
        left = max((x for x, y0, y1 in vertical if x < cx and y0 <= cy <= y1), default=None)
        right = min((x for x, y0, y1 in vertical if x > cx and y0 <= cy <= y1), default=None)
        top = max((y for y, x0, x1 in horizontal if y < cy and x0 <= cx <= x1), default=None)
        bottom = min((y for y, x0, x1 in horizontal if y > cy and x0 <= cx <= x1), default=None)
        if left is None or right is None or top is None or bottom is None:
            free.append(word)
            continue
        key = (round(left), round(top), round(right), round(bottom))
        cells.setdefault(key, _Cell((left, top, right, bottom))).words.append(word)
    tables: list[list[list[_Cell]]] = []
    bottom = -1.0  # lowest edge of the current table
    for cell in sorted(cells.values(), key=lambda c: (round(c.rect[1]), c.rect[0])):
        if not tables or cell.rect[1] > bottom + 2:
            tables.append([[cell]])  # nothing above touches it: a new table
        elif abs(cell.rect[1] - tables[-1][-1][0].rect[1]) <= 2:
            tables[-1][-1].append(cell)  # same top: same row
        else:
            tables[-1].append([cell])
        bottom = max(bottom, cell.rect[3]) if len(tables[-1]) > 1 or len(tables[-1][0]) > 1 \
            else cell.rect[3]
    kept = []
    for table in tables:
        if all(len(row) == 1 for row in table) and len({r[0].rect[0] for r in table}) == 1:
            free.extend(w for row in table for c in row for w in c.words)  # a frame, not a grid
            continue
        left = min(c.rect[0] for row in table for c in row)
        for row in table:
            if row[0].rect[0] > left + 3:  # the first column is merged from above or empty
                row.insert(0, _Cell((left, row[0].rect[1], row[0].rect[0], row[0].rect[3])))
        kept.append(table)
    return kept, free


def _rules(page: Any) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) rules: stroked lines and rectangle
    edges, and thin filled rectangles (how Word draws table borders)."""
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []

    def add(x0: float, y0: float, x1: float, y1: float) -> None:
        if abs(y1 - y0) <= 1.5 and abs(x1 - x0) > 2:
            horizontal.append(((y0 + y1) / 2, min(x0, x1) - 1, max(x0, x1) + 1))
        elif abs(x1 - x0) <= 1.5 and abs(y1 - y0) > 2:
            vertical.append(((x0 + x1) / 2, min(y0, y1) - 1, max(y0, y1) + 1))

    for path in page.get_cdrawings():
        stroked = "s" in (path.get("type") or "")
        for item in path.get("items", ()):
            if item[0] == "l":
                add(item[1][0], item[1][1], item[2][0], item[2][1])
            elif item[0] == "re":
                x0, y0, x1, y1 = item[1]
                if x1 - x0 <= 2.5:
                    add((x0 + x1) / 2, y0, (x0 + x1) / 2, y1)
                elif y1 - y0 <= 2.5:
                    add(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2)
                elif stroked:  # a filled box without outline is shading, not a rule
                    add(x0, y0, x1, y0)
                    add(x0, y1, x1, y1)
                    add(x0, y0, x0, y1)
                    add(x1, y0, x1, y1)
    return horizontal, vertical


def _cell_text(cell: _Cell) -> str:
    merged = _merge_lines(_group_lines(cell.words), cell.rect[2])
    return "\n".join(" ".join(line.cells) for line in merged)


def _group_lines(words: list[Word]) -> list[_Line]:
    """Words → lines: same line when they overlap vertically by half a height."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: ((w[1] + w[3]) / 2, w[0])):
        if rows:
            last = rows[-1]
            top, bottom = min(w[1] for w in last), max(w[3] for w in last)
            overlap = min(bottom, word[3]) - max(top, word[1])
            if overlap > 0.5 * min(bottom - top, word[3] - word[1]):
                last.append(word)
                continue
        rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w[0])
        height = max(1.0, sorted(w[3] - w[1] for w in row)[len(row) // 2])
        cells, cell_x = [row[0][4]], [row[0][0]]
        for prev, word in zip(row, row[1:]):
            gap = word[0] - prev[2]
            if gap > 1.5 * height:
                cells.append(word[4])
                cell_x.append(word[0])
            else:
                cells[-1] += " " + word[4] if gap > 0.25 * height else word[4]
        lines.append(_Line(row[0][0], min(w[1] for w in row), max(w[2] for w in row),
                           max(w[3] for w in row), cells, cell_x, height))
    return lines


def _merge_lines(lines: list[_Line], right: float, free: bool = False) -> list[_Line]:
    """Join wrapped lines into paragraphs and hang value continuations on their value.

    A line continues the previous one when it follows closely below and does not start
    with a label, and either the previous line ran to the right edge (a wrap), or the
    previous line had a value column and this one starts under it.
    """
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    edge = max(line.x1 for line in lines) if free else right
    if free and edge - left < 0.5 * right:
        edge = float("inf")  # short lines only: nothing wrapped
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        h = max(prev.height, line.height)
        close = line.y0 - prev.y1 < 0.9 * h
        text = " ".join(line.cells)
        if not close or len(line.cells) > 1 or match_label_line(text) is not None:
            out.append(line)
            continue
        # Justified Chinese text runs to the edge; left-aligned text may stop short by a
        # word pushed to the next line, so a long line not ending a sentence counts too.
        wrapped = prev.x1 >= edge - 2.0 * h or (
            prev.x1 - left >= 0.75 * (edge - left) and not prev.cells[-1].endswith(_ENDINGS))
        if len(prev.cells) > 1 and line.x0 >= prev.cell_x[-1] - h:
            sep = "" if wrapped else "\n"
        elif len(prev.cells) == 1 and wrapped and line.x0 <= left + 0.8 * h:
            sep = ""
        else:
            out.append(line)
            continue
        prev.cells[-1] = _join(prev.cells[-1], text, sep)
        prev.x1, prev.y1 = line.x1, line.y1
    return out


def _join(a: str, b: str, sep: str) -> str:
    if sep or not a or not b:
        return a + sep + b
    # A wrap inside Chinese text has no blank; between Latin words it had one.
    return a + b if ord(a[-1]) > 0x2E80 or ord(b[0]) > 0x2E80 else f"{a} {b}"
