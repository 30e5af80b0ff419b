"""`paneldesk packet build --decisions`: the organizer's decisions from a plain file, through
the command line, on the second rubric's intake (nothing here is the default rubric's)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from scoring.rubric_file import load_rubric
from tests.test_second_rubric import RUBRIC, write_intake


@pytest.fixture
def organizer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PANELDESK_PASSPHRASE", "correct horse battery")
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "home"))
    assert main(["key", "init"]) == 0
    intake = write_intake(tmp_path / "intake")
    # A second mail of the first application, as the demo's duplicate pair.
    first = intake / "01-银发食堂"
    copy = intake / "07-银发食堂-再次发送"
    copy.mkdir()
    for item in first.iterdir():
        (copy / item.name).write_bytes(item.read_bytes())
    return intake


def build(tmp_path: Path, intake: Path, *extra: str) -> tuple[int, dict]:
    code = main(["packet", "build", str(intake), "-o", str(tmp_path / "p.panelpack"),
                 "--rubric", str(RUBRIC), "--report", str(tmp_path / "report.json"), *extra])
    report = {}
    if (tmp_path / "report.json").exists():
        report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    return code, report


def test_decisions_shape_the_packet(tmp_path: Path, organizer: Path, capsys) -> None:
    rubric = load_rubric(RUBRIC)
    decisions = tmp_path / "decisions.json"
    decisions.write_text(json.dumps({"version": 1, "entries": {
        "07-银发食堂-再次发送": {"duplicate_of": "01-银发食堂"},
        "06-共享工具屋": {"exclude": "申报单位撤回"},
        "02-老年助浴": {"fields": {"category": rubric.categories[2]}},
        "99-没有这个": {"exclude": "x"},
    }}, ensure_ascii=False), encoding="utf-8")
    code, report = build(tmp_path, organizer, "--decisions", str(decisions))
    assert code == 0
    err = capsys.readouterr().err
    assert "排除：06-共享工具屋：申报单位撤回" in err and "99-没有这个" in err
    statuses = {e["source"]: e["status"] for e in report["entries"]}
    assert statuses["06-共享工具屋"] == statuses["07-银发食堂-再次发送"] == "excluded"
    assert report["counts"] == {"entries": 7, "included": 5, "rejected": 0, "excluded": 2}
    assert any("99-没有这个" in w for w in report["warnings"])
    capsys.readouterr()
    assert main(["packet", "info", str(tmp_path / "p.panelpack"), "--json"]) == 0
    manifest = json.loads(capsys.readouterr().out)
    by_title = {s["title"]: s for s in manifest["submissions"]}
    bath = next(s for s in manifest["submissions"] if "老年助浴" in s["title"])
    assert bath["category"] == rubric.categories[2]
    assert bath["decisions"]["fields"]["category"] == {"new": rubric.categories[2]}
    canteen = next(s for t, s in by_title.items() if "银发食堂" in t)
    assert canteen["duplicates"] == {"flagged": [], "excluded": ["07-银发食堂-再次发送"],
                                     "decided": True}
    assert {e["source"] for e in manifest["excluded"]} == {"06-共享工具屋", "07-银发食堂-再次发送"}


def test_without_decisions_the_pair_is_flagged_undecided(tmp_path: Path, organizer: Path,
                                                         capsys) -> None:
    assert build(tmp_path, organizer)[0] == 0
    capsys.readouterr()
    assert main(["packet", "info", str(tmp_path / "p.panelpack"), "--json"]) == 0
    manifest = json.loads(capsys.readouterr().out)
    flagged = {s["id"]: s["duplicates"] for s in manifest["submissions"] if "duplicates" in s}
    assert len(flagged) == 2 and not any(d["decided"] for d in flagged.values())
    assert "excluded" not in manifest


@pytest.mark.parametrize(("content", "message"), [
    ('{"version": 2, "entries": {}}', "version"),
    ('{"version": 1, "entries": {"01-银发食堂": {"fields": {"category": "不存在的类别"}}}}',
     "不存在的类别"),
    ('{"version": 1, "entries": {"01-银发食堂": {"exclude": ["x"]}}}', "exclude"),
    ("[" * 50_000, "JSON"),
])
def test_hostile_decisions_stop_the_build(tmp_path: Path, organizer: Path, capsys,
                                          content: str, message: str) -> None:
    decisions = tmp_path / "decisions.json"
    decisions.write_text(content, encoding="utf-8")
    code, _ = build(tmp_path, organizer, "--decisions", str(decisions))
    err = capsys.readouterr().err
    assert code == 1 and message in err and "Traceback" not in err
    assert not (tmp_path / "p.panelpack").exists()


def test_a_project_folder_supplies_everything(tmp_path: Path, organizer: Path, capsys) -> None:
    from app.organizer.project import Project

    rubric = load_rubric(RUBRIC)
    roster = tmp_path / "round" / "roster.csv"
    with Project.create(tmp_path / "round", organizer, title="第二轮", rubric=RUBRIC) as project:
        roster.write_text("编号,姓名\nE1,甲\nE2,乙\n", encoding="utf-8")
        project.settings.roster = roster
        project.save_settings()
        project.decide("06-共享工具屋", {"exclude": "撤回"}, "秘书", "来函")
        project.decide("02-老年助浴", {"fields": {"category": rubric.categories[1]}}, "秘书", "")
    out = tmp_path / "p.panelpack"
    assert main(["packet", "build", "--project", str(tmp_path / "round"), "-o", str(out)]) == 0
    assert "专家1" not in capsys.readouterr().err  # the project's roster, no placeholders
    assert main(["packet", "info", str(out), "--json"]) == 0
    manifest = json.loads(capsys.readouterr().out)
    assert manifest["title"] == "第二轮" and [e["id"] for e in manifest["roster"]] == ["E1", "E2"]
    assert [e["source"] for e in manifest["excluded"]] == ["06-共享工具屋"]
    bath = next(s for s in manifest["submissions"] if "老年助浴" in s["title"])
    assert bath["category"] == rubric.categories[1]
    assert main(["packet", "build", "-o", str(out)]) == 1
    assert "--project" in capsys.readouterr().err
