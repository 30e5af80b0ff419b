"""Signed is not sensible: every value of a sheet is checked against the packet's rubric.

A sheet signed by an accepted key with impossible values (1000 points, "abc", a total that
does not add up, an unknown flag) imports as INVALID with every offending cell named, never
counts and never blocks results from the other sheets; a workspace changed outside
PanelDesk cannot export such a sheet; a version `true` is not a version.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.errors import PanelDeskError
from app.packet import open_packet
from app.results.engine import ResultsEngine
from app.results.panel import panel_from
from app.sheets import export as export_module
from app.sheets.export import export_sheet
from app.sheets.importer import import_sheet
from app.workspace import ReviewSession
from tests.app.sheets.conftest import fill

ALL = {"E1"}


def forged(session, key, path: Path, monkeypatch, change) -> Path:
    """A sheet as another program (or a tampered PanelDesk) would sign it: `change` edits
    the rows before they are signed, with the export's own check switched off."""
    real_rows = export_module.session_rows

    def rows(s):
        out = real_rows(s)
        change(out)
        return out

    with monkeypatch.context() as m:
        m.setattr(export_module, "session_rows", rows)
        m.setattr(export_module, "_refuse_impossible_values", lambda *_a: None)
        return export_sheet(session, key, path).path


def row(rows, sid):
    return next(r for r in rows if r["id"] == sid)


@pytest.mark.parametrize(("change", "cell", "words"), [
    (lambda rows: row(rows, "S001")["scores"].update(warmth="1000"), "S001 · 评分项 温度",
     "0 到 30"),
    (lambda rows: row(rows, "S001")["scores"].update(warmth="-50"), "S001 · 评分项 温度",
     "0 到 30"),
    (lambda rows: row(rows, "S001")["scores"].update(warmth="1E+5"), "S001 · 评分项 温度",
     "0 到 30"),  # written to the cell as the number 100000
    (lambda rows: row(rows, "S001")["scores"].update(warmth="abc"), "S001 · 评分项 温度",
     "不是有效的数字"),
    (lambda rows: row(rows, "S001")["scores"].update(warmth="NaN"), "S001 · 评分项 温度",
     "不是有效的数字"),
    (lambda rows: row(rows, "S001")["scores"].update(warmth="27.3"), "S001 · 评分项 温度",
     "整数倍"),
    (lambda rows: row(rows, "S001").update(total="99"), "S001 · 总分", "算得"),
    (lambda rows: row(rows, "S002").update(flags="疑似不实；已核实"), "S002 · 标记", "未知的标记"),
])
def test_impossible_values_are_invalid_named_and_never_count(
        session, key, packet, db, tmp_path, monkeypatch, change, cell, words) -> None:
    fill(session)
    path = forged(session, key, tmp_path / "forged.xlsx", monkeypatch, change)
    result = import_sheet(path, packet, db, ALL)
    assert result.outcome == "INVALID", result.explanation
    assert cell in result.explanation and words in result.explanation
    assert any(f"{p.submission} · {p.field}" == cell for p in result.problems)
    assert result.to_dict()["problems"] and result.to_dict()["label"] == "数值无效"
    assert db.current("TEST-2026", "E1") is None  # nothing of it counts
    assert db.rejected("TEST-2026")[0]["outcome"] == "INVALID"


def test_one_invalid_sheet_never_blocks_results_from_the_others(
        session, key, packet, db, tmp_path, home, monkeypatch) -> None:
    fill(session)
    bad = forged(session, key, tmp_path / "E1.xlsx", monkeypatch,
                 lambda rows: row(rows, "S001")["scores"].update(warmth="1000"))
    with ReviewSession(packet, "E2", home=home) as other:
        fill(other)
        good = export_sheet(other, key, tmp_path / "E2.xlsx").path
    assert import_sheet(bad, packet, db, {"E1", "E2"}).outcome == "INVALID"
    assert import_sheet(good, packet, db, {"E1", "E2"}).outcome == "VALID"
    panel = panel_from(packet, db)
    assert {m.expert for m in panel.marks} == {"E2"}
    results = ResultsEngine(panel).results("mean")
    top = max(r.score for rows in results.rankings.values() for r in rows)
    assert top <= panel.rubric.max_total()


def test_a_workspace_changed_outside_paneldesk_cannot_export(session, key, tmp_path) -> None:
    fill(session)
    with sqlite3.connect(session.workspace.path) as raw:
        raw.execute("UPDATE scores SET value = '1000' WHERE submission_id = 'S001' "
                    "AND criterion_id = 'warmth'")
    session.workspace.close()
    home = session.workspace.path.parents[2]
    with open_packet(session.packet.path) as packet, \
            ReviewSession(packet, "E1", home=home) as reopened, \
            pytest.raises(PanelDeskError, match="S001 · 评分项 温度.*0 到 30"):
        export_sheet(reopened, key, tmp_path / "never.xlsx", allow_partial=True)
    assert not (tmp_path / "never.xlsx").exists()


def test_a_version_that_is_not_a_whole_number_is_malformed(
        session, key, packet, db, tmp_path, monkeypatch) -> None:
    fill(session)
    real = export_module.reserve_version
    monkeypatch.setattr(export_module, "reserve_version", lambda s: real(s) and True)
    path = export_sheet(session, key, tmp_path / "true.xlsx").path
    result = import_sheet(path, packet, db, ALL)
    assert result.outcome == "MALFORMED" and "版本号无效" in result.explanation


def test_stored_values_the_rubric_forbids_are_left_out_of_results(
        sheet, packet, db, tmp_path) -> None:
    """An organizer database written by an older PanelDesk may hold them: the row does not
    count, the others still do, and the results say how many were left out."""
    assert import_sheet(sheet, packet, db, ALL).outcome == "VALID"
    with sqlite3.connect(tmp_path / "org.db") as raw:
        raw.execute("UPDATE marks SET value = 'abc' WHERE submission_id = 'S001' "
                    "AND criterion_id = 'warmth'")
    panel = panel_from(packet, db)
    assert list(panel.invalid) == [("E1", "S001")]
    assert "S001" not in {m.submission for m in panel.marks} and panel.marks


@pytest.mark.parametrize(("change", "words"), [
    (lambda p: p.update(version="7"), "字段 version 类型不对"),
    (lambda p: p.update(format_version=True), "更新版本"),
])
def test_a_signed_field_of_the_wrong_type_is_named_as_such(
        session, key, packet, db, tmp_path, monkeypatch, change, words) -> None:
    fill(session)
    real = export_module.build_payload

    def payload(*args, **kwargs):
        out = real(*args, **kwargs)
        change(out)
        return out

    monkeypatch.setattr(export_module, "build_payload", payload)
    path = export_sheet(session, key, tmp_path / "typed.xlsx").path
    result = import_sheet(path, packet, db, ALL)
    assert result.outcome == "MALFORMED" and words in result.explanation, result.explanation
