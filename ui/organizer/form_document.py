"""A Word form's layout as a read-only text document: paragraphs, and tables as tables.

`fill_document` writes a `FormLayout` (read on the task runner by
`app.intake.form_layout`) into a QTextDocument on the GUI thread — one no view shows
yet: a shown document is laid out again after every insertion, which takes minutes
for a table of thousands of cells.  Every string comes
from an applicant's file, so it goes in through `QTextCursor.insertText` — plain text,
never HTML or Markdown — and cells are merged with `QTextTable.mergeCells`, not by
markup.  The layout is bounded already; the document is bounded again here (grid cells
of all tables, paragraphs), because a QTextTable costs its full rows × columns grid
whatever the cells hold.  What is left out is said at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QFont,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from app.intake.layout import FormLayout, LayoutBlock, LayoutTable

# All tables' rows × columns, nested tables included.  Qt lays a table out whole, on the
# GUI thread, in time growing faster than its cells: 2000 take about 0.4 s, 5000 over
# 1.5 s; a form has a few hundred.
MAX_GRID_CELLS = 2000
MAX_PARAGRAPHS = 5000  # paragraphs outside tables are laid out as they scroll into view
CELL_PADDING = 4
# Not 100: the percentages of the columns round up to a pixel more than the width at some
# widths, and a scroll bar appears for that pixel.
TABLE_WIDTH_PERCENT = 99


@dataclass
class _Budget:
    cells: int = MAX_GRID_CELLS
    paragraphs: int = MAX_PARAGRAPHS
    cut: bool = False


def fill_document(document: QTextDocument, layout: FormLayout, heading: str, *,
                  max_cells: int = MAX_GRID_CELLS,
                  max_paragraphs: int = MAX_PARAGRAPHS) -> bool:
    """Replace `document`'s content with `heading` and `layout`; True when something
    was left out (by the reader's bounds or these)."""
    document.setUndoRedoEnabled(False)  # a viewer: no undo history to keep
    document.clear()
    cursor = QTextCursor(document)
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    cursor.insertText(heading, bold)
    cursor.setCharFormat(QTextCharFormat())
    if layout.note:
        cursor.insertBlock()
        cursor.insertText(layout.note)
    if layout.from_text:
        cursor.insertBlock()
        cursor.insertText(QCoreApplication.translate(
            "FormDocument", "（未能读取原文件的版式，以下按提取的文字显示，表格的行列尽量还原）"))
    cursor.insertBlock()
    budget = _Budget(max_cells, max_paragraphs)
    _write_blocks(cursor, layout.blocks, budget, first=True, nested=False)
    cut = budget.cut or layout.truncated
    if cut:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock()
        cursor.insertText(QCoreApplication.translate(
            "FormDocument", "……（申报书过长，以下内容未显示）"), bold)
    return cut


def _write_blocks(cursor: QTextCursor, blocks: list[LayoutBlock], budget: _Budget, *,
                  first: bool, nested: bool) -> None:
    """Write `blocks` at `cursor`; `first`: the cursor is on an empty block to fill (a
    new cell's, the one after a table) rather than after text."""
    for block in blocks:
        if budget.cut:
            return
        if isinstance(block, LayoutTable):
            _write_table(cursor, block, budget, nested=nested)
            first = True  # on the empty block Qt keeps after every table
            continue
        budget.paragraphs -= 1
        if budget.paragraphs < 0:
            budget.cut = True
            return
        if not first:
            cursor.insertBlock()
        cursor.insertText(block)
        first = False


def _write_table(cursor: QTextCursor, table: LayoutTable, budget: _Budget, *,
                 nested: bool) -> None:
    if table.rows <= 0 or table.columns <= 0:
        return
    rows = min(table.rows, budget.cells // table.columns)
    if rows <= 0:
        budget.cut = True
        return
    budget.cells -= rows * table.columns
    text_table = cursor.insertTable(rows, table.columns, _table_format(table, nested))
    for cell in table.cells:
        if cell.row >= rows or cell.column >= table.columns:
            continue
        row_span = min(cell.row_span, rows - cell.row)
        column_span = min(cell.column_span, table.columns - cell.column)
        if row_span > 1 or column_span > 1:
            text_table.mergeCells(cell.row, cell.column, row_span, column_span)
    for cell in table.cells:
        if budget.cut:
            break
        if cell.row < rows and cell.column < table.columns:
            cell_cursor = text_table.cellAt(cell.row, cell.column).firstCursorPosition()
            _write_blocks(cell_cursor, cell.blocks, budget, first=True, nested=True)
    # Go on after the table (in the enclosing cell, or in the document).
    cursor.setPosition(text_table.lastPosition() + 1)
    if rows < table.rows:
        budget.cut = True  # the rows kept are filled; nothing after them is written


def _table_format(table: LayoutTable, nested: bool) -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderCollapse(True)
    fmt.setCellSpacing(0)
    fmt.setCellPadding(CELL_PADDING)
    if nested:
        # Sized by its content: percentages of a cell overflow it by the borders.
        return fmt
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, TABLE_WIDTH_PERCENT))
    widths = table.widths[:table.columns]
    total = sum(widths)
    if len(widths) == table.columns and total > 0:
        # The form's own proportions: a narrow label column beside a wide answer.
        fmt.setColumnWidthConstraints([
            QTextLength(QTextLength.Type.PercentageLength, 100 * width / total)
            for width in widths])
    return fmt
