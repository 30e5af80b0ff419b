"""The workbench's file dialogs start where the organizer last was (never the program's
working directory), and a new project is never lost or mixed into a folder of files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from ui import file_dialogs
from ui.organizer.build_page import choose_rubric_file
from ui.organizer.home_launch import WorkbenchLauncher, choose_project_folder
from ui.organizer.intake_page import choose_intake_folder
from ui.organizer.round import Round
from ui.task_runner import SyncTaskRunner


@pytest.fixture
def elsewhere(tmp_path, monkeypatch) -> Path:
    """The program runs in a folder of its own, as from an install folder."""
    cwd = tmp_path / "install"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return cwd


def test_folder_dialogs_start_in_the_last_folder_not_the_working_directory(
        qtbot, tmp_path, monkeypatch, elsewhere):
    starts: list[str] = []
    answers = [tmp_path / "projects" / "第一轮", tmp_path / "mail" / "申报"]
    for folder in answers:
        folder.mkdir(parents=True)

    def dialog(_parent, _title, start="", *_a, **_k) -> str:
        starts.append(start)
        return str(answers.pop(0))

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", dialog)
    assert choose_project_folder(None) == tmp_path / "projects" / "第一轮"
    assert choose_intake_folder(None) == tmp_path / "mail" / "申报"
    assert all(start and Path(start) != elsewhere and os.path.isabs(start) for start in starts)
    assert Path(starts[0]) == file_dialogs.documents_folder()
    answers[:] = [tmp_path / "projects" / "第一轮", tmp_path / "mail" / "申报"]
    choose_project_folder(None)
    choose_intake_folder(None)
    # Each kind remembers its own folder.
    assert [Path(s) for s in starts[2:]] == [tmp_path / "projects" / "第一轮",
                                             tmp_path / "mail" / "申报"]


def test_the_rubric_dialog_remembers_its_folder(qtbot, tmp_path, monkeypatch, elsewhere):
    rubric = tmp_path / "细则" / "rubric.toml"
    rubric.parent.mkdir()
    rubric.write_text("", encoding="utf-8")
    starts: list[str] = []

    def dialog(_parent, _title, start="", _filters="", *_a, **_k) -> tuple[str, str]:
        starts.append(start)
        return str(rubric), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    assert choose_rubric_file(None) == rubric
    choose_rubric_file(None)
    assert Path(starts[0]) == file_dialogs.documents_folder() and Path(starts[0]) != elsewhere
    assert Path(starts[1]) == rubric.parent


def test_cancelling_the_intake_folder_says_so_and_asks_again(qtbot, tmp_path):
    runner = SyncTaskRunner()
    (tmp_path / "intake").mkdir()
    folders = [tmp_path / "轮次", tmp_path / "轮次"]
    intakes: list[Path | None] = [None, tmp_path / "intake"]
    told: list[str] = []
    launcher = WorkbenchLauncher(None, runner, runner, None,
                                 choose=lambda _p: folders.pop(0) if folders else None,
                                 choose_intake=lambda _p: intakes.pop(0),
                                 inform=lambda _p, _title, text: told.append(text))
    window = launcher.open()
    assert window is not None
    qtbot.addWidget(window)
    [message] = told
    assert "未创建项目" in message and "申报材料文件夹" in message
    assert Round.is_project(tmp_path / "轮次") and window.project.intake_dir == tmp_path / "intake"


def test_cancelling_everything_creates_nothing_but_says_why(qtbot, tmp_path):
    runner = SyncTaskRunner()
    folders = [tmp_path / "轮次"]
    told: list[str] = []
    launcher = WorkbenchLauncher(None, runner, runner, None,
                                 choose=lambda _p: folders.pop(0) if folders else None,
                                 choose_intake=lambda _p: None,
                                 inform=lambda _p, _title, text: told.append(text))
    assert launcher.open() is None and launcher.windows == []
    assert len(told) == 1 and not Round.is_project(tmp_path / "轮次")


def test_a_folder_of_other_files_is_refused_by_name(qtbot, tmp_path):
    runner = SyncTaskRunner()
    busy = tmp_path / "我的文档"
    busy.mkdir()
    (busy / "报告.docx").write_bytes(b"x")
    empty = tmp_path / "空文件夹"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"")  # what a file manager leaves behind
    (tmp_path / "intake").mkdir()
    folders = [busy, empty]
    told: list[str] = []
    asked_intake: list[bool] = []

    def choose_intake(_parent) -> Path:
        asked_intake.append(True)
        return tmp_path / "intake"

    launcher = WorkbenchLauncher(None, runner, runner, None,
                                 choose=lambda _p: folders.pop(0) if folders else None,
                                 choose_intake=choose_intake,
                                 inform=lambda _p, _title, text: told.append(text))
    window = launcher.open()
    assert window is not None
    qtbot.addWidget(window)
    [message] = told
    assert str(busy) in message and "空文件夹" in message
    assert not Round.is_project(busy) and Round.is_project(empty) and asked_intake == [True]


def test_opening_a_project_already_open_brings_its_window_forward(qtbot, tmp_path):
    """Two windows on one round would each save over the other's roster and state."""
    runner = SyncTaskRunner()
    (tmp_path / "intake").mkdir()
    launcher = WorkbenchLauncher(None, runner, runner, None,
                                 choose=lambda _p: None,
                                 choose_intake=lambda _p: tmp_path / "intake")
    first = launcher.open(tmp_path / "轮次")
    assert first is not None
    qtbot.addWidget(first)
    again = launcher.open(tmp_path / "轮次" / ".." / "轮次")
    assert again is first and launcher.windows == [first]
