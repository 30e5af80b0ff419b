"""Opening the organizer's workbench: `paneldesk organizer [PROJECT]` and 文件 ▸ 组织方工作台…"""

from __future__ import annotations

from ui.entry import _wants_workbench
from ui.organizer.home_launch import WorkbenchLauncher
from ui.organizer.round import Round
from ui.organizer.workbench import OrganizerWorkbench
from ui.task_runner import SyncTaskRunner


def test_the_command_line_names_the_workbench():
    assert _wants_workbench(["organizer"]) and _wants_workbench(["organizer", "第一轮"])
    assert not _wants_workbench(["organizer", "--help"])
    assert not _wants_workbench(["organizer", "status", "第一轮"])
    assert not _wants_workbench(["packet", "build"])


def test_a_new_folder_becomes_a_project_and_opens_again(qtbot, tmp_path):
    runner = SyncTaskRunner()
    (tmp_path / "intake").mkdir()
    launcher = WorkbenchLauncher(None, runner, runner, None, choose=lambda _p: tmp_path / "轮次",
                                 choose_intake=lambda _p: tmp_path / "intake")
    window = launcher.open()
    qtbot.addWidget(window)
    assert isinstance(window, OrganizerWorkbench) and window.isVisible()
    assert Round.is_project(tmp_path / "轮次") and window.windowTitle() == "组织方工作台 — 轮次"
    window.close()
    again = launcher.open(tmp_path / "轮次")
    qtbot.addWidget(again)
    assert again.project.folder == tmp_path / "轮次"


def test_a_cancelled_choice_opens_nothing(qtbot):
    runner = SyncTaskRunner()
    launcher = WorkbenchLauncher(None, runner, runner, None, choose=lambda _p: None)
    assert launcher.open() is None and launcher.windows == []


def test_the_review_window_menu_opens_the_workbench(make_window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    (tmp_path / "intake").mkdir()
    chosen = [str(tmp_path / "r"), str(tmp_path / "intake")]  # the project, then its intake
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: chosen.pop(0))
    window = make_window()
    window.menus.workbench.trigger()
    [bench] = window.organizer_entry.workbench().windows
    qtbot.addWidget(bench)
    assert bench.project.folder == tmp_path / "r"


def test_closing_the_window_while_the_intake_is_read(qtbot, tmp_path):
    """The scan finishes after its window is gone: nothing touches the deleted page."""
    import shutil

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.demo.intake import write_demo_intake
    from ui.task_runner import TaskRunner

    intake = write_demo_intake(tmp_path / "demo")
    for extra in range(6):  # enough entries that the scan is still running at the close
        shutil.copytree(next(p for p in intake.iterdir() if p.is_dir()), intake / f"副本{extra}")
    runner, writer = TaskRunner(), TaskRunner(max_threads=1)
    window = OrganizerWorkbench(runner, writer, Round.create(tmp_path / "轮次", intake))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    assert window.intake_page.scanning
    window.close()
    runner.wait_for_done()
    writer.wait_for_done()
    for _ in range(5):
        QApplication.processEvents()
        qtbot.wait(20)


def test_the_start_screen_offers_the_packet_and_the_workbench(make_window, qtbot, tmp_path,
                                                              monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    (tmp_path / "intake").mkdir()
    chosen = [str(tmp_path / "r"), str(tmp_path / "intake")]
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: chosen.pop(0))
    window = make_window()
    window.show()
    header = window.header
    assert header.start.isVisible() and header.open_button.isVisible()
    header.workbench_button.click()
    [bench] = window.organizer_entry.workbench().windows
    qtbot.addWidget(bench)
    assert bench.project.folder == tmp_path / "r"


def test_the_first_window_fits_the_screen(qtbot, tmp_path):
    """On a screen smaller than the default size (a 1366×768 laptop) the workbench fills
    the screen instead of reaching past its edges; on a large one it keeps its size."""
    from unittest import mock

    from PySide6.QtCore import QRect, Qt

    from ui.screen_fit import fit_first_size

    runner = SyncTaskRunner()
    (tmp_path / "intake").mkdir()
    window = OrganizerWorkbench(runner, runner, Round.create(tmp_path / "轮次", tmp_path / "intake"))
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()
    assert available.width() < 1440  # the offscreen screen is small
    assert window.width() <= available.width() and window.height() <= available.height()
    assert window.windowState() & Qt.WindowState.WindowMaximized
    with mock.patch.object(type(window.screen()), "availableGeometry",
                           return_value=QRect(0, 0, 1920, 1040)):
        big = OrganizerWorkbench(runner, runner,
                                 Round.create(tmp_path / "第二轮", tmp_path / "intake"))
        qtbot.addWidget(big)
        fit_first_size(big, 1440, 900)
    assert (big.width(), big.height()) == (1440, 900)
    assert not big.windowState() & Qt.WindowState.WindowMaximized


def test_ctrl_q_quits_from_the_workbench(qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", lambda *_a: quits.append(True))
    runner = SyncTaskRunner()
    (tmp_path / "intake").mkdir()
    window = OrganizerWorkbench(runner, runner, Round.create(tmp_path / "轮次", tmp_path / "intake"))
    qtbot.addWidget(window)
    window.show()
    assert QKeySequence("Ctrl+Q") in window.quit.shortcuts()
    assert window.quit in window.menuBar().actions()[0].menu().actions()
    window.quit.trigger()
    assert quits == [True] and not window.isVisible()
