"""Agreement statistics against published values (scoring/agreement.py).

Oracles:
- Shrout & Fleiss (1979), Psychological Bulletin 86(2), Table 2: 6 targets × 4 judges.
- NAG Library G08DAF example program (data and results, g08dafe.r): 3 comparisons of
  10 objects with ties, W = 0.828, significance 0.008.
- Krippendorff (2011) "Computing Krippendorff's alpha-reliability", the 4 observers × 12
  units example with missing data (also R irr::kripp.alpha's example matrix):
  nominal .743, ordinal .815, interval .849.
"""

from __future__ import annotations

import math
from decimal import Decimal as D

import pytest

from scoring.agreement import chi2_sf, gamma_q, icc, kendall_w, krippendorff_alpha

SHROUT_FLEISS = [(9, 2, 5, 8), (6, 1, 3, 2), (8, 4, 6, 8), (7, 1, 2, 6), (10, 5, 6, 9),
                 (6, 2, 4, 7)]

NAG_COMPARISONS = [  # rows = comparisons (judges), columns = the 10 objects
    [1.0, 4.5, 2.0, 4.5, 3.0, 7.5, 6.0, 9.0, 7.5, 10.0],
    [2.5, 1.0, 2.5, 4.5, 4.5, 8.0, 9.0, 6.5, 10.0, 6.5],
    [2.0, 1.0, 4.5, 4.5, 4.5, 4.5, 8.0, 8.0, 8.0, 10.0],
]

_ = None
KRIPPENDORFF_UNITS = [  # rows = units 1..12, columns = observers A, B, C, D
    (1, 1, _, 1), (2, 2, 3, 2), (3, 3, 3, 3), (3, 3, 3, 3), (2, 2, 2, 2), (1, 2, 3, 4),
    (4, 4, 4, 4), (1, 1, 2, 1), (2, 2, 2, 2), (_, 5, 5, 5), (_, _, 1, 1), (_, _, 3, _),
]


def test_icc_reproduces_shrout_fleiss_table():
    values = icc(SHROUT_FLEISS)
    published = {"ICC(1,1)": .17, "ICC(2,1)": .29, "ICC(3,1)": .71,
                 "ICC(1,k)": .44, "ICC(2,k)": .62, "ICC(3,k)": .91}
    assert {form: round(values[form], 2) for form in published} == published
    # Their ANOVA table: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02.
    assert [round(values[k], 2) for k in ("BMS", "WMS", "JMS", "EMS")] == \
        [11.24, 6.26, 32.49, 1.02]


def test_icc_accepts_decimals_and_refuses_incomplete_or_tiny_data():
    decimal_rows = [[D(v) for v in row] for row in SHROUT_FLEISS]
    assert icc(decimal_rows)["ICC(3,k)"] == pytest.approx(icc(SHROUT_FLEISS)["ICC(3,k)"])
    holey = [list(r) for r in SHROUT_FLEISS]
    holey[2][1] = None
    assert icc(holey) is None
    assert icc([(1, 2)]) is None
    assert icc([(1,), (2,)]) is None
    assert icc([(1, 2), (3,)]) is None
    constant = icc([(5, 5), (5, 5), (5, 5)])
    assert constant["ICC(1,1)"] is None and constant["ICC(3,k)"] is None


def test_kendall_w_reproduces_nag_g08daf_example():
    matrix = [list(column) for column in zip(*NAG_COMPARISONS)]  # objects × judges
    w, chi2, df, p = kendall_w(matrix)
    assert round(w, 3) == 0.828
    assert round(p, 3) == 0.008
    assert df == 9
    assert chi2 == pytest.approx(3 * 9 * w)


def test_kendall_w_perfect_and_no_agreement():
    perfect = kendall_w([(1, 1, 1), (2, 2, 2), (3, 3, 3), (4, 4, 4)])
    assert perfect[0] == pytest.approx(1.0)
    # Two judges ranking in exactly opposite orders: rank sums all equal → W = 0, p = 1.
    opposite = kendall_w([(1, 3), (2, 2), (3, 1)])
    assert opposite[0] == pytest.approx(0.0) and opposite[3] == pytest.approx(1.0)
    assert kendall_w([(1, None), (2, 2)]) is None
    assert kendall_w([(1, 1), (1, 1)]) is None  # every target tied for every judge


def test_tie_correction_changes_w():
    # Judge 1 ranks 1, 2, 3, 4; judge 2 ties the first two: 1.5, 1.5, 3, 4.
    # Rank sums 2.5, 3.5, 6, 8 around 5: S = 18.5.  Σ T = 2³ − 2 = 6, so
    # W = 12·18.5 / (2²·(4³ − 4) − 2·6) = 222/228; uncorrected it would be 222/240.
    w = kendall_w([(1, 1), (2, 1), (3, 3), (4, 4)])[0]
    assert w == pytest.approx(222 / 228)


def test_krippendorff_2011_example_all_levels():
    assert round(krippendorff_alpha(KRIPPENDORFF_UNITS, "nominal"), 3) == 0.743
    assert round(krippendorff_alpha(KRIPPENDORFF_UNITS, "ordinal"), 3) == 0.815
    assert round(krippendorff_alpha(KRIPPENDORFF_UNITS, "interval"), 3) == 0.849
    assert krippendorff_alpha(KRIPPENDORFF_UNITS) == krippendorff_alpha(KRIPPENDORFF_UNITS,
                                                                        "interval")


def test_krippendorff_edge_cases():
    assert krippendorff_alpha([(1, 1), (2, 2), (3, None)]) == pytest.approx(1.0)
    assert krippendorff_alpha([(1, None), (None, 2)]) is None  # nothing pairable
    assert krippendorff_alpha([(3, 3), (3, 3)]) is None  # no expected disagreement
    assert krippendorff_alpha([(D("1.5"), D("2.5")), (D(3), D(4))], "interval") < 1
    with pytest.raises(ValueError, match="测量尺度"):
        krippendorff_alpha(KRIPPENDORFF_UNITS, "ratio-ish")


def test_gamma_q_and_chi2_tail_against_closed_forms():
    for x in (0.1, 1.0, 2.5, 7.0, 30.0):
        assert gamma_q(1.0, x) == pytest.approx(math.exp(-x), rel=1e-12)
        # Q(1/2, x) = erfc(√x)
        assert gamma_q(0.5, x) == pytest.approx(math.erfc(math.sqrt(x)), rel=1e-10, abs=1e-300)
        # χ² with 2 df: survival exp(−x/2); with 4 df: (1 + x/2) exp(−x/2)
        assert chi2_sf(x, 2) == pytest.approx(math.exp(-x / 2), rel=1e-12)
        assert chi2_sf(x, 4) == pytest.approx((1 + x / 2) * math.exp(-x / 2), rel=1e-10)
    assert chi2_sf(3.841458820694124, 1) == pytest.approx(0.05, rel=1e-9)
    assert chi2_sf(0, 3) == 1.0 and gamma_q(2.0, 0) == 1.0
    with pytest.raises(ValueError):
        gamma_q(0, 1)
