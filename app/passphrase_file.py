"""A passphrase read from a file: its first line, bounded, and only printable text.

Both the organizer's key (`app.keys`) and an encrypted packet (`app.packet.sealed`) take a
passphrase from a file for scripts.  A file that is not text — a binary, `/dev/zero` —
would otherwise give a passphrase of control characters that nobody could type again.
"""

from __future__ import annotations

import os
import unicodedata

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message

MAX_CHARS = 4096


def passphrase_in_file(path: str | os.PathLike[str], what: str) -> str:
    """The first line of `path` (`what` names the file in messages: 口令文件 …)."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            line = fh.readline(MAX_CHARS).rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Passphrase", "无法读取{what} {path}：{detail}"),
                                     what=what, path=path,
                                     detail=getattr(err, "strerror", None) or err)) from None
    if not line:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Passphrase", "{what} {path} 的第一行为空，口令不能为空"), what=what, path=path))
    if any(unicodedata.category(ch)[0] == "C" for ch in line):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Passphrase", "{what} {path} 的第一行含有控制字符（不像文本文件），不能作为口令"),
            what=what, path=path))
    return line
