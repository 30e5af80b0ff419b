"""The organizer database on a real PostgreSQL server: same outcomes, same final state
as SQLite for the same files — through the API and through `paneldesk sheets import`.

The server is a throw-away cluster on loopback (tests/pg_server.py).  Without PostgreSQL
these tests skip locally; with env CI set, failing to start it fails them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.cli import main
from app.sheets.export import FIRST_ROW, export_sheet
from app.sheets.importer import expert_overview, import_sheets
from app.sheets.orgdb import OrgDB
from app.workspace import ReviewSession
from tests.pg_server import PgServer, pg_server_or_skip

PACKET_ID = "TEST-2026"


@pytest.fixture(scope="module")
def pg() -> Iterator[PgServer]:
    server = pg_server_or_skip()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg: PgServer) -> str:
    """A fresh, empty database for each test."""
    return pg.new_database()


def fill(session: ReviewSession) -> None:
    sys.modules["paneldesk_sheet_fill"].fill(session)


@pytest.fixture
def files(session: ReviewSession, key: Ed25519PrivateKey, packet, home: Path,
          tmp_path: Path) -> dict[str, Path]:
    """Real sheets: E1 v1 and v2, E2 v1, a tampered v2, a forged E1 sheet, junk."""
    out = tmp_path / "sheets"
    out.mkdir()
    fill(session)
    v1 = export_sheet(session, key, out / "E1_v1.xlsx").path
    session.set_comment("S001", "第二版：补充了回访记录 ✓")
    v2 = export_sheet(session, key, out / "E1_v2.xlsx").path
    with ReviewSession(packet, "E2", home=home) as e2:
        fill(e2)
        e2_key = Ed25519PrivateKey.from_private_bytes(bytes(range(2, 34)))
        e2_sheet = export_sheet(e2, e2_key, out / "E2_v1.xlsx").path
    other = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
    forged = export_sheet(session, other, tmp_path / "forged.xlsx").path
    wb = openpyxl.load_workbook(v2)
    wb["评分表"].cell(FIRST_ROW, 4, 29)
    tampered = tmp_path / "E1_v2_改过.xlsx"
    wb.save(tampered)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a workbook")
    return {"v1": v1, "v2": v2, "e2": e2_sheet, "forged": forged, "tampered": tampered,
            "junk": junk}


def _scenario(db: OrgDB, packet, f: dict[str, Path]) -> list[list[str]]:
    """The organizer's afternoon, step by step; returns the outcomes of each step."""
    steps: list[list[str]] = []

    def run(paths: list[Path], accept: tuple[str, ...] = ()) -> None:
        steps.append([r.outcome for r in import_sheets(paths, packet, db, accept_keys=accept)])

    run([f["v1"]])                                  # key not yet compared
    assert db.pinned(PACKET_ID, "E1") is None and db.marks(PACKET_ID) == {}
    run([f["v2"], f["v1"], f["tampered"], f["junk"], f["e2"]], accept=("E1", "E2"))
    run([f["v1"], f["v2"], f["e2"]])                # the same files again
    run([f["forged"]])                              # someone else's key, E1's name
    return steps


EXPECTED_STEPS = [["UNKNOWN_KEY"],
                  ["VALID", "SUPERSEDED", "TAMPERED", "MALFORMED", "VALID"],
                  ["DUPLICATE", "DUPLICATE", "DUPLICATE"],
                  ["KEY_MISMATCH"]]


def _rejected(db: OrgDB) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k not in ("id", "imported_at")}
            for r in db.rejected(PACKET_ID)]


def test_full_import_flow_on_postgres_matches_sqlite(files, packet, pg_url, tmp_path) -> None:
    results = {}
    for name, url in (("sqlite", f"sqlite:///{tmp_path / 'org.db'}"), ("postgres", pg_url)):
        with OrgDB(url) as db:
            steps = _scenario(db, packet, files)
            results[name] = (steps, db.state(PACKET_ID), _rejected(db),
                             expert_overview(packet, db), db.current(PACKET_ID, "E1"))
    sqlite, postgres = results["sqlite"], results["postgres"]
    assert postgres[0] == EXPECTED_STEPS == sqlite[0]
    state = postgres[1]
    assert state == sqlite[1]
    # The accepted key is pinned, v2 is current, its marks and notes came through intact.
    assert [e for e, _fp in state["keys"]] == ["E1", "E2"]
    assert [(e, v) for e, v, _h in state["sheets"]] == [("E1", 1), ("E1", 2), ("E2", 1)]
    assert state["notes"][("E1", "S001")]["comment"] == "第二版：补充了回访记录 ✓"
    assert state["notes"][("E1", "S002")]["comment"] == "案例细节真实，\n建议补充回访记录🙂"
    assert state["notes"][("E1", "S003")]["recused"] is True
    assert state["marks"][("E1", "S001")]["warmth"] == "20.0"
    assert postgres[2] == sqlite[2]
    assert [r["outcome"] for r in postgres[2]] == ["UNKNOWN_KEY", "TAMPERED", "MALFORMED",
                                                   "KEY_MISMATCH"]
    assert postgres[3] == sqlite[3]
    e1 = postgres[3][0]
    assert (e1["version"], e1["scored"], e1["recused"], e1["missing"]) == (2, 5, 1, 0)
    assert postgres[4]["version"] == 2 and postgres[4]["partial"] is False


def test_import_order_does_not_matter_on_postgres(files, packet, pg, tmp_path) -> None:
    orders = {"forward": ["v1", "v2", "e2", "v1"], "backward": ["e2", "v2", "v1", "v2"]}
    states = []
    for order in orders.values():
        with OrgDB(pg.new_database()) as db:
            import_sheets([files[n] for n in order], packet, db, accept_keys=["E1", "E2"])
            states.append(db.state(PACKET_ID))
    with OrgDB(f"sqlite:///{tmp_path / 'ref.db'}") as db:
        import_sheets([files["v2"], files["e2"]], packet, db, accept_keys=["E1", "E2"])
        import_sheets([files["v1"]], packet, db)
        states.append(db.state(PACKET_ID))
    assert states[0] == states[1] == states[2]
    assert states[0]["notes"][("E1", "S001")]["comment"].startswith("第二版")


def _cli(folder: Path, packet_path: Path, url: str, *extra: str) -> tuple[int, list[dict]]:
    import io
    from contextlib import redirect_stdout

    buf = io.StringIO()
    with redirect_stdout(buf):
        code = main(["sheets", "import", str(folder), "--packet", str(packet_path),
                     "--db", url, "--json", *extra])
    return code, [json.loads(line) for line in buf.getvalue().splitlines()]


def test_cli_with_postgres_url(files, packet, packet_path, pg_url, tmp_path) -> None:
    """`paneldesk sheets import FOLDER --db postgresql+psycopg://…` end to end."""
    folder = files["v1"].parent  # E1_v1, E1_v2, E2_v1 (sorted by name)
    tampered = files["tampered"]
    states = []
    for url in (pg_url, f"sqlite:///{tmp_path / 'cli.db'}"):
        code, lines = _cli(folder, packet_path, url)
        assert code == 3
        assert [(x["outcome"], x["expert"], x["version"]) for x in lines] == [
            ("UNKNOWN_KEY", "E1", 1), ("UNKNOWN_KEY", "E1", 2), ("UNKNOWN_KEY", "E2", 1)]
        code, lines = _cli(folder, packet_path, url, "--accept-key", "E1", "--accept-key", "E2")
        assert code == 0 and [x["outcome"] for x in lines] == ["VALID", "VALID", "VALID"]
        code, lines = _cli(folder, packet_path, url)
        assert code == 0 and [x["outcome"] for x in lines] == ["DUPLICATE"] * 3
        code, [bad] = _cli(tampered, packet_path, url)
        assert code == 3 and bad["outcome"] == "TAMPERED"
        assert [(d["submission"], d["field"], d["signed"], d["found"]) for d in bad["diff"]] \
            == [("S001", "温度", "20.0", "29.0")]
        with OrgDB(url) as db:
            assert db.pinned(PACKET_ID, "E1") == lines[0]["fingerprint"]
            states.append((db.state(PACKET_ID), _rejected(db)))
    assert states[0] == states[1]


def test_oversized_values_of_rejected_files_are_logged_on_postgres(
        files, packet, key, pg_url, tmp_path, monkeypatch) -> None:
    """PostgreSQL enforces VARCHAR lengths and 32-bit INTEGER where SQLite does not: a
    vanished file with a long name, a sheet signed for a 300-character expert id and one
    claiming version 2³¹ (out of range: MALFORMED, even with its key accepted) must each be
    logged as rejected without stopping the rest."""
    from app.packet import open_packet
    from app.sheets import export

    gone = tmp_path / ("专家交回的评分表" * 10 + ".xlsx")  # 85 characters, never written
    long_id = "E" * 300
    other = sys.modules["paneldesk_crash_child"].build_packet(
        tmp_path / "long.panelpack", experts=(long_id,), packet_id=PACKET_ID)
    with open_packet(other) as p, ReviewSession(p, long_id, home=tmp_path / "h2") as s:
        fill(s)
        long_sheet = export_sheet(s, key, tmp_path / "long_id.xlsx").path
    monkeypatch.setattr(export, "reserve_version", lambda _session: 2**31)
    monkeypatch.setattr(export, "record_export", lambda *_args: None)
    with ReviewSession(packet, "E2", home=tmp_path / "h3") as s:
        fill(s)
        huge = export_sheet(s, key, tmp_path / "huge_version.xlsx").path
    with OrgDB(pg_url) as db:
        results = import_sheets([gone, long_sheet, huge, files["v1"]], packet, db,
                                accept_keys=["E1", "E2"])
        assert [r.outcome for r in results] == ["MALFORMED", "WRONG_PACKET", "MALFORMED",
                                                "VALID"]
        logged = db.rejected(PACKET_ID)
        assert [r["file_name"] for r in logged] == [gone.name, "long_id.xlsx",
                                                    "huge_version.xlsx"]
        assert len(logged[1]["expert_id"]) == 200 and logged[2]["version"] is None
        # Logged once: the same rejects again change nothing.
        import_sheets([gone, long_sheet, huge], packet, db)
        assert len(db.rejected(PACKET_ID)) == 3


def test_no_server_skips_locally_but_fails_in_ci(monkeypatch) -> None:
    import tests.pg_server as pg_server

    monkeypatch.setattr(pg_server, "find_bindir", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="postgresql 软件包"):
        pg_server.pg_server_or_skip()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI 中必须能启动 PostgreSQL"):
        pg_server.pg_server_or_skip()
