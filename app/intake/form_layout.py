"""Read a Word 申报书's layout (`app.intake.layout`) within bounds.

python-docx would load a hostile document of millions of paragraphs or a table of ten
million cells whole before anything could be counted, so word/document.xml is streamed
through `app.ooxml.parts` (size-capped, no DTD, expat) by `LayoutReader`, which stops at
the first bound of `LayoutBounds` it reaches and marks the layout truncated: time and
memory depend on the bounds, not on the file.  A legacy .doc is converted by
LibreOffice, as the field reader does (`form_doc`).

The text is what `form_docx` reads: check boxes (`w:sym`, symbol-font runs, legacy
FORMCHECKBOX fields) become ☑ / □, a text box's paragraphs join the paragraph holding
it, deletions and `mc:Fallback` copies are skipped.  Cells are placed on the table's
layout grid: `w:gridBefore` skips columns, `w:gridSpan` widens a cell, and a `w:vMerge`
continuation lengthens the cell above it in the same columns.
"""

from __future__ import annotations

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.intake import form_doc, form_docx
from app.intake.layout import FormLayout, LayoutBlock, LayoutBounds, LayoutCell, LayoutTable
from app.ooxml import OoxmlError, open_zip
from app.ooxml.parts import Stop, parse_part

_SKIPPED = frozenset({"Fallback", "del", "moveFrom"})  # copies and deleted text
_CHECKED, _UNCHECKED = "☑", "□"
_TABLE_PARTS = frozenset({"tbl", "gridCol", "tr", "tc", "gridBefore", "gridSpan", "vMerge"})


def read_layout(name: str, kind: str, data: bytes, *, soffice: str | None = None,
                bounds: LayoutBounds | None = None) -> FormLayout:
    """The layout of form `name` of `kind` "docx" or "doc" (as `forms.sniff` says);
    PanelDeskError (Chinese, naming it) when it cannot be read."""
    if kind == "doc":
        soffice = soffice or form_doc.find_soffice()
        if soffice is None:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Intake", "{name}：需要 LibreOffice（soffice）才能按版式显示旧版 .doc"), name=name))
        data = form_doc.convert_to_docx(name, data, soffice)
    elif kind != "docx":
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Intake", "{name}：不是 Word 文档，无法按版式显示"),
            name=name))
    return docx_layout(name, data, bounds)


def docx_layout(name: str, data: bytes, bounds: LayoutBounds | None = None) -> FormLayout:
    """The layout of a .docx; PanelDeskError when the package cannot be read."""
    bounds = bounds or LayoutBounds()
    reader = LayoutReader(bounds)
    try:
        with open_zip(data, max_total=bounds.max_total,
                      max_members=form_docx.MAX_MEMBERS) as zf:
            # One element above the reader's own budget: the reader stops first and
            # keeps what it read, where parse_part would raise.
            parse_part(zf, "word/document.xml", reader.start, reader.end, reader.chars,
                       max_bytes=bounds.max_part, max_elements=bounds.max_elements + 1)
    except OoxmlError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Intake", "{name}：无法按版式读取 Word 文档（{err}）"),
            name=name, err=err)) from err
    return reader.finish()


def _attr(attrs: dict[str, str], name: str) -> str | None:
    """Attribute `name` whatever namespace prefix the file gives it (w: as a rule)."""
    value = attrs.get("w:" + name)
    if value is not None:
        return value
    return next((v for k, v in attrs.items() if k.rpartition(":")[2] == name), None)


def _int(value: str | None, base: int = 10) -> int:
    try:
        return int(value or "0", base)
    except ValueError:
        return 0


class _Table:
    """A table being read: its grid position and the cells a vMerge may still lengthen."""

    def __init__(self, table: LayoutTable) -> None:
        self.table = table
        self.column = 0  # grid column of the next cell in the current row
        # Grid column → the cell a vMerge may continue: those of the row above, and
        # those this row restarts or continues (for the row below).
        self.merges: dict[int, LayoutCell] = {}
        self.next_merges: dict[int, LayoutCell] = {}
        self.cell: LayoutCell | None = None  # the cell being read
        self.inner_cells = 0  # cells in the cell being read without a table of their own
        self.span = 1
        self.vmerge: str | None = None  # "restart", "continue" or None


class LayoutReader:
    """expat handlers (`start`, `end`, `chars`) building a `FormLayout`; `Stop` at a bound."""

    def __init__(self, bounds: LayoutBounds) -> None:
        self.bounds = bounds
        self.layout = FormLayout()
        self.containers: list[list[LayoutBlock]] = [self.layout.blocks]
        self.tables: list[_Table] = []
        self.flat_tables = 0  # tables read as paragraphs (too deep, or in a text box)
        self.skip = 0  # depth inside a skipped element
        self.para: list[str] | None = None  # the paragraph being read
        self.para_depth = 0  # paragraphs in text boxes nest inside their paragraph
        self.in_text = False
        self.fonts: list[str | None] = []  # symbol font of each open run
        self.box: dict[str, bool] | None = None  # a legacy check box being read
        self.elements = self.paragraphs = self.cells = self.size = 0

    # -- bounds --------------------------------------------------------------------

    def _cut(self) -> None:
        self.layout.truncated = True
        raise Stop

    def _add_text(self, text: str) -> None:
        if self.para is None or self.skip:
            return
        room = self.bounds.max_chars - self.size
        if len(text) > room:
            self.para.append(text[:room])
            self.size = self.bounds.max_chars
            self._cut()
        self.para.append(text)
        self.size += len(text)

    # -- expat handlers ------------------------------------------------------------

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > self.bounds.max_elements:
            self._cut()
        if self.skip or tag in _SKIPPED:
            self.skip += tag in _SKIPPED
            return
        if tag == "p":
            if self.para_depth:
                self._add_text("\n")
            else:
                self.para = []
            self.para_depth += 1
        elif tag in _TABLE_PARTS:
            self._start_table_part(tag, attrs)
        elif tag == "t":
            self.in_text = True
        elif tag == "r":
            self.fonts.append(self.fonts[-1] if self.fonts else None)
        else:
            self._start_inline(tag, attrs)

    def _start_inline(self, tag: str, attrs: dict[str, str]) -> None:
        if tag in ("tab", "ptab"):
            self._add_text("\t")
        elif tag in ("br", "cr"):
            self._add_text("\n")
        elif tag == "noBreakHyphen":
            self._add_text("-")
        elif tag == "rFonts" and self.fonts:
            font = (_attr(attrs, "ascii") or _attr(attrs, "hAnsi") or "").lower()
            if font in form_docx.SYMBOLS:
                self.fonts[-1] = font
        elif tag == "sym":
            table = form_docx.SYMBOLS.get((_attr(attrs, "font") or "").lower(), {})
            self._add_text(table.get(_int(_attr(attrs, "char"), 16) & 0xFF, ""))
        elif tag == "checkBox":
            self.box = {}
        elif tag in ("checked", "default") and self.box is not None:
            self.box[tag] = (_attr(attrs, "val") or "1").lower() not in ("0", "false", "off")

    def _start_table_part(self, tag: str, attrs: dict[str, str]) -> None:
        if self.para_depth or self.flat_tables:
            # A table inside a text box or nested too deep: its paragraphs are read as
            # paragraphs of the enclosing cell (or continue the enclosing paragraph).
            self.flat_tables += tag == "tbl"
            return
        if tag == "tbl":
            if len(self.tables) >= self.bounds.max_depth:
                self.flat_tables = 1
                return
            table = LayoutTable()
            self.containers[-1].append(table)
            self.tables.append(_Table(table))
            return
        if not self.tables:
            return  # a stray row or cell outside any table: its text is read as paragraphs
        current = self.tables[-1]
        if tag == "gridCol":
            if len(current.table.widths) < self.bounds.max_columns:
                current.table.widths.append(max(_int(_attr(attrs, "w")), 0))
        elif tag == "tr":
            current.table.rows += 1
            current.column = 0
            current.merges, current.next_merges = current.next_merges, {}
        elif tag == "tc" and current.cell is not None:
            current.inner_cells += 1  # malformed: read its text as the open cell's
        elif tag == "tc":
            self.cells += 1
            if self.cells > self.bounds.max_cells:
                self._cut()
            current.table.rows = max(current.table.rows, 1)
            current.cell = LayoutCell(current.table.rows - 1, current.column)
            current.span, current.vmerge = 1, None
            self.containers.append(current.cell.blocks)
        elif current.cell is None and tag == "gridBefore":
            current.column = min(max(_int(_attr(attrs, "val")), 0), self.bounds.max_columns)
        elif current.cell is not None and tag == "gridSpan":
            current.span = max(1, _int(_attr(attrs, "val")))
        elif current.cell is not None and tag == "vMerge":
            current.vmerge = _attr(attrs, "val") or "continue"

    def end(self, tag: str) -> None:
        if self.skip:
            self.skip -= tag in _SKIPPED
            return
        if tag == "p":
            self.para_depth -= 1
            if not self.para_depth:
                self._end_paragraph()
        elif tag == "t":
            self.in_text = False
        elif tag == "r":
            if self.fonts:
                self.fonts.pop()
        elif tag == "checkBox" and self.box is not None:
            on = self.box.get("checked", self.box.get("default", False))
            self.box = None
            self._add_text(_CHECKED if on else _UNCHECKED)
        elif tag in ("tbl", "tc"):
            self._end_table_part(tag)

    def _end_paragraph(self) -> None:
        text = "".join(self.para or ())
        self.para = None
        self.paragraphs += 1
        if self.paragraphs > self.bounds.max_paragraphs:
            self._cut()
        self.containers[-1].append(text)

    def _end_table_part(self, tag: str) -> None:
        if self.para_depth:
            return
        if self.flat_tables:
            self.flat_tables -= tag == "tbl"
            return
        if not self.tables:
            return
        if tag == "tbl":
            self.tables.pop()
            return
        current = self.tables[-1]
        cell = current.cell
        if cell is None:
            return
        if current.inner_cells:
            current.inner_cells -= 1
            return
        self.containers.pop()
        current.cell = None
        self._place(current, cell)

    def _place(self, current: _Table, cell: LayoutCell) -> None:
        """Put a finished cell on the grid, or lengthen the cell it continues."""
        if current.column >= self.bounds.max_columns:
            self._cut()
        span = min(current.span, self.bounds.max_columns - current.column)
        above = current.merges.get(current.column)
        if (current.vmerge not in (None, "restart") and above is not None
                and above.column_span == span):
            above.row_span = cell.row - above.row + 1
            # A continuation holds an empty paragraph as a rule; keep anything more.
            above.blocks.extend(b for b in cell.blocks if not isinstance(b, str) or b)
            current.next_merges[current.column] = above
        else:
            cell.column, cell.column_span = current.column, span
            current.table.cells.append(cell)
            if current.vmerge is not None:
                current.next_merges[current.column] = cell
        current.column += span
        current.table.columns = max(current.table.columns, current.column)

    def chars(self, text: str) -> None:
        if self.in_text and not self.skip:
            font = self.fonts[-1] if self.fonts else None
            self._add_text(form_docx.map_symbols(text, font))

    def finish(self) -> FormLayout:
        """The layout read, with the paragraph and cells a bound cut short kept as far
        as they got."""
        if self.para:
            self.containers[-1].append("".join(self.para))
            self.para = None
        for current in self.tables:
            if current.cell is not None:
                cell, current.cell = current.cell, None
                try:
                    self._place(current, cell)
                except Stop:
                    pass  # beyond the last column: the cut is already marked
        return self.layout
