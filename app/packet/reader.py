"""Open a .panelpack that may be hostile, without extracting anything.

Order of trust (docs/formats.md §2): the zip's central directory is read, every member name is
checked (duplicates, zip-slip, non-ASCII), then `manifest.json` is read (bounded) and
its Ed25519 signature is verified on the raw bytes before any of its content is
believed.  Only then is the manifest parsed and the member list compared with it:
nothing extra, nothing missing, sizes equal, no symlinks, no encryption, sizes and
compression ratios bounded.  Member data is read on demand, one member at a time, by
our own small local-header reader (`_stream`): it bounds decompression to the size the
signed manifest promises and checks the SHA-256 as it streams.

`Packet.verify_all()` also checks that the container is exactly what `PacketWriter`
produces (canonical headers, members back to back, nothing before, between or after),
so `paneldesk packet verify` fails when any byte of the file has been changed.

Reads open the file afresh each time, so `Packet.read()` is safe from worker threads.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from app.errors import PanelDeskError
from app.keys import fingerprint, unb64, verify_signature
from app.model import PacketFile
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
from app.packet.writer import NotCanonical, check_container, local_header_bytes

CHUNK = 128 * 1024  # fits in L2 cache: 1 MiB reads are ~35 % slower (bench/)
_LOCAL = struct.Struct("<4sHHHHHIIIHH")  # local file header, 30 bytes
_LOCAL_SIG = b"PK\x03\x04"

ProgressFn = Callable[[int, int], None]


class _Corrupt(Exception):
    """Internal: a structural problem in one member; turned into a PanelDeskError."""


def open_packet(path: Path | str, limits: Limits | None = None) -> Packet:
    """Open and check a packet (signature, member list, limits); data is read on demand."""
    limits = limits or Limits()
    path = Path(path)
    if not path.is_file():
        raise PanelDeskError(f"找不到评审包文件：{path}")
    infos, start_dir = _central_directory(path)
    check_names(path, infos, limits)
    by_name = {info.orig_filename: info for info in infos}
    for required in (MANIFEST_NAME, SIGNATURE_NAME):
        if required not in by_name:
            raise PanelDeskError(f"{path} 不是有效的评审包：缺少 {required}")
        check_member(path, by_name[required], limits, ratio_rule=required != MANIFEST_NAME)
    if by_name[MANIFEST_NAME].file_size > limits.max_manifest:
        raise PanelDeskError(f"评审包 {path} 的清单过大（{by_name[MANIFEST_NAME].file_size} 字节，"
                             f"上限 {limits.max_manifest}）")
    if by_name[SIGNATURE_NAME].file_size != 64:
        raise PanelDeskError(f"评审包 {path} 的签名文件 {SIGNATURE_NAME} 格式错误")
    check_layout_bounds(path, infos, start_dir)
    manifest_bytes = _read_plain(path, by_name[MANIFEST_NAME])
    signature = _read_plain(path, by_name[SIGNATURE_NAME])
    data, public_key = _verified_public_key(path, manifest_bytes, signature)
    try:
        manifest = Manifest.from_dict(data)
    except PanelDeskError as err:
        raise PanelDeskError(f"评审包 {path}：{err}") from None
    if manifest.organizer_fingerprint != fingerprint(public_key):
        raise PanelDeskError(f"评审包 {path} 的组织方指纹与公钥不符")
    check_members_against_manifest(path, infos, manifest.files(), limits)
    return Packet(path, manifest, manifest_bytes, public_key, by_name)


class Packet:
    """An opened, signature-checked packet.  Member data is read (and hash-checked) on demand."""

    def __init__(self, path: Path, manifest: Manifest, manifest_bytes: bytes,
                 public_key: bytes, infos: dict[str, zipfile.ZipInfo]) -> None:
        self.path = path
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
            with open(self.path, "rb") as fh:
                yield from _verified(fh, self._infos[name], entry.size, entry.sha256,
                                     chunk_size)
        except _Corrupt as err:
            raise PanelDeskError(f"评审包 {self.path} 中的文件 {name} 已损坏：{err}") from None
        except OSError as err:
            raise PanelDeskError(f"无法读取评审包 {self.path}（{name}）："
                                 f"{err.strerror or err}") from None

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
            with open(self.path, "rb") as fh:
                check_container(fh, infos, local_headers=False)  # the scan checks those
        except NotCanonical as err:
            raise PanelDeskError(f"评审包 {self.path} 的结构被改动：{err}") from None
        except OSError as err:
            raise PanelDeskError(f"无法读取评审包 {self.path}：{err.strerror or err}") from None
        if cancelled is not None and cancelled():
            raise PanelDeskError("已取消校验")
        jobs = [(info, self._files.get(info.orig_filename))
                for info in sorted(infos, key=lambda i: i.header_offset)]
        count = max(1, min(workers or min(2, os.cpu_count() or 1), len(jobs)))
        run = _Scan(self.path, _split(jobs, count))
        while not run.wait(0.1):
            if cancelled is not None and cancelled():
                run.stop()
                raise PanelDeskError("已取消校验")
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
            raise PanelDeskError(f"评审包 {self.path} 的清单中没有文件 {show_name(str(name))}")
        return entry

    def _check_open(self) -> None:
        if self._closed:
            raise PanelDeskError(f"评审包 {self.path} 已关闭")

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

def _central_directory(path: Path) -> tuple[list[zipfile.ZipInfo], int]:
    try:
        with zipfile.ZipFile(path) as zf:
            return zf.infolist(), int(getattr(zf, "start_dir", 0))
    except OSError as err:
        raise PanelDeskError(f"无法读取评审包 {path}：{err.strerror or err}") from None
    except Exception as err:  # noqa: BLE001 — zipfile raises many kinds on hostile input
        raise PanelDeskError(f"{path} 不是有效的评审包（无法作为 zip 文件读取："
                             f"{type(err).__name__}）") from None


def _read_plain(path: Path, info: zipfile.ZipInfo) -> bytes:
    try:
        with open(path, "rb") as fh:
            return b"".join(bytes(c) for c in _stream(fh, info, info.file_size, CHUNK))
    except _Corrupt as err:
        raise PanelDeskError(f"评审包 {path} 中的 {info.orig_filename} 已损坏：{err}") from None
    except OSError as err:
        raise PanelDeskError(f"无法读取评审包 {path}：{err.strerror or err}") from None


def _verified_public_key(path: Path, manifest_bytes: bytes,
                         signature: bytes) -> tuple[Any, bytes]:
    """Find the organizer key in the manifest and check the signature on the raw bytes.

    Returns the parsed JSON (not yet validated) and the key; nothing in the JSON but
    the key is looked at before the signature has been verified.
    """
    try:
        data: Any = json.loads(manifest_bytes)
    except (ValueError, RecursionError):
        raise PanelDeskError(f"评审包 {path} 的清单不是有效的 JSON") from None
    raw_key = data.get("organizer_public_key") if isinstance(data, dict) else None
    try:
        public_key = unb64(raw_key) if isinstance(raw_key, str) else b""
    except ValueError:
        public_key = b""
    if len(public_key) != 32:
        raise PanelDeskError(f"评审包 {path} 的清单缺少有效的组织方公钥")
    if not verify_signature(public_key, signature, manifest_bytes):
        raise PanelDeskError(f"评审包 {path} 的签名无效：清单（{MANIFEST_NAME}）已被改动或签名不匹配")
    return data, public_key


# --- member data ---------------------------------------------------------------------------

def _local_header(fh: BinaryIO, info: zipfile.ZipInfo) -> tuple[int, ...]:
    """Read and check the local header of `info`; leaves `fh` at the start of its data."""
    fh.seek(info.header_offset)
    raw = fh.read(_LOCAL.size)
    if len(raw) != _LOCAL.size:
        raise _Corrupt("文件被截断")
    fields = _LOCAL.unpack(raw)
    if fields[0] != _LOCAL_SIG:
        raise _Corrupt("本地文件头缺失")
    name_len, extra_len = fields[9], fields[10]
    if fh.read(name_len) != info.orig_filename.encode("ascii"):
        raise _Corrupt("本地文件头中的文件名与目录不一致")
    if fields[3] != info.compress_type or fields[2] & 0x1:
        raise _Corrupt("本地文件头中的压缩方式或加密标志与目录不一致")
    fh.seek(extra_len, os.SEEK_CUR)
    return fields


def _stream(fh: BinaryIO, info: zipfile.ZipInfo, size: int,
            chunk_size: int) -> Iterator[memoryview]:
    """Yield the member's uncompressed bytes; never more than `size` of them."""
    _local_header(fh, info)
    yield from _data(fh, info, size, chunk_size)


def _data(fh: BinaryIO, info: zipfile.ZipInfo, size: int,
          chunk_size: int) -> Iterator[memoryview]:
    """The member's data, `fh` being positioned just after its local header."""
    remaining = info.compress_size
    produced = 0
    if info.compress_type == zipfile.ZIP_STORED:
        if remaining != size:
            raise _Corrupt("内容长度与清单不符")
        buf = bytearray(min(chunk_size, remaining))
        view = memoryview(buf)
        while remaining:
            n = fh.readinto(view[:min(chunk_size, remaining)])
            if not n:
                raise _Corrupt("文件被截断")
            remaining -= n
            yield view[:n]
        return
    inflater = zlib.decompressobj(-15)
    try:
        while remaining or not inflater.eof:
            data = b""
            if remaining:
                data = fh.read(min(chunk_size, remaining))
                if not data:
                    raise _Corrupt("文件被截断")
                remaining -= len(data)
            while True:
                # max_length bounds memory: a bomb can never inflate past one chunk.
                out = inflater.decompress(data, chunk_size)
                produced += len(out)
                if produced > size:
                    raise _Corrupt("解压后的内容比清单记录的长")
                if out:
                    yield memoryview(out)
                data = inflater.unconsumed_tail
                if not data and (len(out) < chunk_size or inflater.eof):
                    break
            if not remaining and not inflater.eof and not out:
                raise _Corrupt("压缩数据不完整")
    except zlib.error as err:
        raise _Corrupt(f"压缩数据损坏（{err}）") from None
    if inflater.unused_data:
        raise _Corrupt("压缩数据之后有多余的字节")
    if produced != size:
        raise _Corrupt("内容长度与清单不符")


def _verified(fh: BinaryIO, info: zipfile.ZipInfo, size: int, sha256: str,
              chunk_size: int, *, header_read: bool = False) -> Iterator[memoryview]:
    digest = hashlib.sha256()
    chunks = _data(fh, info, size, chunk_size) if header_read else _stream(
        fh, info, size, chunk_size)
    for chunk in chunks:
        digest.update(chunk)
        yield chunk
    if digest.hexdigest() != sha256:
        raise _Corrupt("SHA-256 与清单不符（内容被改动）")


_Job = tuple[zipfile.ZipInfo, PacketFile | None]  # None: manifest.json / manifest.sig


def _split(jobs: list[_Job], count: int) -> list[list[_Job]]:
    """Cut the members (in file order) into `count` runs of about equal size."""
    total = sum(info.compress_size for info, _ in jobs) or 1
    groups: list[list[_Job]] = [[] for _ in range(count)]
    done = 0
    for job in jobs:
        groups[min(count - 1, done * count // total)].append(job)
        done += job[0].compress_size
    return [g for g in groups if g]


class _Scan:
    """Worker threads, each reading one contiguous run of members front to back:
    local header compared with the canonical bytes, data streamed and hashed."""

    def __init__(self, path: Path, groups: list[list[_Job]]) -> None:
        self.path = path
        self.error: PanelDeskError | None = None
        self._done = [0] * len(groups)  # one counter per worker: no lock needed
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._work, args=(i, group), daemon=True,
                                          name=f"packet-verify-{i}")
                         for i, group in enumerate(groups)]
        for thread in self._threads:
            thread.start()

    def done(self) -> int:
        return sum(self._done)

    def wait(self, timeout: float) -> bool:
        """True once every worker has finished."""
        for thread in self._threads:
            thread.join(timeout)
            if thread.is_alive():
                return False
        return True

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def _fail(self, error: PanelDeskError) -> None:
        with self._lock:
            if self.error is None:
                self.error = error
        self._stop.set()

    def _work(self, index: int, group: list[_Job]) -> None:
        name = ""
        try:
            with open(self.path, "rb", buffering=0) as fh:
                fh.seek(group[0][0].header_offset)
                for info, entry in group:
                    name = info.orig_filename
                    expected = local_header_bytes(info)
                    if fh.read(len(expected)) != expected:
                        raise NotCanonical(f"{name} 的本地文件头不是标准格式或与目录不一致")
                    if entry is None:  # manifest.json / .sig: already checked by the signature
                        fh.seek(info.compress_size, os.SEEK_CUR)
                        continue
                    for chunk in _verified(fh, info, entry.size, entry.sha256, CHUNK,
                                           header_read=True):
                        self._done[index] += len(chunk)
                        if self._stop.is_set():
                            return
        except _Corrupt as err:
            self._fail(PanelDeskError(f"评审包 {self.path} 中的文件 {name} 已损坏：{err}"))
        except NotCanonical as err:
            self._fail(PanelDeskError(f"评审包 {self.path} 的结构被改动：{err}"))
        except OSError as err:
            self._fail(PanelDeskError(f"无法读取评审包 {self.path}：{err.strerror or err}"))
