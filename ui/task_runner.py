"""The one way the GUI runs slow work: off the GUI thread, results back on it.

`TaskRunner.run(fn, *args, on_done=..., on_error=...)` runs `fn(*args)` on a
`QThreadPool` worker and delivers the result (or the exception) to the callback on the
thread the runner lives in — the GUI thread — so callbacks may touch widgets freely.
Tests swap in `SyncTaskRunner`, which runs everything inline and therefore needs no
event-loop waiting.  Database writes that must be serialised use `max_threads=1`.
Long tasks report progress and watch for cancellation through a `ProgressRelay`.

Results travel as posted events, as in Picard's `util/thread.py`: a worker posts a
callable to a mailbox object living on the GUI thread (`QCoreApplication.postEvent` is
thread-safe), and the event loop runs it there.  Unlike a queued signal this needs no
signal signatures and passes any Python object through untouched.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _CallEvent(QEvent):
    """Carries a zero-argument callable to be run on the receiver's thread."""

    TYPE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, call: Callable[[], None]) -> None:
        super().__init__(self.TYPE)
        self.call = call


class _Mailbox(QObject):
    """Runs the callables posted to it, on the thread it lives in."""

    def post(self, call: Callable[[], None]) -> None:  # any thread
        try:
            QCoreApplication.postEvent(self, _CallEvent(call))
        except RuntimeError:
            pass  # the runner is gone (the application is ending): nobody left to tell

    def event(self, event: QEvent) -> bool:
        if event.type() == _CallEvent.TYPE and isinstance(event, _CallEvent):
            event.call()
            return True
        return super().event(event)


class _Job(QRunnable):
    """One call of `fn(*args)`; reports back through the runner's mailbox."""

    def __init__(self, runner: TaskRunner, fn: Callable[..., Any], args: tuple[Any, ...],
                 on_done: Callback | None, on_error: ErrorCallback | None,
                 group: object = None) -> None:
        super().__init__()
        # The runner keeps a Python reference to every job until it reports, so Qt must
        # not delete the C++ side underneath it.
        self.setAutoDelete(False)
        self._runner = runner
        self.fn = fn
        self.args = args
        self.on_done = on_done
        self.on_error = on_error
        self.group = group

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(*self.args)
        except Exception as err:  # noqa: BLE001 — every failure goes to on_error, none is lost
            outcome: tuple[bool, Any] = (False, err)
        else:
            outcome = (True, result)
        # The task belongs to its runner: reaching into it is delivering the result home.
        self._runner._mailbox.post(lambda: self._runner._deliver(self, *outcome))  # noqa: SLF001


# Task priorities: what the user is waiting for, and work done ahead of need.
WANTED_NOW, LOOK_AHEAD = 1, 0


class TaskRunner(QObject):
    """Runs callables on a thread pool; callbacks arrive on this object's thread."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int | None = None) -> None:
        super().__init__(parent)
        self._mailbox = _Mailbox(self)
        # A private pool, not the global one, so `wait_for_done()` waits for our own
        # tasks only and a single-writer runner can exist beside a parallel one.
        self._pool = QThreadPool(self)
        if max_threads is not None:
            self._pool.setMaxThreadCount(max(1, max_threads))
        self._jobs: set[_Job] = set()

    @property
    def busy(self) -> bool:
        """True while any task has not yet reported back."""
        return bool(self._jobs)

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None,
            on_error: ErrorCallback | None = None, priority: int = 0,
            group: object = None) -> None:
        """Run `fn(*args)` on a worker; then call `on_done(result)` or `on_error(exc)`.

        Queued tasks start highest `priority` first: what the user waits for (the
        selected evidence, the page asked for) goes before look-ahead work (thumbnails,
        the next page).  `group` names tasks `drop_queued()` may withdraw.
        """
        job = _Job(self, fn, args, on_done, on_error, group)
        self._jobs.add(job)
        self._pool.start(job, priority)

    def drop_queued(self, group: object) -> int:
        """Withdraw the tasks of `group` that have not started (their callbacks never
        come): thumbnails of a submission the expert has left must not delay the next
        one's.  Returns how many were withdrawn."""
        dropped = 0
        for job in [j for j in self._jobs if j.group == group]:
            if self._pool.tryTake(job):
                self._jobs.discard(job)
                dropped += 1
        return dropped

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until running tasks finish (at shutdown); True if all finished.

        Callbacks of tasks that finish meanwhile are delivered by the event loop later
        (or never, if it has stopped) — this only makes sure no worker is still running.
        """
        return self._pool.waitForDone(msecs)

    def _deliver(self, job: _Job, ok: bool, value: Any) -> None:
        self._jobs.discard(job)
        _call_back(job.on_done, job.on_error, ok, value, job.fn)


class SyncTaskRunner(TaskRunner):
    """Runs every task inline, for tests: callbacks have fired when `run()` returns."""

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None,
            on_error: ErrorCallback | None = None, priority: int = 0,
            group: object = None) -> None:
        try:
            result = fn(*args)
        except Exception as err:  # noqa: BLE001 — same contract as the threaded runner
            _call_back(on_done, on_error, False, err, fn)
        else:
            _call_back(on_done, on_error, True, result, fn)

    def wait_for_done(self, msecs: int = -1) -> bool:
        return True

    def drop_queued(self, group: object) -> int:
        return 0  # nothing is ever queued


class ProgressRelay(QObject):
    """Progress and cancellation between a worker and the GUI.

    Pass the relay itself as a task's `progress(done, total)` callback and
    `relay.cancelled` as its cancellation check; `on_progress(done, total)` is then
    called on the relay's (GUI) thread.  Reports are throttled to 0.1 % steps so
    hashing a gigabyte in 1 MiB chunks does not flood the event loop.
    """

    def __init__(self, on_progress: Callable[[int, int], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_progress = on_progress
        self._mailbox = _Mailbox(self)
        self._cancel = threading.Event()
        self._last_step = -1

    def __call__(self, done: int, total: int) -> None:  # worker (or GUI) thread
        step = done * 1000 // total if total > 0 else 1000
        if step != self._last_step:
            self._last_step = step
            self._mailbox.post(lambda: self._on_progress(done, total))

    def cancel(self) -> None:
        """Ask the task to stop at its next check (any thread)."""
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


def _call_back(on_done: Callback | None, on_error: ErrorCallback | None, ok: bool,
               value: Any, fn: Callable[..., Any]) -> None:
    if ok:
        if on_done is not None:
            on_done(value)
    elif on_error is not None:
        on_error(value)
    else:
        # Nobody asked to hear about it; still never lose a failure silently.
        name = getattr(fn, "__qualname__", repr(fn))
        log.error("后台任务 %s 失败：%s", name, value, exc_info=value)
