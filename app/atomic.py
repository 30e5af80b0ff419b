"""Atomic writes for files we hand out (score sheets, results): never a half-written file.

Each file is written to a temporary name in the output folder and renamed into place,
so an interrupted run (disk full, power cut) leaves the previous file or none, never a
truncated one; an OSError becomes a PanelDeskError naming the file.

Temporary files being written are noted (`pending`), so that a run ended by a signal
can remove them even when the signal arrived between creating the file and the code
that would clean it up (`remove_pending`, called by the command line on SIGTERM).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message

_PENDING: set[Path] = set()


def pending(path: Path, live: bool = True) -> None:
    """Note (or forget) a temporary file that must not outlive an interrupted run."""
    if live:
        _PENDING.add(Path(path))
    else:
        _PENDING.discard(Path(path))


def remove_pending() -> None:
    """Remove every noted temporary file that still exists (best effort)."""
    for path in list(_PENDING):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass
        _PENDING.discard(path)


def save_atomic(write: Callable[[IO[bytes]], Any], path: Path, what: str) -> Path:
    """Call `write(fh)` on a temp file beside `path`, then rename it to `path`."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Files", "无法写入{what} {path}：文件夹不存在"),
            what=what, path=path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".paneldesk-", suffix=".tmp", dir=parent)
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Files", "无法写入{what} {path}：{reason}"),
            what=what, path=path, reason=err.strerror or err)) from None
    pending(Path(tmp))
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Files", "无法写入{what} {path}：{reason}"),
            what=what, path=path, reason=err.strerror or err)) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
        pending(Path(tmp), live=False)
    return path
