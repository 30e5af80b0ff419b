"""Exact decimal helpers for scores: parsing, canonical strings, fixed-scale display.

Scores never pass through binary floats: 0.1 + 0.2 must stay 0.3 when seven experts'
half-point scores are added up, and a signed score sheet must print the same digits on
every machine.  Everything here works on `decimal.Decimal` in a wide local context, so
sums of bounded scores are exact, and text is parsed only in plain positional notation:
"1e999999" or "NaN" typed into a cell is refused instead of becoming a number that
makes later arithmetic explode.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from scoring.wording import QT_TRANSLATE_NOOP, Message

# Wide enough that nothing we add or multiply (bounded scores × bounded weights) rounds.
PRECISION = 60
MAX_TEXT_LENGTH = 40
MAX_PLACES = 10

_PLAIN = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_ONE = Decimal(1)
_HALF = Decimal("0.5")
_TENTH = Decimal("0.1")


class DecimalFormatError(ValueError):
    """Text or a value that is not an acceptable exact decimal; message in Chinese."""


def parse_decimal(text: str | int | Decimal) -> Decimal:
    """`text` as an exact Decimal: plain notation only ("27.5", "-3", "０.５" full-width).

    Rejects floats (already inexact), bools, NaN/Infinity, exponent notation and
    over-long input.  An int or a finite Decimal passes through unchanged.
    """
    if isinstance(text, bool | float):
        raise DecimalFormatError(Message(QT_TRANSLATE_NOOP("Scoring", "“{text}”不是精确的十进制数（不接受浮点数）"),
            text=repr(text)))
    if isinstance(text, int):
        return Decimal(text)
    if isinstance(text, Decimal):
        if not text.is_finite():
            raise DecimalFormatError(Message(QT_TRANSLATE_NOOP("Scoring", "“{text}”不是有效的数字"),
                text=text))
        return text
    if not isinstance(text, str):
        raise DecimalFormatError(Message(QT_TRANSLATE_NOOP("Scoring", "“{text}”不是数字"),
            text=repr(text)))
    # NFKC turns full-width digits and "．" (typed with a Chinese IME) into ASCII.
    plain = unicodedata.normalize("NFKC", text).strip()
    if len(plain) > MAX_TEXT_LENGTH:
        raise DecimalFormatError(Message(QT_TRANSLATE_NOOP("Scoring", "“{plain}…”过长，不是有效的数字"),
            plain=plain[:MAX_TEXT_LENGTH]))
    if not _PLAIN.fullmatch(plain):
        raise DecimalFormatError(Message(QT_TRANSLATE_NOOP("Scoring", "“{plain}”不是有效的数字"),
            plain=plain))
    return Decimal(plain)


def canonical_decimal(value: Decimal | int) -> str:
    """The shortest exact string of `value`: Decimal("30.0") → "30", "0.50" → "0.5".

    This is the form decimals take in canonical (hashed or signed) documents, so equal
    numbers always give equal bytes.  Never exponent notation; never "-0".
    """
    value = _finite(value)
    if value == 0:
        return "0"
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return format(value.normalize(), "f")


def format_score(value: Decimal | int, places: int = 1) -> str:
    """Fixed-scale display string, rounding half up: 27.5 → "27.5", 30 → "30.0"."""
    if isinstance(places, bool) or not isinstance(places, int) or not 0 <= places <= MAX_PLACES:
        raise ValueError(f"places must be an int in 0..{MAX_PLACES}")
    value = _finite(value)
    with localcontext() as ctx:
        ctx.prec = PRECISION
        try:
            rounded = value.quantize(_ONE.scaleb(-places), rounding=ROUND_HALF_UP)
        except InvalidOperation as err:
            raise DecimalFormatError(Message(QT_TRANSLATE_NOOP("Scoring", "“{value}”超出可显示的范围"),
                value=value)) from err
    if rounded == 0:
        rounded = abs(rounded)  # "-0.0" would only confuse a reader
    return format(rounded, "f")



def _finite(value: Decimal | int) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise DecimalFormatError(Message(QT_TRANSLATE_NOOP("Scoring", "“{value}”不是精确的十进制数"),
            value=repr(value)))
    value = Decimal(value)
    if not value.is_finite():
        raise DecimalFormatError(Message(QT_TRANSLATE_NOOP("Scoring", "“{value}”不是有效的数字"),
            value=value))
    return value
