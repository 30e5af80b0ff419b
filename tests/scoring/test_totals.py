"""Exact decimal helpers: parsing refuses inexact or abusive input, display is fixed-scale."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.totals import (
    DecimalFormatError,
    canonical_decimal,
    format_score,
    parse_decimal,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("27.5", Decimal("27.5")), ("30", Decimal(30)), (" 8 ", Decimal(8)), ("+1.5", Decimal("1.5")),
    ("-0.5", Decimal("-0.5")), (".5", Decimal("0.5")), ("10.", Decimal(10)),
    ("１０．５", Decimal("10.5")),  # full-width, as typed with a Chinese IME
    (7, Decimal(7)), (Decimal("2.25"), Decimal("2.25")),
])
def test_parse_decimal_accepts_plain_notation(text, expected):
    value = parse_decimal(text)
    assert value == expected
    assert isinstance(value, Decimal)


@pytest.mark.parametrize("text", [
    "NaN", "nan", "Infinity", "-inf", "1e3", "2.5E1", "1e999999", "abc", "", "  ", "1,5",
    "1.2.3", "0x10", "1_000", "五", "9" * 41, 3.3333333333333335, 0.5, True, None, [1],
    Decimal("NaN"), Decimal("Infinity"),
])
def test_parse_decimal_rejects(text):
    with pytest.raises(DecimalFormatError):
        parse_decimal(text)


def test_parse_decimal_error_is_a_value_error_in_chinese():
    with pytest.raises(ValueError, match="不是有效的数字"):
        parse_decimal("abc")


@pytest.mark.parametrize(("value", "places", "expected"), [
    (Decimal("27.5"), 1, "27.5"), (Decimal(30), 1, "30.0"), (Decimal("92.00"), 1, "92.0"),
    (Decimal("27.25"), 1, "27.3"), (Decimal("27.35"), 1, "27.4"),  # half up, not banker's
    (Decimal("83.333333333333"), 2, "83.33"), (Decimal("83.335"), 2, "83.34"),
    (Decimal("-0.01"), 1, "0.0"), (Decimal("1E+1"), 1, "10.0"), (7, 0, "7"), (Decimal(0), 2, "0.00"),
])
def test_format_score_fixed_scale(value, places, expected):
    assert format_score(value, places) == expected


@pytest.mark.parametrize("bad", [1.5, "27.5", Decimal("NaN"), None])
def test_format_score_rejects_inexact_or_non_numbers(bad):
    with pytest.raises(DecimalFormatError):
        format_score(bad)


def test_format_score_rejects_bad_places():
    with pytest.raises(ValueError):
        format_score(Decimal(1), -1)


@pytest.mark.parametrize(("value", "expected"), [
    (Decimal("30.0"), "30"), (Decimal("0.50"), "0.5"), (Decimal("1.2"), "1.2"),
    (Decimal("3E+1"), "30"), (Decimal("-0"), "0"), (Decimal("0.000"), "0"), (100, "100"),
])
def test_canonical_decimal(value, expected):
    assert canonical_decimal(value) == expected


def test_sum_of_weighted_half_steps_has_no_drift():
    # In floats, ten times 1.2 × 0.5 is 5.999999999999999; in Decimal it is exactly 6.
    assert sum([1.2 * 0.5] * 10) != 6.0
    total = sum((Decimal("1.2") * Decimal("0.5") for _ in range(10)), Decimal(0))
    assert total == Decimal(6)
    assert format_score(total) == "6.0"


@given(st.integers(min_value=0, max_value=200))
def test_half_points_roundtrip_through_text(halves):
    value = Decimal(halves) / 2
    text = format_score(value)
    assert parse_decimal(text) == value
    assert parse_decimal(canonical_decimal(value)) == value
