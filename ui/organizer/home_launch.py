"""Opening the organizer's workbench: from `paneldesk organizer [PROJECT]` or a menu.

A project is a folder; choosing a folder that is not a project yet creates one there,
after the organizer has chosen the intake folder the round reads.  The launcher keeps its windows alive and
hands each the shared task runner and the single writer for decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.errors import PanelDeskError
from ui.i18n import error_text
from ui.organizer.intake_page import choose_intake_folder
from ui.organizer.round import Round
from ui.organizer.workbench import OrganizerWorkbench

translate = QCoreApplication.translate


def choose_project_folder(parent: QWidget | None) -> Path | None:
    name = QFileDialog.getExistingDirectory(
        parent, translate("WorkbenchLauncher", "选择组织方项目文件夹（新项目请选择一个空文件夹）"))
    return Path(name) if name else None


class WorkbenchLauncher:
    """Opens (and keeps alive) organizer workbench windows."""

    def __init__(self, parent: QWidget | None, runner: Any, writer: Any,
                 settings: QSettings | None,
                 choose: Callable[[QWidget | None], Path | None] = choose_project_folder,
                 choose_intake: Callable[[QWidget | None], Path | None] = choose_intake_folder,
                 **window_options: Any) -> None:
        self._parent = parent
        self._runner = runner
        self._writer = writer
        self._settings = settings
        self._choose = choose
        self._choose_intake = choose_intake
        self._options = window_options
        self.windows: list[OrganizerWorkbench] = []

    def open(self, folder: Path | None = None) -> OrganizerWorkbench | None:
        """Open the project in `folder` (or a chosen one), creating it if needed."""
        folder = folder or self._choose(self._parent)
        if folder is None:
            return None
        try:
            if Round.is_project(folder):
                project = Round.open(folder)
            else:
                intake = self._choose_intake(self._parent)
                if intake is None:
                    return None
                project = Round.create(folder, intake)
        except PanelDeskError as err:
            QMessageBox.warning(self._parent, translate("WorkbenchLauncher", "无法打开组织方项目"),
                                error_text(err))
            return None
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
