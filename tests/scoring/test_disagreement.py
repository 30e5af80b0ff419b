"""Outlier flags and the re-review (分差过大) list (scoring/disagreement.py)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from scoring.aggregate import Mark
from scoring.disagreement import Spread, flag_outliers, re_review


def marks_for(sub: str, *totals: str) -> list[Mark]:
    return [Mark(f"E{i}", sub, D(t), D(0)) for i, t in enumerate(totals)]


def test_mark_outside_thirty_percent_of_the_mean_is_flagged():
    # mean 72.5; 50 is 31.03 % below it, each 80 only 10.34 % above.
    flagged = flag_outliers(marks_for("s", "80", "80", "80", "50"))
    assert [(o.expert, o.submission, o.total, o.mean) for o in flagged] == \
        [("E3", "s", D("50"), D("72.5"))]
    only = flagged[0]
    assert "低于" in only.reason and "30%" in only.reason
    assert round(only.deviation_percent, 2) == D("-31.03")


def test_percent_threshold_is_configurable_and_exclusive():
    # mean 80; 100 is exactly +25 %: not "outside" ±25 %, but outside ±20 %.
    marks = marks_for("s", "60", "80", "80", "100")
    assert flag_outliers(marks, percent=25) == []
    assert [o.expert for o in flag_outliers(marks, percent=20)] == ["E0", "E3"]


def test_z_rule_flags_what_the_percentage_misses():
    # Six 70s and one 50: mean 67.14, 50 is 25.5 % low (inside ±30 %),
    # population sd 7.0 → z = −2.449.
    flagged = flag_outliers(marks_for("s", "70", "70", "70", "70", "70", "70", "50"))
    assert [o.expert for o in flagged] == ["E6"]
    assert flagged[0].z == pytest.approx(-2.449490, abs=1e-6)
    assert "z 分数 -2.45" in flagged[0].reason and "%" not in flagged[0].reason.split("z")[0]


def test_single_mark_and_agreeing_panel_are_never_flagged():
    assert flag_outliers(marks_for("s", "10")) == []
    assert flag_outliers(marks_for("s", "80", "82", "78", "81", "79")) == []


def test_recused_experts_do_not_pull_the_mean_down():
    # Had the recusal counted as 0, the mean would be 60 and every 80 would be flagged.
    assert flag_outliers(marks_for("s", "80", "80", "80")) == []


def test_re_review_lists_spreads_above_the_threshold_largest_first():
    marks = (marks_for("a", "90", "65", "80")      # spread 25
             + marks_for("b", "90", "70")          # spread 20: not above 20
             + marks_for("c", "95", "60", "70"))   # spread 35
    spreads = re_review(marks)
    assert spreads == [Spread("c", D(95), D(60), D(35), ("E0", "E2", "E1")),
                       Spread("a", D(90), D(65), D(25), ("E0", "E2", "E1"))]
    assert [s.submission for s in re_review(marks, threshold=19.5)] == ["c", "a", "b"]


def test_duplicate_marks_are_refused():
    with pytest.raises(ValueError, match="重复"):
        re_review(marks_for("s", "1") + marks_for("s", "2"))
