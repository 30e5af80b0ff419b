"""The expert's workspace: every mark written durably the moment it is made.

`Workspace` wraps one SQLite database (one per packet and expert, see `locate.py`)
through one `sqlite3` connection.  Durability is the whole point of this module, so:

- every connection runs in WAL mode with `synchronous=FULL`: a commit returns only
  after the write-ahead log is on disk, and a crash or power cut leaves either the old
  or the new state, never a torn one;
- every mutating method is ONE transaction that writes the change *and* its history
  row, and returns only after COMMIT — when it returns, the change survives SIGKILL;
- transactions that write start with `BEGIN IMMEDIATE`, so the "read the old value,
  write the new one" step cannot interleave with another process (the CLI while the
  GUI is open) and the history's old → new is always true;
- a change to the same value writes nothing (no history noise from re-saving a form).

Values are not validated against the rubric here (that is `ReviewSession`'s job); the
store only insists on finite decimals, known flags and non-empty recusal reasons.
The UI calls the store from one worker thread; a lock makes each call atomic anyway.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from decimal import Decimal
from pathlib import Path

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.workspace import schema as s
from app.workspace.database import (
    HistoryRow,
    Marks,
    db_reason,
    decimal_text,
    open_checked,
    stored_decimal,
    stored_scores,
    transaction,
)
from app.workspace.flags import checked_flag

MARKS_CACHED = 64



def _flag_text(suggested: str | None) -> str:
    return "on" if suggested is None else f"on:{suggested}"


class Workspace:
    """One expert's marks for one packet, with their append-only history."""

    def __init__(self, conn: sqlite3.Connection, path: Path, identity: dict[str, str]) -> None:
        # Use `Workspace.open()`; this only binds an already checked database.
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self.packet_id = identity["packet_id"]
        self.expert_id = identity["expert_id"]
        self.manifest_hash = identity["manifest_hash"]
        self.rubric_hash = identity["rubric_hash"]
        self._closed = False
        # `marks()` of recently shown (or looked-ahead) submissions: the window reads
        # them at every switch.  Every change of a submission's marks goes through
        # `_log`, which drops its entry inside the same locked transaction.
        self._marks_cache: OrderedDict[str, Marks] = OrderedDict()

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: Path, *, packet_id: str, manifest_hash: str, rubric_hash: str,
             expert_id: str, organizer_fingerprint: str = "") -> Workspace:
        """Create the workspace at `path`, or open it if it exists and is ours.

        Refuses (PanelDeskError) a database of another packet, expert or rubric (or of a
        packet with this id signed by another organizer key), one
        written by a newer PanelDesk, and a file that is not a workspace at all.  A
        re-issued packet (same id and rubric, new manifest hash) keeps its marks; the
        new hash is recorded.
        """
        path = Path(path)
        wanted = {"packet_id": packet_id, "manifest_hash": manifest_hash,
                  "rubric_hash": rubric_hash, "expert_id": expert_id,
                  "schema_version": str(s.SCHEMA_VERSION)}
        if organizer_fingerprint:
            wanted["organizer_fingerprint"] = organizer_fingerprint
        return cls(open_checked(path, wanted), path, wanted)

    def close(self) -> None:
        """Release the database (WAL is checkpointed when the last connection closes)."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._marks_cache.clear()
                self._conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------- transactions

    @contextmanager
    def _tx(self, write: bool) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._closed:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Workspace", "评审工作区已关闭：{path}"), path=self.path))
            try:
                with transaction(self._conn, write) as conn:
                    yield conn
            except sqlite3.Error as err:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "Workspace", "评审工作区 {path} 读写失败：{err}"),
                    path=self.path, err=db_reason(err))) from err

    def transaction(self, write: bool = True) -> AbstractContextManager[sqlite3.Connection]:
        """One committed transaction, for modules keeping side tables in this database
        (the score-sheet export counter); same lock, durability and error wrapping."""
        return self._tx(write)

    def _log(self, conn: sqlite3.Connection, sub: str | None, field: str, old: str | None,
             new: str | None, note: str | None = None, at: str | None = None) -> None:
        self._marks_cache.pop(sub, None)  # under the lock `_tx` holds
        s.insert_history(conn, at or s.now_iso(), self.expert_id, sub, field, old, new, note)

    def _refuse_if_recused(self, conn: sqlite3.Connection, sub: str) -> None:
        reason = _recusal(conn, sub)
        if reason is not None:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Workspace", "申报 {sub} 已声明回避（{reason}），不能评分、写评语或标记；如需评审请先撤销回避"),
                sub=sub, reason=reason))

    # ---------------------------------------------------------------- writes

    def set_score(self, sub: str, crit: str, value: Decimal | None) -> bool:
        """Set (or with None clear) one criterion's score.  True if anything changed."""
        return self.set_scores(sub, {crit: value})

    def set_scores(self, sub: str, values: Mapping[str, Decimal | None]) -> bool:
        """Set several criteria of one submission in ONE transaction.

        Each changed criterion gets its history row; unchanged ones write nothing.
        Returns True if anything changed.
        """
        texts = {c: (None if v is None else decimal_text(v)) for c, v in values.items()}
        changed = False
        with self._tx(write=True) as conn:
            self._refuse_if_recused(conn, sub)
            current = dict(conn.execute("SELECT criterion_id, value FROM scores "
                                        "WHERE submission_id = ?", (sub,)).fetchall())
            at = s.now_iso()
            for crit, new in texts.items():
                old = current.get(crit)
                if old == new or (old is not None and new is not None
                                  and Decimal(old) == Decimal(new)):
                    continue
                if new is None:
                    conn.execute("DELETE FROM scores WHERE submission_id = ? AND "
                                 "criterion_id = ?", (sub, crit))
                elif old is None:
                    conn.execute("INSERT INTO scores (submission_id, criterion_id, value, "
                                 "updated_at) VALUES (?, ?, ?, ?)", (sub, crit, new, at))
                else:
                    conn.execute("UPDATE scores SET value = ?, updated_at = ? WHERE "
                                 "submission_id = ? AND criterion_id = ?", (new, at, sub, crit))
                self._log(conn, sub, f"score:{crit}", old, new, at=at)
                changed = True
        return changed

    def set_comment(self, sub: str, text: str | None) -> bool:
        """Set the comment; an empty or blank text (or None) removes it."""
        new = text if text is not None and text.strip() else None
        with self._tx(write=True) as conn:
            self._refuse_if_recused(conn, sub)
            old = _one(conn, "SELECT text FROM comments WHERE submission_id = ?", sub)
            if old == new:
                return False
            at = s.now_iso()
            if new is None:
                conn.execute("DELETE FROM comments WHERE submission_id = ?", (sub,))
            elif old is None:
                conn.execute("INSERT INTO comments (submission_id, text, updated_at) "
                             "VALUES (?, ?, ?)", (sub, new, at))
            else:
                conn.execute("UPDATE comments SET text = ?, updated_at = ? "
                             "WHERE submission_id = ?", (new, at, sub))
            self._log(conn, sub, "comment", old, new, at=at)
        return True

    def set_flag(self, sub: str, flag: str, on: bool,
                 suggested_category: str | None = None) -> bool:
        """Raise or lower a flag; only `wrong_category` carries a suggested category."""
        suggested = checked_flag(flag, suggested_category)
        if not on:
            suggested = None
        with self._tx(write=True) as conn:
            self._refuse_if_recused(conn, sub)
            row = conn.execute("SELECT suggested_category FROM flags WHERE submission_id = ? "
                               "AND flag = ?", (sub, flag)).fetchone()
            old = None if row is None else _flag_text(row[0])
            new = _flag_text(suggested) if on else None
            if old == new:
                return False
            at = s.now_iso()
            if new is None:
                conn.execute("DELETE FROM flags WHERE submission_id = ? AND flag = ?",
                             (sub, flag))
            elif row is None:
                conn.execute("INSERT INTO flags (submission_id, flag, suggested_category, "
                             "updated_at) VALUES (?, ?, ?, ?)", (sub, flag, suggested, at))
            else:
                conn.execute("UPDATE flags SET suggested_category = ?, updated_at = ? "
                             "WHERE submission_id = ? AND flag = ?", (suggested, at, sub, flag))
            self._log(conn, sub, f"flag:{flag}", old, new, at=at)
        return True

    def recuse(self, sub: str, reason: str) -> bool:
        """Declare a conflict of interest (回避) with its reason; a new reason replaces
        the old one (logged)."""
        reason = _recusal_reason(sub, reason)
        with self._tx(write=True) as conn:
            return self._recuse(conn, sub, reason, s.now_iso())

    def _recuse(self, conn: sqlite3.Connection, sub: str, reason: str, at: str) -> bool:
        old = _recusal(conn, sub)
        if old == reason:
            return False
        if old is None:
            conn.execute("INSERT INTO recusals (submission_id, reason, created_at) "
                         "VALUES (?, ?, ?)", (sub, reason, at))
        else:
            conn.execute("UPDATE recusals SET reason = ? WHERE submission_id = ?",
                         (reason, sub))
        self._log(conn, sub, "recusal", old, reason, at=at)
        return True

    def unrecuse(self, sub: str, reason: str) -> bool:
        """Withdraw a recusal; the reason for withdrawing is kept in the history."""
        reason = (reason or "").strip()
        if not reason:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Workspace", "撤销对申报 {sub} 的回避时必须填写撤销原因"), sub=sub))
        with self._tx(write=True) as conn:
            old = _recusal(conn, sub)
            if old is None:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Workspace", "申报 {sub} 未声明回避，无需撤销"), sub=sub))
            conn.execute("DELETE FROM recusals WHERE submission_id = ?", (sub,))
            self._log(conn, sub, "recusal", old, None, note=reason)
        return True

    def set_last_submission(self, sub: str | None) -> None:
        """Remember where the expert was (meta only; not part of the audit trail)."""
        with self._tx(write=True) as conn:
            if sub is None:
                conn.execute('DELETE FROM meta WHERE "key" = ?', (s.LAST_SUBMISSION,))
            else:
                self._set_meta(conn, s.LAST_SUBMISSION, sub)

    # ----------------------------------------------------------- review state

    def confirm_identity(self, fingerprint: str | None) -> None:
        """The expert confirmed who they are for this packet (with the key they hold)."""
        at = s.now_iso()
        with self._tx(write=True) as conn:
            self._set_meta(conn, s.IDENTITY_CONFIRMED, at)
            self._log(conn, None, s.IDENTITY_CONFIRMED, None, fingerprint or "", at=at)

    def declare_recusals(self, recusals: Mapping[str, str]) -> None:
        """The expert declared their conflicts of interest (possibly none), before
        scoring: every recusal and the declaration itself in ONE transaction."""
        reasons = {sub: _recusal_reason(sub, reason) for sub, reason in recusals.items()}
        at = s.now_iso()
        with self._tx(write=True) as conn:
            for sub, reason in reasons.items():
                self._recuse(conn, sub, reason, at)
            self._set_meta(conn, s.RECUSALS_DECLARED, at)
            self._log(conn, None, s.RECUSALS_DECLARED, None, str(len(reasons)), at=at)

    @staticmethod
    def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
        conn.execute('INSERT OR REPLACE INTO meta ("key", value) VALUES (?, ?)', (key, value))

    # ----------------------------------------------------------------- reads

    # One submission's parts come from `marks()`: one read, cached until it changes.
    def scores(self, sub: str) -> dict[str, Decimal]:
        return self.marks(sub)[0]

    def all_scores(self) -> dict[str, dict[str, Decimal]]:
        return {sub: {crit: stored_decimal(value) for crit, value in values.items()}
                for sub, values in self.stored_scores().items()}

    def stored_scores(self) -> dict[str, dict[str, object]]:
        """Every score as the file holds it, not yet read as a number: what an export checks
        first, so a file changed outside PanelDesk is refused with every odd cell named."""
        with self._tx(write=False) as conn:
            return stored_scores(conn)

    def comment(self, sub: str) -> str | None:
        return self.marks(sub)[1]

    def all_comments(self) -> dict[str, str]:
        with self._tx(write=False) as conn:
            return dict(conn.execute("SELECT submission_id, text FROM comments").fetchall())

    def flags(self, sub: str) -> dict[str, str | None]:
        """Raised flags of `sub` → suggested category (None where there is none)."""
        return self.marks(sub)[2]

    def all_flags(self) -> dict[str, dict[str, str | None]]:
        out: dict[str, dict[str, str | None]] = {}
        with self._tx(write=False) as conn:
            for sub, flag, suggested in conn.execute(
                    "SELECT submission_id, flag, suggested_category FROM flags "
                    "ORDER BY submission_id, flag"):
                out.setdefault(sub, {})[flag] = suggested
        return out

    def marks(self, sub: str) -> Marks:
        """Scores, comment, flags and recusal reason of `sub` in one read transaction
        (what the window shows on every switch), from the cache when unchanged since."""
        # The lock is re-entrant and held across the read, so no write slips between; a
        # closed workspace has an empty cache, so `_tx` refuses the read.
        with self._lock:
            cached = self._marks_cache.get(sub)
            if cached is None:
                cached = self._read_marks(sub)
                self._marks_cache[sub] = cached
                while len(self._marks_cache) > MARKS_CACHED:
                    self._marks_cache.popitem(last=False)
            else:
                self._marks_cache.move_to_end(sub)
            scores, comment, flags, recusal = cached
            return dict(scores), comment, dict(flags), recusal  # callers may change theirs

    def _read_marks(self, sub: str) -> Marks:
        with self._tx(write=False) as conn:
            scores = conn.execute("SELECT criterion_id, value FROM scores "
                                  "WHERE submission_id = ?", (sub,)).fetchall()
            comment = _one(conn, "SELECT text FROM comments WHERE submission_id = ?", sub)
            flags = conn.execute("SELECT flag, suggested_category FROM flags "
                                 "WHERE submission_id = ? ORDER BY flag", (sub,)).fetchall()
            recusal = _recusal(conn, sub)
        return ({crit: stored_decimal(value) for crit, value in scores}, comment,
                dict(flags), recusal)

    def recusals(self) -> dict[str, str]:
        """Recused submission id → reason."""
        with self._tx(write=False) as conn:
            return dict(conn.execute("SELECT submission_id, reason FROM recusals "
                                     "ORDER BY submission_id").fetchall())

    def history(self, sub: str | None = None) -> list[HistoryRow]:
        """The audit trail (oldest first), of one submission or of everything."""
        query = "SELECT id, at, expert_id, submission_id, field, old, new, note FROM history"
        where, args = (" WHERE submission_id = ?", (sub,)) if sub is not None else ("", ())
        with self._tx(write=False) as conn:
            return [HistoryRow(*r) for r in conn.execute(f"{query}{where} ORDER BY id", args)]

    def last_submission(self) -> str | None:
        return self.meta().get(s.LAST_SUBMISSION)

    def pragmas(self) -> dict[str, str]:
        """The durability settings of the live connection and the integrity check,
        for diagnostics and tests."""
        with self._tx(write=False) as conn:
            out = {name: str(_one(conn, f"PRAGMA {name}"))
                   for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout",
                                "integrity_check")}
        return out

    def meta(self) -> dict[str, str]:
        """All meta keys (packet_id, manifest_hash, rubric_hash, expert_id, …)."""
        with self._tx(write=False) as conn:
            return dict(conn.execute('SELECT "key", value FROM meta').fetchall())


def _one(conn: sqlite3.Connection, query: str, *args: object) -> object:
    """The first column of the first row of `query`, or None when there is no row."""
    row = conn.execute(query, args).fetchone()
    return None if row is None else row[0]


def _recusal(conn: sqlite3.Connection, sub: str) -> str | None:
    return _one(conn, "SELECT reason FROM recusals WHERE submission_id = ?", sub)  # type: ignore[return-value]


def _recusal_reason(sub: str, reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Workspace", "声明回避申报 {sub} 时必须填写回避原因"), sub=sub))
    return reason
