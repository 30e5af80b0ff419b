"""Photographs in a 申报书 PDF (a Word form with its photos, exported to PDF).

Experts do not get the form (it holds the contact details), so its photographs become
evidence, as those pasted into a Word form do (`form_images`).  Only pictures drawn at
a readable size count: smaller than an inch on the page is a logo, an icon or a bullet;
covering most of the page is a scanned page (the stamped signature page), not a photo.
Each is taken as the PDF stores it (`extract_image`: a JPEG stays the same bytes), and
only as JPEG or PNG; at most MAX_PICTURES of them, each at most MAX_BYTES.
"""

from __future__ import annotations

from typing import Any

from app.intake.form_images import MAX_PICTURES  # one bound for a form's pictures

MAX_BYTES = 20 * 1024 * 1024
MIN_SIDE_PT = 72  # one inch as drawn on the page
MAX_PAGE_SHARE = 0.8  # of the page's area
# Checked before the image is taken out: a non-JPEG image is decoded (and re-encoded as
# PNG) by `extract_image`, so its declared pixels, not its stored bytes, bound the memory.
MAX_PIXELS = 40_000_000


def pdf_pictures(doc: Any, pages: list[int]) -> list[tuple[str, bytes]]:
    """(name, bytes) of the photographs on `pages` (0-based indexes of pages whose
    drawing cost was already found bounded) of the open PyMuPDF document `doc`, in page
    order, each image once; a damaged or oversized image is left out."""
    out: list[tuple[str, bytes]] = []
    seen: set[int] = set()
    for index in pages:
        page = doc[index]
        page_area = max(page.rect.width * page.rect.height, 1.0)
        for info in page.get_image_info(xrefs=True):
            xref = info.get("xref") or 0
            x0, y0, x1, y1 = info.get("bbox") or (0, 0, 0, 0)
            width, height = abs(x1 - x0), abs(y1 - y0)
            if (xref <= 0 or xref in seen or min(width, height) < MIN_SIDE_PT
                    or width * height > MAX_PAGE_SHARE * page_area):
                continue
            seen.add(xref)
            if int(info.get("width") or 0) * int(info.get("height") or 0) > MAX_PIXELS \
                    or _stored_bytes(doc, xref) > MAX_BYTES:
                continue
            try:
                image = doc.extract_image(xref)
            except Exception:  # noqa: BLE001 — MuPDF reports a damaged image many ways
                continue
            ext, data = (image or {}).get("ext"), (image or {}).get("image")
            if ext in ("jpeg", "jpg", "png") and data and len(data) <= MAX_BYTES:
                out.append((f"page{index + 1}-image{len(out) + 1}.{ext}", data))
                if len(out) >= MAX_PICTURES:
                    return out
    return out


def _stored_bytes(doc: Any, xref: int) -> int:
    """The image stream's /Length as stored (unknown or indirect: read as too large)."""
    try:
        kind, value = doc.xref_get_key(xref, "Length")
        return int(value) if kind == "int" else MAX_BYTES + 1
    except Exception:  # noqa: BLE001 — a damaged object is not a picture to take
        return MAX_BYTES + 1
