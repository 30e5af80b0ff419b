"""专家与分配: 编辑… 删除 登记指纹… are greyed while no expert is selected, and a
double-click on a roster row opens 编辑…."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.demo.intake import write_demo_intake
from app.model import Expert
from ui.organizer.round import Round
from ui.organizer.workbench import OrganizerWorkbench
from ui.task_runner import SyncTaskRunner

EXPERTS = [Expert("E01", "王专家", "甲大学"), Expert("E02", "李专家", "乙研究院")]


class Answers:
    def __init__(self) -> None:
        self.queue: list[object] = []
        self.asked: list[tuple[object, ...]] = []

    def expert(self, *args: object) -> object:
        self.asked.append(args[1:])
        return self.queue.pop(0)


def test_buttons_follow_the_selection_and_a_double_click_edits(qtbot, tmp_path: Path) -> None:
    project = Round.create(tmp_path / "round", write_demo_intake(tmp_path / "demo"))
    project.set_roster(EXPERTS)
    answers = Answers()
    runner = SyncTaskRunner()
    window = OrganizerWorkbench(runner, runner, project,
                                page_options={"panel": {"questions": answers}})
    qtbot.addWidget(window)
    page = window.panel_page
    window.show()
    window.go_to(1)
    qtbot.waitExposed(window)
    acting = (page.edit_button, page.remove_button, page.enrol_button)
    assert not any(b.isEnabled() for b in acting)
    assert page.add_button.isEnabled() and page.import_button.isEnabled()
    page.select_expert("E02")
    assert all(b.isEnabled() for b in acting)
    page.roster_view.clearSelection()
    assert not any(b.isEnabled() for b in acting) and page.selected_expert() is None

    view = page.roster_view
    answers.queue.append(Expert("E02", "李新", "乙研究院"))
    rect = view.visualRect(page.roster.index(1, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert answers.asked[0][0] == EXPERTS[1]
    assert project.roster()[1].name == "李新"
    # The roster was shown again: nothing is selected, so the buttons are greyed again.
    assert not any(b.isEnabled() for b in acting)
