"""Words of a PDF line drawn in runs of two fonts read back in their visual order.

Word and LibreOffice write "建立“一键回访”机制。" with a Chinese font as one run that
leaves room for the quotes, and the quotes in a Latin font after it.  The page below
answers PyMuPDF's two calls the way such a PDF does (the real thing is exported in
test_forms_pdf.py when LibreOffice and a Chinese system font are installed).
"""

from __future__ import annotations

import pymupdf

from app.intake.pdf_words import page_words

SIZE = 11.0


def box(x: float, width: float = SIZE) -> tuple[float, float, float, float]:
    return (x, 90.0, x + width, 101.0)


class InterleavedPage:
    """`get_text("words")` and `get_text("rawdict")` of one such line and one more cell."""

    def __init__(self) -> None:
        line = "建立“一键回访”机制。"
        self.chars = [(box(72 + SIZE * i), ch) for i, ch in enumerate(line)]
        chinese = [c for c in self.chars if c[1] not in "“”"]
        self.words = [(72.0, 90.0, 72 + SIZE * len(line), 101.0, "".join(c[1] for c in chinese),
                       0, 0, 0)]
        self.words += [(*b, ch, 1, 0, i) for i, (b, ch) in enumerate(self.chars) if ch in "“”"]
        self.words.append((300.0, 90.0, 322.0, 101.0, "其他", 2, 0, 0))

    def get_text(self, kind: str, sort: bool = False, clip=None):
        if kind == "words":
            return self.words
        assert kind == "rawdict" and clip is not None
        chars = [{"bbox": b, "c": c} for b, c in self.chars]
        chars.append({"bbox": box(300, 22), "c": "其"})  # outside the clip's words
        return {"blocks": [{"lines": [{"spans": [{"chars": chars}]}]}]}


def test_runs_of_two_fonts_come_back_in_reading_order() -> None:
    words = sorted(page_words(InterleavedPage()))
    assert [w[4] for w in words] == ["建立“一键回访”机制。", "其他"]
    assert words[0][:4] == (72.0, 90.0, 72 + SIZE * 11, 101.0)  # eleven characters


def test_a_page_without_interleaving_keeps_pymupdfs_words() -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "申报单位 某市热线", fontname="china-s", fontsize=11)
    with doc:
        assert [w[4] for w in page_words(page)] == ["申报单位", "某市热线"]
