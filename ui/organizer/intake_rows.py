"""The intake review's rows: a scanned entry with the organizer's decision applied (Qt-free).

`IntakeRows` keeps every scanned entry and its decision, and answers what the table
shows: the effective fields (corrections applied), the warnings (checks re-run on the
corrected fields, duplicates found among the entries still in the round), the status and
the submission id the packet will give it.  Effective fields are cached per entry and
recomputed only when that entry is read again or its decision changes, so 300 entries
arriving one by one cost 300 checks, not 300² — and a scan works them out on its worker
(`add(entry, computed, edits)`), so the GUI thread only checks edits it has just made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.assembly.assignments import Candidate
from app.assembly.scan import ScannedEntry, effective
from app.intake import checks
from app.intake.forms import CategorySet
from app.model import IntakeWarning
from scoring.rubric import Rubric

Effective = tuple[dict[str, str], list[IntakeWarning]]
INCLUDED, ATTENTION, EXCLUDED, REJECTED = "included", "attention", "excluded", "rejected"
STATUSES = (ATTENTION, INCLUDED, EXCLUDED, REJECTED)


@dataclass
class IntakeRow:
    """One entry as the review table shows it."""

    source: str
    scanned: ScannedEntry
    decision: dict[str, Any]
    fields: dict[str, str] = field(default_factory=dict)
    warnings: list[IntakeWarning] = field(default_factory=list)
    submission_id: str = ""  # what the packet will call it; "" when left out

    @property
    def status(self) -> str:
        if self.scanned.rejected:
            return REJECTED
        if self.decision.get("exclude") is not None or self.decision.get("duplicate_of"):
            return EXCLUDED
        return ATTENTION if self.open_warnings else INCLUDED

    @property
    def acknowledged(self) -> Mapping[str, str]:
        return self.decision.get("acknowledge", {})

    @property
    def open_warnings(self) -> list[IntakeWarning]:
        """Warnings the organizer has not acknowledged yet."""
        return [w for w in self.warnings if w.code not in self.acknowledged]

    @property
    def warning_codes(self) -> list[str]:
        return list(dict.fromkeys(w.code for w in self.warnings))

    @property
    def body_length(self) -> int:
        from app.intake.checks import count_chars

        return count_chars(self.fields.get("body", ""))

    @property
    def exclusion_reason(self) -> str:
        if self.decision.get("duplicate_of"):
            return self.decision["duplicate_of"]
        return self.decision.get("exclude") or ""


class IntakeRows:
    """Every entry of the round, in the intake folder's order."""

    def __init__(self, rubric: Rubric, decisions: Mapping[str, dict[str, Any]]) -> None:
        self.rubric = rubric
        self._categories = CategorySet.of(rubric)
        self._decisions = {k: dict(v) for k, v in decisions.items()}
        self._scanned: dict[str, ScannedEntry] = {}
        self._effective: dict[str, Effective] = {}
        self.rows: list[IntakeRow] = []

    def stamps(self) -> dict[str, tuple[int, int]]:
        return {s: e.stamp for s, e in self._scanned.items()}

    def add(self, entry: ScannedEntry, computed: Effective | None = None,
            edits: Mapping[str, Any] | None = None) -> None:
        """Keep `entry`; `computed` is its `effective()` for the field `edits` it was
        worked out with (on the scan's worker), used while the decision still has them."""
        self._scanned[entry.source] = entry
        self._effective.pop(entry.source, None)
        current = self._decisions.get(entry.source, {}).get("fields", {})
        if computed is not None and dict(edits or {}) == dict(current):
            self._effective[entry.source] = computed

    def edits(self) -> dict[str, dict[str, Any]]:
        """Every entry's field edits, for a worker to apply while it reads."""
        return {s: dict(d.get("fields", {})) for s, d in self._decisions.items()}

    def keep_only(self, sources: Iterable[str]) -> None:
        """Forget entries no longer in the folder (their decisions stay in the file)."""
        present = set(sources)
        for source in [s for s in self._scanned if s not in present]:
            del self._scanned[source]
            self._effective.pop(source, None)

    def set_decision(self, source: str, decision: Mapping[str, Any]) -> None:
        self._decisions[source] = dict(decision)
        self._effective.pop(source, None)

    def decision(self, source: str) -> dict[str, Any]:
        return dict(self._decisions.get(source, {}))

    def sources(self) -> list[str]:
        return sorted(self._scanned)

    def rebuild(self) -> list[IntakeRow]:
        """Recompute the rows (cheap for entries whose fields are cached)."""
        rows = []
        for source in sorted(self._scanned):
            scanned = self._scanned[source]
            decision = self._decisions.get(source, {})
            if source not in self._effective:
                if scanned.rejected:
                    self._effective[source] = ({}, [])
                else:
                    self._effective[source] = effective(
                        scanned, decision.get("fields", {}), self.rubric, self._categories)
            fields, warnings = self._effective[source]
            rows.append(IntakeRow(source, scanned, decision, fields, list(warnings)))
        kept = [r for r in rows if r.status != REJECTED and r.status != EXCLUDED]
        # The packet's duplicate check, over the entries still in the round, by source.
        duplicates = checks.find_duplicates(
            [(r.source, r.fields.get("unit", ""), r.fields.get("title", "")) for r in kept])
        for number, row in enumerate(kept, start=1):
            if row.source in duplicates:
                row.warnings.append(checks.duplicate_warning(duplicates[row.source]))
            row.submission_id = f"S{number:03d}"
        self.rows = rows
        return rows

    def row(self, source: str) -> IntakeRow | None:
        return next((r for r in self.rows if r.source == source), None)

    def candidates(self) -> list[Candidate]:
        """The entries still in the round, as the assignment plan sees them."""
        return [Candidate(r.submission_id, r.source, r.fields.get("category") or None,
                          r.fields.get("unit", "")) for r in self.rows if r.submission_id]

    def category_names(self) -> tuple[str, ...]:
        return tuple(self.rubric.categories)
