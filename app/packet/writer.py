"""Write a signed .panelpack, streaming: files go to disk as they are added.

The zip is written to a temporary file next to the destination and moved into place
with `os.replace` only after the manifest and its signature are written and fsynced,
so a crash or a cancelled build never leaves a half packet under the final name.

Every member is written the same canonical way (fixed timestamp 1980-01-01, Unix mode
0644, no extra fields, no data descriptors), which makes packets reproducible and lets
`Packet.verify_all()` notice a change to any byte of the container, not just the data.
Media that is already compressed is stored; text is deflated unless that would exceed
the reader's compression-ratio limit (a 2 MB text of repeated lines is stored instead).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import struct
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.atomic import pending
from app.canonical import canonical_json, sha256_hex
from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.keys import b64, fingerprint, public_key_bytes, sign
from app.packet.limits import (
    MANIFEST_NAME,
    RESERVED_NAMES,
    SIGNATURE_NAME,
    Limits,
    name_problem,
)
from app.packet.manifest import Manifest

FIXED_DATE_TIME = (1980, 1, 1, 0, 0, 0)
FILE_ATTR = 0o100644 << 16
UNIX_SYSTEM = 3
# Containers that are compressed already: deflating them again costs time and gains nothing.
STORED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".pdf", ".docx",
                             ".xlsx", ".pptx", ".zip", ".mp3", ".mp4", ".gz", ".bz2", ".xz",
                             ".7z", ".rar"})
_PROBE = 64 * 1024


# What zipfile writes for our members (see zipfile.ZipInfo.FileHeader and
# ZipFile._write_end_record); `Packet.verify_all()` compares the file against these.
ZIP64_LIMIT = (1 << 31) - 1  # above this offset zipfile moves the offset into a zip64 extra
_DOS_TIME, _DOS_DATE = 0, (1 << 5) | 1  # FIXED_DATE_TIME in MS-DOS format
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_EOCD = struct.Struct("<4sHHHHIIH")  # end of central directory, 22 bytes
_EOCD64 = struct.Struct("<4sQHHIIQQQQ")  # zip64 end of central directory, 56 bytes
_LOCATOR = struct.Struct("<4sIQI")  # zip64 locator, 20 bytes


def local_header_bytes(info: zipfile.ZipInfo) -> bytes:
    """The exact local file header PacketWriter writes for `info`."""
    name = info.orig_filename.encode("ascii")
    return _LOCAL.pack(b"PK\x03\x04", 20, 0, info.compress_type, _DOS_TIME, _DOS_DATE,
                       info.CRC, info.compress_size, info.file_size, len(name), 0) + name


def central_entry_bytes(info: zipfile.ZipInfo) -> bytes:
    """The exact central directory entry PacketWriter writes for `info`."""
    name = info.orig_filename.encode("ascii")
    zip64 = info.header_offset > ZIP64_LIMIT
    extra = struct.pack("<HHQ", 1, 8, info.header_offset) if zip64 else b""
    version = 45 if zip64 else 20
    return _CENTRAL.pack(b"PK\x01\x02", version, UNIX_SYSTEM, version, 0, 0,
                         info.compress_type, _DOS_TIME, _DOS_DATE, info.CRC,
                         info.compress_size, info.file_size, len(name), len(extra), 0, 0, 0,
                         FILE_ATTR, 0xFFFFFFFF if zip64 else info.header_offset) + name + extra


def member_info(name: str, compress_type: int) -> zipfile.ZipInfo:
    """The canonical ZipInfo every packet member is written with."""
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE_TIME)
    info.compress_type = compress_type
    info.create_system = UNIX_SYSTEM
    info.external_attr = FILE_ATTR
    return info


class PacketWriter:
    """Stream files into a new packet at `path`; `finish()` signs and publishes it."""

    def __init__(self, path: Path, limits: Limits | None = None) -> None:
        self.path = Path(path)
        self.limits = limits or Limits()
        self._added: dict[str, tuple[int, str]] = {}
        self._total = 0
        self._done = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._tmp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.tmp")
            pending(self._tmp)  # noted first: a signal may come before abort() could run
            self._fh = open(self._tmp, "xb")  # noqa: SIM115 — closed in finish()/abort()
        except OSError as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "无法创建评审包 {path}：{reason}"),
                path=self.path, reason=err.strerror or err)) from err
        self._zip = zipfile.ZipFile(self._fh, "w", allowZip64=True)

    # -- adding -----------------------------------------------------------------------------

    def add_file(self, name: str, data: bytes) -> tuple[int, str]:
        """Write one member now; returns (size, sha256 hex) for the manifest."""
        self._check_open()
        problem = name_problem(name)
        if problem is None and name in RESERVED_NAMES:
            problem = "与清单文件重名"
        if problem:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包文件名不安全：{name}（{problem}）"),
                name=repr(name), problem=problem))
        if name in self._added:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包文件名重复：{name}"), name=name))
        size = len(data)
        if size > self.limits.max_file or size * 1.05 > ZIP64_LIMIT:
            # Members never need zip64 fields of their own (see local_header_bytes).
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Packet", "文件 {name} 过大（{size} 字节），超过评审包单个文件上限 {max_file} 字节"),
                name=name, size=size, max_file=self.limits.max_file))
        if self._total + size > self.limits.max_total:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Packet", "评审包总大小将超过上限 {max_total} 字节（添加 {name} 时）"),
                max_total=self.limits.max_total, name=name))
        self._write(name, data, self._compression_for(name, data))
        digest = hashlib.sha256(data).hexdigest()
        self._added[name] = (size, digest)
        self._total += size
        return size, digest

    def _compression_for(self, name: str, data: bytes) -> int:
        if PurePosixPath(name).suffix.lower() in STORED_SUFFIXES or len(data) < 64:
            return zipfile.ZIP_STORED
        if len(data) > _PROBE:
            # Cheap probe on the first 64 KiB: skip deflate for incompressible blobs.
            probe = zlib.compress(data[:_PROBE], 1)
            if len(probe) > 0.9 * _PROBE:
                return zipfile.ZIP_STORED
            if len(data) > self.limits.ratio_min_size:
                # The reader refuses members above the ratio limit; check before writing.
                packed = len(zlib.compress(data, 6))
                if len(data) > self.limits.max_ratio * max(packed, 1) * 0.9:
                    return zipfile.ZIP_STORED
        return zipfile.ZIP_DEFLATED

    def _write(self, name: str, data: bytes, compress_type: int) -> None:
        try:
            self._zip.writestr(member_info(name, compress_type), data, compress_type,
                               compresslevel=6 if compress_type == zipfile.ZIP_DEFLATED else None)
        except OSError as err:
            self.abort()
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "写入评审包 {path} 失败：{reason}"),
                path=self.path, reason=err.strerror or err)) from err

    # -- finishing ----------------------------------------------------------------------------

    def finish(self, manifest: Manifest, key: Ed25519PrivateKey) -> str:
        """Sign the manifest, write it, publish the packet; returns "sha256:<manifest hex>".

        Any problem aborts the packet (the temporary file is removed) and raises.
        """
        self._check_open()
        try:
            return self._finish(manifest, key)
        except BaseException:
            self.abort()
            raise

    def _finish(self, manifest: Manifest, key: Ed25519PrivateKey) -> str:
        public = public_key_bytes(key)
        manifest.organizer_public_key = b64(public)
        manifest.organizer_fingerprint = fingerprint(public)
        manifest.check()
        listed = manifest.files()
        for name, entry in listed.items():
            if name not in self._added:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "Packet", "评审包清单列出的文件 {name} 未写入评审包"), name=name))
            size, digest = self._added[name]
            if (entry.size, entry.sha256) != (size, digest):
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "Packet", "评审包清单中文件 {name} 的大小或 SHA-256 与写入的内容不符"), name=name))
        extra = sorted(set(self._added) - set(listed))
        if extra:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包中写入了清单未列出的文件：{extra}"),
                extra=extra[0]))
        try:
            manifest_bytes = canonical_json(manifest.to_dict())
        except (TypeError, ValueError) as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包清单无法序列化：{err}"),
                err=err)) from err
        values = sum(manifest_bytes.count(c) for c in (b",", b"{", b"["))
        if len(manifest_bytes) > self.limits.max_manifest or values > self.limits.max_manifest_values:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Packet", "评审包清单过大（{count} 字节，约 {values} 个条目）"),
                count=len(manifest_bytes), values=values))
        self._write(MANIFEST_NAME, manifest_bytes,
                    self._compression_for(MANIFEST_NAME, manifest_bytes))
        self._write(SIGNATURE_NAME, sign(key, manifest_bytes), zipfile.ZIP_STORED)
        try:
            self._zip.close()
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            os.replace(self._tmp, self.path)
            pending(self._tmp, live=False)
            _fsync_dir(self.path.parent)
        except OSError as err:
            self.abort()
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "写入评审包 {path} 失败：{reason}"),
                path=self.path, reason=err.strerror or err)) from err
        self._done = True
        return "sha256:" + sha256_hex(manifest_bytes)

    def abort(self) -> None:
        """Drop the temporary file; the destination is left as it was."""
        if self._done:
            return
        self._done = True
        with contextlib.suppress(Exception):
            self._zip.close()
        with contextlib.suppress(OSError):
            self._fh.close()
        with contextlib.suppress(OSError):
            self._tmp.unlink(missing_ok=True)
        pending(self._tmp, live=False)

    def _check_open(self) -> None:
        if self._done:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包已完成或已放弃，不能再写入")))

    def __enter__(self) -> PacketWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc_type is not None or not self._done:
            # An exception, or a `with` block left without finish(): never publish.
            self.abort()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# --- checking: is a file exactly what this writer writes? ------------------------------------

class NotCanonical(Exception):
    """The container differs from PacketWriter's output; the message says where (Chinese)."""


def check_container(fh: BinaryIO, infos: list[zipfile.ZipInfo], *,
                    local_headers: bool = True) -> None:
    """Every header byte must be what PacketWriter writes for these members.

    The expected bytes are rebuilt from the parsed central directory and compared with
    the file; members must sit back to back from offset 0, followed by the central
    directory and the end records, with nothing before, between or after.  With
    `local_headers=False` the local headers are left to the caller (who compares
    `local_header_bytes(info)` while streaming the members in one sequential pass).
    """
    file_size = fh.seek(0, os.SEEK_END)  # not fstat: an encrypted packet's view has no fd
    position = 0
    for info in sorted(infos, key=lambda i: i.header_offset):
        if info.header_offset != position:
            raise NotCanonical(Message(QT_TRANSLATE_NOOP("Packet", "{orig_filename} 之前有多余或缺失的数据"),
                orig_filename=info.orig_filename))
        expected = local_header_bytes(info)
        if local_headers:
            fh.seek(position)
            if fh.read(len(expected)) != expected:
                raise NotCanonical(Message(QT_TRANSLATE_NOOP(
                    "Packet", "{orig_filename} 的本地文件头不是标准格式或与目录不一致"),
                    orig_filename=info.orig_filename))
        position += len(expected) + info.compress_size
    expected_cd = b"".join(central_entry_bytes(info) for info in infos)
    fh.seek(position)
    if fh.read(len(expected_cd)) != expected_cd:
        raise NotCanonical(Message(QT_TRANSLATE_NOOP("Packet", "中央目录不是标准格式")))
    _check_tail(fh, file_size, position, len(expected_cd), len(infos))


def _check_tail(fh: BinaryIO, file_size: int, cd_offset: int, cd_size: int, count: int) -> None:
    """The end records must describe exactly our central directory and end the file."""
    fh.seek(file_size - _EOCD.size)
    eocd = _EOCD.unpack(fh.read(_EOCD.size))
    end_of_cd = cd_offset + cd_size
    zip64 = count > 0xFFFF or cd_offset > ZIP64_LIMIT or cd_size > ZIP64_LIMIT
    expected = (b"PK\x05\x06", 0, 0, min(count, 0xFFFF), min(count, 0xFFFF),
                min(cd_size, 0xFFFFFFFF), min(cd_offset, 0xFFFFFFFF), 0)
    if eocd != expected:
        raise NotCanonical(Message(QT_TRANSLATE_NOOP("Packet", "目录结束记录不一致")))
    if not zip64:
        if end_of_cd != file_size - _EOCD.size:
            raise NotCanonical(Message(QT_TRANSLATE_NOOP("Packet", "目录之后有多余的数据")))
        return
    if end_of_cd != file_size - _EOCD.size - _LOCATOR.size - _EOCD64.size:
        raise NotCanonical(Message(QT_TRANSLATE_NOOP("Packet", "目录之后有多余的数据")))
    fh.seek(end_of_cd)
    record = _EOCD64.unpack(fh.read(_EOCD64.size))
    locator = _LOCATOR.unpack(fh.read(_LOCATOR.size))
    if record != (b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, cd_size, cd_offset):
        raise NotCanonical(Message(QT_TRANSLATE_NOOP("Packet", "ZIP64 目录结束记录不一致")))
    if locator != (b"PK\x06\x07", 0, end_of_cd, 1):
        raise NotCanonical(Message(QT_TRANSLATE_NOOP("Packet", "ZIP64 定位记录不一致")))
