"""The packet manifest: what a .panelpack holds, signed by the organizer (docs/formats.md §2).

`Manifest.to_dict()` is the exact JSON shape stored (as RFC 8785 canonical bytes) in
`manifest.json`.  `Manifest.from_dict()` is the gate for everything read from a packet:
it checks every type and cross-reference (roster ↔ assignments ↔ submissions, unique
ids and file names, safe member names, the rubric hash) and raises `PanelDeskError`
rather than letting a malformed value reach the UI or the score store.  Unknown extra
keys are tolerated (a same-version writer may add information); an unknown format or a
newer `format_version` is refused with a message telling the user to upgrade.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import Any

from app.canonical import canonical_hash
from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.model import DuplicateInfo, Expert, IntakeWarning, PacketFile, Submission
from app.packet.limits import RESERVED_NAMES, name_problem

FORMAT = "paneldesk-packet"
FORMAT_VERSION = 1

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_HASH = re.compile(r"sha256:[0-9a-f]{64}")
_FINGERPRINT = re.compile(r"[0-9a-f]{40}")


class ManifestError(PanelDeskError):
    """The manifest is malformed; the message names the offending field."""


@dataclass
class Manifest:
    packet_id: str
    title: str
    created: str  # ISO-8601 UTC, e.g. "2026-11-22T07:30:00Z"
    generator: str
    rubric: dict[str, Any]
    rubric_hash: str  # canonical_hash(rubric)
    roster: list[Expert]
    assignments: dict[str, list[str]]  # expert id → submission ids
    submissions: list[Submission]
    organizer_public_key: str = ""  # base64 of the raw 32-byte Ed25519 key
    organizer_fingerprint: str = ""
    format_version: int = FORMAT_VERSION
    # Intake entries the organizer left out: {"source", "reason"} and, for a duplicate,
    # "duplicate_of" (the kept submission's id).  Written only when there are any.
    excluded: list[dict[str, str]] = field(default_factory=list)
    _by_id: dict[str, Submission] = field(default_factory=dict, init=False, repr=False,
                                          compare=False)

    def to_dict(self) -> dict[str, Any]:
        data = self._base_dict()
        if self.excluded:
            data["excluded"] = [dict(e) for e in self.excluded]
        return data

    def _base_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": self.format_version,
            "packet_id": self.packet_id,
            "title": self.title,
            "created": self.created,
            "generator": self.generator,
            "rubric": copy.deepcopy(self.rubric),  # callers may edit the dict they get
            "rubric_hash": self.rubric_hash,
            "roster": [e.to_dict() for e in self.roster],
            "assignments": {k: list(v) for k, v in self.assignments.items()},
            "submissions": [s.to_dict() for s in self.submissions],
            "organizer_public_key": self.organizer_public_key,
            "organizer_fingerprint": self.organizer_fingerprint,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Manifest:
        """Validate and build; any malformed value → ManifestError (a PanelDeskError)."""
        if not isinstance(data, dict):
            raise ManifestError(Message(QT_TRANSLATE_NOOP("Packet", "评审包清单格式错误：顶层不是 JSON 对象")))
        if data.get("format") != FORMAT:
            raise ManifestError(Message(QT_TRANSLATE_NOOP(
                "Packet", "不是 PanelDesk 评审包清单（format = {found}）"), found=_short(data.get('format'))))
        version = data.get("format_version")
        if not _is_int(version) or version < 1:
            raise ManifestError(Message(QT_TRANSLATE_NOOP("Packet", "评审包清单格式错误：format_version 无效")))
        if version > FORMAT_VERSION:
            raise ManifestError(Message(QT_TRANSLATE_NOOP(
                "Packet", "评审包格式版本为 {version}，高于本程序支持的版本 {format_version}，请升级 PanelDesk 后再打开"),
                version=version, format_version=FORMAT_VERSION))
        rubric = _get(data, "rubric", dict)
        rubric_hash = _get(data, "rubric_hash", str)
        try:
            actual = canonical_hash(rubric)
        except (TypeError, ValueError) as err:
            raise ManifestError(Message(QT_TRANSLATE_NOOP("Packet", "评审包清单格式错误：评审细则含有不允许的值（{err}）"),
                err=err)) from None
        if rubric_hash != actual:
            raise ManifestError(Message(QT_TRANSLATE_NOOP(
                "Packet", "评审包清单错误：评审细则与 rubric_hash 不一致")))
        manifest = cls(
            packet_id=_nonempty(data, "packet_id"),
            title=_get(data, "title", str),
            created=_get(data, "created", str),
            generator=_get(data, "generator", str),
            rubric=rubric,
            rubric_hash=rubric_hash,
            roster=[_expert(e, i) for i, e in enumerate(_get(data, "roster", list))],
            assignments=_assignments(_get(data, "assignments", dict)),
            submissions=[_submission(s, i) for i, s in
                         enumerate(_get(data, "submissions", list))],
            organizer_public_key=_get(data, "organizer_public_key", str),
            organizer_fingerprint=_get(data, "organizer_fingerprint", str),
            format_version=version,
            excluded=[_string_map(e, f"excluded[{i}]") for i, e in
                      enumerate(_opt(data, "excluded", list, "") or [])],
        )
        manifest.check()
        return manifest

    def check(self) -> None:
        """Cross-reference checks shared by the writer (before signing) and the reader."""
        if self.organizer_fingerprint and not _FINGERPRINT.fullmatch(self.organizer_fingerprint):
            raise ManifestError(Message(QT_TRANSLATE_NOOP(
                "Packet", "评审包清单格式错误：organizer_fingerprint 无效")))
        if not _HASH.fullmatch(self.rubric_hash):
            raise ManifestError(Message(QT_TRANSLATE_NOOP(
                "Packet", "评审包清单格式错误：rubric_hash 应为 sha256:<64 位十六进制>")))
        expert_ids = _unique([e.id for e in self.roster], "专家编号")
        submission_ids = _unique([s.id for s in self.submissions], "申报编号")
        _unique([f.name for s in self.submissions for f in s.files], "文件名")
        for expert_id, assigned in self.assignments.items():
            if expert_id not in expert_ids:
                raise ManifestError(Message(QT_TRANSLATE_NOOP(
                    "Packet", "评审包清单错误：分配名单中的专家 {expert_id} 不在专家名单中"), expert_id=_short(expert_id)))
            for sid in assigned:
                if sid not in submission_ids:
                    raise ManifestError(Message(QT_TRANSLATE_NOOP(
                        "Packet", "评审包清单错误：分配给专家 {expert_id} 的申报 {sid} 不存在"),
                        expert_id=_short(expert_id), sid=_short(sid)))
        for sub in self.submissions:
            for f in sub.files:
                problem = name_problem(f.name)
                if problem is None and f.name in RESERVED_NAMES:
                    problem = "与清单文件重名"
                if problem:
                    raise ManifestError(Message(QT_TRANSLATE_NOOP(
                        "Packet", "评审包清单错误：申报 {id} 的文件名 {name} 不安全（{problem}）"),
                        id=_short(sub.id), name=_short(f.name), problem=problem))
                if f.size < 0 or not _SHA256_HEX.fullmatch(f.sha256):
                    raise ManifestError(Message(QT_TRANSLATE_NOOP(
                        "Packet", "评审包清单错误：文件 {name} 的大小或 SHA-256 无效"), name=f.name))

    def files(self) -> dict[str, PacketFile]:
        """Every packet file listed in the manifest, by member name."""
        return {f.name: f for s in self.submissions for f in s.files}

    def submission(self, submission_id: str) -> Submission:
        if len(self._by_id) != len(self.submissions):
            self._by_id = {s.id: s for s in self.submissions}
        try:
            return self._by_id[submission_id]
        except KeyError:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Packet", "评审包中没有编号为 {submission_id} 的申报"), submission_id=submission_id)) from None

    def expert(self, expert_id: str) -> Expert:
        for expert in self.roster:
            if expert.id == expert_id:
                return expert
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包的专家名单中没有编号为 {expert_id} 的专家"),
            expert_id=expert_id))


# --- validation helpers -----------------------------------------------------------------

def _short(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = text if text.isprintable() else repr(text)
    return text if len(text) <= 60 else text[:57] + "…"


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _where(path: str) -> str:
    return f"评审包清单格式错误：{path}"


def _get(data: dict[str, Any], key: str, kind: type, path: str = "") -> Any:
    where = f"{path}.{key}" if path else key
    if key not in data:
        raise ManifestError(_where(f"缺少 {where}"))
    value = data[key]
    ok = _is_int(value) if kind is int else isinstance(value, kind)
    if not ok:
        raise ManifestError(_where(f"{where} 类型错误"))
    return value


def _opt(data: dict[str, Any], key: str, kind: type, path: str) -> Any:
    value = data.get(key)
    if value is None:
        return None
    ok = _is_int(value) if kind is int else isinstance(value, kind)
    if not ok:
        raise ManifestError(_where(f"{path + '.' if path else ''}{key} 类型错误"))
    return value


def _nonempty(data: dict[str, Any], key: str, path: str = "") -> str:
    value = _get(data, key, str, path)
    if not value.strip():
        raise ManifestError(_where(f"{path + '.' if path else ''}{key} 为空"))
    return value


def _obj(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ManifestError(_where(f"{path} 不是对象"))
    return value


def _unique(values: list[str], what: str) -> set[str]:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ManifestError(Message(QT_TRANSLATE_NOOP("Packet", "评审包清单错误：{what} {value} 重复"),
                what=what, value=_short(value)))
        seen.add(value)
    return seen


def _expert(value: Any, index: int) -> Expert:
    path = f"roster[{index}]"
    data = _obj(value, path)
    return Expert(id=_nonempty(data, "id", path), name=_get(data, "name", str, path),
                  organization=_opt(data, "organization", str, path) or "",
                  fingerprint=_opt(data, "fingerprint", str, path) or None)


def _assignments(data: dict[str, Any]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for expert_id, assigned in data.items():
        if not isinstance(assigned, list) or not all(isinstance(s, str) for s in assigned):
            raise ManifestError(_where(f"assignments.{_short(expert_id)} 应为申报编号列表"))
        result[expert_id] = list(assigned)
    return result


def _string_map(value: Any, path: str) -> dict[str, str]:
    data = _obj(value, path)
    if not all(isinstance(v, str) for v in data.values()):
        raise ManifestError(_where(f"{path} 的值应为文本"))
    return dict(data)


# Each record has a fast path (one pass of exact type checks: JSON gives exact dict/str/int)
# and a checked path that finds and names the bad field.  The fast path keeps opening a
# 300-submission packet cheap; the checked path only runs when something is wrong.

_WARNING_TEXT = ("code", "message")
_SUBMISSION_TEXT = ("id", "title", "unit", "text")


def _str_or_none(value: Any) -> bool:
    return value is None or type(value) is str


def _spans_ok(spans: Any) -> bool:
    return type(spans) is list and all(
        type(s) is list and len(s) == 2 and type(s[0]) is int and type(s[1]) is int
        for s in spans)


def _warning(value: Any, parent: str, index: int) -> IntakeWarning:
    if (type(value) is dict and all(type(value.get(k)) is str for k in _WARNING_TEXT)
            and _str_or_none(value.get("field")) and _str_or_none(value.get("file"))
            and _spans_ok(value.get("spans", []))):
        return IntakeWarning(value["code"], value["message"], value.get("field"),
                             value.get("file"), [list(s) for s in value.get("spans", [])])
    return _warning_checked(value, f"{parent}.warnings[{index}]")


def _warning_checked(value: Any, path: str) -> IntakeWarning:
    data = _obj(value, path)
    spans = data.get("spans", [])
    if not _spans_ok(spans):
        raise ManifestError(_where(f"{path}.spans 应为 [起, 止] 整数对列表"))
    return IntakeWarning(code=_get(data, "code", str, path), message=_get(data, "message", str, path),
                         field=_opt(data, "field", str, path), file=_opt(data, "file", str, path),
                         spans=[list(s) for s in spans])


def _file(value: Any, where: str) -> PacketFile:
    if type(value) is dict:
        get = value.get
        name, original, role, kind = get("name"), get("original_name"), get("role"), get("kind")
        media, size, sha, width, height = (get("media_type"), get("size"), get("sha256"),
                                           get("width"), get("height"))
        if (type(name) is str and type(original) is str and type(role) is str
                and type(kind) is str and type(media) is str and type(sha) is str
                and type(size) is int and size >= 0
                and (width is None or type(width) is int)
                and (height is None or type(height) is int)):
            return PacketFile(name, original, role, kind, media, size, sha, width, height)
    return _file_checked(value, where)


def _file_checked(value: Any, path: str) -> PacketFile:
    data = _obj(value, path)
    size = _get(data, "size", int, path)
    if size < 0:
        raise ManifestError(_where(f"{path}.size 为负数"))
    return PacketFile(name=_get(data, "name", str, path),
                      original_name=_get(data, "original_name", str, path),
                      role=_get(data, "role", str, path), kind=_get(data, "kind", str, path),
                      media_type=_get(data, "media_type", str, path), size=size,
                      sha256=_get(data, "sha256", str, path),
                      width=_opt(data, "width", int, path), height=_opt(data, "height", int, path))


def _submission(value: Any, index: int) -> Submission:
    path = f"submissions[{index}]"
    if type(value) is dict:
        fields, warnings = value.get("fields"), value.get("warnings")
        form, evidence = value.get("form"), value.get("evidence")
        if (all(type(value.get(k)) is str for k in _SUBMISSION_TEXT) and value["id"].strip()
                and _str_or_none(value.get("category"))
                and type(fields) is dict and all(type(v) is str for v in fields.values())
                and type(warnings) is list and type(evidence) is list
                and (form is None or type(form) is dict)):
            return _organizer_parts(Submission(
                value["id"], value.get("category"), value["title"], value["unit"], dict(fields),
                value["text"], [_warning(w, path, i) for i, w in enumerate(warnings)],
                _files(form, evidence, path)), value, path)
    return _organizer_parts(_submission_checked(value, path), value, path)


def _organizer_parts(sub: Submission, data: dict[str, Any], path: str) -> Submission:
    """The optional `duplicates` and `decisions` records (docs/formats.md §2)."""
    duplicates = data.get("duplicates")
    if duplicates is not None:
        where = f"{path}.duplicates"
        record = _obj(duplicates, where)
        lists = [_get(record, key, list, where) for key in ("flagged", "excluded")]
        if not all(type(item) is str for items in lists for item in items):
            raise ManifestError(_where(f"{where} 的列表应为文本"))
        decided = record.get("decided")
        if type(decided) is not bool:
            raise ManifestError(_where(f"{where}.decided 应为 true 或 false"))
        sub.duplicates = DuplicateInfo(list(lists[0]), list(lists[1]), decided)
    decisions = data.get("decisions")
    if decisions is not None:
        sub.decisions = copy.deepcopy(_obj(decisions, f"{path}.decisions"))
    return sub


def _files(form: Any, evidence: list[Any], path: str) -> list[PacketFile]:
    """The submission's files: the 申报书 original (if shipped) first, then the evidence."""
    files = [] if form is None else [_file(form, f"{path}.form")]
    files += [_file(f, f"{path}.evidence[{i}]") for i, f in enumerate(evidence)]
    if any((f.role == "form") != (form is not None and i == 0) for i, f in enumerate(files)):
        raise ManifestError(_where(f"{path}：文件角色与所在位置不符（form / evidence）"))
    return files


def _submission_checked(value: Any, path: str) -> Submission:
    data = _obj(value, path)
    warnings = _get(data, "warnings", list, path)
    evidence = _get(data, "evidence", list, path)
    form = _opt(data, "form", dict, path)
    return Submission(
        id=_nonempty(data, "id", path),
        category=_opt(data, "category", str, path),
        title=_get(data, "title", str, path),
        unit=_get(data, "unit", str, path),
        fields=_string_map(_get(data, "fields", dict, path), f"{path}.fields"),
        text=_get(data, "text", str, path),
        warnings=[_warning(w, path, i) for i, w in enumerate(warnings)],
        files=_files(form, evidence, path),
    )
