"""Tests for app.evidence.preview: real generated xlsx/docx/txt in, display data out, hostile in → PanelDeskError."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from app.errors import PanelDeskError
from app.evidence import preview


def make_xlsx(rows: int = 600, sheets: int = 1) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "统计表"
    ws.append(["序号", "日期", "满意率", "备注"])
    for i in range(1, rows):
        ws.append([i, dt.datetime(2025, 1, 1) + dt.timedelta(days=i), 0.5 + i / 10000, f"第{i}行"])
    ws["C2"].number_format = "0.0%"
    for s in range(1, sheets):
        extra = book.create_sheet(f"附表{s}")
        extra.append(["a", 1.5])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("热线接线员深夜守护独居老人")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "时间"
    table.cell(0, 1).text = "事件"
    table.cell(1, 0).text = "23:10"
    table.cell(1, 1).text = "来电求助"
    document.add_paragraph("结尾段落")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_xlsx_truncated_and_formatted() -> None:
    sheets = preview.xlsx_preview(make_xlsx(600))
    assert len(sheets) == 1
    sheet = sheets[0]
    assert sheet.name == "统计表"
    assert sheet.truncated
    assert len(sheet.rows) == 500
    assert sheet.rows[0] == ["序号", "日期", "满意率", "备注"]
    assert sheet.rows[1][0] == "1"
    assert sheet.rows[1][1] == "2025-01-02"
    assert sheet.rows[1][2] == "50.0%"
    assert sheet.rows[1][3] == "第1行"


def test_xlsx_small_not_truncated_and_sheet_cap() -> None:
    sheets = preview.xlsx_preview(make_xlsx(10, sheets=5), max_sheets=3)
    assert [s.name for s in sheets] == ["统计表", "附表1", "附表2"]
    assert not sheets[0].truncated
    assert sheets[1].rows == [["a", "1.5"]]


def test_xlsx_column_cap() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(list(range(60)))
    buf = io.BytesIO()
    book.save(buf)
    sheet = preview.xlsx_preview(buf.getvalue(), max_cols=50)[0]
    assert len(sheet.rows[0]) == 50 and sheet.truncated


def zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", b"\x00" * (50 * 1024 * 1024))
    return buf.getvalue()


@pytest.mark.parametrize("data", [b"", b"not a zip", zip_bomb()])
def test_xlsx_hostile(data: bytes) -> None:
    with pytest.raises(PanelDeskError, match="表格文件"):
        preview.xlsx_preview(data)


def test_xlsx_zip_without_workbook() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "x")
    with pytest.raises(PanelDeskError, match="表格文件"):
        preview.xlsx_preview(buf.getvalue())


def test_docx_text_in_order() -> None:
    text = preview.docx_text(make_docx())
    lines = text.splitlines()
    assert lines[0] == "热线接线员深夜守护独居老人"
    assert "时间\t事件" in lines and "23:10\t来电求助" in lines
    assert lines[-1] == "结尾段落"
    assert lines.index("时间\t事件") < lines.index("结尾段落")


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04broken", zip_bomb()])
def test_docx_hostile(data: bytes) -> None:
    with pytest.raises(PanelDeskError, match="Word"):
        preview.docx_text(data)


def test_text_and_links() -> None:
    raw = "见报道 https://news.example.cn/a?id=1，另见 www.12345.gov.cn。\r\n第二行".encode("gb18030")
    assert preview.text_preview(raw).endswith("\n第二行")
    text, links = preview.links_preview(raw)
    assert links == ["https://news.example.cn/a?id=1", "www.12345.gov.cn"]
    assert "报道" in text


def test_binary_is_not_text() -> None:
    with pytest.raises(PanelDeskError, match="文本"):
        preview.text_preview(b"\x00\x01\x02binary" * 20)


def test_format_cell() -> None:
    assert preview.format_cell(None) == ""
    assert preview.format_cell(3.0) == "3"
    assert preview.format_cell(True) == "TRUE"
    assert preview.format_cell(0.256, "0.00%") == "25.60%"
    assert preview.format_cell(dt.datetime(2025, 3, 1, 8, 30)) == "2025-03-01 08:30"
