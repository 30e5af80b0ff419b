"""The intake decisions file: canonical, round-trips, and hostile input is refused by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import PanelDeskError
from app.organizer.decisions import MAX_FILE_BYTES, EntryDecision, IntakeDecisions

GOOD = {"version": 1, "entries": {
    "b.zip": {"duplicate_of": "a"},
    "a": {"fields": {"category": "某类", "title": "新标题"},
          "acknowledge": {"image_count": "已补图"}, "keep_warnings": ["image_count"]},
    "c": {"exclude": "撤回"},
}}


def parse(data) -> IntakeDecisions:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return IntakeDecisions.parse(text, "decisions.json")


def test_round_trip_is_canonical(tmp_path: Path) -> None:
    decisions = parse(GOOD)
    assert decisions.get("c").exclude == "撤回" and decisions.get("c").excluded
    assert decisions.get("a").fields["category"] == "某类"
    assert decisions.kept_for("b.zip") == "a" and decisions.kept_for("a") is None
    text = decisions.to_json()
    assert list(json.loads(text)["entries"]) == ["a", "b.zip", "c"]
    assert parse(text).to_json() == text
    path = decisions.save(tmp_path / "decisions.json")
    assert IntakeDecisions.load(path).to_dict() == decisions.to_dict()
    assert IntakeDecisions.load(tmp_path / "missing.json").entries == {}


def test_empty_decisions_leave_the_file() -> None:
    decisions = parse(GOOD)
    decisions.set("c", EntryDecision())
    assert "c" not in decisions.to_dict()["entries"]
    assert decisions.get("c").is_empty()


def test_chains_follow_to_the_kept_entry() -> None:
    decisions = parse({"version": 1, "entries": {"x": {"duplicate_of": "y"},
                                                 "y": {"duplicate_of": "z"}}})
    assert decisions.kept_for("x") == "z"


@pytest.mark.parametrize(("data", "message"), [
    ({"version": 2, "entries": {}}, "version"),
    ({"version": "1", "entries": {}}, "version"),
    ({"version": True, "entries": {}}, "version"),
    ([], "顶层"),
    ({"version": 1, "entries": []}, "entries"),
    ({"version": 1, "entries": {}, "extra": 1}, "extra"),
    ({"version": 1, "entries": {"a": {"exclude": 3}}}, "entries.a.exclude"),
    ({"version": 1, "entries": {"a": {"exclude": "  "}}}, "理由"),
    ({"version": 1, "entries": {"a": {"delete": "x"}}}, "delete"),
    ({"version": 1, "entries": {"a": {"fields": {"score": "9"}}}}, "score"),
    ({"version": 1, "entries": {"a": {"fields": {"title": 5}}}}, "entries.a.fields.title"),
    ({"version": 1, "entries": {"a": {"fields": ["title"]}}}, "entries.a.fields"),
    ({"version": 1, "entries": {"a": {"exclude": "x", "duplicate_of": "b"}}}, "只能有一个"),
    ({"version": 1, "entries": {"a": {"duplicate_of": "a"}}}, "循环"),
    ({"version": 1, "entries": {"a": {"duplicate_of": "b"}, "b": {"duplicate_of": "a"}}}, "循环"),
    ({"version": 1, "entries": {"../etc": {"exclude": "x"}}}, "单个文件"),
    ({"version": 1, "entries": {"a": {"duplicate_of": "x/y"}}}, "单个文件"),
    ({"version": 1, "entries": {"a": {"acknowledge": {"Bad Code": "x"}}}}, "Bad Code"),
    ({"version": 1, "entries": {"a": {"keep_warnings": ["image_count"]}}}, "keep_warnings"),
    ({"version": 1, "entries": {"a": "exclude"}}, "应为对象"),
    ({"version": 1, "entries": {"a": {"exclude": "x" * 3000}}}, "过长"),
])
def test_hostile_files_name_the_bad_key(data, message: str) -> None:
    with pytest.raises(PanelDeskError, match="decisions.json") as err:
        parse(data)
    assert message in str(err.value)


def test_huge_and_broken_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(PanelDeskError, match="过大"):
        parse(" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(PanelDeskError, match="JSON"):
        parse("{not json")
    with pytest.raises(PanelDeskError, match="JSON"):
        parse("[" * 100_000 + "]" * 100_000)
    path = tmp_path / "d.json"
    path.write_bytes(b"\xff\xfe{}")
    with pytest.raises(PanelDeskError, match="UTF-8"):
        IntakeDecisions.load(path)


def test_sources_compare_in_nfc() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "申报-café")
    decisions = parse({"version": 1, "entries": {decomposed: {"exclude": "x"},
                                                 "b": {"duplicate_of": decomposed}}})
    assert decisions.get("申报-café").exclude == "x"
    assert decisions.kept_for("b") == unicodedata.normalize("NFC", decomposed)
    with pytest.raises(PanelDeskError, match="同一来源"):
        parse({"version": 1, "entries": {decomposed: {"exclude": "x"},
                                         "申报-café": {"exclude": "y"}}})
