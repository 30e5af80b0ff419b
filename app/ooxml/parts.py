"""One part of an Office zip, read with bounds: size, elements, no DTD.

`open_zip` checks the central directory (member count, declared total); `parse_part`
streams one member through expat in chunks, refusing a part whose declared size is
above its cap, a document type declaration (the way to entity bombs and external
entities) and more elements than the budget allows.  Handlers see local names (the
namespace prefix dropped) and may raise `Stop` to end the part early (a preview that
has enough).  Problems are `OoxmlError` with a Chinese reason.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.parsers import expat

from app.i18n import QT_TRANSLATE_NOOP, Message

CHUNK = 64 * 1024
MAX_MEMBERS = 5000


class OoxmlError(Exception):
    """The file cannot be read within its bounds; `str(err)` is the Chinese reason."""


class Stop(Exception):
    """Raised by a handler: enough has been read from this part."""


Start = Callable[[str, dict[str, str]], None]
End = Callable[[str], None]
Chars = Callable[[str], None]


def open_zip(source: Path | bytes, *, max_total: int,
             max_members: int = MAX_MEMBERS) -> zipfile.ZipFile:
    """The zip's directory, checked; the caller closes it."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes | bytearray)
                             else source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as err:
        raise OoxmlError(Message(QT_TRANSLATE_NOOP(
            "Evidence", "不是有效的 zip 文件（{name}），可能已截断或是其他类型的文件"), name=type(err).__name__)
                         ) from None
    infos = zf.infolist()
    if len(infos) > max_members:
        zf.close()
        raise OoxmlError(Message(QT_TRANSLATE_NOOP("Evidence", "内部文件过多（{count} 个）"),
            count=len(infos)))
    total = sum(i.file_size for i in infos)
    if total > max_total:
        zf.close()
        raise OoxmlError(Message(QT_TRANSLATE_NOOP(
            "Evidence", "解压后过大（{total} MB，上限 {max_total} MB），疑似压缩炸弹"),
            total=total // (1024 * 1024), max_total=max_total // (1024 * 1024)))
    return zf


def has_part(zf: zipfile.ZipFile, name: str) -> bool:
    try:
        zf.getinfo(name)
    except KeyError:
        return False
    return True


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def parse_part(zf: zipfile.ZipFile, name: str, start: Start, end: End | None = None,
               chars: Chars | None = None, *, max_bytes: int, max_elements: int) -> None:
    """Stream part `name` through the handlers; returns early when one raises `Stop`."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        raise OoxmlError(Message(QT_TRANSLATE_NOOP("Evidence", "缺少内部文件 {name}"),
            name=name[:80])) from None
    if info.file_size > max_bytes:
        raise OoxmlError(Message(QT_TRANSLATE_NOOP(
            "Evidence", "内部文件 {name} 过大（{file_size} KB，上限 {max_bytes} KB）"),
            name=name[:80], file_size=info.file_size // 1024, max_bytes=max_bytes // 1024))
    parser = expat.ParserCreate()
    parser.buffer_text = True
    count = 0

    def on_start(tag: str, attrs: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > max_elements:
            raise OoxmlError(Message(QT_TRANSLATE_NOOP(
                "Evidence", "内部文件 {name} 含有过多元素（超过 {max_elements} 个）"),
                name=name[:80], max_elements=max_elements))
        start(_local(tag), attrs)

    def no_dtd(*_args: Any) -> None:
        raise OoxmlError(Message(QT_TRANSLATE_NOOP(
            "Evidence", "内部文件 {name} 含有 XML 实体定义（DTD），正常文件不会有，疑似恶意文件"), name=name[:80]))

    parser.StartElementHandler = on_start
    if end is not None:
        parser.EndElementHandler = lambda tag: end(_local(tag))
    if chars is not None:
        parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    try:
        with zf.open(info) as fh:
            read = 0
            while chunk := fh.read(CHUNK):
                read += len(chunk)
                if read > info.file_size:
                    raise OoxmlError(Message(QT_TRANSLATE_NOOP("Evidence", "内部文件 {name} 的大小与目录不符"),
                        name=name[:80]))
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except Stop:
        return
    except expat.ExpatError as err:
        raise OoxmlError(Message(QT_TRANSLATE_NOOP("Evidence", "内部文件 {name} 的 XML 格式错误（{code}）"),
            name=name[:80], code=expat.ErrorString(err.code))
                         ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
            RuntimeError, ValueError) as err:
        raise OoxmlError(Message(QT_TRANSLATE_NOOP("Evidence", "内部文件 {name} 已损坏（{name2}）"),
            name=name[:80], name2=type(err).__name__)) from None


class TextCollector:
    """Collects character data while `active` is set, up to `limit` characters."""

    def __init__(self, limit: int) -> None:
        self.parts: list[str] = []
        self.active = False
        self.size = 0
        self.limit = limit
        self.cut = False

    def __call__(self, text: str) -> None:
        if not self.active:
            return
        room = self.limit - self.size
        if len(text) > room:
            text, self.cut = text[:max(room, 0)], True
        self.parts.append(text)
        self.size += len(text)

    def take(self) -> str:
        text = "".join(self.parts)
        self.parts.clear()
        return text
