"""Real office software: a LibreOffice re-save keeps the sheet VALID; an edit saved by
LibreOffice is TAMPERED with that cell in the diff.  Skips only without `soffice` and CI."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from app.sheets.export import FIRST_ROW
from app.sheets.importer import import_sheets

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if SOFFICE is None and not os.environ.get("CI"):
    pytest.skip("LibreOffice (soffice) is not installed", allow_module_level=True)


def resave(src: Path, work: Path) -> Path:
    """`soffice --convert-to xlsx` with a throw-away profile (no clash with a user's)."""
    out = work / "resaved"
    out.mkdir(exist_ok=True)
    profile = (work / "lo-profile").as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(src)],
                   check=True, capture_output=True, timeout=120)
    result = out / src.name
    assert result.is_file() and result.read_bytes() != src.read_bytes()
    return result


def test_libreoffice_resave_without_edits_is_valid(sheet, packet, db, tmp_path) -> None:
    resaved = resave(sheet, tmp_path)
    [result] = import_sheets([resaved], packet, db, accept_keys=["E1"])
    assert result.outcome == "VALID", (result.explanation, result.diff)


def test_score_changed_and_saved_by_libreoffice_is_tampered(sheet, packet, db,
                                                           tmp_path) -> None:
    wb = openpyxl.load_workbook(sheet)
    wb["评分表"].cell(FIRST_ROW + 3, 5).value = 29.5  # S004 效能 24.5 → 29.5
    edited = tmp_path / "edited" / sheet.name
    edited.parent.mkdir()
    wb.save(edited)
    resaved = resave(edited, tmp_path)
    [result] = import_sheets([resaved], packet, db, accept_keys=["E1"])
    assert result.outcome == "TAMPERED"
    assert [(d.submission, d.field, d.signed, d.found) for d in result.diff] == [
        ("S004", "效能", "24.5", "29.5")]
