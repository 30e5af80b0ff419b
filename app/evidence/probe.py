"""What a file's bytes are, read cheaply and never trusted: the `Probe` the kinds share.

`classify` makes one `Probe` per file and hands it to each kind's recogniser in turn
(`app.evidence.kinds`), so work several kinds need — a zip's directory, the bytes decoded
as text — is done once.  Office files are inspected through the zip's central directory
only (nothing is decompressed); PDFs are opened with PyMuPDF just to see that they open.
`EvidenceInfo` is what classification says about a file.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePosixPath

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
PDF = "application/pdf"
ZIP = "application/zip"
MSWORD = "application/msword"
PLAIN_TEXT = "text/plain"
OCTET = "application/octet-stream"
EMPTY = "文件为空"
UNRECOGNISED = "无法识别的文件内容"
ZIP_BOMB = "疑似压缩炸弹"
BROKEN_ZIP = "压缩文件已损坏，无法打开"
UNSAFE_ARCHIVE = "压缩包中有路径不安全的文件，可能试图写到解压文件夹之外"
ENCRYPTED_OFFICE = "Office 文件已加密，无法查看"

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Zip limits (central directory values; checked before anything is decompressed).
ZIP_MAX_ENTRIES = 1000
ZIP_MAX_TOTAL = 200 * 1024 * 1024
ZIP_MAX_RATIO = 100

# Extensions whose owner expects a recognisable format; random bytes under them are a problem.
KNOWN_EXTENSIONS = {
    ".jpg", ".jpeg", ".jpe", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff", ".heic",
    ".pdf", ".xlsx", ".xlsm", ".docx", ".pptx", ".doc", ".xls", ".ppt", ".zip", ".txt",
    ".csv",
}
OLE2_BY_EXTENSION = {".xls": "application/vnd.ms-excel", ".ppt": "application/vnd.ms-powerpoint"}
# URLs in applicants' link lists are ASCII; stopping at the first non-ASCII character keeps
# "见https://a.cn/x报道" from swallowing the Chinese that follows.
URL_RE = re.compile(r"(?<![A-Za-z0-9.@/])(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+",
                    re.I)
URL_TRAILING = ".,;:!?'\"]"
# Text files are judged (and their links found) on their first 2 M characters: what the
# preview shows (app.evidence.preview), and a bound on a 100 MB single-line file.
PROBE_TEXT_CHARS = 2_000_000
CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass
class EvidenceInfo:
    """What an evidence file is.  `problem` (Chinese) is set when it must not be opened."""

    kind: str  # the name of one of app.evidence.kinds.KINDS
    media_type: str
    image_format: str | None = None
    width: int | None = None
    height: int | None = None
    problem: str | None = None
    links: list[str] = field(default_factory=list)


class Probe:
    """One file's bytes and what has been read from them so far (each at most once)."""

    def __init__(self, name: str, data: bytes, max_pixels: int) -> None:
        self.data = data
        self.max_pixels = max_pixels  # larger images are refused as decompression bombs
        # Only a hint: for formats that look alike, and whether unknown bytes are a problem.
        self.ext = PurePosixPath(name.replace("\\", "/")).suffix.lower()

    @property
    def is_pdf(self) -> bool:
        return b"%PDF-" in self.data[:1024]

    @property
    def is_zip(self) -> bool:
        return self.data[:4] in ZIP_MAGIC

    @property
    def is_ole2(self) -> bool:
        """A legacy Office file (.doc, .xls, .ppt) — or an encrypted .docx/.xlsx."""
        return self.data[:8] == OLE2_MAGIC

    @property
    def ole2_encrypted(self) -> bool:
        # A password-protected .docx/.xlsx is stored as OLE2 with an EncryptionInfo stream.
        return "EncryptionInfo".encode("utf-16-le") in self.data

    @cached_property
    def zip_directory(self) -> tuple[frozenset[str], str | None]:
        """A zip's member names, and why it must not be opened (broken, a bomb) — then no
        names — or None."""
        try:
            with zipfile.ZipFile(io.BytesIO(self.data)) as zf:
                reason = zip_bomb_reason(zf)
                names = frozenset(zf.namelist()) if reason is None else frozenset()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            return frozenset(), BROKEN_ZIP
        return names, reason

    def zip_holds(self, member: str) -> bool:
        """Whether the file is a sound zip with `member` in its directory."""
        return self.is_zip and member in self.zip_directory[0]

    @cached_property
    def text(self) -> str | None:
        """The bytes decoded as text, or None: containers never are text."""
        if self.is_pdf or self.is_zip or self.is_ole2:
            return None
        return decode_text(self.data, max_chars=PROBE_TEXT_CHARS)

    @cached_property
    def links(self) -> list[str]:
        return find_links(self.text) if self.text is not None else []


def pdf_problem(data: bytes) -> str | None:
    """Why a PDF cannot be shown (encrypted, no pages, broken), or None."""
    import pymupdf  # heavy; only loaded when a PDF is actually seen

    shown = pymupdf.TOOLS.mupdf_display_errors()
    pymupdf.TOOLS.mupdf_display_errors(False)  # hostile PDFs would spam stderr
    try:
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            if doc.needs_pass:
                return "PDF 已加密，无法查看"
            if doc.page_count <= 0:
                return "PDF 没有任何页面"
    except Exception:  # noqa: BLE001 — any MuPDF failure means "cannot be opened"
        return "PDF 文件已损坏，无法打开"
    finally:
        pymupdf.TOOLS.mupdf_display_errors(shown)
    return None


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


def unsafe_member_name(name: str) -> bool:
    """A zip member named to escape the folder it is extracted into: `../…`, an absolute
    path or a drive letter (backslashes count as separators, as Windows tools read them)."""
    name = name.replace("\\", "/")
    return (name.startswith("/") or (len(name) > 1 and name[1] == ":")
            or ".." in name.split("/"))


def decode_text(data: bytes, max_chars: int | None = None) -> str | None:
    """Decode UTF-8 (BOM or not), UTF-16 with BOM, or GB18030; None when it is not text.

    With `max_chars`, only the bytes that can hold that many characters are decoded
    (and judged): the caller shows no more, and a whole 100 MB file with one emoji in
    it would become a 400 MB string."""
    final = max_chars is None or len(data) <= 4 * max_chars
    if not final:
        data = data[:4 * max_chars]  # a character is at most 4 bytes in all three

    def decoded(encoding: str, errors: str = "strict") -> str:
        # Incremental: a character cut in two at the end of the slice is left out, not
        # an error that would make the text look like another encoding.
        return codecs.getincrementaldecoder(encoding)(errors).decode(data, final)

    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            text = decoded("utf-16")
        except UnicodeDecodeError:
            return None
    elif b"\x00" in data:
        return None
    else:
        try:
            text = decoded("utf-8-sig")
        except UnicodeDecodeError:
            text = decoded("gb18030", errors="replace")
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
