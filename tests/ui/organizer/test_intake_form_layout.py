"""申报材料 shows a Word form's layout beside its fields: tables as tables, file text as
plain text, and a huge form cut with a note."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument, QTextTable

from app.intake.layout import FormLayout, LayoutCell, LayoutTable, text_layout
from tests.app.intake import form_factory as ff
from ui.organizer import intake_detail
from ui.organizer.form_document import MAX_GRID_CELLS, fill_document
from ui.organizer.round import Round
from ui.organizer.workbench import OrganizerWorkbench
from ui.task_runner import SyncTaskRunner

HOSTILE = "<b>x</b><img src=x>"
CUT_NOTE = "……（申报书过长，以下内容未显示）"


def text_tables(document: QTextDocument) -> list[QTextTable]:
    """Every table of `document`, nested ones included, outermost first."""
    found: list[QTextTable] = []

    def walk(frame) -> None:
        for child in frame.childFrames():
            if isinstance(child, QTextTable):
                found.append(child)
            walk(child)

    walk(document.rootFrame())
    return found


def cell_text(table: QTextTable, row: int, column: int) -> str:
    cell = table.cellAt(row, column)
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), cursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def write_entry(intake: Path, name: str, form: bytes) -> None:
    folder = intake / name
    folder.mkdir(parents=True)
    (folder / "申报书.docx").write_bytes(form)


@pytest.fixture
def detail_of(qtbot, tmp_path):
    """Scan an intake of the given entries and select one: its IntakeDetail."""
    def open_entry(entries: dict[str, bytes], selected: str):
        intake = tmp_path / "intake"
        for name, form in entries.items():
            write_entry(intake, name, form)
        project = Round.create(tmp_path / "round", intake)
        runner = SyncTaskRunner()
        window = OrganizerWorkbench(runner, runner, project)
        qtbot.addWidget(window)
        window.show()  # a shown document is laid out as it is filled
        page = window.intake_page
        page.scan()
        page.select(selected)
        return page.detail
    return open_entry


def test_a_word_form_shows_its_table_with_merged_title(detail_of) -> None:
    form = ff.table_form(ff.standard_rows(), title=ff.DOC_TITLE, before=["致评审组"])
    detail = detail_of({"某单位的申报": form}, "某单位的申报")
    document = detail.form_text.document()
    assert detail.original.currentWidget() is detail.form_text
    assert document.toPlainText().startswith("原始申报书：申报书.docx\n致评审组")
    [table] = text_tables(document)
    assert (table.rows(), table.columns()) == (7, 2)
    assert table.cellAt(0, 0).columnSpan() == 2 and cell_text(table, 0, 0) == ff.DOC_TITLE
    assert [cell_text(table, 1, c) for c in range(2)] == ["申报单位", ff.UNIT]
    assert cell_text(table, 6, 1) == "\n".join(ff.BODY)
    widths = [length.rawValue() for length in table.format().columnWidthConstraints()]
    assert widths == [50, 50]  # the form's own grid: python-docx makes equal columns
    assert CUT_NOTE not in document.toPlainText()


def test_showing_the_same_entry_again_keeps_the_layout(detail_of) -> None:
    detail = detail_of({"甲": ff.table_form(ff.standard_rows())}, "甲")
    detail.show_row(detail.row, None)  # as after a decision on it
    assert len(text_tables(detail.form_text.document())) == 1


def test_markup_in_a_cell_is_shown_as_text(detail_of) -> None:
    rows = [*ff.standard_rows(), ("备注", HOSTILE)]
    detail = detail_of({"甲": ff.table_form(rows)}, "甲")
    document = detail.form_text.document()
    [table] = text_tables(document)
    assert cell_text(table, table.rows() - 1, 1) == HOSTILE
    html = document.toHtml()
    assert "&lt;b&gt;x&lt;/b&gt;&lt;img src=x&gt;" in html and "<img" not in html


def test_a_huge_table_is_cut_with_a_note(detail_of) -> None:
    huge = ff.table_xml(3000, 2, lambda r, c: f"{r}-{c}")
    form = ff.append_to_body(ff.table_form(ff.standard_rows()), huge)
    started = time.perf_counter()
    detail = detail_of({"甲": form}, "甲")
    assert time.perf_counter() - started < 10  # scan and show: it took minutes once
    document = detail.form_text.document()
    first, second = text_tables(document)
    assert (first.rows(), first.columns()) == (6, 2)
    assert second.columns() == 2 and second.rows() < 3000
    assert first.rows() * 2 + second.rows() * 2 <= MAX_GRID_CELLS
    assert cell_text(second, 0, 1) == "0-1"
    assert document.toPlainText().endswith(CUT_NOTE)


def test_a_form_without_a_readable_layout_shows_its_text(detail_of, monkeypatch) -> None:
    def unreadable(name: str, *_args, **_kwargs):
        from app.errors import PanelDeskError
        raise PanelDeskError(f"{name}：读不出")

    monkeypatch.setattr(intake_detail, "read_layout", unreadable)
    detail = detail_of({"甲": ff.table_form(ff.standard_rows())}, "甲")
    document = detail.form_text.document()
    assert "申报书.docx：读不出" in document.toPlainText()
    [table] = text_tables(document)
    assert [cell_text(table, 0, c) for c in range(2)] == ["申报单位", ff.UNIT]


def test_the_document_bounds_the_grid_whatever_the_layout_says() -> None:
    # 5,000 rows of one cell each in the last of 63 columns: 315,000 grid cells.
    wide = LayoutTable(5000, 63, [LayoutCell(r, 62, blocks=["y"]) for r in range(5000)])
    document = QTextDocument()
    assert fill_document(document, FormLayout(blocks=["前", wide]), "标题") is True
    [table] = text_tables(document)
    assert table.rows() * table.columns() <= MAX_GRID_CELLS
    assert cell_text(table, table.rows() - 1, 62) == "y"  # the rows kept are filled
    assert document.toPlainText().endswith(CUT_NOTE)


def test_the_document_bounds_paragraphs() -> None:
    document = QTextDocument()
    assert fill_document(document, text_layout("段\n" * 20_000), "标题", max_paragraphs=100)
    assert document.blockCount() < 110
