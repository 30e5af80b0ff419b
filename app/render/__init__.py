"""PDF rendering in a separate process.

MuPDF (through PyMuPDF) keeps Python's interpreter lock for the whole of a render — a
scanned page takes ~0.1 s — so rendering on a thread of the GUI process freezes every
piece of Python on the GUI thread (list models, event handlers) for that long.  Pages
are therefore rendered by small worker processes (`worker`), driven over their standard
input and output with a plain framed protocol (`frames`) by `pool.RenderPool`.  A bonus:
a PDF that crashes or hangs MuPDF now kills a worker, not the expert's window.
"""

from typing import NamedTuple

# A rendered page larger than this (≈ A4 at 8× zoom) is refused rather than allocated.
MAX_PAGE_PIXELS = 40_000_000
# The PDFs a worker keeps open (and their bytes): the one on screen, the next
# submission's, the one just left.  The pool mirrors it to know what need not be sent.
OPEN_DOCUMENTS = 3


class RenderedPage(NamedTuple):
    """One rendered PDF page: RGB888 samples, `stride` bytes per row."""

    width: int
    height: int
    stride: int
    samples: bytes | bytearray  # bytearray as read from a worker's pipe
