"""The organizer database: pinned keys, accepted sheets, marks, rejected imports, audit log.

SQLAlchemy Core with portable types only, so any URL works (a SQLite file by default,
PostgreSQL for a team).  Every sheet whose signature, key and packet check out is kept
in `sheets` — the newest version per expert is the current one, and only its marks are
in `marks` / `notes`.  Storing older verified versions too is what makes an import
order-independent: importing v1 then v2, or v2 then v1 (SUPERSEDED), leaves the same
rows.  Rejected files are logged once per (packet, file content, outcome).  Every
decision an organizer takes (on intake entries, on results) is appended to `audit_log`:
who, when, what, the old and new value and the reason — rows are never changed.
"""

from __future__ import annotations

import hashlib
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    insert,
    select,
)
from sqlalchemy.exc import SQLAlchemyError

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.paths import user_data_dir

metadata = MetaData()

pinned_keys = Table(
    "pinned_keys", metadata,
    Column("packet_id", String(200), primary_key=True),
    Column("expert_id", String(200), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("public_key", Text, nullable=False),
    Column("pinned_at", String(40), nullable=False),
)

sheets = Table(
    "sheets", metadata,
    Column("packet_id", String(200), primary_key=True),
    Column("expert_id", String(200), primary_key=True),
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("payload_hash", String(80), nullable=False),
    Column("partial", Boolean, nullable=False),
    Column("exported_at", String(40), nullable=False),
    Column("key_fingerprint", String(64), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("file_sha256", String(80), nullable=False),
    Column("imported_at", String(40), nullable=False),
    Column("payload", Text, nullable=False),  # the signed canonical JSON
)

marks = Table(
    "marks", metadata,
    Column("packet_id", String(200), primary_key=True),
    Column("expert_id", String(200), primary_key=True),
    Column("submission_id", String(200), primary_key=True),
    Column("criterion_id", String(200), primary_key=True),
    Column("value", String(40), nullable=False),  # decimal text, e.g. "27.5"
)

notes = Table(
    "notes", metadata,
    Column("packet_id", String(200), primary_key=True),
    Column("expert_id", String(200), primary_key=True),
    Column("submission_id", String(200), primary_key=True),
    Column("total", String(40), nullable=True),
    Column("comment", Text, nullable=True),
    Column("flags", Text, nullable=True),  # as shown on the sheet: "类别不符→<建议类别>"
    Column("recused", Boolean, nullable=False),
    Column("recusal_reason", Text, nullable=True),
)

rejected = Table(
    "rejected", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("packet_id", String(200), nullable=False),
    Column("file_sha256", String(80), nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("file_name", Text, nullable=False),
    Column("expert_id", String(200), nullable=True),
    Column("version", Integer, nullable=True),
    Column("reason", Text, nullable=False),
    Column("imported_at", String(40), nullable=False),
    UniqueConstraint("packet_id", "file_sha256", "outcome", name="rejected_once"),
)


audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # What the decision is about: a packet id (results) or a project's intake (intake).
    Column("scope", String(200), nullable=False),
    Column("at", String(40), nullable=False),
    Column("who", String(200), nullable=False),
    Column("action", String(60), nullable=False),  # e.g. "exclude", "override_minimum"
    Column("subject", Text, nullable=False),  # an entry's source or a submission id
    Column("old", Text, nullable=True),  # JSON text or None
    Column("new", Text, nullable=True),
    Column("reason", Text, nullable=False),
)


# The current version of a document the organizer edits decision by decision (e.g. the
# results decisions of a packet, scope "results:<packet id>"); its history is the audit log.
documents = Table(
    "documents", metadata,
    Column("scope", String(200), primary_key=True),
    Column("text", Text, nullable=False),
    Column("updated_at", String(40), nullable=False),
)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def default_url() -> str:
    """A SQLite file in the organizer's data folder."""
    path = user_data_dir() / "organizer" / "organizer.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


class OrgDB:
    """The organizer database at `url` (default: `default_url()`)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        try:
            self.engine: Engine = create_engine(self.url)
            _create_tables(self.engine)
        except (SQLAlchemyError, ImportError, ValueError, OSError) as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Sheets", "无法打开组织方数据库 {url}：{err}"),
                url=_safe(self.url), err=_reason(err))) from err

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> OrgDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ reads

    def pinned(self, packet_id: str, expert_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(pinned_keys.c.fingerprint).where(
                pinned_keys.c.packet_id == packet_id,
                pinned_keys.c.expert_id == expert_id)).scalar()

    def current(self, packet_id: str, expert_id: str) -> dict[str, Any] | None:
        """The accepted sheet with the highest version, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(sheets).where(
                sheets.c.packet_id == packet_id, sheets.c.expert_id == expert_id)
                .order_by(sheets.c.version.desc()).limit(1)).mappings().first()
            return dict(row) if row else None

    def sheet(self, packet_id: str, expert_id: str, version: int) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(sheets).where(
                sheets.c.packet_id == packet_id, sheets.c.expert_id == expert_id,
                sheets.c.version == version)).mappings().first()
            return dict(row) if row else None

    def marks(self, packet_id: str) -> dict[tuple[str, str], dict[str, str]]:
        """{(expert, submission): {criterion: value}} of the current sheets."""
        out: dict[tuple[str, str], dict[str, str]] = {}
        with self.engine.connect() as conn:
            for r in conn.execute(select(marks).where(marks.c.packet_id == packet_id)):
                out.setdefault((r.expert_id, r.submission_id), {})[r.criterion_id] = r.value
        return out

    def notes(self, packet_id: str) -> dict[tuple[str, str], dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(notes).where(notes.c.packet_id == packet_id)).mappings()
            return {(r["expert_id"], r["submission_id"]): dict(r) for r in rows}

    def rejected(self, packet_id: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(rejected).where(rejected.c.packet_id == packet_id)
                                .order_by(rejected.c.id)).mappings()
            return [dict(r) for r in rows]

    def state(self, packet_id: str) -> dict[str, Any]:
        """Everything except timestamps — for comparing two import runs."""
        with self.engine.connect() as conn:
            keys = sorted((r.expert_id, r.fingerprint) for r in conn.execute(
                select(pinned_keys).where(pinned_keys.c.packet_id == packet_id)))
            accepted = sorted((r.expert_id, r.version, r.payload_hash) for r in conn.execute(
                select(sheets).where(sheets.c.packet_id == packet_id)))
        note_rows = {k: {f: v for f, v in n.items() if f != "packet_id"}
                     for k, n in self.notes(packet_id).items()}
        return {"keys": keys, "sheets": accepted, "marks": self.marks(packet_id),
                "notes": note_rows}

    def audit(self, scope: str) -> list[dict[str, Any]]:
        """The audit log of `scope`, oldest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(audit_log).where(audit_log.c.scope == scope)
                                .order_by(audit_log.c.id)).mappings()
            return [dict(r) for r in rows]

    def document(self, scope: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(documents.c.text).where(
                documents.c.scope == scope)).scalar()

    # ----------------------------------------------------------------- writes

    def save_document(self, scope: str, text: str, who: str, action: str, subject: str,
                      reason: str, old: str | None = None, new: str | None = None) -> None:
        """Replace the document of `scope` and log why, in one transaction."""
        at = now_iso()
        with self.engine.begin() as conn:
            conn.execute(delete(documents).where(documents.c.scope == scope))
            conn.execute(insert(documents).values(scope=scope, text=text, updated_at=at))
            conn.execute(insert(audit_log).values(
                scope=scope, at=at, who=who, action=action, subject=subject, old=old,
                new=new, reason=reason))

    def record(self, scope: str, who: str, action: str, subject: str, reason: str,
               old: str | None = None, new: str | None = None) -> None:
        """Append one decision to the audit log (old/new are JSON text or None)."""
        with self.engine.begin() as conn:
            conn.execute(insert(audit_log).values(
                scope=scope, at=now_iso(), who=who, action=action, subject=subject,
                old=old, new=new, reason=reason))

    def pin(self, packet_id: str, expert_id: str, fp: str, public_key: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(pinned_keys).where(pinned_keys.c.packet_id == packet_id,
                                                   pinned_keys.c.expert_id == expert_id))
            conn.execute(insert(pinned_keys).values(
                packet_id=packet_id, expert_id=expert_id, fingerprint=fp,
                public_key=public_key, pinned_at=now_iso()))

    def accept(self, payload: dict[str, Any], payload_text: str, digest: str, file: Path,
               file_sha256: str) -> None:
        """Store a verified sheet; if it is the newest, its marks replace the expert's."""
        packet_id, expert_id = payload["packet_id"], payload["expert_id"]
        with self.engine.begin() as conn:
            conn.execute(insert(sheets).values(
                packet_id=packet_id, expert_id=expert_id, version=payload["version"],
                payload_hash=digest, partial=payload["partial"],
                exported_at=payload["exported_at"], key_fingerprint=payload["key_fingerprint"],
                file_name=file.name, file_sha256=file_sha256, imported_at=now_iso(),
                payload=payload_text))
            newest = conn.execute(select(sheets.c.version).where(
                sheets.c.packet_id == packet_id, sheets.c.expert_id == expert_id)
                .order_by(sheets.c.version.desc()).limit(1)).scalar()
            if newest != payload["version"]:
                return
            where = dict(packet_id=packet_id, expert_id=expert_id)
            for table in (marks, notes):
                conn.execute(delete(table).where(*(table.c[k] == v for k, v in where.items())))
            mark_rows, note_rows = [], []
            for row in payload["rows"]:
                sid = row["id"]
                for crit, value in row["scores"].items():
                    if value is not None:
                        mark_rows.append({**where, "submission_id": sid, "criterion_id": crit,
                                          "value": value})
                note_rows.append({**where, "submission_id": sid, "total": row.get("total"),
                                  "comment": row.get("comment"), "flags": row.get("flags"),
                                  "recused": bool(row.get("recused")),
                                  "recusal_reason": row.get("recusal_reason")})
            if mark_rows:
                conn.execute(insert(marks), mark_rows)
            if note_rows:
                conn.execute(insert(notes), note_rows)

    def reject(self, packet_id: str, file: Path, file_sha256: str, outcome: str,
               reason: str, expert_id: str | None, version: int | None) -> None:
        """Log a rejected file once (the same file rejected again changes nothing)."""
        # Rejected files are hostile input: fit their values to the columns, because
        # PostgreSQL enforces VARCHAR lengths and 32-bit INTEGER where SQLite does not.
        if len(file_sha256) > 80:
            file_sha256 = "sha256:" + hashlib.sha256(file_sha256.encode()).hexdigest()
        if expert_id is not None and len(expert_id) > 200:
            expert_id = expert_id[:199] + "…"
        if version is not None and not 0 <= version < 2**31:
            version = None
        with self.engine.begin() as conn:
            exists = conn.execute(select(rejected.c.id).where(
                rejected.c.packet_id == packet_id, rejected.c.file_sha256 == file_sha256,
                rejected.c.outcome == outcome)).first()
            if exists is None:
                conn.execute(insert(rejected).values(
                    packet_id=packet_id, file_sha256=file_sha256, outcome=outcome,
                    file_name=file.name, expert_id=expert_id, version=version,
                    reason=reason, imported_at=now_iso()))


def _create_tables(engine: Engine, attempts: int = 5) -> None:
    """Create missing tables; safe when several processes open a fresh database at once.

    `create_all` checks, then creates: two openers of a fresh file can both see no
    table and the slower one fails with "table … already exists" (or, on PostgreSQL, a
    duplicate type).  The tables are the same whoever wins, so a failed attempt is
    retried — the next check finds them.
    """
    for attempt in range(attempts):
        try:
            metadata.create_all(engine)
            return
        except SQLAlchemyError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _safe(url: str) -> str:
    # Never print a password from a database URL.
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return "（无效的数据库地址）"


def _reason(err: BaseException) -> str:
    orig = getattr(err, "orig", None) or err
    return str(orig).splitlines()[0] if str(orig) else type(orig).__name__
