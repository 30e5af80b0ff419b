"""Tables of the expert's workspace database (SQLAlchemy Core), created or checked on open.

The workspace holds only what the expert decided — scores, comments, flags, recusals —
plus `meta` (which packet, rubric and expert the file belongs to) and `history`, the
append-only audit trail of every change.  Values are text: scores are decimal strings
(never floats), timestamps ISO 8601 UTC with milliseconds.

`history` is append-only by construction (no code path updates or deletes it) and by
the database itself: the triggers below abort any UPDATE or DELETE, so neither a bug
nor a curious expert with a SQLite browser can quietly rewrite the trail.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    CheckConstraint,
    Column,
    Connection,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    insert,
    select,
    update,
)

from app.errors import PanelDeskError
from app.keys import format_fingerprint

SCHEMA_VERSION = 1

# `meta` keys of the review state, beside the identity keys written at creation.
LAST_SUBMISSION = "last_submission"  # where the expert was (not audited)
IDENTITY_CONFIRMED = "identity_confirmed"  # when the expert confirmed who they are
RECUSALS_DECLARED = "recusals_declared"  # when they declared their conflicts of interest

metadata = MetaData()

meta = Table(
    "meta", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text, nullable=False),
)

scores = Table(
    "scores", metadata,
    Column("submission_id", Text, nullable=False),
    Column("criterion_id", Text, nullable=False),
    Column("value", Text, nullable=False),  # decimal string, e.g. "27.5"
    Column("updated_at", Text, nullable=False),
    PrimaryKeyConstraint("submission_id", "criterion_id"),
)

comments = Table(
    "comments", metadata,
    Column("submission_id", Text, primary_key=True),
    Column("text", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

flags = Table(
    "flags", metadata,
    Column("submission_id", Text, nullable=False),
    Column("flag", Text, nullable=False),
    Column("suggested_category", Text, nullable=True),
    Column("updated_at", Text, nullable=False),
    PrimaryKeyConstraint("submission_id", "flag"),
    CheckConstraint("flag IN ('suspect_untrue', 'pii_unmasked', 'wrong_category')",
                    name="flag_known"),
)

recusals = Table(
    "recusals", metadata,
    Column("submission_id", Text, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("created_at", Text, nullable=False),
)

history = Table(
    "history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", Text, nullable=False),
    Column("expert_id", Text, nullable=False),
    Column("submission_id", Text, nullable=True),  # NULL for workspace-level events
    # "score:<criterion id>", "comment", "flag:…", "recusal", "identity_confirmed", …
    Column("field", Text, nullable=False),
    Column("old", Text, nullable=True),
    Column("new", Text, nullable=True),
    Column("note", Text, nullable=True),  # why, where the change has a stated reason
    # AUTOINCREMENT: ids are never reused, so the trail's order is its id order.
    sqlite_autoincrement=True,
)

# Executed after create_all, in the same transaction as the table creation.
TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS history_no_update BEFORE UPDATE ON history
       BEGIN SELECT RAISE(ABORT, 'history is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS history_no_delete BEFORE DELETE ON history
       BEGIN SELECT RAISE(ABORT, 'history is append-only'); END""",
)


def now_iso() -> str:
    """Current UTC time as ISO 8601 with milliseconds, e.g. 2026-03-10T09:00:00.123Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def initialise_or_check(conn: Connection, path: Path, wanted: dict[str, str]) -> None:
    """Inside one write transaction: create the schema in an empty file, or check that
    the existing database is this packet's and this expert's."""
    tables = set(conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table'").scalars())
    if not tables - {"sqlite_sequence"}:
        metadata.create_all(conn)
        for ddl in TRIGGERS:
            conn.exec_driver_sql(ddl)
        conn.execute(insert(meta), [{"key": k, "value": v} for k, v in wanted.items()])
        return
    missing = {table.name for table in metadata.sorted_tables} - tables
    if missing:
        raise PanelDeskError(f"{path} 不是评审台工作区数据库（缺少表：{'、'.join(sorted(missing))}）")
    have = {r.key: r.value for r in conn.execute(select(meta))}
    version = have.get("schema_version", "")
    if not version.isdigit():
        raise PanelDeskError(f"{path} 不是评审台工作区数据库（缺少版本信息）")
    if int(version) > SCHEMA_VERSION:
        raise PanelDeskError(f"工作区 {path} 由更新版本的评审台创建（格式版本 {version}），"
                             "请升级评审台后再打开")
    if have.get("packet_id") != wanted["packet_id"]:
        raise PanelDeskError(f"工作区 {path} 属于评审包“{have.get('packet_id')}”，"
                             f"不是当前评审包“{wanted['packet_id']}”")
    if have.get("expert_id") != wanted["expert_id"]:
        raise PanelDeskError(f"工作区 {path} 属于专家“{have.get('expert_id')}”，"
                             f"不是“{wanted['expert_id']}”")
    _check_organizer(conn, path, have, wanted)
    if have.get("rubric_hash") != wanted["rubric_hash"]:
        raise PanelDeskError(f"工作区 {path} 的评分细则与当前评审包不一致（评分细则已更换），"
                             "已有评分不能沿用；请联系组织方")
    if have.get("manifest_hash") != wanted["manifest_hash"]:
        # Same packet and rubric re-issued (e.g. a corrected field): the marks still
        # apply.  Record the switch so the trail shows which packet they were made on.
        conn.execute(update(meta).where(meta.c.key == "manifest_hash")
                     .values(value=wanted["manifest_hash"]))
        conn.execute(insert(history).values(
            at=now_iso(), expert_id=wanted["expert_id"], submission_id=None,
            field="packet:manifest_hash", old=have.get("manifest_hash"),
            new=wanted["manifest_hash"], note=None))


def _check_organizer(conn: Connection, path: Path, have: dict[str, str],
                     wanted: dict[str, str]) -> None:
    """A packet with this id signed by another organizer key must not inherit the marks:
    anyone can sign a packet reusing a known id.  A workspace of an older version, which
    did not note the key, takes the key of the first packet opened with it now."""
    fp = wanted.get("organizer_fingerprint")
    if not fp:
        return
    stored = have.get("organizer_fingerprint")
    if stored is None:
        conn.execute(insert(meta).values(key="organizer_fingerprint", value=fp))
    elif stored != fp:
        raise PanelDeskError(
            f"评审包“{wanted['packet_id']}”由另一组织方密钥签发（指纹 {format_fingerprint(fp)}），"
            f"而本机工作区 {path} 中的评分属于指纹为 {format_fingerprint(stored)} 的组织方签发的同编号评审包；"
            "为防止冒用，已拒绝沿用这些评分。请向组织方核实评审包来源")
