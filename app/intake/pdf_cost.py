"""What reading a PDF page will cost, measured before MuPDF interprets it.

MuPDF cannot be interrupted once it interprets a page, and PyMuPDF hands every drawing
back as a Python dict: a 218 KB PDF whose one page draws five million lines (90 MB of
operators, deflated) took 84 s and 7.3 GB when its rules were looked for.  So the size
of a page's drawing operators — its content streams and the form XObjects it uses,
inflated only up to the bound — is measured first; `form_pdf` skips what is too big.

Bounds (docs/formats.md §10): rules are looked for on a page with at most 1 MB of
operators and 8 MB over the whole document; words are read from a page with at most
8 MB and 32 MB over the document.  Honest pages of text and tables have tens of KB.
"""

from __future__ import annotations

import zlib
from typing import Any

MAX_PAGE_RULES = 1 * 1024 * 1024
MAX_DOCUMENT_RULES = 8 * 1024 * 1024
MAX_PAGE_WORDS = 8 * 1024 * 1024
MAX_DOCUMENT_WORDS = 32 * 1024 * 1024
# Streams under another filter (rare for page content) are counted at this ratio.
_OTHER_FILTER_RATIO = 100


class Budget:
    """What is left to spend on one document, in bytes of drawing operators."""

    def __init__(self) -> None:
        self.words = MAX_DOCUMENT_WORDS
        self.rules = MAX_DOCUMENT_RULES

    def take_words(self, size: int) -> bool:
        """Whether the words of a page of `size` may be read (and count them if so)."""
        if size > MAX_PAGE_WORDS or size > self.words:
            return False
        self.words -= size
        return True

    def take_rules(self, size: int) -> bool:
        """Whether the rules of a page of `size` may be looked for (and count them)."""
        if size > MAX_PAGE_RULES or size > self.rules:
            return False
        self.rules -= size
        return True


def page_cost(doc: Any, page: Any) -> int:
    """Bytes of drawing operators of `page`, measured up to just over `MAX_PAGE_WORDS`.

    A form XObject is drawn once per `Do` that names it — and may itself draw others
    a thousand times each — so, when the page uses any, their size counts once for
    every `Do` found in the page's streams (images are drawn with `Do` too: a few
    hundred of them cost nothing but a tighter estimate)."""
    limit = MAX_PAGE_WORDS + 1
    content, calls = 0, 0
    for xref in page.get_contents():
        size, found = _stream_size(doc, xref, limit - content)
        content, calls = content + size, calls + found
        if content >= limit:
            return content
    forms, nested = 0, 0
    for item in page.get_xobjects():
        size, found = _stream_size(doc, item[0], limit - forms)
        forms, nested = forms + size, nested + found
        if forms >= limit:
            return content + forms
    return content + forms * (1 + calls + nested) if forms else content


def _stream_size(doc: Any, xref: int, limit: int) -> tuple[int, int]:
    """(inflated size of stream `xref` counted no further than `limit`, its `Do`s)."""
    raw = doc.xref_stream_raw(xref) or b""
    kind, value = doc.xref_get_key(xref, "Filter")
    filters = value.strip("[]").split() if kind in ("name", "array") else []
    if not filters:
        return len(raw), raw.count(b"Do")
    if filters != ["/FlateDecode"]:
        return len(raw) * _OTHER_FILTER_RATIO, 0
    inflater = zlib.decompressobj()
    size = calls = 0
    try:
        while raw and size <= limit:
            chunk = inflater.decompress(raw, 1024 * 1024)
            size, calls = size + len(chunk), calls + chunk.count(b"Do")
            raw = inflater.unconsumed_tail
    except zlib.error:
        pass  # MuPDF reads what it can of a broken stream; so much is counted
    return size, calls
