"""The organizer's decisions on results: a plain JSON file the CLI reads and the GUI keeps.

    {"version": 1, "decisions": [
      {"action": "disqualify", "submission": "S007", "reason": "…", "by": "…", "at": "…"},
      {"action": "override_minimum", "submission": "S004", "reason": "…"},
      {"action": "tie_break", "order": ["S003", "S001"], "reason": "…"},
      {"action": "keep_duplicate", "keep": "S002", "drop": ["S005"], "reason": "…"},
      {"action": "not_duplicate", "submissions": ["S002", "S005"], "reason": "…"}]}

Every decision needs a reason; `by` and `at` are optional in a hand-written file (the GUI
fills them).  The file is hostile input like any other: bounded in size, every key and
type checked, a clear message naming the file and the decision.  The results engine
applies the decisions (docs/aggregation.md §6); without any, results are exactly what the
marks and the rubric give.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message

FORMAT_VERSION = 1
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DECISIONS = 10_000
MAX_TEXT = 2000

# action → (the keys it needs besides action/reason, the Chinese name the report prints)
# (the GUI shows the names through QCoreApplication.translate("DecisionsTab", …))
ACTIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "disqualify": (("submission",), QT_TRANSLATE_NOOP("DecisionsTab", "取消评奖资格")),
    "override_minimum": (("submission",), QT_TRANSLATE_NOOP("DecisionsTab", "评分不足仍予排名")),
    "tie_break": (("order",), QT_TRANSLATE_NOOP("DecisionsTab", "并列名次由组织方排定")),
    "keep_duplicate": (("keep", "drop"), QT_TRANSLATE_NOOP("DecisionsTab", "重复申报：保留一件")),
    "not_duplicate": (("submissions",), QT_TRANSLATE_NOOP("DecisionsTab", "确认不是重复申报")),
}
_OPTIONAL = ("by", "at")
_LISTS = ("order", "drop", "submissions")


@dataclass(frozen=True)
class Decision:
    """One decision; `subjects` are the submission ids it is about, in its own order."""

    action: str
    reason: str
    subjects: tuple[str, ...]
    keep: str | None = None  # keep_duplicate: the entry that stays
    by: str = ""
    at: str = ""

    @property
    def label(self) -> str:
        return ACTIONS[self.action][1]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"action": self.action}
        if self.action in ("disqualify", "override_minimum"):
            out["submission"] = self.subjects[0]
        elif self.action == "tie_break":
            out["order"] = list(self.subjects)
        elif self.action == "keep_duplicate":
            out["keep"] = self.keep
            out["drop"] = [s for s in self.subjects if s != self.keep]
        else:
            out["submissions"] = list(self.subjects)
        out["reason"] = self.reason
        out.update({k: v for k, v in (("by", self.by), ("at", self.at)) if v})
        return out


@dataclass(frozen=True)
class ResultsDecisions:
    """Every decision, in the order they were taken (a later one wins over an earlier)."""

    decisions: tuple[Decision, ...] = ()
    by_action: dict[str, list[Decision]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for d in self.decisions:
            self.by_action.setdefault(d.action, []).append(d)

    def of(self, action: str) -> list[Decision]:
        return self.by_action.get(action, [])

    def about(self, action: str, submission: str) -> Decision | None:
        """The latest `action` decision naming `submission`, or None."""
        found = [d for d in self.of(action) if submission in d.subjects]
        return found[-1] if found else None

    def to_json(self) -> str:
        doc = {"version": FORMAT_VERSION, "decisions": [d.to_dict() for d in self.decisions]}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"

    def with_decision(self, decision: Decision) -> ResultsDecisions:
        return ResultsDecisions((*self.decisions, decision))

    def without(self, index: int) -> ResultsDecisions:
        return ResultsDecisions(tuple(d for i, d in enumerate(self.decisions) if i != index))


NO_DECISIONS = ResultsDecisions()


def load_decisions(path: Path) -> ResultsDecisions:
    """Read and check a decisions file (PanelDeskError naming the file and the problem)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "ResultsDecisions", "无法读取决定文件 {path}：{reason}"),
            path=path, reason=err.strerror or err)) from None
    if len(data) > MAX_FILE_BYTES:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "ResultsDecisions", "决定文件 {path} 过大（上限 {max_file_bytes} MB）"),
            path=path, max_file_bytes=MAX_FILE_BYTES // 1024 // 1024))
    return parse_decisions(data, path.name)


def parse_decisions(data: bytes | str, file_name: str) -> ResultsDecisions:
    try:
        doc = json.loads(data, parse_constant=_no_constant)
    except (ValueError, RecursionError) as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "ResultsDecisions", "决定文件 {file_name} 不是有效的 JSON：{err}"),
            file_name=file_name, err=err)) from None
    if not isinstance(doc, dict) or set(doc) - {"version", "decisions"}:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "ResultsDecisions", "决定文件 {file_name}：应为含 version 和 decisions 的对象"),
            file_name=file_name))
    if type(doc.get("version")) is not int or doc["version"] != FORMAT_VERSION:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "ResultsDecisions", "决定文件 {file_name}：不支持的版本 {version}（应为 {format_version}）"),
            file_name=file_name, version=repr(doc.get('version')), format_version=FORMAT_VERSION))
    items = doc.get("decisions", [])
    if not isinstance(items, list) or len(items) > MAX_DECISIONS:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "ResultsDecisions", "决定文件 {file_name}：decisions 应为不超过 {max_decisions} 项的列表"),
            file_name=file_name, max_decisions=MAX_DECISIONS))
    return ResultsDecisions(tuple(_decision(item, Message(QT_TRANSLATE_NOOP(
        "ResultsDecisions", "{file_name} 第 {number} 项决定"), file_name=file_name, number=i + 1))
                                  for i, item in enumerate(items)))


def _no_constant(name: str) -> None:
    raise ValueError(Message(QT_TRANSLATE_NOOP("ResultsDecisions", "不允许 {name}"), name=name))


def _decision(item: Any, where: str) -> Decision:
    if not isinstance(item, dict):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("ResultsDecisions", "{where}：应为对象"),
            where=where))
    action = item.get("action")
    if action not in ACTIONS:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "ResultsDecisions", "{where}：未知的 action {action}，可选：{actions}"),
            where=where, action=repr(str(action)[:40]), actions=list(ACTIONS)))
    needed = ACTIONS[action][0]
    unknown = set(item) - {"action", "reason", *needed, *_OPTIONAL}
    if unknown:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("ResultsDecisions", "{where}：未知的键 {keys}"),
            where=where, keys=sorted(map(str, unknown))[:20]))
    reason = _text(item.get("reason"), where, "reason")
    if not reason.strip():
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "ResultsDecisions", "{where}：必须写明理由（reason）"), where=where))
    values = {key: _ids(item.get(key), where, key) if key in _LISTS
              else _text(item.get(key), where, key) for key in needed}
    by, at = (_text(item.get(k, ""), where, k) for k in _OPTIONAL)
    if action == "keep_duplicate":
        keep, drop = values["keep"], values["drop"]
        if keep in drop:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "ResultsDecisions", "{where}：keep 不能同时出现在 drop 中"), where=where))
        return Decision(action, reason, (keep, *drop), keep=keep, by=by, at=at)
    if action in ("tie_break", "not_duplicate"):
        subjects = values[needed[0]]
        if len(subjects) < 2:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "ResultsDecisions", "{where}：{needed} 至少应有两件作品"), where=where, needed=needed[0]))
        return Decision(action, reason, tuple(subjects), by=by, at=at)
    return Decision(action, reason, (values["submission"],), by=by, at=at)


def _text(value: Any, where: str, key: str) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "ResultsDecisions", "{where}：{key} 应为不超过 {max_text} 字的文字"),
            where=where, key=key, max_text=MAX_TEXT))
    return value


def _ids(value: Any, where: str, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or len(value) > 1000:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "ResultsDecisions", "{where}：{key} 应为作品编号的列表"), where=where, key=key))
    ids = tuple(_text(v, where, key) for v in value)
    if len(set(ids)) != len(ids):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "ResultsDecisions", "{where}：{key} 中有重复的作品编号"), where=where, key=key))
    return ids
