"""The words of a PDF page in reading order within each line, glyphs from other fonts
put back where they stand.

Word processors write a line in runs, one per font: with a Chinese system font, the
quotation marks in "建立“一键回访”机制" come from a Latin font and are drawn apart from
the Chinese run that leaves room for them.  PyMuPDF's words follow the runs, so the
Chinese run becomes one word whose box holds the quotes, and the quotes two words of
their own — read in that order, "建立一键回访机制“”".  `page_words` finds such a word and
the words inside its box, and rebuilds them from their characters, left to right.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

Word = tuple[float, float, float, float, str]  # x0, y0, x1, y1, text
_MAX_HOLEY = 200  # words rebuilt per page: a page built to make this crawl keeps its words


def page_words(page: Any) -> list[Word]:
    """The page's non-blank words, with interleaved runs rebuilt (see the docstring)."""
    words: list[Word] = [(w[0], w[1], w[2], w[3], w[4])
                         for w in page.get_text("words", sort=False) if w[4].strip()]
    groups = _interleaved(words)
    if not groups:
        return words
    replaced: set[int] = set()
    rebuilt: list[Word] = []
    for host, guests in groups[:_MAX_HOLEY]:
        members = [host, *guests]
        replaced.update(members)
        rebuilt.extend(_from_characters(page, [words[i] for i in members]))
    return [w for i, w in enumerate(words) if i not in replaced] + rebuilt


def _interleaved(words: list[Word]) -> list[tuple[int, list[int]]]:
    """(host, guests): words whose centres lie inside the host's box, on its line.

    Candidates come from a bisection over the words' horizontal centres, so a page of
    ordinary words costs n log n, not n²."""
    order = sorted(range(len(words)), key=lambda i: (words[i][0] + words[i][2]) / 2)
    centres = [(words[i][0] + words[i][2]) / 2 for i in order]
    taken: set[int] = set()
    groups = []
    for i in sorted(range(len(words)), key=lambda i: words[i][0]):
        x0, y0, x1, y1, _ = words[i]
        if i in taken or x1 - x0 <= 0 or y1 - y0 <= 0:
            continue
        guests = []
        for j in order[bisect_right(centres, x0):bisect_left(centres, x1)]:
            gx0, gy0, gx1, gy1, _ = words[j]
            if j != i and j not in taken and y0 < (gy0 + gy1) / 2 < y1 \
                    and gx1 - gx0 < x1 - x0:
                guests.append(j)
        if guests:
            taken.update([i, *guests])
            groups.append((i, guests))
    return groups


def _from_characters(page: Any, words: list[Word]) -> list[Word]:
    """The characters of `words`, left to right, split at blanks into words again."""
    x0 = min(w[0] for w in words)
    y0 = min(w[1] for w in words)
    x1 = max(w[2] for w in words)
    y1 = max(w[3] for w in words)
    chars = []
    for block in page.get_text("rawdict", clip=(x0, y0, x1, y1))["blocks"]:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                for ch in span["chars"]:
                    bx0, by0, bx1, by1 = ch["bbox"]
                    cx, cy = (bx0 + bx1) / 2, (by0 + by1) / 2
                    if x0 <= cx <= x1 and y0 <= cy <= y1:  # clip also returns neighbours
                        chars.append((bx0, by0, bx1, by1, ch["c"]))
    if not chars:
        return words  # nothing better to offer: keep what PyMuPDF said
    out: list[Word] = []
    current: list[tuple[float, float, float, float, str]] = []
    for char in sorted(chars, key=lambda c: c[0]) + [(0.0, 0.0, 0.0, 0.0, " ")]:
        if char[4].isspace():
            if current:
                out.append((min(c[0] for c in current), min(c[1] for c in current),
                            max(c[2] for c in current), max(c[3] for c in current),
                            "".join(c[4] for c in current)))
            current = []
        else:
            current.append(char)
    return out
