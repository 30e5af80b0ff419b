"""专家与分配: one pair of the matrix assigned or unassigned by hand — counts, the warning,
the audit log, reopening, the built packet, and the command line reading the same file."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from app.keys import KeyStore
from app.model import Expert
from app.organizer.panel import PairChange
from app.packet import open_packet
from tests.ui.organizer.test_workbench_panel import PASSPHRASE, workbench
from ui.organizer.panel_dialogs import PanelQuestions
from ui.organizer.panel_models import CONFLICT, MANUAL_ASSIGNED, MANUAL_UNASSIGNED
from ui.roles import KEY_ROLE

EXPERTS = [Expert("E01", "王专家", "甲大学"), Expert("E02", "李专家", "乙研究院"),
           Expert("E03", "赵专家", "丙中心")]


class Answers:
    """The organizer's answers; the pair dialog's questions are kept for the test."""

    def __init__(self) -> None:
        self.queue: list[object] = []
        self.asked: list[tuple[object, ...]] = []

    def _next(self, *args: object) -> object:
        self.asked.append(args)
        return self.queue.pop(0)

    expert = fingerprint = new_key = conflict = roster_file = confirm_remove = _next
    pair_reason = _next


def cell(page, expert: str, sid: str):
    matrix = page.matrix
    row = next(i for i, e in enumerate(matrix.experts) if e.id == expert)
    column = next(i for i, (s, _src) in enumerate(matrix.submissions) if s == sid)
    return matrix.index(row, column)


def totals(page, expert: str, sid: str) -> tuple[str, str]:
    matrix = page.matrix
    row, column = cell(page, expert, sid).row(), cell(page, expert, sid).column()
    return (matrix.index(row, len(matrix.submissions)).data(),
            matrix.index(len(matrix.experts), column).data())


def test_a_pair_toggled_in_the_matrix(qtbot, tmp_path, demo_intake):
    KeyStore().create(PASSPHRASE)
    answers = Answers()
    folder = tmp_path / "round"
    window = workbench(qtbot, folder, demo_intake, answers)
    window.project.set_roster(EXPERTS)
    window.close()
    window = workbench(qtbot, folder, demo_intake, answers)
    page = window.panel_page
    candidates = window.intake_page.rows.candidates()
    first, second = candidates[0], candidates[1]
    count = len(candidates)
    assert totals(page, "E02", first.id) == (str(count), "3")
    assert page.matrix_warning.text() == ""

    # Unassign E02 × the first submission: the counts and the warning follow at once.
    answers.queue.append("专家请假")
    page.matrix_view.setCurrentIndex(cell(page, "E02", first.id))
    page.toggle_button.click()
    assert cell(page, "E02", first.id).data() == MANUAL_UNASSIGNED
    assert page.matrix_view.currentIndex() == cell(page, "E02", first.id)  # still there
    assert totals(page, "E02", first.id) == (str(count - 1), "2")
    assert first.id in page.matrix_warning.text() and "少于 3 位" in page.matrix_warning.text()
    entry = window.project.audit()[-1]
    assert (entry["action"], entry["subject"], entry["reason"]) == (
        "unassign", f"E02 × {first.source}", "专家请假")
    assert json.loads(entry["old"]) == {"assigned": True, "override": None}
    assert json.loads(entry["new"]) == {"assigned": False, "override": "unassign"}
    assert entry["who"] and entry["at"]

    # Space on the cell (the matrix's shortcut) takes the pair back: no override is left.
    answers.queue.append("")
    page.matrix_view.setCurrentIndex(cell(page, "E02", first.id))
    page.toggle_action.trigger()
    assert cell(page, "E02", first.id).data() == "●" and window.project.pair_overrides() == {}
    assert window.project.audit()[-1]["action"] == "assign"
    answers.queue.append("专家请假")
    page.toggle_pair(cell(page, "E02", first.id))

    # A declared conflict: the cell says so; assigning over it is asked with the warning.
    answers.queue.append(("E01", second.unit))
    page.add_conflict()
    assert cell(page, "E01", second.id).data() == CONFLICT
    answers.queue.append("该单位为同名的另一单位")
    page.matrix_view.doubleClicked.emit(cell(page, "E01", second.id))
    change = answers.asked[-1][-1]
    assert change.over_conflict and change.conflict_unit == second.unit
    assert cell(page, "E01", second.id).data() == MANUAL_ASSIGNED
    assert "回避" in cell(page, "E01", second.id).data(Qt.ItemDataRole.ToolTipRole)
    # The cell's (expert, submission), and the totals row that is not a pair.
    assert cell(page, "E01", second.id).data(KEY_ROLE) == ("E01", second.id)
    page.toggle_pair(page.matrix.index(len(EXPERTS), 0))  # 合计: nothing asked
    assert answers.queue == []

    # The packet has the adjusted pairs, and warns about the conflict.
    window.build_page.refresh()
    window.build_page.build()
    report = window.build_page.report
    assert report is not None
    assert any("已声明回避" in w and "E01" in w for w in report.warnings)
    with open_packet(report.packet_path) as packet:
        manifest = packet.manifest
    assert first.id not in manifest.assignments["E02"]
    assert second.id in manifest.assignments["E01"]
    assert manifest.assignments["E03"] == [c.id for c in candidates]

    # The command line reads the project's files the same way: --project, or each file.
    from app.cli import main as cli_main

    (tmp_path / "pass.txt").write_text(PASSPHRASE, encoding="utf-8")
    common = ["--title", manifest.title, "--passphrase-file", str(tmp_path / "pass.txt")]
    assert cli_main(["packet", "build", "--project", str(folder),
                     "-o", str(tmp_path / "a.panelpack"), *common]) == 0
    assert cli_main(["packet", "build", str(demo_intake), "-o", str(tmp_path / "b.panelpack"),
                     "--roster", str(folder / "roster.csv"),
                     "--assignments", str(folder / "assignments.csv"),
                     "--conflicts", str(folder / "conflicts.csv"), *common]) == 0
    for name in ("a.panelpack", "b.panelpack"):
        with open_packet(tmp_path / name) as again:
            assert again.manifest.assignments == manifest.assignments

    # Reopening the project keeps the adjustments.
    window.close()
    again = workbench(qtbot, folder, demo_intake, answers)
    page = again.panel_page
    assert page.overrides == {("E02", first.source): False, ("E01", second.source): True}
    assert cell(page, "E02", first.id).data() == MANUAL_UNASSIGNED
    assert cell(page, "E01", second.id).data() == MANUAL_ASSIGNED
    assert totals(page, "E02", first.id) == (str(count - 1), "2")


@pytest.mark.parametrize(("unit", "needs_reason"), [("某单位", True), ("", False)])
def test_assigning_over_a_conflict_needs_a_reason(qtbot, unit, needs_reason):
    seen: list[bool] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen.append(ok.isEnabled())
        dialog.findChild(QLineEdit).setText("同名的另一单位")
        seen.append(ok.isEnabled())
        ok.click()

    QTimer.singleShot(0, answer)
    change = PairChange("E01", "来源", before=False, after=True, override=True,
                        conflict_unit=unit)
    reason = PanelQuestions().pair_reason(None, EXPERTS[0], "S001（来源）", change)
    assert reason == "同名的另一单位" and seen == [not needs_reason, True]
