"""Read the expert roster (专家名单) the organizer keeps in Excel or CSV.

Accepted: .csv (UTF-8 with or without BOM, or GB18030 as Excel on Chinese Windows
saves it) and .xlsx (first sheet).  The first non-blank row is the header; columns are
found by name, English or Chinese, so extra columns (电话, 邮箱 …) are simply ignored —
and never reach the packet.  Every problem is a `PanelDeskError` naming the file and,
where it applies, the row number as the organizer sees it in Excel (header = row 1).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

from app.errors import PanelDeskError
from app.evidence.probe import zip_bomb_reason
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.model import Expert

MAX_EXPERTS = 1000
MAX_FILE_BYTES = 20 * 1024 * 1024
# Excel often keeps formatting on thousands of empty rows; after this many blank rows in
# a row, the list has ended.
MAX_TRAILING_BLANK = 10_000
HEADERS = {
    "id": ("id", "编号", "专家编号", "序号", "expertid"),
    "name": ("name", "姓名", "专家姓名", "专家"),
    "organization": ("organization", "organisation", "org", "单位", "工作单位", "机构",
                     "所在单位", "单位名称", "工作机构"),
    "fingerprint": ("fingerprint", "公钥指纹", "指纹", "密钥指纹", "keyfingerprint"),
}
ID_RE = re.compile(r"[\w.-]{1,64}")  # ids may end up in file names: no separators, no spaces
HEX40_RE = re.compile(r"[0-9a-f]{40}")


def default_roster(n: int = 7) -> list[Expert]:
    """Placeholder panel (专家1…专家n, ids E1…En) for a packet built without a roster."""
    return [Expert(id=f"E{i}", name=f"专家{i}") for i in range(1, n + 1)]


def read_roster(path: Path) -> list[Expert]:
    """The experts listed in `path` (.csv or .xlsx), in file order."""
    path = Path(path)
    label = Message(QT_TRANSLATE_NOOP("Roster", "名单文件 {name}"), name=path.name)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        hint = QT_TRANSLATE_NOOP("Roster", "（请在 Excel 中另存为 .xlsx）") if suffix in (".xls", ".et", ".numbers") else ""
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Roster", "{label} 格式不支持：请使用 .csv 或 .xlsx{hint}"), label=label, hint=hint))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Roster", "{label} 过大（{size} MB），不像是专家名单"),
                label=label, size=size // (1024 * 1024)))
        data = path.read_bytes()
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Roster", "{label} 无法读取：{reason}"),
            label=label, reason=err.strerror or err)) from None
    rows = csv_rows(data, label) if suffix == ".csv" else _xlsx_rows(data, label)
    return _parse(rows, label)


def csv_rows(data: bytes, label: str) -> Iterator[tuple[int, list[str]]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Roster", "{label} 无法识别文字编码：请保存为 UTF-8 或 GBK 编码的 CSV"), label=label))
    if "\x00" in text:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Roster", "{label} 不是文本格式的 CSV 文件"),
            label=label))
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            yield number, list(row)
    except csv.Error as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Roster", "{label} 第 {line_num} 行：CSV 格式错误（{err}）"),
            label=label, line_num=reader.line_num, err=err)) from None


def _xlsx_rows(data: bytes, label: str) -> Iterator[tuple[int, list[str]]]:
    import openpyxl  # only needed for .xlsx rosters

    broken = Message(QT_TRANSLATE_NOOP("Roster", "{label} 无法读取：文件已损坏或不是有效的 .xlsx"),
                     label=label)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            reason = zip_bomb_reason(zf)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise PanelDeskError(broken) from None
    if reason:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Roster", "{label} 无法读取：{reason}"),
            label=label, reason=reason))
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 — openpyxl raises many types on hostile files
        raise PanelDeskError(broken) from None
    try:
        if not book.worksheets:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Roster", "{label} 没有工作表"), label=label))
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell_text(v) for v in values]
    except PanelDeskError:
        raise
    except Exception:  # noqa: BLE001 — malformed sheet XML surfaces while iterating
        raise PanelDeskError(broken) from None
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an id typed as 1 comes back as 1.0
    return str(value)


def _header_key(cell: str) -> str:
    text = unicodedata.normalize("NFKC", cell)
    text = re.sub(r"\(.*?\)", "", text)  # "姓名（必填）" → "姓名" (NFKC made the parens ASCII)
    return re.sub(r"[\s_*:-]", "", text).casefold()


def _columns(header: list[str], label: str, number: int) -> dict[str, int]:
    wanted = {alias.casefold(): field for field, aliases in HEADERS.items() for alias in aliases}
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        field = wanted.get(_header_key(cell))
        if field and field not in columns:
            columns[field] = index
    missing = [name for field, name in (("id", "编号"), ("name", "姓名")) if field not in columns]
    if missing:
        found = "、".join(c.strip() for c in header if c.strip()) or "空"
        raise PanelDeskError(
            Message(QT_TRANSLATE_NOOP(
            "Roster", "{label} 第 {number} 行：表头缺少“{missing}”列（应为 编号,姓名,单位,公钥指纹 或 id,name,organization,fingerprint；实际为：{found}）"),
            label=label, number=number, missing='”“'.join(missing), found=found))
    return columns


def _parse(rows: Iterator[tuple[int, list[str]]], label: str) -> list[Expert]:
    columns: dict[str, int] | None = None
    experts: list[Expert] = []
    seen: dict[str, int] = {}
    blank_run = 0
    for number, raw in rows:
        row = [unicodedata.normalize("NFC", c).strip() for c in raw]
        if not any(row):
            blank_run += 1
            if blank_run > MAX_TRAILING_BLANK:
                break
            continue
        blank_run = 0
        if columns is None:
            columns = _columns(row, label, number)
            continue
        values = {f: _cell(row, columns, f) for f in HEADERS}
        expert = _expert(values["id"], values["name"], values["organization"],
                         values["fingerprint"], _row(label, number))
        key = expert.id.casefold()
        if key in seen:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Roster", "{where}：编号“{id}”与第 {seen} 行重复"),
                where=_row(label, number), id=expert.id, seen=seen[key]))
        seen[key] = number
        experts.append(expert)
        if len(experts) > MAX_EXPERTS:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Roster", "{label} 超过 {max_experts} 名专家，不像是评审专家名单"),
                label=label, max_experts=MAX_EXPERTS))
    if columns is None:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Roster", "{label} 是空的：需要表头行 编号,姓名,单位,公钥指纹"),
            label=label))
    if not experts:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Roster", "{label} 只有表头，没有专家"), label=label))
    return experts


def _cell(row: list[str], columns: dict[str, int], field: str) -> str:
    index = columns.get(field)
    return row[index] if index is not None and index < len(row) else ""


def _row(label: str, number: int) -> Message:
    """"名单文件 a.csv 第 3 行", for messages."""
    return Message(QT_TRANSLATE_NOOP("Roster", "{label} 第 {number} 行"), label=label, number=number)


def _expert(eid: str, name: str, org: str, fingerprint: str, where: str) -> Expert:
    if not eid:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Roster", "{where}：缺少编号"), where=where))
    if not name:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Roster", "{where}：缺少姓名"), where=where))
    if not ID_RE.fullmatch(eid) or eid.startswith("."):
        raise PanelDeskError(
            Message(QT_TRANSLATE_NOOP(
            "Roster", "{where}：编号“{eid}”无效（只能使用字母、数字、汉字、-、_ 和 .，最长 64 个字符）"),
            where=where, eid=eid[:64]))
    fp = None
    if fingerprint:
        fp = re.sub(r"[\s:-]", "", unicodedata.normalize("NFKC", fingerprint)).lower()
        if not HEX40_RE.fullmatch(fp):
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Roster", "{where}：公钥指纹“{fingerprint}”无效，应为 40 位十六进制数字"),
                where=where, fingerprint=fingerprint[:80]))
    return Expert(id=eid, name=name[:100], organization=org[:200], fingerprint=fp)
