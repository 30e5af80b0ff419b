"""Reading an intake folder for the organizer's review, entry by entry (Qt-free).

A local adapter over `app.intake` and the packet builder's form finder: the engine builds
packets but has no "read one entry for review" call, so this module reads an entry the
way the builder does — the same form choice, parser, evidence classifier and checks —
without writing a packet.  `scan_folder` hands back each entry as soon as it is read, so
the first rows appear while the rest are read, and skips entries whose stamp (name, size,
newest modification time) is unchanged since the last scan.

`effective` applies the organizer's corrections to a scanned entry and re-runs the field
checks, so a category chosen by hand clears `category_missing` at once; `duplicate_groups`
finds the duplicates among the entries still in the round.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from app.assembly import builder
from app.errors import PanelDeskError
from app.evidence.classify import classify
from app.evidence.probe import EvidenceInfo
from app.intake import checks
from app.intake.forms import CategorySet, sniff
from app.intake.source import IntakeEntry, list_entries, read_entry
from app.model import CONTACT_FIELDS, IntakeWarning
from scoring.rubric import Rubric

Stamp = tuple[int, int]  # total bytes, newest mtime in ns


@dataclass(frozen=True)
class EvidenceItem:
    """One evidence file of an entry, as the classifier saw it."""

    name: str  # path inside the entry
    info: EvidenceInfo

    @property
    def kind(self) -> str:
        return self.info.kind

    @property
    def problem(self) -> str:
        return self.info.problem or ""


@dataclass(frozen=True)
class ScannedEntry:
    """What one intake entry yielded before any decision of the organizer."""

    source: str
    stamp: Stamp
    files: tuple[str, ...] = ()
    rejected: str = ""  # why the entry cannot be used at all ("" when it was read)
    form_name: str = ""
    form_kind: str = ""  # "docx", "pdf", "doc"
    fields: Mapping[str, str] = field(default_factory=dict)  # contacts included
    text: str = ""
    evidence: tuple[EvidenceItem, ...] = ()
    evidence_warnings: tuple[IntakeWarning, ...] = ()
    notes: tuple[str, ...] = ()
    category_candidates: tuple[str, ...] = ()

    @property
    def image_count(self) -> int:
        return sum(1 for e in self.evidence if e.kind == "image" and not e.problem)


def entry_stamp(path: Path) -> Stamp:
    """Size and newest mtime of an entry (a folder: over all its files, links not followed)."""
    try:
        st = path.lstat()
    except OSError:
        return (-1, -1)
    if not stat.S_ISDIR(st.st_mode):
        return (st.st_size, st.st_mtime_ns)
    size, newest = 0, st.st_mtime_ns
    for root, dirs, files in os.walk(path, followlinks=False):
        for name in files + dirs:
            try:
                child = os.lstat(os.path.join(root, name))
            except OSError:
                continue
            size += child.st_size if stat.S_ISREG(child.st_mode) else 0
            newest = max(newest, child.st_mtime_ns)
    return (size, newest)


def scan_entry(path: Path, rubric: Rubric, categories: CategorySet | None = None,
               soffice: str | None = None) -> ScannedEntry:
    """Read one entry as the builder would; an unreadable one comes back `rejected`."""
    categories = categories or CategorySet.of(rubric)
    stamp = entry_stamp(path)
    try:
        entry = read_entry(path)
    except PanelDeskError as err:
        return ScannedEntry(path.name, stamp, rejected=str(err))
    names = tuple(f.name for f in entry.files)
    try:
        # The builder's own choice of the form, so review and build never disagree.
        form_file, parsed = builder._find_form(entry, soffice, categories)  # noqa: SLF001
    except PanelDeskError as err:
        reason = "；".join([str(err), *entry.skipped])
        return ScannedEntry(path.name, stamp, files=names, rejected=reason,
                            notes=tuple(entry.skipped))
    evidence = _evidence(entry, form_file.name)
    warnings = checks.check_evidence([(e.name, e.info) for e in evidence], rubric.intake)
    return ScannedEntry(
        path.name, stamp, files=names, form_name=form_file.name,
        form_kind=sniff(form_file.data) or "", fields=dict(parsed.fields), text=parsed.text,
        evidence=tuple(evidence), evidence_warnings=tuple(warnings),
        notes=tuple(entry.skipped) + tuple(parsed.notes),
        category_candidates=tuple(parsed.category_candidates))


def _evidence(entry: IntakeEntry, form_name: str) -> list[EvidenceItem]:
    items = []
    for item in entry.files:
        if item.name == form_name:
            continue
        items.append(EvidenceItem(item.name, classify(item.basename, item.data)))
    return items


def scan_folder(folder: Path, rubric: Rubric, known: Mapping[str, Stamp],
                on_entry: Callable[[ScannedEntry], None],
                progress: Callable[[int, int, str], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> list[str]:
    """Read every new or changed entry of `folder`; returns the names present now.

    `known` maps entry names to the stamps of the previous scan: those entries are not
    read again.  `on_entry` gets each entry read (on the calling thread).
    """
    paths = list_entries(folder)
    categories = CategorySet.of(rubric)
    todo = [p for p in paths if known.get(p.name) != entry_stamp(p)]
    for done, path in enumerate(todo):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(done, len(todo), path.name)
        on_entry(scan_entry(path, rubric, categories))
    if progress is not None:
        progress(len(todo), len(todo), "")
    return [p.name for p in paths]


# -- the organizer's corrections --------------------------------------------------------

def effective(entry: ScannedEntry, corrections: Mapping[str, str], rubric: Rubric,
              categories: CategorySet | None = None) -> tuple[dict[str, str],
                                                               list[IntakeWarning]]:
    """The entry's fields with the organizer's corrections, and its warnings for them."""
    categories = categories or CategorySet.of(rubric)
    fields = {k: v for k, v in entry.fields.items() if v}
    fields.update({k: v for k, v in corrections.items() if v is not None})
    checked = dict(fields)
    if not checked.get("category") and len(entry.category_candidates) > 1:
        checked["category"] = "、".join(entry.category_candidates)
    warnings = checks.check_fields(checked, rubric.intake, categories)
    shown = {k: v for k, v in fields.items() if k not in CONTACT_FIELDS}
    warnings += checks.check_pii(shown)
    warnings += list(entry.evidence_warnings)
    return fields, warnings


def duplicate_groups(rows: Iterable[tuple[str, str, str]]) -> dict[str, list[str]]:
    """Source → the other sources with the same unit and title (checks' own rule)."""
    return checks.find_duplicates(list(rows))


def with_duplicate(warnings: list[IntakeWarning], others: list[str]) -> list[IntakeWarning]:
    """`warnings` plus the duplicate warning naming `others` (entry names here)."""
    if not others:
        return warnings
    return [*warnings, checks.duplicate_warning(list(others))]
