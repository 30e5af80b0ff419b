"""Organizer import: one outcome per file, accepted sheets into the organizer database.

Outcomes (docs/formats.md §6), each with a Chinese explanation: VALID, TAMPERED (with the cell
diff), UNKNOWN_KEY (good signature, key not pinned for that expert — `accept_key` pins
it), KEY_MISMATCH, WRONG_PACKET, INVALID (signed values the rubric does not allow, every
offending cell named: `app.sheets.values`), SUPERSEDED, DUPLICATE, CONFLICT, UNSIGNED,
MALFORMED.
Only VALID (and accepted UNKNOWN_KEY) sheets count.  One bad file never stops the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.keys import b64, format_fingerprint
from app.sheets.export import expected_printed
from app.sheets.orgdb import OrgDB
from app.sheets.payload import payload_hash
from app.sheets.values import ValueProblem, explain, sheet_problems
from app.sheets.verify import (
    MALFORMED,
    OK,
    TAMPERED,
    UNSIGNED,
    DiffItem,
    tamper_reason,
    verify_sheet,
)
from app.sheets.verify import TEMPLATES as CHECK_TEMPLATES
from scoring.rubric_schema import parse_rubric

VALID, UNKNOWN_KEY, KEY_MISMATCH, WRONG_PACKET = (
    "VALID", "UNKNOWN_KEY", "KEY_MISMATCH", "WRONG_PACKET")
SUPERSEDED, DUPLICATE, CONFLICT = "SUPERSEDED", "DUPLICATE", "CONFLICT"
INVALID = "INVALID"
OUTCOME_LABELS = {VALID: "有效", TAMPERED: "已被改动", UNKNOWN_KEY: "未登记的密钥",
                  KEY_MISMATCH: "密钥不符", WRONG_PACKET: "不属于本评审包", INVALID: "数值无效",
                  SUPERSEDED: "旧版本", DUPLICATE: "重复导入", CONFLICT: "版本冲突",
                  UNSIGNED: "未签名", MALFORMED: "文件无效"}

# The explanations, as messages the import page says in its own language (context
# "SheetImport"); the database and the command line keep the Chinese text.
OTHER_PACKET = QT_TRANSLATE_NOOP("SheetImport", "{name}：这是评审包“{theirs}”的评分表，不是当前评审包“{ours}”的")
OTHER_VERSION = QT_TRANSLATE_NOOP("SheetImport", "{name}：评分表基于另一版本的评审包“{theirs}”"
                                  "（评审包内容或评分细则不同），不能与当前版本混用")
NOT_ON_ROSTER = QT_TRANSLATE_NOOP("SheetImport", "{name}：专家“{expert}”不在本评审包的专家名单中")
NOT_ASSIGNED = QT_TRANSLATE_NOOP("SheetImport", "{name}：评分表含有未分配给专家 {expert} 的申报：{ids}")
WHO = QT_TRANSLATE_NOOP("SheetImport", "{name}（{id}）")
OTHER_KEY = QT_TRANSLATE_NOOP("SheetImport", "{name}：签名密钥（指纹 {found}）不是为专家 {who} 登记的密钥"
                              "（指纹 {pinned}）；可能是他人冒签，请与专家核实")
KEY_NOT_ENROLLED = QT_TRANSLATE_NOOP("SheetImport", "{name}：签名有效，但专家 {who} 的密钥尚未登记。"
                                     "请与专家当面或电话核对指纹 {fingerprint}，确认无误后接受该密钥")
BAD_VALUES = QT_TRANSLATE_NOOP("SheetImport", "{name}：专家 {who} 的第 {version} 版评分表签名有效，但有 "
                               "{count} 处数值不符合评审细则，整份不计入结果；请专家核对后重新导出："
                               "{problems}")
SAME_AGAIN = QT_TRANSLATE_NOOP("SheetImport", "{name}：专家 {who} 的第 {version} 版评分表已导入过，"
                               "内容相同，未作改动")
DIFFERENT_AGAIN = QT_TRANSLATE_NOOP("SheetImport", "{name}：专家 {who} 的第 {version} 版评分表已导入过，"
                                    "但内容不同（已导入的文件：{first}）；请与专家核实哪份有效，"
                                    "并请其重新导出更高版本")
OLDER = QT_TRANSLATE_NOOP("SheetImport", "{name}：这是专家 {who} 的第 {version} 版，已有更新的第 "
                          "{current} 版，以新版为准（本版仅存档）")
IMPORTED = QT_TRANSLATE_NOOP("SheetImport", "{name}：专家 {who} 的第 {version} 版评分表签名有效、"
                             "内容完整，已导入")
IMPORTED_PARTIAL = QT_TRANSLATE_NOOP("SheetImport", "{name}：专家 {who} 的第 {version} 版评分表"
                                     "（部分评分，未完成）签名有效、内容完整，已导入")
# Most specific first, for reading a stored explanation back (`app.i18n.recognise`).
TEMPLATES = tuple(("SheetImport", t) for t in (
    OTHER_VERSION, OTHER_PACKET, NOT_ON_ROSTER, NOT_ASSIGNED, OTHER_KEY, KEY_NOT_ENROLLED,
    BAD_VALUES, DIFFERENT_AGAIN, SAME_AGAIN, OLDER, IMPORTED_PARTIAL, IMPORTED)) + CHECK_TEMPLATES


def _say(template: str, **values: Any) -> Message:
    return Message("SheetImport", template, **values)


@dataclass
class ImportOutcome:
    file: Path
    outcome: str
    explanation: str
    expert: str | None = None
    version: int | None = None
    fingerprint: str | None = None
    diff: list[DiffItem] = field(default_factory=list)
    problems: list[ValueProblem] = field(default_factory=list)  # INVALID: every bad cell

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"file": str(self.file), "outcome": self.outcome,
                               "label": OUTCOME_LABELS[self.outcome],
                               "explanation": self.explanation, "expert": self.expert,
                               "version": self.version, "fingerprint": self.fingerprint}
        if self.outcome == TAMPERED:
            out["diff"] = [d.to_dict() for d in self.diff]
        if self.outcome == INVALID:
            out["problems"] = [p.to_dict() for p in self.problems]
        return out


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder contributes its .xlsx files (not Office lock files), by name."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir()
                              if p.suffix.lower() == ".xlsx" and not p.name.startswith("~$")))
        else:
            out.append(path)
    return out


def import_sheets(paths: Iterable[Path | str], packet: Any, db: OrgDB, *,
                  accept_keys: Iterable[str] = ()) -> list[ImportOutcome]:
    """Import every file, in the given order; `accept_keys`: expert ids whose unknown
    key the organizer has compared out of band and accepts (pinning it)."""
    accept = set(accept_keys)
    return [import_sheet(Path(p), packet, db, accept) for p in paths]


def import_sheet(path: Path, packet: Any, db: OrgDB, accept: set[str] | None = None
                 ) -> ImportOutcome:
    manifest = packet.manifest
    names = _criterion_names(manifest)
    check = verify_sheet(path)
    file_hash = check.file_sha256 or f"unreadable:{path.name}"
    payload = check.payload or {}
    expert, version = payload.get("expert_id"), payload.get("version")

    def reject(outcome: str, text: str, diff: list[DiffItem] | None = None,
               fp: str | None = None) -> ImportOutcome:
        db.reject(manifest.packet_id, path, file_hash, outcome, text, expert, version)
        return ImportOutcome(path, outcome, text, expert, version, fp, diff or [])

    if check.status in (MALFORMED, UNSIGNED):
        return reject(check.status, check.reason)
    if check.status == TAMPERED:
        diff = [DiffItem(d.submission, _label(d.field, names), d.signed, d.found)
                for d in check.diff]
        return reject(TAMPERED, tamper_reason(path.name, diff) if diff else check.reason, diff)
    assert check.status == OK
    fp = payload["key_fingerprint"]
    name = path.name
    if payload["packet_id"] != manifest.packet_id:
        return reject(WRONG_PACKET, _say(OTHER_PACKET, name=name, theirs=payload["packet_id"],
                                         ours=manifest.packet_id), fp=fp)
    if payload["manifest_hash"] != packet.manifest_hash \
            or payload["rubric_hash"] != manifest.rubric_hash:
        return reject(WRONG_PACKET, _say(OTHER_VERSION, name=name, theirs=payload["packet_id"]),
                      fp=fp)
    roster = {e.id: e for e in manifest.roster}
    if expert not in roster:
        return reject(WRONG_PACKET, _say(NOT_ON_ROSTER, name=name, expert=expert), fp=fp)
    assigned = set(manifest.assignments.get(expert, []))
    stray = [r.get("id") for r in payload["rows"] if r.get("id") not in assigned]
    if stray:
        return reject(WRONG_PACKET, _say(NOT_ASSIGNED, name=name, expert=expert,
                                         ids=[str(i) for i in stray[:5]]), fp=fp)
    rubric = parse_rubric(manifest.rubric)
    printed = printed_diff(check.printed, expected_printed(manifest, roster[expert], rubric,
                                                           payload))
    if printed:
        return reject(TAMPERED, tamper_reason(name, printed), printed, fp=fp)
    pinned = roster[expert].fingerprint or db.pinned(manifest.packet_id, expert)
    who = _say(WHO, name=roster[expert].name, id=expert)
    if pinned and pinned != fp:
        return reject(KEY_MISMATCH, _say(OTHER_KEY, name=name, found=format_fingerprint(fp),
                                         who=who, pinned=format_fingerprint(pinned)), fp=fp)
    if not pinned:
        if expert not in (accept or set()):
            return reject(UNKNOWN_KEY, _say(KEY_NOT_ENROLLED, name=name, who=who,
                                            fingerprint=format_fingerprint(fp)), fp=fp)
        db.pin(manifest.packet_id, expert, fp, b64(check.public_key))
    problems = sheet_problems(payload, rubric,
                              {s.id: s.category for s in manifest.submissions})
    if problems:
        outcome = reject(INVALID, _say(BAD_VALUES, name=name, who=who, version=version,
                                       count=len(problems), problems=explain(problems)), fp=fp)
        outcome.problems = problems
        return outcome
    digest = payload_hash(payload)
    same = db.sheet(manifest.packet_id, expert, version)
    if same is not None:
        if same["payload_hash"] == digest:
            return ImportOutcome(path, DUPLICATE, _say(SAME_AGAIN, name=name, who=who,
                                                       version=version), expert, version, fp)
        return reject(CONFLICT, _say(DIFFERENT_AGAIN, name=name, who=who, version=version,
                                     first=same["file_name"]), fp=fp)
    current = db.current(manifest.packet_id, expert)
    db.accept(payload, check.payload_bytes.decode("utf-8"), digest, path, file_hash)
    if current is not None and current["version"] > version:
        return ImportOutcome(path, SUPERSEDED, _say(OLDER, name=name, who=who, version=version,
                                                    current=current["version"]),
                             expert, version, fp)
    return ImportOutcome(path, VALID, _say(IMPORTED_PARTIAL if payload["partial"] else IMPORTED,
                                           name=name, who=who, version=version),
                         expert, version, fp)


def expert_overview(packet: Any, db: OrgDB) -> list[dict[str, Any]]:
    """Per roster expert: latest accepted version, scored / recused / missing counts and
    the rejected files — what the import screen shows."""
    manifest = packet.manifest
    n_crit = len(manifest.rubric.get("criteria", []))
    marks, notes = db.marks(manifest.packet_id), db.notes(manifest.packet_id)
    rejected = db.rejected(manifest.packet_id)
    out = []
    for e in manifest.roster:
        current = db.current(manifest.packet_id, e.id)
        assigned = manifest.assignments.get(e.id, [])
        recused = sum(1 for s in assigned if (notes.get((e.id, s)) or {}).get("recused"))
        scored = sum(1 for s in assigned if len(marks.get((e.id, s), {})) == n_crit)
        out.append({"expert": e.id, "name": e.name,
                    "version": current["version"] if current else None,
                    "partial": bool(current["partial"]) if current else None,
                    "assigned": len(assigned), "scored": scored, "recused": recused,
                    "missing": len(assigned) - scored - recused,
                    "rejected": [{"file": r["file_name"], "outcome": r["outcome"],
                                  "reason": r["reason"]}
                                 for r in rejected if r["expert_id"] == e.id]})
    return out


def printed_diff(found: dict[str, str], expected: dict[str, str]) -> list[DiffItem]:
    """Printed but unsigned cells (title block, header, 说明) that differ from what the
    export prints for this packet, expert and payload; named "说明 · B8"."""
    out = []
    for ref in sorted(set(found) | set(expected)):
        if found.get(ref) != expected.get(ref):
            sheet, _, cell = ref.partition("!")
            out.append(DiffItem(sheet, cell, expected.get(ref), found.get(ref)))
    return out


def _criterion_names(manifest: Any) -> dict[str, str]:
    return {c.get("id"): c.get("name") for c in manifest.rubric.get("criteria", [])
            if isinstance(c, dict)}


def _label(field_name: str, names: dict[str, str]) -> str:
    if field_name.startswith("评分项 "):
        crit = field_name[len("评分项 "):]
        return names.get(crit, crit)
    return field_name

