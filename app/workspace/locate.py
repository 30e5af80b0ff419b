"""Where an expert's workspace database lives on disk.

One SQLite file per packet and expert: `<user data>/workspaces/<packet_id>/<expert_id>.sqlite`.
Packet and expert ids come from a signed manifest, but they are still text written by
someone else, so they are reduced to a safe file-name alphabet here.  When that changes
an id (or the id is a Windows device name), a short hash of the original is appended so
two different ids can never share a database.  (Ids differing only in letter case meet
on case-insensitive file systems; `Workspace.open` then refuses the other's database
rather than mixing marks.)

`confirmed_expert` answers, before any workspace is opened, which expert of a packet's
roster confirmed their identity on this machine — read straight from the workspaces'
`meta` tables, so the review window can skip the identity step on the next open.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from app.paths import user_data_dir

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
# Names Windows refuses as files whatever the extension (`CON`, `con.x`, `COM1.tar.gz`).
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(1, 10)} \
    | {f"LPT{i}" for i in range(1, 10)}
_MAX_LEN = 64


def safe_component(value: str) -> str:
    """`value` as one portable path component; distinct ids give distinct components."""
    cleaned = _UNSAFE.sub("_", value).strip("._")[:_MAX_LEN]
    # Windows reads "CON.txt" and "COM1.tar.gz" as the device too: the stem decides.
    reserved = cleaned.split(".", 1)[0].upper() in _RESERVED
    if cleaned != value or not cleaned or reserved:
        digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        # A dot would keep the device name as the stem ("con.x-…" is still CON).
        cleaned = f"{cleaned.replace('.', '_') if reserved else cleaned or 'id'}-{digest}"
    return cleaned


def workspace_path(packet_id: str, expert_id: str, home: Path | None = None) -> Path:
    """The workspace database of `expert_id` for `packet_id` (parent folder created)."""
    folder = _packet_folder(packet_id, home)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{safe_component(expert_id)}.sqlite"


def _packet_folder(packet_id: str, home: Path | None) -> Path:
    base = Path(home) if home is not None else user_data_dir()
    return base / "workspaces" / safe_component(packet_id)


def confirmed_expert(packet_id: str, experts: Iterable[str],
                     home: Path | None = None) -> str | None:
    """Of `experts`, the one whose workspace for `packet_id` confirmed its identity most
    recently (None when none did).  A file that cannot be read is passed over."""
    folder = _packet_folder(packet_id, home)
    wanted = set(experts)
    found: list[tuple[str, str]] = []
    for path in sorted(folder.glob("*.sqlite")) if folder.is_dir() else []:
        meta = _read_meta(path, ("expert_id", "identity_confirmed"))
        expert, confirmed = meta.get("expert_id"), meta.get("identity_confirmed")
        if expert in wanted and confirmed:
            found.append((confirmed, expert))
    return max(found)[1] if found else None


def _read_meta(path: Path, keys: tuple[str, ...]) -> dict[str, str]:
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)
    except sqlite3.Error:
        return {}
    try:
        marks = ",".join("?" * len(keys))
        rows = conn.execute(f"SELECT key, value FROM meta WHERE key IN ({marks})", keys)
        return {str(k): str(v) for k, v in rows}
    except sqlite3.Error:  # not a workspace, damaged, locked: it confirmed nothing
        return {}
    finally:
        conn.close()
