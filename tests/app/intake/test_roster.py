"""Reading the expert roster from CSV (UTF-8, BOM, GB18030) and .xlsx, and its errors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.errors import PanelDeskError
from app.intake.roster import default_roster, read_roster
from app.model import Expert

FP = "0123456789abcdef0123456789abcdef01234567"
GROUPED = "0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567"


def write_csv(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "名单.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(tmp_path: Path, rows: list[list[object]], name: str = "名单.xlsx") -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.create_sheet("其他").append(["ignored"])
    path = tmp_path / name
    book.save(path)
    return path


def test_default_roster_is_placeholders() -> None:
    roster = default_roster()
    assert [(e.id, e.name) for e in roster] == [(f"E{i}", f"专家{i}") for i in range(1, 8)]
    assert len(default_roster(3)) == 3 and roster[0].fingerprint is None


def test_csv_english_headers_utf8(tmp_path: Path) -> None:
    path = write_csv(tmp_path, f"id,name,organization,fingerprint\nE1,张老师,某大学,{GROUPED}\n"
                               "E2,李老师,,\n")
    assert read_roster(path) == [
        Expert("E1", "张老师", "某大学", FP), Expert("E2", "李老师", "", None)]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_chinese_headers_bom_and_gb18030(tmp_path: Path, encoding: str) -> None:
    text = ("序 号,姓名（必填）,工作单位,手机,公钥指纹\r\n"
            "\r\n"
            f"1,王老师,某研究院,13800000000,{FP.upper()}\r\n"
            ",,,,\r\n"
            "2,赵老师,某报社,,\r\n")
    experts = read_roster(write_csv(tmp_path, text, encoding))
    assert experts == [Expert("1", "王老师", "某研究院", FP), Expert("2", "赵老师", "某报社", None)]


def test_csv_header_variants(tmp_path: Path) -> None:
    text = " ID , Name ,机构,指纹\nE1,甲,单位甲,\n"
    assert read_roster(write_csv(tmp_path, text)) == [Expert("E1", "甲", "单位甲", None)]
    text = "编号\t姓名\t单位\nE1\t乙\t单位乙\n"
    assert read_roster(write_csv(tmp_path, text)) == [Expert("E1", "乙", "单位乙", None)]


def test_xlsx_first_sheet(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [["编号", "姓名", "单位", "公钥指纹"],
                                 [1, "钱老师", "某大学", None],
                                 [None, None, None, None],
                                 ["E2", "孙老师", None, FP]])
    assert read_roster(path) == [Expert("1", "钱老师", "某大学", None),
                                 Expert("E2", "孙老师", "", FP)]


@pytest.mark.parametrize("text,message", [
    ("编号,姓名\nE1,甲\n\nE1,乙\n", "名单文件 名单.csv 第 4 行：编号“E1”与第 2 行重复"),
    ("编号,姓名\nE1,甲\n,乙\n", "名单文件 名单.csv 第 3 行：缺少编号"),
    ("编号,姓名\nE1,\n", "名单文件 名单.csv 第 2 行：缺少姓名"),
    ("编号,姓名,指纹\nE1,甲,abc\n", "名单文件 名单.csv 第 2 行：公钥指纹“abc”无效，应为 40 位十六进制数字"),
    (f"编号,姓名,指纹\nE1,甲,{'g' * 40}\n", "名单文件 名单.csv 第 2 行：公钥指纹"),
    ("编号,姓名\n../x,甲\n", "名单文件 名单.csv 第 2 行：编号“../x”无效"),
    ("姓名,单位\n甲,乙\n", "名单文件 名单.csv 第 1 行：表头缺少“编号”列"),
    ("", "名单文件 名单.csv 是空的"),
    ("编号,姓名\n", "名单文件 名单.csv 只有表头，没有专家"),
])
def test_csv_errors_name_file_and_row(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(PanelDeskError) as err:
        read_roster(write_csv(tmp_path, text))
    assert str(err.value).startswith(message)


def test_too_many_rows(tmp_path: Path) -> None:
    text = "编号,姓名\n" + "".join(f"E{i},专家{i}\n" for i in range(1001))
    with pytest.raises(PanelDeskError, match="超过 1000 名专家"):
        read_roster(write_csv(tmp_path, text))
    ok = "编号,姓名\n" + "".join(f"E{i},专家{i}\n" for i in range(1000))
    assert len(read_roster(write_csv(tmp_path, ok))) == 1000


def test_xlsx_duplicate_id_names_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path, [["id", "name"], ["E1", "甲"], ["e1", "乙"]])
    with pytest.raises(PanelDeskError, match="第 3 行：编号“e1”与第 2 行重复"):
        read_roster(path)


def test_unsupported_and_broken_files(tmp_path: Path) -> None:
    with pytest.raises(PanelDeskError, match="格式不支持：请使用 .csv 或 .xlsx（请在 Excel 中另存为 .xlsx）"):
        read_roster(write_csv(tmp_path, "x", name="名单.xls"))
    with pytest.raises(PanelDeskError, match="名单文件 名单.xlsx 无法读取：文件已损坏"):
        read_roster(write_csv(tmp_path, "not a zip", name="名单.xlsx"))
    with pytest.raises(PanelDeskError, match="名单文件 缺失.csv 无法读取"):
        read_roster(tmp_path / "缺失.csv")
    path = tmp_path / "名单.csv"
    path.write_bytes(b"\x81\x30\x81" + bytes([0xFF, 0xFE, 0x00]) * 10)
    with pytest.raises(PanelDeskError, match="名单文件 名单.csv 无法识别文字编码"):
        read_roster(path)


def test_xlsx_zip_bomb_is_refused(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", b" " * (30 * 1024 * 1024))
    path = tmp_path / "名单.xlsx"
    path.write_bytes(out.getvalue())
    with pytest.raises(PanelDeskError, match="名单文件 名单.xlsx 无法读取：疑似压缩炸弹"):
        read_roster(path)


def test_xlsx_valid_zip_but_not_a_workbook(tmp_path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "hi")
    path = tmp_path / "名单.xlsx"
    path.write_bytes(out.getvalue())
    with pytest.raises(PanelDeskError, match="文件已损坏或不是有效的 .xlsx"):
        read_roster(path)
