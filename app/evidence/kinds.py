"""The evidence kinds: one declaration each, in classification order (`KINDS`).

A kind declares everything PanelDesk does differently for it:

- `recognise`: how its files are told from their bytes (never their names).  `classify`
  tries the kinds in the order of `KINDS` on one shared `Probe`; the first that claims a
  file decides, so the last kind, "other", claims everything left;
- `label`: what it is called — Chinese, marked with `QT_TRANSLATE_NOOP` in context
  `LABEL_CONTEXT`; the interface shows `QCoreApplication.translate(LABEL_CONTEXT, label)`;
- `badge`: what the evidence strip draws until (or instead of) a thumbnail;
- `preview`: bytes → a Qt-free payload (the classes below), or None when the kind cannot
  be previewed.  The interface shows each payload type with the viewer registered for it
  in `ui/evidence/viewers.py`.  Previews run on the interface's runner threads and
  either return a payload or raise `PanelDeskError` with a Chinese reason: evidence
  comes from applicants and may be broken or hostile;
- `thumbnail`: whether the strip shows a picture of the file (the viewer of its payload
  type makes it).

A new kind is one more `Kind` here; a new kind of preview is also a payload class here
and a viewer registered for it.  Kind names are stored in packets (`PacketFile.kind`):
never rename one; a name this version does not know is treated as "other".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, get_args, get_type_hints

from app.evidence.images import read_image_header
from app.evidence.preview import SheetPreview, docx_text, links_preview, xlsx_preview
from app.evidence.probe import (
    DOCX,
    ENCRYPTED_OFFICE,
    KNOWN_EXTENSIONS,
    MSWORD,
    OCTET,
    OLE2_BY_EXTENSION,
    PDF,
    PLAIN_TEXT,
    PPTX,
    UNRECOGNISED,
    UNSAFE_ARCHIVE,
    XLSX,
    ZIP,
    EvidenceInfo,
    Probe,
    pdf_problem,
    unsafe_member_name,
)
from app.i18n import QT_TRANSLATE_NOOP
from app.render.pool import default_pool

LABEL_CONTEXT = "EvidenceKind"  # the context every label below is marked in
FALLBACK = "other"  # the kind of files nothing else claims, and of unknown kind names


# --- what previews give the interface ----------------------------------------------------

@dataclass(frozen=True)
class ImagePayload:
    """An image file's bytes: the interface decodes them (off its GUI thread)."""

    data: bytes


@dataclass(frozen=True)
class PdfPayload:
    """A PDF that opens, with at least one page; pages are rendered by `app.render`."""

    data: bytes
    page_count: int


@dataclass(frozen=True)
class SheetsPayload:
    """The first worksheets of a spreadsheet, cells formatted for display."""

    sheets: list[SheetPreview]


@dataclass(frozen=True)
class TextPayload:
    text: str


@dataclass(frozen=True)
class LinksPayload:
    """A text and the web addresses in it (shown as a list, never opened)."""

    text: str
    links: list[str]


@dataclass(frozen=True)
class Badge:
    """What the evidence strip draws for a file without a thumbnail."""

    text: str  # Latin on purpose: QPainter does not get the style sheet's CJK fallback font
    colour: str  # muted, so real thumbnails stand out


@dataclass(frozen=True)
class Kind:
    """One kind of evidence file; every field is required, so none is forgotten."""

    name: str
    label: str
    badge: Badge
    recognise: Callable[[Probe], EvidenceInfo | None]
    preview: Callable[[bytes], Any] | None
    thumbnail: bool

    @cached_property
    def payload_types(self) -> tuple[type, ...]:
        """The payload classes `preview` returns, as its return annotation declares them."""
        returned = get_type_hints(self.preview).get("return") if self.preview else None
        if returned is None:
            return ()  # no preview, or one that does not say (the registry test fails it)
        return get_args(returned) or (returned,)


# --- recognising and previewing, kind by kind ----------------------------------------------

def recognise_image(probe: Probe) -> EvidenceInfo | None:
    header = read_image_header(probe.data, probe.max_pixels)
    if header is None:
        return None
    return EvidenceInfo("image", header.media_type, image_format=header.format,
                        width=header.width, height=header.height, problem=header.problem)


def preview_image(data: bytes) -> ImagePayload:
    return ImagePayload(data)


def recognise_pdf(probe: Probe) -> EvidenceInfo | None:
    return EvidenceInfo("pdf", PDF, problem=pdf_problem(probe.data)) if probe.is_pdf else None


def preview_pdf(data: bytes) -> PdfPayload:
    # Counted by a render worker: MuPDF would hold the interpreter lock while it parses.
    return PdfPayload(data, default_pool().page_count(data))


def recognise_spreadsheet(probe: Probe) -> EvidenceInfo | None:
    return EvidenceInfo("spreadsheet", XLSX) if probe.zip_holds("xl/workbook.xml") else None


def preview_spreadsheet(data: bytes) -> SheetsPayload:
    return SheetsPayload(xlsx_preview(data))


def recognise_document(probe: Probe) -> EvidenceInfo | None:
    return EvidenceInfo("document", DOCX) if probe.zip_holds("word/document.xml") else None


def preview_document(data: bytes) -> TextPayload:
    return TextPayload(docx_text(data))


def recognise_links(probe: Probe) -> EvidenceInfo | None:
    return EvidenceInfo("links", PLAIN_TEXT, links=probe.links) if probe.links else None


def preview_links(data: bytes) -> LinksPayload:
    return LinksPayload(*links_preview(data))


def recognise_text(probe: Probe) -> EvidenceInfo | None:
    return EvidenceInfo("text", PLAIN_TEXT) if probe.text is not None else None


def preview_text(data: bytes) -> TextPayload | LinksPayload:
    # A file stored as plain text whose addresses are found now still lists them.
    text, links = links_preview(data)
    return LinksPayload(text, links) if links else TextPayload(text)


def recognise_other(probe: Probe) -> EvidenceInfo:
    """Everything no kind before claimed: zips (broken, bombs, presentations, archives),
    legacy Office files, unknown bytes — a problem only under a name promising a format."""
    if probe.is_zip:
        names, problem = probe.zip_directory
        if problem:
            return EvidenceInfo("other", ZIP, problem=problem)
        unsafe = sorted(n for n in names if unsafe_member_name(n))
        if unsafe:
            # Experts would save and unpack it with whatever tool they have: not shipped.
            return EvidenceInfo("other", ZIP, problem=f"{UNSAFE_ARCHIVE}（{unsafe[0][:60]}）")
        return EvidenceInfo("other", PPTX if "ppt/presentation.xml" in names else ZIP)
    if probe.is_ole2:
        return EvidenceInfo("other", OLE2_BY_EXTENSION.get(probe.ext, MSWORD),
                            problem=ENCRYPTED_OFFICE if probe.ole2_encrypted else None)
    return EvidenceInfo("other", OCTET,
                        problem=UNRECOGNISED if probe.ext in KNOWN_EXTENSIONS else None)


# --- the registry ---------------------------------------------------------------------------

KINDS: tuple[Kind, ...] = (
    Kind("image", QT_TRANSLATE_NOOP("EvidenceKind", "图片"), Badge("IMG", "#4f7cac"),
         recognise=recognise_image, preview=preview_image, thumbnail=True),
    Kind("pdf", QT_TRANSLATE_NOOP("EvidenceKind", "PDF 文档"), Badge("PDF", "#b0413e"),
         recognise=recognise_pdf, preview=preview_pdf, thumbnail=True),
    Kind("spreadsheet", QT_TRANSLATE_NOOP("EvidenceKind", "表格"), Badge("XLS", "#3f7d4e"),
         recognise=recognise_spreadsheet, preview=preview_spreadsheet, thumbnail=False),
    Kind("document", QT_TRANSLATE_NOOP("EvidenceKind", "Word 文档"), Badge("DOC", "#2f5d8a"),
         recognise=recognise_document, preview=preview_document, thumbnail=False),
    # Before text: a text file with web addresses in it is a link list.
    Kind("links", QT_TRANSLATE_NOOP("EvidenceKind", "链接"), Badge("URL", "#8a5a2f"),
         recognise=recognise_links, preview=preview_links, thumbnail=False),
    Kind("text", QT_TRANSLATE_NOOP("EvidenceKind", "文本"), Badge("TXT", "#6b7280"),
         recognise=recognise_text, preview=preview_text, thumbnail=False),
    # Last: claims every file left.
    Kind(FALLBACK, QT_TRANSLATE_NOOP("EvidenceKind", "其他文件"), Badge("?", "#9aa5b1"),
         recognise=recognise_other, preview=None, thumbnail=False),
)

_BY_NAME = {kind.name: kind for kind in KINDS}


def kind_named(name: str) -> Kind:
    """The kind called `name`; "other" for a name this version does not know."""
    return _BY_NAME.get(name) or _BY_NAME[FALLBACK]
