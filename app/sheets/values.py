"""Every value of a score sheet checked against the packet's rubric before it can count.

A valid signature says who wrote a sheet, not that what they wrote makes sense: a key
can sign 1000 points, "abc" or a version `true` (a tampered workspace, another program,
a bug).  `sheet_problems(payload, rubric, manifest)` names each offending cell:

- the criteria are the rubric's, in its order (the version's type is `verify`'s check);
- each score belongs to a criterion of the rubric and is a finite decimal within
  [0, max] on the rubric's step;
- the total is recomputed from the scores with the category's weights — never trusted —
  and must be what the sheet says (empty while the row is incomplete or recused);
- flags are known, a suggested category is one of the rubric's, and the category shown is
  the submission's own (or one of the rubric's).

The importer gives a sheet with any problem its own outcome (INVALID), so it never counts
and never blocks results computed from the others; the export refuses to write one.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.sheets.payload import flag_parts
from app.workspace.flags import FLAG_LABELS
from scoring.rubric import Rubric, RubricError
from scoring.totals import DecimalFormatError, format_score, parse_decimal

SHOWN = 10  # problems spelt out in an explanation; the rest are counted


@dataclass(frozen=True)
class ValueProblem:
    """One offending cell: `submission` None for the sheet as a whole."""

    submission: str | None
    field: str
    value: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"submission": self.submission, "field": self.field, "value": self.value,
                "reason": self.reason}

    def __str__(self) -> str:
        where = f"{self.submission} · {self.field}" if self.submission else self.field
        shown = "（空）" if self.value is None else f"“{self.value}”"
        return f"{where} = {shown}：{self.reason}"


def sheet_problems(payload: Mapping[str, Any], rubric: Rubric,
                   categories_of: Mapping[str, str | None]) -> list[ValueProblem]:
    """The problems of a signed payload (see the module docstring); `categories_of` maps
    each submission id of the packet to its category."""
    problems: list[ValueProblem] = []
    wanted = [c.id for c in rubric.criteria]
    if payload.get("criteria") != wanted:
        problems.append(ValueProblem(None, "评分项", _text(payload.get("criteria")),
                                     f"评分项应为评审细则的 {'、'.join(wanted)}"))
    for row in payload.get("rows") or []:
        problems.extend(row_problems(row, rubric, categories_of))
    return problems


def row_problems(row: Mapping[str, Any], rubric: Rubric,
                 categories_of: Mapping[str, str | None]) -> list[ValueProblem]:
    sid = str(row.get("id"))
    out: list[ValueProblem] = []
    category = row.get("category")
    own = categories_of.get(sid)
    if category is not None and category != own and category not in rubric.categories:
        out.append(ValueProblem(sid, "类别", _text(category), "不是本评审包的类别"))
    scores: dict[str, Decimal] = {}
    before_scores = len(out)
    for crit_id, value in (row.get("scores") or {}).items():
        if value is None:
            continue
        problem = score_problem(sid, crit_id, value, rubric)
        if problem is None:
            scores[crit_id] = rubric.parse_score(crit_id, value)
        else:
            out.append(problem)
    out.extend(_total_problems(sid, row, rubric, scores, own, len(out) > before_scores))
    out.extend(_flag_problems(sid, row.get("flags"), rubric))
    return out


def score_problem(sid: str, crit_id: str, value: object, rubric: Rubric) -> ValueProblem | None:
    """What is wrong with one score cell, or None when the rubric allows it."""
    known = any(c.id == crit_id for c in rubric.criteria)
    field = f"评分项 {_name(rubric, crit_id) if known else crit_id}"
    if not known:
        return ValueProblem(sid, field, _text(value), "评审细则中没有这个评分项")
    if not isinstance(value, str):  # the signed (and stored) form of a score is its text
        return ValueProblem(sid, field, _text(value), "分数不是十进制数文本")
    try:
        rubric.parse_score(crit_id, value)
    except RubricError as err:
        return ValueProblem(sid, field, _text(value), str(err))
    return None


def stored_problems(stored: Mapping[str, Mapping[str, object]], rubric: Rubric,
                    assigned: Collection[str]) -> list[ValueProblem]:
    """The problems of a workspace's stored scores (`Workspace.stored_scores`) of the
    submissions an export writes: each must be a score the rubric allows, as text."""
    return [problem for sid in sorted(set(stored) & set(assigned))
            for crit_id, value in stored[sid].items()
            if (problem := score_problem(sid, crit_id, value, rubric)) is not None]


def _total_problems(sid: str, row: Mapping[str, Any], rubric: Rubric,
                    scores: dict[str, Decimal], category: str | None,
                    scores_bad: bool) -> list[ValueProblem]:
    signed = row.get("total")
    if scores_bad:
        return []  # nothing to recompute from; the scores are already named
    if row.get("recused") or not rubric.is_complete(scores):
        if signed is None:
            return []
        return [ValueProblem(sid, "总分", _text(signed), "未完成或回避的申报不应有总分")]
    recomputed = rubric.total(scores, category if category in rubric.categories else None)
    try:
        matches = signed is not None and parse_decimal(str(signed)) == recomputed
    except DecimalFormatError:
        matches = False
    if matches:
        return []
    return [ValueProblem(sid, "总分", _text(signed),
                         f"按评审细则由各项分数算得 {format_score(recomputed, 1)}")]


def _flag_problems(sid: str, text: Any, rubric: Rubric) -> list[ValueProblem]:
    if not text:
        return []
    labels = list(FLAG_LABELS.values())
    out = []
    for part, label, category in flag_parts(str(text)):
        if label not in labels:
            out.append(ValueProblem(sid, "标记", part, f"未知的标记（可用：{'、'.join(labels)}）"))
        elif category is not None and category not in rubric.categories:
            out.append(ValueProblem(sid, "标记", part, "建议类别不是评审细则的类别"))
    return out


def _name(rubric: Rubric, crit_id: str) -> str:
    return rubric.criterion(crit_id).name


def _text(value: Any) -> str | None:
    return None if value is None else str(value)[:60]


def explain(problems: list[ValueProblem]) -> str:
    """The problems as one Chinese line: the first `SHOWN` spelt out, the rest counted."""
    text = "；".join(str(p) for p in problems[:SHOWN])
    if len(problems) > SHOWN:
        text += f"；另有 {len(problems) - SHOWN} 处"
    return text
