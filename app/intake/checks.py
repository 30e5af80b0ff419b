"""The intake checks of the call's rules (and of hostile archives); each finding is an
`IntakeWarning`.

Codes are stable (the UI, the build report and tests key on them); messages are
Chinese and say what was found and what the call asks for.  The numeric limits come
from the rubric's intake rules (`scoring.rubric.IntakeRules`: body_min_chars,
body_max_chars, images_min, images_max, image_formats, image_min_short_side), so an
organizer can adjust them without code changes.  Warnings never block a submission.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from app.evidence.probe import EvidenceInfo
from app.intake import messages as wording
from app.intake.categories import CategorySet
from app.intake.pii import PiiHit, find_pii, mask
from app.model import FIELD_LABELS, IntakeWarning

# Fields every 申报书 must fill.  Contacts are required too: the organizers need them
# even though experts never see them.
REQUIRED_FIELDS = ("unit", "contact_name", "contact_info", "title", "highlights", "body")
EXPERT_FIELDS = ("unit", "title", "highlights", "body")
PII_LABELS = wording.PII_KINDS
FORMAT_NAMES = {"jpeg": "JPG"}
# Invisible characters that are not str.isspace() but add nothing a reader would count.
_INVISIBLE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]")


def count_chars(text: str) -> int:
    """Characters excluding whitespace (incl. the ideographic space U+3000) and
    zero-width marks — how the call's "约2000字" is counted."""
    return len(_INVISIBLE.sub("", text))


def check_fields(fields: dict[str, str], rules: Any,
                 categories: CategorySet) -> list[IntakeWarning]:
    """field_missing, category_missing and word_count for one form's fields."""
    warnings: list[IntakeWarning] = []
    for key in REQUIRED_FIELDS:
        if not (fields.get(key) or "").strip():
            warnings.append(IntakeWarning(
                "field_missing", wording.warning(wording.FIELD_MISSING, field=FIELD_LABELS[key]),
                field=key))
    problem = categories.problem((fields.get("category") or "").strip())
    if problem:
        warnings.append(IntakeWarning("category_missing", problem, field="category"))
    body = fields.get("body") or ""
    if body.strip():
        n = count_chars(body)
        low, high = rules.body_min_chars, rules.body_max_chars
        if n < low or n > high:
            side = wording.SHORT if n < low else wording.LONG
            warnings.append(IntakeWarning(
                "word_count", wording.warning(wording.WORD_COUNT, count=n, side=side, low=low,
                                           high=high), field="body"))
    return warnings


MAX_PII_WARNINGS = 100  # per field


def check_pii(fields: dict[str, str],
              expert_fields: Iterable[str] = EXPERT_FIELDS) -> list[IntakeWarning]:
    """One warning per unmasked phone / ID / card number in the fields experts read.

    The message masks the number itself so the warning does not spread it further.
    """
    warnings: list[IntakeWarning] = []
    for key in expert_fields:
        # The first ones are what the organizer needs to act; a form of 700 000 numbers
        # would otherwise put a warning each into the packet (and make it too large).
        for hit in find_pii(fields.get(key) or "")[:MAX_PII_WARNINGS]:
            warnings.append(pii_warning(hit, key))
    return warnings


def pii_warning(hit: PiiHit, key: str) -> IntakeWarning:
    return IntakeWarning(hit.code, wording.warning(wording.PII, kind=PII_LABELS[hit.code],
                                                masked=mask(hit)),
                         field=key, spans=[[hit.start, hit.end]])


def check_evidence(files: list[tuple[str, EvidenceInfo]], rules: Any) -> list[IntakeWarning]:
    """image_count, image_format, image_resolution and unreadable_file.

    Only images that can be opened count as images: a truncated photo does not satisfy
    "2–3 张", and its own problem is reported as unreadable_file.
    """
    warnings: list[IntakeWarning] = []
    images = [(name, info) for name, info in files if info.kind == "image" and not info.problem]
    low, high = rules.images_min, rules.images_max
    if not low <= len(images) <= high:
        wanted = f"{low}" if low == high else f"{low}–{high}"
        warnings.append(IntakeWarning("image_count", wording.warning(
            wording.IMAGE_COUNT, count=len(images), wanted=wanted)))
    formats = tuple(rules.image_formats)
    wanted_formats = "/".join(_format_name(f) for f in formats)
    min_side = rules.image_min_short_side
    for name, info in images:
        if info.image_format not in formats:
            warnings.append(IntakeWarning(
                "image_format",
                wording.warning(wording.IMAGE_FORMAT, found=_format_name(info.image_format),
                             wanted=wanted_formats), file=name))
        if info.width and info.height and min(info.width, info.height) < min_side:
            warnings.append(IntakeWarning(
                "image_resolution",
                wording.warning(wording.IMAGE_RESOLUTION, side=min_side, width=info.width,
                             height=info.height), file=name))
    for name, info in files:
        if info.problem:
            warnings.append(IntakeWarning(
                "unreadable_file", wording.warning(wording.UNREADABLE, name=_basename(name),
                                                problem=info.problem), file=name))
    return warnings


def check_archive(unsafe_names: list[str]) -> list[IntakeWarning]:
    """unsafe_archive: the entry's zip holds members named to escape (`../`, absolute
    paths, drive letters) or links.  They were never read; the organizer should know."""
    if not unsafe_names:
        return []
    shown = "、".join(f"“{_printable(n)}”" for n in unsafe_names[:3])
    more = f" 等 {len(unsafe_names)} 个" if len(unsafe_names) > 3 else ""
    return [IntakeWarning(
        "unsafe_archive",
        f"压缩包含有路径不安全的文件 {shown}{more}（可能试图写到文件夹之外），已跳过未读取；"
        "请向申报单位核实压缩包")]


def _printable(name: str) -> str:
    name = "".join(ch if ch.isprintable() else "?" for ch in name)
    return name if len(name) <= 60 else name[:57] + "…"


def _format_name(fmt: str | None) -> str:
    return FORMAT_NAMES.get(fmt or "", (fmt or "未知").upper())


def _basename(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def _normalise(text: str) -> str:
    # NFKC folds full-width letters/digits; punctuation, symbols and spaces are dropped
    # so "“温暖”热线 " and "温暖热线" compare equal.
    text = unicodedata.normalize("NFKC", text)
    kept = (ch for ch in text if unicodedata.category(ch)[0] not in "PSZC")
    return "".join(kept).casefold()


def find_duplicates(entries: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    """Submission id → ids of the other entries with the same unit AND title.

    Entries with an empty unit or title are never duplicates (nothing to compare).
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for sid, unit, title in entries:
        key = (_normalise(unit or ""), _normalise(title or ""))
        if key[0] and key[1]:
            groups.setdefault(key, []).append(sid)
    result: dict[str, list[str]] = {}
    for ids in groups.values():
        if len(ids) > 1:
            for sid in ids:
                result[sid] = [other for other in ids if other != sid]
    return result


def duplicate_warning(other_ids: list[str]) -> IntakeWarning:
    return IntakeWarning("duplicate", wording.warning(wording.DUPLICATE, ids=list(other_ids)))
