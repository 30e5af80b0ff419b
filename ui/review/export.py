"""The review window's 导出评分表 flow, kept out of the window module.

Order matters: pending marks are flushed, then the pre-export check runs on the writer
thread (after every queued write, so it sees them), then the dialog asks for the
decision, then the sheet is written on the writer thread too — the export reserves a
version number in the workspace database and must not interleave with mark writes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox

from app.errors import PanelDeskError
from app.keys import KeyStore, fingerprint, format_fingerprint, public_key_bytes
from app.workspace.locate import safe_component
from ui.review.export_dialog import ExportChoice, ExportDialog

if TYPE_CHECKING:
    from app.sheets.export import ExportResult


def suggested_sheet_path(packet_id: str, expert_id: str) -> Path:
    """~/Documents/评分表_<expert>_<packet>.xlsx (home when there is no documents folder)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    base = Path(folder) if folder and Path(folder).is_dir() else Path.home()
    return base / f"评分表_{safe_component(expert_id)}_{safe_component(packet_id)}.xlsx"


def dialog_export(window: Any, missing: list[str], suggested: Path) -> ExportChoice | None:
    """The default decision step: the `ExportDialog`."""
    dialog = ExportDialog(missing, KeyStore(window._home), suggested, parent=window)  # noqa: SLF001
    return dialog.choice if dialog.exec() else None


class ExportMixin:
    """Needs: session, flush_comment, statusBar, tr, _writer, _home; sets _decide_export."""

    _decide_export: Callable[..., ExportChoice | None] = staticmethod(dialog_export)

    def export_sheet(self) -> None:
        """文件 ▸ 导出评分表: check, decide, write — each step after the previous."""
        if self.session is None:
            return
        self.flush_comment()
        session = self.session
        from app.sheets.export import check_before_export  # workbook code loads on first use

        self._writer.run(check_before_export, session,
                         on_done=lambda missing: self._ask_export(session, missing),
                         on_error=self._export_failed)

    def _ask_export(self, session: Any, missing: list[str]) -> None:
        if session is not self.session:  # the packet was closed meanwhile
            return
        suggested = suggested_sheet_path(session.packet_id, session.expert_id)
        choice = self._decide_export(self, missing, suggested)
        if choice is None:
            return
        self.statusBar().showMessage(self.tr("正在导出评分表…"))
        fp = fingerprint(public_key_bytes(choice.key))
        from app.sheets.export import export_sheet

        self._writer.run(partial(export_sheet, allow_partial=choice.partial),
                         session, choice.key, choice.path,
                         on_done=lambda result: self._exported(result, fp),
                         on_error=self._export_failed)

    def _exported(self, result: ExportResult, fp: str) -> None:
        state = self.tr("部分评分（未完成）") if result.partial else self.tr("评分完成")
        self.statusBar().showMessage(self.tr("已导出评分表 {name}（第 {version} 版）").format(
            name=result.path.name, version=result.version))
        QMessageBox.information(self, self.tr("已导出评分表"), self.tr(
            "评分表已保存：\n{path}\n\n第 {version} 版，{rows} 份申报，{state}。\n"
            "密钥指纹：{fingerprint}\n\n请把此文件交回组织方；修改评分后可再次导出，"
            "新版本会取代旧版本。").format(
                path=result.path, version=result.version, rows=result.rows, state=state,
                fingerprint=format_fingerprint(fp)))

    def _export_failed(self, err: BaseException) -> None:
        self.statusBar().clearMessage()
        text = str(err) if isinstance(err, PanelDeskError) else self.tr(
            "导出时发生内部错误（{kind}: {detail}）。").format(kind=type(err).__name__,
                                                        detail=err)
        QMessageBox.warning(self, self.tr("无法导出评分表"), text)
