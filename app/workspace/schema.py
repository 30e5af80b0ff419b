"""Tables of the expert's workspace database (plain SQL), created or checked on open.

The workspace holds only what the expert decided — scores, comments, flags, recusals —
plus `meta` (which packet, rubric and expert the file belongs to) and `history`, the
append-only audit trail of every change.  Values are text: scores are decimal strings
(never floats), timestamps ISO 8601 UTC with milliseconds.

`history` is append-only by construction (no code path updates or deletes it) and by
the database itself: the triggers below abort any UPDATE or DELETE, so neither a bug
nor a curious expert with a SQLite browser can quietly rewrite the trail.  The
statements are those SQLAlchemy emitted for this schema before the workspace moved to
`sqlite3`, so files created by either are alike.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.keys import format_fingerprint

SCHEMA_VERSION = 1

# `meta` keys of the review state, beside the identity keys written at creation.
LAST_SUBMISSION = "last_submission"  # where the expert was (not audited)
IDENTITY_CONFIRMED = "identity_confirmed"  # when the expert confirmed who they are
RECUSALS_DECLARED = "recusals_declared"  # when they declared their conflicts of interest

# Table name → CREATE statement, in creation order.
TABLES = {
    "meta": """CREATE TABLE meta (
        "key" TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY ("key"))""",
    "scores": """CREATE TABLE scores (
        submission_id TEXT NOT NULL,
        criterion_id TEXT NOT NULL,
        value TEXT NOT NULL,  -- decimal string, e.g. "27.5"
        updated_at TEXT NOT NULL,
        PRIMARY KEY (submission_id, criterion_id))""",
    "comments": """CREATE TABLE comments (
        submission_id TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (submission_id))""",
    "flags": """CREATE TABLE flags (
        submission_id TEXT NOT NULL,
        flag TEXT NOT NULL,
        suggested_category TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (submission_id, flag),
        CONSTRAINT flag_known CHECK (flag IN ('suspect_untrue', 'pii_unmasked', 'wrong_category')))""",
    "recusals": """CREATE TABLE recusals (
        submission_id TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (submission_id))""",
    # AUTOINCREMENT: ids are never reused, so the trail's order is its id order.
    # submission_id is NULL for workspace-level events; note says why, where the change
    # has a stated reason.
    "history": """CREATE TABLE history (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        expert_id TEXT NOT NULL,
        submission_id TEXT,
        field TEXT NOT NULL,
        old TEXT,
        new TEXT,
        note TEXT)""",
}

# Executed after the tables, in the same transaction as their creation.
TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS history_no_update BEFORE UPDATE ON history
       BEGIN SELECT RAISE(ABORT, 'history is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS history_no_delete BEFORE DELETE ON history
       BEGIN SELECT RAISE(ABORT, 'history is append-only'); END""",
)


def now_iso() -> str:
    """Current UTC time as ISO 8601 with milliseconds, e.g. 2026-03-10T09:00:00.123Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def insert_history(conn: sqlite3.Connection, at: str, expert_id: str, sub: str | None,
                   field: str, old: str | None, new: str | None, note: str | None) -> None:
    """Append one row to the audit trail."""
    conn.execute("INSERT INTO history (at, expert_id, submission_id, field, old, new, note) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)", (at, expert_id, sub, field, old, new, note))


def initialise_or_check(conn: sqlite3.Connection, path: Path, wanted: dict[str, str]) -> None:
    """Inside one write transaction: create the schema in an empty file, or check that
    the existing database is this packet's and this expert's."""
    tables = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables - {"sqlite_sequence"}:
        for ddl in (*TABLES.values(), *TRIGGERS):
            conn.execute(ddl)
        conn.executemany('INSERT INTO meta ("key", value) VALUES (?, ?)', wanted.items())
        return
    missing = set(TABLES) - tables
    if missing:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Workspace", "{path} 不是评审台工作区数据库（缺少表：{missing}）"),
            path=path, missing=list(sorted(missing))))
    have = {r[0]: r[1] for r in conn.execute('SELECT "key", value FROM meta')}
    version = have.get("schema_version", "")
    if not version.isdigit():
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Workspace", "{path} 不是评审台工作区数据库（缺少版本信息）"),
            path=path))
    if int(version) > SCHEMA_VERSION:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Workspace", "工作区 {path} 由更新版本的评审台创建（格式版本 {version}），请升级评审台后再打开"),
            path=path, version=version))
    if have.get("packet_id") != wanted["packet_id"]:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Workspace", "工作区 {path} 属于评审包“{found}”，不是当前评审包“{wanted}”"),
            path=path, found=have.get('packet_id'), wanted=wanted['packet_id']))
    if have.get("expert_id") != wanted["expert_id"]:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Workspace", "工作区 {path} 属于专家“{found}”，不是“{wanted}”"),
            path=path, found=have.get('expert_id'), wanted=wanted['expert_id']))
    _check_organizer(conn, path, have, wanted)
    if have.get("rubric_hash") != wanted["rubric_hash"]:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Workspace", "工作区 {path} 的评分细则与当前评审包不一致（评分细则已更换），已有评分不能沿用；请联系组织方"), path=path))
    if have.get("manifest_hash") != wanted["manifest_hash"]:
        # Same packet and rubric re-issued (e.g. a corrected field): the marks still
        # apply.  Record the switch so the trail shows which packet they were made on.
        conn.execute('UPDATE meta SET value = ? WHERE "key" = ?',
                     (wanted["manifest_hash"], "manifest_hash"))
        insert_history(conn, now_iso(), wanted["expert_id"], None, "packet:manifest_hash",
                       have.get("manifest_hash"), wanted["manifest_hash"], None)


def _check_organizer(conn: sqlite3.Connection, path: Path, have: dict[str, str],
                     wanted: dict[str, str]) -> None:
    """A packet with this id signed by another organizer key must not inherit the marks:
    anyone can sign a packet reusing a known id.  A workspace of an older version, which
    did not note the key, takes the key of the first packet opened with it now."""
    fp = wanted.get("organizer_fingerprint")
    if not fp:
        return
    stored = have.get("organizer_fingerprint")
    if stored is None:
        conn.execute('INSERT INTO meta ("key", value) VALUES (?, ?)',
                     ("organizer_fingerprint", fp))
    elif stored != fp:
        raise PanelDeskError(
            Message(QT_TRANSLATE_NOOP(
            "Workspace", "评审包“{wanted}”由另一组织方密钥签发（指纹 {fp}），而本机工作区 {path} 中的评分属于指纹为 {stored} 的组织方签发的同编号评审包；为防止冒用，已拒绝沿用这些评分。请向组织方核实评审包来源"),
            wanted=wanted['packet_id'], fp=format_fingerprint(fp), path=path, stored=format_fingerprint(stored)))
