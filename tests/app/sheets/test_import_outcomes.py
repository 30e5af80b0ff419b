"""Every import outcome, each produced by a real file (docs/formats.md §6)."""

from __future__ import annotations

import io
import sys
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.packet import open_packet
from app.sheets import verify
from app.sheets.export import FIRST_ROW, export_sheet
from app.sheets.importer import expert_overview, import_sheets
from app.sheets.orgdb import OrgDB
from app.workspace import ReviewSession


def fill(session) -> None:
    sys.modules["paneldesk_sheet_fill"].fill(session)


def one(path: Path, packet, db, accept=("E1",)):
    [result] = import_sheets([path], packet, db, accept_keys=accept)
    assert result.explanation.startswith(path.name)
    return result


def edit(src: Path, dst: Path, change) -> Path:
    wb = openpyxl.load_workbook(src)
    change(wb)
    wb.save(dst)
    return dst


def test_valid_sheet_is_accepted_and_pins_the_accepted_key(sheet, packet, db) -> None:
    first = one(sheet, packet, db, accept=())
    assert first.outcome == "UNKNOWN_KEY" and "核对指纹" in first.explanation
    assert db.marks("TEST-2026") == {}
    result = one(sheet, packet, db)
    assert (result.outcome, result.expert, result.version) == ("VALID", "E1", 1)
    assert db.pinned("TEST-2026", "E1") == result.fingerprint
    [e1, e2] = expert_overview(packet, db)
    assert (e1["version"], e1["scored"], e1["recused"], e1["missing"]) == (1, 5, 1, 0)
    assert e1["rejected"][0]["outcome"] == "UNKNOWN_KEY" and e2["version"] is None


@pytest.mark.parametrize("change, sub, field, signed, found", [
    (lambda ws: ws.cell(FIRST_ROW, 4, 21), "S001", "温度", "20.0", "21.0"),
    (lambda ws: ws.cell(FIRST_ROW, 4, 3.3333333333333335), "S001", "温度", "20.0", None),
    (lambda ws: ws.cell(FIRST_ROW + 1, 12, "改过的评语"), "S002", "评语", None, "改过的评语"),
    (lambda ws: setattr(ws.cell(FIRST_ROW + 2, 13), "value", None), "S003", "回避", "是",
     "否"),
])
def test_edited_cells_are_tampered_and_named(sheet, packet, db, tmp_path, change, sub,
                                             field, signed, found) -> None:
    bad = edit(sheet, tmp_path / "bad.xlsx", lambda wb: change(wb["评分表"]))
    result = one(bad, packet, db)
    assert result.outcome == "TAMPERED"
    [d] = result.diff
    assert (d.submission, d.field) == (sub, field)
    if field == "评语":
        assert d.signed.startswith("案例细节真实") and d.found == found
    else:
        assert d.signed == signed
        assert d.found == found if found else d.found.startswith("3.333333333333333")
    assert result.to_dict()["diff"][0]["submission"] == sub
    assert db.marks("TEST-2026") == {}


def test_added_deleted_and_reordered_rows_are_tampered(sheet, packet, db, tmp_path) -> None:
    def add(wb):
        wb["评分表"].append(["S007", "感动瞬间", "新增", 30, 30, 10, 10, 10, 10, 100])

    def delete(wb):
        wb["评分表"].delete_rows(FIRST_ROW + 3)

    def swap(wb):
        ws = wb["评分表"]
        a = [c.value for c in ws[FIRST_ROW]]
        b = [c.value for c in ws[FIRST_ROW + 1]]
        for col, (x, y) in enumerate(zip(a, b), 1):
            ws.cell(FIRST_ROW, col).value = y
            ws.cell(FIRST_ROW + 1, col).value = x

    added = one(edit(sheet, tmp_path / "add.xlsx", add), packet, db)
    assert added.outcome == "TAMPERED"
    assert [(d.submission, d.found) for d in added.diff] == [("S007", "新增的行")]
    deleted = one(edit(sheet, tmp_path / "del.xlsx", delete), packet, db)
    assert [(d.submission, d.signed, d.found) for d in deleted.diff] == [
        ("S004", "已签名的行", None)]
    swapped = one(edit(sheet, tmp_path / "swap.xlsx", swap), packet, db)
    assert swapped.outcome == "TAMPERED"
    assert {d.field for d in swapped.diff} == {"行顺序"}


def test_deleted_signature_sheet_is_unsigned(sheet, packet, db, tmp_path) -> None:
    bad = edit(sheet, tmp_path / "nosig.xlsx", lambda wb: wb.remove(wb["签名"]))
    result = one(bad, packet, db)
    assert result.outcome == "UNSIGNED" and "签名工作表已被删除" in result.explanation
    assert db.rejected("TEST-2026")[0]["outcome"] == "UNSIGNED"


def test_other_key(session, packet, db, tmp_path) -> None:
    """Signed by someone else's key: UNKNOWN_KEY until pinned, then KEY_MISMATCH; a key
    swapped in without re-signing breaks the signature (TAMPERED)."""
    fill(session)
    own = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    other = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
    forged = export_sheet(session, other, tmp_path / "forged.xlsx").path
    assert one(forged, packet, db, accept=()).outcome == "UNKNOWN_KEY"
    good = export_sheet(session, own, tmp_path / "good.xlsx").path
    assert one(good, packet, db).outcome == "VALID"
    result = one(forged, packet, db)
    assert result.outcome == "KEY_MISMATCH" and "冒签" in result.explanation

    def swap_key(wb):
        ws = wb["签名"]
        for row in ws.iter_rows():
            if row[0].value == "public_key":
                row[1].value = openpyxl.load_workbook(forged)["签名"]["B2"].value
    swapped = one(edit(good, tmp_path / "swapkey.xlsx", swap_key), packet, db)
    assert swapped.outcome == "TAMPERED" and "签名" in swapped.explanation



def test_sheet_of_another_packet_is_wrong_packet(tmp_path, home, key, packet, db) -> None:
    helpers = sys.modules["paneldesk_crash_child"]
    other_path = helpers.build_packet(tmp_path / "other.panelpack", packet_id="OTHER-2026")
    with open_packet(other_path) as other, ReviewSession(other, "E1", home=home) as s:
        fill(s)
        path = export_sheet(s, key, tmp_path / "other.xlsx").path
    result = one(path, packet, db)
    assert result.outcome == "WRONG_PACKET" and "OTHER-2026" in result.explanation


def test_versions_duplicate_superseded_conflict_and_order_independence(
        session, key, packet, tmp_path, home) -> None:
    fill(session)
    v1 = export_sheet(session, key, tmp_path / "v1.xlsx").path
    session.set_comment("S001", "第二版补充")
    v2 = export_sheet(session, key, tmp_path / "v2.xlsx").path
    states = []
    for name, order in (("a", [v1, v2, v1, v2]), ("b", [v2, v1, v2, v1])):
        with OrgDB(f"sqlite:///{tmp_path / name}.db") as db:
            outcomes = [r.outcome for r in import_sheets(order, packet, db, accept_keys=["E1"])]
            states.append(db.state("TEST-2026"))
            if name == "a":
                assert outcomes == ["VALID", "VALID", "DUPLICATE", "DUPLICATE"]
            else:
                assert outcomes == ["VALID", "SUPERSEDED", "DUPLICATE", "DUPLICATE"]
    assert states[0] == states[1]
    assert states[0]["notes"][("E1", "S001")]["comment"] == "第二版补充"
    # Same version number, different content: a second workspace (another laptop).
    with ReviewSession(packet, "E1", home=tmp_path / "home2") as other:
        fill(other)
        other.set_comment("S001", "另一台电脑上的评语")
        export_sheet(other, key, tmp_path / "x1.xlsx")
        clash = export_sheet(other, key, tmp_path / "x2.xlsx").path
    with OrgDB(f"sqlite:///{tmp_path / 'a'}.db") as db:
        result = one(clash, packet, db)
        assert result.outcome == "CONFLICT" and result.version == 2
        assert db.state("TEST-2026") == states[0]


def _docx(path: Path) -> Path:
    import docx

    docx.Document().save(path)
    return path


# The classic "billion laughs": ten nested entities, each ten of the one before.
DTD = (b'<!DOCTYPE worksheet [<!ENTITY lol0 "lol">'
       + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1)) * 10)
                  for i in range(1, 10))
       + b"]>")


def _bomb(sheet: Path, dst: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(sheet) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = data.replace(b"<t>S001</t>", b"<t>&lol9;</t>", 1)
                if body.startswith(b"<?xml"):
                    head, sep, rest = body.partition(b"?>")
                    data = head + sep + DTD + rest
                else:
                    data = DTD + body
            out.writestr(info.filename, data)
    dst.write_bytes(buf.getvalue())
    return dst


@pytest.mark.parametrize("make, words", [
    (lambda s, d: _docx(d), "Word"),
    (lambda s, d: d.write_bytes(s.read_bytes()[: len(s.read_bytes()) // 2]) and d, "zip"),
    (lambda s, d: d.write_bytes(b"") or d, "zip"),
    (lambda s, d: _bomb(s, d), "实体"),
])
def test_hostile_files_are_malformed_fast(sheet, packet, db, tmp_path, make, words) -> None:
    bad = make(sheet, tmp_path / "bad.xlsx")
    start = time.perf_counter()
    result = one(bad, packet, db)
    assert time.perf_counter() - start < 2
    assert result.outcome == "MALFORMED" and words in result.explanation
    assert "Traceback" not in result.explanation


def test_billion_laughs_is_also_refused_by_openpyxl_itself(sheet, tmp_path) -> None:
    # Defence in depth: even without our DTD scan, openpyxl parses via defusedxml.
    bad = _bomb(sheet, tmp_path / "bomb.xlsx")
    from defusedxml import EntitiesForbidden

    with pytest.raises(Exception) as caught:
        openpyxl.load_workbook(bad)
    assert isinstance(caught.value.__context__ or caught.value.__cause__, EntitiesForbidden)


def test_oversize_and_missing_score_sheet_are_malformed(sheet, packet, db, tmp_path,
                                                        monkeypatch) -> None:
    no_sheet = edit(sheet, tmp_path / "nosheet.xlsx", lambda wb: wb.remove(wb["评分表"]))
    assert one(no_sheet, packet, db).outcome == "MALFORMED"
    monkeypatch.setattr(verify, "MAX_FILE_BYTES", 1000)
    result = one(sheet, packet, db)
    assert result.outcome == "MALFORMED" and "过大" in result.explanation


def test_one_bad_file_does_not_stop_the_others(sheet, packet, db, tmp_path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    missing = tmp_path / "missing.xlsx"
    results = import_sheets([junk, missing, sheet], packet, db, accept_keys=["E1"])
    assert [r.outcome for r in results] == ["MALFORMED", "MALFORMED", "VALID"]
