"""The issue's round on the demo intake, from the command line and from a project: fix the
missing category, drop the resent duplicate, exclude an entry — the packet's manifest shows
each decision, and the project (what the organizer's window uses) gives the same packet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.assembly.builder import BuildOptions, build_packet
from app.cli import main
from app.demo import DEMO_EXPECTATIONS
from app.demo.intake import write_demo_intake
from app.keys import demo_signing_key
from app.model import Expert
from app.organizer.decisions import IntakeDecisions
from app.organizer.project import Project
from app.packet import open_packet
from app.rubrics import load_default_rubric

RUBRIC = load_default_rubric()
UNCATEGORISED = next(s for s, e in DEMO_EXPECTATIONS.items() if "category_missing" in e["warnings"])
PAIR = sorted(s for s, e in DEMO_EXPECTATIONS.items() if "duplicate" in e["warnings"])
KEPT, RESENT = PAIR[0], PAIR[1]  # the resent mail sorts after the first one
WITHDRAWN = next(s for s, e in DEMO_EXPECTATIONS.items() if "image_count" in e["warnings"])


@pytest.fixture(scope="module")
def demo_intake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_intake(tmp_path_factory.mktemp("demo"))


def manifest(path: Path) -> dict:
    with open_packet(path) as packet:
        return json.loads(packet.manifest_bytes)


def test_demo_round_from_the_command_line_and_from_a_project(
        demo_intake: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    assert RESENT.startswith(KEPT.removesuffix(".zip"))
    category = RUBRIC.categories[-1]
    monkeypatch.setenv("PANELDESK_PASSPHRASE", "correct horse battery")
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "home"))
    assert main(["key", "init"]) == 0
    decisions = tmp_path / "decisions.json"
    decisions.write_text(json.dumps({"version": 1, "entries": {
        UNCATEGORISED: {"fields": {"category": category}},
        RESENT: {"duplicate_of": KEPT},
        WITHDRAWN: {"exclude": "申报单位来函撤回"},
    }}, ensure_ascii=False), encoding="utf-8")
    cli_packet = tmp_path / "cli.panelpack"
    assert main(["packet", "build", str(demo_intake), "-o", str(cli_packet),
                 "--decisions", str(decisions)]) == 0
    assert "专家1" in capsys.readouterr().err  # no roster: the placeholders are named
    data = manifest(cli_packet)
    subs = data["submissions"]
    assert len(subs) == len(DEMO_EXPECTATIONS) - 2
    fixed = next(s for s in subs if s.get("decisions", {}).get("source") == UNCATEGORISED)
    assert fixed["category"] == category
    assert fixed["decisions"]["fields"]["category"] == {"new": category}
    assert "category_missing" not in [w["code"] for w in fixed["warnings"]]
    kept = next(s for s in subs if s.get("duplicates"))
    assert kept["duplicates"] == {"flagged": [], "excluded": [RESENT], "decided": True}
    assert not [s for s in subs if "duplicate" in [w["code"] for w in s["warnings"]]]
    assert {e["source"]: e["reason"] for e in data["excluded"]}[WITHDRAWN] == "申报单位来函撤回"
    assert next(e for e in data["excluded"] if e["source"] == RESENT)["duplicate_of"] == kept["id"]

    # The same decisions taken one by one in a project, as the organizer's window does.
    with Project.create(tmp_path / "round", demo_intake) as project:
        project.decide(UNCATEGORISED, {"fields": {"category": category}}, "秘书", "补类别")
        project.decide(RESENT, {"duplicate_of": KEPT}, "秘书", "重发")
        project.decide(WITHDRAWN, {"exclude": "申报单位来函撤回"}, "秘书", "撤回")
        assert project.decisions.to_json() == IntakeDecisions.load(decisions).to_json()
        options = BuildOptions(rubric=project.rubric(), roster=[Expert.from_dict(e) for e in data["roster"]],
                               title=data["title"], decisions=project.decisions)
        build_packet(demo_intake, tmp_path / "gui.panelpack", demo_signing_key(), options)
        assert len(project.audit()) == 3
    gui = manifest(tmp_path / "gui.panelpack")
    assert gui["submissions"] == data["submissions"] and gui["excluded"] == data["excluded"]

