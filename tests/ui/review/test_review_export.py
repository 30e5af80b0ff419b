"""文件 ▸ 导出评分表 from the review window: the check, the dialog, the signed sheet."""

from __future__ import annotations

from pathlib import Path

from app.keys import KeyStore
from app.sheets.importer import import_sheet
from app.sheets.orgdb import OrgDB
from tests.ui.review_helpers import Calls
from ui.review.export_dialog import ExportChoice, ExportDialog

PASSPHRASE = "correct horse battery"


def key_store(home: Path) -> KeyStore:
    store = KeyStore(home)
    if not store.exists():
        store.create(PASSPHRASE)
    return store


def score_all(session, subs) -> None:
    for sid in subs:
        session.set_scores(sid, {"warmth": "25", "efficacy": "25", "authenticity": "8",
                                 "typicality": "8", "storytelling": "8", "compliance": "8"})


def test_dialog_requires_partial_when_incomplete_and_checks_the_passphrase(qtbot, tmp_path):
    store = key_store(tmp_path)
    dialog = ExportDialog(["S001 尚未评分", "S002 缺少评分项：温度"], store,
                          tmp_path / "sheet.xlsx")
    qtbot.addWidget(dialog)
    assert dialog.missing_list.count() == 2
    assert not dialog.export_button.isEnabled()  # nothing missing may slip out unmarked
    dialog.partial_box.setChecked(True)
    assert dialog.export_button.isEnabled()
    dialog.passphrase.setText("wrong")
    dialog.submit()
    assert dialog.choice is None and dialog.error_label.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.submit()
    assert dialog.choice is not None and dialog.choice.partial
    assert dialog.choice.path == tmp_path / "sheet.xlsx"


def test_complete_marks_need_no_partial_and_path_gets_xlsx(qtbot, tmp_path):
    dialog = ExportDialog([], key_store(tmp_path), tmp_path / "sheet")
    qtbot.addWidget(dialog)
    assert dialog.export_button.isEnabled() and not dialog.partial_box.isVisibleTo(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.submit()
    assert dialog.choice.path == tmp_path / "sheet.xlsx" and not dialog.choice.partial


def test_window_exports_a_sheet_the_organizer_accepts(make_window, packet_path, dialogs,
                                                      paneldesk_home, tmp_path):
    store = key_store(paneldesk_home)
    window = make_window(Calls())
    window.open_path(packet_path)
    session = window.session
    score_all(session, sorted(session.assigned))
    out = tmp_path / "out" / "E1.xlsx"
    out.parent.mkdir()
    seen: list[list[str]] = []

    def decide(_window, missing, suggested):
        seen.append(missing)
        assert suggested.suffix == ".xlsx" and "E1" in suggested.name
        return ExportChoice(out, False, store.unlock(PASSPHRASE))

    window.exporter.decide = decide
    window.menus.export.trigger()
    assert seen == [[]]
    assert out.is_file()
    assert dialogs and dialogs[-1][1] == "已导出评分表" and "第 1 版" in dialogs[-1][2]
    with OrgDB(f"sqlite:///{tmp_path / 'org.db'}") as db:
        outcome = import_sheet(out, session.packet, db, accept={"E1"})
    assert outcome.outcome == "VALID", outcome.to_dict()


def test_incomplete_export_lists_what_is_missing_and_cancel_writes_nothing(
        make_window, packet_path, dialogs, tmp_path):
    window = make_window(Calls())
    window.open_path(packet_path)
    seen: list[list[str]] = []
    window.exporter.decide = lambda _w, missing, _s: seen.append(missing)  # returns None: cancel
    window.menus.export.trigger()
    assert len(seen) == 1 and any("S001" in line for line in seen[0])
    assert dialogs == []
    assert list(tmp_path.glob("**/*.xlsx")) == []


def test_suggested_sheet_name_is_in_chinese_by_default():
    from ui.review.export import suggested_sheet_path

    assert suggested_sheet_path("DEMO-2026", "E1").name == "评分表_E1_DEMO-2026.xlsx"


def test_suggested_sheet_name_is_in_the_interface_language(english_here):
    from ui.review.export import suggested_sheet_path

    assert suggested_sheet_path("DEMO-2026", "E1").name == "score_sheet_E1_DEMO-2026.xlsx"
