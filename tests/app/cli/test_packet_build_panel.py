"""`paneldesk packet build`: the panel on the command line — the warning without a roster,
per-category panels from `--assignments`, pairs left out by `--conflicts`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from scoring.rubric_file import load_rubric
from tests.test_second_rubric import RUBRIC, write_intake


@pytest.fixture
def intake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PANELDESK_PASSPHRASE", "correct horse battery")
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "home"))
    assert main(["key", "init"]) == 0
    return write_intake(tmp_path / "intake")


def manifest(path: Path, capsys) -> dict:
    capsys.readouterr()
    assert main(["packet", "info", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_no_roster_warns_naming_the_placeholders(tmp_path: Path, intake: Path, capsys) -> None:
    out = tmp_path / "p.panelpack"
    assert main(["packet", "build", str(intake), "-o", str(out), "--rubric", str(RUBRIC)]) == 0
    err = capsys.readouterr().err
    assert "--roster" in err and "专家1" in err and "专家7" in err
    assert len(manifest(out, capsys)["roster"]) == 7


def test_category_panels_and_conflicts(tmp_path: Path, intake: Path, capsys) -> None:
    rubric = load_rubric(RUBRIC)
    roster = tmp_path / "roster.csv"
    roster.write_text("编号,姓名\nE1,甲\nE2,乙\nE3,丙\nE4,丁\n", encoding="utf-8")
    first, second, third = rubric.categories
    assignments = tmp_path / "assignments.csv"
    assignments.write_text(f"专家,类别\nE1,{first}\nE2,{first}\nE3,{first}\nE3,{second}\n"
                           f"E4,{second}\nE4,{third}\nE1,{third}\n", encoding="utf-8")
    conflicts = tmp_path / "conflicts.csv"
    conflicts.write_text("expert,unit\nE1,某市某街道社区服务中心1\n", encoding="utf-8")
    out = tmp_path / "p.panelpack"
    assert main(["packet", "build", str(intake), "-o", str(out), "--rubric", str(RUBRIC),
                 "--roster", str(roster), "--assignments", str(assignments),
                 "--conflicts", str(conflicts), "--report", str(tmp_path / "r.json")]) == 0
    err = capsys.readouterr().err
    data = manifest(out, capsys)
    by_category: dict[str, list[str]] = {}
    for sub in data["submissions"]:
        by_category.setdefault(sub["category"], []).append(sub["id"])
    s1 = next(s["id"] for s in data["submissions"] if s["unit"] == "某市某街道社区服务中心1")
    assert data["assignments"]["E1"] == [s for s in by_category[first] if s != s1] + by_category[third]
    assert data["assignments"]["E2"] == by_category[first]
    assert data["assignments"]["E4"] == by_category[second] + by_category[third]
    # Four experts: a submission needs four; every one has fewer and is named on stderr.
    assert err.count("少于有效评分所需的 4 位") == 6
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(report["warnings"]) == 6


def test_unknown_expert_in_assignments_stops_before_reading(tmp_path: Path, intake: Path,
                                                             capsys) -> None:
    assignments = tmp_path / "a.csv"
    assignments.write_text("expert,submission\nE1,01-银发食堂\nE99,01-银发食堂\n", encoding="utf-8")
    out = tmp_path / "p.panelpack"
    assert main(["packet", "build", str(intake), "-o", str(out), "--rubric", str(RUBRIC),
                 "--assignments", str(assignments)]) == 1
    err = capsys.readouterr().err
    assert "a.csv 第 3 行：专家“E99”不在专家名单中" in err and "[1/" not in err
    assert not out.exists()


def test_override_rows_adjust_single_pairs(tmp_path: Path, intake: Path, capsys) -> None:
    # Override rows alone keep "everyone reviews everything" and change only their pairs;
    # the pair named both by source and by packet id gives the same packet either way.
    roster = tmp_path / "roster.csv"
    roster.write_text("编号,姓名\nE1,甲\nE2,乙\nE3,丙\n", encoding="utf-8")
    conflicts = tmp_path / "conflicts.csv"
    conflicts.write_text("expert,unit\nE2,某市某街道社区服务中心1\n", encoding="utf-8")
    first = sorted(p.name for p in intake.iterdir())[0]
    plans = []
    for name, pair in (("by-source", first), ("by-id", "S001")):
        assignments = tmp_path / f"{name}.csv"
        assignments.write_text(f"expert,submission,override\nE1,{pair},unassign\n"
                               f"E2,{pair},assign\n", encoding="utf-8")
        out = tmp_path / f"{name}.panelpack"
        assert main(["packet", "build", str(intake), "-o", str(out), "--rubric", str(RUBRIC),
                     "--roster", str(roster), "--assignments", str(assignments),
                     "--conflicts", str(conflicts)]) == 0
        err = capsys.readouterr().err
        assert "已声明回避，但被手动分配" in err and "第 3 行" in err
        plans.append(manifest(out, capsys)["assignments"])
    everything = [f"S{i:03d}" for i in range(1, len(plans[0]["E3"]) + 1)]
    assert plans[0] == plans[1]
    assert plans[0]["E1"] == everything[1:] and plans[0]["E2"] == everything
    assert plans[0]["E3"] == everything
