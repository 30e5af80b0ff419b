"""专家与分配 ← 导入评分表: a key the organizer compared and accepted at import is enrolled
on the project's roster (audited), unless the roster already holds another one for that
expert — then it is left, and the status bar says so."""

from __future__ import annotations

from pathlib import Path

from app.demo.intake import write_demo_intake
from app.model import Expert
from tests.app.workspace.crash_child import build_packet
from ui.organizer.round import Round
from ui.organizer.workbench import IMPORT, OrganizerWorkbench
from ui.task_runner import SyncTaskRunner

FP = "3f2a9c01" * 5
ENROLLED = "0123abcd" * 5


def test_an_accepted_key_reaches_the_roster(qtbot, tmp_path: Path) -> None:
    project = Round.create(tmp_path / "round", write_demo_intake(tmp_path / "demo"))
    project.set_roster([Expert("E1", "王专家", "甲大学"), Expert("E2", "李专家", "乙所", ENROLLED)])
    runner = SyncTaskRunner()
    window = OrganizerWorkbench(runner, runner, project)
    qtbot.addWidget(window)
    window.open_packet(build_packet(tmp_path / "t.panelpack"))
    importer = window.pages[IMPORT]
    assert importer.__class__.__name__ == "ImportPage"

    importer.key_accepted.emit("E1", FP)
    assert [e.fingerprint for e in project.roster()] == [FP, ENROLLED]
    assert window.panel_page.roster.index(0, 3).data() != ""
    last = project.audit()[-1]
    assert last["action"] == "roster" and last["reason"] == "fingerprint accepted at import"
    assert "E1" in window.statusBar().currentMessage()

    before = len(project.audit())
    importer.key_accepted.emit("E2", FP)
    assert [e.fingerprint for e in project.roster()] == [FP, ENROLLED]
    assert len(project.audit()) == before
    message = window.statusBar().currentMessage()
    assert "E2" in message and "另一个指纹" in message and "0123 ABCD" in message.upper()

    importer.key_accepted.emit("E9", FP)  # on the packet's roster, no longer on the project's
    assert len(project.audit()) == before
