"""文件 ▸ 导出评分表: check, decide, write — each step after the previous.

Order matters: the window flushes pending marks first; the pre-export check runs on the
writer thread (after every queued write, so it sees them); the `decide` step (default:
the `ExportDialog`) asks for the decision; the sheet is written on the writer thread too
— the export reserves a version number in the workspace database and must not
interleave with mark writes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import PanelDeskError
from app.keys import KeyStore, fingerprint, format_fingerprint, public_key_bytes
from app.workspace.locate import safe_component
from ui.file_dialogs import SHEET, remember, start_folder
from ui.i18n import error_text
from ui.plain_text import plain_tooltip
from ui.review.export_dialog import ExportChoice, ExportDialog
from ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from app.sheets.export import ExportResult

Decide = Callable[[QWidget, list[str], Path], ExportChoice | None]


def suggested_sheet_path(packet_id: str, expert_id: str) -> Path:
    """评分表_<expert>_<packet>.xlsx in the folder a sheet was last saved to (at first
    ~/Documents, or home when there is no documents folder)."""
    base = start_folder(SHEET)
    # The file name is read by people, in the interface language (the import reads content).
    name = QCoreApplication.translate("SheetExporter", "评分表_{expert}_{packet}.xlsx")
    return base / name.format(expert=safe_component(expert_id),
                              packet=safe_component(packet_id))


def dialog_export(parent: QWidget, missing: list[str], suggested: Path,
                  home: Path | None = None) -> ExportChoice | None:
    """The default decision step: the `ExportDialog`."""
    dialog = ExportDialog(missing, KeyStore(home), suggested, parent=parent)
    return dialog.choice if dialog.exec() else None


class SheetExporter(QObject):
    """Exports the current session's signed sheet for `parent` (see the module docstring).

    `current` returns the session still open in the window, so a result for a packet
    closed meanwhile is dropped; `show_status` puts a line in the window's status bar.
    """

    def __init__(self, parent: QWidget, writer: TaskRunner, home: Path | None,
                 current: Callable[[], Any], show_status: Callable[[str], None],
                 decide: Decide | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._writer = writer
        self._current = current
        self._show_status = show_status
        self.decide: Decide = decide or partial(dialog_export, home=home)

    def export(self) -> None:
        session = self._current()
        if session is None:
            return
        from app.sheets.export import check_before_export  # workbook code loads on first use

        self._writer.run(check_before_export, session,
                         on_done=lambda missing: self._ask(session, missing),
                         on_error=self._failed)

    def _ask(self, session: Any, missing: list[str]) -> None:
        if session is not self._current():  # the packet was closed meanwhile
            return
        suggested = suggested_sheet_path(session.packet_id, session.expert_id)
        choice = self.decide(self._parent, missing, suggested)
        if choice is None:
            return
        self._show_status(self.tr("正在导出评分表…"))
        fp = fingerprint(public_key_bytes(choice.key))
        from app.sheets.export import export_sheet

        self._writer.run(partial(export_sheet, allow_partial=choice.partial),
                         session, choice.key, choice.path,
                         on_done=lambda result: self._exported(result, fp),
                         on_error=self._failed)

    def _exported(self, result: ExportResult, fp: str) -> None:
        remember(SHEET, result.path)  # the next sheet is suggested in the same folder
        state = self.tr("部分评分（未完成）") if result.partial else self.tr("评分完成")
        self._show_status(self.tr("已导出评分表 {name}（第 {version} 版）").format(
            name=result.path.name, version=result.version))
        QMessageBox.information(self._parent, self.tr("已导出评分表"), self.tr(
            "评分表已保存：\n{path}\n\n第 {version} 版，{rows} 份申报，{state}。\n"
            "密钥指纹：{fingerprint}\n\n请把此文件交回组织方；修改评分后可再次导出，"
            "新版本会取代旧版本。").format(
                path=result.path, version=result.version, rows=result.rows, state=state,
                fingerprint=format_fingerprint(fp)))

    def _failed(self, err: BaseException) -> None:
        self._show_status("")
        text = error_text(err) if isinstance(err, PanelDeskError) else self.tr(
            "导出时发生内部错误（{kind}: {detail}）。").format(kind=type(err).__name__,
                                                        detail=err)
        QMessageBox.warning(self._parent, self.tr("无法导出评分表"), plain_tooltip(text))
