"""`paneldesk key init|show` through `app.cli.main`, with PANELDESK_HOME in tmp_path."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from app import cli
from app.keys import KeyStore, b64, format_fingerprint


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PANELDESK_PASSPHRASE", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # never a terminal in tests
    # Only the modules under test, so other commands' work in progress cannot break these.
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("app.cli.key", "app.cli.packet"))
    return tmp_path / "home"


@pytest.fixture
def passphrase_file(tmp_path: Path) -> str:
    path = tmp_path / "pass.txt"
    path.write_text("组织方口令\n", encoding="utf-8")
    return str(path)


def test_show_without_a_key_fails_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["key", "show", "--json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "paneldesk key init" in err


def test_init_then_show_json(home: Path, passphrase_file: str,
                             capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["key", "init", "--passphrase-file", passphrase_file]) == 0
    out = capsys.readouterr().out
    store = KeyStore(home)
    assert format_fingerprint(store.fingerprint()) in out
    assert cli.main(["key", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {"fingerprint": store.fingerprint(), "public_key": b64(store.public_key()),
                     "path": str(store.path)}
    store.unlock("组织方口令")


def test_show_as_text(passphrase_file: str, capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["key", "init", "--passphrase-file", passphrase_file])
    capsys.readouterr()
    assert cli.main(["key", "show"]) == 0
    out = capsys.readouterr().out
    assert "公钥指纹：" in out and format_fingerprint(KeyStore().fingerprint()) in out


def test_init_refuses_to_replace_unless_forced(home: Path, passphrase_file: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["key", "init", "--passphrase-file", passphrase_file])
    first = KeyStore(home).fingerprint()
    assert cli.main(["key", "init", "--passphrase-file", passphrase_file]) == 1
    assert "--force" in capsys.readouterr().err
    assert KeyStore(home).fingerprint() == first
    assert cli.main(["key", "init", "--passphrase-file", passphrase_file, "--force"]) == 0
    assert KeyStore(home).fingerprint() != first


def test_init_with_environment_passphrase(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PANELDESK_PASSPHRASE", "env-passphrase")
    assert cli.main(["key", "init"]) == 0
    KeyStore(home).unlock("env-passphrase")


def test_init_without_any_passphrase_source(home: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["key", "init"]) == 1
    err = capsys.readouterr().err
    assert "PANELDESK_PASSPHRASE" in err and "--passphrase-file" in err
    assert not KeyStore(home).exists()


def test_corrupt_key_file_is_one_clear_line(home: Path, passphrase_file: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["key", "init", "--passphrase-file", passphrase_file])
    KeyStore(home).path.write_text("{not json", encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["key", "show", "--json"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "identity.json" in err and "Traceback" not in err
