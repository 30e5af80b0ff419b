"""Who may be ranked for an award: the minimum of valid scores, duplicates, decisions.

The rules (docs/aggregation.md §6), applied before places and awards are given:

- a submission the organizer disqualified is *excluded*;
- a submission with fewer valid scores than the rubric's minimum (`aggregation.
  min_valid_scores`, or every assigned expert's score when fewer are assigned) has
  *insufficient scores* — unless the organizer decided to rank it anyway;
- of entries with the same unit and title (the rule the intake flags duplicates by),
  only one may be ranked for an award: the one the organizer kept, or without a decision
  the one with the higher score (then the lower id); the others are *duplicates* — unless
  the organizer recorded that they are not duplicates (here, or at intake: the manifest's
  `duplicates.decided`).

Everything here is decided from the panel, the aggregated results and the decisions, so
the same inputs always give the same statuses.  The reasons are Chinese, for the report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.intake.checks import find_duplicates
from app.results.decisions import Decision, ResultsDecisions
from app.results.model import (
    DECIDED_BY,
    DECIDED_BY_AT,
    DISQUALIFIED_REASON,
    DUPLICATE_REASON,
    EFFECTS,
    INSUFFICIENT_REASON,
    KEPT_BY_DECISION,
    KEPT_HIGHER,
    REASONS,
    DecisionNote,
    RankingRow,
    RowStatus,
)
from app.results.panel import Panel
from scoring.aggregate import Result
from scoring.ranking import Ranked


@dataclass(frozen=True)
class Standing:
    """Why a scored submission is not ranked for an award."""

    status: RowStatus
    reason: str


def decided_by(decision: Decision) -> str:
    """"（秘书处，2026-12-01）" — who and when, when the decision says so."""
    parts = [p for p in (decision.by, decision.at) if p]
    if len(parts) == 2:
        return Message(REASONS, DECIDED_BY_AT, who=parts[0], at=parts[1])
    return Message(REASONS, DECIDED_BY, who=parts[0]) if parts else ""


def check_known(panel: Panel, decisions: ResultsDecisions) -> None:
    """PanelDeskError naming a decision about a submission the packet does not have."""
    for number, decision in enumerate(decisions.decisions, 1):
        unknown = [s for s in decision.subjects if s not in panel.submissions]
        if unknown:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Results", "第 {number} 项决定（{label}）提到评审包中没有的作品：{unknown}"),
                number=number, label=decision.label, unknown=list(unknown)))


def valid_counts(panel: Panel) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(panel.submissions, 0)
    for mark in panel.marks:
        counts[mark.submission] += 1
    return counts


def assigned_counts(panel: Panel) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(panel.submissions, 0)
    for subs in panel.assignments.values():
        for sub in subs:
            if sub in counts:
                counts[sub] += 1
    return counts


def shortfalls(panel: Panel, decisions: ResultsDecisions) -> dict[str, tuple[int, int]]:
    """Submission → (valid scores, required) for every scored one below the minimum and
    not overridden by the organizer."""
    rules = panel.rubric.aggregation
    valid, assigned = valid_counts(panel), assigned_counts(panel)
    out: dict[str, tuple[int, int]] = {}
    for sub, n in valid.items():
        required = rules.required_scores(assigned[sub])
        if 0 < n < required and decisions.about("override_minimum", sub) is None:
            out[sub] = (n, required)
    return out


def few_scored(panel: Panel, decisions: ResultsDecisions,
               short: Mapping[str, tuple[int, int]]) -> dict[str, int]:
    """Submission → valid scores, for every one ranked (the minimum met, e.g. by every
    assigned expert of a small panel) on fewer scores than `aggregation.few_scores` —
    unless the organizer already decided to rank it on them.  `short`: the `shortfalls`."""
    disqualified = {d.subjects[0] for d in decisions.of("disqualify")}
    few = panel.rubric.aggregation.few_scores
    return {sub: n for sub, n in valid_counts(panel).items()
            if 0 < n < few and sub not in short and sub not in disqualified
            and decisions.about("override_minimum", sub) is None}


def insufficient_reason(n: int, required: int) -> str:
    return Message(REASONS, INSUFFICIENT_REASON, n=n, required=required)


def first_standings(panel: Panel, decisions: ResultsDecisions) -> dict[str, Standing]:
    """Disqualified and insufficient submissions (these do not depend on the method)."""
    out: dict[str, Standing] = {}
    for sub, (n, required) in shortfalls(panel, decisions).items():
        out[sub] = Standing(RowStatus.INSUFFICIENT, insufficient_reason(n, required))
    for decision in decisions.of("disqualify"):
        sub = decision.subjects[0]
        out[sub] = Standing(RowStatus.EXCLUDED, Message(
            REASONS, DISQUALIFIED_REASON, reason=decision.reason, by=decided_by(decision)))
    return out


def duplicate_standings(panel: Panel, decisions: ResultsDecisions,
                        scores: Mapping[str, Result], standings: Mapping[str, Standing]
                        ) -> dict[str, Standing]:
    """The entries of each same-unit-and-title group that may not be ranked for an award.

    Only entries still in the running count: when a group has one left, nothing is done.
    """
    out: dict[str, Standing] = {}
    for running in _running_groups(panel, scores, standings):
        if _settled_distinct(panel, decisions, running):
            continue  # the organizer said they are different entries (results or intake)
        keep_decision = _keep_decision(decisions, running)
        if keep_decision is not None:
            keeper = keep_decision.keep or running[0]
            why = Message(REASONS, KEPT_BY_DECISION, keeper=keeper,
                          reason=keep_decision.reason, by=decided_by(keep_decision))
        else:
            keeper = min(running, key=lambda s: (-scores[s].score, s))  # type: ignore[operator]
            why = Message(REASONS, KEPT_HIGHER, keeper=keeper)
        for sub in running:
            if sub != keeper:
                out[sub] = Standing(RowStatus.DUPLICATE,
                                    Message(REASONS, DUPLICATE_REASON, keeper=keeper, why=why))
    return out


def distinct_duplicates(panel: Panel, decisions: ResultsDecisions,
                        scores: Mapping[str, Result], standings: Mapping[str, Standing]
                        ) -> dict[str, list[str]]:
    """Entry → the others of its same-unit-and-title group, where the organizer settled
    them as distinct and all still compete: their rows say so, or the report would show
    two awards for one unit and title without a word."""
    return {sub: [s for s in running if s != sub]
            for running in _running_groups(panel, scores, standings)
            if _settled_distinct(panel, decisions, running) for sub in running}


def _running_groups(panel: Panel, scores: Mapping[str, Result],
                    standings: Mapping[str, Standing]) -> list[list[str]]:
    """Each same-unit-and-title group's entries still in the running, when two or more are."""
    groups = ([s for s in group if s not in standings and scores.get(s) is not None
               and scores[s].score is not None] for group in _duplicate_groups(panel))
    return [running for running in groups if len(running) >= 2]


def _settled_distinct(panel: Panel, decisions: ResultsDecisions, running: list[str]) -> bool:
    return _declared_distinct(decisions, running) or all(
        panel.submissions[s].distinct for s in running)


def _duplicate_groups(panel: Panel) -> list[list[str]]:
    pairs = find_duplicates([(s.id, s.unit, s.title) for s in panel.submissions.values()])
    seen: set[str] = set()
    groups: list[list[str]] = []
    for sub in panel.submissions:  # packet order
        if sub in pairs and sub not in seen:
            group = [sub, *pairs[sub]]
            seen.update(group)
            groups.append([s for s in panel.submissions if s in group])
    return groups


def _declared_distinct(decisions: ResultsDecisions, running: list[str]) -> bool:
    return any(set(running) <= set(d.subjects) for d in decisions.of("not_duplicate"))


def _keep_decision(decisions: ResultsDecisions, running: list[str]) -> Decision | None:
    found = [d for d in decisions.of("keep_duplicate")
             if d.keep in running and set(running) <= set(d.subjects)]
    return found[-1] if found else None


def apply_tie_decisions(ranked: list[Ranked], decisions: ResultsDecisions
                        ) -> tuple[list[Ranked], list[Decision]]:
    """Places of tied blocks the organizer ordered, and the decisions that took effect.

    A `tie_break` decision applies when its submissions are exactly one block sharing a
    place (they are still tied); the block then takes consecutive places in its order.
    """
    applied: list[Decision] = []
    by_place: dict[int, list[Ranked]] = {}
    for item in ranked:
        if item.place is not None:
            by_place.setdefault(item.place, []).append(item)
    replaced: dict[str, Ranked] = {}
    for decision in decisions.of("tie_break"):
        wanted = set(decision.subjects)
        for place, block in by_place.items():
            if len(block) > 1 and {i.submission for i in block} == wanted:
                items = {i.submission: i for i in block}
                for offset, sub in enumerate(decision.subjects):
                    replaced[sub] = replace(items[sub], place=place + offset, tied_with=(),
                                            decided_by="organizer")
                applied.append(decision)
    out = [replaced.get(i.submission, i) for i in ranked]
    out.sort(key=lambda i: (i.place is None, i.place or 0))
    return out, applied


def decision_notes(decisions: ResultsDecisions, applied_ties: list[Decision],
                   rankings: Mapping[str, list[RankingRow]], overridden: set[str]
                   ) -> list[DecisionNote]:
    """Every decision with what it did, for the report and the workbook; `overridden`:
    the submissions ranked only because the organizer overrode the minimum."""
    status = {row.id: row.status for rows in rankings.values() for row in rows}
    notes = []
    for d in decisions.decisions:
        subjects = d.subjects
        if d.action == "disqualify":
            effect = _effect("excluded" if status.get(subjects[0]) == RowStatus.EXCLUDED
                             else "nothing_to_exclude")
        elif d.action == "override_minimum":
            ranked = status.get(subjects[0]) == RowStatus.RANKED
            effect = _effect("not_ranked" if not ranked else "ranked_anyway"
                             if subjects[0] in overridden else "not_short")
        elif d.action == "tie_break":
            effect = (_effect("ordered", order=list(subjects)) if d in applied_ties
                      else _effect("not_tied"))
        elif d.action == "keep_duplicate":
            # A dropped entry still ranked: they were no duplicate group (or the organizer
            # said otherwise elsewhere); the decision changed nothing.
            competing = [s for s in subjects if s != d.keep and status.get(s) == RowStatus.RANKED]
            kept = status.get(d.keep or "") == RowStatus.RANKED
            effect = (_effect("not_a_duplicate", drop=competing, keep=d.keep) if competing
                      else _effect("kept" if kept else "kept_not_ranked", keep=d.keep))
        else:
            together = all(status.get(s) == RowStatus.RANKED for s in subjects)
            effect = _effect("together" if together else "partly")
        notes.append(DecisionNote(d.action, d.label, subjects, d.reason, d.by, d.at, effect))
    return notes


def _effect(what: str, **values: object) -> Message:
    return Message(REASONS, EFFECTS[what], **values)
