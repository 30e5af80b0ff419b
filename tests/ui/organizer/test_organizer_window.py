"""The organizer window: header, tabs, status bar, remembered geometry, a real import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QLabel

from app.keys import format_fingerprint
from app.packet import open_packet
from app.sheets.orgdb import OrgDB
from tests.app.workspace.crash_child import build_packet
from tests.ui.organizer.test_import_page import drop, make_sheets, outcomes
from ui.organizer.import_page import ImportPage
from ui.organizer.window import OrganizerWindow
from ui.task_runner import SyncTaskRunner


@pytest.fixture
def packet(tmp_path: Path) -> Iterator[Any]:
    with open_packet(build_packet(tmp_path / "t.panelpack")) as p:
        yield p


def make(qtbot, packet, tmp_path: Path, **kwargs) -> OrganizerWindow:
    url = f"sqlite:///{tmp_path / 'org.db'}"
    window = OrganizerWindow(SyncTaskRunner(), packet, lambda: OrgDB(url), **kwargs)
    qtbot.addWidget(window)
    return window


def test_header_tabs_and_title(qtbot, packet, tmp_path) -> None:
    results = QLabel("结果页")
    window = make(qtbot, packet, tmp_path, pages_extra=[("结果", results)])
    assert window.windowTitle() == "组织方 — 测试评审包"
    assert window.header_label.text() == "测试评审包"
    meta = window.meta_label.text()
    assert "TEST-2026" in meta and format_fingerprint(packet.organizer_fingerprint) in meta
    assert "6 份申报" in meta and "2 位专家" in meta
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["导入评分表", "结果"]
    assert isinstance(window.tabs.widget(0), ImportPage) and window.tabs.widget(1) is results
    assert window.statusBar().currentMessage()


def test_import_reports_in_the_status_bar(qtbot, packet, tmp_path) -> None:
    sheets = make_sheets(packet, tmp_path / "mail", tmp_path / "ws")
    window = make(qtbot, packet, tmp_path)
    seen: list[int] = []
    window.import_page.imported.connect(lambda: seen.append(1))
    drop(window.import_page, sheets["folder"], sheets["junk"])
    assert outcomes(window.import_page) == {"E1_第1版.xlsx": "UNKNOWN_KEY",
                                            "申报书.xlsx": "MALFORMED"}
    assert window.statusBar().currentMessage().startswith("已处理 2 个文件")
    assert seen == [1]


def test_geometry_is_remembered(qtbot, packet, tmp_path) -> None:
    path = str(tmp_path / "settings.ini")
    settings = QSettings(path, QSettings.Format.IniFormat)
    window = make(qtbot, packet, tmp_path, settings=settings)
    window.resize(710, 490)  # within the offscreen screen
    window.close()
    again = make(qtbot, packet, tmp_path,
                 settings=QSettings(path, QSettings.Format.IniFormat))
    assert (again.width(), again.height()) == (710, 490)
    # Unremembered: the default size on a screen that has room for it (on a smaller one
    # the window fills the screen: test_the_first_window_fits_a_small_screen).
    with mock.patch.object(type(window.screen()), "availableGeometry",
                           return_value=QRect(0, 0, 1920, 1040)):
        fresh = make(qtbot, packet, tmp_path)
    assert (fresh.width(), fresh.height()) == (1280, 800)


def test_the_first_window_fits_a_small_screen(qtbot, packet, tmp_path):
    window = make(qtbot, packet, tmp_path)
    available = window.screen().availableGeometry()
    assert available.height() <= 800  # the offscreen screen has no room for the default
    assert window.width() <= available.width() and window.height() <= available.height()
