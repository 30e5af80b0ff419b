"""A generated PDF for the rendering and evidence tests."""

from __future__ import annotations

import pymupdf


def make_pdf(pages: int = 3, label: str = "Page", width: int = 595, height: int = 842) -> bytes:
    """`pages` pages (A4 by default), each with a line of text placed a little lower than on
    the page before, so that no two pages render alike."""
    doc = pymupdf.open()
    for i in range(pages):
        page = doc.new_page(width=width, height=height)
        page.insert_text((40, 60 + 10 * i), f"{label} {i + 1} / {pages}", fontsize=20)
    data = doc.tobytes()
    doc.close()
    return data
