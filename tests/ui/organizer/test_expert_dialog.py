"""专家与分配 · 添加…/编辑…: an id already on the roster (or one the roster file could not
hold) is said in the dialog, OK waits, and what was typed stays."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.demo.intake import write_demo_intake
from app.model import Expert
from ui.organizer.panel_dialogs import ExpertDialog, PanelQuestions
from ui.organizer.round import Round
from ui.organizer.workbench import OrganizerWorkbench
from ui.task_runner import SyncTaskRunner

FP = "3f2a9c01" * 5
EXPERTS = [Expert("E01", "王专家", "甲大学", FP), Expert("E02", "李专家", "乙研究院")]


def test_the_dialog_says_why_ok_waits(qtbot) -> None:
    dialog = ExpertDialog(None, None, ["E01", "E02"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name_edit.setText("钱专家")
    dialog.id_edit.setText("e02")
    assert not ok.isEnabled() and not dialog.problem.isHidden()
    assert "e02" in dialog.problem.text() and "已在名单中" in dialog.problem.text()
    dialog.id_edit.setText("E 03")
    assert not ok.isEnabled() and "字母" in dialog.problem.text()
    dialog.id_edit.setText("E03")
    assert ok.isEnabled() and dialog.problem.isHidden()
    assert dialog.value() == Expert("E03", "钱专家", "")
    edited = ExpertDialog(None, EXPERTS[0], ["E01", "E02"])  # its own id is not taken
    qtbot.addWidget(edited)
    assert edited.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert edited.value() == EXPERTS[0]


def test_adding_a_taken_id_keeps_the_input(qtbot, tmp_path: Path) -> None:
    project = Round.create(tmp_path / "round", write_demo_intake(tmp_path / "demo"))
    project.set_roster(EXPERTS)
    runner = SyncTaskRunner()
    window = OrganizerWorkbench(runner, runner, project,
                                page_options={"panel": {"questions": PanelQuestions()}})
    qtbot.addWidget(window)
    seen: list[object] = []

    def type_in() -> None:
        dialog = QApplication.activeModalWidget()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.id_edit.setText("E02")
        dialog.name_edit.setText("钱专家")
        dialog.org_edit.setText("丁所")
        seen.extend([ok.isEnabled(), dialog.problem.text(), dialog.isVisible()])
        dialog.id_edit.setText("E03")
        seen.extend([ok.isEnabled(), dialog.name_edit.text(), dialog.org_edit.text()])
        ok.click()

    QTimer.singleShot(0, type_in)
    window.panel_page.add_expert()
    assert seen[0] is False and "E02" in seen[1] and seen[2] is True
    assert seen[3:] == [True, "钱专家", "丁所"]
    assert project.roster() == [*EXPERTS, Expert("E03", "钱专家", "丁所")]
