"""More hostile score sheets, found by checking issue 14 from outside: what a program
opening the workbook would show or compute differently from what the import checks is
TAMPERED (the cases of test_sheets.py are not repeated)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from app.sheets.importer import expand_paths, import_sheets
from tests.hostile.builders import measured, rewrite_zip, within_budget

REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKSHEET_TYPE = f"{REL_NS}/worksheet"


def second_sheet_named(name: str, *, first: bool, copy_of: str, edit: Callable | None = None):
    """Another sheet under `name` (a copy of part `copy_of`, perhaps edited) — before or
    after the exported one in the workbook."""
    def make(src: Path, dst: Path) -> Path:
        entry = (f'<sheet xmlns:r="{REL_NS}" name="{name}" sheetId="99" state="visible" '
                 f'r:id="rIdCopy"/>').encode()
        relation = (f'<Relationship Id="rIdCopy" Type="{WORKSHEET_TYPE}" '
                    f'Target="/xl/worksheets/copy.xml"/></Relationships>').encode()
        copied: dict[str, bytes] = {}

        def change(member: str, data: bytes) -> bytes:
            if member == copy_of:
                copied["part"] = (edit or (lambda b: b))(data)
            if member == "xl/workbook.xml":
                return data.replace(b"<sheets>", b"<sheets>" + entry) if first else \
                    data.replace(b"</sheets>", entry + b"</sheets>")
            if member == "xl/_rels/workbook.xml.rels":
                return data.replace(b"</Relationships>", relation)
            return data
        rewrite_zip(src, dst, change)
        return rewrite_zip(dst, dst.with_suffix(".2.xlsx"), lambda _n, d: d,
                           add={"xl/worksheets/copy.xml": copied["part"]})
    return make


def formula_in(part: str, pattern: bytes, formula: bytes):
    """The first cell of `part` whose value matches `pattern` gets `formula` before its
    cached value (which stays what was signed or printed)."""
    def make(src: Path, dst: Path) -> Path:
        def change(member: str, data: bytes) -> bytes:
            if member != part:
                return data
            changed = re.sub(pattern, lambda m: m.group(1) + b"<f>" + formula + b"</f>"
                             + m.group(2), data, count=1)
            assert changed != data, "no cell to put the formula in"
            return changed
        return rewrite_zip(src, dst, change)
    return make


def _lower_scores(data: bytes) -> bytes:
    return re.sub(rb"<v>(\d+(?:\.\d+)?)</v>", rb"<v>1</v>", data)


CASES = [
    ("a second 评分表 before the exported one, with other scores (was VALID)",
     second_sheet_named("评分表", first=True, copy_of="xl/worksheets/sheet1.xml",
                        edit=_lower_scores), "评分表 A1"),
    ("a second 签名 sheet after the exported one (was VALID)",
     second_sheet_named("签名", first=False, copy_of="xl/worksheets/sheet3.xml"), "签名 A1"),
    ("a second 说明 sheet (was VALID)",
     second_sheet_named("说明", first=True, copy_of="xl/worksheets/sheet2.xml"), "说明 A1"),
    ("a formula behind a signed score, cached value unchanged (was VALID)",
     formula_in("xl/worksheets/sheet1.xml", rb'(<c r="D7"[^>]*>)(<v>)', b"1+1"), "评分表 D7"),
    ("a WEBSERVICE formula behind a printed 说明 cell (was VALID)",
     formula_in("xl/worksheets/sheet2.xml", rb'(<c r="B\d+"[^>]*t="inlineStr">)(<is>)',
                b'WEBSERVICE("http://example.invalid/")'), "说明 B"),
    ("a formula on the 签名 sheet (was VALID)",
     formula_in("xl/worksheets/sheet3.xml", rb'(<c r="B\d+"[^>]*>)(<(?:v|is)>)', b'"x"'), "签名 B"),
]


@pytest.mark.parametrize("case, make, words", CASES, ids=[c[0] for c in CASES])
def test_more_hostile_sheets_are_tampered(sheet, packet, db, tmp_path, case, make,
                                          words) -> None:
    bad = make(sheet, tmp_path / "bad.xlsx")
    result, seconds, peak = measured(
        lambda: import_sheets([bad], packet, db, accept_keys=["E1"])[0])
    within_budget(seconds, peak)
    assert not isinstance(result, Exception), result
    assert result.outcome == "TAMPERED", (case, result.outcome, result.explanation)
    said = " ".join(f"{d.submission} {d.field}" for d in result.diff)
    assert words in said, (case, said)


def with_part(name: str, data: bytes):
    def make(src: Path, dst: Path) -> Path:
        return rewrite_zip(src, dst, lambda _n, d: d, add={name: data})
    return make


ACTIVE = [
    ("a link to another workbook (Excel offers to update it; was VALID)",
     with_part("xl/externalLinks/externalLink1.xml", b'<externalLink xmlns="http://schemas.'
               b'openxmlformats.org/spreadsheetml/2006/main"/>'), "xl/externalLinks/"),
    ("a macro project (was VALID)", with_part("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + bytes(600)),
     "xl/vbaProject.bin"),
    ("a hyperlink on a cell (values unchanged; was VALID)",
     with_part("xl/worksheets/_rels/sheet1.xml.rels",
               b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
               b'relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats'
               b'.org/officeDocument/2006/relationships/hyperlink" Target="http://example.'
               b'invalid/" TargetMode="External"/></Relationships>'),
     "xl/worksheets/_rels/sheet1.xml.rels"),
]


@pytest.mark.parametrize("case, make, words", ACTIVE, ids=[c[0] for c in ACTIVE])
def test_parts_that_reach_out_are_tampered(sheet, packet, db, tmp_path, case, make,
                                           words) -> None:
    [result] = import_sheets([make(sheet, tmp_path / "bad.xlsx")], packet, db,
                             accept_keys=["E1"])
    assert result.outcome == "TAMPERED", (case, result.explanation)
    assert any(d.submission.startswith(words) for d in result.diff), result.diff


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("make", [os.mkfifo, lambda p: p.symlink_to("/dev/zero"),
                                  lambda p: p.symlink_to("/dev/urandom")],
                         ids=["FIFO named .xlsx (hung)", "link to /dev/zero (read until out of memory)",
                              "link to /dev/urandom"])
def test_a_sheet_that_is_no_regular_file_is_malformed_at_once(packet, db, tmp_path,
                                                             make) -> None:
    folder = tmp_path / "sheets"
    folder.mkdir()
    make(folder / "E1.xlsx")
    result, seconds, peak = measured(lambda: import_sheets(expand_paths([folder]), packet, db)[0],
                                     memory=True)
    within_budget(seconds, peak)
    assert result.outcome == "MALFORMED" and "不是普通文件" in result.explanation
