"""申报材料 on the demo intake: scan, fix the category, mark the duplicate, exclude, reopen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from app.demo.intake import DEMO_EXPECTATIONS
from app.model import FIELD_LABELS
from ui.organizer.audit_view import action_text
from ui.organizer.intake_dialogs import Acknowledgement, Duplicate, FieldEdit, Withdrawal
from ui.organizer.intake_model import IntakeModel
from ui.organizer.intake_rows import ATTENTION, EXCLUDED, INCLUDED
from ui.organizer.page_view import FittedPage
from ui.organizer.round import Round
from ui.organizer.workbench import INTAKE, OrganizerWorkbench
from ui.roles import KEY_ROLE
from ui.task_runner import SyncTaskRunner

MISSING = next(s for s, e in DEMO_EXPECTATIONS.items() if e["category"] is None)
DUPLICATES = sorted(s for s, e in DEMO_EXPECTATIONS.items() if "duplicate" in e["warnings"])
PII = next(s for s, e in DEMO_EXPECTATIONS.items() if "pii_phone" in e["warnings"])
CLEAN = next(s for s, e in DEMO_EXPECTATIONS.items() if not e["warnings"])


class Answers:
    """The organizer's answers to the intake dialogs, queued by the test."""

    def __init__(self) -> None:
        self.queue: list[object] = []

    def _next(self, *_args: object) -> object:
        return self.queue.pop(0)

    edit_field = exclude = duplicate = acknowledge = withdraw_acknowledgement = _next
    change_folder_after_build = _next


@pytest.fixture
def answers() -> Answers:
    return Answers()


def open_workbench(qtbot, folder: Path, answers: Answers, intake: Path) -> OrganizerWorkbench:
    project = Round.open(folder) if Round.is_project(folder) else Round.create(folder, intake)
    runner = SyncTaskRunner()
    window = OrganizerWorkbench(runner, runner, project,
                                page_options={"intake": {"questions": answers}})
    qtbot.addWidget(window)
    return window


def statuses(page) -> dict[str, str]:
    return {r.source: r.status for r in page.model.rows()}


def test_the_steps_of_a_round(qtbot, tmp_path, answers, demo_intake):
    window = open_workbench(qtbot, tmp_path / "round", answers, demo_intake)
    assert window.step_titles() == ["申报材料", "专家与分配", "评审包", "导入评分表", "结果"]
    assert window.steps.count() == 5 and window.stack.currentWidget() is window.pages[INTAKE]
    assert (tmp_path / "round" / "project.json").is_file()


def test_scan_review_and_decide_then_reopen(qtbot, tmp_path, demo_intake, answers):
    folder = tmp_path / "round"
    window = open_workbench(qtbot, folder, answers, demo_intake)
    page = window.intake_page
    page.scan()
    assert not page.scanning
    assert page.model.rowCount() == len(DEMO_EXPECTATIONS)
    rows = {r.source: r for r in page.model.rows()}
    assert rows[MISSING].status == ATTENTION and rows[CLEAN].status == INCLUDED
    assert {w.code for w in rows[MISSING].warnings} == {"category_missing"}
    assert {w.code for w in rows[DUPLICATES[0]].warnings} == {"duplicate"}

    # 补填类别: the warning goes away at once.
    page.select(MISSING)
    category = window.rubric.categories[1]
    answers.queue.append(FieldEdit("category", category, "申报单位电话确认"))
    page.detail.category_button.click()
    row = page.model.rows()[page.model.row_of(MISSING)]
    assert row.fields["category"] == category and row.status == INCLUDED
    assert page.model.index(page.model.row_of(MISSING), IntakeModel.CATEGORY).data() == category

    # 标记为重复: the resend is left out, the original loses its duplicate warning.
    page.select(DUPLICATES[1])
    answers.queue.append(Duplicate(DUPLICATES[0], "重发的邮件"))
    page.detail.duplicate_button.click()
    assert statuses(page)[DUPLICATES[1]] == EXCLUDED
    assert statuses(page)[DUPLICATES[0]] == INCLUDED

    # 排除 and 确认提示.
    page.select(CLEAN)
    answers.queue.append("申报单位撤回")
    page.detail.exclude_button.click()
    assert statuses(page)[CLEAN] == EXCLUDED
    page.select(PII)
    answers.queue.append(Acknowledgement("pii_phone", "为公开的服务热线号码", False))
    page.detail.acknowledge_button.click()
    assert statuses(page)[PII] == INCLUDED

    decisions = json.loads((folder / "decisions.json").read_text(encoding="utf-8"))
    assert decisions["version"] == 1
    assert decisions["entries"][MISSING] == {"fields": {"category": category}}
    assert decisions["entries"][DUPLICATES[1]] == {"duplicate_of": DUPLICATES[0]}
    assert decisions["entries"][CLEAN] == {"exclude": "申报单位撤回"}
    assert decisions["entries"][PII] == {"acknowledge": {"pii_phone": "为公开的服务热线号码"}}
    audit = window.project.audit()
    assert [a["action"] for a in audit] == ["edit", "duplicate", "exclude", "acknowledge"]
    assert audit[0]["reason"] == "申报单位电话确认" and audit[0]["subject"] == MISSING

    # Filters: by status and by warning.
    page.status_filter.setCurrentIndex(page.status_filter.findData(EXCLUDED))
    assert page.proxy.rowCount() == 2
    page.status_filter.setCurrentIndex(0)
    page.warning_filter.setCurrentIndex(page.warning_filter.findData("word_count"))
    assert page.proxy.rowCount() == 2

    # Reopening the project brings every decision back.
    window.close()
    again = open_workbench(qtbot, folder, answers, demo_intake)
    again.intake_page.scan()
    assert statuses(again.intake_page) == statuses(page)


def test_a_rescan_reads_only_new_or_changed_entries(qtbot, tmp_path, demo_intake, answers,
                                                    monkeypatch):
    import shutil

    intake = tmp_path / "intake"
    shutil.copytree(demo_intake, intake)
    window = open_workbench(qtbot, tmp_path / "round", answers, intake)
    page = window.intake_page
    page.scan()
    read: list[str] = []
    from app.assembly import scan

    real = scan.scan_entry
    monkeypatch.setattr(scan, "scan_entry",
                        lambda path, *a, **k: read.append(path.name) or real(path, *a, **k))
    page.scan()
    assert read == []
    shutil.copytree(intake / CLEAN, intake / "新来的邮件")
    page.scan()
    assert read == ["新来的邮件"] and page.model.rowCount() == len(DEMO_EXPECTATIONS) + 1


def test_a_rejected_entry_shows_its_reason_and_files(qtbot, tmp_path, answers):
    intake = tmp_path / "intake"
    (intake / "只有照片").mkdir(parents=True)
    (intake / "只有照片" / "现场.txt").write_text("没有申报书", encoding="utf-8")
    (intake / "坏的压缩包.zip").write_bytes(b"PK\x03\x04 broken")
    window = open_workbench(qtbot, tmp_path / "round", answers, intake)
    page = window.intake_page
    assert set(statuses(page).values()) == {"rejected"}
    page.select("只有照片")
    shown = page.detail.fields.toPlainText()
    assert "未找到申报书" in shown and "现场.txt" in shown
    assert not page.detail.exclude_button.isVisibleTo(page.detail)


def test_rows_arrive_from_the_worker_thread(qtbot, tmp_path, demo_intake, answers):
    from ui.task_runner import TaskRunner

    project = Round.create(tmp_path / "round", demo_intake)
    runner, writer = TaskRunner(), TaskRunner(max_threads=1)
    from ui.organizer.intake_page import IntakePage

    page = IntakePage(runner, writer, project, project.rubric(), questions=answers)
    qtbot.addWidget(page)
    page.scan()
    assert page.progress.isVisibleTo(page) and page.cancel_button.isVisibleTo(page)
    qtbot.waitUntil(lambda: not page.scanning, timeout=60_000)
    assert page.model.rowCount() == len(DEMO_EXPECTATIONS)
    assert not page.progress.isVisibleTo(page)
    runner.wait_for_done()
    writer.wait_for_done()
    project.close()


def test_an_acknowledgement_is_withdrawn_and_logged(qtbot, tmp_path, demo_intake, answers):
    folder = tmp_path / "round"
    window = open_workbench(qtbot, folder, answers, demo_intake)
    page = window.intake_page
    page.select(PII)
    assert not page.detail.withdraw_button.isVisibleTo(page.detail)  # nothing to withdraw
    answers.queue.append(Acknowledgement("pii_phone", "为公开的服务热线号码", True))
    page.detail.acknowledge_button.click()
    assert statuses(page)[PII] == INCLUDED
    assert page.detail.withdraw_button.isVisibleTo(page.detail)

    answers.queue.append(Withdrawal("pii_phone", "号码并非公开热线"))
    page.detail.withdraw_button.click()
    assert statuses(page)[PII] == ATTENTION
    assert not page.detail.withdraw_button.isVisibleTo(page.detail)
    assert page.detail.acknowledge_button.isVisibleTo(page.detail)
    decisions = json.loads((folder / "decisions.json").read_text(encoding="utf-8"))
    assert PII not in decisions["entries"]  # nothing is left of the acknowledgement
    entry = window.project.audit()[-1]
    assert (entry["action"], entry["subject"], entry["reason"]) == (
        "unacknowledge", PII, "号码并非公开热线")
    assert json.loads(entry["old"])["acknowledge"] == {"pii_phone": "为公开的服务热线号码"}
    assert json.loads(entry["new"]) == {}
    assert action_text(entry["action"]) == "撤销确认"

    window.close()
    again = open_workbench(qtbot, folder, answers, demo_intake)
    assert statuses(again.intake_page)[PII] == ATTENTION


def test_edit_opens_where_an_unmasked_number_is(qtbot, tmp_path, demo_intake, answers,
                                                monkeypatch):
    """修改字段 on an entry with an unmasked phone number opens the field holding it with
    the number selected, and the warning names that field."""
    window = open_workbench(qtbot, tmp_path / "round", answers, demo_intake)
    page = window.intake_page
    page.scan()
    page.select(PII)
    row = page.model.rows()[page.model.row_of(PII)]
    warning = next(w for w in row.warnings if w.code == "pii_phone")
    asked: list[tuple] = []
    monkeypatch.setattr(answers, "edit_field", lambda *args: asked.append(args[1:]) or None,
                        raising=False)
    page.detail.edit_button.click()
    [(fields, _categories, field, select)] = asked
    start, end = select
    assert field == warning.field and fields[field][start:end].endswith(
        warning.message[-4:])  # the masked message keeps the last four digits
    shown = [page.detail.warnings.item(i).text() for i in range(page.detail.warnings.count())]
    assert any(f"（在“{FIELD_LABELS[field]}”中）" in text for text in shown)


def test_the_edit_dialog_selects_the_place(qtbot):
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from ui.organizer.intake_dialogs import IntakeQuestions

    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        editor = dialog.findChild(QPlainTextEdit)
        seen.append(editor.textCursor().selectedText())
        dialog.reject()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, answer)
    body = "来电人留下电话 13912345678，后续回访。"
    start = body.index("139")
    IntakeQuestions().edit_field(None, {"body": body}, ["甲类"], "body", (start, start + 11))
    assert seen == ["13912345678"]


def test_every_evidence_item_has_an_icon(qtbot, tmp_path, demo_intake, answers):
    """A file without a thumbnail (a .txt of links) gets its kind's badge: without an
    icon its caption wrapped a character a line."""
    window = open_workbench(qtbot, tmp_path / "round", answers, demo_intake)
    page = window.intake_page
    page.scan()
    seen = 0
    for row in page.model.rows():
        page.select(row.source)
        thumbs = page.detail.thumbs
        items = [thumbs.item(i) for i in range(thumbs.count())]
        assert all(not item.icon().isNull() for item in items), row.source
        seen += sum(1 for e in row.scanned.evidence if e.kind not in ("image", "pdf"))
    assert seen, "the demo intake has evidence that is neither image nor PDF"


def test_a_double_clicked_evidence_file_opens_large(qtbot, tmp_path, demo_intake, answers,
                                                    monkeypatch):
    from ui.organizer import evidence_view

    window = open_workbench(qtbot, tmp_path / "round", answers, demo_intake)
    page = window.intake_page
    page.scan()
    shown: list[evidence_view.OpenedEvidence] = []
    monkeypatch.setattr(evidence_view.EvidenceDialog, "exec",
                        lambda dialog: shown.append(dialog) or 0)
    kinds_seen = set()
    for row in page.model.rows():
        page.select(row.source)
        thumbs = page.detail.thumbs
        for i in range(thumbs.count()):
            name, kind = thumbs.item(i).data(Qt.ItemDataRole.UserRole)
            if kind in kinds_seen:
                continue
            kinds_seen.add(kind)
            thumbs.itemDoubleClicked.emit(thumbs.item(i))
            dialog = shown[-1]
            assert dialog.windowTitle() == Path(name).name
            if kind in ("image", "pdf"):
                assert dialog.findChildren(FittedPage), kind
            else:
                assert dialog.findChild(QPlainTextEdit) or dialog.findChild(QLabel), kind
    assert {"image", "pdf"} <= kinds_seen and len(kinds_seen) > 2


def test_an_evidence_file_gone_from_the_folder_says_so(tmp_path):
    from ui.organizer.evidence_view import open_evidence

    entry = tmp_path / "01 某单位"
    entry.mkdir()
    (entry / "a.txt").write_text("x", encoding="utf-8")
    opened = open_evidence(entry, "gone.jpg", "image")
    assert not opened.images and "已没有这个文件" in opened.error


def test_changing_the_intake_folder_after_a_build_asks_first(qtbot, tmp_path, demo_intake,
                                                             answers):
    project = Round.create(tmp_path / "round", demo_intake)
    project.set_state("packet", str(tmp_path / "round-1.panelpack"))
    asked: list[object] = []
    runner = SyncTaskRunner()
    window = OrganizerWorkbench(runner, runner, project, page_options={"intake": {
        "questions": answers, "choose_folder": lambda _w: asked.append(1)}})
    qtbot.addWidget(window)
    page = window.intake_page
    answers.queue.append(False)  # 取消
    page.choose_folder()
    assert asked == [] and project.intake_dir == demo_intake
    answers.queue.append(True)  # 更换 (then the chooser is cancelled)
    page.choose_folder()
    assert asked == [1] and not answers.queue


def test_a_picture_pasted_into_the_form_opens_like_a_file(qapp, tmp_path):
    from tests.app.intake.test_heldout_forms import form_with_pictures
    from ui.organizer.evidence_view import open_evidence

    entry = tmp_path / "01 某单位"
    entry.mkdir()
    (entry / "申报书.docx").write_bytes(form_with_pictures(40))
    opened = open_evidence(entry, "申报书（内嵌图片1）.jpg", "image", "申报书.docx", "docx")
    assert opened.images and not opened.error
def test_the_entry_buttons_stay_in_place_from_entry_to_entry(qtbot, tmp_path, demo_intake,
                                                             answers):
    # 补填类别 and 确认提示 are offered to some entries only; the buttons every entry has
    # must not shift under the pointer when the next entry is selected.
    window = open_workbench(qtbot, tmp_path / "round", answers, demo_intake)
    window.show()
    page = window.intake_page
    page.scan()
    detail = page.detail
    places = set()
    for source in (CLEAN, MISSING, DUPLICATES[0], PII):
        page.select(source)
        qtbot.wait(1)
        places.add(tuple(b.mapTo(detail, b.rect().topLeft()).x() for b in
                         (detail.edit_button, detail.duplicate_button, detail.exclude_button)))
    assert len(places) == 1


def test_a_warning_is_said_in_english_in_the_detail_and_the_tooltip(qtbot, tmp_path,
                                                                   demo_intake, answers,
                                                                   english_here):
    window = open_workbench(qtbot, tmp_path / "round", answers, demo_intake)
    page = window.intake_page
    page.scan()
    page.select(PII)
    shown = page.detail.warnings.item(0).text()
    assert shown.startswith("⚠ Mobile number: ") and "139****" in shown
    assert "疑似" not in shown and "：" not in shown.splitlines()[0]
    model = page.model
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data(KEY_ROLE) == PII)
    tip = model.index(row, IntakeModel.WARNINGS).data(Qt.ItemDataRole.ToolTipRole)
    assert "139****" in tip and "疑似" not in tip


def test_english_column_labels_and_statuses_are_not_clipped(qtbot, tmp_path, demo_intake,
                                                             answers, english_here):
    from ui.organizer.intake_model import status_text
    from ui.organizer.intake_rows import STATUSES

    window = open_workbench(qtbot, tmp_path / "round", answers, demo_intake)
    view = window.intake_page.table
    metrics = view.horizontalHeader().fontMetrics()
    model = window.intake_page.model
    for column in (IntakeModel.STATUS, IntakeModel.IMAGES, IntakeModel.BODY):
        label = model.headerData(column, Qt.Orientation.Horizontal)
        assert view.columnWidth(column) > metrics.horizontalAdvance(label), label
    widest = max(view.fontMetrics().horizontalAdvance(status_text(s)) for s in STATUSES)
    assert view.columnWidth(IntakeModel.STATUS) > widest


def test_adding_a_category_starts_with_none_chosen(qtbot):
    """补填类别 offers no category until the organizer picks one: OK pressed by mistake
    filed the entry under the first category."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox

    from ui.organizer.intake_dialogs import IntakeQuestions

    seen: list[tuple[bool, int]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        category = next(c for c in dialog.findChildren(QComboBox) if c.isVisible()
                        and c.findText("乙类") >= 0)
        seen.append((ok.isEnabled(), category.currentIndex()))
        category.setCurrentIndex(category.findText("乙类"))
        seen.append((ok.isEnabled(), category.currentIndex()))
        ok.click()

    QTimer.singleShot(0, answer)
    edit = IntakeQuestions().edit_field(None, {"title": "某题目"}, ["甲类", "乙类"], "category")
    assert seen == [(False, -1), (True, 1)]
    assert edit is not None and (edit.field, edit.value) == ("category", "乙类")
