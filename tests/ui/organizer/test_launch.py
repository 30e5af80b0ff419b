"""文件 ▸ 组织方：导入评分表与结果…: the organizer window opens on its own verified packet."""

from __future__ import annotations

from pathlib import Path

from app.sheets.orgdb import OrgDB
from ui.organizer.launch import OrganizerLauncher
from ui.organizer.window import OrganizerWindow
from ui.task_runner import SyncTaskRunner


def test_menu_opens_the_window_for_the_packet_in_review(make_window, packet_path, qtbot):
    window = make_window()
    window.open_path(packet_path)
    window.menus.organizer.trigger()
    [organizer] = window.organizer.windows
    qtbot.addWidget(organizer)
    assert isinstance(organizer, OrganizerWindow) and organizer.isVisible()
    assert organizer.import_page is organizer.tabs.widget(0)
    assert organizer.windowTitle().startswith("组织方 — ")


def test_without_an_open_packet_the_user_picks_one(qtbot, packet_path, tmp_path):
    parent = OrganizerWindow.__base__()  # a plain QMainWindow as the parent
    qtbot.addWidget(parent)
    url = f"sqlite:///{tmp_path / 'org.db'}"
    asked: list[bool] = []

    def choose(_parent):
        asked.append(True)
        return packet_path

    launcher = OrganizerLauncher(parent, SyncTaskRunner(), None, lambda: OrgDB(url), choose)
    launcher.open(None)
    assert asked == [True] and len(launcher.windows) == 1
    qtbot.addWidget(launcher.windows[0])


def test_a_cancelled_choice_or_a_broken_packet_opens_nothing(qtbot, tmp_path, dialogs):
    parent = OrganizerWindow.__base__()
    qtbot.addWidget(parent)
    launcher = OrganizerLauncher(parent, SyncTaskRunner(), None, choose=lambda _p: None)
    launcher.open(None)
    broken = tmp_path / "broken.panelpack"
    broken.write_bytes(b"PK\x03\x04 not a packet")
    launcher.open(Path(broken))
    assert launcher.windows == []
    assert [d[1] for d in dialogs] == ["无法打开评审包"] and "broken.panelpack" in dialogs[0][2]
