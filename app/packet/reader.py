"""Open a .panelpack that may be hostile, without extracting anything.

Order of trust (docs/formats.md §2): the zip's central directory is read, every member
name is checked (duplicates, zip-slip, non-ASCII), then `manifest.json` is read (bounded)
and its Ed25519 signature is verified on the raw bytes before any of its content is
believed.  Only then is the manifest parsed and the member list compared with it:
nothing extra, nothing missing, sizes equal, no symlinks, no encryption, sizes and
compression ratios bounded.  Member data is read on demand, one member at a time, by
our own small local-header reader (`app.packet.members`): it bounds decompression to the
size the signed manifest promises and checks the SHA-256 as it streams.

`Packet.verify_all()` also checks that the container is exactly what `PacketWriter`
produces (canonical headers, members back to back, nothing before, between or after),
so `paneldesk packet verify` fails when any byte of the file has been changed; the
parallel pass over the members is `app.packet.scan`.

Reads open the file afresh each time, so `Packet.read()` is safe from worker threads.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.keys import b64, fingerprint, unb64, verify_signature
from app.packet.directory import check_directory_size
from app.packet.limits import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Limits,
    check_layout_bounds,
    check_member,
    check_members_against_manifest,
    check_names,
    show_name,
)
from app.packet.manifest import Manifest
from app.packet.members import CHUNK, Corrupt, stream_member, verified_member
from app.packet.scan import Scan, split_runs
from app.packet.source import PacketSource, PlainSource, open_source
from app.packet.writer import NotCanonical, check_container

ProgressFn = Callable[[int, int], None]


def open_packet(path: Path | str, limits: Limits | None = None,
                passphrase: str | None = None) -> Packet:
    """Open and check a packet (signature, member list, limits); data is read on demand.

    A packet encrypted at rest needs `passphrase` (`app.packet.source`); every check
    below then runs on its decrypted bytes, read chunk by chunk as they are needed.
    """
    limits = limits or Limits()
    path = Path(path)
    if not path.is_file():
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "找不到评审包文件：{path}"), path=path))
    source = open_source(path, passphrase)
    infos, start_dir = _central_directory(source, limits)
    check_names(path, infos, limits)
    by_name = {info.orig_filename: info for info in infos}
    for required in (MANIFEST_NAME, SIGNATURE_NAME):
        if required not in by_name:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Packet", "{path} 不是有效的评审包：缺少 {required}"), path=path, required=required))
        check_member(path, by_name[required], limits)
    if by_name[MANIFEST_NAME].file_size > limits.max_manifest:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "评审包 {path} 的清单过大（{file_size} 字节，上限 {max_manifest}）"),
            path=path, file_size=by_name[MANIFEST_NAME].file_size, max_manifest=limits.max_manifest))
    if by_name[SIGNATURE_NAME].file_size != 64:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "评审包 {path} 的签名文件 {signature_name} 格式错误"),
            path=path, signature_name=SIGNATURE_NAME))
    check_layout_bounds(path, infos, start_dir)
    manifest_bytes = _read_plain(source, by_name[MANIFEST_NAME])
    signature = _read_plain(source, by_name[SIGNATURE_NAME])
    data, public_key = _verified_public_key(path, manifest_bytes, signature, limits)
    try:
        manifest = Manifest.from_dict(data)
    except PanelDeskError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path}：{err}"),
            path=path, err=err)) from None
    if manifest.organizer_fingerprint != fingerprint(public_key):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path} 的组织方指纹与公钥不符"),
            path=path))
    check_members_against_manifest(path, infos, manifest.files(), limits)
    return Packet(path, manifest, manifest_bytes, public_key, by_name, source)


class Packet:
    """An opened, signature-checked packet.  Member data is read (and hash-checked) on demand."""

    def __init__(self, path: Path, manifest: Manifest, manifest_bytes: bytes,
                 public_key: bytes, infos: dict[str, zipfile.ZipInfo],
                 source: PacketSource | None = None) -> None:
        self.path = path
        self.source = source or PlainSource(path)
        self.encrypted = self.source.encrypted
        self.manifest = manifest
        self.manifest_bytes = manifest_bytes
        self.manifest_hash = "sha256:" + hashlib.sha256(manifest_bytes).hexdigest()
        self.organizer_public_key = public_key
        self.organizer_fingerprint = fingerprint(public_key)
        self._infos = infos
        self._files = manifest.files()
        self._closed = False
        self._lock = threading.Lock()

    # -- reading ------------------------------------------------------------------------------

    def read(self, name: str) -> bytes:
        """The bytes of member `name`, checked against the manifest's size and SHA-256."""
        buf = bytearray()
        for chunk in self.iter_chunks(name):
            buf += chunk
        return bytes(buf)

    def iter_chunks(self, name: str, chunk_size: int = CHUNK) -> Iterator[memoryview]:
        """Stream member `name`; the last step raises PanelDeskError on a hash mismatch.

        Each yielded view is only valid until the next one is requested.
        """
        entry = self._entry(name)
        try:
            with self.source.open() as fh:
                yield from verified_member(fh, self._infos[name], entry.size, entry.sha256,
                                           chunk_size)
        except Corrupt as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Packet", "评审包 {path} 中的文件 {name} 已损坏：{err}"),
                path=self.path, name=name, err=err)) from None
        except OSError as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Packet", "无法读取评审包 {path}（{name}）：{reason}"),
                path=self.path, name=name, reason=err.strerror or err)) from None

    def verify_all(self, progress: ProgressFn | None = None,
                   cancelled: Callable[[], bool] | None = None,
                   workers: int | None = None) -> None:
        """Check the container byte for byte and hash every member; raise on the first problem.

        One sequential pass over the file per worker thread (default: one per CPU, at
        most 2 — hashlib and file reads release the GIL).  `progress(done_bytes,
        total_bytes)` is called on the calling thread a few times a second;
        `cancelled()` returning True stops with PanelDeskError("已取消…").
        """
        self._check_open()
        infos = list(self._infos.values())
        total = sum(f.size for f in self._files.values())
        if progress is not None:
            progress(0, total)
        try:
            with self.source.open() as fh:
                check_container(fh, infos, local_headers=False)  # the scan checks those
        except NotCanonical as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path} 的结构被改动：{err}"),
                path=self.path, err=err)) from None
        except OSError as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "无法读取评审包 {path}：{reason}"),
                path=self.path, reason=err.strerror or err)) from None
        if cancelled is not None and cancelled():
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "已取消校验")))
        jobs = [(info, self._files.get(info.orig_filename))
                for info in sorted(infos, key=lambda i: i.header_offset)]
        count = max(1, min(workers or min(2, os.cpu_count() or 1), len(jobs)))
        run = Scan(self.source, split_runs(jobs, count))
        while not run.wait(0.1):
            if cancelled is not None and cancelled():
                run.stop()
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "已取消校验")))
            if progress is not None:
                progress(run.done(), total)
        if run.error is not None:
            raise run.error
        if progress is not None:
            progress(total, total)

    def _entry(self, name: str):
        self._check_open()
        entry = self._files.get(name)
        if entry is None:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path} 的清单中没有文件 {name}"),
                path=self.path, name=show_name(str(name))))
        return entry

    def _check_open(self) -> None:
        if self._closed:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path} 已关闭"),
                path=self.path))

    # -- lifetime ------------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._closed = True

    def __enter__(self) -> Packet:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


# --- opening: structure and signature ----------------------------------------------------

def _central_directory(source: PacketSource,
                       limits: Limits) -> tuple[list[zipfile.ZipInfo], int]:
    path = source.path
    try:
        with source.open() as fh:
            check_directory_size(path, fh, limits)  # before zipfile builds a record each
            with zipfile.ZipFile(fh) as zf:
                return zf.infolist(), int(getattr(zf, "start_dir", 0))
    except PanelDeskError:
        raise
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "无法读取评审包 {path}：{reason}"),
            path=path, reason=err.strerror or err)) from None
    except Exception as err:  # noqa: BLE001 — zipfile raises many kinds on hostile input
        cause = err.__context__  # zipfile turns a read error (a broken chunk) into BadZipFile
        if isinstance(cause, OSError):
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "无法读取评审包 {path}：{reason}"),
                path=path, reason=cause.strerror or cause)) from None
        # Said for the user, who never needs the exception's name ("BadZipFile").
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "{name} 不是有效的评审包：文件已损坏或不完整（可能在下载或复制时中断）。请向组织方重新索取评审包。"),
            name=path.name)) from None


def _read_plain(source: PacketSource, info: zipfile.ZipInfo) -> bytes:
    path = source.path
    try:
        with source.open() as fh:
            return b"".join(bytes(c) for c in stream_member(fh, info, info.file_size, CHUNK))
    except Corrupt as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "评审包 {path} 中的 {orig_filename} 已损坏：{err}"),
            path=path, orig_filename=info.orig_filename, err=err)) from None
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "无法读取评审包 {path}：{reason}"),
            path=path, reason=err.strerror or err)) from None


# The organizer key as canonical JSON writes it.  Inside a JSON string every quote is
# escaped, so this only ever matches a real key followed by a real string value.
_KEY_FIELD = re.compile(rb'"organizer_public_key":"([A-Za-z0-9+/]{43}=)"')


def _verified_public_key(path: Path, manifest_bytes: bytes, signature: bytes,
                         limits: Limits) -> tuple[Any, bytes]:
    """Check the signature on the raw bytes, then parse them (bounded).

    The key is found in the bytes without parsing: JSON of a few MB can take
    gigabytes once parsed, and nothing unsigned may cost that much.  After the
    signature holds, the parsed manifest must name the very key that was used.
    """
    match = _KEY_FIELD.search(manifest_bytes)
    public_key = unb64(match.group(1).decode("ascii")) if match else b""
    if len(public_key) != 32:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path} 的清单缺少有效的组织方公钥"),
            path=path))
    if not verify_signature(public_key, signature, manifest_bytes):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "评审包 {path} 的签名无效：清单（{manifest_name}）已被改动或签名不匹配"),
            path=path, manifest_name=MANIFEST_NAME))
    # Every JSON value but the first in a container follows a comma: together with the
    # brackets this bounds the number of values, and so the memory parsing takes.
    values = sum(manifest_bytes.count(c) for c in (b",", b"{", b"["))
    if values > limits.max_manifest_values:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "评审包 {path} 的清单含有过多条目（约 {values} 个，上限 {max_manifest_values}），已拒绝"),
            path=path, values=values, max_manifest_values=limits.max_manifest_values))
    try:
        data: Any = json.loads(manifest_bytes)
    except (ValueError, RecursionError):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path} 的清单不是有效的 JSON"),
            path=path)) from None
    if not isinstance(data, dict) or data.get("organizer_public_key") != b64(public_key):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "评审包 {path} 的清单中的组织方公钥与签名所用的公钥不一致"), path=path))
    return data, public_key
