"""Expert export: the pre-export check, partial sheets, the printable workbook, round trip."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from app.errors import PanelDeskError
from app.keys import fingerprint, format_fingerprint, public_key_bytes
from app.sheets.export import FIRST_ROW, HEADER_ROW, check_before_export, export_sheet
from app.sheets.importer import VALID, import_sheets
from scoring.totals import format_score


def fill(session, complete: bool = True) -> None:
    import sys

    sys.modules["paneldesk_sheet_fill"].fill(session, complete=complete)


def test_check_lists_what_is_missing(session) -> None:
    problems = check_before_export(session)
    assert "S001 尚未评分" in problems and len(problems) == len(session.assigned)
    fill(session, complete=False)
    problems = check_before_export(session)
    assert problems == ["S004 缺少评分项：温度"]
    session.set_scores("S004", {"温度": "30"})
    session.set_scores("S005", {"温度": "30", "效能": "30", "真实性": "10", "典型性": "10",
                                "故事性": "10", "合规性": "10"})
    session.set_flag("S001", "suspect_untrue")
    problems = check_before_export(session)
    assert "S005 总分高于90分，须填写评语" in problems
    assert "S001 标记了“疑似不实”但评语中未作说明" in problems


def test_incomplete_export_is_refused_unless_partial_and_then_marked(session, key,
                                                                     tmp_path: Path) -> None:
    fill(session, complete=False)
    with pytest.raises(PanelDeskError, match="部分评分"):
        export_sheet(session, key, tmp_path / "a.xlsx")
    assert not (tmp_path / "a.xlsx").exists()
    result = export_sheet(session, key, tmp_path / "a.xlsx", allow_partial=True)
    assert result.partial and result.missing == ["S004 缺少评分项：温度"]
    ws = openpyxl.load_workbook(result.path)["评分表"]
    assert ws["A5"].value == "部分评分（未完成）"
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".paneldesk-")] == []


def test_workbook_is_a_printable_chinese_score_sheet(session, key, tmp_path: Path) -> None:
    fill(session)
    result = export_sheet(session, key, tmp_path / "E1.xlsx")
    wb = openpyxl.load_workbook(result.path)
    assert wb.sheetnames == ["评分表", "说明", "签名"]
    assert wb["签名"].sheet_state == "hidden"
    ws = wb["评分表"]
    assert "专家E1（某研究院）" in ws["A2"].value and "TEST-2026" in ws["A3"].value
    assert "第 1 版" in ws["A4"].value
    header = [c.value for c in ws[HEADER_ROW]]
    assert header[:4] == ["编号", "类别", "标题", "温度（满分30）"]
    assert header[-5:] == ["总分", "标记", "评语", "回避", "回避理由"]
    assert ws.freeze_panes == f"D{FIRST_ROW}"
    assert ws.cell(FIRST_ROW, 4).number_format == "0.0"
    assert ws.cell(FIRST_ROW, 12).alignment.wrap_text
    assert ws.column_dimensions["C"].width == 30
    assert [ws.cell(r, 1).value for r in range(FIRST_ROW, FIRST_ROW + 6)] == [
        "S001", "S002", "S003", "S004", "S005", "S006"]
    s3 = [c.value for c in ws[FIRST_ROW + 2]]
    assert s3[-2:] == ["是", "本人曾在该单位任职"] and s3[3] is None
    notes = "\n".join(str(c.value) for row in wb["说明"].iter_rows() for c in row if c.value)
    assert "专家签字" in notes and "温度" in notes
    assert format_fingerprint(fingerprint(public_key_bytes(key))) in notes
    props = {p.name for p in wb.custom_doc_props}
    assert {"paneldesk.payload", "paneldesk.signature", "paneldesk.public_key"} <= props


def test_round_trip_every_value_equals_the_workspace(session, key, packet, db,
                                                     tmp_path: Path) -> None:
    fill(session)
    result = export_sheet(session, key, tmp_path / "E1.xlsx")
    [outcome] = import_sheets([result.path], packet, db, accept_keys=["E1"])
    assert outcome.outcome == VALID, outcome.explanation
    summary = session.summary()["submissions"]
    marks, notes = db.marks("TEST-2026"), db.notes("TEST-2026")
    for sid, item in summary.items():
        expected = {c: format_score(Decimal(v)) for c, v in item["scores"].items()}
        assert marks.get(("E1", sid), {}) == expected
        note = notes[("E1", sid)]
        assert note["total"] == (None if item["total"] is None
                                 else format_score(Decimal(item["total"])))
        assert note["comment"] == ((item["comment"] or "").replace("\r\n", "\n") or None)
        assert note["recused"] == (item["recusal"] is not None)
        assert note["recusal_reason"] == item["recusal"]
    assert notes[("E1", "S002")]["flags"] == "类别不符→治理成效"


def test_exporting_again_gives_a_higher_version(session, key, tmp_path: Path) -> None:
    fill(session)
    first = export_sheet(session, key, tmp_path / "a.xlsx")
    session.set_comment("S001", "补充评语")
    second = export_sheet(session, key, tmp_path / "b.xlsx")
    assert (first.version, second.version) == (1, 2)
    assert first.payload_hash != second.payload_hash


def test_formula_like_text_stays_text(session, key, tmp_path: Path) -> None:
    fill(session)
    session.set_comment("S001", "=HYPERLINK(\"http://x\")")
    path = export_sheet(session, key, tmp_path / "a.xlsx").path
    ws = openpyxl.load_workbook(path)["评分表"]
    cell = ws.cell(FIRST_ROW, 12)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
