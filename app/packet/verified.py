"""Remembering which packet files were fully verified, so reopening one is quick.

Opening a packet for review hashes every member once (a bad byte refuses the packet).
Hashing 1–2 GB takes seconds, and experts reopen the same file every day; so after a
full verification the file's identity — path, size, modification time and manifest hash —
is noted in the user data folder, and an unchanged file is not hashed again.  Nothing is
trusted blindly: the signature and the member list are still checked on every open, and
every member is hash-checked whenever it is read.  A changed size or time, a different
manifest, or an unreadable note means a full verification again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from app.paths import user_data_dir

NOTE_FILE = "verified-packets.json"
MAX_ENTRIES = 50  # the most recent packets; an expert rarely has more than a few


def _identity(path: Path, manifest_hash: str) -> dict[str, Any]:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "manifest": manifest_hash}


def _load(note: Path) -> dict[str, Any]:
    try:
        data = json.loads(note.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def is_known_good(path: Path, manifest_hash: str, home: Path | None = None) -> bool:
    """True when this very file (same size, time and manifest) was fully verified before."""
    note = (home or user_data_dir()) / NOTE_FILE
    try:
        return _load(note).get(str(Path(path).resolve())) == _identity(path, manifest_hash)
    except OSError:
        return False


def remember_good(path: Path, manifest_hash: str, home: Path | None = None) -> None:
    """Note a successful full verification (best effort: a failure only costs time)."""
    folder = home or user_data_dir()
    note = folder / NOTE_FILE
    try:
        entries = _load(note)
        key = str(Path(path).resolve())
        entries.pop(key, None)
        entries[key] = _identity(path, manifest_hash)
        while len(entries) > MAX_ENTRIES:
            entries.pop(next(iter(entries)))
        folder.mkdir(parents=True, exist_ok=True)
        tmp = note.with_name(note.name + ".tmp")
        tmp.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, note)
    except OSError:
        pass
