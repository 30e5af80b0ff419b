"""专家与分配: key, roster with a fingerprint, per-category panels, conflicts, the matrix."""

from __future__ import annotations

from pathlib import Path

from app.demo.intake import DEMO_EXPECTATIONS
from app.keys import KeyStore
from app.model import Expert
from app.packet import open_packet
from ui.organizer.panel_dialogs import fingerprint_check
from ui.organizer.round import Round
from ui.organizer.workbench import OrganizerWorkbench
from ui.task_runner import SyncTaskRunner

FP = "3f2a9c01" * 5
PASSPHRASE = "组织方的口令123"


class Answers:
    def __init__(self) -> None:
        self.queue: list[object] = []

    def _next(self, *_args: object) -> object:
        return self.queue.pop(0)

    expert = fingerprint = new_key = conflict = roster_file = confirm_remove = _next


def workbench(qtbot, folder: Path, intake: Path, answers: Answers) -> OrganizerWorkbench:
    project = Round.open(folder) if Round.is_project(folder) else Round.create(folder, intake)
    runner = SyncTaskRunner()
    window = OrganizerWorkbench(runner, runner, project, page_options={
        "panel": {"questions": answers}, "build": {"passphrase": lambda _p: PASSPHRASE,
                                                    "confirm": lambda _p, _d: True}})
    qtbot.addWidget(window)
    return window


def test_a_fingerprint_is_checked_as_it_is_typed():
    assert fingerprint_check("3F2A 9C01")[0] is None
    assert "8 位" in fingerprint_check("3F2A 9C01")[1]
    assert fingerprint_check("3F2A-9C01 " * 5)[0] == FP
    assert fingerprint_check("3F2A 9C0G")[0] is None


def test_key_roster_panels_conflicts_and_build(qtbot, tmp_path, demo_intake):
    answers = Answers()
    folder = tmp_path / "round"
    window = workbench(qtbot, folder, demo_intake, answers)
    page = window.panel_page
    assert page.key_button.isVisible() is False or not KeyStore().exists()
    answers.queue.append(PASSPHRASE)
    page.create_key()
    assert KeyStore().exists() and "组织方密钥指纹" in page.key_label.text()

    for expert in (Expert("E01", "王专家", "甲大学"), Expert("E02", "李专家", "乙研究院"),
                   Expert("E03", "赵专家", "丙中心")):
        answers.queue.append(expert)
        page.add_expert()
    assert page.roster.rowCount() == 3
    page.select_expert("E02")
    answers.queue.append(FP)
    page.enrol_fingerprint()
    assert window.project.roster()[1].fingerprint == FP
    assert page.roster.index(1, page.roster.STATE).data() == "已登记"

    # Per-category panels: E01 and E02 on the first category, E03 on all the others.
    categories = window.rubric.categories
    for row, expert in enumerate(("E01", "E02", "E03")):
        for column, category in enumerate(categories):
            wanted = (category == categories[0]) == (expert != "E03")
            if wanted:
                page.panels.setData(page.panels.index(row, column), 2, 10)  # CheckStateRole
    rows = window.project.panels()[0]
    assert ("E01", categories[0]) in rows and ("E03", categories[0]) not in rows
    matrix = page.matrix
    assert matrix.rowCount() == 4  # three experts and the 合计 row
    # Every submission has fewer experts than the minimum: the page says so.
    assert "少于" in page.matrix_warning.text()

    unit = next(c.unit for c in window.intake_page.rows.candidates()
                if c.category == categories[0])
    answers.queue.append(("E01", unit))
    page.add_conflict()
    assert window.project.panels()[1] == [("E01", unit)]

    window.build_page.refresh()
    window.build_page.build()
    report = window.build_page.report
    assert report is not None
    packet = open_packet(report.packet_path)
    try:
        manifest = packet.manifest
        by_id = {s.id: s for s in manifest.submissions}
        assert all(by_id[s].category == categories[0] for s in manifest.assignments["E02"])
        assert all(by_id[s].category != categories[0] for s in manifest.assignments["E03"])
        assert all(by_id[s].unit != unit for s in manifest.assignments["E01"])
        assert [e.fingerprint for e in manifest.roster] == [None, FP, None]
    finally:
        packet.close()
    # The command line builds the same round from the project folder.
    from app.cli import main as cli_main

    (tmp_path / "pass.txt").write_text(PASSPHRASE, encoding="utf-8")
    cli_out = tmp_path / "cli.panelpack"
    assert cli_main(["packet", "build", "--project", str(folder), "-o", str(cli_out),
                     "--title", manifest.title,
                     "--passphrase-file", str(tmp_path / "pass.txt")]) == 0
    with open_packet(cli_out) as again:
        cli = again.manifest
        assert [(s.id, s.category, s.title) for s in cli.submissions] == \
            [(s.id, s.category, s.title) for s in manifest.submissions]
        assert cli.assignments == manifest.assignments and cli.roster == manifest.roster
    audit_actions = [a["action"] for a in window.project.audit()]
    assert audit_actions.count("roster") == 4 and "assignments" in audit_actions

    window.close()
    again = workbench(qtbot, folder, demo_intake, answers)
    assert again.panel_page.roster.rowCount() == 3
    assert again.panel_page.panels.rows() == rows and again.panel_page.conflicts == [("E01", unit)]
    assert len(DEMO_EXPECTATIONS) == again.intake_page.model.rowCount()


def test_an_expert_s_new_id_keeps_their_panels_conflicts_and_pairs(qtbot, tmp_path,
                                                                    demo_intake):
    """编辑… changing E02's id to E22: the rows naming E02 follow (before, the project
    dropped them as rows of an expert no longer on the roster)."""
    answers = Answers()
    project = Round.create(tmp_path / "round", demo_intake)
    project.set_roster([Expert("E01", "王专家", "甲大学"), Expert("E02", "李专家", "乙研究院")])
    category = project.rubric().categories[0]
    project.set_panels([("E01", category), ("E02", category)], [("E02", "某市热线")])
    window = workbench(qtbot, tmp_path / "round", demo_intake, answers)
    project = window.project
    page = window.panel_page
    page.select_expert("E02")
    answers.queue.append(Expert("E22", "李专家", "乙研究院"))
    page.edit_expert()
    assert [e.id for e in project.roster()] == ["E01", "E22"]
    assert project.panels() == ([("E01", category), ("E22", category)], [("E22", "某市热线")])


def test_the_roster_names_the_fingerprint_column_once():
    # The last column is whether the key is enrolled; two columns both called
    # "fingerprint" left a new organizer guessing which one to fill in.
    from PySide6.QtCore import Qt

    from ui.organizer.panel_models import RosterModel

    model = RosterModel()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["编号", "姓名", "单位", "公钥指纹", "登记状态"]


def test_remove_conflict_is_offered_only_with_one_chosen(qtbot, tmp_path, demo_intake):
    answers = Answers()
    window = workbench(qtbot, tmp_path / "round", demo_intake, answers)
    page = window.panel_page
    answers.queue.append(Expert("E01", "王专家", "甲大学"))
    page.add_expert()
    assert not page.remove_conflict_button.isEnabled()  # empty list: it did nothing
    unit = window.intake_page.rows.candidates()[0].unit
    answers.queue.append(("E01", unit))
    page.add_conflict()
    assert page.conflict_list.count() == 1 and not page.remove_conflict_button.isEnabled()
    page.conflict_list.setCurrentRow(0)
    assert page.remove_conflict_button.isEnabled()
    page.remove_conflict()
    assert page.conflicts == [] and not page.remove_conflict_button.isEnabled()
