"""ICC confidence intervals against published values, and the F distribution they use."""

from __future__ import annotations

import math

import pytest

from scoring.agreement import icc
from scoring.icc_ci import betainc, f_cdf, f_ppf, icc_intervals

# Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater
# reliability. Psychological Bulletin 86(2), 420–428, Table 2: six targets, four judges.
SHROUT_FLEISS = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9],
                 [6, 2, 4, 7]]
# The 95 % intervals of McGraw & Wong (1996) for these data, as printed by R's psych::ICC
# (Revelle, psych package documentation, example `ICC(sf)`), two decimals.
PUBLISHED = {
    "ICC(1,1)": (0.17, -0.13, 0.72), "ICC(2,1)": (0.29, 0.02, 0.76),
    "ICC(3,1)": (0.71, 0.34, 0.95), "ICC(1,k)": (0.44, -0.88, 0.91),
    "ICC(2,k)": (0.62, 0.07, 0.93), "ICC(3,k)": (0.91, 0.68, 0.99),
}


def test_shrout_fleiss_intervals_match_the_published_ones() -> None:
    estimates = icc(SHROUT_FLEISS)
    intervals = icc_intervals(estimates, n=6, k=4)
    for form, (value, low, high) in PUBLISHED.items():
        assert round(estimates[form], 2) == value, form
        assert intervals[form] is not None
        got_low, got_high = intervals[form]
        assert round(got_low, 2) == low and round(got_high, 2) == high, form
        assert got_low <= estimates[form] <= got_high


@pytest.mark.parametrize(("q", "df1", "df2", "expected"), [
    # F tables (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.3): upper 2.5 % and 5 % points.
    (0.975, 5, 18, 3.382), (0.95, 5, 15, 2.901), (0.95, 1, 10, 4.965), (0.975, 10, 10, 3.717),
])
def test_f_quantiles_match_the_tables(q, df1, df2, expected) -> None:
    assert f_ppf(q, df1, df2) == pytest.approx(expected, abs=0.001)
    assert f_cdf(f_ppf(q, df1, df2), df1, df2) == pytest.approx(q, abs=1e-9)


def test_incomplete_beta_edges_and_symmetry() -> None:
    assert betainc(2, 3, 0) == 0 and betainc(2, 3, 1) == 1
    assert betainc(1, 1, 0.3) == pytest.approx(0.3)
    for x in (0.1, 0.5, 0.93):
        assert betainc(2.5, 7, x) == pytest.approx(1 - betainc(7, 2.5, 1 - x), abs=1e-12)


def test_degenerate_data_give_no_interval() -> None:
    flat = icc([[5, 5], [5, 5], [5, 5]])
    assert flat is not None
    intervals = icc_intervals(flat, n=3, k=2)
    assert all(v is None or all(math.isfinite(x) for x in v) for v in intervals.values())
    assert icc_intervals({"ICC(2,1)": None}, n=1, k=1)["ICC(2,k)"] is None


def test_submissions_every_expert_scored_alike_give_no_interval() -> None:
    """Two submissions in an exact tie (each expert gave both the same total, experts
    differing): the between-submission mean square is 0, so F = 0 and no F-based bound
    exists — no interval, never a division by zero (seen with a tie across an award line)."""
    row = [80, 81, 82, 80, 81, 82, 80]
    estimates = icc([row, row])
    assert estimates is not None and estimates["BMS"] == 0
    assert set(icc_intervals(estimates, n=2, k=7).values()) == {None}
