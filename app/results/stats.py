"""Method-independent figures: per-expert statistics, agreement per category, score bands.

They depend only on the accepted marks (and the rubric), not on the aggregation method,
so a `ResultsEngine` computes them once per `Panel` and reuses them when the method
changes.
"""

from __future__ import annotations

import math
from collections import defaultdict
from decimal import Decimal, localcontext

from app.results.model import AgreementStats, ExpertStats
from app.results.panel import Panel
from scoring.agreement import icc, kendall_w, krippendorff_alpha
from scoring.icc_ci import icc_intervals
from scoring.rubric import Rubric
from scoring.totals import PRECISION

BAND_COUNT = 10  # score distribution: ten equal bands from 0 to the rubric's top total

# ------------------------------------------------------------ per expert

def expert_stats(panel: Panel, offsets: dict[str, Decimal]) -> dict[str, ExpertStats]:
    totals: dict[str, list[Decimal]] = defaultdict(list)
    for m in panel.marks:
        totals[m.expert].append(m.total)
    recused: dict[str, int] = defaultdict(int)
    for expert, _sub in panel.recusals:
        recused[expert] += 1
    incomplete: dict[str, int] = defaultdict(int)
    for expert, _sub in panel.incomplete:
        incomplete[expert] += 1
    out: dict[str, ExpertStats] = {}
    for e in panel.experts.values():
        values = totals.get(e.id, [])
        mean = stdev = low = high = None
        if values:
            with localcontext() as ctx:
                ctx.prec = PRECISION
                mean = sum(values, Decimal(0)) / len(values)
            low, high = min(values), max(values)
            if len(values) > 1:
                floats = [float(v) for v in values]
                fmean = math.fsum(floats) / len(floats)
                stdev = math.sqrt(math.fsum((v - fmean) ** 2 for v in floats)
                                  / (len(floats) - 1))
        out[e.id] = ExpertStats(e.id, e.name, len(values), mean, stdev, low, high,
                                offsets.get(e.id), recused[e.id], incomplete[e.id], e.version)
    return out


# ------------------------------------------------------------- agreement

def agreement_for(panel: Panel, category: str) -> AgreementStats:
    """ICC and Kendall's W on the submissions every active expert scored; α on all."""
    subs = panel.in_category(category)
    wanted = set(subs)
    cells = {(m.expert, m.submission): m.total for m in panel.marks if m.submission in wanted}
    experts = [e for e in panel.experts if any((e, s) in cells for s in subs)]
    scored = [s for s in subs if any((e, s) in cells for e in experts)]
    matrix = [[cells.get((e, s)) for e in experts] for s in scored]
    complete = [row for row in matrix if all(v is not None for v in row)]
    iccs = icc(complete) if len(complete) >= 2 else None
    return AgreementStats(
        category=category,
        icc=iccs,
        icc_ci=icc_intervals(iccs, len(complete), len(experts)) if iccs else None,
        kendall=kendall_w(complete) if len(complete) >= 2 else None,
        alpha=krippendorff_alpha(matrix, "interval") if matrix else None,
        n_subs=len(scored), n_experts=len(experts), n_complete=len(complete),
        n_pairable=sum(1 for row in matrix if sum(v is not None for v in row) >= 2))


# ------------------------------------------------------------ score bands

def score_bands(rubric: Rubric) -> list[tuple[Decimal, Decimal]]:
    """`BAND_COUNT` equal (low, high) bands from 0 to the highest total `rubric` allows.

    Category weights may raise one category's top total; the bands reach the highest, so
    every mark falls in one.  A band holds [low, high), the last one [low, high].
    """
    top = max(rubric.max_total(category) for category in (None, *rubric.categories))
    width = top / BAND_COUNT  # exact: a decimal divided by ten
    return [(width * i, width * (i + 1)) for i in range(BAND_COUNT)]


def band_of(total: Decimal, bands: list[tuple[Decimal, Decimal]]) -> int:
    """Index of the band `total` falls in (the top total itself in the last band)."""
    width = bands[0][1]
    if total < 0 or width <= 0:
        return 0
    return min(int(total // width), len(bands) - 1)
