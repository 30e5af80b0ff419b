"""评审包: no build without a roster; with one, the packet reflects every intake decision."""

from __future__ import annotations

from pathlib import Path

from app.demo.intake import DEMO_EXPECTATIONS
from app.keys import KeyStore, format_fingerprint
from app.model import Expert
from app.packet import open_packet
from tests.ui.review_helpers import in_english
from ui.organizer.round import Round
from ui.organizer.workbench import BUILD, IMPORT, OrganizerWorkbench
from ui.task_runner import SyncTaskRunner

MISSING = next(s for s, e in DEMO_EXPECTATIONS.items() if e["category"] is None)
DUPLICATES = sorted(s for s, e in DEMO_EXPECTATIONS.items() if "duplicate" in e["warnings"])
CLEAN = next(s for s, e in DEMO_EXPECTATIONS.items() if not e["warnings"])
PASSPHRASE = "组织方口令"


def workbench(qtbot, folder: Path, intake: Path, revealed: list[Path]) -> OrganizerWorkbench:
    project = Round.open(folder) if Round.is_project(folder) else Round.create(folder, intake)
    runner = SyncTaskRunner()
    window = OrganizerWorkbench(runner, runner, project, page_options={"build": {
        "passphrase": lambda _parent: PASSPHRASE, "reveal": revealed.append,
        "confirm": lambda _parent, _doubts: True}})
    qtbot.addWidget(window)
    return window


def test_no_build_without_a_roster_or_a_key(qtbot, tmp_path, demo_intake):
    window = workbench(qtbot, tmp_path / "round", demo_intake, [])
    window.go_to(BUILD)
    page = window.build_page
    assert not page.build_button.isEnabled() and "专家名单" in page.problem.text()
    window.project.set_roster([Expert("E01", "王专家", "某大学")])
    page.refresh()
    assert not page.build_button.isEnabled() and "密钥" in page.problem.text()
    page.build()  # refused: nothing is asked, nothing written
    assert page.report is None and not (tmp_path / "round" / "packets").exists()


def test_build_applies_the_decisions_and_opens_import(qtbot, tmp_path, demo_intake,
                                                       monkeypatch):
    KeyStore().create(PASSPHRASE)
    revealed: list[Path] = []
    folder = tmp_path / "round"
    window = workbench(qtbot, folder, demo_intake, revealed)
    project = window.project
    category = window.rubric.categories[0]
    project.decide(MISSING, {"fields": {"category": category}}, "电话确认")
    project.decide(DUPLICATES[1], {"duplicate_of": DUPLICATES[0]}, "重发")
    project.decide(CLEAN, {"exclude": "撤回"}, "撤回")
    project.set_roster([Expert("E01", "王专家", "某大学"), Expert("E02", "李专家", "某研究院")])
    window.go_to(BUILD)
    page = window.build_page
    assert "评分项" in page.preview.toPlainText() and page.build_button.isEnabled()
    page.build_button.click()
    report = page.report
    assert report is not None and report.packet_path.is_file()
    assert len(report.included) == len(DEMO_EXPECTATIONS) - 2 and len(report.excluded) == 2
    assert page.summary.rowCount() == len(DEMO_EXPECTATIONS)

    packet = open_packet(report.packet_path)
    try:
        manifest = packet.manifest
        assert {e["source"] for e in manifest.excluded} == {CLEAN, DUPLICATES[1]}
        assert [e.id for e in manifest.roster] == ["E01", "E02"]
        titles = {s.title: s for s in manifest.submissions}
        fixed = titles[DEMO_EXPECTATIONS[MISSING]["title"]]
        assert fixed.category == category
    finally:
        packet.close()

    message = page.message_for_experts()
    assert format_fingerprint(KeyStore().fingerprint()) in message
    assert report.packet_path.name in message
    page.copy_message()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == message
    page.reveal()
    assert revealed == [report.packet_path.parent]
    # The round now has a packet: 导入评分表 is the import page, and stays so on reopening.
    assert window.packet is not None and window.pages[IMPORT].__class__.__name__ == "ImportPage"
    window.close()
    again = workbench(qtbot, folder, demo_intake, revealed)
    assert again.packet is not None and again.packet.path == report.packet_path


def test_a_wrong_passphrase_is_said_in_the_interface_language_and_wraps(qtbot, tmp_path,
                                                                         demo_intake):
    KeyStore().create(PASSPHRASE)
    project = Round.create(tmp_path / "round", demo_intake)
    project.set_roster([Expert("E01", "王专家", "某大学")])
    runner = SyncTaskRunner()
    window = OrganizerWorkbench(runner, runner, project, page_options={"build": {
        "passphrase": lambda _parent: "不是这个口令", "reveal": lambda _p: None,
        "confirm": lambda _parent, _doubts: True}})
    qtbot.addWidget(window)
    window.go_to(BUILD)
    page = window.build_page
    page.build_button.click()
    assert page.report is None
    assert page.progress_label.text().startswith("未能生成评审包：口令错误")
    # The message names the key file's path; it wraps instead of widening the page.
    assert page.progress_label.wordWrap()
    assert page.minimumSizeHint().width() < page.progress_label.fontMetrics().horizontalAdvance(
        page.progress_label.text())
    with in_english():
        page.build_button.click()
        assert "口令" not in page.progress_label.text()
        assert "passphrase" in page.progress_label.text().lower()


def test_the_rubric_preview_punctuates_in_the_interface_language(qtbot):
    from app.rubrics import load_default_rubric
    from ui.organizer.build_summary import rubric_preview

    rubric = load_default_rubric()
    chinese = rubric_preview(rubric)
    assert f"  · {rubric.criteria[0].name}：{rubric.criteria[0].max} · ×" in chinese
    assert "类别：" + "、".join(rubric.categories) in chinese
    with in_english():
        english = rubric_preview(rubric)
    assert f"  · {rubric.criteria[0].name}: {rubric.criteria[0].max} · ×" in english
    assert f"  · {rubric.awards[0].name}: " in english
    assert "Categories: " + ", ".join(rubric.categories) in english
    assert "：" not in english.replace(rubric.name, "")


def test_the_built_in_rubric_button_and_a_broken_rubric_in_english(qtbot, tmp_path,
                                                                   demo_intake):
    """用内置细则 is offered only when another rubric is in use; a broken rubric file is
    explained in the interface language, naming its field."""
    window = workbench(qtbot, tmp_path / "round", demo_intake, [])
    window.go_to(BUILD)
    page = window.build_page
    assert not page.default_button.isEnabled()
    broken = tmp_path / "broken.toml"
    broken.write_text('id = "x"\nname = "细则"\nversion = 1\nstep = "1"\ncolour = 1\n',
                      encoding="utf-8")
    with in_english():
        page.set_rubric(broken)
        shown = page.rubric_error.text()
    assert page.default_button.isEnabled() and page.rubric is None
    assert "colour" in shown and "unknown field" in shown and "未知字段" not in shown
    page.set_rubric(None)
    assert not page.default_button.isEnabled() and page.rubric is not None
