"""A workspace changed outside PanelDesk cannot produce a signed sheet (issue 12).

Found by the held-out CLI scenarios: values written straight into the workspace's SQLite
file — NaN, bytes, Python-only spellings of a number ("2_7", "٢٧"), a criterion
the rubric does not have, an export counter that is not a version — made the export crash
with an internal error, or sign a sheet from what it silently repaired or dropped.  The
export refuses them, naming every offending cell (submission and criterion) in one go.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.errors import PanelDeskError
from app.packet import open_packet
from app.sheets.export import export_sheet
from app.sheets.payload import SHEET_EXPORTS
from app.workspace import ReviewSession
from tests.app.sheets.conftest import fill


def tampered(session, *statements: tuple[str, tuple]) -> Path:
    """Run `statements` on the closed workspace's file; returns the data folder."""
    fill(session)
    path = session.workspace.path
    session.workspace.close()
    with sqlite3.connect(path) as raw:
        for sql, args in statements:
            raw.execute(sql, args)
    return path.parents[2]


def set_warmth(value: object) -> tuple[str, tuple]:
    return ("UPDATE scores SET value = ? WHERE submission_id = 'S001' "
            "AND criterion_id = 'warmth'", (value,))


def refused(session, key, tmp_path: Path, home: Path) -> str:
    out = tmp_path / "never.xlsx"
    with open_packet(session.packet.path) as packet, \
            ReviewSession(packet, "E1", home=home) as reopened, \
            pytest.raises(PanelDeskError) as caught:
        export_sheet(reopened, key, out, allow_partial=True)
    assert not out.exists()
    return str(caught.value)


@pytest.mark.parametrize("value", [
    "NaN", "sNaN", "-Infinity", "2_7", "2.7E1", "٢٧", b"27",
], ids=["nan", "snan", "minus-infinity", "underscore", "exponent", "arabic-indic-digits",
        "bytes"])
def test_a_stored_value_that_is_not_decimal_text_is_refused_with_its_cell(
        session, key, tmp_path, value) -> None:
    home = tampered(session, set_warmth(value))
    message = refused(session, key, tmp_path, home)
    assert "S001" in message and "温度" in message


def test_a_criterion_the_rubric_does_not_have_is_refused(session, key, tmp_path) -> None:
    home = tampered(session, ("INSERT INTO scores VALUES ('S002', 'bonus', '5', "
                              "'2026-03-10T09:00:00Z')", ()))
    message = refused(session, key, tmp_path, home)
    assert "S002 · 评分项 bonus" in message and "没有这个评分项" in message


def test_every_offending_cell_is_named_at_once(session, key, tmp_path) -> None:
    home = tampered(
        session, set_warmth("abc"),
        ("UPDATE scores SET value = '1000' WHERE submission_id = 'S002' "
         "AND criterion_id = 'efficacy'", ()),
        ("UPDATE scores SET value = 'NaN' WHERE submission_id = 'S004' "
         "AND criterion_id = 'compliance'", ()),
        ("INSERT INTO scores VALUES ('S005', 'bonus', '5', '2026-03-10T09:00:00Z')", ()))
    message = refused(session, key, tmp_path, home)
    for cell in ("S001 · 评分项 温度", "S002 · 评分项 效能", "S004 · 评分项 合规性",
                 "S005 · 评分项 bonus"):
        assert cell in message, cell
    assert "4 处" in message


@pytest.mark.parametrize("version", [-5, 2**31 - 1, 2**63 - 1])
def test_an_export_counter_that_gives_no_version_is_refused(
        session, key, tmp_path, version) -> None:
    """The next version would be -4 (signed as 第 -4 版), or beyond what a sheet may carry
    (2**31 - 1, which the import refuses), or not fit SQLite's integer at all."""
    home = tampered(session, (SHEET_EXPORTS, ()),
                    ("INSERT INTO sheet_exports (version, started_at) "
                     "VALUES (?, '2026-03-10T09:00:00Z')", (version,)))
    message = refused(session, key, tmp_path, home)
    assert "版本" in message
