"""95 % confidence intervals of the six ICC forms (McGraw & Wong 1996; Shrout & Fleiss 1979).

The intervals are the F-based ones of McGraw & Wong (1996, Table 7), as R's `psych::ICC`
computes them: for ICC(1,·) and ICC(3,·) from the observed F = BMS/WMS or BMS/EMS and the
F quantiles; for ICC(2,1) with Satterthwaite's approximate degrees of freedom; ICC(2,k)
is the Spearman–Brown step-up of the ICC(2,1) interval.  The F distribution is computed
here (regularized incomplete beta by Lentz's continued fraction, quantiles by bisection),
so this module needs the standard library only.  `tests/scoring/test_icc_ci.py` reproduces
the intervals published for Shrout & Fleiss's 6 × 4 example.
"""

from __future__ import annotations

import math

Interval = tuple[float, float]


def icc_intervals(icc: dict[str, float | None], n: int, k: int, confidence: float = 0.95
                  ) -> dict[str, Interval | None]:
    """Interval per form of `scoring.agreement.icc`'s result for n targets × k judges.

    None for a form whose estimate is None or whose F cannot be formed (zero mean square).
    A zero between-target mean square (every target scored alike, e.g. an exact tie) gives
    F = 0, whose bounds are 0 and ICC(·,k) = 1 − 1/F has no finite bound: no interval.
    """
    alpha = 1 - confidence
    bms, wms, jms, ems = (icc.get(key) for key in ("BMS", "WMS", "JMS", "EMS"))
    out: dict[str, Interval | None] = dict.fromkeys(
        ("ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)"))
    if None in (bms, wms, jms, ems) or n < 2 or k < 2 or bms <= 0:
        return out
    df1 = n - 1
    if wms and wms > 0:
        f1 = bms / wms
        low, high = _f_bounds(f1, df1, n * (k - 1), alpha)
        out["ICC(1,1)"] = ((low - 1) / (low + k - 1), (high - 1) / (high + k - 1))
        out["ICC(1,k)"] = (1 - 1 / low, 1 - 1 / high)
    if ems and ems > 0:
        f3 = bms / ems
        low, high = _f_bounds(f3, df1, (n - 1) * (k - 1), alpha)
        out["ICC(3,1)"] = ((low - 1) / (low + k - 1), (high - 1) / (high + k - 1))
        out["ICC(3,k)"] = (1 - 1 / low, 1 - 1 / high)
        single = icc.get("ICC(2,1)")
        if single is not None and single < 1:
            out["ICC(2,1)"] = _icc21_interval(single, bms, jms, ems, n, k, alpha)
            lo, hi = out["ICC(2,1)"]
            out["ICC(2,k)"] = (lo * k / (1 + lo * (k - 1)), hi * k / (1 + hi * (k - 1)))
    return out


def _f_bounds(f_obs: float, df1: float, df2: float, alpha: float) -> Interval:
    """F_L = F / F(1−α/2; df1, df2) and F_U = F · F(1−α/2; df2, df1)."""
    return (f_obs / f_ppf(1 - alpha / 2, df1, df2), f_obs * f_ppf(1 - alpha / 2, df2, df1))


def _icc21_interval(icc: float, bms: float, jms: float, ems: float, n: int, k: int,
                    alpha: float) -> Interval:
    a = k * icc / (n * (1 - icc))
    b = 1 + k * icc * (n - 1) / (n * (1 - icc))
    v = (a * jms + b * ems) ** 2 / ((a * jms) ** 2 / (k - 1) + (b * ems) ** 2 / ((n - 1) * (k - 1)))
    f_star = f_ppf(1 - alpha / 2, n - 1, v)
    f_inv = f_ppf(1 - alpha / 2, v, n - 1)
    spread = k * jms + (k * n - k - n) * ems
    lower = n * (bms - f_star * ems) / (f_star * spread + n * bms)
    upper = n * (f_inv * bms - ems) / (spread + n * f_inv * bms)
    return lower, upper


# ------------------------------------------------------------ F distribution

def f_cdf(x: float, df1: float, df2: float) -> float:
    """P(F ≤ x) for the F distribution with (df1, df2) degrees of freedom."""
    if x <= 0:
        return 0.0
    return betainc(df1 / 2, df2 / 2, df1 * x / (df1 * x + df2))


def f_ppf(q: float, df1: float, df2: float) -> float:
    """The q-quantile of F(df1, df2), by bisection on a log scale (|error| < 1e-12 relative)."""
    low, high = 0.0, 1.0
    while f_cdf(high, df1, df2) < q:
        low, high = high, high * 2
        if high > 1e300:
            return math.inf
    for _ in range(200):
        mid = (low + high) / 2
        if f_cdf(mid, df1, df2) < q:
            low = mid
        else:
            high = mid
        if high - low <= 1e-12 * high:
            break
    return (low + high) / 2


def betainc(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                 + a * math.log(x) + b * math.log1p(-x))
    # The continued fraction converges fast for x < (a+1)/(a+b+2); use the symmetry else.
    if x < (a + 1) / (a + b + 2):
        return math.exp(log_front) * _beta_fraction(a, b, x) / a
    return 1 - math.exp(log_front) * _beta_fraction(b, a, 1 - x) / b


def _beta_fraction(a: float, b: float, x: float) -> float:
    """Lentz's method for the continued fraction of I_x(a, b) (Numerical Recipes §6.4)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 1000):
        m2 = 2 * m
        for numerator in (m * (b - m) * x / ((qam + m2) * (a + m2)),
                          -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < 1e-15:
            break
    return h
