"""From a `Panel` to the results: rankings, awards, disagreements, agreement, expert stats.

The statistics themselves live in `scoring/` (standard library, tested against published
values); this module only applies them per category and collects what the results files
and the GUI show, in Chinese.  Everything is ordered explicitly (rubric category order,
place, then id) so the same accepted sheets always give the same `Results`.

A `ResultsEngine` belongs to its caller and serves one panel: the parts that do not depend
on the method (outlying marks, spreads, re-review list, expert statistics, agreement) are
computed once, when first needed, so switching methods only re-aggregates and re-ranks.

Nothing is dropped: an outlying mark is flagged (离群分), a submission whose experts
disagree by more than the rubric's threshold goes to the re-review list (分差过大), and
a group tied across an award boundary gets no award from that boundary and is reported
(并列跨越奖项线) — the panel decides, the program never does silently.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, localcontext

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.results.decisions import NO_DECISIONS, Decision, ResultsDecisions
from app.results.eligibility import (
    Standing,
    apply_tie_decisions,
    check_known,
    decision_notes,
    distinct_duplicates,
    duplicate_standings,
    few_scored,
    first_standings,
    insufficient_reason,
    shortfalls,
)
from app.results.model import (
    DROPPED,
    EXPERT_FLAG,
    EXPERT_FLAG_CATEGORY,
    EXPERT_SAYS,
    FEW_REASON,
    FLAG_DISTINCT,
    FLAG_FEW,
    FLAG_NO_CATEGORY,
    FLAG_OUTLIER,
    FLAG_OVERRIDDEN,
    FLAG_QUOTA_TIE,
    FLAG_SPREAD,
    FLAG_TIE,
    ORGANIZER_DECIDED,
    REASONS,
    SPREAD_REASON,
    AgreementStats,
    ExpertStats,
    OutlierRow,
    QuotaTieRow,
    RankingRow,
    ReReviewItem,
    Results,
    RowStatus,
)
from app.results.panel import UNCATEGORISED, Panel
from app.results.stats import agreement_for, expert_stats
from app.sheets.payload import parse_flag_text
from app.workspace.flags import FLAG_LABELS
from scoring.aggregate import METHOD_LABELS, METHODS, Mark, Result, aggregate, bias_offsets
from scoring.disagreement import flag_outliers, re_review
from scoring.ranking import Ranked, apply_awards, rank, tie_break_labels
from scoring.totals import PRECISION, canonical_decimal, format_score


def check_method(method: str) -> None:
    """PanelDeskError naming the choices when `method` is not a registered method."""
    if method not in METHODS:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Results", "未知的汇总方法“{method}”，可选：{methods}"),
            method=method, methods=list(METHODS)))


class NoValidMarks(PanelDeskError):
    """The packet has no accepted marks yet: the sheets must be imported first (the
    interface points to its own import page; the command line to `sheets import`)."""


class ResultsEngine:
    """The results of one `Panel`, for any method; owned by its caller.

    The method-independent parts are computed on the first `results()` and kept with the
    engine (a new import means a new panel, hence a new engine).  Safe to share between
    threads: the GUI may compute two methods at once on its task runner.
    """

    def __init__(self, panel: Panel, decisions: ResultsDecisions = NO_DECISIONS) -> None:
        check_known(panel, decisions)
        self.panel = panel
        self.decisions = decisions
        self._shared: _Shared | None = None
        self._lock = threading.Lock()

    def results(self, method: str = "trimmed") -> Results:
        """All results of the panel with the aggregation `method` (see scoring.aggregate)."""
        check_method(method)
        panel = self.panel
        if not panel.marks:
            raise NoValidMarks(Message(QT_TRANSLATE_NOOP(
                "Results", "评审包 {packet_id} 还没有任何有效评分：请先导入并接受专家交回的评分表（paneldesk sheets import）"),
                packet_id=panel.packet_id))
        shared = self._shared_parts()
        try:
            rankings, ties, unscored, notes = _rankings(panel, method, shared.outliers,
                                                        shared.spreads, self.decisions)
        except ValueError as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Results", "无法汇总评审包 {packet_id} 的评分：{err}"),
                packet_id=panel.packet_id, err=err)) from None
        # Fresh containers each time: a caller that edits its Results cannot change the
        # next method's.
        return Results(
            method=method, method_label=METHOD_LABELS[method], rankings=rankings,
            re_review=list(shared.re_review), outliers=list(shared.outlier_rows),
            expert_stats=dict(shared.expert_stats), agreement=dict(shared.agreement),
            quota_ties=ties, unscored=unscored,
            tie_break=tuple(panel.rubric.aggregation.tie_break), decisions=notes)

    def compare(self, methods: Sequence[str] = METHODS) -> dict[str, dict[str, int]]:
        """Place of every submission ranked for an award (within its category), per method."""
        panel = self.panel
        out: dict[str, dict[str, int]] = {}
        for method in methods:
            check_method(method)
            places: dict[str, int] = {}
            try:
                for ranking in _rank_categories(panel, method, self.decisions).values():
                    for item in ranking.ranked:
                        if item.place is not None:
                            places[item.submission] = item.place
            except ValueError as err:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "Results", "无法汇总评审包 {packet_id} 的评分：{err}"),
                    packet_id=panel.packet_id, err=err)) from None
            out[method] = places
        return out

    def _shared_parts(self) -> _Shared:
        with self._lock:
            if self._shared is None:
                self._shared = _compute_shared(self.panel, self.decisions)
            return self._shared


@dataclass(frozen=True)
class _Shared:
    """The parts of the results that do not depend on the method."""

    outliers: list
    spreads: list
    re_review: list[ReReviewItem]
    outlier_rows: list[OutlierRow]
    expert_stats: dict[str, ExpertStats]
    agreement: dict[str, AgreementStats]


def _compute_shared(panel: Panel, decisions: ResultsDecisions) -> _Shared:
    rules = panel.rubric.aggregation
    try:
        outliers = flag_outliers(panel.marks, rules.outlier_percent, rules.outlier_z)
        spreads = re_review(panel.marks, rules.spread_threshold)
        offsets = bias_offsets(panel.marks)
    except ValueError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Results", "无法汇总评审包 {packet_id} 的评分：{err}"),
            packet_id=panel.packet_id, err=err)) from None
    short = shortfalls(panel, decisions)
    return _Shared(
        outliers=outliers, spreads=spreads,
        re_review=_re_review_items(panel, spreads, outliers, short,
                                   few_scored(panel, decisions, short)),
        outlier_rows=[OutlierRow(o.expert, panel.experts[o.expert].name, o.submission,
                                 panel.submissions[o.submission].title,
                                 panel.submissions[o.submission].category, o.total, o.mean,
                                 o.reason) for o in outliers],
        expert_stats=expert_stats(panel, offsets),
        agreement={cat: agreement_for(panel, cat) for cat in panel.categories})


def category_results(panel: Panel, category: str, method: str) -> tuple[list[Mark],
                                                                       dict[str, Result]]:
    """The category's marks and its aggregate `Result` per submission (packet order)."""
    subs = panel.in_category(category)
    wanted = set(subs)
    marks = [m for m in panel.marks if m.submission in wanted]
    return marks, aggregate(marks, subs, method,
                            trim_min_scores=panel.rubric.aggregation.trim_min_scores)


# ----------------------------------------------------------------- rankings

def _rank(panel: Panel, marks: list[Mark], results: dict[str, Result]):
    chain = panel.rubric.aggregation.tie_break
    max_crit = _max_criterion(panel, marks) if "max_criterion" in chain else None
    return rank(results, tie_break=chain, marks=marks, max_criterion=max_crit)


def _max_criterion(panel: Panel, marks: list[Mark]) -> dict[str, Decimal]:
    """Per submission the mean over its marks of the highest single criterion score."""
    values: dict[str, list[Decimal]] = defaultdict(list)
    for m in marks:
        values[m.submission].append(max(panel.criteria[m.expert, m.submission].values()))
    with localcontext() as ctx:
        ctx.prec = PRECISION
        return {s: sum(v, Decimal(0)) / len(v) for s, v in values.items()}


@dataclass(frozen=True)
class _CategoryRanking:
    """One category under one method: places for the eligible, standings for the rest."""

    results: dict[str, Result]
    ranked: list[Ranked]  # eligible submissions only, with places
    standings: dict[str, Standing]  # scored submissions not ranked for an award, and why
    applied: list[Decision]  # tie-break decisions that took effect
    distinct: dict[str, list[str]]  # same unit and title, settled as distinct: the others


def _rank_categories(panel: Panel, method: str, decisions: ResultsDecisions
                     ) -> dict[str, _CategoryRanking]:
    """Every category ranked with the eligibility rules of `app.results.eligibility`."""
    first = first_standings(panel, decisions)
    per_cat = {cat: category_results(panel, cat, method) for cat in panel.categories}
    scores = {s: r for _marks, results in per_cat.values() for s, r in results.items()}
    # Duplicates may cross categories: one pass over all of them before the final ranks.
    standings = {**first, **duplicate_standings(panel, decisions, scores, first)}
    distinct = distinct_duplicates(panel, decisions, scores, first)
    out: dict[str, _CategoryRanking] = {}
    for cat, (marks, results) in per_cat.items():
        eligible = {s: r for s, r in results.items() if s not in standings}
        ranked, applied = apply_tie_decisions(_rank(panel, marks, eligible), decisions)
        scored_standings = {s: standings[s] for s, r in results.items()
                            if s in standings and r.score is not None}
        out[cat] = _CategoryRanking(results, ranked, scored_standings, applied, distinct)
    return out


def _rankings(panel: Panel, method: str, outliers, spreads, decisions: ResultsDecisions):
    outlier_subs = {o.submission for o in outliers}
    spread_subs = {s.submission for s in spreads}
    expert_flags = _expert_flags(panel)
    decided_labels = {**tie_break_labels(panel.rubric), "organizer": ORGANIZER_DECIDED}
    few_scores = panel.rubric.aggregation.few_scores
    rankings: dict[str, list[RankingRow]] = {}
    ties: list[QuotaTieRow] = []
    unscored: dict[str, list[str]] = {}
    applied: list[Decision] = []
    overridden = set(shortfalls(panel, NO_DECISIONS)) - set(shortfalls(panel, decisions))
    for cat, ranking in _rank_categories(panel, method, decisions).items():
        results, ranked = ranking.results, ranking.ranked
        applied.extend(ranking.applied)
        awards, quota_ties = ({}, []) if cat == UNCATEGORISED else apply_awards(
            ranked, panel.rubric.awards)
        tie_subs = {s for t in quota_ties for s in t.submissions}
        ties.extend(QuotaTieRow(cat, t.award, t.places[0], t.submissions, t.slots)
                    for t in quota_ties)
        rows: list[RankingRow] = []
        others = sorted(ranking.standings, key=lambda s: (-results[s].score, s))
        for item in [*ranked, *(Ranked(None, s, results[s].score) for s in others)]:
            if item.score is None:
                continue
            sub, res = panel.submissions[item.submission], results[item.submission]
            flags = []
            if item.submission in spread_subs:
                flags.append(FLAG_SPREAD)
            if item.submission in outlier_subs:
                flags.append(FLAG_OUTLIER)
            if item.submission in tie_subs:
                flags.append(FLAG_QUOTA_TIE)
            elif item.tied_with:
                flags.append(FLAG_TIE)
            standing = ranking.standings.get(item.submission)
            if res.n < few_scores and standing is None:  # else its status says so
                flags.append(FLAG_FEW)
            if item.submission in overridden:
                flags.append(FLAG_OVERRIDDEN)
            if item.submission in ranking.distinct:
                flags.append(Message("ResultFlags", FLAG_DISTINCT,
                                     others=ranking.distinct[item.submission]))
            if cat == UNCATEGORISED:
                flags.append(FLAG_NO_CATEGORY)
            flags.extend(expert_flags.get(item.submission, []))
            rows.append(RankingRow(
                place=item.place, id=sub.id, title=sub.title, unit=sub.unit,
                score=item.score, n=res.n, award=awards.get(item.submission), flags=flags,
                category=cat, mean=res.mean, median=res.median, tied_with=item.tied_with,
                decided_by=decided_labels.get(item.decided_by) if item.decided_by else None,
                note=_note(panel, res.details),
                status=standing.status if standing else RowStatus.RANKED,
                status_reason=standing.reason if standing else ""))
        rankings[cat] = rows
        missing = [s for s, r in results.items() if r.score is None]
        if missing:
            unscored[cat] = sorted(missing)
    return rankings, ties, unscored, decision_notes(decisions, applied, rankings, overridden)


def _note(panel: Panel, details: dict) -> str:
    if "dropped_high" in details:
        high = panel.experts[details["dropped_high"]].name
        low = panel.experts[details["dropped_low"]].name
        return Message(REASONS, DROPPED, high=format_score(details["dropped_high_total"], 1),
                       high_expert=high, low=format_score(details["dropped_low_total"], 1),
                       low_expert=low)
    return details.get("note", "")  # a Message from scoring (the bias model's groups)


def _expert_flags(panel: Panel) -> dict[str, list[str]]:
    """Per submission the experts' flags: "疑似不实（2人）", "类别不符→<建议类别>（1人）"."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (_expert, sub), text in sorted(panel.flags.items()):
        for flag, category in parse_flag_text(text).items():
            label = FLAG_LABELS[flag] + (f"→{category}" if category else "")
            counts[sub][label] += 1
    order = list(FLAG_LABELS.values())

    def key(label: str) -> tuple[int, str]:
        base = label.split("→")[0]
        return (order.index(base) if base in order else len(order), label)

    def text(label: str, n: int) -> str:
        flag, arrow, category = label.partition("→")
        if arrow:
            return EXPERT_FLAG_CATEGORY.format(flag=flag, category=category, count=n)
        return EXPERT_FLAG.format(flag=flag, count=n)

    return {sub: [text(label, n) for label, n in sorted(by.items(), key=lambda x: key(x[0]))]
            for sub, by in counts.items()}


# ------------------------------------------------------------ disagreement

def _re_review_items(panel: Panel, spreads, outliers, short: dict[str, tuple[int, int]],
                     few: dict[str, int]) -> list[ReReviewItem]:
    """Spreads over the threshold (with the outlying marks), then too few valid scores
    for an award, then ranked on fewer scores than `few_scores` (a small panel's)."""
    by_sub: dict[str, list] = defaultdict(list)
    for o in outliers:
        by_sub[o.submission].append(o)
    totals = {(m.expert, m.submission): m.total for m in panel.marks}
    threshold = canonical_decimal(panel.rubric.aggregation.spread_threshold)
    items = []
    for s in spreads:
        sub = panel.submissions[s.submission]
        reasons = [Message("ResultFlags", SPREAD_REASON, max=format_score(s.max, 1),
                           min=format_score(s.min, 1), spread=format_score(s.spread, 1),
                           threshold=threshold)]
        reasons += [Message(REASONS, EXPERT_SAYS, expert=panel.experts[o.expert].name,
                            reason=o.reason) for o in by_sub[s.submission]]
        if s.submission in short:
            reasons.append(insufficient_reason(*short[s.submission]))
        elif s.submission in few:
            reasons.append(few_reason(few[s.submission], panel))
        items.append(ReReviewItem(
            id=sub.id, title=sub.title, category=sub.category, spread=s.spread,
            scores={e: totals[e, s.submission] for e in s.experts}, reasons=reasons,
            max=s.max, min=s.min))
    listed = {item.id for item in items}
    unlisted = [(sid, insufficient_reason(n, required)) for sid, (n, required) in short.items()]
    unlisted += [(sid, few_reason(n, panel)) for sid, n in few.items()]
    for sid, reason in unlisted:
        if sid in listed:
            continue
        sub = panel.submissions[sid]
        scores = dict(sorted(((e, t) for (e, s), t in totals.items() if s == sid),
                             key=lambda et: (-et[1], et[0])))
        high, low = max(scores.values()), min(scores.values())
        items.append(ReReviewItem(
            id=sid, title=sub.title, category=sub.category, spread=high - low,
            scores=scores, reasons=[reason], max=high, min=low))
    return items


def few_reason(n: int, panel: Panel) -> str:
    return Message(REASONS, FEW_REASON, n=n, few=panel.rubric.aggregation.few_scores)
