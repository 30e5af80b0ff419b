"""Organizer side: read a score workbook safely and compare it with its signature.

`verify_sheet(path)` never raises for a bad file: the result's `status` is MALFORMED
(not a workbook, broken or oversize zip, an XML DTD/entity, a missing sheet — any
failure at all while reading), UNSIGNED (no 签名 sheet or no signature in it), TAMPERED
(the signature does not match its payload, or the visible cells no longer give the
signed payload: `diff` lists submission, field, signed value, found value) or OK.
Who signed, and whether that key and packet are acceptable, is `importer.py`'s job.

The workbook is read by our bounded reader (`app.ooxml`, regions in `workbook.py`), in
order of trust: the small 签名 sheet first and its signature checked; only then the
评分表, no further than the signed rows explain (so 400 000 extra rows or a cell in
column XFD cost nothing), with every cell outside the signed ones reported.

The 签名 sheet is authoritative; the custom document properties are a copy that only
helps explain an UNSIGNED file (Excel users may delete a hidden sheet, not a property).
"""

from __future__ import annotations

import io
import json
import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.canonical import canonical_json, sha256_hex
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.keys import fingerprint, unb64, verify_signature
from app.ooxml import OoxmlError, open_zip
from app.ooxml.xlsx import Xlsx, XlsxBounds
from app.sheets.export import (
    LEAD_HEADERS,
    PROP_PREFIX,
    SCORE_SHEET,
    SIG_FORMAT,
    SIGNATURE_SHEET,
)
from app.sheets.payload import FORMAT, FORMAT_VERSION, VERSION_LIMIT, make_row
from app.sheets.workbook import (
    ScoreRegion,
    TooLarge,
    active_parts,
    custom_properties,
    extra_sheets,
    notes_printed,
    score_region,
    signature_items,
)

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PART_BYTES = 64 * 1024 * 1024  # any one part, uncompressed
MAX_MEMBERS = 2000
MAX_ROWS = 20000
BOUNDS = XlsxBounds(max_part=MAX_PART_BYTES, max_elements=2_000_000, max_strings=300_000,
                    max_string_chars=60_000_000)
MALFORMED, UNSIGNED, TAMPERED, OK = "MALFORMED", "UNSIGNED", "TAMPERED", "OK"
# A sheet's columns as a tamper diff names them (the import page translates the names).
FIELD_NAMES = {"id": QT_TRANSLATE_NOOP("SheetImport", "编号"),
               "category": QT_TRANSLATE_NOOP("SheetImport", "类别"),
               "title": QT_TRANSLATE_NOOP("SheetImport", "标题"),
               "total": QT_TRANSLATE_NOOP("SheetImport", "总分"),
               "flags": QT_TRANSLATE_NOOP("SheetImport", "标记"),
               "comment": QT_TRANSLATE_NOOP("SheetImport", "评语"),
               "recused": QT_TRANSLATE_NOOP("SheetImport", "回避"),
               "recusal_reason": QT_TRANSLATE_NOOP("SheetImport", "回避理由")}
EMPTY_CELL = QT_TRANSLATE_NOOP("SheetImport", "（空）")
YES, NO = QT_TRANSLATE_NOOP("SheetImport", "是"), QT_TRANSLATE_NOOP("SheetImport", "否")
# Why a file is not a signed sheet, as messages the import page translates.
UNREADABLE_BOOK = QT_TRANSLATE_NOOP("SheetImport", "{name}：无法读取该工作簿：{detail}")
BROKEN_BOOK = QT_TRANSLATE_NOOP("SheetImport", "{name}：无法读取该工作簿（{kind}），文件可能已损坏")
NO_SIGNATURE = QT_TRANSLATE_NOOP("SheetImport", "{name}：没有电子签名（缺少“{sheet}”工作表）{extra}；"
                                 "请让专家用评审台重新导出评分表")
SIGNATURE_COPY_LEFT = QT_TRANSLATE_NOOP("SheetImport", "（文档属性中仍有签名副本，但签名工作表已被删除）")
SIGNATURE_INCOMPLETE = QT_TRANSLATE_NOOP("SheetImport", "{name}：“{sheet}”工作表中的签名信息缺失或不完整")
SIGNATURE_BROKEN = QT_TRANSLATE_NOOP("SheetImport", "{name}：电子签名与签名内容不符——签名数据被改动过，"
                                     "或公钥被替换；此评分表不可信")
OTHER_FINGERPRINT = QT_TRANSLATE_NOOP("SheetImport", "{name}：签名内容中的密钥指纹与所附公钥不一致")
CHANGED = QT_TRANSLATE_NOOP("SheetImport", "{name}：评分表在签名后被改动（{count} 处），例如 {id} 的"
                            "“{field}”：签名时为“{signed}”，现为“{found}”")
TEMPLATES = tuple(("SheetImport", t) for t in (
    UNREADABLE_BOOK, BROKEN_BOOK, NO_SIGNATURE, SIGNATURE_INCOMPLETE, SIGNATURE_BROKEN,
    OTHER_FINGERPRINT, CHANGED))


def _say(template: str, **values: Any) -> Message:
    return Message("SheetImport", template, **values)


@dataclass
class DiffItem:
    submission: str
    field: str
    signed: str | None
    found: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"submission": self.submission, "field": self.field, "signed": self.signed,
                "found": self.found}


@dataclass
class SheetCheck:
    path: Path
    status: str
    reason: str = ""
    file_sha256: str = ""
    payload: dict[str, Any] | None = None
    payload_bytes: bytes = b""
    public_key: bytes = b""
    diff: list[DiffItem] = field(default_factory=list)
    props: dict[str, str] = field(default_factory=dict)
    # Cells PanelDesk prints but does not sign (title block, header, 说明), "评分表!A2" →
    # text: the importer compares them with what the export prints for this packet.
    printed: dict[str, str] = field(default_factory=dict)


class _Bad(Exception):
    """A MALFORMED file; the message is the Chinese reason."""


def verify_sheet(path: Path | str) -> SheetCheck:
    """Read and check one workbook; never raises for anything in the file."""
    path = Path(path)
    check = SheetCheck(path, MALFORMED)
    try:
        data = _read_file(path)
        check.file_sha256 = "sha256:" + sha256_hex(data)
        _check_zip(data)
        with open_zip(data, max_total=MAX_UNPACKED_BYTES, max_members=MAX_MEMBERS) as zf:
            return _verify(Xlsx(zf, BOUNDS), check)
    except _Bad as err:
        check.status, check.reason = MALFORMED, f"{path.name}：{err}"
    except (OoxmlError, TooLarge) as err:
        check.status, check.reason = MALFORMED, _say(UNREADABLE_BOOK, name=path.name,
                                                     detail=err)
    except Exception as err:  # noqa: BLE001 — any failure inside a hostile file is MALFORMED
        check.status = MALFORMED
        check.reason = _say(BROKEN_BOOK, name=path.name, kind=type(err).__name__)
    return check


def _read_file(path: Path) -> bytes:
    """The file's bytes, only if it is a regular file of at most `MAX_FILE_BYTES`.

    Opened without blocking and checked on the open descriptor: a FIFO named .xlsx
    would wait for a writer forever, and a link to /dev/zero (whose size says 0) was
    read until the machine ran out of memory."""
    too_big = "文件过大（{} MB），评分表不应超过 " + f"{MAX_FILE_BYTES // 1024 // 1024} MB"
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "不是普通文件（文件夹、管道或设备），无法作为评分表读取")))
            if st.st_size > MAX_FILE_BYTES:
                raise _Bad(too_big.format(st.st_size // 1024 // 1024))
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "无法读取文件（{reason}）"),
            reason=err.strerror or err)) from None
    if len(data) > MAX_FILE_BYTES:  # it grew after it was measured
        raise _Bad(too_big.format(len(data) // 1024 // 1024))
    return data


def _check_zip(data: bytes) -> None:
    # The bytes already read, not the path again: the file may have changed meanwhile.
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _Bad(Message(QT_TRANSLATE_NOOP(
            "Sheets", "不是 Excel 工作簿（.xlsx）：文件不是 zip 格式，可能已截断或是其他类型的文件")))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "工作簿内部文件过多（{count} 个）"),
                    count=len(infos)))
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise _Bad(Message(QT_TRANSLATE_NOOP(
                    "Sheets", "不是 Excel 工作簿（.xlsx）：缺少工作簿结构（可能是改了扩展名的 Word 文档）")))
            total = 0
            for info in infos:
                total += info.file_size
                if total > MAX_UNPACKED_BYTES:
                    raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "工作簿解压后过大，疑似压缩炸弹")))
                # An absolute bound, not a ratio: an honest sheet of long, repetitive
                # comments deflates far beyond any ratio, and what it costs to read a
                # part depends on its size alone (docs/formats.md, "Limits").
                if info.file_size > MAX_PART_BYTES:
                    raise _Bad(Message(QT_TRANSLATE_NOOP(
                        "Sheets", "工作簿内部文件 {filename} 解压后过大（{file_size} MB，上限 {max_part_bytes} MB），疑似压缩炸弹"),
                        filename=info.filename[:80], file_size=info.file_size // 1048576, max_part_bytes=MAX_PART_BYTES // 1048576))
                if info.filename.endswith((".xml", ".rels", ".vml")):
                    _scan_xml(zf, info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as err:
        raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "工作簿的 zip 结构已损坏（{err}）"), err=err)) from None


def _scan_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    # An xlsx never needs a DTD; refusing one outright stops entity expansion attacks
    # (billion laughs, external entities) before any XML parser sees the bytes.
    tail = b""
    read = 0
    with zf.open(info) as fh:
        while chunk := fh.read(256 * 1024):
            read += len(chunk)
            if read > info.file_size + 1:
                raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "工作簿内部文件 {filename} 的大小与目录不符"),
                    filename=info.filename[:80]))
            window = (tail + chunk).upper()
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                raise _Bad(Message(QT_TRANSLATE_NOOP(
                    "Sheets", "工作簿内部文件 {filename} 含有 XML 实体定义（DTD），正常的评分表不会有，疑似恶意文件"),
                    filename=info.filename[:80]))
            tail = chunk[-16:]


def _verify(book: Xlsx, check: SheetCheck) -> SheetCheck:
    check.props = custom_properties(book, PROP_PREFIX)
    if SIGNATURE_SHEET not in book.sheetnames:
        check.status = UNSIGNED
        extra = _say(SIGNATURE_COPY_LEFT) if check.props.get("signature") else ""
        check.reason = _say(NO_SIGNATURE, name=check.path.name, sheet=SIGNATURE_SHEET,
                            extra=extra)
        return check
    # The signature first: its sheet is small and bounded; nothing else is read before.
    sig, extra = signature_items(book)
    try:
        if sig.get("format") != SIG_FORMAT:
            raise ValueError("format")
        public, signature = unb64(sig["public_key"]), unb64(sig["signature"])
        data = unb64("".join(sig.get("payload", [])))
    except (KeyError, ValueError, TypeError):
        check.status = UNSIGNED
        check.reason = _say(SIGNATURE_INCOMPLETE, name=check.path.name, sheet=SIGNATURE_SHEET)
        return check
    check.public_key, check.payload_bytes = public, data
    if not verify_signature(public, signature, data):
        check.status = TAMPERED
        check.reason = _say(SIGNATURE_BROKEN, name=check.path.name)
        return check
    payload = _parse_payload(data)
    check.payload = payload
    if payload.get("key_fingerprint") != fingerprint(public):
        check.status = TAMPERED
        check.reason = _say(OTHER_FINGERPRINT, name=check.path.name)
        return check
    if SCORE_SHEET not in book.sheetnames:
        raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "缺少“{score_sheet}”工作表"),
            score_sheet=SCORE_SHEET))
    if len(payload["rows"]) > MAX_ROWS:
        raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "评分表行数过多")))
    region = score_region(book, payload["criteria"], len(payload["rows"]))
    notes, notes_extra = notes_printed(book)
    check.printed = {**region.printed, **notes}
    extra += region.extra + notes_extra + extra_sheets(book) + active_parts(book)
    check.diff = [DiffItem(ref.partition("!")[0], ref.partition("!")[2], None,
                           _cell(value)) for ref, value in extra]
    check.diff += compare(payload, read_rows(region, payload["criteria"]))
    if check.diff:
        check.status = TAMPERED
        check.reason = tamper_reason(check.path.name, check.diff)
        return check
    check.status = OK
    return check


def tamper_reason(file_name: str, diff: list[DiffItem]) -> str:
    """One line for a TAMPERED sheet: how many cells differ, and the first of them."""
    first = diff[0]
    return _say(CHANGED, name=file_name, count=len(diff), id=first.submission,
                field=first.field, signed=_show(first.signed), found=_show(first.found))


def _show(value: str | None) -> str:
    return EMPTY_CELL if value is None else value


def _parse_payload(data: bytes) -> dict[str, Any]:
    def no_float(text: str) -> Any:
        raise ValueError("float")

    try:
        payload = json.loads(data.decode("utf-8"), parse_float=no_float)
        if canonical_json(payload) != data:
            raise ValueError("not canonical")
    except (ValueError, TypeError, UnicodeDecodeError, RecursionError):
        raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "签名内容不是有效的评分数据"))) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "签名内容不是评审台评分表")))
    version = payload.get("format_version")
    if type(version) is not int or version > FORMAT_VERSION:  # a bool is not a version
        raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "评分表由更新版本的评审台导出，请升级评审台")))
    for name, kind in (("version", int), ("packet_id", str), ("manifest_hash", str),
                       ("rubric_hash", str), ("expert_id", str), ("key_fingerprint", str),
                       ("partial", bool), ("exported_at", str), ("criteria", list),
                       ("rows", list)):
        if name not in payload:
            raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "签名内容缺少字段 {name}"), name=name))
        if not isinstance(payload[name], kind):
            raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "签名内容中的字段 {name} 类型不对"), name=name))
    # Versions count exports (1, 2, …); the bound also keeps them in a 32-bit database column.
    # A bool is an int to Python; "第 True 版" is not a version.
    if type(payload["version"]) is not int or not 1 <= payload["version"] < VERSION_LIMIT:
        raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "签名内容中的版本号无效")))
    if not all(isinstance(c, str) for c in payload["criteria"]):
        raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "签名内容中的评分项无效")))
    if not all(isinstance(r, dict) and isinstance(r.get("scores"), dict)
               for r in payload["rows"]):
        raise _Bad(Message(QT_TRANSLATE_NOOP("Sheets", "签名内容中的评分行无效")))
    return payload


def read_rows(region: ScoreRegion, criteria: list[str]
              ) -> tuple[list[Any], list[dict[str, Any]]]:
    """(header cells, canonical rows) of the visible 评分表, in sheet order."""
    n = len(criteria)
    rows = []
    for cells in region.rows:
        lead, scores, tail = cells[:3], cells[3:3 + n], cells[3 + n:]
        rows.append(make_row(lead[0], lead[1], lead[2], dict(zip(criteria, scores)), *tail))
    return region.header, rows


def compare(payload: dict[str, Any], found: tuple[list[Any], list[dict[str, Any]]]
            ) -> list[DiffItem]:
    """Every difference between the signed rows and the visible ones."""
    header, rows = found
    diff: list[DiffItem] = []
    if len(header) >= 3 and [str(h or "") for h in header[:3]] != list(LEAD_HEADERS):
        diff.append(DiffItem("表头", "列名", "、".join(LEAD_HEADERS),
                             "、".join(str(h or "") for h in header[:3])))
    signed = payload["rows"]
    signed_by_id = {r.get("id"): r for r in signed}
    seen: set[Any] = set()
    for row in rows:
        sid = row["id"]
        if sid in seen:
            diff.append(DiffItem(str(sid), "整行", None, "重复的行"))
            continue
        seen.add(sid)
        old = signed_by_id.get(sid)
        if old is None:
            diff.append(DiffItem(str(sid), "整行", None, "新增的行"))
            continue
        diff.extend(_row_diff(str(sid), old, row))
    for old in signed:
        if old.get("id") not in seen:
            diff.append(DiffItem(str(old.get("id")), "整行", "已签名的行", None))
    if not diff:
        order = [r["id"] for r in rows]
        if order != [r.get("id") for r in signed]:
            for i, (a, b) in enumerate(zip(signed, rows)):
                if a.get("id") != b["id"]:
                    diff.append(DiffItem(str(b["id"]), "行顺序", f"第 {i + 1} 行应为 {a.get('id')}",
                                         f"第 {i + 1} 行为 {b['id']}"))
    if not diff and canonical_json(rows) != canonical_json(signed):
        diff.append(DiffItem("全部", "内容", "已签名内容", "与单元格不一致"))
    return diff


def _row_diff(sid: str, old: dict[str, Any], new: dict[str, Any]) -> list[DiffItem]:
    out = []
    for key, label in FIELD_NAMES.items():
        if key == "id":
            continue
        a, b = old.get(key), new.get(key)
        if a != b:
            out.append(DiffItem(sid, label, _cell(a), _cell(b)))
    old_scores, new_scores = old.get("scores", {}), new["scores"]
    for crit in list(old_scores) + [c for c in new_scores if c not in old_scores]:
        if old_scores.get(crit) != new_scores.get(crit):
            out.append(DiffItem(sid, f"评分项 {crit}", _cell(old_scores.get(crit)),
                                _cell(new_scores.get(crit))))
    return out


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return YES if value else NO
    return str(value)
