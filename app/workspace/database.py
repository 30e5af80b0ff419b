"""The workspace's SQLite engine, its records, and the small conversions around them.

Every connection runs in WAL mode with `synchronous=FULL` (a commit returns only once the
write-ahead log is on disk) and with transaction control taken away from the sqlite3
module, so `BEGIN IMMEDIATE` can be issued for writes (`store.Workspace._tx`).  Scores are
stored as the shortest exact decimal text, never floats.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from app.errors import PanelDeskError
from app.workspace import schema
from scoring.totals import canonical_decimal

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



def open_checked(path: Path, wanted: dict[str, str]) -> Engine:
    """An engine on the workspace at `path`: created with the schema when new, else
    checked to be this packet's, rubric's and expert's (PanelDeskError otherwise)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise PanelDeskError(f"无法创建工作区文件夹 {path.parent}：{err.strerror}") from err
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            conn.execution_options(paneldesk_write=True)
            with conn.begin():
                schema.initialise_or_check(conn, path, wanted)
    except PanelDeskError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error) as err:
        engine.dispose()
        raise PanelDeskError(f"无法打开评审工作区 {path}：{db_reason(err)}。该文件可能"
                             "不是有效的工作区数据库或已损坏，或没有读写权限") from err
    return engine



def decimal_text(value: Decimal | int) -> str:
    """The stored form of a score: shortest exact fixed-point ("30", "27.5"; never "-0")."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        # Floats would smuggle binary rounding into signed results: refuse them loudly.
        raise TypeError(f"score must be a Decimal, not {type(value).__name__}")
    dec = Decimal(value)
    if not dec.is_finite():
        raise PanelDeskError(f"分值无效：{value}")
    # The same shortest exact form that canonical (signed) documents use.
    return canonical_decimal(dec)


def make_engine(path: Path) -> Engine:
    url = URL.create("sqlite+pysqlite", database=str(path))
    engine = create_engine(url, connect_args={"check_same_thread": False,
                                              "timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module (it would not BEGIN
        # before SELECTs); we emit BEGIN ourselves in `_on_begin`.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = FULL")
            cur.execute("PRAGMA foreign_keys = ON")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("paneldesk_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine

def stored_decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation as err:
        raise PanelDeskError(f"评审工作区中有无法识别的分值“{text}”") from err


def db_reason(err: BaseException) -> str:
    orig = getattr(err, "orig", None) or err
    return str(orig).splitlines()[0] if str(orig) else type(orig).__name__
