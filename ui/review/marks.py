"""Every change of an expert's marks, through the one writer thread.

`MarkWriter.change(session, sid, write, *args)` runs `write(sid, *args)` on the single
writer (so marks are saved in the order they were made and never block painting) and
then, on the same thread, reads the submission's new `SubmissionState` — one cached read
that also refreshes the marks the window shows next.  `saved(sid, state)` brings it to
the GUI thread, so the list updates without touching the database.  A failed write says
why (`failed`) and then reports what the store really holds (`reloaded`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.errors import PanelDeskError
from app.workspace.status import SubmissionState
from ui.i18n import error_text
from ui.task_runner import TaskRunner


def write_then_state(session: Any, sid: str, write: Callable[..., Any],
                     *args: Any) -> SubmissionState:
    """The writer thread's task: the change, then the state it left."""
    write(sid, *args)
    return session.state(sid)


class MarkWriter(QObject):
    """The window's single path for writes (see the module docstring)."""

    saved = Signal(str, object)  # submission id, SubmissionState after the change
    failed = Signal(str, str)  # submission id, message
    reloaded = Signal(str, object)  # after a failure: what the store really holds

    def __init__(self, writer: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writer = writer

    def change(self, session: Any, sid: str, write: Callable[..., Any], *args: Any,
               then: Callable[[], None] | None = None) -> None:
        """Apply `write(sid, *args)`; `then` runs on the GUI thread after `saved`."""
        def done(state: SubmissionState) -> None:
            self.saved.emit(sid, state)
            if then is not None:
                then()

        self._writer.run(write_then_state, session, sid, write, *args, on_done=done,
                         on_error=lambda err: self._failed(session, sid, err))

    def remember_position(self, session: Any, sid: str) -> None:
        """Where the expert is, for the next start (not part of the audit trail)."""
        self._writer.run(session.set_last_submission, sid,
                         on_error=lambda err: self._failed(session, sid, err))

    def wait(self) -> None:
        """Block until every queued write is committed (closing, switching packets)."""
        self._writer.wait_for_done()

    def _failed(self, session: Any, sid: str, err: BaseException) -> None:
        message = error_text(err) if isinstance(err, PanelDeskError) else self.tr(
            "保存失败（{kind}: {detail}）").format(kind=type(err).__name__, detail=err)
        self.failed.emit(sid, message)
        # Show what the store really holds, not what the widget last displayed.
        self._writer.run(session.state, sid,
                         on_done=lambda state: self.reloaded.emit(sid, state),
                         on_error=lambda _err: None)
