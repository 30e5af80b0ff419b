"""Declaring and withdrawing a conflict of interest (回避) for the shown submission.

Both ask for a reason (required: it goes into the audit trail) and go through the one
writer like every mark.  `RecusalActions` gets what it needs through its constructor:
the window to ask on, the `MarkWriter`, a way to learn the session and submission shown,
the comment flush, and what to do once the change is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from ui.review.marks import MarkWriter

translate = QCoreApplication.translate


class RecusalActions:
    """申报 ▸ 申请回避 / 撤销回避 (see the module docstring)."""

    def __init__(self, parent: QWidget, marks: MarkWriter,
                 shown: Callable[[], tuple[Any, str] | None], flush: Callable[[], None],
                 changed: Callable[[str], None]) -> None:
        self._parent = parent
        self._marks = marks
        self._shown = shown  # (session, submission id) on screen, or None
        self._flush = flush
        self._changed = changed

    def ask_recuse(self) -> None:
        reason = self._ask_reason(translate("ReviewWindow", "申请回避"),
                                  translate("ReviewWindow", "回避 {sid} 的理由（必填）："),
                                  translate("ReviewWindow", "请填写回避理由。"))
        if reason is not None:
            self._flush()
            self.recuse(reason)

    def ask_unrecuse(self) -> None:
        reason = self._ask_reason(
            translate("ReviewWindow", "撤销回避"),
            translate("ReviewWindow", "撤销对 {sid} 的回避，理由（必填，将记入修改记录）："),
            translate("ReviewWindow", "请填写撤销回避的理由。"))
        if reason is not None:
            self.unrecuse(reason)

    def recuse(self, reason: str) -> None:
        self._change("recuse", reason)

    def unrecuse(self, reason: str) -> None:
        self._change("unrecuse", reason)

    def _change(self, method: str, reason: str) -> None:
        shown = self._shown()
        if shown is not None:
            session, sid = shown
            self._marks.change(session, sid, getattr(session, method), reason,
                               then=lambda: self._changed(sid))

    def _ask_reason(self, title: str, prompt: str, missing: str) -> str | None:
        shown = self._shown()
        if shown is None:
            return None
        reason, ok = QInputDialog.getText(self._parent, title, prompt.format(sid=shown[1]))
        while ok and not reason.strip():  # said why, then asked again: the expert meant it
            QMessageBox.warning(self._parent, title, missing)
            reason, ok = QInputDialog.getText(self._parent, title, prompt.format(sid=shown[1]))
        return reason.strip() if ok else None
