"""Ed25519 identity keys: creation, encrypted storage, signing, fingerprints.

Each user (organizer or expert) has one identity key at `user_data_dir()/keys/identity.json`.
The public key sits in the file in the clear, so `paneldesk key show` needs no passphrase;
the raw 32-byte private key is encrypted with ChaCha20-Poly1305 under a key derived from
the passphrase with scrypt (n=2**15, r=8, p=1 — about 32 MiB and 0.1 s per unlock, which
makes guessing expensive without annoying a person).  The AEAD's associated data binds
the ciphertext to the stored public key, so swapping keys inside the file is detected.

Fingerprints are the first 20 bytes of SHA-256 over the raw public key, shown to humans
in groups of four hex digits so they can be compared over the phone.

`demo_signing_key()` is deliberately public: it signs only the built-in demo packet.
"""

from __future__ import annotations

import base64
import binascii
import getpass
import hashlib
import json
import os
import secrets
import sys
import unicodedata
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.passphrase_file import passphrase_in_file
from app.paths import user_data_dir

KEY_FORMAT = "paneldesk-key"
KEY_VERSION = 1
KEY_FILE_NAME = "identity.json"
PASSPHRASE_ENV = "PANELDESK_PASSPHRASE"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
# Bounds for KDF parameters read back from a file: a hostile file must not make us
# allocate gigabytes or spin for minutes before the passphrase is even checked.
_MAX_SCRYPT_N, _MAX_SCRYPT_R, _MAX_SCRYPT_P = 2**20, 32, 4
_MAX_SCRYPT_MEMORY = 256 * 1024 * 1024  # scrypt needs 128·n·r bytes; the default uses 32 MiB
_MAX_KEY_FILE = 64 * 1024
# What the key's errors say (the windows show them through ui.i18n.error_text).
EMPTY_PASSPHRASE = QT_TRANSLATE_NOOP("Keys", "口令不能为空")
WRONG_PASSPHRASE = QT_TRANSLATE_NOOP("Keys", "口令错误，无法解锁密钥 {path}"
                                     "（若确认口令无误，则密钥文件可能已被改动）")
KEYS_DIFFER = QT_TRANSLATE_NOOP("Keys", "密钥文件已损坏：{path}（私钥与公钥不匹配）")
NO_KEY = QT_TRANSLATE_NOOP("Keys", "尚未创建密钥（{path}），请先运行 paneldesk key init")
UNREADABLE = QT_TRANSLATE_NOOP("Keys", "无法读取密钥文件 {path}：{detail}")
MALFORMED = QT_TRANSLATE_NOOP("Keys", "密钥文件已损坏或格式不正确：{path}（{detail}）")
DEMO_SEED_TEXT = b"PanelDesk demo organizer key - public, for the built-in demo only"


def b64(data: bytes) -> str:
    """Standard base64 text of `data`."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    """Decode strict standard base64; raises ValueError on anything else."""
    if not isinstance(text, str):
        raise ValueError("base64 value must be a string")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as err:
        raise ValueError(f"invalid base64: {err}") from err


def fingerprint(public_key: bytes) -> str:
    """First 20 bytes of SHA-256(raw public key), as 40 lowercase hex digits."""
    return hashlib.sha256(public_key).digest()[:20].hex()


def format_fingerprint(fp: str) -> str:
    """"3f2a9c01…" → "3F2A 9C01 …" (groups of four, for reading aloud)."""
    clean = fp.replace(" ", "").upper()
    return " ".join(clean[i:i + 4] for i in range(0, len(clean), 4))


def public_key_bytes(key: Ed25519PrivateKey) -> bytes:
    """The raw 32-byte public key of `key`."""
    return key.public_key().public_bytes_raw()


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    """The raw 64-byte Ed25519 signature of `data`."""
    return key.sign(data)


def verify_signature(public_key: bytes, signature: bytes, data: bytes) -> bool:
    """True when `signature` is a valid Ed25519 signature of `data` by `public_key`.

    Malformed keys or signatures are simply invalid (False), never an exception.
    """
    if len(public_key) != 32 or len(signature) != 64:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def demo_signing_key() -> Ed25519PrivateKey:
    """The public demo key: seed = SHA-256 of `DEMO_SEED_TEXT`.  Signs the demo packet only."""
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(DEMO_SEED_TEXT).digest())


def _normalise(passphrase: str) -> bytes:
    # NFC so the same Chinese passphrase typed on macOS and Windows gives the same bytes.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(_normalise(passphrase))


def _aad(public_key: bytes) -> bytes:
    return f"{KEY_FORMAT}/{KEY_VERSION}:".encode("ascii") + public_key


class KeyStore:
    """The user's identity key file under `home` (default: `user_data_dir()`)."""

    def __init__(self, home: Path | None = None) -> None:
        self.home = Path(home) if home is not None else None
        base = self.home if self.home is not None else user_data_dir()
        self.path = base / "keys" / KEY_FILE_NAME

    def exists(self) -> bool:
        return self.path.is_file()

    def create(self, passphrase: str, *, overwrite: bool = False) -> str:
        """Generate a new key, store it encrypted, return its fingerprint."""
        if not passphrase:
            raise PanelDeskError(Message("Keys", EMPTY_PASSPHRASE))
        if self.path.exists() and not overwrite:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Keys", "密钥已存在：{path}。如确需重新生成，请使用 --force（旧密钥将被替换，已登记的指纹需要重新确认）"), path=self.path))
        key = Ed25519PrivateKey.generate()
        public = public_key_bytes(key)
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        secret = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        ciphertext = ChaCha20Poly1305(secret).encrypt(nonce, key.private_bytes_raw(),
                                                      _aad(public))
        document = {
            "format": KEY_FORMAT, "version": KEY_VERSION,
            "public_key": b64(public), "fingerprint": fingerprint(public),
            "kdf": {"name": "scrypt", "salt": b64(salt), "n": SCRYPT_N, "r": SCRYPT_R,
                    "p": SCRYPT_P},
            "cipher": "chacha20poly1305", "nonce": b64(nonce), "ciphertext": b64(ciphertext),
        }
        _write_atomic(self.path, (json.dumps(document, indent=2) + "\n").encode("utf-8"))
        return fingerprint(public)

    def public_key(self) -> bytes:
        return self._load()[0]

    def fingerprint(self) -> str:
        return fingerprint(self.public_key())

    def unlock(self, passphrase: str) -> Ed25519PrivateKey:
        """Decrypt the private key; wrong passphrase → PanelDeskError("口令错误…")."""
        public, doc = self._load()
        kdf = doc["kdf"]
        secret = _derive(passphrase, kdf["salt"], kdf["n"], kdf["r"], kdf["p"])
        try:
            raw = ChaCha20Poly1305(secret).decrypt(doc["nonce"], doc["ciphertext"], _aad(public))
        except InvalidTag:
            raise PanelDeskError(Message("Keys", WRONG_PASSPHRASE, path=self.path)) from None
        key = Ed25519PrivateKey.from_private_bytes(raw)
        if public_key_bytes(key) != public:
            raise PanelDeskError(Message("Keys", KEYS_DIFFER, path=self.path))
        return key

    def _load(self) -> tuple[bytes, dict[str, Any]]:
        """Read and validate the key file; returns (public key, decoded fields)."""
        if not self.path.is_file():
            raise PanelDeskError(Message("Keys", NO_KEY, path=self.path))
        try:
            with open(self.path, "rb") as fh:
                raw = fh.read(_MAX_KEY_FILE + 1)
        except OSError as err:
            raise PanelDeskError(Message("Keys", UNREADABLE, path=self.path,
                                         detail=err.strerror or err)) from err
        try:
            if len(raw) > _MAX_KEY_FILE:
                raise ValueError("file too large")
            return _parse_key_document(json.loads(raw.decode("utf-8")))
        except (ValueError, TypeError, KeyError, RecursionError) as err:
            raise PanelDeskError(Message("Keys", MALFORMED, path=self.path, detail=err)) from None


def _parse_key_document(doc: Any) -> tuple[bytes, dict[str, Any]]:
    """Validate every field of a key file; raise ValueError naming the bad one."""
    if not isinstance(doc, dict):
        raise ValueError("not a JSON object")
    if doc.get("format") != KEY_FORMAT:
        raise ValueError("format is not paneldesk-key")
    version = doc.get("version")
    if type(version) is not int or version != KEY_VERSION:
        raise ValueError(f"unsupported version {version!r}")
    if doc.get("cipher") != "chacha20poly1305":
        raise ValueError("unsupported cipher")
    public = unb64(doc.get("public_key"))
    if len(public) != 32:
        raise ValueError("public_key must be 32 bytes")
    if doc.get("fingerprint") != fingerprint(public):
        raise ValueError("fingerprint does not match public_key")
    kdf = doc.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("name") != "scrypt":
        raise ValueError("kdf must be scrypt")
    n, r, p = kdf.get("n"), kdf.get("r"), kdf.get("p")
    if not all(type(v) is int for v in (n, r, p)):
        raise ValueError("kdf parameters must be integers")
    if not (2**14 <= n <= _MAX_SCRYPT_N and n & (n - 1) == 0):
        raise ValueError("kdf n out of range")
    if not (1 <= r <= _MAX_SCRYPT_R and 1 <= p <= _MAX_SCRYPT_P):
        raise ValueError("kdf r/p out of range")
    if 128 * n * r > _MAX_SCRYPT_MEMORY:
        raise ValueError("kdf memory cost out of range")
    salt = unb64(kdf.get("salt"))
    nonce = unb64(doc.get("nonce"))
    ciphertext = unb64(doc.get("ciphertext"))
    if not 16 <= len(salt) <= 64:
        raise ValueError("salt length")
    if len(nonce) != 12 or len(ciphertext) != 48:
        raise ValueError("nonce/ciphertext length")
    return public, {"kdf": {"salt": salt, "n": n, "r": r, "p": p}, "nonce": nonce,
                    "ciphertext": ciphertext}


def _write_atomic(path: Path, data: bytes) -> None:
    """tmp file (0600) + fsync + os.replace, so a crash never leaves half a key file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(path.parent, 0o700)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o600)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        if os.name == "posix":
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Keys", "无法写入密钥文件 {path}：{reason}"),
            path=path, reason=err.strerror or err)) from err


def resolve_passphrase(passphrase_file: str | None, *, confirm: bool = False) -> str:
    """The passphrase from --passphrase-file, else $PANELDESK_PASSPHRASE, else a prompt."""
    if passphrase_file:
        return passphrase_in_file(passphrase_file, QT_TRANSLATE_NOOP("Passphrase", "口令文件"))
    if PASSPHRASE_ENV in os.environ:
        passphrase = os.environ[PASSPHRASE_ENV]
        if not passphrase:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Keys", "环境变量 {passphrase_env} 为空，口令不能为空"), passphrase_env=PASSPHRASE_ENV))
        return passphrase
    if sys.stdin is not None and sys.stdin.isatty():
        passphrase = getpass.getpass("请输入密钥口令：")
        if not passphrase:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Keys", "口令不能为空")))
        if confirm and getpass.getpass("请再次输入口令：") != passphrase:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Keys", "两次输入的口令不一致")))
        return passphrase
    raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
        "Keys", "需要密钥口令：请用 --passphrase-file 指定口令文件（第一行为口令），或设置环境变量 {passphrase_env}，或在终端中交互运行以输入口令"),
        passphrase_env=PASSPHRASE_ENV))
