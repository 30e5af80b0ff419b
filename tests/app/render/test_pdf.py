"""Tests for app.render.pdf: real generated PDFs in, pixels out, hostile in → PanelDeskError."""

from __future__ import annotations

import pymupdf
import pytest

from app.errors import PanelDeskError
from app.render import pdf as preview
from tests.app.render.helpers import make_pdf


def test_pdf_count_and_render() -> None:
    data = make_pdf(3)
    assert preview.pdf_page_count(data) == 3
    page = preview.render_pdf_page(data, 1, 1.0)
    assert (page.width, page.height) == (595, 842)
    assert page.stride >= page.width * 3
    assert len(page.samples) == page.stride * page.height
    # The page is not blank: the text drew dark pixels.
    assert min(page.samples) < 100
    half = preview.render_pdf_page(data, 0, 0.5)
    assert half.width == pytest.approx(298, abs=1)


@pytest.mark.parametrize("data", [b"", b"hello", b"%PDF-1.4\n garbage" * 10, b"\x00" * 100])
def test_broken_pdf_raises(data: bytes) -> None:
    with pytest.raises(PanelDeskError, match="PDF"):
        preview.pdf_page_count(data)
    with pytest.raises(PanelDeskError):
        preview.render_pdf_page(data, 0, 1.0)


def test_pdf_bad_page_and_zoom() -> None:
    data = make_pdf(2)
    with pytest.raises(PanelDeskError, match="第 3 页"):
        preview.render_pdf_page(data, 2, 1.0)
    with pytest.raises(PanelDeskError, match="缩放"):
        preview.render_pdf_page(data, 0, 100.0)


def test_paging_reuses_the_open_document_and_keeps_only_a_few(monkeypatch) -> None:
    opened: list[int] = []
    real_open = preview._open_pdf

    def counting_open(data: bytes) -> pymupdf.Document:
        opened.append(len(data))
        return real_open(data)

    monkeypatch.setattr(preview, "_open_pdf", counting_open)
    docs = []
    for n in range(preview.OPEN_DOCUMENTS + 1):
        doc = pymupdf.open()
        for _ in range(n + 2):
            doc.new_page()
        docs.append(doc.tobytes())
    first = docs[0]
    assert preview.pdf_page_count(first) == 2
    for page in (0, 1, 0):
        preview.render_pdf_page(first, page, 0.5)
    assert len(opened) == 1  # counted, then every page rendered from the same document
    for data in docs[1:]:
        preview.render_pdf_page(data, 0, 0.5)
    assert len(preview._documents) == preview.OPEN_DOCUMENTS  # bounded: the oldest closed
    preview.render_pdf_page(first, 1, 0.5)
    assert len(opened) == len(docs) + 1
