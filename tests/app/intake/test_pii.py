"""Unmasked personal data: mobile numbers, ID numbers with a valid check digit, bank cards."""

from __future__ import annotations

import pytest

from app.intake.pii import PiiHit, find_pii, id_check_char, is_valid_id, luhn_ok, mask


def make_id(area: str = "110101", born: str = "19900307", seq: str = "451") -> str:
    first17 = area + born + seq
    return first17 + id_check_char(first17)


def make_card(prefix: str, length: int) -> str:
    body = prefix + "0" * (length - len(prefix) - 1)
    for check in "0123456789":
        if luhn_ok(body + check):
            return body + check
    raise AssertionError


def codes(text: str) -> list[tuple[str, str]]:
    return [(h.code, h.text) for h in find_pii(text)]


def test_check_char_per_gb11643() -> None:
    # Worked example: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 over 11010519491231002 → X.
    assert id_check_char("11010519491231002") == "X"
    assert make_id() == "110101199003074514"
    assert is_valid_id("11010519491231002X") and is_valid_id("11010519491231002x")
    assert not is_valid_id("110105194912310021")
    assert not is_valid_id("110101199002304514")  # 30 February


@pytest.mark.parametrize("text,expected", [
    ("联系电话13800138000。", "13800138000"),
    ("手机：138-0013-8000", "138-0013-8000"),
    ("手机 138 0013 8000 转", "138 0013 8000"),
    ("+86 13912345678", "13912345678"),
    ("+8613912345678", "13912345678"),
    ("（０８６）电话１３８００１３８０００", "１３８００１３８０００"),
])
def test_mobile_numbers_found(text: str, expected: str) -> None:
    assert codes(text) == [("pii_phone", expected)]


@pytest.mark.parametrize("text", [
    "拨打12345热线", "座机010-12345678", "138****8000", "138xxxx8000", "1380013****",
    "12800138000",  # 12x is not a mobile prefix
    "工单号202405151380013800099",  # inside a longer digit run
    "编号A13800138000", "138-0013 8000",  # glued to letters; mixed separators
])
def test_not_mobile_numbers(text: str) -> None:
    assert codes(text) == []


def test_phone_span_is_relative_to_the_text() -> None:
    text = "老人家属电话13800138000，已回访。"
    (hit,) = find_pii(text)
    assert hit == PiiHit("pii_phone", 6, 17, "13800138000")
    assert text[hit.start:hit.end] == "13800138000"


def test_id_numbers() -> None:
    good = make_id()
    text = f"当事人身份证号{good}，另一人{make_id('440305', '20010229', '123')}。"
    # 2001-02-29 does not exist, so only the first is an ID.
    assert codes(text) == [("pii_id_number", good)]
    x_id = "11010519491231002X"
    assert codes(f"证件{x_id}") == [("pii_id_number", x_id)]


def test_id_with_wrong_check_digit_or_masked_is_not_a_hit() -> None:
    good = make_id()
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    assert codes(f"身份证{wrong}") == []
    assert codes("身份证110101********1234") == []
    assert codes("身份证110101199003******") == []
    assert codes(f"流水号9{good}") == []  # part of a longer run


def test_bank_cards() -> None:
    union = make_card("6222", 19)
    visa = make_card("4", 16)
    spaced = " ".join(visa[i:i + 4] for i in range(0, 16, 4))
    text = f"退款至银行卡{union}；另卡号{spaced}。"
    assert codes(text) == [("pii_bank_card", union), ("pii_bank_card", spaced)]


def test_not_bank_cards() -> None:
    card = make_card("6222", 16)
    bad_luhn = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert codes(f"卡号{bad_luhn}") == []
    assert codes(f"编号{make_card('3', 16)}") == []  # not 62/4/5
    assert codes(f"卡号{card}1234") == []  # 20 digits: not a card
    assert codes("卡号6222 **** **** 1234") == []


def test_valid_id_is_reported_as_id_not_card() -> None:
    good = make_id("620102", "19851111", "123")
    assert [h.code for h in find_pii(good)] == ["pii_id_number"]


def test_several_hits_in_order() -> None:
    good = make_id()
    text = f"电话13900001111，身份证{good}，电话13900002222"
    assert [h.code for h in find_pii(text)] == ["pii_phone", "pii_id_number", "pii_phone"]


def test_mask_hides_the_middle() -> None:
    assert mask(PiiHit("pii_phone", 0, 13, "138-0013-8000")) == "138****8000"
    assert mask(PiiHit("pii_id_number", 0, 18, "110101199003074514")) == "110101********4514"
    assert mask(PiiHit("pii_bank_card", 0, 16, "4000000000000002")) == "4000********0002"
