"""The framed protocol between the GUI process and its render workers.

A frame is `>IQ` (header length, payload length), a UTF-8 JSON object as header, then
the payload bytes.  JSON rather than pickle: a worker parses hostile PDFs, and whatever
it sends back must never be able to run code in the expert's window; the lengths are
capped before anything is allocated.
"""

from __future__ import annotations

import json
import struct
from typing import Any, BinaryIO

PREFIX = struct.Struct(">IQ")
MAX_HEADER_BYTES = 64 * 1024
MAX_PAYLOAD_BYTES = 1 << 30  # a PDF member or a rendered page; both are capped upstream


class FrameError(Exception):
    """The other side sent something that is not a well-formed frame."""


def write_frame(stream: BinaryIO, header: dict[str, Any],
                payload: bytes | bytearray | memoryview = b"") -> None:
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    stream.write(PREFIX.pack(len(head), len(payload)))
    stream.write(head)
    if payload:
        stream.write(payload)
    stream.flush()


def read_frame(stream: BinaryIO) -> tuple[dict[str, Any], bytearray] | None:
    """The next frame, or None at a clean end of stream (the other side closed)."""
    prefix = _read_exactly(stream, PREFIX.size, allow_eof=True)
    if prefix is None:
        return None
    head_len, payload_len = PREFIX.unpack(prefix)
    if head_len > MAX_HEADER_BYTES or payload_len > MAX_PAYLOAD_BYTES:
        raise FrameError(f"frame too large ({head_len} + {payload_len} bytes)")
    head = _read_exactly(stream, head_len)
    try:
        header = json.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise FrameError("frame header is not JSON") from err
    if not isinstance(header, dict):
        raise FrameError("frame header is not an object")
    payload = _read_exactly(stream, payload_len) if payload_len else bytearray()
    return header, payload


def _read_exactly(stream: BinaryIO, size: int, allow_eof: bool = False) -> bytearray | None:
    # Read straight into one buffer: a rendered page is megabytes, and joining chunks
    # would copy it once more.
    buffer = bytearray(size)
    view = memoryview(buffer)
    got = 0
    while got < size:
        count = stream.readinto(view[got:])
        if not count:
            if allow_eof and got == 0:
                return None
            raise FrameError(f"stream ended inside a frame ({got} of {size} bytes)")
        got += count
    return buffer
