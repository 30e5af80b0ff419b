"""Atomic writes for files we hand out (score sheets, results): never a half-written file.

Each file is written to a temporary name in the output folder and renamed into place,
so an interrupted run (disk full, power cut) leaves the previous file or none, never a
truncated one; an OSError becomes a PanelDeskError naming the file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from app.errors import PanelDeskError


def save_atomic(write: Callable[[IO[bytes]], Any], path: Path, what: str) -> Path:
    """Call `write(fh)` on a temp file beside `path`, then rename it to `path`."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise PanelDeskError(f"无法写入{what} {path}：文件夹不存在")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".paneldesk-", suffix=".tmp", dir=parent)
    except OSError as err:
        raise PanelDeskError(f"无法写入{what} {path}：{err.strerror or err}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as err:
        raise PanelDeskError(f"无法写入{what} {path}：{err.strerror or err}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path
