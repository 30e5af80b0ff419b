"""Hostile score sheets through `import_sheets` (what `sheets import` and the import
page run): each gets its expected outcome — never VALID for anything added or edited
outside the signed cells — within 5 s and 300 MB, with the cell or part named."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from app.sheets.export import export_sheet
from app.sheets.importer import import_sheets
from tests.hostile.builders import measured, rewrite_zip, stream_member, varied, within_budget


def edit(src: Path, dst: Path, change: Callable[[openpyxl.Workbook], object]) -> Path:
    wb = openpyxl.load_workbook(src)
    change(wb)
    wb.save(dst)
    return dst


SST_REL = (b'<Relationship Id="rIdHostile" Type="http://schemas.openxmlformats.org/'
           b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
           b'</Relationships>')


def _with_strings_table(name: str, data: bytes) -> bytes:
    """The workbook's relationships, naming a shared-strings part (so readers load it)."""
    if name == "xl/_rels/workbook.xml.rels" and b"sharedStrings" not in data:
        return data.replace(b"</Relationships>", SST_REL)
    return data


def huge_strings(src: Path, dst: Path) -> Path:
    """The issue's file: ~170 MB of shared strings (a 9 MB download)."""
    sst = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "xl/sharedStrings.xml":
                zout.writestr(info.filename, _with_strings_table(info.filename, zin.read(info)))
        stream_member(zout, "xl/sharedStrings.xml", sst,
                      varied(b"<si><t>%d</t></si>", 5000, top=4), 1900, b"</sst>")
    return dst


def many_strings(src: Path, dst: Path, count: int = 400_000) -> Path:
    sst = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():  # the export writes inline strings: no table to keep
            if info.filename != "xl/sharedStrings.xml":
                zout.writestr(info.filename, _with_strings_table(info.filename, zin.read(info)))
        stream_member(zout, "xl/sharedStrings.xml", sst,
                      varied(b"<si><t>%d</t></si>", 4000, top=10**6), count // 4000, b"</sst>")
    return dst


def endless_rows(src: Path, dst: Path, rows: int = 400_000) -> Path:
    """400 000 rows below the signed ones and a cell in column XFD."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename != "xl/worksheets/sheet1.xml":
                zout.writestr(info.filename, data)
                continue
            head, _, tail = data.partition(b"</sheetData>")
            stream_member(zout, info.filename, head, b"<row><c><v>1</v></c></row>" * 1000,
                          rows // 1000, b'<row><c r="XFD1"><v>1</v></c></row></sheetData>' + tail)
    return dst


def dtd(src: Path, dst: Path) -> Path:
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'

    def change(name: str, data: bytes) -> bytes:
        if name != "xl/worksheets/sheet2.xml":
            return data
        if data.startswith(b"<?xml"):
            return data.replace(b"?>", b"?>" + bomb, 1)
        return bomb + data
    return rewrite_zip(src, dst, change)


def raw(content: bytes) -> Callable[[Path, Path], Path]:
    def make(_src: Path, dst: Path) -> Path:
        dst.write_bytes(content)
        return dst
    return make


def cell(sheet: str, ref: str, value: object) -> Callable[[openpyxl.Workbook], None]:
    def change(wb: openpyxl.Workbook) -> None:
        wb[sheet][ref] = value
    return change


def _fingerprint_edit(wb: openpyxl.Workbook) -> None:
    ws = wb["说明"]
    for row in ws.iter_rows():
        if row[0].value == "密钥指纹":
            row[1].value = "0000 " + str(row[1].value)[5:]


def _payload_chunk_dropped(wb: openpyxl.Workbook) -> None:
    ws = wb["签名"]
    for row in ws.iter_rows():
        if row[0].value == "payload":
            row[0].value = None
            row[1].value = None
            return


# (case, make the file from a valid sheet, expected outcome, words the explanation or diff holds)
CASES = [
    ("170 MB of shared strings", huge_strings, "MALFORMED", "解压后过大"),
    ("400 000 shared strings", many_strings, "MALFORMED", "共享文本条目过多"),
    ("400 000 rows and a cell in XFD", endless_rows, "MALFORMED", "多于签名内容"),
    ("text in column O", lambda s, d: edit(s, d, cell("评分表", "O8", "另加的说明")),
     "TAMPERED", "O8"),
    ("text far right in XFD", lambda s, d: edit(s, d, cell("评分表", "XFD9", "x")),
     "TAMPERED", "XFD9"),
    ("title block row 2 edited", lambda s, d: edit(s, d, cell("评分表", "A2", "评审专家：别人")),
     "TAMPERED", "A2"),
    ("text added in row 1", lambda s, d: edit(s, d, cell("评分表", "C1", "已由组织方复核")),
     "TAMPERED", "C1"),
    ("partial mark added in row 5", lambda s, d: edit(s, d, cell("评分表", "A5", "部分评分")),
     "TAMPERED", "A5"),
    ("header renamed", lambda s, d: edit(s, d, cell("评分表", "D6", "别的评分项")), "TAMPERED",
     "D6"),
    ("说明 fingerprint edited", lambda s, d: edit(s, d, _fingerprint_edit), "TAMPERED", "说明"),
    ("说明 text added", lambda s, d: edit(s, d, cell("说明", "D30", "补充")), "TAMPERED", "D30"),
    ("说明 line removed", lambda s, d: edit(s, d, cell("说明", "B3", None)), "TAMPERED", "B3"),
    ("extra sheet", lambda s, d: edit(s, d, lambda wb: wb.create_sheet("备注").append(["x"])),
     "TAMPERED", "备注"),
    ("签名 sheet extra cell", lambda s, d: edit(s, d, cell("签名", "C2", "x")), "TAMPERED", "C2"),
    ("签名 payload chunk dropped", lambda s, d: edit(s, d, _payload_chunk_dropped),
     "TAMPERED|UNSIGNED|MALFORMED", ""),
    ("签名 sheet removed", lambda s, d: edit(s, d, lambda wb: wb.remove(wb["签名"])),
     "UNSIGNED", "签名"),
    ("score edited", lambda s, d: edit(s, d, cell("评分表", "D7", 30)), "TAMPERED", "S001"),
    ("entity declarations", dtd, "MALFORMED", "实体"),
    ("not a zip", raw(b"PK\x03\x04 not really"), "MALFORMED", "zip"),
    ("empty file", raw(b""), "MALFORMED", ""),
]


@pytest.mark.parametrize("case, make, outcome, words", CASES, ids=[c[0] for c in CASES])
def test_hostile_sheet_gets_its_outcome(sheet, packet, db, tmp_path, case, make, outcome,
                                        words) -> None:
    bad = make(sheet, tmp_path / "bad.xlsx")
    heavy = bad.stat().st_size > 2_000_000
    result, seconds, peak = measured(
        lambda: import_sheets([bad], packet, db, accept_keys=["E1"])[0], memory=heavy)
    within_budget(seconds, peak)
    assert not isinstance(result, Exception), result
    assert re.fullmatch(outcome, result.outcome), (case, result.outcome, result.explanation)
    said = result.explanation + " ".join(f"{d.submission} {d.field}" for d in result.diff)
    assert words in said, (case, said)
    assert result.explanation.startswith(bad.name)


def test_an_unmodified_sheet_is_valid(sheet, packet, db) -> None:
    [result] = import_sheets([sheet], packet, db, accept_keys=["E1"])
    assert result.outcome == "VALID", result.explanation


def test_long_repetitive_comments_are_no_zip_bomb(session, key, packet, db, tmp_path) -> None:
    """The app's own export with 14 long comments of one repeated character imports
    (30 000 characters each: a cell holds at most 32 767, see the next test)."""
    from tests.app.sheets.conftest import fill

    fill(session)
    for i, sid in enumerate(session.assigned[:14]):
        if sid != "S003":  # recused in fill()
            session.set_comment(sid, "好" * 30_000 if i % 2 else "a" * 30_000)
    path = export_sheet(session, key, tmp_path / "long.xlsx").path
    with zipfile.ZipFile(path) as zf:
        ratio = max(i.file_size / max(i.compress_size, 1) for i in zf.infolist())
    assert ratio > 200  # what the old ratio rule refused
    [result] = import_sheets([path], packet, db, accept_keys=["E1"])
    assert result.outcome == "VALID", result.explanation


def test_a_comment_longer_than_a_cell_is_refused_when_saved(session) -> None:
    from app.errors import PanelDeskError

    with pytest.raises(PanelDeskError, match="评语过长（40000 字）"):
        session.set_comment(session.assigned[0], "好" * 40_000)
