"""专家与分配 · 导入名单…: a roster file is merged into the roster (the default) or replaces
it after a confirmation naming who goes; enrolled fingerprints, panels and conflicts of the
experts who stay are kept, and the organizer hears when a built packet must be rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.model import Expert
from app.organizer.panel import merged_roster, replaced_roster
from ui.organizer.panel_dialogs import MERGE, REPLACE, PanelQuestions
from ui.organizer.round import Round
from ui.organizer.workbench import OrganizerWorkbench
from ui.task_runner import SyncTaskRunner

FP = "3f2a9c01" * 5
OTHER_FP = "0123abcd" * 5
EXPERTS = [Expert("E01", "王专家", "甲大学", FP), Expert("E02", "李专家", "乙研究院"),
           Expert("E03", "赵专家", "丙中心")]


class Answers:
    def __init__(self) -> None:
        self.queue: list[object] = []
        self.asked: list[tuple[str, tuple[object, ...]]] = []

    def __getattr__(self, name: str):
        def answer(*args: object) -> object:
            self.asked.append((name, args[1:]))
            return self.queue.pop(0)
        return answer


@pytest.fixture
def round_page(qtbot, tmp_path, demo_intake):
    project = Round.create(tmp_path / "round", demo_intake)
    project.set_roster(EXPERTS)
    category = project.rubric().categories[0]
    project.set_panels([("E01", category), ("E02", category)], [("E01", "某单位"), ("E03", "另一单位")])
    answers = Answers()
    runner = SyncTaskRunner()
    window = OrganizerWorkbench(runner, runner, project,
                                page_options={"panel": {"questions": answers}})
    qtbot.addWidget(window)
    return window, answers, category


def roster_file(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "名单.csv"
    path.write_text("编号,姓名,单位,公钥指纹\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_merge_and_replace_keep_what_the_file_does_not_say():
    from_file = [Expert("e01", "王新", "甲大学二院"), Expert("E04", "钱专家", "丁所", OTHER_FP)]
    assert merged_roster(EXPERTS, from_file) == [
        Expert("E01", "王新", "甲大学二院", FP), EXPERTS[1], EXPERTS[2], from_file[1]]
    roster, removed = replaced_roster(EXPERTS, from_file)
    assert roster == [Expert("E01", "王新", "甲大学二院", FP), from_file[1]]
    assert removed == EXPERTS[1:]
    assert merged_roster(EXPERTS, [Expert("E01", "王专家", "甲大学", OTHER_FP)])[0].fingerprint \
        == OTHER_FP


def test_importing_merges_by_default_and_keeps_panels_conflicts_fingerprints(
        round_page, tmp_path):
    window, answers, category = round_page
    page = window.panel_page
    path = roster_file(tmp_path, ["E01,王新,甲大学二院,", "E04,钱专家,丁所,"])
    answers.queue += [path, MERGE]
    page.import_roster()
    assert answers.asked[1] == ("roster_import", ("名单.csv", 2, False))
    assert [(e.id, e.name, e.fingerprint) for e in window.project.roster()] == [
        ("E01", "王新", FP), ("E02", "李专家", None), ("E03", "赵专家", None), ("E04", "钱专家", None)]
    assert window.project.panels() == ([("E01", category), ("E02", category)],
                                       [("E01", "某单位"), ("E03", "另一单位")])
    assert page.roster.rowCount() == 4 and page.conflicts == [("E01", "某单位"), ("E03", "另一单位")]
    last = window.project.audit()[-1]
    assert last["action"] == "roster" and last["reason"] == "import 名单.csv (merge)"


def test_cancelling_the_question_or_the_confirmation_changes_nothing(round_page, tmp_path):
    window, answers, _category = round_page
    page = window.panel_page
    path = roster_file(tmp_path, ["E01,王专家,甲大学,"])
    before = len(window.project.audit())
    answers.queue += [path, None]
    page.import_roster()
    answers.queue += [path, REPLACE, False]
    page.import_roster()
    assert answers.asked[-1] == ("confirm_replace", (EXPERTS[1:],))
    assert window.project.roster() == EXPERTS and len(window.project.audit()) == before
    assert page.roster.rowCount() == 3


def test_replacing_removes_only_the_named_experts(round_page, tmp_path):
    window, answers, category = round_page
    page = window.panel_page
    path = roster_file(tmp_path, ["E04,钱专家,丁所,", "E01,王专家,甲大学,"])
    answers.queue += [path, REPLACE, True]
    page.import_roster()
    assert window.project.roster() == [Expert("E04", "钱专家", "丁所"), EXPERTS[0]]
    assert window.project.panels() == ([("E01", category)], [("E01", "某单位")])
    assert window.project.audit()[-2]["reason"] == "import 名单.csv (replace)"


def test_the_question_says_when_a_built_packet_must_be_rebuilt(round_page, tmp_path):
    window, answers, _category = round_page
    packet = tmp_path / "round.panelpack"
    packet.write_bytes(b"built")
    window.project.set_state("packet", str(packet))
    answers.queue += [roster_file(tmp_path, ["E01,王专家,甲大学,"]), None]
    window.panel_page.import_roster()
    assert answers.asked[-1] == ("roster_import", ("名单.csv", 1, True))


def click_later(button_text: str, seen: list[str]) -> None:
    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text() + "\n" + box.informativeText())
        seen.append(box.defaultButton().text())
        chosen = next(b for b in box.buttons() if b.text() == button_text)
        chosen.click()
    QTimer.singleShot(0, click)


@pytest.mark.parametrize(("button", "answer"), [("合并", MERGE), ("替换…", REPLACE),
                                                 ("Cancel", None)])
def test_the_real_question(qtbot, button, answer):
    seen: list[str] = []
    click_later(button, seen)
    assert PanelQuestions().roster_import(None, "名单.csv", 2, True) == answer
    assert "名单.csv" in seen[0] and "重新生成评审包" in seen[0] and seen[1] == "合并"


def test_the_real_confirmation_names_who_goes(qtbot):
    seen: list[str] = []
    click_later("删除并替换", seen)
    assert PanelQuestions().confirm_replace(None, EXPERTS[1:]) is True
    assert "E02 李专家" in seen[0] and "E03 赵专家" in seen[0] and "指纹" in seen[0]
    assert seen[1] != "删除并替换"
