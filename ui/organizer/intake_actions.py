"""The intake review's decisions on one entry, from the organizer's answers (Qt-free).

Each action asks its question (`IntakeQuestions`, or a test's fake) about the selected
row and returns the entry's whole new decision with the reason for the audit log, or None
when the organizer cancelled or there is nothing to decide; `IntakePage` records it
(`Round.decide` on the single writer).  Kept apart from the page so that the page holds
the table, the scan and the detail, and each decision reads as one small function.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ui.organizer.intake_model import warning_label
from ui.organizer.intake_rows import EXCLUDED, REJECTED, IntakeRow, IntakeRows


@dataclass(frozen=True)
class Decided:
    """The entry's new decision (the decisions file's shape) and why."""

    decision: dict[str, Any]
    reason: str = ""


def edit_field(parent: Any, questions: Any, rows: IntakeRows, row: IntakeRow,
               field: str = "") -> Decided | None:
    """Edit one field; without `field`, the one an open warning points into (e.g. the
    body holding an unmasked number), with that place selected."""
    select = None
    if not field:
        pointed = next((w for w in row.open_warnings if w.field and w.spans), None)
        if pointed is not None:
            field, select = pointed.field, tuple(pointed.spans[0])
    answer = questions.edit_field(parent, row.fields, rows.category_names(), field, select)
    if answer is None:
        return None
    decision = rows.decision(row.source)
    decision["fields"] = {**decision.get("fields", {}), answer.field: answer.value}
    return Decided(decision, answer.reason)


def exclude(parent: Any, questions: Any, rows: IntakeRows, row: IntakeRow) -> Decided | None:
    reason = questions.exclude(parent, row.fields.get("title") or row.source)
    if not reason:
        return None
    decision = rows.decision(row.source)
    decision.pop("duplicate_of", None)
    decision["exclude"] = reason
    return Decided(decision, reason)


def mark_duplicate(parent: Any, questions: Any, rows: IntakeRows,
                   row: IntakeRow) -> Decided | None:
    others = [r for r in rows.rows if r.source != row.source and
              r.status not in (EXCLUDED, REJECTED)]
    same = [r for r in others if r.fields.get("title") == row.fields.get("title")]
    candidates = [(r.source, f"{r.submission_id} {r.fields.get('title', '')} — {r.source}")
                  for r in same + [r for r in others if r not in same]]
    answer = questions.duplicate(parent, row.fields.get("title") or row.source, candidates)
    if answer is None:
        return None
    decision = rows.decision(row.source)
    decision.pop("exclude", None)
    decision["duplicate_of"] = answer.kept
    return Decided(decision, answer.reason)


def acknowledge(parent: Any, questions: Any, rows: IntakeRows,
                row: IntakeRow) -> Decided | None:
    if not row.open_warnings:
        return None
    codes = list(dict.fromkeys(w.code for w in row.open_warnings))
    answer = questions.acknowledge(parent, [(c, warning_label(c)) for c in codes])
    if answer is None:
        return None
    decision = rows.decision(row.source)
    decision["acknowledge"] = {**decision.get("acknowledge", {}), answer.code: answer.note}
    keep = [c for c in decision.get("keep_warnings", []) if c != answer.code]
    decision["keep_warnings"] = keep + ([answer.code] if answer.keep_visible else [])
    return Decided(decision, answer.note)


def withdraw_acknowledgement(parent: Any, questions: Any, rows: IntakeRows,
                             row: IntakeRow) -> Decided | None:
    """Take back one acknowledgement: the warning is open again (and shown to experts as
    any open warning is); the reason is optional, the log keeps the old note anyway."""
    acknowledged = [(code, warning_label(code), note) for code, note in row.acknowledged.items()]
    if not acknowledged:
        return None
    answer = questions.withdraw_acknowledgement(parent, acknowledged)
    if answer is None:
        return None
    decision = rows.decision(row.source)
    decision["acknowledge"] = {c: n for c, n in decision.get("acknowledge", {}).items()
                               if c != answer.code}
    decision["keep_warnings"] = [c for c in decision.get("keep_warnings", [])
                                 if c != answer.code]
    return Decided(decision, answer.reason)


def restore(parent: Any, questions: Any, rows: IntakeRows, row: IntakeRow) -> Decided:
    decision = rows.decision(row.source)
    decision.pop("exclude", None)
    decision.pop("duplicate_of", None)
    return Decided(decision)
