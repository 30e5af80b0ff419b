"""The size of a packet's central directory, checked before `zipfile` reads it.

`zipfile.ZipFile` builds a `ZipInfo` for every record of the central directory before
the reader can count them (`limits.check_names`): a 47 MB directory of a million
one-letter records costs 400 MB and 5 s, unsigned.  So the end record is read first,
and the records are counted by walking their fixed-size headers in the raw bytes; a
directory larger than the limits allow is refused before anything is built from it.
Anything this walk cannot make sense of is left to `zipfile`, which refuses it.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.packet.limits import Limits

_END = b"PK\x05\x06"
_END_SIZE = 22
_END64_LOCATOR = b"PK\x06\x07"
_END64_LOCATOR_SIZE = 20
_END64 = b"PK\x06\x06"
_END64_SIZE = 56
_RECORD = b"PK\x01\x02"
_RECORD_SIZE = 46
# A record is 46 bytes plus its name (≤ 240 in a packet), extra field and comment: this
# is room for the largest honest directory (100 000 members, zip64 extras) twice over.
MAX_RECORD_BYTES = 640


def check_directory_size(path: Path, fh: BinaryIO, limits: Limits) -> None:
    """Refuse a central directory with more records or bytes than `limits` allow."""
    fh.seek(0, 2)
    size = fh.tell()
    tail_size = min(size, _END_SIZE + 0xFFFF + _END64_LOCATOR_SIZE + _END64_SIZE)
    fh.seek(size - tail_size)
    tail = fh.read(tail_size)
    # Found as zipfile finds it: an end record without comment at the very end, else
    # the last one in the tail.
    at = len(tail) - _END_SIZE
    if at < 0 or tail[at:at + 4] != _END or tail[-2:] != b"\0\0":
        at = tail.rfind(_END)
    if at < 0 or at + _END_SIZE > len(tail):
        return  # not a zip: zipfile says so
    end = size - tail_size + at
    cd_size, = struct.unpack_from("<I", tail, at + 12)
    cd_end = end
    locator = at - _END64_LOCATOR_SIZE
    if locator >= _END64_SIZE and tail[locator:locator + 4] == _END64_LOCATOR:
        # As zipfile reads it: the zip64 end record right before its locator, the
        # directory right before that record.
        record = tail[locator - _END64_SIZE:locator]
        if record[:4] != _END64:
            return  # a broken zip64 end record: zipfile refuses it
        cd_size, = struct.unpack_from("<Q", record, 40)
        cd_end = end - _END64_LOCATOR_SIZE - _END64_SIZE
    limit = limits.max_members * MAX_RECORD_BYTES
    if cd_size > limit:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "评审包 {path} 的文件目录过大（{cd_size} 字节，上限 {limit}），已拒绝"),
            path=path, cd_size=cd_size, limit=limit))
    start = cd_end - cd_size
    if start < 0:
        return  # a directory before the file's start: zipfile refuses it
    fh.seek(start)
    directory = fh.read(cd_size)
    pos = count = 0
    while pos + _RECORD_SIZE <= len(directory) and directory[pos:pos + 4] == _RECORD:
        count += 1
        if count > limits.max_members:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Packet", "评审包 {path} 包含过多文件（超过 {max_members} 个），已拒绝"),
                path=path, max_members=limits.max_members))
        name, extra, comment = struct.unpack_from("<HHH", directory, pos + 28)
        pos += _RECORD_SIZE + name + extra + comment
