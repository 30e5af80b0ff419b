"""Opening the organizer's workbench: from `paneldesk organizer [PROJECT]` or a menu.

A project is a folder; choosing an empty (or new) folder creates a project there, after
the organizer has chosen the intake folder the round reads.  A project cannot be made
without its intake folder, so cancelling that choice says so and goes back to the choice
of project folder; a folder that has files but no project is refused by name (a project
would mix with them).  The dialogs start where the organizer last was
(`ui.file_dialogs`).  A project already open brings its window forward instead of a
second window on the same round.  The launcher keeps its windows alive and hands each the shared task
runner and the single writer for decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import PanelDeskError
from ui.file_dialogs import PROJECT, existing_folder
from ui.i18n import error_text
from ui.organizer.intake_page import choose_intake_folder
from ui.organizer.round import Round
from ui.organizer.workbench import OrganizerWorkbench

translate = QCoreApplication.translate


def choose_project_folder(parent: QWidget | None) -> Path | None:
    return existing_folder(parent, PROJECT, translate(
        "WorkbenchLauncher", "选择组织方项目文件夹（新项目请选择一个空文件夹）"))


def tell(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def has_files(folder: Path) -> bool:
    """Whether `folder` holds anything but hidden files (a file manager's .DS_Store …)."""
    try:
        return any(not child.name.startswith(".") for child in Path(folder).iterdir())
    except OSError:
        return False  # missing (it will be created) or unreadable (creating it will say)


class WorkbenchLauncher:
    """Opens (and keeps alive) organizer workbench windows."""

    def __init__(self, parent: QWidget | None, runner: Any, writer: Any,
                 settings: QSettings | None,
                 choose: Callable[[QWidget | None], Path | None] = choose_project_folder,
                 choose_intake: Callable[[QWidget | None], Path | None] = choose_intake_folder,
                 inform: Callable[[QWidget | None, str, str], None] = tell,
                 **window_options: Any) -> None:
        self._parent = parent
        self._runner = runner
        self._writer = writer
        self._settings = settings
        self._choose = choose
        self._choose_intake = choose_intake
        self._inform = inform
        self._options = window_options
        self.windows: list[OrganizerWorkbench] = []

    def open(self, folder: Path | None = None) -> OrganizerWorkbench | None:
        """Open the project in `folder` (or a chosen one), creating it if needed; None
        when the organizer cancels the choice of project folder."""
        while True:
            folder = folder or self._choose(self._parent)
            if folder is None:
                return None
            already = self._window_on(folder)
            if already is not None:  # two windows on one round would undo each other
                already.showNormal()
                already.raise_()
                already.activateWindow()
                return already
            try:
                project = self._project(folder)
            except PanelDeskError as err:
                QMessageBox.warning(self._parent,
                                    translate("WorkbenchLauncher", "无法打开组织方项目"),
                                    error_text(err))
                return None
            if project is not None:
                return self._show(project)
            folder = None  # back to the choice of project folder

    def _window_on(self, folder: Path) -> OrganizerWorkbench | None:
        wanted = folder.resolve()
        return next((w for w in self.windows if w.project.folder.resolve() == wanted), None)

    def _project(self, folder: Path) -> Round | None:
        """The project in `folder`, a new one there, or None (the organizer was told why)."""
        if Round.is_project(folder):
            return Round.open(folder)
        title = translate("WorkbenchLauncher", "新建组织方项目")
        if has_files(folder):
            self._inform(self._parent, title, translate(
                "WorkbenchLauncher", "文件夹“{folder}”中已有其他文件，但不是组织方项目。\n"
                "新项目请选择一个空文件夹（或新建一个文件夹）。").format(folder=folder))
            return None
        intake = self._choose_intake(self._parent)
        if intake is None:
            self._inform(self._parent, title, translate(
                "WorkbenchLauncher", "未创建项目：新项目需要先选定申报材料文件夹（收到的申报所在的文件夹）。\n"
                "请重新选择项目文件夹，再选择申报材料文件夹；或取消，以后再建。"))
            return None
        return Round.create(folder, intake)

    def _show(self, project: Round) -> OrganizerWorkbench:
        window = OrganizerWorkbench(self._runner, self._writer, project, self._settings,
                                    **self._options)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.open_project_requested.connect(lambda: self.open(None))
        window.new_project_requested.connect(lambda: self.open(None))
        window.destroyed.connect(lambda _obj=None, w=window: self._forget(w))
        self.windows.append(window)
        if self._settings is not None:
            self._settings.setValue("organizer/last_project", str(project.folder))
        window.show()
        return window

    def _forget(self, window: OrganizerWorkbench) -> None:
        if window in self.windows:
            self.windows.remove(window)
