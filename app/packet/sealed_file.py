"""Reading an encrypted packet as if it were the plain one: a seekable, read-only file.

`SealedSource` holds the derived key and a small LRU cache of decrypted chunks shared by
every handle it opens; `DecryptedFile` (an `io.RawIOBase`) is one handle with its own
position and its own OS file, so the packet reader's worker threads can read at once.
Only the chunks a read touches are decrypted (each authenticated as it is), so a member
is read on demand with random access and the packet is never decrypted to disk or into
memory as a whole (docs/formats.md §11).

A chunk that fails to authenticate raises `ChunkBroken`, an OSError whose `strerror` is
the Chinese explanation, so the reader's existing "cannot read the packet" paths name the
file and the problem.
"""

from __future__ import annotations

import io
import os
import threading
from collections import OrderedDict
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.packet.sealed import HEADER_SIZE, TAG_SIZE, Header, derive_key, read_header

CACHE_CHUNKS = 32  # 2 MiB of 64 KiB chunks: a member's header and data, a page or two


class ChunkBroken(OSError):
    """A chunk failed to authenticate (edited, moved, swapped or cut)."""


class SealedSource:
    """An encrypted packet file, unlocked: opens `DecryptedFile` handles on it."""

    encrypted = True

    def __init__(self, path: Path, header: Header, key: bytes,
                 cache_chunks: int = CACHE_CHUNKS) -> None:
        self.path = path
        self.header = header
        self._aead = AESGCM(key)
        self._cache: OrderedDict[int, bytes] = OrderedDict()
        self._cache_chunks = max(1, cache_chunks)
        self._lock = threading.Lock()

    @classmethod
    def unlock(cls, path: Path, passphrase: str) -> SealedSource:
        """Read and bound the header, derive the key and check it (WrongPassphrase if not)."""
        with open(path, "rb") as fh:
            header = read_header(fh, str(path))
        return cls(path, header, derive_key(header, passphrase, str(path)))

    @property
    def size(self) -> int:
        return self.header.plain_size

    def open(self) -> DecryptedFile:
        return DecryptedFile(self)

    def chunk(self, fh: io.RawIOBase | io.BufferedReader, index: int) -> bytes:
        """Chunk `index`, decrypted and authenticated (from the cache if it is there)."""
        with self._lock:
            data = self._cache.get(index)
            if data is not None:
                self._cache.move_to_end(index)
                return data
        header = self.header
        plain_len = min(header.chunk_size, header.plain_size - index * header.chunk_size)
        fh.seek(self._offset(index))
        sealed = fh.read(plain_len + TAG_SIZE)
        if len(sealed) != plain_len + TAG_SIZE:
            raise ChunkBroken(0, f"加密评审包的第 {index + 1} 块被截断")
        try:
            data = self._aead.decrypt(header.chunk_nonce(index), sealed, header.chunk_ad(index))
        except InvalidTag:
            raise ChunkBroken(0, f"加密评审包的第 {index + 1}/{header.chunk_count} 块认证失败"
                                 "（内容被改动、截断或顺序被调换）") from None
        with self._lock:
            self._cache[index] = data
            while len(self._cache) > self._cache_chunks:
                self._cache.popitem(last=False)
        return data

    def _offset(self, index: int) -> int:
        return HEADER_SIZE + index * (self.header.chunk_size + TAG_SIZE)


class DecryptedFile(io.RawIOBase):
    """One read-only, seekable view of the plaintext of a `SealedSource`."""

    def __init__(self, source: SealedSource) -> None:
        super().__init__()
        self._source = source
        self._fh = open(source.path, "rb", buffering=0)  # noqa: SIM115 — closed in close()
        self._pos = 0
        self.name = str(source.path)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        self._checkClosed()
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        self._checkClosed()
        if whence == os.SEEK_SET:
            target = offset
        elif whence == os.SEEK_CUR:
            target = self._pos + offset
        elif whence == os.SEEK_END:
            target = self._source.size + offset
        else:
            raise ValueError(f"invalid whence ({whence})")
        if target < 0:
            raise OSError(22, "negative seek position")
        self._pos = target
        return target

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        """Fill `buffer` from the current position; short only at the end of the file."""
        self._checkClosed()
        out = memoryview(buffer).cast("B")
        size = self._source.size
        chunk_size = self._source.header.chunk_size
        done = 0
        while done < len(out) and self._pos < size:
            index, start = divmod(self._pos, chunk_size)
            data = self._source.chunk(self._fh, index)
            n = min(len(data) - start, len(out) - done)
            out[done:done + n] = memoryview(data)[start:start + n]
            done += n
            self._pos += n
        return done

    def close(self) -> None:
        if not self.closed:
            self._fh.close()
        super().close()
