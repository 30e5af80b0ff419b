"""The workspace store: every write durable, audited, and refused where it must be."""

from __future__ import annotations

import importlib.util
import json
import sqlite3
import sys
import threading
from decimal import Decimal
from pathlib import Path

import pytest

from app.canonical import canonical_json
from app.errors import PanelDeskError
from app.packet import open_packet
from app.workspace import ReviewSession
from app.workspace.locate import safe_component, workspace_path
from app.workspace.store import Workspace, decimal_text

IDENT = {"packet_id": "PKT-1", "manifest_hash": "sha256:aa", "rubric_hash": "sha256:bb",
         "expert_id": "E1"}


def open_ws(path: Path, **over: str) -> Workspace:
    return Workspace.open(path, **{**IDENT, **over})


@pytest.fixture
def ws(tmp_path: Path):
    workspace = open_ws(tmp_path / "w.sqlite")
    yield workspace
    workspace.close()


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


# ------------------------------------------------------------------ opening


def test_open_creates_database_with_durable_settings(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "w.sqlite"
    with open_ws(path) as ws:
        assert path.is_file()
        pragmas = ws.pragmas()
        assert pragmas["journal_mode"] == "wal"
        assert pragmas["synchronous"] == "2"  # FULL
        assert pragmas["foreign_keys"] == "1"
        assert int(pragmas["busy_timeout"]) >= 1000
        assert pragmas["integrity_check"] == "ok"
        meta = ws.meta()
    assert {k: meta[k] for k in IDENT} == IDENT
    assert meta["schema_version"] == "1"


# The tables exactly as SQLAlchemy created them before the workspace moved to sqlite3.
SQLALCHEMY_ERA_DDL = (
    'CREATE TABLE meta (\n\t"key" TEXT NOT NULL, \n\tvalue TEXT NOT NULL, \n\tPRIMARY KEY ("key")\n)',
    "CREATE TABLE scores (\n\tsubmission_id TEXT NOT NULL, \n\tcriterion_id TEXT NOT NULL, "
    "\n\tvalue TEXT NOT NULL, \n\tupdated_at TEXT NOT NULL, \n\tPRIMARY KEY (submission_id, criterion_id)\n)",
    "CREATE TABLE comments (\n\tsubmission_id TEXT NOT NULL, \n\ttext TEXT NOT NULL, "
    "\n\tupdated_at TEXT NOT NULL, \n\tPRIMARY KEY (submission_id)\n)",
    "CREATE TABLE flags (\n\tsubmission_id TEXT NOT NULL, \n\tflag TEXT NOT NULL, "
    "\n\tsuggested_category TEXT, \n\tupdated_at TEXT NOT NULL, \n\tPRIMARY KEY (submission_id, flag), "
    "\n\tCONSTRAINT flag_known CHECK (flag IN ('suspect_untrue', 'pii_unmasked', 'wrong_category'))\n)",
    "CREATE TABLE recusals (\n\tsubmission_id TEXT NOT NULL, \n\treason TEXT NOT NULL, "
    "\n\tcreated_at TEXT NOT NULL, \n\tPRIMARY KEY (submission_id)\n)",
    "CREATE TABLE history (\n\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n\tat TEXT NOT NULL, "
    "\n\texpert_id TEXT NOT NULL, \n\tsubmission_id TEXT, \n\tfield TEXT NOT NULL, \n\told TEXT, "
    "\n\tnew TEXT, \n\tnote TEXT\n)",
    "CREATE TRIGGER history_no_update BEFORE UPDATE ON history "
    "BEGIN SELECT RAISE(ABORT, 'history is append-only'); END",
    "CREATE TRIGGER history_no_delete BEFORE DELETE ON history "
    "BEGIN SELECT RAISE(ABORT, 'history is append-only'); END",
)


def test_a_workspace_created_through_sqlalchemy_opens_with_its_marks(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = raw(path)
    for ddl in SQLALCHEMY_ERA_DDL:
        conn.execute(ddl)
    conn.executemany('INSERT INTO meta ("key", value) VALUES (?, ?)',
                     [*IDENT.items(), ("schema_version", "1")])
    conn.execute("INSERT INTO scores VALUES ('S1', 'c1', '27.5', '2026-01-01T00:00:00.000Z')")
    conn.execute("INSERT INTO history (at, expert_id, submission_id, field, old, new) "
                 "VALUES ('2026-01-01T00:00:00.000Z', 'E1', 'S1', 'score:c1', NULL, '27.5')")
    conn.close()
    with open_ws(path) as ws:
        assert ws.scores("S1") == {"c1": Decimal("27.5")}
        assert ws.set_score("S1", "c1", Decimal(28))
        assert [(h.field, h.old, h.new) for h in ws.history("S1")] == [
            ("score:c1", None, "27.5"), ("score:c1", "27.5", "28")]
    with open_ws(path) as ws:
        assert ws.scores("S1") == {"c1": Decimal(28)}


def test_a_new_workspace_has_the_tables_sqlalchemy_made(tmp_path: Path) -> None:
    """Same tables, columns, keys and triggers as the SQLAlchemy-era schema."""
    def shape(path: Path) -> dict[str, list[tuple]]:
        conn = raw(path)
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {t: conn.execute(f"PRAGMA table_xinfo({t})").fetchall() for t in tables}
        out["triggers"] = sorted(r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        conn.close()
        return out

    old = tmp_path / "old.sqlite"
    conn = raw(old)
    for ddl in SQLALCHEMY_ERA_DDL:
        conn.execute(ddl)
    conn.close()
    open_ws(tmp_path / "new.sqlite").close()
    assert shape(tmp_path / "new.sqlite") == shape(old)


def test_reopen_restores_everything(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with open_ws(path) as ws:
        ws.set_scores("S001", {"warmth": Decimal("27.5"), "efficacy": Decimal("26")})
        ws.set_comment("S001", "案例真实，细节动人。")
        ws.set_flag("S001", "wrong_category", True, "创新机制")
        ws.set_flag("S002", "pii_unmasked", True)
        ws.recuse("S003", "本人曾参与该项目")
        ws.set_last_submission("S002")
        before = (ws.all_scores(), ws.all_comments(), ws.all_flags(), ws.recusals(),
                  ws.history())
    with open_ws(path) as ws:
        after = (ws.all_scores(), ws.all_comments(), ws.all_flags(), ws.recusals(),
                 ws.history())
        assert ws.last_submission() == "S002"
        assert ws.scores("S001") == {"warmth": Decimal("27.5"), "efficacy": Decimal("26")}
        assert ws.comment("S001") == "案例真实，细节动人。"
        assert ws.flags("S001") == {"wrong_category": "创新机制"}
        assert ws.recusals() == {"S003": "本人曾参与该项目"}
        # The window's one-transaction read agrees with the separate ones.
        assert ws.marks("S001") == (ws.scores("S001"), ws.comment("S001"), ws.flags("S001"),
                                    None)
        assert ws.marks("S003") == ({}, None, {}, "本人曾参与该项目")
    assert after == before
    assert len(after[4]) == 6


def test_cached_marks_follow_every_change(tmp_path):
    with open_ws(tmp_path / "w.sqlite") as ws:
        assert ws.marks("S001") == ({}, None, {}, None)  # read once, then cached
        ws.set_score("S001", "warmth", Decimal("20"))
        ws.set_comment("S001", "好")
        ws.set_flag("S001", "pii_unmasked", True)
        assert ws.marks("S001") == ({"warmth": Decimal("20")}, "好", {"pii_unmasked": None}, None)
        shown = ws.marks("S001")
        shown[0]["warmth"] = Decimal("0")  # what a caller does with its copy stays its own
        assert ws.marks("S001")[0] == {"warmth": Decimal("20")}
        ws.set_flag("S001", "pii_unmasked", False)
        ws.set_comment("S001", None)
        ws.set_score("S001", "warmth", None)
        ws.recuse("S001", "亲属在该单位")
        assert ws.marks("S001") == ({}, None, {}, "亲属在该单位")
        ws.unrecuse("S001", "误选")
        assert ws.marks("S001") == ({}, None, {}, None)
    with pytest.raises(PanelDeskError, match="已关闭"):
        ws.marks("S001")


@pytest.mark.parametrize(("field", "value", "words"), [
    ("packet_id", "PKT-2", "评审包"),
    ("expert_id", "E2", "专家"),
    ("rubric_hash", "sha256:cc", "评分细则"),
])
def test_database_of_another_packet_expert_or_rubric_is_refused(
        tmp_path: Path, field: str, value: str, words: str) -> None:
    path = tmp_path / "w.sqlite"
    with open_ws(path) as ws:
        ws.set_score("S001", "warmth", Decimal(20))
    with pytest.raises(PanelDeskError, match=words):
        open_ws(path, **{field: value})
    with open_ws(path) as ws:  # refusing changed nothing
        assert ws.scores("S001") == {"warmth": Decimal(20)}
        assert ws.meta()[field] == IDENT[field]


def test_reissued_packet_keeps_marks_and_records_new_manifest_hash(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with open_ws(path) as ws:
        ws.set_score("S001", "warmth", Decimal(20))
    with open_ws(path, manifest_hash="sha256:new") as ws:
        assert ws.scores("S001") == {"warmth": Decimal(20)}
        assert ws.meta()["manifest_hash"] == "sha256:new"
        last = ws.history()[-1]
        assert (last.submission_id, last.field, last.old, last.new) == (
            None, "packet:manifest_hash", "sha256:aa", "sha256:new")
        assert ws.history("S001")[-1].field == "score:warmth"


def test_garbage_file_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    path.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(PanelDeskError, match="不是有效的工作区数据库或已损坏"):
        open_ws(path)


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    con = raw(path)
    con.execute("CREATE TABLE notes (x TEXT)")
    con.close()
    with pytest.raises(PanelDeskError, match="不是评审台工作区数据库"):
        open_ws(path)


def test_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    open_ws(path).close()
    con = raw(path)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(PanelDeskError, match="更新版本"):
        open_ws(path)


def test_empty_file_is_initialised(tmp_path: Path) -> None:
    # A file created but never written (e.g. killed before the first commit).
    path = tmp_path / "w.sqlite"
    path.write_bytes(b"")
    with open_ws(path) as ws:
        ws.set_score("S001", "warmth", Decimal(1))
        assert ws.scores("S001") == {"warmth": Decimal(1)}


def test_closed_workspace_refuses_use(tmp_path: Path) -> None:
    ws = open_ws(tmp_path / "w.sqlite")
    ws.close()
    ws.close()  # idempotent
    with pytest.raises(PanelDeskError, match="已关闭"):
        ws.scores("S001")


# ------------------------------------------------------------------- scores


def test_set_score_writes_value_and_history(ws: Workspace) -> None:
    assert ws.set_score("S001", "warmth", Decimal("27.5")) is True
    assert ws.set_score("S001", "warmth", Decimal("28")) is True
    assert ws.set_score("S001", "warmth", None) is True
    assert ws.scores("S001") == {}
    rows = ws.history("S001")
    assert [(r.field, r.old, r.new) for r in rows] == [
        ("score:warmth", None, "27.5"), ("score:warmth", "27.5", "28"),
        ("score:warmth", "28", None)]
    assert all(r.expert_id == "E1" and r.submission_id == "S001" for r in rows)
    assert all(r.at.endswith("Z") and len(r.at) == len("2026-03-10T09:00:00.000Z")
               for r in rows)
    assert [r.id for r in rows] == sorted(r.id for r in rows)


def test_same_value_writes_nothing(ws: Workspace) -> None:
    ws.set_score("S001", "warmth", Decimal("27.5"))
    ws.set_comment("S001", "好")
    ws.set_flag("S001", "wrong_category", True, "坚守故事")
    ws.recuse("S002", "亲属任职")
    count = len(ws.history())
    assert ws.set_score("S001", "warmth", Decimal("27.50")) is False
    assert ws.set_score("S001", "efficacy", None) is False  # clearing what is not there
    assert ws.set_scores("S001", {"warmth": Decimal("27.5")}) is False
    assert ws.set_comment("S001", "好") is False
    assert ws.set_comment("S009", "  ") is False  # blank = no comment = unchanged
    assert ws.set_flag("S001", "wrong_category", True, "坚守故事") is False
    assert ws.set_flag("S001", "suspect_untrue", False) is False
    assert ws.recuse("S002", "亲属任职") is False
    assert len(ws.history()) == count


def test_set_scores_is_one_transaction_with_one_history_row_per_change(ws: Workspace) -> None:
    ws.set_score("S001", "warmth", Decimal(20))
    changed = ws.set_scores("S001", {"warmth": Decimal(20), "efficacy": Decimal("25.5"),
                                     "compliance": Decimal(10)})
    assert changed is True
    rows = ws.history("S001")[1:]
    assert [(r.field, r.new) for r in rows] == [("score:efficacy", "25.5"),
                                               ("score:compliance", "10")]
    assert len({r.at for r in rows}) == 1  # written together
    assert ws.all_scores() == {"S001": {"warmth": Decimal(20), "efficacy": Decimal("25.5"),
                                        "compliance": Decimal(10)}}


def test_floats_and_non_finite_values_are_refused(ws: Workspace) -> None:
    with pytest.raises(TypeError):
        ws.set_score("S001", "warmth", 27.5)  # type: ignore[arg-type]
    with pytest.raises(PanelDeskError):
        ws.set_score("S001", "warmth", Decimal("NaN"))
    with pytest.raises(PanelDeskError):
        ws.set_scores("S001", {"warmth": Decimal(3), "efficacy": Decimal("Infinity")})
    assert ws.scores("S001") == {}
    assert ws.history() == []


def test_decimal_text_is_plain_fixed_point() -> None:
    assert decimal_text(Decimal("30.0")) == "30"
    assert decimal_text(Decimal("3E+1")) == "30"
    assert decimal_text(Decimal("27.50")) == "27.5"
    assert decimal_text(Decimal("-0.0")) == "0"
    assert decimal_text(7) == "7"
    with pytest.raises(TypeError):
        decimal_text(True)


# ----------------------------------------------------------- comments, flags


def test_comment_set_update_and_clear(ws: Workspace) -> None:
    assert ws.comment("S001") is None
    ws.set_comment("S001", "初稿")
    ws.set_comment("S001", "修改后的评语\n第二行")
    assert ws.comment("S001") == "修改后的评语\n第二行"
    ws.set_comment("S001", "")
    assert ws.comment("S001") is None
    assert [(r.field, r.old, r.new) for r in ws.history("S001")] == [
        ("comment", None, "初稿"), ("comment", "初稿", "修改后的评语\n第二行"),
        ("comment", "修改后的评语\n第二行", None)]
    assert ws.all_comments() == {}


def test_flags_on_off_and_suggested_category(ws: Workspace) -> None:
    ws.set_flag("S001", "suspect_untrue", True)
    ws.set_flag("S001", "wrong_category", True, "创新机制")
    assert ws.flags("S001") == {"suspect_untrue": None, "wrong_category": "创新机制"}
    ws.set_flag("S001", "wrong_category", True, "治理成效")
    ws.set_flag("S001", "suspect_untrue", False)
    assert ws.flags("S001") == {"wrong_category": "治理成效"}
    assert ws.all_flags() == {"S001": {"wrong_category": "治理成效"}}
    assert [(r.field, r.old, r.new) for r in ws.history("S001")] == [
        ("flag:suspect_untrue", None, "on"), ("flag:wrong_category", None, "on:创新机制"),
        ("flag:wrong_category", "on:创新机制", "on:治理成效"),
        ("flag:suspect_untrue", "on", None)]


def test_unknown_flag_and_misplaced_category_are_refused(ws: Workspace) -> None:
    with pytest.raises(PanelDeskError, match="未知的标记"):
        ws.set_flag("S001", "boring", True)
    with pytest.raises(PanelDeskError, match="wrong_category"):
        ws.set_flag("S001", "pii_unmasked", True, "创新机制")
    assert ws.flags("S001") == {}


# ---------------------------------------------------------------- recusals


def test_recusal_needs_a_reason_and_blocks_marks(ws: Workspace) -> None:
    ws.set_score("S001", "warmth", Decimal(10))
    with pytest.raises(PanelDeskError, match="回避原因"):
        ws.recuse("S001", "   ")
    ws.recuse("S001", "本人所在单位申报")
    for attempt in (lambda: ws.set_score("S001", "warmth", Decimal(12)),
                    lambda: ws.set_score("S001", "warmth", None),
                    lambda: ws.set_comment("S001", "x"),
                    lambda: ws.set_flag("S001", "suspect_untrue", True)):
        with pytest.raises(PanelDeskError, match="已声明回避"):
            attempt()
    assert ws.scores("S001") == {"warmth": Decimal(10)}
    assert ws.comment("S001") is None
    assert ws.recusals() == {"S001": "本人所在单位申报"}


def test_recusal_reason_change_and_withdrawal_are_logged(ws: Workspace) -> None:
    ws.recuse("S001", "亲属")
    ws.recuse("S001", "亲属在申报单位任职")
    with pytest.raises(PanelDeskError, match="撤销原因"):
        ws.unrecuse("S001", "")
    assert ws.unrecuse("S001", "误选，实为同名单位") is True
    assert ws.recusals() == {}
    with pytest.raises(PanelDeskError, match="未声明回避"):
        ws.unrecuse("S001", "再次撤销")
    assert [(r.field, r.old, r.new, r.note) for r in ws.history("S001")] == [
        ("recusal", None, "亲属", None),
        ("recusal", "亲属", "亲属在申报单位任职", None),
        ("recusal", "亲属在申报单位任职", None, "误选，实为同名单位")]
    ws.set_score("S001", "warmth", Decimal(5))  # scorable again
    assert ws.scores("S001") == {"warmth": Decimal(5)}


def test_last_submission_is_meta_only(ws: Workspace) -> None:
    assert ws.last_submission() is None
    ws.set_last_submission("S004")
    ws.set_last_submission("S005")
    assert ws.last_submission() == "S005"
    assert ws.history() == []
    ws.set_last_submission(None)
    assert ws.last_submission() is None


# --------------------------------------------------------- append-only trail


def test_history_cannot_be_updated_or_deleted(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with open_ws(path) as ws:
        ws.set_score("S001", "warmth", Decimal(20))
        ws.set_comment("S001", "原评语")
    con = raw(path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("UPDATE history SET new = '30' WHERE field = 'score:warmth'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("DELETE FROM history")
    # Appending is what the trail is for.
    con.execute("INSERT INTO history (at, expert_id, submission_id, field, old, new) "
                "VALUES ('2026-01-01T00:00:00.000Z', 'E1', 'S001', 'comment', NULL, 'x')")
    con.close()
    with open_ws(path) as ws:
        assert [r.new for r in ws.history("S001")] == ["20", "原评语", "x"]


def test_history_ids_never_reused(ws: Workspace) -> None:
    for value in range(5):
        ws.set_score("S001", "warmth", Decimal(value + 1))
    ids = [r.id for r in ws.history()]
    assert ids == list(range(ids[0], ids[0] + 5))


# ------------------------------------------------------------ concurrency


def test_threads_sharing_one_workspace_lose_nothing(ws: Workspace) -> None:
    errors: list[BaseException] = []

    def work(sub: str) -> None:
        try:
            for step in range(1, 21):
                ws.set_score(sub, "warmth", Decimal(step) / 2)
                ws.set_comment(sub, f"第{step}稿")
        except BaseException as err:  # noqa: BLE001 — reported by the assertion below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(f"S00{i}",)) for i in range(1, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert ws.all_scores() == {f"S00{i}": {"warmth": Decimal(10)} for i in range(1, 5)}
    assert len(ws.history()) == 4 * 40


def test_two_handles_on_one_file_keep_history_truthful(tmp_path: Path) -> None:
    # The GUI and a `paneldesk review set` may hold the same workspace at once.
    path = tmp_path / "w.sqlite"
    with open_ws(path) as gui, open_ws(path) as cli:
        gui.set_score("S001", "warmth", Decimal(10))
        cli.set_score("S001", "warmth", Decimal(11))
        gui.set_score("S001", "warmth", Decimal(12))
        assert cli.scores("S001") == {"warmth": Decimal(12)}
        assert [(r.old, r.new) for r in gui.history()] == [(None, "10"), ("10", "11"),
                                                          ("11", "12")]


# ----------------------------------------------------------------- locate


def test_workspace_path_layout_and_home(tmp_path: Path, monkeypatch) -> None:
    path = workspace_path("DEMO-2026", "E1", home=tmp_path)
    assert path == tmp_path / "workspaces" / "DEMO-2026" / "E1.sqlite"
    assert path.parent.is_dir()
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "home"))
    assert workspace_path("P", "E") == tmp_path / "home" / "workspaces" / "P" / "E.sqlite"


@pytest.mark.parametrize("hostile", ["../../etc", "/abs/path", "a/b", "..", "", "CON",
                                     "专家一", "x" * 300, "a\\b", "nul"])
def test_workspace_path_stays_inside_home(tmp_path: Path, hostile: str) -> None:
    path = workspace_path(hostile, hostile, home=tmp_path)
    root = (tmp_path / "workspaces").resolve()
    assert path.resolve().parent.parent == root
    assert len(path.name) < 100
    assert path.name.endswith(".sqlite")


def test_sanitised_ids_never_collide() -> None:
    ids = ["a/b", "a_b", "a b", "a:b", "A_B", "专家", "专家二", "", "_"]
    names = [safe_component(i) for i in ids]
    assert len(set(names)) == len(ids)
    assert safe_component("E1") == "E1"  # plain ids stay readable


# ------------------------------------------------------- ReviewSession (real packet)

_spec = importlib.util.spec_from_file_location("paneldesk_crash_child",
                                               Path(__file__).with_name("crash_child.py"))
helpers = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = helpers
_spec.loader.exec_module(helpers)

FULL = {"warmth": "25", "efficacy": "24.5", "authenticity": "8", "typicality": "7",
        "storytelling": "8", "compliance": "9"}  # total 81.5: no comment required


@pytest.fixture
def packet_path(tmp_path: Path) -> Path:
    return helpers.build_packet(tmp_path / "t.panelpack")


@pytest.fixture
def session(packet_path: Path, tmp_path: Path):
    with open_packet(packet_path) as packet, \
            ReviewSession(packet, "E1", home=tmp_path / "home") as review:
        yield review


def test_session_opens_the_experts_workspace(session: ReviewSession, tmp_path: Path) -> None:
    assert session.workspace.path == tmp_path / "home" / "workspaces" / "TEST-2026" / "E1.sqlite"
    meta = session.workspace.meta()
    assert meta["packet_id"] == "TEST-2026"
    assert meta["manifest_hash"] == session.packet.manifest_hash
    assert meta["rubric_hash"] == session.manifest.rubric_hash
    assert session.assigned == list(helpers.SUBMISSIONS)


def test_session_refuses_unknown_expert(packet_path: Path, tmp_path: Path) -> None:
    with open_packet(packet_path) as packet, \
            pytest.raises(PanelDeskError, match="不在评审包.*专家名单"):
        ReviewSession(packet, "E9", home=tmp_path)
    assert not (tmp_path / "workspaces" / "TEST-2026" / "E9.sqlite").exists()


def test_session_refuses_unknown_or_unassigned_submission(packet_path: Path,
                                                          tmp_path: Path) -> None:
    with open_packet(packet_path) as packet, ReviewSession(packet, "E2", home=tmp_path) as s:
        with pytest.raises(PanelDeskError, match="没有编号为“S999”"):
            s.set_scores("S999", {"warmth": "10"})
        with pytest.raises(PanelDeskError, match="未分配给专家 E2"):
            s.set_scores("S006", {"warmth": "10"})
        with pytest.raises(PanelDeskError, match="未分配"):
            s.recuse("S006", "x")
        assert s.workspace.history() == []
        assert "S006" not in s.summary()["submissions"]


def test_criteria_by_id_or_chinese_name(session: ReviewSession) -> None:
    saved = session.set_scores("S001", {"温度": "27.5", "efficacy": "26", " 真实性 ": "9"})
    assert saved == {"warmth": Decimal("27.5"), "efficacy": Decimal(26),
                     "authenticity": Decimal(9)}
    assert session.scores("S001") == saved
    with pytest.raises(PanelDeskError, match="评分项“热情”不存在.*温度（warmth）"):
        session.set_scores("S001", {"热情": "1"})
    with pytest.raises(PanelDeskError, match="重复"):
        session.set_scores("S001", {"温度": "1", "warmth": "2"})


@pytest.mark.parametrize("bad", ["31", "-1", "27.3", "abc", "1e1", "NaN"])
def test_invalid_values_save_nothing(session: ReviewSession, bad: str) -> None:
    session.set_scores("S001", {"warmth": "20"})
    with pytest.raises(PanelDeskError, match="温度"):
        session.set_scores("S001", {"efficacy": "10", "warmth": bad})
    assert session.scores("S001") == {"warmth": Decimal(20)}
    assert len(session.history("S001")) == 1


def test_float_values_are_refused(session: ReviewSession) -> None:
    with pytest.raises(PanelDeskError):
        session.set_scores("S001", {"warmth": 27.5})  # type: ignore[dict-item]
    assert session.scores("S001") == {}


def test_empty_value_clears_a_score(session: ReviewSession) -> None:
    session.set_scores("S001", {"warmth": "20", "efficacy": "21"})
    session.set_scores("S001", {"warmth": ""})
    assert session.scores("S001") == {"efficacy": Decimal(21)}
    assert session.set_score("S001", "效能", None) is None
    assert session.scores("S001") == {}


def test_status_total_and_comment_requirement(session: ReviewSession) -> None:
    assert session.status("S001") == "未评"
    session.set_flag("S002", "suspect_untrue")
    assert session.status("S002") == "进行中"  # a flag is work in progress too
    session.set_scores("S001", {"warmth": "25"})
    assert session.status("S001") == "进行中"
    assert session.total("S001") is None
    session.set_scores("S001", FULL)
    assert session.total("S001") == Decimal("81.5")
    assert session.comment_required("S001") is None
    assert session.status("S001") == "已评"
    session.set_scores("S001", {"warmth": "30", "efficacy": "30", "compliance": "10"})
    assert session.total("S001") == Decimal("93")
    assert "90" in session.comment_required("S001")
    assert session.status("S001") == "进行中"  # needs its comment before it is done
    session.set_comment("S001", "材料翔实，机制可复制推广，给予高分。")
    assert session.status("S001") == "已评"
    session.recuse("S003", "曾参与该单位项目评估")
    assert session.status("S003") == "回避"
    assert session.total("S003") is None
    with pytest.raises(PanelDeskError, match="已声明回避"):
        session.set_scores("S003", {"warmth": "10"})
    session.unrecuse("S003", "经核实无利害关系")
    session.set_scores("S003", {"warmth": "10"})
    assert session.status("S003") == "进行中"


def test_flag_suggested_category_must_be_a_category(session: ReviewSession) -> None:
    with pytest.raises(PanelDeskError, match="不是本次评审的类别"):
        session.set_flag("S001", "wrong_category", True, "优秀案例")
    session.set_flag("S001", "wrong_category", True, "创新机制")
    assert session.flags("S001") == {"wrong_category": "创新机制"}


def test_summary_is_json_safe_and_complete(session: ReviewSession) -> None:
    session.set_scores("S001", FULL)
    session.set_comment("S001", "好")
    session.set_flag("S001", "wrong_category", True, "坚守故事")
    session.set_scores("S002", {"warmth": "10"})
    session.recuse("S004", "亲属")
    session.set_last_submission("S002")
    summary = session.summary()
    assert json.loads(json.dumps(summary)) == summary
    canonical_json(summary)  # no floats anywhere
    assert summary["packet_id"] == "TEST-2026" and summary["expert_id"] == "E1"
    assert summary["last_submission"] == "S002"
    assert summary["progress"] == {"assigned": 6, "done": 1, "in_progress": 1, "todo": 3,
                                   "recused": 1}
    s1 = summary["submissions"]["S001"]
    assert list(s1["scores"]) == ["warmth", "efficacy", "authenticity", "typicality",
                                  "storytelling", "compliance"]  # rubric order
    assert s1["scores"]["efficacy"] == "24.5" and s1["total"] == "81.5"
    assert s1 == {**s1, "status": "已评", "comment": "好", "comment_required": None,
                  "flags": {"wrong_category": "坚守故事"}, "recusal": None,
                  "category": "感动瞬间"}
    assert summary["submissions"]["S002"]["total"] is None
    assert summary["submissions"]["S004"] == {**summary["submissions"]["S004"],
                                              "status": "回避", "recusal": "亲属"}
    assert list(summary["submissions"]) == list(helpers.SUBMISSIONS)


def test_session_restart_restores_everything(packet_path: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    with open_packet(packet_path) as packet, ReviewSession(packet, "E1", home=home) as s:
        s.set_scores("S001", FULL)
        s.set_comment("S001", "评语")
        s.set_last_submission("S005")
        before = s.summary()
    with open_packet(packet_path) as packet, ReviewSession(packet, "E1", home=home) as s:
        assert s.summary() == before
        assert s.last_submission() == "S005"
    with open_packet(packet_path) as packet, ReviewSession(packet, "E2", home=home) as s:
        assert s.summary()["progress"]["todo"] == 5  # another expert, another workspace


def test_last_submission_no_longer_assigned_is_ignored(packet_path: Path,
                                                       tmp_path: Path) -> None:
    home = tmp_path / "home"
    with open_packet(packet_path) as packet, ReviewSession(packet, "E2", home=home) as s:
        s.workspace.set_last_submission("S006")  # e.g. assignments changed on re-issue
        assert s.last_submission() is None


def test_a_folder_in_place_of_the_database_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "w.sqlite").mkdir()
    with pytest.raises(PanelDeskError, match="无法打开评审工作区"):
        open_ws(tmp_path / "w.sqlite")
