"""Identity keys: creation, unlocking, hostile key files, passphrase sources, signatures."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from app import keys
from app.errors import PanelDeskError
from app.keys import (
    KeyStore,
    b64,
    demo_signing_key,
    fingerprint,
    format_fingerprint,
    public_key_bytes,
    resolve_passphrase,
    sign,
    unb64,
    verify_signature,
)

PASSPHRASE = "评审台-口令 2026"


@pytest.fixture
def store(tmp_path: Path) -> KeyStore:
    return KeyStore(tmp_path / "home")


@pytest.fixture
def created(store: KeyStore) -> KeyStore:
    store.create(PASSPHRASE)
    return store


def test_create_then_unlock_signs_with_the_stored_key(created: KeyStore) -> None:
    key = created.unlock(PASSPHRASE)
    public = created.public_key()
    assert public_key_bytes(key) == public
    assert created.fingerprint() == fingerprint(public)
    signature = sign(key, b"manifest bytes")
    assert len(signature) == 64
    assert verify_signature(public, signature, b"manifest bytes")
    assert not verify_signature(public, signature, b"manifest bytez")


def test_key_file_layout(created: KeyStore, tmp_path: Path) -> None:
    assert created.path == tmp_path / "home" / "keys" / "identity.json"
    doc = json.loads(created.path.read_text(encoding="utf-8"))
    assert doc["format"] == "paneldesk-key" and doc["version"] == 1
    assert doc["cipher"] == "chacha20poly1305"
    assert doc["kdf"]["name"] == "scrypt"
    assert (doc["kdf"]["n"], doc["kdf"]["r"], doc["kdf"]["p"]) == (2**15, 8, 1)
    assert len(unb64(doc["public_key"])) == 32
    assert doc["fingerprint"] == fingerprint(unb64(doc["public_key"]))
    raw_private = created.unlock(PASSPHRASE).private_bytes_raw()
    # The private key never appears in the clear.
    assert b64(raw_private) not in created.path.read_text(encoding="utf-8")
    assert raw_private not in created.path.read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE(created.path.stat().st_mode) == 0o600
    assert [p.name for p in created.path.parent.iterdir()] == ["identity.json"]  # no temp left


def test_fingerprint_shapes() -> None:
    public = bytes(range(32))
    fp = fingerprint(public)
    assert fp == hashlib.sha256(public).hexdigest()[:40]
    assert format_fingerprint(fp) == " ".join(fp.upper()[i:i + 4] for i in range(0, 40, 4))
    assert format_fingerprint("3f2a9c01") == "3F2A 9C01"


def test_wrong_passphrase(created: KeyStore) -> None:
    with pytest.raises(PanelDeskError, match="口令错误"):
        created.unlock("not the passphrase")


def test_passphrase_is_unicode_normalised(store: KeyStore) -> None:
    composed = unicodedata.normalize("NFC", "café-评审")
    store.create(composed)
    store.unlock(unicodedata.normalize("NFD", composed))  # typed on another OS: same key


def test_create_refuses_to_overwrite(created: KeyStore) -> None:
    first = created.fingerprint()
    with pytest.raises(PanelDeskError, match="已存在"):
        created.create("another")
    assert created.fingerprint() == first
    second = created.create("another", overwrite=True)
    assert second != first and created.fingerprint() == second
    created.unlock("another")


def test_empty_passphrase_refused_on_create(store: KeyStore) -> None:
    with pytest.raises(PanelDeskError, match="不能为空"):
        store.create("")
    assert not store.exists()


def test_missing_key_file(store: KeyStore) -> None:
    assert not store.exists()
    with pytest.raises(PanelDeskError, match="key init"):
        store.public_key()


def test_default_home_follows_paneldesk_home(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "custom"))
    assert KeyStore().path == tmp_path / "custom" / "keys" / "identity.json"


def _edit(path: Path, change) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")


def _other_public_key(doc: dict[str, Any]) -> None:
    other = public_key_bytes(demo_signing_key())
    doc["public_key"] = b64(other)
    doc["fingerprint"] = fingerprint(other)


@pytest.mark.parametrize("tamper", [
    lambda p: p.write_bytes(b"\x00\xff garbage"),
    lambda p: p.write_text("[1, 2, 3]", encoding="utf-8"),
    lambda p: p.write_text("{" * 100_000, encoding="utf-8"),
    lambda p: p.write_bytes(b" " * 200_000),
    lambda p: _edit(p, lambda d: d.update(format="something-else")),
    lambda p: _edit(p, lambda d: d.update(version=2)),
    lambda p: _edit(p, lambda d: d.update(public_key=b64(b"x" * 32))),
    lambda p: _edit(p, lambda d: d.update(nonce="not base64!")),
    lambda p: _edit(p, lambda d: d.update(ciphertext=b64(b"short"))),
    lambda p: _edit(p, lambda d: d["kdf"].update(n=2**30)),
    lambda p: _edit(p, lambda d: d["kdf"].update(n=3 * 2**14)),
    lambda p: _edit(p, lambda d: d["kdf"].update(r=10**9)),
    lambda p: _edit(p, lambda d: d["kdf"].update(n=2**20, r=32)),
    lambda p: _edit(p, lambda d: d["kdf"].update(name="md5")),
    lambda p: _edit(p, lambda d: d.pop("kdf")),
], ids=["binary", "array", "deep", "huge", "format", "version", "pubkey", "nonce", "ciphertext",
        "n-huge", "n-not-power", "r-huge", "memory-4GiB", "kdf-name", "no-kdf"])
def test_tampered_key_file_names_the_file(created: KeyStore, tamper) -> None:
    tamper(created.path)
    with pytest.raises(PanelDeskError) as info:
        created.unlock(PASSPHRASE)  # hostile KDF parameters are refused before scrypt runs
    assert str(created.path) in str(info.value)


def test_swapped_public_key_does_not_unlock(created: KeyStore) -> None:
    # A consistent-looking file whose public key was replaced: the AEAD binding refuses it.
    _edit(created.path, _other_public_key)
    assert created.public_key() == public_key_bytes(demo_signing_key())
    with pytest.raises(PanelDeskError, match="口令错误"):
        created.unlock(PASSPHRASE)


def test_changed_ciphertext_does_not_unlock(created: KeyStore) -> None:
    def flip(doc: dict[str, Any]) -> None:
        raw = bytearray(unb64(doc["ciphertext"]))
        raw[0] ^= 1
        doc["ciphertext"] = b64(bytes(raw))

    _edit(created.path, flip)
    with pytest.raises(PanelDeskError, match="口令错误"):
        created.unlock(PASSPHRASE)


# --- passphrase sources --------------------------------------------------------------------

@pytest.fixture
def no_tty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PANELDESK_PASSPHRASE", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def test_passphrase_from_file_first_line(tmp_path: Path, no_tty: None) -> None:
    path = tmp_path / "pass.txt"
    path.write_bytes("口令 with spaces \r\nsecond line\n".encode())
    assert resolve_passphrase(str(path)) == "口令 with spaces "


def test_passphrase_file_wins_over_environment(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "pass.txt"
    path.write_text("from-file\n", encoding="utf-8")
    monkeypatch.setenv("PANELDESK_PASSPHRASE", "from-env")
    assert resolve_passphrase(str(path)) == "from-file"
    assert resolve_passphrase(None) == "from-env"


def test_passphrase_file_problems(tmp_path: Path, no_tty: None) -> None:
    with pytest.raises(PanelDeskError, match="missing.txt"):
        resolve_passphrase(str(tmp_path / "missing.txt"))
    empty = tmp_path / "empty.txt"
    empty.write_text("\nsecond\n", encoding="utf-8")
    with pytest.raises(PanelDeskError, match="为空"):
        resolve_passphrase(str(empty))
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\xfa")
    with pytest.raises(PanelDeskError, match="binary.txt"):
        resolve_passphrase(str(binary))


def test_empty_environment_passphrase_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PANELDESK_PASSPHRASE", "")
    with pytest.raises(PanelDeskError, match="为空"):
        resolve_passphrase(None)


def test_no_source_explains_the_three_options(no_tty: None) -> None:
    with pytest.raises(PanelDeskError) as info:
        resolve_passphrase(None)
    message = str(info.value)
    assert "--passphrase-file" in message and "PANELDESK_PASSPHRASE" in message
    assert "终端" in message


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_prompt_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PANELDESK_PASSPHRASE", raising=False)
    monkeypatch.setattr(sys, "stdin", _Tty())
    answers = iter(["typed", "typed", "typed", "typed", "mistyped"])
    monkeypatch.setattr(keys.getpass, "getpass", lambda prompt="": next(answers))
    assert resolve_passphrase(None) == "typed"
    assert resolve_passphrase(None, confirm=True) == "typed"
    with pytest.raises(PanelDeskError, match="不一致"):
        resolve_passphrase(None, confirm=True)


# --- signatures and the demo key ------------------------------------------------------------

def test_verify_signature_never_raises_on_garbage() -> None:
    public = public_key_bytes(demo_signing_key())
    assert not verify_signature(b"short", bytes(64), b"data")
    assert not verify_signature(public, b"short", b"data")
    assert not verify_signature(public, bytes(64), b"data")
    assert not verify_signature(b"\xff" * 32, bytes(64), b"data")


def test_demo_key_is_deterministic_and_documented() -> None:
    seed = hashlib.sha256(b"PanelDesk demo organizer key - public, for the built-in demo only")
    key = demo_signing_key()
    assert key.private_bytes_raw() == seed.digest()
    assert public_key_bytes(key) == public_key_bytes(demo_signing_key())


def test_base64_is_strict() -> None:
    assert unb64(b64(b"\x00\x01")) == b"\x00\x01"
    for bad in ("###", "YWJj\n", "中文"):
        with pytest.raises(ValueError):
            unb64(bad)
