"""What the demo applications say: the record of one demo entry and shared helpers.

The texts themselves live in `content_a.py` … `content_c.py` (four or five entries each,
so no module grows past a few hundred lines); `entries()` gathers them in intake order.
Every unit, person and number in them is invented for the demo, in the spirit of the
cases in the seed articles (Qingdao's "夏病春治", Shangyu's noise governance, Beihai's
AI dispatch, Beijing's 接诉即办, county hotlines); contacts are obviously fake
(555 landlines, 13800000000-style mobiles).  Each entry also records the intake
warnings it is built to trigger, which the tests and the lead's integration test check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATEGORIES = ("感动瞬间", "创新机制", "坚守故事", "治理成效")
FORM_TITLE = "2026年“12345的温度”创新实践申报书"

# Warning codes the intake engine uses (issue 2); listed here so a typo fails loudly.
WARNING_CODES = frozenset({
    "word_count", "image_count", "image_format", "image_resolution", "pii_phone",
    "pii_id_number", "duplicate", "unreadable_file", "category_missing", "field_missing",
})


@dataclass(frozen=True)
class Evidence:
    """One evidence file: its path inside the entry, which maker draws it, and how."""

    name: str
    kind: str
    args: dict[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class DemoEntry:
    """One application mail as the organizer saved it.

    `style` is the 申报书 layout: "table" (label | value rows under a merged title row,
    contact in one "联系人及联系方式" cell), "table_split" (separate 联系人 / 联系电话
    rows), "paragraph" ("标签：值" lines and heading-like 核心亮点 / 详细内容), or "pdf".
    `marker` is the tick used in the category check boxes ("" = category as plain
    text); `category=None` means every box is left empty.  `packing` is "folder",
    "zip" (files at the zip's top level, GBK names) or "zip_wrapped" (one folder inside).
    An empty `highlights` leaves the 核心亮点 module out of the form.
    """

    source: str
    unit: str
    contact_name: str
    contact_phone: str
    category: str | None
    title: str
    highlights: str
    body: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    form: str = "申报书.docx"
    style: str = "table"
    marker: str = "☑"
    warnings: tuple[str, ...] = ()
    packing: str = "folder"

    def __post_init__(self) -> None:
        assert self.category is None or self.category in CATEGORIES, self.category
        assert set(self.warnings) <= WARNING_CODES, self.warnings

    @property
    def body_chars(self) -> int:
        """Length of 详细内容 as the call counts it: characters other than whitespace."""
        return sum(1 for ch in "".join(self.body) if not ch.isspace())


def paras(text: str) -> tuple[str, ...]:
    """Paragraphs from a wrapped source block: blank lines separate paragraphs, line
    breaks inside a paragraph are only source wrapping and are dropped."""
    blocks = [b for b in text.strip().split("\n\n") if b.strip()]
    return tuple("".join(line.strip() for line in b.splitlines()) for b in blocks)


ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    """GB 11643-1999 check character of a resident ID number's first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def fake_id_number(first17: str) -> str:
    return first17 + id_check_digit(first17)


def category_line(category: str | None, marker: str, order: tuple[str, ...] = CATEGORIES) -> str:
    """The category as the form shows it: plain text, or a row of check boxes with the
    chosen one ticked (none ticked when `category` is None)."""
    if not marker and category:
        return category
    tick = marker or "☑"
    return "　".join(f"{tick if name == category else '□'}{name}" for name in order)


def entries() -> list[DemoEntry]:
    """All demo entries, in the order they are written."""
    from app.demo import content_a, content_b, content_c

    return [*content_a.ENTRIES, *content_b.ENTRIES, *content_c.ENTRIES]
