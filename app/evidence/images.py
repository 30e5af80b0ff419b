"""Image headers read in pure Python: format, dimensions, truncation, decompression bombs.

Decoding 900 photos per packet build would be far too slow, so the dimensions come from
the headers, and the same walk detects truncated files and headers announcing sizes no
real photo or scan has.  Decoding for display is the interface's job (off its GUI thread).
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

IMAGE_MEDIA = {"jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "bmp": "image/bmp",
               "webp": "image/webp", "tiff": "image/tiff", "heic": "image/heic",
               "avif": "image/avif"}
TRUNCATED = "图片文件不完整（可能在传输中被截断）"
# No real photo or scan has a side this long; a header claiming one is hostile.
MAX_SIDE = 65_535
# JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic); not C4/C8/CC.
SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


@dataclass
class ImageHeader:
    """What an image's header says; `problem` (Chinese) when it must not be decoded."""

    format: str  # a key of IMAGE_MEDIA
    width: int | None = None
    height: int | None = None
    problem: str | None = None

    @property
    def media_type(self) -> str:
        return IMAGE_MEDIA[self.format]


def read_image_header(data: bytes, max_pixels: int) -> ImageHeader | None:
    """The header of a JPEG, PNG, GIF, BMP, WebP, TIFF, HEIC or AVIF; None for other bytes.

    Raises struct.error, IndexError or ValueError for a header too short for the fields
    it announces."""
    head = data[:16]
    if head.startswith(b"\xff\xd8\xff"):
        fmt, dims = "jpeg", _jpeg(data)
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        fmt, dims = "png", _png(data)
    elif head[:6] in (b"GIF87a", b"GIF89a"):
        fmt, dims = "gif", _gif(data)
    elif head.startswith(b"BM") and len(data) >= 26 and _looks_like_bmp(data):
        fmt, dims = "bmp", _bmp(data)
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        fmt, dims = "webp", _webp(data)
    elif head[:4] in (b"II*\x00", b"MM\x00*"):
        fmt, dims = "tiff", _tiff(data)
    elif head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"avif"):
        fmt = "avif" if head[8:12] == b"avif" else "heic"
        dims = _isobmff(data)
    else:
        return None
    if isinstance(dims, str):
        return ImageHeader(fmt, problem=dims)
    width, height = dims
    header = ImageHeader(fmt, width, height)
    if width <= 0 or height <= 0:
        header.problem = f"图片尺寸无效（{width}×{height}）"
    elif width > MAX_SIDE or height > MAX_SIDE or width * height > max_pixels:
        header.problem = f"图片尺寸异常（{width}×{height}），疑似解压炸弹，已拒绝打开"
    return header


def _jpeg(data: bytes) -> tuple[int, int] | str:
    """Walk the marker segments up to the first scan; the frame header holds the size."""
    pos, size, dims = 2, len(data), None
    while True:
        while pos < size and data[pos] == 0xFF and pos + 1 < size and data[pos + 1] == 0xFF:
            pos += 1  # fill bytes between markers are legal
        if pos + 4 > size:
            return TRUNCATED
        if data[pos] != 0xFF:
            return "JPEG 文件结构损坏"
        marker = data[pos + 1]
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        if marker == 0xD9:
            return "JPEG 文件不含图像数据"
        length = (data[pos + 2] << 8) | data[pos + 3]
        if length < 2 or pos + 2 + length > size:
            return TRUNCATED
        if marker in SOF_MARKERS and dims is None:
            if length < 7:
                return "JPEG 文件结构损坏"
            height, width = struct.unpack_from(">HH", data, pos + 5)
            dims = (width, height)
        if marker == 0xDA:
            break
        pos += 2 + length
    if dims is None:
        return "JPEG 文件缺少图像尺寸信息"
    # Entropy-coded data escapes every 0xFF, so an FFD9 after the first scan can only be
    # the end-of-image marker; without it the file was cut short.
    if data.rfind(b"\xff\xd9", pos) < 0:
        return TRUNCATED
    return dims


def _png(data: bytes) -> tuple[int, int] | str:
    if len(data) < 33 or data[12:16] != b"IHDR" or data[8:12] != b"\x00\x00\x00\x0d":
        return TRUNCATED if len(data) < 33 else "PNG 文件头损坏"
    (crc,) = struct.unpack_from(">I", data, 29)
    if zlib.crc32(data[12:29]) != crc:
        return "PNG 文件头校验失败，文件已损坏"
    width, height = struct.unpack_from(">II", data, 16)
    pos, size = 33, len(data)
    # Walk the chunk list (lengths only, no CRCs) to find IEND: cheap even for big files.
    while pos + 12 <= size:
        (length,) = struct.unpack_from(">I", data, pos)
        if data[pos + 4:pos + 8] == b"IEND":
            return width, height
        pos += 12 + length
    return TRUNCATED


def _gif(data: bytes) -> tuple[int, int] | str:
    if len(data) < 13:
        return TRUNCATED
    width, height = struct.unpack_from("<HH", data, 6)
    if not data.rstrip(b"\x00").endswith(b"\x3b"):  # every GIF ends with the ";" trailer
        return TRUNCATED
    return width, height


def _looks_like_bmp(data: bytes) -> bool:
    # "BM" alone is too weak (a text file may start "BMW…"): reserved bytes are zero and
    # the DIB header has one of the few defined sizes.
    (header,) = struct.unpack_from("<I", data, 14)
    return data[6:10] == b"\x00" * 4 and header in (12, 40, 52, 56, 64, 108, 124)


def _bmp(data: bytes) -> tuple[int, int] | str:
    declared, _, offset, header = struct.unpack_from("<IIII", data, 2)
    if header == 12:
        width, height = struct.unpack_from("<HH", data, 18)
    elif header >= 40:
        width, height = struct.unpack_from("<ii", data, 18)
        height = abs(height)  # negative height means top-down rows
    else:
        return "BMP 文件头损坏"
    if offset > len(data) or declared > len(data):
        return TRUNCATED
    return width, height


def _webp(data: bytes) -> tuple[int, int] | str:
    (riff_size,) = struct.unpack_from("<I", data, 4)
    chunk = data[12:16]
    if riff_size + 8 > len(data) or len(data) < (25 if chunk == b"VP8L" else 30):
        return TRUNCATED
    if chunk == b"VP8 ":
        if data[23:26] != b"\x9d\x01\x2a":
            return "WebP 文件头损坏"
        width, height = struct.unpack_from("<HH", data, 26)
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":
        (bits,) = struct.unpack_from("<I", data, 21)
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    return "WebP 文件头损坏"


def _tiff(data: bytes) -> tuple[int, int] | str:
    order = "<" if data[:2] == b"II" else ">"
    (ifd,) = struct.unpack_from(order + "I", data, 4)
    (count,) = struct.unpack_from(order + "H", data, ifd)
    found: dict[int, int] = {}
    for i in range(min(count, 512)):
        tag, kind = struct.unpack_from(order + "HH", data, ifd + 2 + 12 * i)
        if tag in (256, 257):
            fmt = order + ("H" if kind == 3 else "I")
            (found[tag],) = struct.unpack_from(fmt, data, ifd + 2 + 12 * i + 8)
    if 256 not in found or 257 not in found:
        return "TIFF 文件缺少图像尺寸信息"
    return found[256], found[257]


def _isobmff(data: bytes) -> tuple[int, int] | str:
    """HEIC/AVIF: the largest 'ispe' (image spatial extents) property is the picture."""
    best = None
    start = 0
    head = data[:262_144]
    while (at := head.find(b"ispe", start)) >= 0 and at + 16 <= len(head):
        width, height = struct.unpack_from(">II", head, at + 8)
        if best is None or width * height > best[0] * best[1]:
            best = (width, height)
        start = at + 4
    return best if best else "HEIC 文件缺少图像尺寸信息"
