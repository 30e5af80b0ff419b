"""Reading intake entries for the organizer's review, exactly as the builder reads them.

The organizer's window shows every entry before a packet exists: its fields, form,
evidence and warnings.  This module is the one reading of an entry both use — the same
choice of the 申报书 (`find_form`), parser, evidence classifier and checks
(`field_warnings`) — so what the review shows is what the packet gets.

`scan_folder` hands back each entry as soon as it is read (first rows appear while the
rest are read) and skips entries whose stamp (size, newest modification time) is
unchanged since the last scan.  `effective` applies the organizer's field edits to a
scanned entry and re-runs the checks, so a category chosen by hand clears
`category_missing` at once.  Nothing here writes a file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from app.errors import PanelDeskError
from app.evidence.classify import classify
from app.evidence.probe import EvidenceInfo
from app.i18n import QT_TRANSLATE_NOOP, Message, said, sentences
from app.intake import checks
from app.intake.contacts import contact_strings
from app.intake.form_docx import docx_pictures
from app.intake.form_pdf import pictures_of_pdf
from app.intake.forms import CategorySet, ParsedForm, looks_like_form, parse_form, sniff
from app.intake.source import EntryError, EntryFile, IntakeEntry, list_entries, read_entry
from app.model import CONTACT_FIELDS, IntakeWarning
from scoring.rubric import Rubric

FORM_NAME_HINTS = ("申报书", "申报表", "申报", "表")
FORM_MEDIA = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".rtf": "application/rtf",
    ".wps": "application/vnd.ms-works",
}
# A form under such a name is tried after the others ("申报书 - 副本.docx" is Windows' copy).
DRAFT_HINTS = ("初稿", "草稿", "旧版", "备份", "副本", "copy", "draft")
# Archives an entry may hold that intake does not open: a zip inside a zip (or in a
# folder), RAR 4/5, 7z — by name, or by content for the two that are never Office files.
ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z")
_ARCHIVE_MAGIC = (b"Rar!\x1a\x07", b"7z\xbc\xaf\x27\x1c")
Stamp = tuple[int, int]  # total bytes, newest mtime in ns


def find_form(entry: IntakeEntry, soffice: str | None,
              categories: CategorySet) -> tuple[EntryFile, ParsedForm]:
    """Pick the 申报书 among the entry's files and parse it.

    Candidates are Word/PDF files whose text carries the form's labels; among them a
    file named like a form (申报书/申报表) wins over others, and a draft or copy ("初稿",
    "副本") comes after the rest.  A file named like a form whose text does not look like
    one (a scan, a .doc, or a "申报单位推荐函") is tried only after them: when no file
    looks like a form, its parse error is the rejection reason.  Other files that look
    like forms are named in a note (which one is final is the organizer's question) and
    are not evidence (`evidence_files`).
    """
    named = [f for f in entry.files
             if PurePosixPath(f.name).suffix.lower() in FORM_MEDIA
             and any(h in f.basename for h in FORM_NAME_HINTS[:3])]
    office = [f for f in entry.files if PurePosixPath(f.name).suffix.lower() in FORM_MEDIA]
    looking = [f for f in named + [f for f in office if f not in named]
               if looks_like_form(f.name, f.data)]
    ordered = sorted(looking, key=_is_draft) + [f for f in named if f not in looking]
    first_error: PanelDeskError | None = None
    for candidate in ordered:
        try:
            parsed = parse_form(candidate.name, candidate.data, categories, soffice=soffice)
        except PanelDeskError as err:
            first_error = first_error or err
            continue
        others = other_forms(entry, candidate)
        if others:
            parsed.notes.insert(0, f"条目中有 {len(others) + 1} 份申报书，已读取“{candidate.name}”；"
                                   f"{'、'.join(f'“{f.name}”' for f in others)}未读取，"
                                   "也未作为佐证材料放入评审包，请核对哪一份是最终版本")
        if parsed.pictures:
            parsed.notes.append(f"申报书中嵌入了 {len(parsed.pictures)} 张图片，已作为佐证材料放入评审包")
        return candidate, parsed
    if first_error is not None:
        raise EntryError(Message(QT_TRANSLATE_NOOP("Assembly", "申报书无法读取：{first_error}"),
            first_error=first_error))
    archives = [f.name for f in entry.files if f.data.startswith(_ARCHIVE_MAGIC)
                or PurePosixPath(f.name).suffix.lower() in ARCHIVE_SUFFIXES]
    missing = QT_TRANSLATE_NOOP("Assembly", "未找到申报书（应为含“申报单位”“实践标题”等栏目的 Word 或 PDF 文件）")
    if not archives:
        raise EntryError(Message(missing))
    raise EntryError(sentences([Message(missing), Message(QT_TRANSLATE_NOOP(
        "Assembly", "其中的压缩包{archives}无法读取（不读取压缩包中的压缩包，也不支持 RAR、7z 格式），"
        "请解压后把其中的文件放入条目文件夹"), archives=[f"“{n}”" for n in archives])]))


def other_forms(entry: IntakeEntry, form_file: EntryFile) -> list[EntryFile]:
    """The entry's Word/PDF files besides `form_file` that look like a 申报书 too."""
    return [f for f in entry.files
            if f is not form_file and PurePosixPath(f.name).suffix.lower() in FORM_MEDIA
            and looks_like_form(f.name, f.data)]


def evidence_files(entry: IntakeEntry, form_file: EntryFile,
                   form: ParsedForm) -> list[EntryFile]:
    """The entry's evidence: every file but the 申报书 and other copies of it (which
    hold the contact details the packet leaves out), then the pictures pasted into the
    form — experts do not get the form, so they would not see them otherwise."""
    others = other_forms(entry, form_file)
    files = [f for f in entry.files
             if f is not form_file and not any(f is other for other in others)]
    return files + _picture_files(form_file.name, form.pictures)


def entry_file_data(entry: IntakeEntry, form_name: str, form_kind: str) -> dict[str, bytes]:
    """An entry's files by name, with the pictures of its Word form under the names
    `evidence_files` gives them — for the organizer's previews of a scanned entry (the
    pictures of a .doc form would need LibreOffice again: they are not previewed)."""
    files = {f.name: f.data for f in entry.files}
    form = files.get(form_name)
    pictures = {"docx": docx_pictures, "pdf": pictures_of_pdf}.get(form_kind)
    if form is not None and pictures is not None:
        files.update((f.name, f.data) for f in _picture_files(form_name, pictures(form)))
    return files


def _picture_files(form_name: str, pictures: list[tuple[str, bytes]]) -> list[EntryFile]:
    form_path = PurePosixPath(form_name)
    out = []
    for number, (member, data) in enumerate(pictures, start=1):
        name = f"{form_path.stem}（内嵌图片{number}）{PurePosixPath(member).suffix.lower()}"
        out.append(EntryFile((form_path.parent / name).as_posix().removeprefix("./"), data))
    return out


def _is_draft(file: EntryFile) -> bool:
    name = file.basename.lower()
    return any(hint in name for hint in DRAFT_HINTS)


def field_warnings(fields: Mapping[str, str], category_candidates: tuple[str, ...] | list[str],
                   rubric: Rubric, categories: CategorySet) -> list[IntakeWarning]:
    """field_missing, category_missing, word_count and unmasked personal data in the
    fields experts read — for the fields as they are after the organizer's edits."""
    checked = {k: v for k, v in fields.items() if v}
    if not checked.get("category") and len(category_candidates) > 1:
        # Several boxes ticked: the warning should name them, not say "none ticked".
        checked["category"] = "、".join(category_candidates)
    warnings = checks.check_fields(checked, rubric.intake, categories)
    shown = {k: v for k, v in fields.items() if v and k not in CONTACT_FIELDS}
    # The applicant's own contact number repeated in the body is masked in the packet
    # (app.assembly.builder), not a citizen's number left unmasked: no warning for it,
    # here as in the packet, so the organizer's review shows what the packet gets.
    contact = set(contact_strings(dict(fields)))
    return warnings + [w for w in checks.check_pii(shown)
                       if not w.spans or w.field is None
                       or shown[w.field][w.spans[0][0]:w.spans[0][1]] not in contact]


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
    # Evidence and archive warnings (file = the path inside the entry; the packet names
    # its members S003/E01.jpg instead).
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
    """Read one entry as the builder does; an unreadable one comes back `rejected`."""
    categories = categories or CategorySet.of(rubric)
    stamp = entry_stamp(path)
    try:
        entry = read_entry(path)
    except PanelDeskError as err:
        return ScannedEntry(path.name, stamp, rejected=said(err))
    names = tuple(f.name for f in entry.files)
    try:
        form_file, parsed = find_form(entry, soffice, categories)
    except PanelDeskError as err:
        reason = sentences([said(err), *entry.skipped])
        return ScannedEntry(path.name, stamp, files=names, rejected=reason,
                            notes=tuple(entry.skipped))
    evidence = [EvidenceItem(f.name, classify(f.basename, f.data))
                for f in evidence_files(entry, form_file, parsed)]
    warnings = checks.check_evidence([(e.name, e.info) for e in evidence], rubric.intake)
    warnings += checks.check_archive(entry.unsafe)
    return ScannedEntry(
        path.name, stamp, files=names, form_name=form_file.name,
        form_kind=sniff(form_file.data) or "", fields=dict(parsed.fields), text=parsed.text,
        evidence=tuple(evidence), evidence_warnings=tuple(warnings),
        notes=tuple(entry.skipped) + tuple(parsed.notes),
        category_candidates=tuple(parsed.category_candidates))


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


def effective(entry: ScannedEntry, edits: Mapping[str, str | None], rubric: Rubric,
              categories: CategorySet | None = None) -> tuple[dict[str, str],
                                                               list[IntakeWarning]]:
    """The entry's fields with the organizer's edits (a decision's `fields`; "" clears
    one), and its warnings for them — the packet's, but for the duplicate check, which
    needs every entry (`app.intake.checks.find_duplicates`)."""
    categories = categories or CategorySet.of(rubric)
    fields = {k: v for k, v in entry.fields.items() if v}
    for key, value in edits.items():
        if value:
            fields[key] = value
        elif value is not None:
            fields.pop(key, None)
    warnings = field_warnings(fields, entry.category_candidates, rubric, categories)
    return fields, warnings + list(entry.evidence_warnings)
