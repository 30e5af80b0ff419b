"""The workspace's SQLite connection, its records, and the small conversions around them.

The workspace talks to SQLite through the standard library's `sqlite3`, not SQLAlchemy:
it is always one local file, its queries are a dozen fixed statements, and importing
SQLAlchemy cost the expert's window a fifth of its start (docs/decisions.md).  The
connection runs in WAL mode with `synchronous=FULL` (a commit returns only once the
write-ahead log is on disk) and with transaction control taken away from the sqlite3
module, so `BEGIN IMMEDIATE` can be issued for writes (`transaction`).  Scores are
stored as the shortest exact decimal text, never floats.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.workspace import schema
from scoring.totals import DecimalFormatError, canonical_decimal, parse_decimal

BUSY_TIMEOUT_MS = 5000
# (scores, comment, flags → suggested category, recusal reason or None) of one submission
Marks = tuple[dict[str, Decimal], str | None, dict[str, str | None], str | None]


@dataclass(frozen=True)
class HistoryRow:
    """One entry of the audit trail: who changed what, from what, to what, when.

    `field` is "score:<criterion id>", "comment", "flag:<flag>" or "recusal"; `old` and
    `new` are the stored text before and after (None = absent).  A flag's value is "on"
    or "on:<suggested category>".  `note` carries a stated reason (e.g. why a recusal
    was withdrawn).
    """

    id: int
    at: str
    expert_id: str
    submission_id: str | None
    field: str
    old: str | None
    new: str | None
    note: str | None = None


def open_checked(path: Path, wanted: dict[str, str]) -> sqlite3.Connection:
    """A connection to the workspace at `path`: created with the schema when new, else
    checked to be this packet's, rubric's and expert's (PanelDeskError otherwise)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Workspace", "无法创建工作区文件夹 {parent}：{reason}"),
            parent=path.parent, reason=err.strerror)) from err
    conn = None
    try:
        conn = connect(path)
        with transaction(conn, write=True):
            schema.initialise_or_check(conn, path, wanted)
    except PanelDeskError:
        if conn is not None:
            conn.close()
        raise
    except sqlite3.Error as err:
        if conn is not None:
            conn.close()
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Workspace", "无法打开评审工作区 {path}：{err}。该文件可能不是有效的工作区数据库或已损坏，或没有读写权限"),
            path=path, err=db_reason(err))) from err
    return conn


def connect(path: Path) -> sqlite3.Connection:
    """One connection, usable from any thread (callers serialise it with a lock)."""
    # isolation_level=None: the sqlite3 module would not BEGIN before SELECTs; every
    # transaction is begun explicitly by `transaction`.
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                           check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection, write: bool) -> Iterator[sqlite3.Connection]:
    """One transaction: COMMIT when the block ends, ROLLBACK when it raises.  A write
    takes the write lock at BEGIN, so its read-then-write cannot interleave with
    another process."""
    conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.rollback()
        raise


def decimal_text(value: Decimal | int) -> str:
    """The stored form of a score: shortest exact fixed-point ("30", "27.5"; never "-0")."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        # Floats would smuggle binary rounding into signed results: refuse them loudly.
        raise TypeError(f"score must be a Decimal, not {type(value).__name__}")
    dec = Decimal(value)
    if not dec.is_finite():
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Workspace", "分值无效：{value}"), value=value))
    # The same shortest exact form that canonical (signed) documents use.
    return canonical_decimal(dec)


def stored_decimal(value: object) -> Decimal:
    """A stored score read back: only plain decimal text, as `decimal_text` writes it.

    Another program may have put anything into the file; NaN, "2_7", an exponent, bytes
    or a float would each become (or crash) a number that `Decimal` alone accepts.
    """
    if isinstance(value, str):
        try:
            return parse_decimal(value)
        except DecimalFormatError:
            pass
    raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Workspace", "评审工作区中有无法识别的分值“{text}”"),
                                 text=value))


def stored_scores(conn: sqlite3.Connection) -> dict[str, dict[str, object]]:
    """Every stored score as the file holds it (submission → criterion → value), unread."""
    out: dict[str, dict[str, object]] = {}
    for sub, crit, value in conn.execute("SELECT submission_id, criterion_id, value "
                                         "FROM scores ORDER BY submission_id"):
        out.setdefault(sub, {})[crit] = value
    return out


def db_reason(err: BaseException) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__
