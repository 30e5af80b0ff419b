"""`RenderPool`: PDF page counts and page renders, done by worker processes.

Called from the GUI's runner threads like the in-process functions of `app.render.pdf`
(`page_count`, `render_page`), and blocking only the calling thread — which waits on a
pipe without holding the interpreter lock.  At most `size` workers run, one by default:
each holds MuPDF's image store (~125 MB in a long session); a second one made
back-to-back switching faster (p95 145 vs ~210 ms) but not switching after reading,
which is the expert's pace.  Workers start on first use (`warm()` starts one early) and
stop when the pool is closed or the GUI process ends (their input closes).

Documents cross the pipe once: each distinct bytes object gets a serial number, a worker
keeps its last few documents, and the bytes are sent again only when it answers that it
no longer holds them.  A worker that crashes (a hostile PDF can crash MuPDF), sends
nonsense or takes longer than `timeout_s` is killed; the request fails with a
`PanelDeskError` the viewer shows, and the next request starts a fresh worker.
"""

from __future__ import annotations

import atexit
import hashlib
import itertools
import os
import subprocess
import sys
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.render import MAX_PAGE_PIXELS, OPEN_DOCUMENTS, RenderedPage
from app.render.frames import FrameError, read_frame, write_frame

WORKER_FLAG = "--render-worker"  # how a frozen (PyInstaller) build starts a worker
DEFAULT_WORKERS = 1
# A page MuPDF has not drawn in this time is refused (and the worker killed): honest
# evidence pages draw in well under a second; a hostile one (a page of 60 000 full-page
# strokes takes minutes) must not hold the only worker, and so every other PDF, for long.
TIMEOUT_S = 10.0
DOCUMENT_IDS = OPEN_DOCUMENTS + 1  # each entry keeps its PDF's bytes alive

CRASHED = QT_TRANSLATE_NOOP("Render", "PDF 无法显示：渲染进程意外退出（文件可能已损坏）")


def worker_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "app.render.worker"]


def _worker_environment() -> dict[str, str]:
    env = dict(os.environ)
    if not getattr(sys, "frozen", False):
        # The worker must import this very `app`, also from a source checkout.
        root = str(Path(__file__).resolve().parent.parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


PIPE_BYTES = 1 << 20


def _widen_pipe(fd: int) -> None:
    """Let a rendered page (~3 MB) cross in 1 MB steps instead of 64 KB ones: on Linux this
    halves the time a page takes to come back (17 → 9.6 ms here).  Elsewhere a no-op."""
    try:
        import fcntl
    except ImportError:  # Windows
        return
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None)  # Linux only
    if set_size is not None:
        try:
            fcntl.fcntl(fd, set_size, PIPE_BYTES)
        except OSError:
            pass  # above the system's limit (/proc/sys/fs/pipe-max-size): the default stays


class _WorkerLost(Exception):
    def __init__(self, timed_out: bool) -> None:
        super().__init__("render worker lost")
        self.timed_out = timed_out


class _Watchdog:
    """Kills a worker whose answer takes longer than the request's time limit.

    One thread for the worker's life, armed and disarmed around each request: a
    `threading.Timer` per request started a thread every time, which cost 0.3 ms idle
    and ~5 ms on a busy machine — more than the page render it guarded.
    """

    def __init__(self, kill: Callable[[], None]) -> None:
        self._kill = kill
        self._changed = threading.Condition()
        self._deadline: float | None = None
        self._stopped = False
        self.expired = False
        threading.Thread(target=self._watch, name="render-watchdog", daemon=True).start()

    def arm(self, timeout_s: float) -> None:
        with self._changed:
            self.expired = False
            self._deadline = time.monotonic() + timeout_s
            self._changed.notify()

    def disarm(self) -> None:
        with self._changed:
            self._deadline = None

    def stop(self) -> None:
        with self._changed:
            self._stopped = True
            self._changed.notify()

    def _watch(self) -> None:
        with self._changed:
            while not self._stopped:
                if self._deadline is None:
                    self._changed.wait()
                    continue
                left = self._deadline - time.monotonic()
                if left > 0:
                    self._changed.wait(left)
                    continue
                self.expired, self._deadline = True, None
                self._kill()  # the blocked read then ends with the pipe


class _Worker:
    """One worker process; used by one thread at a time (the pool sees to that)."""

    def __init__(self, command: list[str]) -> None:
        debug = bool(os.environ.get("PANELDESK_DEBUG"))
        try:
            self.process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=None if debug else subprocess.DEVNULL, env=_worker_environment(),
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        except OSError as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Render", "无法启动 PDF 渲染进程：{reason}"),
                reason=err.strerror or err)) from err
        self.recent: deque[int] = deque(maxlen=OPEN_DOCUMENTS)
        _widen_pipe(self.process.stdout.fileno())
        self._watchdog = _Watchdog(self.kill)

    def alive(self) -> bool:
        return self.process.poll() is None

    def ask(self, header: dict[str, Any], payload: bytes,
            timeout_s: float) -> tuple[dict[str, Any], bytes]:
        self._watchdog.arm(timeout_s)
        try:
            write_frame(self.process.stdin, header, payload)
            frame = read_frame(self.process.stdout)
        except (OSError, ValueError, FrameError) as err:  # broken pipe, closed pipe, garbage
            self.kill()
            raise _WorkerLost(self._watchdog.expired) from err
        finally:
            self._watchdog.disarm()
        if frame is None:
            self.kill()
            raise _WorkerLost(self._watchdog.expired)
        return frame

    def kill(self) -> None:
        self._watchdog.stop()  # a dead worker is never asked again
        try:
            self.process.kill()
            self.process.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            pass

    def close(self) -> None:
        """Ask the worker to end (its input closes), killing it if it does not."""
        self._watchdog.stop()
        try:
            self.process.stdin.close()
            self.process.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            self.kill()
        self.process.stdout.close()


class RenderPool:
    """Page counts and renders of PDFs given as bytes, thread-safe."""

    def __init__(self, size: int = DEFAULT_WORKERS, timeout_s: float = TIMEOUT_S,
                 command: list[str] | None = None) -> None:
        self._size = max(1, size)
        self._timeout_s = timeout_s
        self._command = command or worker_command()
        self._ready = threading.Condition()
        self._idle: list[_Worker] = []
        self._all: list[_Worker] = []
        self._closed = False
        # identity → (the bytes, kept so the identity is never reused, and their serial)
        self._documents: OrderedDict[int, tuple[bytes, int]] = OrderedDict()
        self._serials = itertools.count(1)
        # Documents whose page ran out of time, by size then digest: refused at once after
        # that (thumbnail, page and look-ahead would each cost the whole time limit).
        self._too_slow: dict[int, set[bytes]] = {}

    # ------------------------------------------------------------------ public

    def page_count(self, data: bytes) -> int:
        answer, _ = self._ask({"op": "count"}, data)
        pages = answer.get("pages")
        if not isinstance(pages, int) or pages < 1:
            raise PanelDeskError(CRASHED)
        return pages

    def render_page(self, data: bytes, page_index: int, zoom: float) -> RenderedPage:
        answer, samples = self._ask({"op": "render", "page": page_index, "zoom": zoom}, data)
        size = [answer.get(k) for k in ("width", "height", "stride")]
        if not all(isinstance(v, int) and v > 0 for v in size):
            raise PanelDeskError(CRASHED)
        width, height, stride = size
        if (width * height > MAX_PAGE_PIXELS or stride < width * 3
                or len(samples) != stride * height):
            raise PanelDeskError(CRASHED)
        return RenderedPage(width, height, stride, samples)

    def warm(self) -> None:
        """Start one worker now (it takes ~0.2 s to be ready), so the first PDF is quick."""
        with self._ready:
            if not self._all and not self._closed:
                try:
                    self._start_locked()
                except PanelDeskError:
                    pass  # reported again, with the file, when a PDF is first shown

    def close(self) -> None:
        with self._ready:
            self._closed = True
            workers, self._idle, self._all = list(self._all), [], []
            self._ready.notify_all()
        for worker in workers:
            worker.close()

    @property
    def worker_pids(self) -> list[int]:
        with self._ready:
            return [w.process.pid for w in self._all]

    # ------------------------------------------------------------------ inside

    def _document_id(self, data: bytes) -> int:
        with self._ready:
            entry = self._documents.get(id(data))
            if entry is not None and entry[0] is data:
                self._documents.move_to_end(id(data))
                return entry[1]
            serial = next(self._serials)
            self._documents[id(data)] = (data, serial)
            while len(self._documents) > DOCUMENT_IDS:
                self._documents.popitem(last=False)
            return serial

    def _ask(self, header: dict[str, Any], data: bytes) -> tuple[dict[str, Any], bytes]:
        if header.get("op") == "render" and self._was_too_slow(data):
            raise self._timed_out()
        doc = self._document_id(data)
        header["doc"] = doc
        worker = self._acquire(doc)
        try:
            answer, payload = worker.ask(header, b"" if doc in worker.recent else data,
                                         self._timeout_s)
            if answer.get("need_data"):
                answer, payload = worker.ask(header, data, self._timeout_s)
            if doc in worker.recent:
                worker.recent.remove(doc)
            worker.recent.append(doc)
        except _WorkerLost as lost:
            if lost.timed_out:
                with self._ready:
                    self._too_slow.setdefault(len(data), set()).add(hashlib.sha256(data).digest())
                raise self._timed_out() from None
            raise PanelDeskError(CRASHED) from None
        finally:
            self._release(worker)
        if answer.get("ok") is not True:
            error = answer.get("error")
            raise PanelDeskError(_message(answer.get("message"))
                                 or (error if isinstance(error, str) and error else CRASHED))
        return answer, payload

    def _was_too_slow(self, data: bytes) -> bool:
        with self._ready:
            digests = self._too_slow.get(len(data))
        return bool(digests) and hashlib.sha256(data).digest() in digests

    def _timed_out(self) -> PanelDeskError:
        return PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Render", "PDF 渲染超过 {timeout_s} 秒仍未完成，已停止（文件可能过于复杂或已损坏）"),
            timeout_s=format(self._timeout_s, 'g')))

    def _acquire(self, doc: int) -> _Worker:
        with self._ready:
            while True:
                if self._closed:
                    raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Render", "PDF 渲染已停止（评审台正在关闭）")))
                if self._idle:
                    holding = [w for w in self._idle if doc in w.recent]
                    worker = (holding or self._idle)[0]
                    self._idle.remove(worker)
                    return worker
                if len(self._all) < self._size:
                    return self._start_locked(idle=False)
                self._ready.wait()

    def _start_locked(self, idle: bool = True) -> _Worker:
        worker = _Worker(self._command)
        self._all.append(worker)
        if idle:
            self._idle.append(worker)
        return worker

    def _release(self, worker: _Worker) -> None:
        with self._ready:
            if worker not in self._all:
                worker.close()  # the pool was closed meanwhile
            elif worker.alive():
                self._idle.append(worker)
            else:
                self._all.remove(worker)  # the next request starts a fresh one
            self._ready.notify()


_default: RenderPool | None = None
_default_lock = threading.Lock()


def default_pool() -> RenderPool:
    """The process-wide pool, created on first use and closed at exit."""
    global _default
    with _default_lock:
        if _default is None:
            _default = RenderPool()
            atexit.register(_default.close)
        return _default


def _message(portable: Any) -> Message | None:
    """The worker's translatable message rebuilt (see `worker._portable`), if it sent one."""
    try:
        return Message(str(portable["context"]), str(portable["template"]),
                       **{str(k): str(v) for k, v in dict(portable["args"]).items()})
    except (TypeError, KeyError, ValueError, IndexError):
        return None
