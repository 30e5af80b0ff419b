"""In English, no window shows Chinese that is not the packet's or the rubric's own text.

One round is played through the organizer workbench on the demo intake — decisions at
intake, a roster with panels, a built packet, five experts' signed sheets (with
recusals, flags, comments, an outlying and a missing mark) imported on its import page,
and an organizer decision of every kind on its results page — and the review window
opens the packet.  Every page, every results tab and category, the re-review detail and
the dialogs are walked (`tests/ui/cjk_walk.py`) in English: whatever Chinese is left
after the packet's and rubric's texts are taken out is a string the interface forgot to
translate, and this test names it.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtWidgets import QApplication, QWidget

from app.demo.intake import DEMO_EXPECTATIONS, write_demo_intake
from app.keys import fingerprint, public_key_bytes
from app.model import Expert
from app.packet import open_packet
from app.paths import resource_path
from app.results.decisions import parse_decisions
from app.sheets.export import NOTES_SHEET, SCORE_SHEET, SIGNATURE_SHEET, export_sheet
from app.workspace import ReviewSession
from tests.ui.cjk_walk import chinese_left, data_strings, shown_texts
from ui import i18n
from ui.organizer.intake_dialogs import Duplicate, FieldEdit
from ui.organizer.round import Round
from ui.organizer.workbench import BUILD, IMPORT, INTAKE, PANEL, RESULTS, OrganizerWorkbench
from ui.review.shortcuts import ShortcutsDialog
from ui.task_runner import SyncTaskRunner

PASSPHRASE = "english-round"
EXPERTS = [Expert("E01", "王晓东", "北京大学"), Expert("E02", "李静", "清华大学"),
           Expert("E03", "张明", "中国人民大学"), Expert("E04", "陈红", "北京师范大学"),
           Expert("E05", "刘洋", "中国政法大学")]
# What the test itself types as an organizer or an expert would (data, not interface).
TYPED = ("电话与申报单位确认", "同一邮件重发", "曾为该单位提供咨询", "事例具体，佐证较充分。",
         "经核实材料不实", "组织方会议决定", "两件确为不同作品", "评审组合议", "保留首次提交",
         "改过的评语")


# Shown in Chinese on purpose: the language menu names each language in that language,
# and English text quotes the pages of the score sheet (a Chinese document) by their names.
OWN_NAMES = (*i18n.LANGUAGES.values(), SCORE_SHEET, NOTES_SHEET, SIGNATURE_SHEET)


class Answers:
    """The pages' dialogs, answered in order."""

    def __init__(self) -> None:
        self.queue: list[object] = []

    def _next(self, *_args: object) -> object:
        return self.queue.pop(0)

    edit_field = exclude = duplicate = acknowledge = _next
    expert = fingerprint = new_key = conflict = roster_file = confirm_remove = _next


@dataclass
class PlayedRound:
    window: OrganizerWorkbench
    packet: Path
    data: set[str]


def expert_key(number: int) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes([number]) * 32)


def _score(session: ReviewSession, sid: str, fraction: float) -> None:
    session.set_scores(sid, {c.id: str(round(float(c.max) * min(1.0, fraction) * 2) / 2)
                             for c in session.rubric.criteria})


def _sheets(packet_path: Path, home: Path, out: Path) -> list[Path]:
    """Every expert's signed sheet: a lenient one, a strict one with an outlying mark, a
    recusal and a skipped submission (too few scores), flags and comments."""
    sheets = []
    out.mkdir(parents=True, exist_ok=True)
    with open_packet(packet_path) as packet:
        for n, expert in enumerate(packet.manifest.roster):
            with ReviewSession(packet, expert.id, home=home) as session:
                for i, sid in enumerate(sorted(session.assigned)):
                    if n == 4 and i == 0:
                        session.recuse(sid, TYPED[2])
                        continue
                    if n == 3 and i == 1:
                        continue  # never scored: that submission has too few scores
                    fraction = 0.6 + ((i * 7 + n * 3) % 10) / 30 + (0.05 if n == 0 else 0)
                    if n == 2 and i == 2:
                        fraction = 0.2  # far below the others: an outlying mark, a spread
                    _score(session, sid, fraction)
                    if session.comment_required(sid) or i % 3 == 0:
                        session.set_comment(sid, TYPED[3])
                    if n == 1 and i == 3:
                        session.set_flag(sid, "suspect_untrue", True)
                    if n == 1 and i == 4:
                        category = packet.manifest.rubric["categories"][1]
                        session.set_flag(sid, "wrong_category", True, category)
                sheets.append(export_sheet(session, expert_key(n + 1), out / f"{expert.id}.xlsx",
                                           allow_partial=True).path)
    return sheets


def _spoilt(sheet: Path, out: Path) -> list[Path]:
    """A copy of `sheet` changed after signing (a comment and a recusal) and one whose
    signature page was removed."""
    import openpyxl

    from app.sheets.export import FIRST_ROW

    changed = openpyxl.load_workbook(sheet)
    scores = changed[SCORE_SHEET]
    scores.cell(FIRST_ROW + 1, 12, TYPED[9])
    scores.cell(FIRST_ROW + 2, 13).value = "是" if scores.cell(FIRST_ROW + 2, 13).value is None \
        else None
    changed.save(out / "changed.xlsx")
    unsigned = openpyxl.load_workbook(sheet)
    unsigned.remove(unsigned[SIGNATURE_SHEET])
    unsigned.save(out / "unsigned.xlsx")
    return [out / "changed.xlsx", out / "unsigned.xlsx"]


def _demo_data() -> list[Any]:
    """The demo's own texts (applications, contacts, mails) as the intake shows them."""
    folder = resource_path("demo")
    return [tomllib.loads(path.read_text(encoding="utf-8"))
            for path in [folder / "demo.toml", *sorted((folder / "applications").glob("*.toml"))]]


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory, qapp) -> Iterator[PlayedRound]:
    work = tmp_path_factory.mktemp("english")
    saved_home = os.environ.get("PANELDESK_HOME")
    os.environ["PANELDESK_HOME"] = str(work / "home")
    i18n.install_translators(qapp, "en")
    try:
        intake = write_demo_intake(work / "demo")
        project = Round.create(work / "round", intake)
        answers = Answers()
        runner = SyncTaskRunner()
        window = OrganizerWorkbench(runner, runner, project, page_options={
            "intake": {"questions": answers}, "panel": {"questions": answers},
            "build": {"passphrase": lambda _p: PASSPHRASE, "reveal": lambda _p: None,
                      "confirm": lambda _p, _d: True}})
        window.resize(1500, 900)
        window.show()
        _intake_decisions(window, answers)
        _panel(window, answers)
        window.go_to(BUILD)
        window.build_page.build()
        packet = Path(project.state("packet"))
        sheets = _sheets(packet, work / "experts", work / "sheets")
        window.go_to(IMPORT)
        importer = window.pages[IMPORT]
        # The first expert's key is checked on the page (as after a phone call); a sheet
        # imported twice is a duplicate.
        importer._confirm_key = lambda _parent, _check: True
        importer.import_paths(sheets)
        importer.results_view.selectRow(0)
        importer.accept_selected_key()
        importer.import_paths(sheets[1:2])
        importer.import_paths(_spoilt(sheets[2], work / "sheets"))
        _results_decisions(window)
        with open_packet(packet) as opened:
            manifest = opened.manifest
            # The plain-text evidence the review window shows as it is.
            texts = [opened.read(f.name).decode("utf-8", "replace")
                     for sub in manifest.submissions for f in sub.files
                     if f.name.lower().endswith(".txt")]
        # The texts read from the applications (forms, fields, file names) are data.
        scanned = [row.scanned for row in window.intake_page.model.rows()]
        yield PlayedRound(window, packet, data_strings(
            manifest, EXPERTS, scanned, _demo_data(), [str(p) for p in intake.rglob("*")],
            TYPED, project.folder.name, OWN_NAMES, texts))
        window.close()
    finally:
        i18n.install_translators(qapp, "zh_CN")
        if saved_home is None:
            os.environ.pop("PANELDESK_HOME", None)
        else:
            os.environ["PANELDESK_HOME"] = saved_home


def _intake_decisions(window: OrganizerWorkbench, answers: Answers) -> None:
    page = window.intake_page
    expect = DEMO_EXPECTATIONS
    missing = next(s for s, e in expect.items() if e["category"] is None)
    twins = sorted(s for s, e in expect.items() if "duplicate" in e["warnings"])
    page.select(missing)
    answers.queue.append(FieldEdit("category", window.rubric.categories[1], TYPED[0]))
    page.edit_field("category")
    page.select(twins[1])
    answers.queue.append(Duplicate(twins[0], TYPED[1]))
    page.mark_duplicate_selected()


def _panel(window: OrganizerWorkbench, answers: Answers) -> None:
    panel = window.panel_page
    answers.queue.append(PASSPHRASE)
    panel.create_key()
    for expert in EXPERTS:
        answers.queue.append(expert)
        panel.add_expert()
    for number, expert in enumerate(EXPERTS[1:], 2):  # the first expert's key is checked later
        panel.select_expert(expert.id)
        answers.queue.append(fingerprint(public_key_bytes(expert_key(number))))
        panel.enrol_fingerprint()
    for row in range(len(EXPERTS)):
        for column in range(len(window.rubric.categories)):
            # One expert stays out of the last category: its submissions are short of
            # experts, and the panel and build pages say so.
            if (row, column) != (0, len(window.rubric.categories) - 1):
                panel.panels.setData(panel.panels.index(row, column), 2, 10)


def _results_decisions(window: OrganizerWorkbench) -> None:
    results = window.pages[RESULTS]
    ids = results._submission_ids()
    store = results.decisions_tab._store
    items = [{"action": "disqualify", "submission": ids[0], "reason": TYPED[4]},
             {"action": "override_minimum", "submission": ids[1], "reason": TYPED[5]},
             {"action": "tie_break", "order": ids[2:4], "reason": TYPED[7]},
             {"action": "keep_duplicate", "keep": ids[4], "drop": ids[5:6], "reason": TYPED[8]},
             {"action": "not_duplicate", "submissions": ids[6:8], "reason": TYPED[6]}]
    for item in items:
        decision = parse_decisions(json.dumps({"version": 1, "decisions": [item]}), "t")
        store.add(decision.decisions[0], "secretariat")
    results.recompute()


def leftovers(window: QWidget, data: set[str]) -> list[tuple[str, str]]:
    QApplication.processEvents()
    return chinese_left(shown_texts(window), data)


def report(found: list[tuple[str, str]]) -> str:
    """Each untranslated text once, with the first place it was seen."""
    first: dict[str, str] = {}
    for where, text in found:
        first.setdefault(text, where)
    return "\n".join(f"{where}: {text!r}" for text, where in sorted(first.items()))


def test_the_workbench_steps_are_english(played: PlayedRound) -> None:
    window = played.window
    found = []
    for step in (INTAKE, PANEL, BUILD, IMPORT):
        window.go_to(step)
        found += leftovers(window, played.data)
    importer = window.pages[IMPORT]
    for row in range(importer.results.rowCount()):
        importer.results_view.selectRow(row)
        found += leftovers(importer, played.data)
    assert found == [], report(found)


def test_the_results_are_english(played: PlayedRound) -> None:
    window = played.window
    window.go_to(RESULTS)
    page = window.pages[RESULTS]
    found = []
    for method in range(page.method_combo.count()):
        page.method_combo.setCurrentIndex(method)
        for category in range(page.category_combo.count()):
            page.category_combo.setCurrentIndex(category)
            found += leftovers(page, played.data)
        for row in range(page.re_review_model.rowCount()):
            page.re_review_view.selectRow(row)
            found += leftovers(page.detail_view, played.data)
    assert found == [], report(found)


def test_the_walk_finds_what_is_left_untranslated(qtbot) -> None:
    """The check itself: Chinese that is not data is found in a label, a button, a
    tooltip and a table cell; data and the language names are not."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Category: 感动瞬间", window))
    button = QPushButton("刷新", window)
    button.setToolTip("Refresh")
    layout.addWidget(button)
    view = QTableView(window)
    model = QStandardItemModel(1, 1, view)
    item = QStandardItem("Too few scores")
    item.setToolTip("评分不足：有效评分 1 份")
    model.setItem(0, 0, item)
    view.setModel(model)
    layout.addWidget(view)
    layout.addWidget(QLabel("中文", window))
    found = chinese_left(shown_texts(window), data_strings(["感动瞬间"], OWN_NAMES))
    assert sorted(text for _where, text in found) == ["刷新", "评分不足：有效评分 1 份"]


def test_the_review_window_is_english(played: PlayedRound, qtbot, paneldesk_home) -> None:
    """An expert opens the round's packet: the list, every submission with its warnings
    and evidence, the rubric panel, the menus, 我的排序 and the shortcuts."""
    from ui.application import open_settings
    from ui.review.identity_dialog import Identity
    from ui.review.window import ReviewWindow

    window = ReviewWindow(runner=SyncTaskRunner(), writer=SyncTaskRunner(),
                          settings=open_settings(), home=paneldesk_home,
                          identify=lambda _w, _p: Identity("E01", None),
                          declare_recusals=lambda _w, subs, _old: {subs[0].id: TYPED[2]})
    qtbot.addWidget(window)
    window.resize(1500, 900)
    window.show()
    window.open_path(played.packet)
    session = window.session
    assert session is not None
    found = []
    for number, sid in enumerate(sorted(session.assigned)):
        if number == 1:
            _score(session, sid, 0.3)  # low enough to ask for a comment
        window.list_panel.select(sid)
        found += leftovers(window, played.data)
    criteria = [c.name for c in session.rubric.criteria]
    for dialog in (window.make_ranking_dialog(), ShortcutsDialog(criteria, window)):
        if dialog is not None:
            qtbot.addWidget(dialog)
            found += leftovers(dialog, played.data)
    assert found == [], report(found)


def test_the_dialogs_are_english(played: PlayedRound, qtbot, monkeypatch) -> None:
    """Every question the organizer's and the expert's windows ask, walked as it opens
    (`exec` is answered with Cancel once the dialog has been read)."""
    from PySide6.QtWidgets import QDialog, QInputDialog

    from app.keys import KeyStore
    from ui.organizer.audit_view import AuditDialog
    from ui.organizer.decisions_tab import DecisionDialog
    from ui.organizer.intake_dialogs import IntakeQuestions
    from ui.organizer.intake_model import warning_label
    from ui.organizer.key_check import KeyCheck, KeyCheckDialog
    from ui.organizer.panel_dialogs import PanelQuestions
    from ui.review.export_dialog import ExportDialog
    from ui.review.identity_dialog import IdentityDialog
    from ui.review.passphrase_dialog import PassphraseDialog
    from ui.review.recusal_dialog import RecusalDialog

    found: list[tuple[str, str]] = []

    def read_and_cancel(dialog: QDialog) -> int:
        found.extend(leftovers(dialog, played.data))
        return int(QDialog.DialogCode.Rejected)

    def read_question(parent, title, label, *_args, **_kwargs):
        found.extend(chinese_left([("input.title", title), ("input.label", label)], played.data))
        return "", False

    monkeypatch.setattr(QDialog, "exec", read_and_cancel)
    monkeypatch.setattr(QInputDialog, "getText", read_question)
    window = played.window
    rubric = window.rubric
    with open_packet(played.packet) as packet:
        manifest = packet.manifest
    subs = manifest.submissions
    intake = IntakeQuestions()
    intake.edit_field(window, {"title": subs[0].title}, rubric.categories, "title")
    intake.exclude(window, subs[0].title)
    intake.duplicate(window, subs[0].title, [(s.id, s.title) for s in subs[1:3]])
    intake.acknowledge(window, [("pii_phone", warning_label("pii_phone"))])
    panel = PanelQuestions()
    panel.expert(window, EXPERTS[0])
    panel.fingerprint(window, EXPERTS[0])
    panel.new_key(window)
    panel.conflict(window, EXPERTS, [subs[0].unit])
    results = window.pages[RESULTS]
    results.decisions_tab._ask_text(results.decisions_tab, "Withdraw")
    keys = KeyStore()
    dialogs = [DecisionDialog([s.id for s in subs], [subs[0].id], "secretariat", window),
               KeyCheckDialog(KeyCheck("E01", EXPERTS[0].name, "E01.xlsx", "ab" * 20), window),
               AuditDialog(window),
               IdentityDialog(manifest.roster, keys, packet_title=manifest.title, preselect="E01"),
               RecusalDialog(subs, {subs[0].id: TYPED[2]}),
               PassphraseDialog(played.packet, can_remember=True, problem=None),
               ExportDialog([subs[0].id], keys, played.packet.with_suffix(".xlsx"))]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        if isinstance(dialog, DecisionDialog):
            for action in range(dialog.action_combo.count()):
                dialog.action_combo.setCurrentIndex(action)
                found += leftovers(dialog, played.data)
        found += leftovers(dialog, played.data)
    assert found == [], report(found)
