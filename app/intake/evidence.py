"""Classify an evidence file by its CONTENT, not its name, and say if it is safe to open.

Applicants name files anything ("照片.jpg" that is a PNG, a screenshot renamed .pdf), so
the kind and media type come from magic bytes and structure; the extension is only a
hint for formats that look alike (legacy Word vs Excel) and for deciding whether
unrecognised bytes are a problem (a ".jpg" of random bytes is) or just "other".

Image dimensions are read from the headers in pure Python — decoding 900 photos per
build would be far too slow — and the same walk detects truncated files and
decompression bombs.  Office files are inspected through the zip's central directory
only (nothing is decompressed), PDFs are opened with PyMuPDF just to see that they open.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
OCTET = "application/octet-stream"
UNRECOGNISED = "无法识别的文件内容"
TRUNCATED = "图片文件不完整（可能在传输中被截断）"
ZIP_BOMB = "疑似压缩炸弹"

# Zip limits (central directory values; checked before anything is decompressed).
ZIP_MAX_ENTRIES = 1000
ZIP_MAX_TOTAL = 200 * 1024 * 1024
ZIP_MAX_RATIO = 100
# No real photo or scan has a side this long; a header claiming one is hostile.
MAX_SIDE = 65_535

# Extensions whose owner expects a recognisable format; random bytes under them are a problem.
KNOWN_EXTENSIONS = {
    ".jpg", ".jpeg", ".jpe", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff", ".heic",
    ".pdf", ".xlsx", ".xlsm", ".docx", ".pptx", ".doc", ".xls", ".ppt", ".zip", ".txt",
    ".csv",
}
OLE2_BY_EXTENSION = {".xls": "application/vnd.ms-excel", ".ppt": "application/vnd.ms-powerpoint"}
IMAGE_MEDIA = {"jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "bmp": "image/bmp",
               "webp": "image/webp", "tiff": "image/tiff", "heic": "image/heic",
               "avif": "image/avif"}
# JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic); not C4/C8/CC.
SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# URLs in applicants' link lists are ASCII; stopping at the first non-ASCII character keeps
# "见https://a.cn/x报道" from swallowing the Chinese that follows.
URL_RE = re.compile(r"(?<![A-Za-z0-9.@/])(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+",
                    re.I)
URL_TRAILING = ".,;:!?'\"]"
CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass
class EvidenceInfo:
    """What an evidence file is.  `problem` (Chinese) is set when it must not be opened."""

    kind: str  # one of app.model.FILE_KINDS
    media_type: str
    image_format: str | None = None
    width: int | None = None
    height: int | None = None
    problem: str | None = None
    links: list[str] = field(default_factory=list)


def classify(name: str, data: bytes, *, max_pixels: int = 80_000_000) -> EvidenceInfo:
    """Classify `data` (the file's bytes; `name` is only a hint).  Never raises."""
    ext = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if not data:
        return EvidenceInfo("other", OCTET, problem="文件为空")
    try:
        info = _image(data, max_pixels)
        if info is None:
            info = _container(data, ext)
        if info is None:
            info = _text(data)
    except (struct.error, IndexError, ValueError):
        # A header too short for the fields it announces: the file is cut or forged.
        info = EvidenceInfo("other", OCTET, problem=UNRECOGNISED)
    if info is None:
        info = EvidenceInfo("other", OCTET)
        if ext in KNOWN_EXTENSIONS:
            info.problem = UNRECOGNISED
    return info


# --- images -------------------------------------------------------------------------------

def _image(data: bytes, max_pixels: int) -> EvidenceInfo | None:
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
    info = EvidenceInfo("image", IMAGE_MEDIA[fmt], image_format=fmt)
    if isinstance(dims, str):
        info.problem = dims
        return info
    width, height = dims
    info.width, info.height = width, height
    if width <= 0 or height <= 0:
        info.problem = f"图片尺寸无效（{width}×{height}）"
    elif width > MAX_SIDE or height > MAX_SIDE or width * height > max_pixels:
        info.problem = f"图片尺寸异常（{width}×{height}），疑似解压炸弹，已拒绝打开"
    return info


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


# --- PDF, Office, zip ---------------------------------------------------------------------

def _container(data: bytes, ext: str) -> EvidenceInfo | None:
    if b"%PDF-" in data[:1024]:
        return _pdf(data)
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        return _zip(data)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        info = EvidenceInfo("other", OLE2_BY_EXTENSION.get(ext, "application/msword"))
        # A password-protected .docx/.xlsx is stored as OLE2 with an EncryptionInfo stream.
        if "EncryptionInfo".encode("utf-16-le") in data:
            info.problem = "Office 文件已加密，无法查看"
        return info
    return None


def _pdf(data: bytes) -> EvidenceInfo:
    import pymupdf  # heavy; only loaded when a PDF is actually seen

    info = EvidenceInfo("pdf", "application/pdf")
    shown = pymupdf.TOOLS.mupdf_display_errors()
    pymupdf.TOOLS.mupdf_display_errors(False)  # hostile PDFs would spam stderr
    try:
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            if doc.needs_pass:
                info.problem = "PDF 已加密，无法查看"
            elif doc.page_count <= 0:
                info.problem = "PDF 没有任何页面"
    except Exception:  # noqa: BLE001 — any MuPDF failure means "cannot be opened"
        info.problem = "PDF 文件已损坏，无法打开"
    finally:
        pymupdf.TOOLS.mupdf_display_errors(shown)
    return info


def zip_bomb_reason(zf: zipfile.ZipFile) -> str | None:
    """Why this archive must not be decompressed, judged from its directory; else None."""
    infos = zf.infolist()
    if len(infos) > ZIP_MAX_ENTRIES:
        return f"{ZIP_BOMB}（包含 {len(infos)} 个条目）"
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos)
    if total > ZIP_MAX_TOTAL:
        return f"{ZIP_BOMB}（解压后约 {total // (1024 * 1024)} MB）"
    if total > 1024 * 1024 and total > ZIP_MAX_RATIO * max(packed, 1):
        return f"{ZIP_BOMB}（压缩比超过 {ZIP_MAX_RATIO}:1）"
    return None


def _zip(data: bytes) -> EvidenceInfo:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            reason = zip_bomb_reason(zf)
            names = set(zf.namelist()) if reason is None else set()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return EvidenceInfo("other", "application/zip", problem="压缩文件已损坏，无法打开")
    if reason:
        return EvidenceInfo("other", "application/zip", problem=reason)
    if "xl/workbook.xml" in names:
        return EvidenceInfo("spreadsheet", XLSX)
    if "word/document.xml" in names:
        return EvidenceInfo("document", DOCX)
    if "ppt/presentation.xml" in names:
        return EvidenceInfo("other", PPTX)
    return EvidenceInfo("other", "application/zip")


# --- text and links -----------------------------------------------------------------------

def _text(data: bytes) -> EvidenceInfo | None:
    text = decode_text(data)
    if text is None:
        return None
    links = find_links(text)
    return EvidenceInfo("links" if links else "text", "text/plain", links=links)


def decode_text(data: bytes) -> str | None:
    """Decode UTF-8 (BOM or not), UTF-16 with BOM, or GB18030; None when it is not text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    elif b"\x00" in data:
        return None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
            if text.count("\ufffd") > max(2, len(text) // 200):
                return None
    # Binary that happens to decode is full of control characters; real text is not.
    controls = len(CONTROL_RE.findall(text))
    if controls > max(2, len(text) // 100):
        return None
    return text


def find_links(text: str) -> list[str]:
    """http(s):// and www. addresses in order of appearance, without duplicates."""
    seen: dict[str, None] = {}
    for match in URL_RE.finditer(text):
        url = match.group(0).rstrip(URL_TRAILING)
        while url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1].rstrip(URL_TRAILING)  # "(见 https://a.cn/x)": the ")" is prose
        host = url.split("://", 1)[-1]
        if "." in host.removeprefix("www.").removeprefix("WWW.") and url not in seen:
            seen[url] = None
    return list(seen)
