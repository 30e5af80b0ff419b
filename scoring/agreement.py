"""Inter-rater agreement per category: ICC, Kendall's W, Krippendorff's α (docs/aggregation.md §5).

Every function takes a matrix of targets × judges: one row per submission, one column per
expert, None for a missing (recused or unassigned) score.  Values may be Decimal, int or
float; the statistics are computed in floats and returned as floats.

- `icc`: the six forms of Shrout & Fleiss (1979), complete data only;
- `kendall_w`: Kendall's coefficient of concordance with the tie correction, and its
  χ² p-value (regularized upper incomplete gamma, implemented here);
- `krippendorff_alpha`: nominal, ordinal or interval α from the coincidence matrix,
  which handles missing values natively.

Degenerate data (too few targets or judges, zero variance) give None, never an exception.
Standard library only.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from scoring.aggregate import average_ranks

ICC_FORMS = ("ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)")
LEVELS = ("nominal", "ordinal", "interval")

Matrix = Sequence[Sequence[Any]]


def _complete(matrix: Matrix) -> list[list[float]] | None:
    rows = [list(row) for row in matrix]
    if len(rows) < 2 or not rows[0] or len({len(r) for r in rows}) != 1 or len(rows[0]) < 2:
        return None
    if any(v is None for row in rows for v in row):
        return None
    return [[float(v) for v in row] for row in rows]


def _ratio(num: float, den: float) -> float | None:
    return num / den if den != 0 and math.isfinite(num / den) else None


def icc(matrix: Matrix) -> dict[str, float | None] | None:
    """All six Shrout & Fleiss ICC forms, keyed "ICC(1,1)" … "ICC(3,k)" (k = judges).

    None when the data are incomplete or smaller than 2 × 2; a single form is None when
    its denominator is zero.  The mean squares are included ("BMS", "WMS", "JMS", "EMS").
    """
    rows = _complete(matrix)
    if rows is None:
        return None
    n, k = len(rows), len(rows[0])
    grand = math.fsum(v for row in rows for v in row) / (n * k)
    row_means = [math.fsum(row) / k for row in rows]
    col_means = [math.fsum(row[j] for row in rows) / n for j in range(k)]
    ss_total = math.fsum((v - grand) ** 2 for row in rows for v in row)
    ss_rows = k * math.fsum((m - grand) ** 2 for m in row_means)
    ss_cols = n * math.fsum((m - grand) ** 2 for m in col_means)
    bms = ss_rows / (n - 1)
    wms = (ss_total - ss_rows) / (n * (k - 1))
    jms = ss_cols / (k - 1)
    ems = (ss_total - ss_rows - ss_cols) / ((n - 1) * (k - 1))
    return {
        "ICC(1,1)": _ratio(bms - wms, bms + (k - 1) * wms),
        "ICC(2,1)": _ratio(bms - ems, bms + (k - 1) * ems + k * (jms - ems) / n),
        "ICC(3,1)": _ratio(bms - ems, bms + (k - 1) * ems),
        "ICC(1,k)": _ratio(bms - wms, bms),
        "ICC(2,k)": _ratio(bms - ems, bms + (jms - ems) / n),
        "ICC(3,k)": _ratio(bms - ems, bms),
        "BMS": bms, "WMS": wms, "JMS": jms, "EMS": ems,
    }


def kendall_w(matrix: Matrix) -> tuple[float, float, int, float] | None:
    """(W, χ², df, p) for targets × judges, complete data; ties get average ranks.

    W = 12 S / (m²(n³ − n) − m Σ T), T = Σ (t³ − t) over each judge's tie groups;
    χ² = m (n − 1) W with df = n − 1; p = Q(df/2, χ²/2).  None when incomplete, fewer
    than 2 targets or judges, or when every judge ties every target.
    """
    rows = _complete(matrix)
    if rows is None:
        return None
    n, m = len(rows), len(rows[0])
    rank_sums = [0.0] * n
    tie_term = 0
    for j in range(m):
        column = [row[j] for row in rows]
        for i, rank in enumerate(average_ranks(column)):
            rank_sums[i] += float(rank)
        tie_term += sum(t ** 3 - t for t in Counter(column).values())
    mean_sum = m * (n + 1) / 2
    s = math.fsum((r - mean_sum) ** 2 for r in rank_sums)
    den = m * m * (n ** 3 - n) - m * tie_term
    if den <= 0:
        return None
    w = 12 * s / den
    df = n - 1
    chi2 = m * df * w
    return w, chi2, df, chi2_sf(chi2, df)


def chi2_sf(x: float, df: int) -> float:
    """P(χ²_df ≥ x), the upper tail of the chi-squared distribution."""
    if x <= 0:
        return 1.0
    return gamma_q(df / 2, x / 2)


def gamma_q(a: float, x: float) -> float:
    """The regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a).

    Series for P when x < a + 1, else the continued fraction for Q (modified Lentz), as
    in Numerical Recipes §6.2; both converge to double precision in < 200 terms here.
    """
    if a <= 0 or x < 0:
        raise ValueError("gamma_q 需要 a > 0 且 x ≥ 0")
    if x == 0:
        return 1.0
    log_prefix = a * math.log(x) - x - math.lgamma(a)
    if x < a + 1:
        term = total = 1.0 / a
        denom = a
        for _ in range(1000):
            denom += 1
            term *= x / denom
            total += term
            if abs(term) < abs(total) * 1e-16:
                break
        return max(0.0, 1.0 - total * math.exp(log_prefix))
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    for i in range(1, 1000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-16:
            break
    return min(1.0, math.exp(log_prefix) * h)


def krippendorff_alpha(data: Matrix, level: str = "interval") -> float | None:
    """Krippendorff's α for units (rows) × observers (columns), None = missing.

    Built on the coincidence matrix (Krippendorff 2011): only units with ≥ 2 values are
    pairable.  None when fewer than 2 pairable values or no expected disagreement.
    """
    if level not in LEVELS:
        raise ValueError(f"未知的测量尺度“{level}”，可选：{'、'.join(LEVELS)}")
    coincidence: dict[tuple[float, float], float] = defaultdict(float)
    for row in data:
        values = [float(v) for v in row if v is not None]
        m_u = len(values)
        if m_u < 2:
            continue
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_k - 1) if c == k else n_c * n_k
                if pairs:
                    coincidence[c, k] += pairs / (m_u - 1)
    marginals: dict[float, float] = defaultdict(float)
    for (c, _k), value in coincidence.items():
        marginals[c] += value
    total = math.fsum(marginals.values())
    if total < 2:
        return None
    delta = _delta_function(level, marginals)
    observed = math.fsum(v * delta(c, k) for (c, k), v in coincidence.items())
    expected = math.fsum(marginals[c] * marginals[k] * delta(c, k)
                         for c in marginals for k in marginals) / (total - 1)
    if expected == 0:
        return None
    return 1 - observed / expected


def _delta_function(level: str, marginals: dict[float, float]):
    if level == "nominal":
        return lambda c, k: 0.0 if c == k else 1.0
    if level == "interval":
        return lambda c, k: (c - k) ** 2
    ordered = sorted(marginals)
    position = {v: i for i, v in enumerate(ordered)}
    # cumulative[i] = Σ n_g for g < ordered[i]: δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)².
    cumulative = [0.0]
    for value in ordered:
        cumulative.append(cumulative[-1] + marginals[value])

    def ordinal(c: float, k: float) -> float:
        lo, hi = sorted((position[c], position[k]))
        between = cumulative[hi + 1] - cumulative[lo]
        return (between - (marginals[c] + marginals[k]) / 2) ** 2

    return ordinal
