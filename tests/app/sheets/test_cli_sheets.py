"""`paneldesk review export` and `paneldesk sheets import --json` end to end."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pytest

import app.cli
from app.cli import main
from app.cli import review_export as cli_review_export
from app.keys import KeyStore


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, home: Path):
    """`paneldesk` with review (plus export, as the lead will wire it) and sheets."""
    from app.cli import review as cli_review

    original = cli_review.register

    def register(sub: argparse._SubParsersAction) -> None:
        original(sub)
        review = sub.choices["review"]
        actions = next(a for a in review._actions
                       if isinstance(a, argparse._SubParsersAction))
        if "export" not in actions.choices:
            cli_review_export.register(actions)

    monkeypatch.setattr(cli_review, "register", register)
    monkeypatch.setattr(app.cli, "COMMAND_MODULES", ("app.cli.review", "app.cli.sheets"))
    KeyStore(home).create("口令 passphrase")
    secret = home.parent / "pass.txt"
    secret.write_text("口令 passphrase\n", encoding="utf-8")
    return secret


def test_export_then_import_json(cli: Path, packet_path: Path, tmp_path: Path, capsys) -> None:
    from app.packet import open_packet
    from app.workspace import ReviewSession

    with open_packet(packet_path) as p, ReviewSession(p, "E1") as s:
        sys.modules["paneldesk_sheet_fill"].fill(s, complete=False)
    out = tmp_path / "E1.xlsx"
    base = ["review", "export", "--packet", str(packet_path), "--expert", "E1", "-o", str(out),
            "--passphrase-file", str(cli)]
    assert main(base) == 1
    captured = capsys.readouterr()
    assert "S004 缺少评分项：温度" in captured.out and "--partial" in captured.err
    assert not out.exists()
    assert main([*base, "--partial"]) == 0
    assert "第 1 版" in capsys.readouterr().out
    db = f"sqlite:///{tmp_path / 'org.db'}"
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 broken")
    argv = ["sheets", "import", str(out), str(junk), "--packet", str(packet_path), "--db", db,
            "--json"]
    assert main(argv) == 3
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(x["outcome"], x["expert"], x["version"]) for x in lines] == [
        ("UNKNOWN_KEY", "E1", 1), ("MALFORMED", None, None)]
    assert main(argv[:-1]) == 3  # the text output says how to accept the key
    assert "核对无误后重新导入并加 --accept-key E1" in capsys.readouterr().out
    assert main([*argv[:-1], "--accept-key", "E1"]) == 3
    text = capsys.readouterr().out
    assert "[VALID 有效]" in text and "部分评分" in text and "[MALFORMED 文件无效]" in text
    assert main(["sheets", "import", str(out), "--packet", str(packet_path), "--db", db]) == 0
    assert "[DUPLICATE 重复导入]" in capsys.readouterr().out


def test_bad_database_url_is_one_chinese_line(cli: Path, packet_path: Path, capsys) -> None:
    argv = ["sheets", "import", "x.xlsx", "--packet", str(packet_path), "--db", "nosuch://x"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("paneldesk: 无法打开组织方数据库") and "Traceback" not in err
