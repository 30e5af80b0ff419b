"""Packets encrypted at rest: the public header, the key and the chunk cipher (docs/formats.md §11).

An encrypted ("sealed") packet is the signed .panelpack, byte for byte, encrypted in fixed
chunks with AES-256-GCM under a key that scrypt derives from a passphrase: sign, then
encrypt, so the signature still covers exactly what the organizer built.  The file starts
with a small public header (magic, version, KDF parameters, salt, chunk size, plaintext
size) and a key-check tag; then the chunks, each its plaintext plus a 16-byte tag.

Every chunk's nonce is its index and its associated data is the whole header plus its
index and the chunk count, so a chunk moved, swapped, dropped or taken from another file
fails to authenticate; the file size must be exactly what the header promises.  The key is
unique per file (a fresh random salt each time), which is what makes counter nonces safe.

The header comes from outside: every field is bounded and the memory and work scrypt may
take are capped *before* the KDF runs (`check_header`).  Reading is `app.packet.sealed_file`.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import struct
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.passphrase_file import passphrase_in_file

MAGIC = b"\x89PDSEAL\n"  # not "PK": no zip tool mistakes it for a packet it can read
VERSION = 1
CIPHER_AES_256_GCM = 1
KDF_SCRYPT = 1
# magic, version, cipher, kdf, log2(n), two reserved (zero) fields, r, p, chunk size,
# plaintext size, salt
_FIELDS = struct.Struct(">8sHBBBBHIIIQ16s")
TAG_SIZE = 16
HEADER_SIZE = _FIELDS.size + TAG_SIZE  # the fields, then the key-check tag
CHUNK_SIZE = 64 * 1024

# Default cost: ~0.6 s and 128 MiB on a 2020s laptop, once per opening.
DEFAULT_LOG2_N, DEFAULT_R, DEFAULT_P = 17, 8, 1
# A hostile header must not make us allocate or compute much before anything is checked.
MAX_LOG2_N, MAX_R, MAX_P = 20, 16, 4
MAX_KDF_MEMORY = 256 * 1024 * 1024  # scrypt needs 128·n·r bytes
MAX_KDF_WORK = 2**21  # n·r·p: 2× the default — ~1.2 s idle, still < 5 s on a loaded machine
MIN_CHUNK, MAX_CHUNK = 4 * 1024, 1024 * 1024
MAX_PLAIN_SIZE = 2**44  # 16 TiB: far above any packet, far below overflow

PASSPHRASE_ENV = "PANELDESK_PACKET_PASSPHRASE"
_CHECK_DOMAIN, _CHUNK_DOMAIN = b"\x00\x00\x00\x01", b"\x00\x00\x00\x00"

# Messages the interface translates (context "PacketSeal"); the CLI prints the Chinese.
MSG_WRONG = QT_TRANSLATE_NOOP("PacketSeal", "口令错误：无法解开加密评审包 {name}（口令不对，或文件头已被改动）")
MSG_NEEDED = QT_TRANSLATE_NOOP(
    "PacketSeal", "评审包 {name} 已加密：请提供评审包口令（--packet-passphrase-file 或环境变量 {env}）")


class SealError(PanelDeskError):
    """A problem with an encrypted packet; `template` and `fields` let the GUI translate it."""

    def __init__(self, template: str, **fields: object) -> None:
        super().__init__(template.format(**fields))
        self.template = template
        self.fields = fields


class WrongPassphrase(SealError):
    """The key-check tag did not verify: wrong passphrase (or an edited header)."""


class PassphraseRequired(SealError):
    """The packet is encrypted and no passphrase was given."""


@dataclass(frozen=True)
class KdfParams:
    log2_n: int = DEFAULT_LOG2_N
    r: int = DEFAULT_R
    p: int = DEFAULT_P


DEFAULT_KDF = KdfParams()  # looked up at each build, so tests may make it cheaper


@dataclass(frozen=True)
class Header:
    """The public header of an encrypted packet; `raw` is its bytes (without the tag)."""

    kdf: KdfParams
    chunk_size: int
    plain_size: int
    salt: bytes
    check_tag: bytes
    raw: bytes

    @property
    def chunk_count(self) -> int:
        return -(-self.plain_size // self.chunk_size)

    @property
    def file_size(self) -> int:
        return HEADER_SIZE + self.plain_size + self.chunk_count * TAG_SIZE

    @property
    def kdf_memory(self) -> int:
        return 128 * (1 << self.kdf.log2_n) * self.kdf.r

    @property
    def packet_key_id(self) -> str:
        """What names this encrypted file for a remembered passphrase (its salt)."""
        return self.salt.hex()

    def chunk_nonce(self, index: int) -> bytes:
        return _CHUNK_DOMAIN + index.to_bytes(8, "big")

    def chunk_ad(self, index: int) -> bytes:
        return self.raw + index.to_bytes(8, "big") + self.chunk_count.to_bytes(8, "big")


def has_magic(path: Path | str) -> bool:
    """True if the file starts like an encrypted packet (unreadable files: False)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def read_header(fh: BinaryIO, name: str) -> Header:
    """Parse and bound the public header of `fh` (positioned at 0); checks the file size."""
    raw = fh.read(HEADER_SIZE)
    if len(raw) != HEADER_SIZE or not raw.startswith(MAGIC):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "{name} 不是加密评审包，或文件头被截断"),
            name=name))
    (_, version, cipher, kdf, log2_n, reserved0, reserved1, r, p, chunk, size,
     salt) = _FIELDS.unpack(raw[:_FIELDS.size])
    header = Header(KdfParams(log2_n, r, p), chunk, size, salt, raw[_FIELDS.size:],
                    raw[:_FIELDS.size])
    problem = _header_problem(version, cipher, kdf, reserved0 | reserved1, header)
    if problem:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "加密评审包 {name} 的文件头无效：{problem}"),
            name=name, problem=problem))
    actual = os.fstat(fh.fileno()).st_size
    if actual != header.file_size:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "加密评审包 {name} 的长度不符（{actual} 字节，文件头要求 {file_size} 字节）：文件被截断或附加了内容"),
            name=name, actual=actual, file_size=header.file_size))
    return header


def _header_problem(version: int, cipher: int, kdf: int, reserved: int,
                    header: Header) -> str:
    """Why these header values are refused ('' when they are acceptable)."""
    params = header.kdf
    if version != VERSION:
        return f"不支持的版本 {version}"
    if cipher != CIPHER_AES_256_GCM or kdf != KDF_SCRYPT or reserved:
        return "不支持的加密算法或密钥派生算法"
    if not (1 <= params.log2_n <= MAX_LOG2_N and 1 <= params.r <= MAX_R
            and 1 <= params.p <= MAX_P):
        return (f"密钥派生参数超出范围（n=2^{params.log2_n}, r={params.r}, p={params.p}；"
                f"上限 n=2^{MAX_LOG2_N}, r={MAX_R}, p={MAX_P}）")
    if header.kdf_memory > MAX_KDF_MEMORY or (1 << params.log2_n) * params.r * params.p \
            > MAX_KDF_WORK:
        return "密钥派生所需的内存或计算量超过上限"
    if header.chunk_size & (header.chunk_size - 1) or not \
            MIN_CHUNK <= header.chunk_size <= MAX_CHUNK:
        return f"分块大小 {header.chunk_size} 不受支持"
    if not 1 <= header.plain_size <= MAX_PLAIN_SIZE:
        return f"内容长度 {header.plain_size} 超出范围"
    return ""


def _normalise(passphrase: str) -> bytes:
    # The same words typed on another keyboard or OS must give the same key.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_key(header: Header, passphrase: str, name: str) -> bytes:
    """Run scrypt with the (already bounded) header parameters and check the key.

    Raises WrongPassphrase when the key-check tag does not verify.
    """
    params = header.kdf
    key = Scrypt(salt=header.salt, length=32, n=1 << params.log2_n, r=params.r,
                 p=params.p).derive(_normalise(passphrase))
    try:
        AESGCM(key).decrypt(_CHECK_DOMAIN + bytes(8), header.check_tag, header.raw)
    except InvalidTag:
        raise WrongPassphrase(MSG_WRONG, name=name) from None
    return key


# --- writing ---------------------------------------------------------------------------------

def seal_file(plain: Path, target: Path, passphrase: str, kdf: KdfParams | None = None,
              chunk_size: int = CHUNK_SIZE) -> None:
    """Encrypt the finished packet `plain` into `target` (written next to it, then renamed)."""
    if not passphrase:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包口令不能为空")))
    kdf = kdf or DEFAULT_KDF
    size = plain.stat().st_size
    salt = secrets.token_bytes(16)
    raw = _FIELDS.pack(MAGIC, VERSION, CIPHER_AES_256_GCM, KDF_SCRYPT, kdf.log2_n, 0, 0,
                       kdf.r, kdf.p, chunk_size, size, salt)
    draft = Header(kdf, chunk_size, size, salt, b"", raw)
    problem = _header_problem(VERSION, CIPHER_AES_256_GCM, KDF_SCRYPT, 0, draft)
    if problem:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "无法加密评审包：{problem}"),
            problem=problem))
    key = Scrypt(salt=salt, length=32, n=1 << kdf.log2_n, r=kdf.r, p=kdf.p).derive(
        _normalise(passphrase))
    aead = AESGCM(key)
    check = aead.encrypt(_CHECK_DOMAIN + bytes(8), b"", raw)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(plain, "rb") as src, open(tmp, "xb") as out:
            out.write(raw + check)
            for index in range(draft.chunk_count):
                block = src.read(chunk_size)
                if len(block) != min(chunk_size, size - index * chunk_size):
                    raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {plain} 在加密时被改动"),
                        plain=plain))
                out.write(aead.encrypt(draft.chunk_nonce(index), block, draft.chunk_ad(index)))
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "无法写入加密评审包 {target}：{reason}"),
            target=target, reason=err.strerror or err)) from err
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def passphrase_from(passphrase_file: str | os.PathLike[str] | None, *,
                    environ: dict[str, str] | None = None) -> str | None:
    """The packet passphrase from a file (first line) or $PANELDESK_PACKET_PASSPHRASE, or None."""
    env = os.environ if environ is None else environ
    if passphrase_file:
        return passphrase_in_file(passphrase_file, QT_TRANSLATE_NOOP("Passphrase", "评审包口令文件"))
    if env.get(PASSPHRASE_ENV):
        return env[PASSPHRASE_ENV]
    return None


def public_facts(path: Path) -> dict[str, object]:
    """What an encrypted packet shows without its passphrase: the header, nothing inside."""
    try:
        with open(path, "rb") as fh:
            header = read_header(fh, str(path))
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "无法读取评审包 {path}：{reason}"),
            path=path, reason=err.strerror or err)) from None
    return {
        "encrypted": True, "format_version": VERSION, "cipher": "AES-256-GCM",
        "kdf": {"name": "scrypt", "n": 1 << header.kdf.log2_n, "r": header.kdf.r,
                "p": header.kdf.p, "memory_bytes": header.kdf_memory},
        "chunk_size": header.chunk_size, "chunks": header.chunk_count,
        "content_size": header.plain_size, "file_size": header.file_size,
    }


def packet_key_id(path: Path) -> str:
    """The public name of an encrypted packet's passphrase (its salt), for remembering it."""
    try:
        with open(path, "rb") as fh:
            return read_header(fh, str(path)).packet_key_id
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "无法读取评审包 {path}：{reason}"),
            path=path, reason=err.strerror or err)) from None
