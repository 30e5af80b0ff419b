"""THE crash test: SIGKILL a child mid-stream, many times; no reported save is ever lost.

Each round starts a child (`crash_child.py`) on the same workspace, lets it apply a
seeded stream of changes through the same code path the UI uses, and kills it with
SIGKILL right after reading its k-th "SAVED" line (k seeded; the child keeps writing
in the meantime, so the kill lands at an arbitrary point, often mid-transaction).
Everything the child printed before dying counts as reported.  Then, with plain
sqlite3 as an independent oracle:
- `PRAGMA integrity_check` is "ok";
- the stored state equals the replayed script after n reported changes, or after n + 1
  (the change in flight may or may not have committed) — never anything else;
- the history has exactly the rows those changes wrote, and folding the history from
  empty reproduces the stored state (each change and its audit row commit together).
The next round continues on the recovered database.
"""

from __future__ import annotations

import importlib.util
import os
import random
import signal
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from app.workspace.locate import workspace_path

HERE = Path(__file__).resolve().parent
ROUNDS = 30
OPS_PER_ROUND = 40

pytestmark = pytest.mark.slow  # ~20 s; still part of the default run and CI

# The child is a script, not a package module: load it by path (registered first, as
# dataclasses need to find their module).
_spec = importlib.util.spec_from_file_location("paneldesk_crash_child", HERE / "crash_child.py")
crash_child = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = crash_child
_spec.loader.exec_module(crash_child)
State = crash_child.State


def read_state(db: Path) -> tuple[str, object, int, object]:
    """(integrity, state, history row count, state folded from history) via sqlite3."""
    con = sqlite3.connect(db, isolation_level=None)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
        state = State()
        if con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'history'").fetchone()[0] == 0:
            return integrity, state, 0, State()  # killed before the schema was committed
        for sub, crit, value in con.execute("SELECT submission_id, criterion_id, value "
                                            "FROM scores"):
            state.scores.setdefault(sub, {})[crit] = Decimal(value)
        state.comments = dict(con.execute("SELECT submission_id, text FROM comments"))
        for sub, flag, cat in con.execute("SELECT submission_id, flag, suggested_category "
                                          "FROM flags"):
            state.flags.setdefault(sub, {})[flag] = cat
        state.recusals = dict(con.execute("SELECT submission_id, reason FROM recusals"))
        history = con.execute("SELECT submission_id, field, old, new FROM history "
                              "ORDER BY id").fetchall()
    finally:
        con.close()
    return integrity, state, len(history), fold_history(history)


def fold_history(rows: list[tuple]) -> object:
    """Rebuild the state from the audit trail alone, checking every `old` on the way."""
    state = State()
    for sub, fieldname, old, new in rows:
        kind, _, key = fieldname.partition(":")
        if kind == "score":
            current = state.scores.setdefault(sub, {})
            assert (str(current[key]) if key in current else None) == old
            if new is None:
                current.pop(key)
            else:
                current[key] = Decimal(new)
        elif kind == "comment":
            assert state.comments.get(sub) == old
            if new is None:
                state.comments.pop(sub)
            else:
                state.comments[sub] = new
        elif kind == "flag":
            flags = state.flags.setdefault(sub, {})
            before = None
            if key in flags:
                before = "on" if flags[key] is None else f"on:{flags[key]}"
            assert before == old
            if new is None:
                flags.pop(key)
            else:
                flags[key] = new[3:] or None  # "on" / "on:<category>"
        elif kind == "recusal":
            assert state.recusals.get(sub) == old
            if new is None:
                state.recusals.pop(sub)
            else:
                state.recusals[sub] = new
    return state


def run_child(cmd: list[str], kill_after: int) -> int:
    """Run the child, hard-kill it after its `kill_after`-th SAVED line (0: right after
    READY, -1: at once); return the highest n it reported as saved."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", cwd=HERE.parents[2])
    saved = 0
    killed = False
    try:
        if kill_after < 0:
            proc.kill()  # SIGKILL on POSIX (TerminateProcess on Windows)
            killed = True
        assert proc.stdout is not None
        for line in proc.stdout:  # after the kill: drain what it flushed before dying
            if line.startswith("SAVED "):
                saved = int(line.split()[1])
            if not killed and (line.startswith("SAVED ") and saved >= kill_after
                               or line.startswith("READY") and kill_after == 0):
                proc.kill()
                killed = True
    finally:
        if not killed:
            proc.wait()
        proc.kill()
        _, err = proc.communicate()
    if not killed:
        assert proc.returncode == 0, f"child failed: {err}"
    elif os.name == "posix":
        assert proc.returncode in (0, -signal.SIGKILL), f"child failed: {err}"
    return saved


def child_command(tmp_path: Path) -> tuple[list[str], Path]:
    """The child's argument prefix (a real signed packet, expert E1) and the workspace
    database it writes."""
    packet = crash_child.build_packet(tmp_path / "crash.panelpack")
    home = tmp_path / "home"
    db = workspace_path("TEST-2026", "E1", home=home)
    return [sys.executable, str(HERE / "crash_child.py"), str(packet), str(home), "E1"], db


def test_sigkill_never_loses_a_reported_change(tmp_path: Path) -> None:
    prefix, db = child_command(tmp_path)
    rng = random.Random(20260310)
    previous = State()
    history_rows = 0
    kills_mid_stream = 0
    for round_no in range(ROUNDS):
        seed = 1000 + round_no
        # Mostly kill mid-stream; sometimes at start-up (-1), right after opening (0),
        # or never (the child finishes).
        kill_after = rng.choice([-1, 0, OPS_PER_ROUND + 1] + [rng.randint(1, OPS_PER_ROUND)] * 7)
        saved = run_child(prefix + [str(seed), str(OPS_PER_ROUND)], kill_after)
        script = crash_child.make_script(seed, previous, OPS_PER_ROUND)
        candidates = []
        state, rows = previous.copy(), history_rows
        for n, op in enumerate(script, start=1):
            if n > saved + 1:
                break
            rows += crash_child.apply(state, op)
            if n >= saved:
                candidates.append((n, state.copy(), rows))
        if saved == 0:
            candidates.insert(0, (0, previous.copy(), history_rows))
        if not db.exists():  # killed before the child even created the database
            assert saved == 0
            continue
        integrity, stored, stored_rows, folded = read_state(db)
        assert integrity == "ok", f"round {round_no}: {integrity}"
        matches = [(n, rows) for n, expected, rows in candidates if expected == stored]
        assert matches, (f"round {round_no}: child reported {saved} saved changes, but the "
                         f"database holds neither state {saved} nor {saved + 1}")
        n, expected_rows = matches[0]
        assert stored_rows == expected_rows, f"round {round_no}: history rows"
        assert folded == stored, f"round {round_no}: history does not explain the state"
        kills_mid_stream += 0 < saved < OPS_PER_ROUND
        previous, history_rows = stored, stored_rows
    assert kills_mid_stream >= ROUNDS // 2  # the test really exercised mid-stream kills
    assert history_rows > ROUNDS * OPS_PER_ROUND // 4
