"""An organizer project folder: created, reopened with its decisions and audit log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import PanelDeskError
from app.organizer.decisions import EntryDecision
from app.organizer.project import Project
from app.rubrics import load_default_rubric


@pytest.fixture()
def intake(tmp_path: Path) -> Path:
    folder = tmp_path / "intake"
    folder.mkdir()
    return folder


def test_decisions_are_saved_and_audited(tmp_path: Path, intake: Path) -> None:
    category = load_default_rubric().categories[1]
    with Project.create(tmp_path / "round", intake, title="第一轮") as project:
        project.decide("a", {"fields": {"category": category}}, "王秘书", "表中未勾选类别")
        project.decide("b", {"duplicate_of": "a"}, "王秘书", "同一单位重复发送")
        project.decide("c", {"exclude": "撤回"}, "王秘书", "单位来函撤回")
        project.decide("c", {"exclude": None}, "李秘书", "误排除")
        scope = project.scope
    with Project.open(tmp_path / "round") as reopened:
        assert reopened.scope == scope and reopened.settings.title == "第一轮"
        assert reopened.settings.intake == intake.absolute()
        assert reopened.decisions.get("a").fields == {"category": category}
        assert reopened.decisions.kept_for("b") == "a"
        assert "c" not in reopened.decisions.entries
        log = reopened.audit()
    assert [(r["action"], r["subject"], r["who"]) for r in log] == [
        ("edit", "a", "王秘书"), ("duplicate", "b", "王秘书"), ("exclude", "c", "王秘书"),
        ("include", "c", "李秘书")]
    assert json.loads(log[0]["old"]) == {} and json.loads(log[0]["new"]) == {
        "fields": {"category": category}}
    assert log[3]["reason"] == "误排除" and json.loads(log[3]["old"]) == {"exclude": "撤回"}


def test_bad_decisions_change_nothing(tmp_path: Path, intake: Path) -> None:
    with Project.create(tmp_path / "round", intake) as project:
        with pytest.raises(PanelDeskError, match="不是评审细则的类别"):
            project.decide("a", {"fields": {"category": "没有的类别"}}, "w", "r")
        project.decide("a", {"duplicate_of": "b"}, "w", "r")
        with pytest.raises(PanelDeskError, match="循环"):
            project.decide("b", EntryDecision(duplicate_of="a"), "w", "r")
        assert [r["subject"] for r in project.audit()] == ["a"]
    with Project.open(tmp_path / "round") as project:
        assert list(project.decisions.entries) == ["a"]


def test_partial_updates_merge(tmp_path: Path, intake: Path) -> None:
    with Project.create(tmp_path / "round", intake) as project:
        project.decide("a", {"fields": {"title": "T", "unit": "U"}}, "w", "r")
        project.decide("a", {"fields": {"unit": None}, "acknowledge": {"image_count": "ok"}},
                       "w", "r")
        project.decide("a", {"keep_warnings": ["image_count"]}, "w", "r")
        decision = project.decisions.get("a")
        assert decision.fields == {"title": "T"} and decision.keep_warnings == ["image_count"]
        project.decide("a", {"acknowledge": {"image_count": None}}, "w", "r")
        assert project.decisions.get("a").keep_warnings == []
        project.decide("a", {"exclude": "x"}, "w", "r")
        project.decide("a", {"duplicate_of": "b"}, "w", "r")
        assert project.decisions.get("a").exclude is None


@pytest.mark.parametrize("content", [
    "{", "[]", '{"version": 2, "id": "ab", "title": "", "intake": "x"}',
    '{"version": 1, "id": "a/b", "title": "", "intake": "x"}',
    '{"version": 1, "id": "ab", "title": "", "intake": 5}',
    '{"version": 1, "id": "ab", "title": ""}',
    '{"version": 1, "id": "ab", "title": "", "intake": "x", "secret": 1}',
    " " * 70_000,
])
def test_hostile_project_files_are_refused(tmp_path: Path, content: str) -> None:
    (tmp_path / "project.json").write_text(content, encoding="utf-8")
    with pytest.raises(PanelDeskError):
        Project.open(tmp_path)


def test_create_refuses_an_existing_project_and_a_missing_intake(tmp_path: Path,
                                                                 intake: Path) -> None:
    Project.create(tmp_path / "round", intake).close()
    with pytest.raises(PanelDeskError, match="已有"):
        Project.create(tmp_path / "round", intake)
    with pytest.raises(PanelDeskError, match="不存在"):
        Project.create(tmp_path / "other", tmp_path / "nope")
    with pytest.raises(PanelDeskError, match="不是评审项目"):
        Project.open(tmp_path / "nothing")


def test_no_roster_no_build_and_files_come_back(tmp_path: Path, intake: Path) -> None:
    from app.organizer.panel import placeholder_roster, placeholder_warning, roster_problem

    roster = tmp_path / "round" / "roster.csv"
    with Project.create(tmp_path / "round", intake) as project:
        assert project.build_problem() is not None and project.assignment_rules() is None
        roster.write_text("编号,姓名\nE1,甲\n", encoding="utf-8")
        (tmp_path / "round" / "conflicts.csv").write_text("expert,unit\nE1,某单位\n",
                                                          encoding="utf-8")
        project.settings.roster = roster
        project.settings.conflicts = tmp_path / "round" / "conflicts.csv"
        project.save_settings()
    stored = json.loads((tmp_path / "round" / "project.json").read_text(encoding="utf-8"))
    assert stored["roster"] == "roster.csv"  # relative: the folder can move
    with Project.open(tmp_path / "round") as project:
        assert project.build_problem() is None
        assert [e.id for e in project.roster()] == ["E1"]
        assert project.assignment_rules().conflicts[0].value == "某单位"
    placeholders = placeholder_roster(load_default_rubric())
    assert roster_problem([]) and roster_problem(None) and roster_problem(placeholders) is None
    assert "专家1" in placeholder_warning(placeholders)


def test_withdrawing_an_acknowledgement_is_its_own_action(tmp_path: Path, intake: Path) -> None:
    with Project.create(tmp_path / "round", intake) as project:
        project.decide("a", {"acknowledge": {"image_count": "ok"}}, "w", "seen")
        project.decide("a", {"keep_warnings": ["image_count"]}, "w", "show it")
        project.decide("a", {"acknowledge": {"image_count": None}}, "w", "not ok after all")
        project.decide("a", {"acknowledge": {"pii_phone": "热线", "image_count": "ok"}}, "w", "")
        project.decide("a", {"acknowledge": {"pii_phone": None, "image_count": "补了"}}, "w", "")
        assert [r["action"] for r in project.audit()] == [
            "acknowledge", "acknowledge", "unacknowledge", "acknowledge",
            "acknowledge+unacknowledge"]
