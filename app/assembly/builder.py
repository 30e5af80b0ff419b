"""Build a signed judging packet from an intake folder (the organizer's flow 2).

For every entry: read its files (`source`), pick and parse the 申报书 (`forms`),
classify the evidence by content (`evidence`), run the call's checks (`checks`), and
stream the files into the packet (`app.packet.PacketWriter`).  One broken entry is
rejected with its reason and the build carries on; the result is a `BuildReport`
listing every entry, which the CLI also writes as JSON.

Data minimisation: unless `keep_contacts` is set, the contact fields are dropped from
the expert packet, their values are masked in the extracted text, and the original
申报书 file (which still holds them) is left out — experts read the extracted fields.
The organizer keeps the contacts in the build report.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app import __version__
from app.assembly import apply
from app.assembly.apply import CONTACT_MASK, Decisions
from app.assembly.assignments import AssignmentRules, Candidate, check_rules, resolve
from app.assembly.scan import FORM_MEDIA, evidence_files, field_warnings, find_form
from app.errors import PanelDeskError
from app.evidence.classify import classify
from app.evidence.probe import EvidenceInfo
from app.i18n import QT_TRANSLATE_NOOP, Message, said, sentences
from app.intake import checks
from app.intake.contacts import contact_strings
from app.intake.form_fields import MULTI_LINE
from app.intake.forms import CategorySet
from app.intake.source import list_entries, read_entry
from app.model import CONTACT_FIELDS, FIELD_LABELS, Expert, PacketFile, Submission
from app.packet import Manifest, PacketWriter
from app.rubrics import rubric_hash
from scoring.rubric import Rubric

EXTENSIONS = {
    "image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/bmp": ".bmp",
    "image/webp": ".webp", "application/pdf": ".pdf", "text/plain": ".txt",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc", "application/zip": ".zip",
    "application/vnd.ms-excel": ".xls", "application/vnd.ms-powerpoint": ".ppt",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "image/tiff": ".tif", "image/heic": ".heic", "image/avif": ".avif",
}


class BuildCancelled(PanelDeskError):
    """The organizer cancelled the build; no packet was written."""


class NothingIncluded(PanelDeskError):
    """Every entry was rejected, so no packet was written; `report` says why, entry by entry."""

    def __init__(self, message: str, report: BuildReport) -> None:
        super().__init__(message)
        self.report = report


@dataclass
class EntryResult:
    """What happened to one intake entry."""

    source: str
    status: str  # "included" | "rejected" | "excluded" (by the organizer's decision)
    submission: Submission | None = None
    reason: str = ""
    duplicate_of: str | None = None  # excluded as a duplicate of this source
    notes: list[str] = field(default_factory=list)
    contacts: dict[str, str] = field(default_factory=dict)
    # The organizer's field edits with their old values (kept out of the packet).
    field_changes: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"source": self.source, "status": self.status}
        if self.submission is not None:
            sub = self.submission
            data.update(id=sub.id, category=sub.category, title=sub.title, unit=sub.unit,
                        warnings=[w.code for w in sub.warnings],
                        warning_messages=[w.message for w in sub.warnings],
                        files=len(sub.files), contacts=self.contacts)
            if self.field_changes:
                data["field_changes"] = self.field_changes
        else:
            data["reason"] = self.reason
        if self.duplicate_of is not None:
            data["duplicate_of"] = self.duplicate_of
        if self.notes:
            data["notes"] = self.notes
        return data


@dataclass
class BuildReport:
    packet_path: Path
    packet_id: str
    title: str
    manifest_hash: str
    entries: list[EntryResult]
    # Problems with the decisions that did not stop the build (an unknown source …).
    warnings: list[str] = field(default_factory=list)

    @property
    def rejected(self) -> list[EntryResult]:
        return [e for e in self.entries if e.status == "rejected"]

    @property
    def included(self) -> list[EntryResult]:
        return [e for e in self.entries if e.status == "included"]

    @property
    def excluded(self) -> list[EntryResult]:
        return [e for e in self.entries if e.status == "excluded"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "packet": str(self.packet_path),
            "packet_id": self.packet_id,
            "title": self.title,
            "manifest_hash": self.manifest_hash,
            "counts": {"entries": len(self.entries), "included": len(self.included),
                       "rejected": len(self.rejected), "excluded": len(self.excluded)},
            "entries": [e.to_dict() for e in self.entries],
            "warnings": list(self.warnings),
        }


@dataclass
class BuildOptions:
    rubric: Rubric
    roster: list[Expert]
    title: str
    keep_contacts: bool = False
    packet_id: str | None = None
    created: str | None = None  # ISO-8601 UTC; fixed only for reproducible demos/tests
    soffice: str | None = None
    # The organizer's intake decisions (app.organizer.decisions.IntakeDecisions), or None.
    decisions: Decisions | None = None
    # Who reviews what (app.assembly.assignments); None: every expert, every submission.
    assignment_rules: AssignmentRules | None = None


ProgressFn = Callable[[int, int, str], None]


def build_packet(intake_dir: Path, out_path: Path, key: Ed25519PrivateKey,
                 options: BuildOptions, *, progress: ProgressFn | None = None,
                 cancelled: Callable[[], bool] | None = None) -> BuildReport:
    """Read every entry of `intake_dir`, write the signed packet to `out_path`."""
    entries = list_entries(intake_dir)
    if not entries:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Assembly", "申报材料文件夹为空：{intake_dir}"),
            intake_dir=intake_dir))
    decisions = options.decisions
    warnings: list[str] = []
    if decisions is not None:
        apply.check_against_rubric(decisions, options.rubric)
        warnings += apply.unknown_sources(decisions, [p.name for p in entries])
    if options.assignment_rules is not None:
        check_rules(options.assignment_rules, options.roster, options.rubric)
    results: list[EntryResult] = []
    created = options.created or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    packet_id = options.packet_id or f"PD-{created[:10].replace('-', '')}-{secrets.token_hex(4)}"
    categories = CategorySet.of(options.rubric)  # its patterns are compiled once per build
    with PacketWriter(out_path) as writer:
        for index, path in enumerate(entries):
            if cancelled is not None and cancelled():
                raise BuildCancelled(Message(QT_TRANSLATE_NOOP("Assembly", "已取消生成评审包，未写入任何文件")))
            if progress is not None:
                progress(index, len(entries), path.name)
            reason = None if decisions is None else apply.exclusion_reason(decisions, path.name)
            if reason is not None:
                # Left out before reading: nothing of it reaches the packet.
                results.append(EntryResult(path.name, "excluded", reason=reason,
                                           duplicate_of=decisions.kept_for(path.name)))
                continue
            sid = f"S{len([r for r in results if r.status == 'included']) + 1:03d}"
            results.append(_build_entry(path, sid, writer, options, categories))
        submissions = [r.submission for r in results if r.submission is not None]
        if not submissions:
            raise NothingIncluded(Message(QT_TRANSLATE_NOOP(
                "Assembly", "没有任何申报材料可以纳入评审包（全部被拒收或排除），请查看各条目的原因")),
                                  BuildReport(out_path, packet_id, options.title, "", results,
                                              warnings))
        flagged = _mark_duplicates(submissions)
        excluded = apply.settle(results, decisions, flagged, warnings)
        plan = resolve(options.assignment_rules, options.roster,
                       [Candidate(r.submission.id, r.source, r.submission.category,
                                  r.submission.unit) for r in results if r.submission],
                       options.rubric, {p.name for p in entries})
        warnings += plan.warnings
        manifest = Manifest(
            packet_id=packet_id, title=options.title, created=created,
            generator=f"PanelDesk {__version__}",
            rubric=options.rubric.to_dict(), rubric_hash=rubric_hash(options.rubric),
            roster=list(options.roster),
            assignments=plan.assignments,
            submissions=submissions, excluded=excluded,
        )
        manifest_hash = writer.finish(manifest, key)
    if progress is not None:
        progress(len(entries), len(entries), "")
    return BuildReport(out_path, packet_id, options.title, manifest_hash, results, warnings)


def _build_entry(path: Path, sid: str, writer: PacketWriter, options: BuildOptions,
                 categories: CategorySet) -> EntryResult:
    try:
        entry = read_entry(path)
    except PanelDeskError as err:
        return EntryResult(path.name, "rejected", reason=said(err))
    try:
        form_file, parsed = find_form(entry, options.soffice, categories)
    except PanelDeskError as err:
        # Files skipped as hostile often explain why no form was found (e.g. a bomb).
        reason = sentences([said(err), *entry.skipped])
        return EntryResult(path.name, "rejected", reason=reason, notes=list(entry.skipped))
    result = EntryResult(path.name, "included", notes=list(entry.skipped) + parsed.notes)
    fields = {k: v for k, v in parsed.fields.items() if v}
    extracted_contacts = contact_strings(fields)
    decided: dict[str, Any] | None = None
    text = parsed.text
    decision = None if options.decisions is None else options.decisions.get(path.name)
    if decision is not None and not decision.is_empty():
        changes = apply.override_fields(fields, decision, options.keep_contacts, CONTACT_FIELDS)
        decided = {"source": path.name,
                   **({"fields": apply.packet_record(changes)} if changes else {})}
        result.field_changes = changes
        # Contacts are masked in the text below unless kept (their record is masked too).
        shown = {k: v for k, v in changes.items()
                 if options.keep_contacts or k not in CONTACT_FIELDS}
        text = apply.edited_text(text, shown, fields, FIELD_LABELS)
    result.contacts = {k: fields.get(k, "") for k in CONTACT_FIELDS}
    if not options.keep_contacts:
        # Contact parts may come from separate cells: mask every piece, longest first —
        # in the text and in the prose fields experts read, where applicants often repeat
        # them ("如有疑问请联系…").  Before the checks, so no unmasked-number warning is
        # raised for what experts will not see, and its spans fit the masked field.
        pieces = sorted(set(contact_strings(fields)) | set(extracted_contacts), key=len,
                        reverse=True)
        text = _masked(text, pieces)
        for key in MULTI_LINE:
            if fields.get(key):
                fields[key] = _masked(fields[key], pieces)
    # The same checks as the organizer's review of the entry (app.assembly.scan).
    warnings = field_warnings(fields, parsed.category_candidates, options.rubric, categories)
    if not options.keep_contacts:
        for key in CONTACT_FIELDS:
            fields.pop(key, None)
    files: list[PacketFile] = []
    if options.keep_contacts:
        ext = PurePosixPath(form_file.name).suffix.lower()
        files.append(_add(writer, f"{sid}/form{ext}", form_file.name, form_file.data, "form",
                          "document" if ext != ".pdf" else "pdf",
                          FORM_MEDIA.get(ext, "application/octet-stream")))
    evidence: list[tuple[str, EvidenceInfo]] = []
    for number, item in enumerate(evidence_files(entry, form_file, parsed)):
        info = classify(item.basename, item.data)
        name = f"{sid}/E{number + 1:02d}{EXTENSIONS.get(info.media_type, '.bin')}"
        if info.problem:
            # Not shipped to experts (it may be a decompression bomb); the warning says why.
            evidence.append((item.name, info))
            continue
        evidence.append((name, info))
        files.append(_add(writer, name, item.name, item.data, "evidence", info.kind,
                          info.media_type, info.width, info.height))
    warnings += checks.check_evidence(evidence, options.rubric.intake)
    warnings += checks.check_archive(entry.unsafe)
    category = fields.get("category") or None
    if category not in options.rubric.categories:
        category = None
    result.submission = Submission(
        id=sid, category=category, title=fields.get("title", ""), unit=fields.get("unit", ""),
        fields=fields, text=text, warnings=warnings, files=files, decisions=decided)
    return result


def _masked(text: str, pieces: list[str]) -> str:
    for piece in pieces:
        text = text.replace(piece, CONTACT_MASK)
    return text


def _add(writer: PacketWriter, name: str, original: str, data: bytes, role: str, kind: str,
         media_type: str, width: int | None = None, height: int | None = None) -> PacketFile:
    size, digest = writer.add_file(name, data)
    return PacketFile(name=name, original_name=original, role=role, kind=kind,
                      media_type=media_type, size=size, sha256=digest, width=width, height=height)


_find_form = find_form  # its earlier name, still used by callers outside this package


def _mark_duplicates(submissions: list[Submission]) -> dict[str, list[str]]:
    by_id = {s.id: s for s in submissions}
    duplicates = checks.find_duplicates([(s.id, s.unit, s.title) for s in submissions])
    for sid, others in duplicates.items():
        by_id[sid].warnings.append(checks.duplicate_warning(others))
    return duplicates

