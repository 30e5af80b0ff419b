"""The organizer database: opened at once by many openers on a fresh file; the audit log."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from app.sheets.orgdb import OrgDB

ROOT = Path(__file__).resolve().parents[3]


def test_many_threads_open_a_fresh_database(tmp_path: Path) -> None:
    for round_no in range(5):
        url = f"sqlite:///{tmp_path / f'fresh{round_no}.db'}"
        errors: list[BaseException] = []
        barrier = threading.Barrier(4)

        def open_db(url: str = url, barrier: threading.Barrier = barrier,
                    errors: list[BaseException] = errors) -> None:
            barrier.wait()
            try:
                OrgDB(url).close()
            except BaseException as err:  # noqa: BLE001 — collected for the assertion
                errors.append(err)

        threads = [threading.Thread(target=open_db) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []


def test_two_processes_open_a_fresh_database(tmp_path: Path) -> None:
    code = ("import sys; from app.sheets.orgdb import OrgDB; "
            "OrgDB(sys.argv[1]).close()")
    for round_no in range(3):
        url = f"sqlite:///{tmp_path / f'proc{round_no}.db'}"
        procs = [subprocess.Popen([sys.executable, "-c", code, url], cwd=ROOT,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
        for p in procs:
            _, err = p.communicate(timeout=60)
            assert p.returncode == 0, err


def test_audit_log_keeps_every_decision_in_order(tmp_path: Path) -> None:
    with OrgDB(f"sqlite:///{tmp_path / 'org.db'}") as db:
        db.record("P1", "秘书处", "exclude", "S003", "重复申报", old=None, new='"excluded"')
        db.record("P1", "秘书处", "override_minimum", "S004", "两位专家回避，经审定仍予排名")
        db.record("P2", "秘书处", "exclude", "S001", "other packet")
        log = db.audit("P1")
    assert [(r["action"], r["subject"], r["reason"]) for r in log] == [
        ("exclude", "S003", "重复申报"),
        ("override_minimum", "S004", "两位专家回避，经审定仍予排名")]
    assert log[0]["new"] == '"excluded"' and log[1]["old"] is None
    assert all(r["who"] == "秘书处" and r["at"].endswith("Z") for r in log)
