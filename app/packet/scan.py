"""`packet verify`'s full pass: every member's bytes read once, in parallel runs.

The members (in file order) are cut into runs of about equal size, one per worker thread
(`split_runs`); each thread reads its run front to back, compares every local header
with the canonical bytes the writer produces and streams the data through its hash.
hashlib and file reads release the interpreter lock, so two threads really run at once.
"""

from __future__ import annotations

import os
import threading
import zipfile

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.model import PacketFile
from app.packet.members import CHUNK, Corrupt, verified_member
from app.packet.source import PacketSource
from app.packet.writer import NotCanonical, local_header_bytes

Job = tuple[zipfile.ZipInfo, PacketFile | None]  # None: manifest.json / manifest.sig


def split_runs(jobs: list[Job], count: int) -> list[list[Job]]:
    """Cut the members (in file order) into `count` runs of about equal size."""
    total = sum(info.compress_size for info, _ in jobs) or 1
    groups: list[list[Job]] = [[] for _ in range(count)]
    done = 0
    for job in jobs:
        groups[min(count - 1, done * count // total)].append(job)
        done += job[0].compress_size
    return [g for g in groups if g]


class Scan:
    """Worker threads, each reading one contiguous run of members front to back:
    local header compared with the canonical bytes, data streamed and hashed."""

    def __init__(self, source: PacketSource, groups: list[list[Job]]) -> None:
        self.source = source
        self.path = source.path
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

    def _work(self, index: int, group: list[Job]) -> None:
        name = ""
        try:
            with self.source.open() as fh:
                fh.seek(group[0][0].header_offset)
                for info, entry in group:
                    name = info.orig_filename
                    expected = local_header_bytes(info)
                    if fh.read(len(expected)) != expected:
                        raise NotCanonical(Message(QT_TRANSLATE_NOOP(
                            "Packet", "{name} 的本地文件头不是标准格式或与目录不一致"), name=name))
                    if entry is None:  # manifest.json / .sig: already checked by the signature
                        fh.seek(info.compress_size, os.SEEK_CUR)
                        continue
                    for chunk in verified_member(fh, info, entry.size, entry.sha256, CHUNK,
                                           header_read=True):
                        self._done[index] += len(chunk)
                        if self._stop.is_set():
                            return
        except Corrupt as err:
            self._fail(PanelDeskError(f"评审包 {self.path} 中的文件 {name} 已损坏：{err}"))
        except NotCanonical as err:
            self._fail(PanelDeskError(f"评审包 {self.path} 的结构被改动：{err}"))
        except OSError as err:
            self._fail(PanelDeskError(f"无法读取评审包 {self.path}：{err.strerror or err}"))
