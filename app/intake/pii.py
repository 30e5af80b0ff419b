"""Find unmasked personal data in the text experts will read (the call's rule on personal data).

Three kinds: mainland mobile numbers, 18-digit resident ID numbers whose GB 11643
check character is right, and bank card numbers passing the Luhn check.  Validation
(dates, check digits) keeps false alarms low: a work-order number or a statistic
that merely has the right length is not reported.  Masked forms ("138****8000",
"110101********1234") contain no digit run of the right length, so they never match.

Offsets refer to the text as given.  Full-width digits (１３８…) are mapped one-to-one
to ASCII before matching, so offsets stay valid.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
# One character in, one character out: offsets in the normalised text equal the original's.
_FULLWIDTH = {0xFF10 + i: ord("0") + i for i in range(10)}
_FULLWIDTH.update({0xFF38: ord("X"), 0xFF58: ord("x"), 0xFF0B: ord("+"), 0xFF0D: ord("-"),
                   0x3000: ord(" ")})

# A number glued to Latin letters or other digits is a code, not a phone/ID/card.
_EDGE_L = r"(?<![0-9A-Za-z])"
_EDGE_R = r"(?![0-9A-Za-z])"
PHONE_RE = re.compile(
    _EDGE_L + r"(?:(?:\+|00)?86[ -]?)?"  # optional country code
    r"(1[3-9][0-9])([ -]?)([0-9]{4})\2([0-9]{4})" + _EDGE_R)
ID_RE = re.compile(_EDGE_L + r"[1-9][0-9]{5}(?:19|20)[0-9]{9}[0-9Xx]" + _EDGE_R)
CARD_RE = re.compile(
    _EDGE_L + r"(?:[0-9]{16,19}|[0-9]{4}(?: [0-9]{4}){3}(?: [0-9]{1,3})?)"
    r"(?![0-9A-Za-z]| [0-9])")


@dataclass
class PiiHit:
    """One finding: `code` is the warning code, [start, end) its span in the text."""

    code: str  # "pii_phone" | "pii_id_number" | "pii_bank_card"
    start: int
    end: int
    text: str


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of an ID number."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def is_valid_id(number: str) -> bool:
    """18 characters, a real birth date (1900–2099) and the right check character."""
    if len(number) != 18 or not number[:17].isascii() or not number[:17].isdigit():
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year <= 2099 and id_check_char(number[:17]) == number[17].upper()


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def find_pii(text: str) -> list[PiiHit]:
    """All unmasked phones, ID numbers and bank cards in `text`, ordered by position."""
    norm = text.translate(_FULLWIDTH)
    hits: list[PiiHit] = []
    for m in ID_RE.finditer(norm):
        if is_valid_id(m.group(0)):
            hits.append(PiiHit("pii_id_number", m.start(), m.end(), text[m.start():m.end()]))
    # The matches of one pattern never overlap each other, so each pattern's are checked
    # against the hits of the patterns before it only — by bisection: a form of 700 000
    # numbers took hours when every match was compared with every hit.
    taken = _Spans(hits)
    for m in CARD_RE.finditer(norm):
        digits = m.group(0).replace(" ", "")
        if (16 <= len(digits) <= 19 and digits.startswith(("62", "4", "5"))
                and not is_valid_id(digits) and luhn_ok(digits)
                and not taken.overlaps(m.start(), m.end())):
            hits.append(PiiHit("pii_bank_card", m.start(), m.end(), text[m.start():m.end()]))
    taken = _Spans(hits)
    for m in PHONE_RE.finditer(norm):
        # The span is the number itself, not the +86 prefix, so masking keeps the prefix.
        start, end = m.start(1), m.end()
        if not taken.overlaps(start, end):
            hits.append(PiiHit("pii_phone", start, end, text[start:end]))
    hits.sort(key=lambda h: h.start)
    return hits


class _Spans:
    """Disjoint spans of hits, sorted, asked whether a span overlaps any of them."""

    def __init__(self, hits: list[PiiHit]) -> None:
        spans = sorted((h.start, h.end) for h in hits)
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def overlaps(self, start: int, end: int) -> bool:
        # The last span starting before `end` is the only one that can reach past `start`.
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ends[i] > start


def mask(hit: PiiHit) -> str:
    """The hit with its middle hidden, safe to put in a report: "138****8000"."""
    chars = [c for c in hit.text.translate(_FULLWIDTH) if c not in " -"]
    keep_head = {"pii_phone": 3, "pii_id_number": 6, "pii_bank_card": 4}[hit.code]
    hidden = len(chars) - keep_head - 4
    return "".join(chars[:keep_head]) + "*" * hidden + "".join(chars[-4:])
