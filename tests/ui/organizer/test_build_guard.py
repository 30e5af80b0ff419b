"""生成评审包 asks first when included entries are still 需处理 or experts have no fingerprint."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from app.demo.intake import DEMO_EXPECTATIONS
from app.keys import KeyStore
from app.model import Expert
from ui.organizer.build_guard import BuildDoubts, BuildDoubtsDialog, OpenEntry
from ui.organizer.round import Round
from ui.organizer.workbench import BUILD, OrganizerWorkbench
from ui.task_runner import SyncTaskRunner

MISSING = next(s for s, e in DEMO_EXPECTATIONS.items() if e["category"] is None)
DUPLICATES = sorted(s for s, e in DEMO_EXPECTATIONS.items() if "duplicate" in e["warnings"])
PASSPHRASE = "组织方口令"
FINGERPRINT = "a" * 40


def test_open_warnings_are_named_and_only_build_anyway_builds(qtbot, tmp_path, demo_intake):
    KeyStore().create(PASSPHRASE)
    asked: list[BuildDoubts] = []
    answer = {"build": False}

    def confirm(_parent, doubts: BuildDoubts) -> bool:
        asked.append(doubts)
        return answer["build"]

    runner = SyncTaskRunner()
    project = Round.create(tmp_path / "round", demo_intake)
    window = OrganizerWorkbench(runner, runner, project, page_options={"build": {
        "passphrase": lambda _p: PASSPHRASE, "confirm": confirm}})
    qtbot.addWidget(window)
    project.set_roster([Expert("E01", "王专家", "某大学"),
                        Expert("E02", "李专家", "某研究院", FINGERPRINT)])
    window.go_to(BUILD)
    page = window.build_page
    page.build_button.click()
    assert page.report is None and not (tmp_path / "round" / "packets").exists()
    [doubts] = asked
    titles = {DEMO_EXPECTATIONS[s]["title"][:10] for s in (MISSING, *DUPLICATES)}
    listed = {e.title[:10]: e for e in doubts.entries}
    assert titles <= set(listed)
    assert "缺类别" in listed[DEMO_EXPECTATIONS[MISSING]["title"][:10]].labels
    assert all("疑似重复" in listed[DEMO_EXPECTATIONS[s]["title"][:10]].labels
               for s in DUPLICATES)
    assert all(e.submission_id.startswith("S") for e in doubts.entries)
    assert [e.id for e in doubts.unenrolled] == ["E01"]

    # A decision taken outside the intake page (here on the project) counts too.
    category = window.rubric.categories[0]
    project.decide(MISSING, {"fields": {"category": category}}, "电话确认")
    project.decide(DUPLICATES[1], {"duplicate_of": DUPLICATES[0]}, "重发")
    answer["build"] = True
    page.build_button.click()
    again = {e.title[:10]: e for e in asked[-1].entries}
    assert DEMO_EXPECTATIONS[MISSING]["title"][:10] not in again
    assert not any("疑似重复" in e.labels for e in asked[-1].entries)
    assert page.report is not None and page.report.packet_path.is_file()


def test_the_dialog_lists_them_and_defaults_to_going_back(qtbot):
    doubts = BuildDoubts([OpenEntry("S003", "某某社区“一老一小”关爱行动…", ("缺类别", "手机号"))],
                         [Expert("E01", "王专家")])
    dialog = BuildDoubtsDialog(doubts)
    qtbot.addWidget(dialog)
    assert "1 份" in dialog.summary.text() and "1 位专家" in dialog.summary.text()
    details = dialog.details.toPlainText()
    assert "S003" in details and "缺类别、手机号" in details and "E01  王专家" in details
    assert dialog.details.isReadOnly()
    assert dialog.back_button.isDefault() and not dialog.build_button.isDefault()
    dialog.back_button.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    dialog = BuildDoubtsDialog(doubts)
    qtbot.addWidget(dialog)
    dialog.build_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not BuildDoubts()  # nothing open: confirm_build builds without asking


def test_every_warning_of_the_build_is_reachable(qtbot, tmp_path, demo_intake):
    KeyStore().create(PASSPHRASE)
    runner = SyncTaskRunner()
    project = Round.create(tmp_path / "round", demo_intake)
    window = OrganizerWorkbench(runner, runner, project, page_options={"build": {
        "passphrase": lambda _p: PASSPHRASE, "confirm": lambda _p, _d: True}})
    qtbot.addWidget(window)
    project.set_roster([Expert("E01", "王专家", "某大学")])
    # Decisions about entries the folder does not have: one build warning each.
    gone = [f"已删除{n}" for n in range(5)] + ["<b>粗体</b>"]
    for source in gone:
        project.decide(source, {"exclude": "撤回"}, "撤回")
    window.go_to(BUILD)
    page = window.build_page
    page.build_button.click()
    report = page.report
    assert report is not None and len(report.warnings) >= len(gone)
    assert "另有" in page.summary_label.text() and page.warnings_button.isVisibleTo(page)
    page.warnings_button.click()
    dialog = page.warnings_dialog
    assert dialog is not None and dialog.isVisible()
    from PySide6.QtWidgets import QPlainTextEdit

    view = dialog.findChild(QPlainTextEdit)
    assert view.isReadOnly()
    text = view.toPlainText()
    assert all(f"“{source}”" in text for source in gone)  # markup stays as typed


def test_reopening_the_project_shows_its_packet_and_the_note(qtbot, tmp_path, demo_intake):
    from app.keys import format_fingerprint

    KeyStore().create(PASSPHRASE)
    revealed: list[Path] = []
    folder = tmp_path / "round"

    def open_window() -> OrganizerWorkbench:
        project = Round.open(folder) if Round.is_project(folder) else Round.create(
            folder, demo_intake)
        runner = SyncTaskRunner()
        window = OrganizerWorkbench(runner, runner, project, page_options={"build": {
            "passphrase": lambda _p: PASSPHRASE, "confirm": lambda _p, _d: True,
            "reveal": revealed.append}})
        qtbot.addWidget(window)
        return window

    window = open_window()
    window.project.set_roster([Expert("E01", "王专家", "某大学")])
    window.go_to(BUILD)
    window.build_page.build_button.click()
    report = window.build_page.report
    message = window.build_page.message_for_experts()
    window.close()

    again = open_window().build_page
    assert again.report is None  # nothing rebuilt: the packet itself was read again
    text = again.summary_label.text()
    assert report.packet_path.name in text and report.packet_id in text
    assert format_fingerprint(KeyStore().fingerprint()) in text
    assert again.copy_button.isEnabled() and again.reveal_button.isEnabled()
    assert again.message_for_experts() == message
    again.reveal()
    assert revealed == [report.packet_path.parent]
    again.window().close()

    report.packet_path.unlink()
    gone = open_window().build_page
    assert "已不在" in gone.summary_label.text() and str(report.packet_path) in \
        gone.summary_label.text()
    assert not gone.copy_button.isEnabled() and not gone.reveal_button.isEnabled()
    gone.window().close()

    report.packet_path.write_bytes(b"PK not a packet")
    broken = open_window().build_page
    assert "无法读取上次生成的评审包" in broken.summary_label.text()
    assert not broken.copy_button.isEnabled()
