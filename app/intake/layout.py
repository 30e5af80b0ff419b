"""The layout of a Word 申报书 for the organizer's side-by-side view: plain, bounded data.

A `FormLayout` holds paragraphs in document order and tables as tables — a grid of
columns with merged cells, nested tables inside their cells — as plain strings; the
field reader (`form_docx`) flattens all this into blocks, the view wants it back.
`form_layout` reads it from a Word file within `LayoutBounds`; `text_layout` recovers
what it can from the text the scan extracted when the file gives no layout (lines
holding tabs are table rows).

Every string here comes from the applicant's file: show it as plain text, never as
markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.intake import form_docx


@dataclass(frozen=True)
class LayoutBounds:
    """How much of a form the layout keeps; the first bound reached ends the reading."""

    max_cells: int = 2000  # table cells, nested tables' included (the view shows as many)
    max_paragraphs: int = 5000  # paragraphs, those in cells included
    max_chars: int = 300_000
    max_columns: int = 63  # Word's own limit on a table's columns
    max_depth: int = 6  # nested tables; deeper ones are read as paragraphs of their cell
    # XML elements read: a run of a million empty elements must not take minutes either.
    max_elements: int = 1_500_000
    max_part: int = form_docx.MAX_DOCUMENT_XML
    max_total: int = form_docx.MAX_TOTAL


@dataclass
class LayoutTable:
    """A table on its layout grid: `cells` in reading order, positioned by grid row and
    column; grid positions no cell covers are empty."""

    rows: int = 0
    columns: int = 0
    cells: list[LayoutCell] = field(default_factory=list)
    # The grid columns' widths as the file gives them (any unit: only their proportions
    # count); empty or zero when it gives none.
    widths: list[int] = field(default_factory=list)


@dataclass
class LayoutCell:
    """One cell: its top-left grid position, spans, and what it holds."""

    row: int
    column: int
    row_span: int = 1
    column_span: int = 1
    blocks: list[LayoutBlock] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The cell's paragraphs, one a line (nested tables' cells tab-separated)."""
        return "\n".join(block if isinstance(block, str) else table_text(block)
                         for block in self.blocks)


# A paragraph (its text) or a table.
LayoutBlock = str | LayoutTable


@dataclass
class FormLayout:
    """A form's paragraphs and tables in document order.  `truncated`: a bound cut it;
    `from_text`: recovered from the extracted text (no layout was readable), `note` says
    why."""

    blocks: list[LayoutBlock] = field(default_factory=list)
    truncated: bool = False
    from_text: bool = False
    note: str = ""


def table_text(table: LayoutTable) -> str:
    """Rows as lines of tab-separated cells, for tests and plain-text fallbacks."""
    rows: list[list[str]] = [[] for _ in range(table.rows)]
    for cell in table.cells:
        rows[cell.row].append(cell.text.replace("\n", " "))
    return "\n".join("\t".join(row) for row in rows)


def text_layout(text: str, note: str = "", bounds: LayoutBounds | None = None) -> FormLayout:
    """The layout the extracted text still shows.  The field reader writes a table row
    as its cells joined by tabs, a cell's paragraphs joined by line breaks: so runs of
    lines holding tabs are table rows, and lines between two rows continue the last cell
    of the row above; other lines are paragraphs.  Bounded like a file's layout."""
    bounds = bounds or LayoutBounds()
    layout = FormLayout(from_text=True, note=note)
    if len(text) > bounds.max_chars:
        text, layout.truncated = text[:bounds.max_chars], True
    lines = text.split("\n")
    if len(lines) > bounds.max_paragraphs + bounds.max_cells:
        lines, layout.truncated = lines[:bounds.max_paragraphs + bounds.max_cells], True
    table: LayoutTable | None = None
    between: list[str] = []  # lines after a row: the row's last cell, or paragraphs
    cells = 0
    for line in lines:
        if "\t" not in line:
            (between if table is not None else layout.blocks).append(line)
            continue
        values = line.split("\t")[:bounds.max_columns]
        cells += len(values)
        if cells > bounds.max_cells:
            layout.truncated = True
            break
        if table is not None and between:
            table.cells[-1].blocks.extend(between)
            between = []
        if table is None:
            table = LayoutTable()
            layout.blocks.append(table)
        table.cells.extend(LayoutCell(table.rows, column, blocks=[value])
                           for column, value in enumerate(values))
        table.rows += 1
        table.columns = max(table.columns, len(values))
    layout.blocks.extend(between)
    paragraphs = sum(isinstance(b, str) for b in layout.blocks)
    if paragraphs > bounds.max_paragraphs:
        layout.truncated = True  # the interface shows what it can of them
    return layout
