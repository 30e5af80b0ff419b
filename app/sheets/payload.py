"""The canonical content of a score sheet — what the expert's key signs (docs/formats.md §5).

The payload is rebuilt from the *visible* cell values on both sides: the expert's export
builds it from the exact values it writes, the organizer's import from the values it
reads back.  So every value goes through one normaliser here:

* scores are fixed-scale decimal strings with one place ("27.5", "30.0"), never floats;
  a cell holding anything that is not exactly such a number (3.3333333333333335, 27.54)
  keeps its full text, so it can never collide with a signed value;
* text is NFC-normalised with "\\r\\n"/"\\r" unified to "\\n" (LibreOffice, Excel and WPS
  disagree on newlines and on composed/decomposed forms, a reader does not);
* rows keep the order of the sheet; the export writes them sorted by submission id, so
  a reordered sheet no longer matches.

Signed bytes = `canonical_json(payload)` (RFC 8785).  The per-expert, per-packet version
counter lives in a side table of the expert's workspace database (`sheet_exports`).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from app.canonical import canonical_json, sha256_hex
from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.workspace.flags import FLAG_LABELS, FLAGS
from scoring.totals import canonical_decimal, format_score

if TYPE_CHECKING:
    from app.workspace import ReviewSession

FORMAT = "paneldesk-sheet"
FORMAT_VERSION = 1
PARTIAL_MARK = "部分评分（未完成）"
RECUSED_MARK = "是"
VERSION_LIMIT = 2**31  # versions count exports from 1 and fit a 32-bit database column
BAD_COUNTER = QT_TRANSLATE_NOOP("ExportCheck", "工作区 {path} 中的评分表版本记录无效（{last}），"
                                "不能导出评分表")

# Control characters that an xlsx cannot hold (the XML 1.0 set openpyxl refuses).
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")
_ONE_PLACE = Decimal("0.1")
FLAG_SEPARATOR, FLAG_ARROW = "；", "→"  # "疑似不实；类别不符→<建议类别>"

# One row per export: the version only goes up, even if an export fails half way.
SHEET_EXPORTS = """CREATE TABLE IF NOT EXISTS sheet_exports (
    version INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    payload_hash TEXT,
    file_name TEXT,
    PRIMARY KEY (version))"""


def now_iso() -> str:
    """UTC now, second precision: "2026-03-10T09:00:00Z"."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def normalize_text(value: Any) -> str | None:
    """A text cell's canonical form: NFC, "\\n" newlines, no XML-illegal characters;
    empty → None.  Numbers typed into a text column become their plain text."""
    if value is None:
        return None
    if isinstance(value, float):
        text = repr(value)
    elif isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    else:
        text = str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ILLEGAL.sub("", unicodedata.normalize("NFC", text))
    return text or None


def score_text(value: Any) -> str | None:
    """A score cell's canonical form: "27.5" for a value exactly on one decimal place,
    the full exact text of anything else (so 3.3333333333333335 never equals "3.3")."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        # repr() is the shortest text that round-trips, i.e. what the cell really holds.
        number = _decimal(repr(value))
    elif isinstance(value, int | Decimal):
        number = Decimal(value)
    else:
        text = normalize_text(value)
        if text is None or not text.strip():
            return None
        number = _decimal(unicodedata.normalize("NFKC", text).strip())
        if number is None:
            return text  # not a number at all: keep it visible in the diff
    if number is None or not number.is_finite():
        return normalize_text(value)
    try:
        if number == number.quantize(_ONE_PLACE, rounding="ROUND_HALF_UP"):
            return format_score(number, 1)
        return canonical_decimal(number)
    except (InvalidOperation, ValueError):
        return normalize_text(value)  # absurdly large: its text is what differs


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        return None


def flag_text(flags: dict[str, str | None]) -> str | None:
    """Flags as the sheet shows them: "疑似不实；类别不符→<建议类别>" (fixed order)."""
    parts = []
    for flag in FLAGS:
        if flag in flags:
            category = flags[flag]
            parts.append(FLAG_LABELS[flag] + (f"{FLAG_ARROW}{category}" if category else ""))
    return FLAG_SEPARATOR.join(parts) or None


def flag_parts(text: str | None) -> list[tuple[str, str, str | None]]:
    """(part as written, its label, its suggested category — None without an arrow) of
    each flag in a flags cell."""
    out = []
    for part in (text or "").split(FLAG_SEPARATOR):
        label, arrow, category = part.strip().partition(FLAG_ARROW)
        out.append((part, label.strip(), category.strip() if arrow else None))
    return out


def parse_flag_text(text: str | None) -> dict[str, str | None]:
    """The inverse of `flag_text` (unknown labels are ignored: the text is what counts)."""
    by_label = {label: flag for flag, label in FLAG_LABELS.items()}
    return {by_label[label]: category or None for _part, label, category in flag_parts(text)
            if label in by_label}


def make_row(sid: Any, category: Any, title: Any, scores: dict[str, Any], total: Any,
             flags: Any, comment: Any, recused: Any, reason: Any) -> dict[str, Any]:
    """One canonical row from raw cell values (export and import share this)."""
    recused_text = normalize_text(recused)
    return {
        "id": normalize_text(sid),
        "category": normalize_text(category),
        "title": normalize_text(title),
        "scores": {crit: score_text(v) for crit, v in scores.items()},
        "total": score_text(total),
        "flags": normalize_text(flags),
        "comment": normalize_text(comment),
        "recused": recused_text is not None and recused_text.strip() == RECUSED_MARK,
        "recusal_reason": normalize_text(reason),
    }


def session_rows(session: ReviewSession) -> list[dict[str, Any]]:
    """The rows an export writes, as cell values (scores as Decimal), sorted by id."""
    ws = session.workspace
    all_scores, comments = ws.all_scores(), ws.all_comments()
    all_flags, recusals = ws.all_flags(), ws.recusals()
    rows = []
    for sid in sorted(session.assigned):
        sub = session.submission(sid)
        scores = all_scores.get(sid, {})
        recused = sid in recusals
        rows.append({
            "id": sid, "category": sub.category, "title": sub.title,
            "scores": {c.id: scores.get(c.id) for c in session.rubric.criteria},
            "total": None if recused else session.total(sid),
            "flags": flag_text(all_flags.get(sid, {})),
            "comment": comments.get(sid),
            "recused": RECUSED_MARK if recused else None,
            "recusal_reason": recusals.get(sid),
        })
    return rows


def canonical_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [make_row(r["id"], r["category"], r["title"], r["scores"], r["total"], r["flags"],
                     r["comment"], r["recused"], r["recusal_reason"]) for r in rows]


def build_payload(session: ReviewSession, rows: list[dict[str, Any]], *, version: int,
                  key_fingerprint: str, partial: bool, exported_at: str) -> dict[str, Any]:
    """The signed document for `rows` (canonical, as `canonical_rows` makes them)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "version": version,
        "packet_id": session.packet_id,
        "manifest_hash": session.packet.manifest_hash,
        "rubric_hash": session.manifest.rubric_hash,
        "expert_id": session.expert_id,
        "key_fingerprint": key_fingerprint,
        "partial": partial,
        "exported_at": exported_at,
        "criteria": [c.id for c in session.rubric.criteria],
        "rows": rows,
    }


def signed_bytes(payload: dict[str, Any]) -> bytes:
    return canonical_json(payload)


def payload_hash(payload: dict[str, Any]) -> str:
    return "sha256:" + sha256_hex(canonical_json(payload))


# ------------------------------------------------------------ version counter

def reserve_version(session: ReviewSession) -> int:
    """Take the next export version for this expert and packet (1, 2, …), durably.

    Reserved before the file is written, in one write transaction, so two exports can
    never share a number and a failed export still moves the counter on.
    """
    ws = session.workspace
    with ws.transaction() as conn:
        conn.execute(SHEET_EXPORTS)
        last = conn.execute("SELECT max(version) FROM sheet_exports").fetchone()[0] or 0
        # Only a file changed outside PanelDesk holds a counter that gives no version a
        # sheet may carry (-4, 2**31); refuse it rather than sign what the import rejects.
        if not isinstance(last, int) or not 0 <= last < VERSION_LIMIT - 1:
            raise PanelDeskError(Message("ExportCheck", BAD_COUNTER, path=ws.path, last=last))
        version = last + 1
        conn.execute("INSERT INTO sheet_exports (version, started_at) VALUES (?, ?)",
                     (version, now_iso()))
    return version


def record_export(session: ReviewSession, version: int, digest: str, file_name: str) -> None:
    """Note which file carried `version` (for the expert's own records)."""
    ws = session.workspace
    with ws.transaction() as conn:
        conn.execute("UPDATE sheet_exports SET payload_hash = ?, file_name = ? "
                     "WHERE version = ?", (digest, file_name, version))

