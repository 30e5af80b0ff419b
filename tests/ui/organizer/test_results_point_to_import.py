"""With nothing imported yet, the 结果 page points to the window's own 导入评分表 page (not
to the command line), and the organizer's window quits the application with Ctrl+Q."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from app.sheets.orgdb import OrgDB
from ui.organizer.launch import OrganizerLauncher
from ui.organizer.window import OrganizerWindow
from ui.task_runner import SyncTaskRunner


def test_an_empty_results_page_leads_to_the_import_page(qtbot, packet_path, tmp_path):
    parent = OrganizerWindow.__base__()
    qtbot.addWidget(parent)
    url = f"sqlite:///{tmp_path / 'org.db'}"
    launcher = OrganizerLauncher(parent, SyncTaskRunner(), None, lambda: OrgDB(url),
                                 lambda _p: packet_path)
    launcher.open(None)
    [window] = launcher.windows
    qtbot.addWidget(window)
    results = window.tabs.widget(1)
    window.tabs.setCurrentWidget(results)
    assert "paneldesk" not in results.message.text()
    assert "导入评分表" in results.message.text()
    assert results.import_button.isVisibleTo(results)
    results.import_button.click()
    assert window.tabs.currentWidget() is window.import_page
    assert QKeySequence("Ctrl+Q") in window.quit.shortcuts()
