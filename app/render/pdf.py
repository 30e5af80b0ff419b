"""Counting and rendering PDF pages with PyMuPDF — only ever inside a render worker.

Evidence comes from applicants and may be broken or hostile: every function returns a
result or raises `PanelDeskError` with a Chinese reason the viewer shows as is.  Imported
by `app.render.worker`; the GUI process reaches it through `app.render.pool` and never
imports PyMuPDF for previews itself.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager

import pymupdf

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.render import MAX_PAGE_PIXELS, OPEN_DOCUMENTS, RenderedPage

MIN_ZOOM = 0.05
MAX_ZOOM = 8.0


@contextmanager
def _quiet_mupdf() -> Iterator[None]:
    # MuPDF prints its own complaints about broken files to stderr; the viewer shows ours.
    shown = pymupdf.TOOLS.mupdf_display_errors(False)
    try:
        yield
    finally:
        pymupdf.TOOLS.mupdf_display_errors(shown)


def _open_pdf(data: bytes) -> pymupdf.Document:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Render", "PDF 文件已损坏，无法打开（不是 PDF 格式）")))
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as err:  # any MuPDF failure means "cannot be opened"
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Render", "PDF 文件已损坏，无法打开"))) from err
    if doc.needs_pass:
        doc.close()
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Render", "PDF 文件设有密码，无法打开")))
    if doc.page_count < 1:
        doc.close()
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Render", "PDF 没有任何页面")))
    return doc


def pdf_page_count(data: bytes) -> int:
    """How many pages the PDF has (at least 1), or PanelDeskError if it cannot be opened."""
    with _quiet_mupdf(), _open_cached(data) as doc:  # the viewer renders these bytes next
        return int(doc.page_count)


def render_pdf_page(data: bytes, page_index: int, zoom: float) -> RenderedPage:
    """Render page `page_index` (0-based) at `zoom` (1.0 = 72 dpi) as RGB888 samples."""
    if not MIN_ZOOM <= zoom <= MAX_ZOOM:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Render", "缩放比例 {zoom} 超出范围（{min_zoom}–{max_zoom}）"),
            zoom=format(zoom, 'g'), min_zoom=format(MIN_ZOOM, 'g'), max_zoom=format(MAX_ZOOM, 'g')))
    with _quiet_mupdf(), _open_cached(data) as doc:
        if not 0 <= page_index < doc.page_count:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Render", "PDF 只有 {page_count} 页，没有第 {page_index} 页"),
                page_count=doc.page_count, page_index=page_index + 1))
        try:
            page = doc.load_page(page_index)
            rect = page.rect
            if rect.width * zoom * rect.height * zoom > MAX_PAGE_PIXELS:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Render", "PDF 页面尺寸过大，无法按此比例显示")))
            pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False,
                                  colorspace=pymupdf.csRGB)
        except PanelDeskError:
            raise
        except Exception as err:  # a broken page, not a broken app
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Render", "PDF 第 {page_index} 页已损坏，无法显示"), page_index=page_index + 1)) from err
        return RenderedPage(pix.width, pix.height, pix.stride, bytes(pix.samples))


# Paging through a PDF renders page after page of the same bytes: parsing the file and
# decoding its images again for every page costs far more than the page itself.  The last
# few opened documents stay open, keyed by the bytes object the viewer keeps (identity,
# checked with `is`, so a reused id can never hit), `OPEN_DOCUMENTS` of them; MuPDF
# documents are not thread-safe, so renders take turns.
#
# MuPDF keeps decoded images in a global store (up to 256 MB) after their document is
# gone.  Emptying it at every eviction also threw away the images of the document on
# screen (a scanned page then took 60 ms instead of 5 to render again); the store is
# least-recently-used first, so keeping its last 5 % keeps those and bounds the worker
# (~100 MB after 120 documents, against ~380 MB when halving it).
STORE_KEPT_PERCENT = 5
_documents: OrderedDict[int, tuple[bytes, pymupdf.Document]] = OrderedDict()
_documents_lock = threading.Lock()


@contextmanager
def _open_cached(data: bytes) -> Iterator[pymupdf.Document]:
    with _documents_lock:
        entry = _documents.get(id(data))
        if entry is not None and entry[0] is data:
            _documents.move_to_end(id(data))
            doc = entry[1]
        else:
            doc = _open_pdf(data)
            _documents[id(data)] = (data, doc)
            while len(_documents) > OPEN_DOCUMENTS:
                _key, (_data, oldest) = _documents.popitem(last=False)
                oldest.close()
                pymupdf.TOOLS.store_shrink(100 - STORE_KEPT_PERCENT)
        yield doc
