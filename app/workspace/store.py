"""The expert's workspace: every mark written durably the moment it is made.

`Workspace` wraps one SQLite database (one per packet and expert, see `locate.py`)
through SQLAlchemy Core.  Durability is the whole point of this module, so:

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

from sqlalchemy import Connection, Engine, delete, insert, select, update
from sqlalchemy.exc import DBAPIError

from app.errors import PanelDeskError
from app.workspace import schema as s
from app.workspace.database import (
    HistoryRow,
    Marks,
    db_reason,
    decimal_text,
    open_checked,
    stored_decimal,
)
from app.workspace.flags import FLAG_LABELS, FLAGS

MARKS_CACHED = 64



def _flag_text(suggested: str | None) -> str:
    return "on" if suggested is None else f"on:{suggested}"


class Workspace:
    """One expert's marks for one packet, with their append-only history."""

    def __init__(self, engine: Engine, path: Path, identity: dict[str, str]) -> None:
        # Use `Workspace.open()`; this only binds an already checked database.
        self._engine = engine
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
                self._engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------- transactions

    @contextmanager
    def _tx(self, write: bool) -> Iterator[Connection]:
        with self._lock:
            if self._closed:
                raise PanelDeskError(f"评审工作区已关闭：{self.path}")
            try:
                with self._engine.connect() as conn:
                    conn.execution_options(paneldesk_write=write)
                    with conn.begin():
                        yield conn
            except (DBAPIError, sqlite3.Error) as err:
                raise PanelDeskError(f"评审工作区 {self.path} 读写失败："
                                     f"{db_reason(err)}") from err

    def transaction(self, write: bool = True) -> AbstractContextManager[Connection]:
        """One committed transaction, for modules keeping side tables in this database
        (the score-sheet export counter); same lock, durability and error wrapping."""
        return self._tx(write)

    def _log(self, conn: Connection, sub: str | None, field: str, old: str | None,
             new: str | None, note: str | None = None, at: str | None = None) -> None:
        self._marks_cache.pop(sub, None)  # under the lock `_tx` holds
        conn.execute(insert(s.history).values(
            at=at or s.now_iso(), expert_id=self.expert_id, submission_id=sub, field=field,
            old=old, new=new, note=note))

    def _refuse_if_recused(self, conn: Connection, sub: str) -> None:
        reason = conn.execute(select(s.recusals.c.reason)
                              .where(s.recusals.c.submission_id == sub)).scalar()
        if reason is not None:
            raise PanelDeskError(f"申报 {sub} 已声明回避（{reason}），不能评分、写评语或标记；"
                                 "如需评审请先撤销回避")

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
            rows = conn.execute(select(s.scores.c.criterion_id, s.scores.c.value)
                                .where(s.scores.c.submission_id == sub)).all()
            current = {r.criterion_id: r.value for r in rows}
            at = s.now_iso()
            for crit, new in texts.items():
                old = current.get(crit)
                if old == new or (old is not None and new is not None
                                  and Decimal(old) == Decimal(new)):
                    continue
                where = (s.scores.c.submission_id == sub) & (s.scores.c.criterion_id == crit)
                if new is None:
                    conn.execute(delete(s.scores).where(where))
                elif old is None:
                    conn.execute(insert(s.scores).values(
                        submission_id=sub, criterion_id=crit, value=new, updated_at=at))
                else:
                    conn.execute(update(s.scores).where(where).values(value=new, updated_at=at))
                self._log(conn, sub, f"score:{crit}", old, new, at=at)
                changed = True
        return changed

    def set_comment(self, sub: str, text: str | None) -> bool:
        """Set the comment; an empty or blank text (or None) removes it."""
        new = text if text is not None and text.strip() else None
        with self._tx(write=True) as conn:
            self._refuse_if_recused(conn, sub)
            old = conn.execute(select(s.comments.c.text)
                               .where(s.comments.c.submission_id == sub)).scalar()
            if old == new:
                return False
            at = s.now_iso()
            if new is None:
                conn.execute(delete(s.comments).where(s.comments.c.submission_id == sub))
            elif old is None:
                conn.execute(insert(s.comments).values(submission_id=sub, text=new,
                                                       updated_at=at))
            else:
                conn.execute(update(s.comments).where(s.comments.c.submission_id == sub)
                             .values(text=new, updated_at=at))
            self._log(conn, sub, "comment", old, new, at=at)
        return True

    def set_flag(self, sub: str, flag: str, on: bool,
                 suggested_category: str | None = None) -> bool:
        """Raise or lower a flag; only `wrong_category` carries a suggested category."""
        if flag not in FLAGS:
            raise PanelDeskError(f"未知的标记“{flag}”，可用：{'、'.join(FLAGS)}")
        suggested = (suggested_category or "").strip() or None
        if suggested is not None and flag != "wrong_category":
            raise PanelDeskError(f"只有“类别不符”（wrong_category）标记可以附建议类别，"
                                 f"“{FLAG_LABELS[flag]}”不可以")
        if not on:
            suggested = None
        with self._tx(write=True) as conn:
            self._refuse_if_recused(conn, sub)
            where = (s.flags.c.submission_id == sub) & (s.flags.c.flag == flag)
            row = conn.execute(select(s.flags.c.suggested_category).where(where)).first()
            old = None if row is None else _flag_text(row.suggested_category)
            new = _flag_text(suggested) if on else None
            if old == new:
                return False
            at = s.now_iso()
            if new is None:
                conn.execute(delete(s.flags).where(where))
            elif row is None:
                conn.execute(insert(s.flags).values(submission_id=sub, flag=flag,
                                                    suggested_category=suggested, updated_at=at))
            else:
                conn.execute(update(s.flags).where(where)
                             .values(suggested_category=suggested, updated_at=at))
            self._log(conn, sub, f"flag:{flag}", old, new, at=at)
        return True

    def recuse(self, sub: str, reason: str) -> bool:
        """Declare a conflict of interest (回避) with its reason; a new reason replaces
        the old one (logged)."""
        reason = _recusal_reason(sub, reason)
        with self._tx(write=True) as conn:
            return self._recuse(conn, sub, reason, s.now_iso())

    def _recuse(self, conn: Connection, sub: str, reason: str, at: str) -> bool:
        old = conn.execute(select(s.recusals.c.reason)
                           .where(s.recusals.c.submission_id == sub)).scalar()
        if old == reason:
            return False
        if old is None:
            conn.execute(insert(s.recusals).values(submission_id=sub, reason=reason,
                                                   created_at=at))
        else:
            conn.execute(update(s.recusals).where(s.recusals.c.submission_id == sub)
                         .values(reason=reason))
        self._log(conn, sub, "recusal", old, reason, at=at)
        return True

    def unrecuse(self, sub: str, reason: str) -> bool:
        """Withdraw a recusal; the reason for withdrawing is kept in the history."""
        reason = (reason or "").strip()
        if not reason:
            raise PanelDeskError(f"撤销对申报 {sub} 的回避时必须填写撤销原因")
        with self._tx(write=True) as conn:
            old = conn.execute(select(s.recusals.c.reason)
                               .where(s.recusals.c.submission_id == sub)).scalar()
            if old is None:
                raise PanelDeskError(f"申报 {sub} 未声明回避，无需撤销")
            conn.execute(delete(s.recusals).where(s.recusals.c.submission_id == sub))
            self._log(conn, sub, "recusal", old, None, note=reason)
        return True

    def set_last_submission(self, sub: str | None) -> None:
        """Remember where the expert was (meta only; not part of the audit trail)."""
        with self._tx(write=True) as conn:
            if sub is None:
                conn.execute(delete(s.meta).where(s.meta.c.key == s.LAST_SUBMISSION))
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
    def _set_meta(conn: Connection, key: str, value: str) -> None:
        conn.execute(delete(s.meta).where(s.meta.c.key == key))
        conn.execute(insert(s.meta).values(key=key, value=value))

    # ----------------------------------------------------------------- reads

    # One submission's parts come from `marks()`: one read, cached until it changes.
    def scores(self, sub: str) -> dict[str, Decimal]:
        return self.marks(sub)[0]

    def all_scores(self) -> dict[str, dict[str, Decimal]]:
        out: dict[str, dict[str, Decimal]] = {}
        with self._tx(write=False) as conn:
            for r in conn.execute(select(s.scores).order_by(s.scores.c.submission_id)):
                out.setdefault(r.submission_id, {})[r.criterion_id] = stored_decimal(r.value)
        return out

    def comment(self, sub: str) -> str | None:
        return self.marks(sub)[1]

    def all_comments(self) -> dict[str, str]:
        with self._tx(write=False) as conn:
            return {r.submission_id: r.text for r in conn.execute(select(s.comments))}

    def flags(self, sub: str) -> dict[str, str | None]:
        """Raised flags of `sub` → suggested category (None where there is none)."""
        return self.marks(sub)[2]

    def all_flags(self) -> dict[str, dict[str, str | None]]:
        out: dict[str, dict[str, str | None]] = {}
        with self._tx(write=False) as conn:
            for r in conn.execute(select(s.flags).order_by(s.flags.c.submission_id,
                                                           s.flags.c.flag)):
                out.setdefault(r.submission_id, {})[r.flag] = r.suggested_category
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
            scores = conn.execute(select(s.scores.c.criterion_id, s.scores.c.value)
                                  .where(s.scores.c.submission_id == sub)).all()
            comment = conn.execute(select(s.comments.c.text)
                                   .where(s.comments.c.submission_id == sub)).scalar()
            flags = conn.execute(select(s.flags.c.flag, s.flags.c.suggested_category)
                                 .where(s.flags.c.submission_id == sub)).all()
            recusal = conn.execute(select(s.recusals.c.reason)
                                   .where(s.recusals.c.submission_id == sub)).scalar()
        return ({r.criterion_id: stored_decimal(r.value) for r in scores}, comment,
                {r.flag: r.suggested_category for r in sorted(flags, key=lambda r: r.flag)},
                recusal)

    def recusals(self) -> dict[str, str]:
        """Recused submission id → reason."""
        with self._tx(write=False) as conn:
            return {r.submission_id: r.reason for r in
                    conn.execute(select(s.recusals).order_by(s.recusals.c.submission_id))}

    def history(self, sub: str | None = None) -> list[HistoryRow]:
        """The audit trail (oldest first), of one submission or of everything."""
        query = select(s.history).order_by(s.history.c.id)
        if sub is not None:
            query = query.where(s.history.c.submission_id == sub)
        with self._tx(write=False) as conn:
            return [HistoryRow(r.id, r.at, r.expert_id, r.submission_id, r.field, r.old,
                               r.new, r.note) for r in conn.execute(query)]

    def last_submission(self) -> str | None:
        return self.meta().get(s.LAST_SUBMISSION)

    def pragmas(self) -> dict[str, str]:
        """The durability settings of the live connection and the integrity check,
        for diagnostics and tests."""
        with self._tx(write=False) as conn:
            out = {name: str(conn.exec_driver_sql(f"PRAGMA {name}").scalar())
                   for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
            out["integrity_check"] = str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
        return out

    def meta(self) -> dict[str, str]:
        """All meta keys (packet_id, manifest_hash, rubric_hash, expert_id, …)."""
        with self._tx(write=False) as conn:
            return {r.key: r.value for r in conn.execute(select(s.meta))}


def _recusal_reason(sub: str, reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise PanelDeskError(f"声明回避申报 {sub} 时必须填写回避原因")
    return reason
