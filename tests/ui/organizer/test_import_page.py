"""导入评分表: the models without views, then the page with real signed sheets.

Sheets are exported from real expert workspaces (the score-sheet tests' packet), and
the page runs on a SyncTaskRunner against a real SQLite organizer database.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

import ui.organizer.import_page as import_page
from app.errors import PanelDeskError
from app.keys import fingerprint, format_fingerprint, public_key_bytes
from app.packet import open_packet
from app.sheets.export import FIRST_ROW, export_sheet
from app.sheets.importer import OUTCOME_LABELS
from app.sheets.orgdb import OrgDB
from app.sheets.verify import DiffItem
from app.workspace import ReviewSession
from tests.app.workspace.crash_child import build_packet
from ui.organizer.import_models import (
    ERROR,
    OUTCOME_TEXT,
    DiffModel,
    ExpertOverviewModel,
    ImportResultsModel,
    RejectedFilesModel,
    ResultRow,
    local_time,
)
from ui.organizer.import_page import ImportPage
from ui.organizer.key_check import KeyCheck, KeyCheckDialog
from ui.task_runner import SyncTaskRunner

PACKET_ID = "TEST-2026"
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
FULL = {"warmth": "20", "efficacy": "24.5", "authenticity": "8", "typicality": "7",
        "storytelling": "8", "compliance": "9"}
DISPLAY = Qt.ItemDataRole.DisplayRole


def fill(session: ReviewSession, *, skip: tuple[str, ...] = ()) -> None:
    """Every assigned submission scored, except S003 (recused) and `skip` (left open)."""
    for sid in session.assigned:
        if sid == "S003":
            session.recuse(sid, "本人曾在该单位任职")
        elif sid not in skip:
            session.set_scores(sid, FULL)


def make_sheets(packet: Any, folder: Path, home: Path) -> dict[str, Path]:
    """E1 v1 and v2 (a folder of returned sheets), E2 partial, and bad files beside it."""
    sheets = folder / "交回的评分表"
    sheets.mkdir(parents=True)
    with ReviewSession(packet, "E1", home=home) as e1:
        fill(e1)
        v1 = export_sheet(e1, KEY, sheets / "E1_第1版.xlsx").path
        e1.set_comment("S001", "第二版：补充回访记录")
        v2 = export_sheet(e1, KEY, folder / "E1_第2版.xlsx").path
    with ReviewSession(packet, "E2", home=home) as e2:
        fill(e2, skip=("S005",))
        partial = export_sheet(e2, KEY, folder / "E2.xlsx", allow_partial=True).path
    wb = openpyxl.load_workbook(v2)
    wb["评分表"].cell(FIRST_ROW, 4, 29)
    tampered = folder / "E1_第2版_改过.xlsx"
    wb.save(tampered)
    junk = folder / "申报书.xlsx"
    junk.write_bytes(b"%PDF-1.4 not a workbook")
    return {"folder": sheets, "v1": v1, "v2": v2, "e2": partial, "tampered": tampered,
            "junk": junk}


@pytest.fixture
def packet(tmp_path: Path) -> Iterator[Any]:
    with open_packet(build_packet(tmp_path / "t.panelpack")) as p:
        yield p


@pytest.fixture
def sheets(packet: Any, tmp_path: Path) -> dict[str, Path]:
    return make_sheets(packet, tmp_path / "mail", tmp_path / "ws")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'org.db'}"


class Confirm:
    """Stands in for the fingerprint dialog; records what it was shown."""

    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.shown: list[KeyCheck] = []

    def __call__(self, _parent: Any, check: KeyCheck) -> bool:
        self.shown.append(check)
        return self.answer


@pytest.fixture
def make_page(qtbot, packet, db_url) -> Callable[..., ImportPage]:
    def make(**kwargs: Any) -> ImportPage:
        kwargs.setdefault("confirm_key", Confirm())
        page = ImportPage(kwargs.pop("runner", SyncTaskRunner()), packet,
                          kwargs.pop("open_db", lambda: OrgDB(db_url)), **kwargs)
        qtbot.addWidget(page)
        return page
    return make


def drop(page: ImportPage, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    page.dropEvent(QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))


def shown(model: Any, row: int) -> list[str]:
    return [model.data(model.index(row, c), DISPLAY) for c in range(model.columnCount())]


def outcomes(page: ImportPage) -> dict[str, str]:
    return {r.file.name: r.outcome for r in page.results.rows()}


# -- models --------------------------------------------------------------------------

def test_outcome_words_are_the_importers() -> None:
    assert {k: v for k, v in OUTCOME_TEXT.items() if k != ERROR} == OUTCOME_LABELS


def test_results_model_replaces_a_reimported_file_and_finds_waiting_keys(qapp) -> None:
    model = ImportResultsModel({"E1": "林思远"})
    a, b = Path("/m/a.xlsx"), Path("/m/b.xlsx")
    assert model.add_results([ResultRow(a, "UNKNOWN_KEY", "a：未登记", "E1", 1, "ab12"),
                              ResultRow(b, "MALFORMED", "b：不是工作簿")]) == [0, 1]
    assert shown(model, 0) == ["a.xlsx", "未登记的密钥", "林思远（E1）", "1", "a：未登记"]
    assert model.unknown_key_files("E1", "ab12") == [a]
    assert model.unknown_key_files("E1", "other") == []
    assert model.add_results([ResultRow(a, "VALID", "a：已导入", "E1", 1, "ab12")]) == [0]
    assert model.rowCount() == 2 and shown(model, 0)[1] == "有效"
    assert model.unknown_key_files("E1", "ab12") == []
    green = model.data(model.index(0, 1), Qt.ItemDataRole.ForegroundRole).color().name()
    red = model.data(model.index(1, 1), Qt.ItemDataRole.ForegroundRole).color().name()
    assert green != red
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole) == str(b)
    assert model.headerData(4, Qt.Orientation.Horizontal) == "说明"


def test_diff_overview_and_rejected_models(qapp) -> None:
    diff = DiffModel()
    diff.set_rows([DiffItem("S001", "温度", "20.0", "29.0"),
                   DiffItem("S007", "新增的行", None, "新增的行")])
    assert shown(diff, 0) == ["S001", "温度", "20.0", "29.0"]
    assert shown(diff, 1)[2] == "（空）"
    overview = ExpertOverviewModel()
    overview.set_rows([
        {"expert": "E1", "name": "林思远", "version": 2, "partial": False, "assigned": 6,
         "scored": 5, "recused": 1, "missing": 0, "rejected": []},
        {"expert": "E2", "name": "陈若溪", "version": None, "partial": None, "assigned": 5,
         "scored": 0, "recused": 0, "missing": 5,
         "rejected": [{"file": "x.xlsx", "outcome": "TAMPERED", "reason": "改动"}]}])
    assert shown(overview, 0) == ["林思远（E1）", "第 2 版", "5 / 6", "1", "0", "否", "0"]
    assert shown(overview, 1) == ["陈若溪（E2）", "未交", "0 / 5", "0", "5", "—", "1"]
    assert overview.data(overview.index(1, 6), Qt.ItemDataRole.ToolTipRole) == \
        "x.xlsx：已被改动"
    rejected = RejectedFilesModel({"E1": "林思远"})
    rejected.set_rows([{"file_name": "x.xlsx", "outcome": "UNSIGNED", "expert_id": "E1",
                        "version": 3, "reason": "签名工作表已被删除",
                        "imported_at": "2026-03-10T01:00:00Z"}])
    assert shown(rejected, 0)[:5] == ["x.xlsx", "未签名", "林思远（E1）", "3", "签名工作表已被删除"]
    assert shown(rejected, 0)[5:] == [local_time("2026-03-10T01:00:00Z"), ""]
    assert local_time("2026-03-10T01:00:00Z").startswith("2026-03-10")


# -- the page ------------------------------------------------------------------------

def test_drop_folder_accept_key_then_valid(make_page, sheets, db_url) -> None:
    """First import: UNKNOWN_KEY; 核对指纹并接受… pins it and the sheet becomes VALID."""
    confirm = Confirm()
    page = make_page(confirm_key=confirm)
    assert page.overview.rowCount() == 2 and shown(page.overview, 0)[1] == "未交"
    drop(page, sheets["folder"])
    assert outcomes(page) == {"E1_第1版.xlsx": "UNKNOWN_KEY"}
    assert page.selected_row().outcome == "UNKNOWN_KEY"
    assert page.accept_button.isVisibleTo(page) and not page.diff_view.isVisibleTo(page)
    fp = fingerprint(public_key_bytes(KEY))
    assert format_fingerprint(fp) in page.detail_label.text()
    assert "--accept-key" not in page.detail_label.text()  # the button, not the CLI option
    page.accept_button.click()
    assert confirm.shown == [KeyCheck("E1", "专家E1", "E1_第1版.xlsx", fp)]
    assert outcomes(page) == {"E1_第1版.xlsx": "VALID"}
    assert not page.accept_button.isVisibleTo(page)
    with OrgDB(db_url) as db:
        assert db.pinned(PACKET_ID, "E1") == fp
    assert shown(page.overview, 0) == ["专家E1（E1）", "第 1 版", "5 / 6", "1", "0", "否", "0"]
    # The log keeps the first rejection, marked as settled.
    assert shown(page.rejected, 0)[1] == "未登记的密钥"
    assert shown(page.rejected, 0)[6] == "已核对密钥并导入"
    # The pinned key makes the next version VALID straight away; the old one is a duplicate.
    drop(page, sheets["v2"], sheets["v1"])
    assert outcomes(page) == {"E1_第1版.xlsx": "DUPLICATE", "E1_第2版.xlsx": "VALID"}
    assert shown(page.overview, 0)[1] == "第 2 版"
    assert "已处理 2 个文件" in page.message.text()


def test_declined_fingerprint_pins_nothing(make_page, sheets, db_url) -> None:
    page = make_page(confirm_key=Confirm(answer=False))
    drop(page, sheets["v1"])
    page.accept_selected_key()
    assert outcomes(page) == {"E1_第1版.xlsx": "UNKNOWN_KEY"}
    with OrgDB(db_url) as db:
        assert db.pinned(PACKET_ID, "E1") is None


def test_a_file_swapped_after_the_check_is_not_accepted(make_page, sheets, packet, tmp_path,
                                                        db_url) -> None:
    page = make_page()
    drop(page, sheets["v1"])
    with ReviewSession(packet, "E1", home=tmp_path / "forger") as s:
        fill(s)
        forged = export_sheet(s, OTHER_KEY, tmp_path / "forged.xlsx").path
    shutil.copy(forged, sheets["v1"])
    page.accept_selected_key()
    [row] = page.results.rows()
    assert row.outcome == ERROR and "已不是刚才核对的密钥" in row.explanation
    with OrgDB(db_url) as db:
        assert db.pinned(PACKET_ID, "E1") is None and db.marks(PACKET_ID) == {}


def test_tampered_sheet_shows_its_diff(make_page, sheets) -> None:
    page = make_page()
    drop(page, sheets["v1"])
    page.accept_selected_key()
    drop(page, sheets["tampered"], sheets["e2"])
    assert outcomes(page)["E1_第2版_改过.xlsx"] == "TAMPERED"
    assert page.selected_row().file == sheets["tampered"]  # what needs attention first
    assert page.diff_view.isVisibleTo(page) and page.diff.rowCount() == 1
    assert shown(page.diff, 0) == ["S001", "温度", "20.0", "29.0"]
    assert page.message.styleSheet().startswith("color: #b42318")
    rejected = [shown(page.rejected, r)[:2] for r in range(page.rejected.rowCount())]
    assert ["E1_第2版_改过.xlsx", "已被改动"] in rejected
    assert shown(page.overview, 0)[6] == "1"  # E1's rejected files: the tampered one


def test_partial_sheet_counts_missing(make_page, sheets) -> None:
    page = make_page()
    drop(page, sheets["e2"])
    page.accept_selected_key()
    assert outcomes(page) == {"E2.xlsx": "VALID"}
    assert shown(page.overview, 1) == ["专家E2（E2）", "第 1 版", "3 / 5", "1", "1", "是", "0"]


def test_malformed_file_is_shown_with_its_message(make_page, sheets, tmp_path) -> None:
    page = make_page()
    drop(page, sheets["junk"])
    [row] = page.results.rows()
    assert shown(page.results, 0)[1] == "文件无效"
    assert row.explanation.startswith("申报书.xlsx") and "Traceback" not in row.explanation
    assert "文件无效 1" in page.message.text()
    assert shown(page.rejected, 0)[:2] == ["申报书.xlsx", "文件无效"]
    page.results_view.selectRow(0)
    assert row.explanation in page.detail_label.text()
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    drop(page, empty)
    assert page.message.text() == "没有找到 .xlsx 评分表。" and page.results.rowCount() == 1


def test_one_failing_file_never_stops_the_others(make_page, sheets, monkeypatch) -> None:
    real = import_page.import_sheets

    def flaky(paths, packet, db, **kwargs):
        if paths[0].name == "E2.xlsx":
            raise RuntimeError("connection reset")
        return real(paths, packet, db, **kwargs)

    monkeypatch.setattr(import_page, "import_sheets", flaky)
    page = make_page()
    page.import_paths([sheets["e2"], sheets["junk"], sheets["v1"]])
    assert outcomes(page) == {"E2.xlsx": ERROR, "申报书.xlsx": "MALFORMED",
                              "E1_第1版.xlsx": "UNKNOWN_KEY"}
    assert "connection reset" in page.results.rows()[0].explanation


def test_database_that_cannot_open_is_a_message_not_a_crash(make_page, sheets) -> None:
    def broken() -> OrgDB:
        raise PanelDeskError("无法打开组织方数据库 postgresql://x：连接被拒绝")

    page = make_page(open_db=broken)
    assert "无法打开组织方数据库" in page.message.text()
    drop(page, sheets["v1"])
    assert page.message.text().startswith("导入失败：无法打开组织方数据库")
    assert page.results.rowCount() == 0


def test_add_button_uses_the_chooser_and_imports_wait_their_turn(make_page, sheets) -> None:
    class LaterRunner:
        """Holds tasks until `step()`, like a worker thread that has not finished."""

        def __init__(self) -> None:
            self.jobs: list[tuple] = []

        def run(self, fn, *args, on_done=None, on_error=None) -> None:
            self.jobs.append((fn, args, on_done))

        def step(self) -> None:
            fn, args, on_done = self.jobs.pop(0)
            on_done(fn(*args))

    runner = LaterRunner()
    page = make_page(runner=runner, choose_files=lambda _parent: [sheets["v1"]])
    runner.step()  # the initial overview
    page.add_button.click()
    drop(page, sheets["junk"])
    assert len(runner.jobs) == 1  # the drop waits for the running import
    runner.step()
    assert outcomes(page) == {"E1_第1版.xlsx": "UNKNOWN_KEY"} and len(runner.jobs) == 1
    runner.step()
    assert outcomes(page)["申报书.xlsx"] == "MALFORMED" and runner.jobs == []


def test_key_dialog_needs_a_matching_fingerprint_or_the_spoken_check(qtbot) -> None:
    fp = fingerprint(public_key_bytes(KEY))
    dialog = KeyCheckDialog(KeyCheck("E1", "林思远", "E1.xlsx", fp))
    qtbot.addWidget(dialog)
    assert dialog.sheet_fingerprint.text() == format_fingerprint(fp)
    assert not dialog.accept_button.isEnabled()
    dialog.reported.setText(format_fingerprint(fp)[:-1] + "0")
    assert not dialog.accept_button.isEnabled() and "不一致" in dialog.match_label.text()
    dialog.compared_box.setChecked(True)
    assert not dialog.accept_button.isEnabled()  # a typed mismatch always blocks
    dialog.reported.setText(format_fingerprint(fp).lower().replace(" ", "-"))
    assert dialog.accept_button.isEnabled() and "一致" in dialog.match_label.text()
    dialog.reported.clear()
    assert dialog.accept_button.isEnabled()  # compared aloud, box ticked
    dialog.compared_box.setChecked(False)
    assert not dialog.accept_button.isEnabled()


def test_real_worker_thread_imports_and_refreshes(make_page, sheets, qtbot) -> None:
    from ui.task_runner import TaskRunner

    runner = TaskRunner()
    page = make_page(runner=runner)
    qtbot.waitUntil(lambda: page.overview.rowCount() == 2)
    drop(page, sheets["folder"], sheets["junk"])
    drop(page, sheets["e2"])  # queued behind the first import
    qtbot.waitUntil(lambda: page.results.rowCount() == 3 and not runner.busy, timeout=20000)
    assert outcomes(page) == {"E1_第1版.xlsx": "UNKNOWN_KEY", "申报书.xlsx": "MALFORMED",
                              "E2.xlsx": "UNKNOWN_KEY"}
    assert page.rejected.rowCount() == 3


def test_an_accepted_key_is_handed_up_once_a_sheet_signed_with_it_is_in(make_page,
                                                                        sheets) -> None:
    """The workbench enrols it on the project's roster; nothing is handed up for a key
    declined, or for a file whose key changed after the check."""
    handed: list[tuple[str, str]] = []
    declined = make_page(confirm_key=Confirm(answer=False))
    declined.key_accepted.connect(lambda *pair: handed.append(pair))
    drop(declined, sheets["v1"])
    declined.accept_selected_key()
    assert handed == []
    page = make_page()
    page.key_accepted.connect(lambda *pair: handed.append(pair))
    drop(page, sheets["v1"])
    assert handed == []
    page.accept_selected_key()
    assert handed == [("E1", fingerprint(public_key_bytes(KEY)))]
