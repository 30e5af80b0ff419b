"""Where the packet reader gets its bytes: the plain file, or an encrypted one unlocked.

`open_source(path, passphrase)` looks at the first bytes: a packet encrypted at rest
(`app.packet.sealed`) is unlocked with the passphrase and read through
`app.packet.sealed_file`; any other file is read as it is.  Either way the reader calls
`source.open()` for a fresh seekable handle per read, so it never knows the difference.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, Protocol

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.packet.sealed import MSG_NEEDED, PASSPHRASE_ENV, PassphraseRequired, has_magic
from app.packet.sealed_file import SealedSource


class PacketSource(Protocol):
    path: Path
    encrypted: bool

    def open(self) -> BinaryIO: ...


class PlainSource:
    """A packet file read as it is."""

    encrypted = False

    def __init__(self, path: Path) -> None:
        self.path = path

    def open(self) -> BinaryIO:
        return open(self.path, "rb")


def is_encrypted(path: Path | str) -> bool:
    """True if `path` is a packet encrypted at rest (judged by its magic bytes)."""
    return has_magic(path)


def open_source(path: Path, passphrase: str | None) -> PacketSource:
    """The source for `path`; an encrypted file needs `passphrase` (PassphraseRequired,
    WrongPassphrase otherwise).  A plain packet ignores the passphrase."""
    if not has_magic(path):
        return PlainSource(path)
    if not passphrase:
        raise PassphraseRequired(MSG_NEEDED, name=str(path), env=PASSPHRASE_ENV)
    try:
        return SealedSource.unlock(path, passphrase)
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "无法读取评审包 {path}：{reason}"),
            path=path, reason=err.strerror or err)) from None
