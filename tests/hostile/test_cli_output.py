"""What the command line prints from files is escaped; it ends quietly when its reader
goes away; it names a data folder it cannot use; a packet re-signed by another
organizer key does not inherit an expert's marks."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app import cli
from app.errors import PanelDeskError
from app.terminal import json_line, terminal_safe
from tests.app.test_packet_roundtrip import write_packet

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "paneldesk_crash_child", ROOT / "tests" / "app" / "workspace" / "crash_child.py")
helpers = sys.modules.get(_spec.name)
if helpers is None:
    helpers = importlib.util.module_from_spec(_spec)
    sys.modules[_spec.name] = helpers
    _spec.loader.exec_module(helpers)

FORGED = "E1\x1b[2J\x1b[H\x1b[32m[VALID 有效] 全部导入\x1b[0m"


@pytest.mark.parametrize("raw, shown", [
    ("\x1b[2J", "\\x1b[2J"),
    ("a\nb", "a\\x0ab"),
    ("a\rb", "a\\x0db"),
    ("\x07bell", "\\x07bell"),
    ("\x7f", "\\x7f"),
    ("c1\x85\x9b", "c1\\x85\\x9b"),
    ("\u202eevil", "\\u202eevil"),
    ("\u2066iso\u2069", "\\u2066iso\\u2069"),
    ("line\u2028sep\u2029", "line\\u2028sep\\u2029"),
    ("\u200f\u061c", "\\u200f\\u061c"),
    ("评审包 S001 — 正常文字 🙂\t", "评审包 S001 — 正常文字 🙂\\x09"),
    ("plain", "plain"),
])
def test_terminal_safe_escapes_controls_and_bidi(raw: str, shown: str) -> None:
    assert terminal_safe(raw) == shown


def test_json_lines_stay_json_and_terminal_safe() -> None:
    import json

    data = {"id": "x\u202e\x85\u2028\x1b"}
    line = json_line(data)
    assert json.loads(line) == data
    assert not any(ch in line for ch in "\u202e\x85\u2028\x1b")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def forged_sheet(sheet: Path, dst: Path, **payload_changes: str) -> Path:
    """`sheet` with its signed payload changed and signed again by a new key: what anyone
    can make (JSON escapes carry ESC where XML could not)."""
    import json

    import openpyxl

    from app.canonical import canonical_json
    from app.keys import b64, fingerprint, public_key_bytes, sign, unb64

    key = Ed25519PrivateKey.generate()
    wb = openpyxl.load_workbook(sheet)
    ws = wb["签名"]
    rows = {r[0].value: r for r in ws.iter_rows() if r[0].value != "payload"}
    chunks = [r for r in ws.iter_rows() if r[0].value == "payload"]
    payload = json.loads(unb64("".join(r[1].value for r in chunks)))
    payload.update(payload_changes, key_fingerprint=fingerprint(public_key_bytes(key)))
    data = canonical_json(payload)
    text = b64(data)
    for i, row in enumerate(chunks):
        row[1].value = text[i * 30000:(i + 1) * 30000]
    rows["signature"][1].value = b64(sign(key, data))
    rows["public_key"][1].value = b64(public_key_bytes(key))
    rows["fingerprint"][1].value = payload["key_fingerprint"]
    wb.save(dst)
    return dst


def test_sheets_import_escapes_ids_from_a_self_signed_sheet(tmp_path: Path, home: Path,
                                                            capsys) -> None:
    from app.packet import open_packet
    from app.sheets.export import export_sheet
    from app.workspace import ReviewSession
    from tests.app.sheets.conftest import fill

    real = helpers.build_packet(tmp_path / "real.panelpack")
    with open_packet(real) as packet, ReviewSession(packet, "E1", home=home) as session:
        fill(session)
        sheet = export_sheet(session, Ed25519PrivateKey.generate(), tmp_path / "s.xlsx").path
    bad = forged_sheet(sheet, tmp_path / "forged.xlsx", packet_id=FORGED, expert_id=FORGED)
    status = cli.main(["sheets", "import", str(bad), "--packet", str(real),
                       "--db", f"sqlite:///{tmp_path / 'org.db'}"])
    out = capsys.readouterr().out
    assert status == 3 and "WRONG_PACKET" in out
    assert "\x1b" not in out and "\\x1b[2J" in out


def test_packet_info_escapes_bidi_c1_and_line_separators(tmp_path: Path, home: Path,
                                                         capsys) -> None:
    path = tmp_path / "p.panelpack"
    write_packet(path, title="评审包\u202egnp.exe\x85\u2028第二行\x1b]0;title\x07")
    assert cli.main(["packet", "info", str(path)]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\u202e\x85\u2028\x1b\x07")
    assert "评审包\\u202egnp.exe\\x85\\u2028第二行\\x1b]0;title\\x07" in out


def test_errors_quoting_a_file_are_escaped(tmp_path: Path, home: Path, capsys) -> None:
    path = tmp_path / "bad\x1b[2J.panelpack"
    path.write_bytes(b"not a zip")
    assert cli.main(["packet", "verify", str(path)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "bad\\x1b[2J.panelpack" in err


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PANELDESK_HOME": str(tmp_path / "home")}
    demo = ROOT / "resources" / "demo" / "demo.panelpack"
    proc = subprocess.Popen([sys.executable, "-m", "app", "packet", "info", str(demo), "--json"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.read(10)  # `| head -c 10`
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, 141), err
    assert b"Traceback" not in err and b"BrokenPipe" not in err and "内部错误".encode() not in err


def test_an_unusable_data_folder_is_named(tmp_path: Path, monkeypatch, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("PANELDESK_HOME", str(blocker / "home"))
    monkeypatch.setenv("PANELDESK_PASSPHRASE", "correct horse battery")
    assert cli.main(["key", "init"]) == 1
    err = capsys.readouterr().err
    assert str(blocker / "home") in err and "数据文件夹" in err and "内部错误" not in err


def test_a_packet_resigned_by_another_key_does_not_reuse_the_workspace(
        tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from decimal import Decimal

    import app.keys
    from app.packet import open_packet
    from app.workspace import ReviewSession

    path = helpers.build_packet(tmp_path / "p.panelpack")
    with open_packet(path) as packet, ReviewSession(packet, "E1", home=home) as session:
        session.set_scores("S001", {session.rubric.criteria[0].id: Decimal(5)})
    # The same packet id, signed by someone else's key (build_packet signs with the demo key).
    other = Ed25519PrivateKey.generate()
    monkeypatch.setattr(app.keys, "demo_signing_key", lambda: other)
    helpers.build_packet(tmp_path / "q.panelpack")
    with open_packet(tmp_path / "q.panelpack") as packet, \
            pytest.raises(PanelDeskError, match="另一组织方密钥"):
        ReviewSession(packet, "E1", home=home)
    # The genuine packet still opens its workspace, with the marks.
    with open_packet(path) as packet, ReviewSession(packet, "E1", home=home) as session:
        assert session.workspace.all_scores()["S001"]


def test_a_packet_text_no_cell_can_hold_refuses_the_export_clearly(tmp_path: Path,
                                                                  home: Path) -> None:
    from app.packet import open_packet
    from app.sheets.export import export_sheet
    from app.workspace import ReviewSession
    from tests.app.sheets.conftest import fill

    path = helpers.build_packet(tmp_path / "p.panelpack", packet_id=FORGED)
    with open_packet(path) as packet, ReviewSession(packet, "E1", home=home) as session:
        fill(session)
        with pytest.raises(PanelDeskError, match="控制字符"):
            export_sheet(session, Ed25519PrivateKey.generate(), tmp_path / "s.xlsx")
    assert not (tmp_path / "s.xlsx").exists()
