"""The organizer workbench's screens for `tools/screenshots.py`: one per step of a round.

A project on the demo intake: 申报材料 after the scan with the missing category added,
the resend marked as a duplicate and the entry with an unmasked number selected; the
detail of a PDF form; 专家与分配 with a roster (one fingerprint enrolled), per-category
panels and the matrix; 评审包 after a build.  Every decision goes through the same page
methods a click does, with the dialogs answered in code.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

SIZE = (1500, 900)
PASSPHRASE = "workbench-demo"


class _Answers:
    """Answers to the pages' dialogs, in the order they are asked."""

    def __init__(self) -> None:
        self.queue: list[object] = []

    def _next(self, *_args: object) -> object:
        return self.queue.pop(0)

    edit_field = exclude = duplicate = acknowledge = _next
    expert = fingerprint = new_key = conflict = roster_file = confirm_remove = _next


def workbench_shots(out: Path, work: Path, settle: Callable[..., None],
                    grab: Callable[..., Path], runners: list) -> None:
    from app.demo.intake import DEMO_EXPECTATIONS, write_demo_intake
    from app.model import Expert
    from ui.organizer.intake_dialogs import Duplicate, FieldEdit
    from ui.organizer.round import Round
    from ui.organizer.workbench import BUILD, PANEL, OrganizerWorkbench
    from ui.task_runner import TaskRunner

    os.environ["PANELDESK_HOME"] = str(work / "organizer-home")  # the organizer has no key yet
    intake = write_demo_intake(work / "workbench")
    project = Round.create(work / "workbench" / "第一轮评审", intake)
    answers = _Answers()
    runner, writer = TaskRunner(), TaskRunner(max_threads=1)
    runners += [runner, writer]
    window = OrganizerWorkbench(runner, writer, project, page_options={
        "intake": {"questions": answers}, "panel": {"questions": answers},
        "build": {"passphrase": lambda _p: PASSPHRASE, "reveal": lambda _p: None}})
    window.resize(*SIZE)
    window.show()
    settle()
    page = window.intake_page
    expect = DEMO_EXPECTATIONS
    missing = next(s for s, e in expect.items() if e["category"] is None)
    twins = sorted(s for s, e in expect.items() if "duplicate" in e["warnings"])
    pdf_form = next(r.source for r in page.model.rows() if r.scanned.form_kind == "pdf")
    page.select(missing)
    answers.queue.append(FieldEdit("category", window.rubric.categories[1], "电话与申报单位确认"))
    page.edit_field("category")
    settle()
    page.select(twins[1])
    answers.queue.append(Duplicate(twins[0], "同一邮件重发"))
    page.mark_duplicate_selected()
    settle()
    page.select(next(s for s, e in expect.items() if "pii_phone" in e["warnings"]))
    settle()
    grab(window, out / "workbench_intake.png")
    page.select(pdf_form)
    settle()
    grab(window, out / "workbench_intake_pdf.png")

    panel = window.panel_page
    answers.queue.append(PASSPHRASE)
    panel.create_key()
    settle()
    experts = [Expert("E01", "王晓东", "北京大学"), Expert("E02", "李静", "清华大学"),
               Expert("E03", "张明", "中国人民大学"), Expert("E04", "陈红", "北京师范大学"),
               Expert("E05", "刘洋", "中国政法大学")]
    for expert in experts:
        answers.queue.append(expert)
        panel.add_expert()
        settle()
    panel.select_expert("E02")
    answers.queue.append("3f2a9c01" * 5)
    panel.enrol_fingerprint()
    settle()
    categories = window.rubric.categories
    for row in range(len(experts)):
        for column in range(len(categories)):
            if (row + column) % 4 != 3:
                panel.panels.setData(panel.panels.index(row, column), 2, 10)
    settle()
    window.go_to(PANEL)
    panel.tabs.setCurrentIndex(2)
    settle()
    grab(window, out / "workbench_panel.png")
    window.go_to(BUILD)
    window.build_page.build()
    settle()
    grab(window, out / "workbench_build.png")
    window.close()
