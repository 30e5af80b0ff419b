"""`paneldesk organizer`: headless, it lists a project's decisions or says how to open the
window (the window itself is taken by the GUI entry before the command line)."""

from __future__ import annotations

import json
from pathlib import Path

from app.cli import main
from app.organizer.project import Project


def test_audit_lists_the_decisions(tmp_path: Path, capsys) -> None:
    (tmp_path / "intake").mkdir()
    with Project.create(tmp_path / "round", tmp_path / "intake") as project:
        project.decide("03 某单位", {"exclude": "撤回"}, "王秘书", "来函撤回")
    assert main(["organizer", str(tmp_path / "round"), "--audit"]) == 0
    out = capsys.readouterr().out
    assert "王秘书" in out and "exclude" in out and "03 某单位" in out
    assert main(["organizer", str(tmp_path / "round"), "--audit", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert json.loads(row["new"]) == {"exclude": "撤回"}


def test_audit_also_lists_roster_and_assignment_decisions_in_order(tmp_path: Path,
                                                                   capsys) -> None:
    (tmp_path / "intake").mkdir()
    with Project.create(tmp_path / "round", tmp_path / "intake") as project:
        project.decide("01 甲单位", {"exclude": "撤回"}, "王秘书", "来函撤回")
        project.db.record(project.panel_scope, "王秘书", "roster", "roster.csv", "加一位专家")
        project.decide("02 乙单位", {"exclude": "逾期"}, "王秘书", "逾期提交")
    assert main(["organizer", str(tmp_path / "round"), "--audit", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["action"], r["subject"]) for r in rows] == [
        ("exclude", "01 甲单位"), ("roster", "roster.csv"), ("exclude", "02 乙单位")]


def test_without_audit_it_points_at_the_window(tmp_path: Path, capsys) -> None:
    assert main(["organizer"]) == 2
    assert "paneldesk organizer" in capsys.readouterr().err
    assert main(["organizer", str(tmp_path), "--audit"]) == 1
    assert "不是评审项目" in capsys.readouterr().err
