"""PacketWindow against real signed packets: listing, details, opening, failures, cancel."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QFileDialog

from app.keys import format_fingerprint
from app.packet import open_packet
from ui.application import open_settings
from ui.i18n import LANGUAGE_KEY
from ui.packet_window import KEY_ROLE, LAST_DIR_KEY, PacketWindow, human_size, open_and_verify
from ui.submission_table_model import Column
from ui.task_runner import SyncTaskRunner, TaskRunner


@pytest.fixture
def make_window(qtbot):
    def make(packet=None, runner=None, **kwargs) -> PacketWindow:
        window = PacketWindow(packet, runner=runner or SyncTaskRunner(),
                              settings=open_settings(), **kwargs)
        qtbot.addWidget(window)
        return window
    return make


def table_ids(window: PacketWindow) -> list[str]:
    proxy = window.proxy
    return [proxy.data(proxy.index(r, Column.ID)) for r in range(proxy.rowCount())]


def flip_evidence_byte(path: Path) -> Path:
    """Change one byte of an evidence file stored in the packet (its hash no longer matches)."""
    data = path.read_bytes()
    assert data.count(b"photo S002") >= 1
    path.write_bytes(data.replace(b"photo S002", b"phoTo S002", 1))
    return path


def edit_manifest_title(path: Path) -> Path:
    """Rewrite the packet with a changed title but the old signature (signature fails)."""
    with zipfile.ZipFile(path) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w") as zf:
        for info, data in members:
            if info.filename == "manifest.json":
                data = data.replace("测试评审包".encode(), "篡改评审包".encode())
            zf.writestr(info, data)
    return path


def test_window_lists_the_packets_submissions(qtbot, make_window, packet_factory):
    packet = open_packet(packet_factory(count=7, title="二〇二六年评审包", packet_id="P-42"))
    window = make_window(packet)
    assert window.model.rowCount() == 7
    assert table_ids(window) == [f"S{i:03d}" for i in range(1, 8)]
    assert window.windowTitle() == "二〇二六年评审包 — PanelDesk 评审台"
    assert window.title_label.text() == "二〇二六年评审包"
    meta = window.meta_label.text()
    assert format_fingerprint(packet.organizer_fingerprint) in meta
    assert "P-42" in meta and "共 7 项申报" in meta
    # The first row is selected, so the detail pane is never blank when a packet is open.
    assert window.selected_submission().id == "S001"


def test_selecting_a_row_updates_the_detail_pane(qtbot, make_window, packet_factory):
    window = make_window(open_packet(packet_factory()))
    window.table.selectRow(2)
    sub = window.selected_submission()
    assert sub.id == "S003"
    assert window.detail_title.text().startswith("S003")
    assert window.highlights_view.toPlainText() == "亮点3：一小时内上门，三方联动解决难题。"
    codes = [window.warnings_list.item(i).data(KEY_ROLE)
             for i in range(window.warnings_list.count())]
    assert codes == ["pii_phone"]
    assert "未打码的手机号" in window.warnings_list.item(0).text()
    files = [window.files_list.item(i).text() for i in range(window.files_list.count())]
    assert files[0].startswith("现场照片3.jpg") and "1920×1080" in files[0]
    assert files[1].startswith("媒体报道3.pdf")
    # A submission without warnings shows a placeholder, not a stale list.
    window.table.selectRow(0)
    assert window.warnings_list.count() == 1
    assert window.warnings_list.item(0).text() == "无提醒"
    assert window.warnings_list.item(0).data(KEY_ROLE) is None


def test_selection_follows_sorting(qtbot, make_window, packet_factory):
    window = make_window(open_packet(packet_factory()))
    window.table.sortByColumn(Column.ID, Qt.SortOrder.DescendingOrder)
    window.table.selectRow(0)
    assert window.selected_submission().id == "S005"
    assert window.detail_title.text().startswith("S005")


def test_open_path_runs_through_the_runner_and_remembers_folder(qtbot, make_window,
                                                                packet_factory):
    path = packet_factory(count=3)
    calls: list[Path] = []

    def opener(p, progress, cancelled):
        calls.append(p)
        return open_and_verify(p, progress, cancelled)

    window = make_window(opener=opener)
    assert window.model.rowCount() == 0
    assert window.title_label.text() == "尚未打开评审包"
    window.open_path(path)
    assert calls == [path]
    assert window.model.rowCount() == 3
    assert window.open_action.isEnabled() and not window.opening
    assert "校验通过" in window.statusBar().currentMessage()
    assert open_settings().value(LAST_DIR_KEY) == str(path.parent)


def test_opening_happens_off_the_gui_thread(qtbot, make_window, packet_factory):
    path = packet_factory(count=4)
    gui = QThread.currentThread()
    threads: list[bool] = []

    def opener(p, progress, cancelled):
        threads.append(QThread.currentThread() == gui)
        return open_and_verify(p, progress, cancelled)

    runner = TaskRunner()
    window = make_window(runner=runner, opener=opener)
    window.open_path(path)
    assert window.opening and not window.open_action.isEnabled()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=10000)
    assert threads == [False]
    assert not window.opening
    assert window.progress_bar.isHidden()


@pytest.mark.parametrize("tamper", [flip_evidence_byte, edit_manifest_title])
def test_tampered_packet_shows_error_and_keeps_running(qtbot, make_window, packet_factory,
                                                      dialogs, tamper):
    good = open_packet(packet_factory(count=2, name="good.panelpack"))
    window = make_window(good)
    bad = tamper(packet_factory(count=3, name="bad.panelpack"))
    window.open_path(bad)
    assert len(dialogs) == 1
    kind, title, text = dialogs[0]
    assert kind == "critical" and title == "无法打开评审包"
    assert "bad.panelpack" in text
    # The packet that was open stays open and usable.
    assert window.packet is good
    assert window.model.rowCount() == 2
    assert window.open_action.isEnabled() and not window.opening
    window.table.selectRow(1)
    assert window.selected_submission().id == "S002"


def test_missing_and_non_packet_files_show_errors(qtbot, make_window, dialogs, tmp_path):
    window = make_window()
    window.open_path(tmp_path / "nowhere.panelpack")
    junk = tmp_path / "junk.panelpack"
    junk.write_bytes(b"this is not a zip file at all")
    window.open_path(junk)
    assert [d[0] for d in dialogs] == ["critical", "critical"]
    assert "nowhere.panelpack" in dialogs[0][2]
    assert "junk.panelpack" in dialogs[1][2]
    assert window.packet is None and window.model.rowCount() == 0


def test_unexpected_exception_in_opener_is_shown_not_raised(qtbot, make_window, dialogs,
                                                            tmp_path):
    def broken(_path, _progress, _cancelled):
        raise ZeroDivisionError("division by zero")

    window = make_window(opener=broken)
    window.open_path(tmp_path / "x.panelpack")
    assert dialogs and "ZeroDivisionError" in dialogs[0][2]
    assert window.open_action.isEnabled()


def test_file_menu_open_uses_file_dialog(qtbot, make_window, packet_factory, monkeypatch):
    path = packet_factory(count=2)
    asked: list[str] = []

    def fake_dialog(_parent, caption, _start, filters):
        asked.append(filters)
        return str(path), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_dialog)
    window = make_window()
    window.open_action.trigger()
    assert "*.panelpack" in asked[0]
    assert window.model.rowCount() == 2


def test_file_dialog_cancelled_opens_nothing(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: ("", ""))
    window = make_window()
    window.open_action.trigger()
    assert window.packet is None and not window.opening


def test_cancel_stops_opening_without_error_dialog(qtbot, make_window, dialogs, tmp_path):
    started = threading.Event()

    def slow(_path, progress, cancelled):
        started.set()
        for step in range(10_000):
            if cancelled():
                from app.errors import PanelDeskError
                raise PanelDeskError("已取消校验")
            progress(step, 10_000)
            threading.Event().wait(0.001)
        raise AssertionError("never cancelled")

    window = make_window(runner=TaskRunner(), opener=slow)
    window.open_path(tmp_path / "big.panelpack")
    assert started.wait(5)
    qtbot.waitUntil(lambda: window.progress_bar.value() > 0, timeout=5000)
    window.cancel_button.click()
    qtbot.waitUntil(lambda: not window.opening, timeout=5000)
    assert dialogs == []
    assert window.statusBar().currentMessage() == "已取消打开评审包。"
    assert window.progress_bar.isHidden()


def test_closing_the_window_closes_the_packet(qtbot, make_window, packet_factory):
    packet = open_packet(packet_factory())
    window = make_window(packet)
    window.show()
    window.close()
    assert window.packet is None
    with pytest.raises(Exception, match="已关闭"):
        packet.read("S001/E1.jpg")


def test_opening_another_packet_closes_the_previous(qtbot, make_window, packet_factory):
    first = open_packet(packet_factory(count=2, name="a.panelpack"))
    window = make_window(first)
    window.open_path(packet_factory(count=4, name="b.panelpack"))
    assert window.model.rowCount() == 4
    with pytest.raises(Exception, match="已关闭"):
        first.read("S001/E1.jpg")


def test_language_menu_stores_choice(qtbot, make_window, dialogs):
    window = make_window()
    assert window.language_actions["zh_CN"].isChecked()
    window.language_actions["en"].trigger()
    assert open_settings().value(LANGUAGE_KEY) == "en"
    assert dialogs and dialogs[0][0] == "information"
    assert window.language_actions["en"].isChecked()


def test_human_size():
    assert human_size(0) == "0 B"
    assert human_size(1023) == "1023 B"
    assert human_size(1536) == "1.5 KB"
    assert human_size(5 * 1024**3) == "5.0 GB"
