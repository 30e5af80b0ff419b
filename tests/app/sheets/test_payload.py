"""Canonical values: what the signature covers is what the cells show, exactly."""

from __future__ import annotations

from decimal import Decimal

from app.sheets.payload import (
    flag_text,
    make_row,
    normalize_text,
    parse_flag_text,
    reserve_version,
    score_text,
)


def test_scores_are_fixed_scale_text_and_never_collide_with_inexact_values() -> None:
    assert score_text(27.5) == "27.5"
    assert score_text(30) == "30.0"
    assert score_text(Decimal("8")) == "8.0"
    assert score_text("２７．５") == "27.5"  # typed with a Chinese IME, as text
    assert score_text(None) is None and score_text("  ") is None
    assert score_text(3.3333333333333335) == "3.3333333333333335"
    assert score_text(27.54) == "27.54"
    assert score_text("好") == "好"
    assert score_text(float("inf")) == "inf"
    assert score_text(Decimal("1E+40")) is not None  # absurd, but no exception


def test_text_is_nfc_with_unified_newlines_and_no_control_characters() -> None:
    decomposed = "e\u0301"
    assert normalize_text(decomposed) == "\u00e9"
    assert normalize_text("a\r\nb\rc\x07") == "a\nb\nc"
    assert normalize_text("") is None and normalize_text(None) is None


def test_flags_round_trip_through_their_sheet_text() -> None:
    flags = {"wrong_category": "治理成效", "suspect_untrue": None}
    text = flag_text(flags)
    assert text == "疑似不实；类别不符→治理成效"
    assert parse_flag_text(text) == flags
    assert flag_text({}) is None


def test_row_from_cells_marks_recusal_only_with_the_exact_mark() -> None:
    row = make_row("S001", "感动瞬间", "标题", {"warmth": 25}, 81.5, None, None, "是", "原因")
    assert row["recused"] is True and row["scores"] == {"warmth": "25.0"}
    assert row["total"] == "81.5"
    assert make_row("S1", None, None, {}, None, None, None, "否", None)["recused"] is False


def test_version_only_goes_up(session) -> None:
    assert reserve_version(session) == 1
    assert reserve_version(session) == 2
