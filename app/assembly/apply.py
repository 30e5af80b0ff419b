"""The organizer's intake decisions applied while a packet is built (docs/formats.md §12).

The decisions file itself (`app.organizer.decisions`) sits above this package; here the
builder only needs what the `Decisions` protocol describes, so the CLI and the GUI hand
the same object to the same code and get the same packet.

- an excluded entry (`exclude`, `duplicate_of`) is not read at all;
- field overrides replace the extracted values before the checks run, so a category the
  organizer filled no longer warns; a category must be one of the rubric's;
- acknowledged warnings leave the experts' view unless kept (then the note is added to
  the message); every decision is written into the submission's `decisions` record.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Protocol

from app.errors import PanelDeskError
from app.model import DuplicateInfo, IntakeWarning, Submission
from scoring.rubric import Rubric

CONTACT_MASK = "〔联系方式已隐去〕"


class EntryDecisionLike(Protocol):
    exclude: str | None
    duplicate_of: str | None
    fields: dict[str, str]
    acknowledge: dict[str, str]
    keep_warnings: list[str]

    @property
    def excluded(self) -> bool: ...

    def is_empty(self) -> bool: ...


class Decisions(Protocol):
    entries: dict[str, Any]

    def get(self, source: str) -> EntryDecisionLike: ...

    def kept_for(self, source: str) -> str | None: ...


def check_against_rubric(decisions: Decisions, rubric: Rubric) -> None:
    """Every category the organizer set must be one of the rubric's (else an error naming it)."""
    for source, decision in sorted(decisions.entries.items()):
        category = decision.fields.get("category")
        if category is not None and category not in rubric.categories:
            raise PanelDeskError(
                f"决定中“{source}”的类别“{category}”不是评审细则的类别"
                f"（可用：{'、'.join(rubric.categories)}）")


def exclusion_reason(decisions: Decisions, source: str) -> str | None:
    """Why `source` is left out of the packet, or None when it is not."""
    decision = decisions.get(source)
    if decision.exclude is not None:
        return decision.exclude
    kept = decisions.kept_for(source)
    if kept is not None:
        return f"与“{kept}”重复（保留“{kept}”）"
    return None


def override_fields(fields: dict[str, str], decision: EntryDecisionLike,
                    keep_contacts: bool, contact_fields: tuple[str, ...]) -> dict[str, Any]:
    """Apply the field edits to `fields` in place; the record of what changed.

    Contact values never enter the record unless contacts are kept in the packet.
    """
    changes: dict[str, Any] = {}
    for key, value in sorted(decision.fields.items()):
        old = fields.get(key, "")
        if old == value:
            continue
        if value:
            fields[key] = value
        else:
            fields.pop(key, None)
        hidden = key in contact_fields and not keep_contacts
        changes[key] = ({"old": CONTACT_MASK if old else "", "new": CONTACT_MASK if value else ""}
                        if hidden else {"old": old, "new": value})
    return changes


def packet_record(changes: dict[str, Any]) -> dict[str, Any]:
    """What the packet says of the field edits: the new values only.  The old ones stay
    with the organizer (build report, audit log): an edit often removes something that
    must not reach experts, such as an unmasked telephone number."""
    return {key: {"new": change["new"]} for key, change in changes.items()}


def edited_text(text: str, changes: dict[str, Any], fields: dict[str, str],
                labels: dict[str, str]) -> str:
    """The form's full text with the edited fields' old values replaced by the new ones;
    when an old value is not found as it is, the text is rebuilt from the fields (what
    the organizer removed must not stay in it)."""
    for change in changes.values():
        old, new = change["old"], change["new"]
        if not old:
            continue
        if old not in text:
            return "\n\n".join(f"【{label}】\n{fields[key]}" for key, label in labels.items()
                                if fields.get(key))
        text = text.replace(old, new)
    return text


def acknowledge(sub: Submission, decision: EntryDecisionLike) -> tuple[dict[str, Any], list[str]]:
    """Apply acknowledgements to `sub.warnings`; the record and the codes not found."""
    record: dict[str, Any] = {}
    kept_warnings: list[IntakeWarning] = []
    present = {w.code for w in sub.warnings}
    for warning in sub.warnings:
        note = decision.acknowledge.get(warning.code)
        if note is None:
            kept_warnings.append(warning)
            continue
        keep = warning.code in decision.keep_warnings
        entry = record.setdefault(warning.code, {"note": note, "kept": keep, "messages": []})
        entry["messages"].append(warning.message)
        if keep:
            warning.message = f"{warning.message}（组织方说明：{note}）" if note else warning.message
            kept_warnings.append(warning)
    sub.warnings = kept_warnings
    missing = sorted(code for code in decision.acknowledge if code not in present)
    return record, missing


def finish_duplicates(sub: Submission, flagged: list[str], excluded: list[str],
                      acknowledged: bool) -> None:
    """Set `sub.duplicates` (None when nothing is known)."""
    if not flagged and not excluded:
        sub.duplicates = None
        return
    sub.duplicates = DuplicateInfo(flagged=sorted(flagged), excluded=sorted(excluded),
                                   decided=not flagged or acknowledged)


def unknown_sources(decisions: Decisions, sources: list[str]) -> list[str]:
    """Warnings for decisions about entries the intake folder does not have."""
    present = {unicodedata.normalize("NFC", s) for s in sources}
    return [f"决定中的“{source}”不在申报材料文件夹中，已忽略"
            for source in sorted(decisions.entries) if source not in present]


def settle(results: list[Any], decisions: Decisions | None, flagged: dict[str, list[str]],
           warnings: list[str]) -> list[dict[str, str]]:
    """After every entry is read: acknowledgements, duplicate records, the excluded list.

    `results` are the builder's `EntryResult`s; `flagged` is the intake check's
    submission id → ids with the same unit and title.  Returns the manifest's `excluded`
    records; problems that do not stop the build are appended to `warnings`.
    """
    by_source = {unicodedata.normalize("NFC", r.source): r for r in results}
    excluded: list[dict[str, str]] = []
    duplicates_of: dict[str, list[str]] = {}  # kept source → sources excluded as its duplicates
    for result in results:
        if result.status != "excluded":
            continue
        record = {"source": result.source, "reason": result.reason}
        if result.duplicate_of is not None:
            kept = by_source.get(result.duplicate_of)
            if kept is None:
                warnings.append(f"“{result.source}”标为“{result.duplicate_of}”的重复，"
                                f"但申报材料中没有“{result.duplicate_of}”")
            elif kept.submission is None:
                warnings.append(f"“{result.source}”标为“{kept.source}”的重复，"
                                f"但“{kept.source}”未纳入评审包")
            else:
                record["duplicate_of"] = kept.submission.id
                duplicates_of.setdefault(kept.source, []).append(result.source)
        excluded.append(record)
    if decisions is not None:
        warnings.extend(f"“{r.source}”已被拒收（{r.reason[:80]}），对它的修改未生效"
                        for r in results if r.status == "rejected"
                        and not decisions.get(r.source).is_empty())
    included = [r for r in results if r.submission is not None]
    distinct = {r.submission.id for r in included if decisions is not None
                and "duplicate" in decisions.get(r.source).acknowledge}
    for result in included:
        sub: Submission = result.submission
        if decisions is not None and decisions.get(result.source).acknowledge:
            record, missing = acknowledge(sub, decisions.get(result.source))
            warnings.extend(f"“{result.source}”没有代码为 {code} 的提示，确认已忽略"
                            for code in missing)
            if record:
                sub.decisions = {**(sub.decisions or {"source": result.source}),
                                 "acknowledged": record}
        partners = flagged.get(sub.id, [])
        kept_over = duplicates_of.get(result.source, [])
        if kept_over and sub.decisions is None:
            sub.decisions = {"source": result.source}
        settled = sub.id in distinct or any(p in distinct for p in partners)
        finish_duplicates(sub, partners, kept_over, settled)
    return excluded
