"""Errors the core raises are said in the interface language.

The command line prints them in Chinese (`str(err)`); the interface renders the same error
in English when English is chosen (`ui.i18n.error_text`), values included — a nested
error, a file's label, a list of choices.  Each case below is an error a user of the
window can meet: a rubric with a mistake, a roster or assignment file the organizer picks,
a review action refused, a PDF that cannot be shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.assembly.assignments import read_assignments
from app.errors import PanelDeskError
from app.intake.roster import read_roster
from app.intake.source import read_entry
from app.organizer.decisions import IntakeDecisions
from app.packet import open_packet
from app.render.pdf import pdf_page_count
from app.results.decisions import parse_decisions
from app.rubrics import load_rubric_file
from ui import i18n

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture()
def english(qapp) -> Iterator[None]:
    i18n.install_translators(qapp, "en")
    try:
        yield
    finally:
        i18n.install_translators(qapp, "zh_CN")


def _raised(action, kind: type[BaseException] = PanelDeskError) -> BaseException:
    with pytest.raises(kind) as caught:
        action()
    return caught.value


def _cases(tmp_path: Path) -> list[BaseException]:
    rubric = tmp_path / "rubric.toml"
    rubric.write_text('id = "r"\nname = "评审"\nversion = 1\nstep = "1"\ncolor = "red"\n',
                      encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text("编号,姓名,单位,公钥指纹\nE1,,某单位,\n", encoding="utf-8")
    damaged = tmp_path / "damaged.panelpack"
    damaged.write_bytes(b"PK\x03\x04" + bytes(300))
    (tmp_path / "empty entry").mkdir()
    assignments = tmp_path / "assign.csv"
    assignments.write_text("expert,submission,category\nE1,,\n", encoding="utf-8")
    return [
        _raised(lambda: load_rubric_file(rubric)),
        _raised(lambda: load_rubric_file(tmp_path / "missing.json")),
        _raised(lambda: read_roster(roster)),
        _raised(lambda: read_roster(tmp_path / "roster.numbers")),
        _raised(lambda: read_assignments(assignments)),
        _raised(lambda: pdf_page_count(b"%PDF-1.4 not really")),
        _raised(lambda: open_packet(damaged)),
        _raised(lambda: open_packet(tmp_path / "missing.panelpack")),
        _raised(lambda: read_entry(tmp_path / "empty entry")),
        _raised(lambda: parse_decisions('{"version": 1, "decisions": [{"action": "x"}]}',
                                        "决定.json")),
        _raised(lambda: IntakeDecisions.parse('{"version": 1, "entries": {"a": {"exclude": ""}}}',
                                              "决定.json")),
    ]


def test_core_errors_are_english_in_the_english_interface(tmp_path: Path, english) -> None:
    for err in _cases(tmp_path):
        shown = i18n.error_text(err)
        assert CJK.search(str(err)), f"the command line keeps the Chinese text: {err}"
        # File names and the Chinese header names a roster must have are data, not wording.
        data = shown.replace("编号,姓名,单位,公钥指纹", "").replace("决定.json", "")
        data = data.replace(str(tmp_path), "")
        left = CJK.sub("", data)
        assert not CJK.search(data), (
            f"{type(err).__name__} shown in Chinese: {shown!r}")
        assert left.strip(), shown


def test_chinese_interface_shows_the_chinese_text(tmp_path: Path, qapp) -> None:
    for err in _cases(tmp_path):
        assert i18n.error_text(err) == str(err)
