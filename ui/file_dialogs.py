"""File dialogs that open where the user last was, remembered per kind of dialog.

A new user's first dialog opened in the process's working directory (often the install
folder); now each kind of dialog (`PACKET`, `SHEET`, `RESULTS` …) starts in the folder
the user last chose in a dialog of that kind, and the first time in their documents
folder.  The folders are interface state, kept in QSettings (`dialogs/<kind>`), never
in a workspace.  `settings=None` uses the user's settings file (`open_settings`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

# The kinds of dialog, each with its own remembered folder.
PACKET = "packet"  # 打开评审包 (review window and organizer)
SHEET = "sheet"  # 导出评分表
RESULTS = "results"  # 导出结果 (a folder)
PROJECT = "project"  # 组织方项目文件夹
INTAKE = "intake"  # 申报材料文件夹
RUBRIC = "rubric"  # 评审细则文件
ROSTER = "roster"  # 导入专家名单
DECISIONS = "decisions"  # 决定文件 (the results' award decisions)
RECEIVED_SHEETS = "received_sheets"  # 添加评分表 (the organizer's import)
KEY_PREFIX = "dialogs/"


def _settings(settings: QSettings | None) -> QSettings:
    if settings is not None:
        return settings
    from ui.application import open_settings  # the user's settings file

    return open_settings()


def documents_folder() -> Path:
    """The user's documents folder (their home when there is none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def start_folder(kind: str, settings: QSettings | None = None) -> Path:
    """Where a `kind` dialog opens: the folder last chosen in one, else documents."""
    value = _settings(settings).value(KEY_PREFIX + kind, "")
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else documents_folder()


def remember(kind: str, chosen: Path, settings: QSettings | None = None) -> None:
    """Remember the folder of `chosen` (a file, or a folder itself) for `kind`."""
    folder = chosen if chosen.is_dir() else chosen.parent
    store = _settings(settings)
    store.setValue(KEY_PREFIX + kind, str(folder))
    store.sync()


def open_file(parent: QWidget, kind: str, title: str, filters: str,
              settings: QSettings | None = None) -> Path | None:
    """The open dialog, starting in `kind`'s folder; None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(kind, settings)),
                                          filters)
    if not name:
        return None
    remember(kind, Path(name), settings)
    return Path(name)


def open_files(parent: QWidget, kind: str, title: str, filters: str,
                settings: QSettings | None = None) -> list[Path]:
    """The open dialog for several files, starting in `kind`'s folder; [] when cancelled."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(kind, settings)),
                                            filters)
    if names:
        remember(kind, Path(names[0]), settings)
    return [Path(name) for name in names]


def save_file(parent: QWidget, kind: str, title: str, suggested: Path, filters: str,
              settings: QSettings | None = None) -> Path | None:
    """The save dialog with `suggested`'s name in `kind`'s folder (or `suggested`'s own
    folder the first time); None when cancelled."""
    value = _settings(settings).value(KEY_PREFIX + kind, "")
    folder = Path(str(value)) if value and Path(str(value)).is_dir() else suggested.parent
    name, _ = QFileDialog.getSaveFileName(parent, title, str(folder / suggested.name), filters)
    if not name:
        return None
    remember(kind, Path(name), settings)
    return Path(name)


def existing_folder(parent: QWidget, kind: str, title: str,
                    settings: QSettings | None = None) -> Path | None:
    """The folder dialog, starting in `kind`'s folder; None when cancelled."""
    name = QFileDialog.getExistingDirectory(parent, title, str(start_folder(kind, settings)))
    if not name:
        return None
    remember(kind, Path(name), settings)
    return Path(name)
