"""Who reviews what: the assignment plan of a packet (docs/formats.md §13).

By default every expert reviews every submission.  An assignments file narrows that:
rows `expert,submission` (a submission named by its intake source or its packet id) or
`expert,category` (a per-category panel: every submission of that category).  A
conflicts file lists pairs known in advance, `expert,unit` (e.g. the same city): those
pairs stay unassigned.  An `expert,submission` row with an `override` column (assign or
unassign) is the organizer's adjustment of one pair: it applies after panels and
conflicts and does not narrow the default (a file of overrides alone adjusts "everyone
reviews everything").  A manual assign over a declared conflict is applied but warned
about at every build — conflicts are declared per unit, so one pair may need an exception
without dropping the whole unit's conflict.  `resolve` turns the rules into the manifest's `assignments`
and the warnings the organizer should read — a submission with fewer assigned experts
than the rubric's minimum of valid scores.  `matrix_counts` gives the counts per expert
and per submission for the organizer's matrix view.

Both files are hostile input: bounded in size and rows, every unknown expert, submission
or category is an error naming the file and the row (as Excel numbers it, header = 1).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.intake.roster import csv_rows
from app.model import Expert
from scoring.rubric import Rubric

# The build's warning when a submission has too few experts (the build page translates it).
TOO_FEW_EXPERTS = QT_TRANSLATE_NOOP("BuildWarnings", "申报 {id} 只分配给 {count} 位专家，"
                                    "少于有效评分所需的 {needed} 位")

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 200_000
# Until the rubric says how many valid scores a submission needs, this many are asked for.
DEFAULT_MINIMUM_SCORES = 5
HEADERS = {
    "expert": ("expert", "专家", "专家编号", "编号", "expertid"),
    "submission": ("submission", "申报", "申报编号", "来源", "source", "申报材料"),
    "category": ("category", "类别", "实践类别"),
    "unit": ("unit", "单位", "申报单位", "回避单位"),
    "override": ("override", "调整", "手动调整"),
}
# The columns as messages name them (any spelling in HEADERS is accepted).
COLUMN_NAMES = {"submission": QT_TRANSLATE_NOOP("Assignments", "申报（submission）"),
                "category": QT_TRANSLATE_NOOP("Assignments", "类别（category）"),
                "unit": QT_TRANSLATE_NOOP("Assignments", "单位（unit）")}
ASSIGN, UNASSIGN = "assign", "unassign"
# The override column's spellings; an organizer typing in Excel may use either language.
OVERRIDE_VALUES = {"assign": ASSIGN, "分配": ASSIGN, "+": ASSIGN,
                   "unassign": UNASSIGN, "取消分配": UNASSIGN, "-": UNASSIGN}


@dataclass(frozen=True)
class Rule:
    """One row of a file: `expert` with a `submission`, `category` or `unit` value."""

    where: str  # "分配文件 a.csv 第 3 行", for messages
    expert: str
    kind: str  # "submission" | "category" | "unit"
    value: str
    override: str = ""  # ASSIGN | UNASSIGN for the organizer's adjustment of one pair


@dataclass
class AssignmentRules:
    """The rows of the assignments file (`assign`) and of the conflicts file."""

    assign: list[Rule] = field(default_factory=list)
    conflicts: list[Rule] = field(default_factory=list)


@dataclass(frozen=True)
class Candidate:
    """A submission as the plan sees it: its id (packet id, or the source before a
    build), intake source, category (None if unknown) and unit."""

    id: str
    source: str
    category: str | None
    unit: str


@dataclass
class Assignment:
    """Expert id → assigned candidate ids (in candidate order), with the warnings."""

    assignments: dict[str, list[str]]
    warnings: list[str] = field(default_factory=list)
    # (expert, candidate id) → assigned, for every pair an override row decided
    manual: dict[tuple[str, str], bool] = field(default_factory=dict)
    # (expert, candidate id) → the declared unit, for every pair a conflict row covers
    conflicted: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass
class MatrixCounts:
    per_expert: dict[str, int]
    per_submission: dict[str, int]


def read_assignments(path: Path) -> list[Rule]:
    """`expert,submission` or `expert,category` rows (one of the two per row), and
    `expert,submission,override` rows."""
    return _read(Path(path), QT_TRANSLATE_NOOP("Assignments", "分配文件"), ("submission", "category"))


def read_conflicts(path: Path) -> list[Rule]:
    """`expert,unit` rows: pairs to leave unassigned."""
    return _read(Path(path), QT_TRANSLATE_NOOP("Assignments", "回避文件"), ("unit",))


def minimum_scores(rubric: Rubric, panel_size: int) -> int:
    """Experts a submission should be assigned: the rubric's `aggregation.min_valid_scores`
    (DEFAULT_MINIMUM_SCORES until every rubric has it), or the whole panel when it is
    smaller — as results count it (`AggregationRules.required_scores`), a submission
    scored by every expert of a small panel may still be ranked."""
    declared = getattr(rubric.aggregation, "min_valid_scores", None)
    return min(int(declared or DEFAULT_MINIMUM_SCORES), panel_size)


def resolve(rules: AssignmentRules | None, roster: list[Expert], candidates: list[Candidate],
            rubric: Rubric, all_sources: set[str] | None = None) -> Assignment:
    """The assignment for `candidates`; `all_sources` (every intake source, also excluded
    and rejected ones) lets a row about an entry not in the packet warn instead of fail."""
    rules = rules or AssignmentRules()
    check_rules(rules, roster, rubric)
    warnings: list[str] = []
    by_key = {c.source: c.id for c in candidates} | {c.id: c.id for c in candidates}

    def candidate_of(rule: Rule) -> str | None:
        if rule.value in by_key:
            return by_key[rule.value]
        if all_sources is not None and rule.value in all_sources:
            warnings.append(f"{rule.where}：“{rule.value}”未纳入评审包，已忽略")
            return None
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Assignments", "{where}：没有申报“{value}”（应为申报材料的文件或文件夹名，或评审包中的申报编号）"),
            where=rule.where, value=rule.value))

    narrowing = [r for r in rules.assign if not r.override]
    if narrowing:
        chosen: dict[str, set[str]] = {e.id: set() for e in roster}
        for rule in narrowing:
            if rule.kind == "category":
                chosen[rule.expert].update(c.id for c in candidates if c.category == rule.value)
            elif (cid := candidate_of(rule)) is not None:
                chosen[rule.expert].add(cid)
    else:
        chosen = {e.id: {c.id for c in candidates} for e in roster}
    units = {c.id: _unit_key(c.unit) for c in candidates}
    conflicted: dict[tuple[str, str], str] = {}
    for rule in rules.conflicts:
        unit = _unit_key(rule.value)
        covered = {cid for cid, u in units.items() if u and u == unit}
        chosen[rule.expert] -= covered
        conflicted.update(((rule.expert, cid), rule.value) for cid in covered)
    manual = _apply_overrides(rules, chosen, candidate_of, conflicted, warnings)
    order = [c.id for c in candidates]
    assignments = {e.id: [cid for cid in order if cid in chosen[e.id]] for e in roster}
    counts = matrix_counts(assignments, [e.id for e in roster], order)
    needed = minimum_scores(rubric, len(roster))
    for cid, count in counts.per_submission.items():
        if count < needed:
            warnings.append(Message("BuildWarnings", TOO_FEW_EXPERTS, id=cid, count=count,
                                    needed=needed))
    return Assignment(assignments, warnings, manual, conflicted)


def _apply_overrides(rules: AssignmentRules, chosen: dict[str, set[str]],
                     candidate_of: Callable[[Rule], str | None],
                     conflicted: dict[tuple[str, str], str],
                     warnings: list[str]) -> dict[tuple[str, str], bool]:
    """The organizer's pair adjustments, after panels and conflicts; a pair given both
    ways is an error naming both rows (a merged file must not silently pick one)."""
    manual: dict[tuple[str, str], bool] = {}
    first: dict[tuple[str, str], Rule] = {}
    for rule in (r for r in rules.assign if r.override):
        cid = candidate_of(rule)
        if cid is None:
            continue
        pair, assigned = (rule.expert, cid), rule.override == ASSIGN
        if pair in manual and manual[pair] != assigned:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Assignments", "{where}：与{where2}矛盾（专家“{expert}”与申报“{value}”既分配又取消分配）"),
                where=rule.where, where2=first[pair].where, expert=rule.expert, value=rule.value))
        first.setdefault(pair, rule)
        manual[pair] = assigned
        if assigned:
            chosen[rule.expert].add(cid)
            if pair in conflicted:
                warnings.append(f"{rule.where}：专家“{rule.expert}”与申报 {cid} 的单位"
                                f"“{conflicted[pair]}”已声明回避，但被手动分配")
        else:
            chosen[rule.expert].discard(cid)
    return manual


def check_rules(rules: AssignmentRules, roster: list[Expert], rubric: Rubric) -> None:
    """What can be checked before the entries are read: experts and categories exist."""
    expert_ids = {e.id for e in roster}
    for rule in rules.assign + rules.conflicts:
        if rule.expert not in expert_ids:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Assignments", "{where}：专家“{expert}”不在专家名单中"),
                where=rule.where, expert=rule.expert))
        if rule.override and rule.kind != "submission":
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Assignments", "{where}：手动调整只能针对一份申报（submission），不能针对类别"), where=rule.where))
        if rule.kind == "category" and rule.value not in rubric.categories:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Assignments", "{where}：类别“{value}”不是评审细则的类别（可用：{categories}）"),
                where=rule.where, value=rule.value, categories=list(rubric.categories)))


def matrix_counts(assignments: dict[str, list[str]], experts: list[str],
                  submissions: list[str]) -> MatrixCounts:
    """Assigned submissions per expert and assigned experts per submission (zeros kept)."""
    per_submission = dict.fromkeys(submissions, 0)
    for assigned in assignments.values():
        for sid in assigned:
            if sid in per_submission:
                per_submission[sid] += 1
    return MatrixCounts({e: len(assignments.get(e, [])) for e in experts}, per_submission)


def _unit_key(unit: str) -> str:
    # As the duplicate check compares units: full-width folded, punctuation and spaces dropped.
    text = unicodedata.normalize("NFKC", unit or "")
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PSZC").casefold()


def _read(path: Path, what: str, kinds: tuple[str, ...]) -> list[Rule]:
    label = Message(QT_TRANSLATE_NOOP("Assignments", "{what} {name}"), what=what, name=path.name)
    if path.suffix.lower() != ".csv":
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Assignments", "{label} 格式不支持：请使用 .csv（在 Excel 中另存为 CSV UTF-8）"), label=label))
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Assignments", "{label} 过大（超过 {max_file_bytes} MB）"),
                label=label, max_file_bytes=MAX_FILE_BYTES // (1024 * 1024)))
        data = path.read_bytes()
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Assignments", "{label} 无法读取：{reason}"),
            label=label, reason=err.strerror or err)) from None
    return list(_rules(csv_rows(data, label), label, kinds))


def _header_key(cell: str) -> str:
    text = unicodedata.normalize("NFKC", cell)
    return re.sub(r"[\s_*:()-]", "", text).casefold()


def _rules(rows: Iterator[tuple[int, list[str]]], label: str,
           kinds: tuple[str, ...]) -> Iterator[Rule]:
    columns: dict[str, int] | None = None
    for number, raw in rows:
        if number > MAX_ROWS:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Assignments", "{label} 超过 {max_rows} 行"), label=label, max_rows=MAX_ROWS))
        row = [unicodedata.normalize("NFC", c).strip() for c in raw]
        if not any(row):
            continue
        if columns is None:
            columns = _columns(row, label, number, kinds)
            continue
        where = Message(QT_TRANSLATE_NOOP("Assignments", "{label} 第 {number} 行"),
                        label=label, number=number)
        expert = _cell(row, columns.get("expert"))
        values = {k: _cell(row, columns.get(k)) for k in kinds if k in columns}
        filled = [(k, v) for k, v in values.items() if v]
        if not expert:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Assignments", "{where}：缺少专家编号"),
                where=where))
        if len(filled) != 1:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Assignments", "{where}：以下几列应填写且只填写一列：{wanted}"),
                where=where, wanted=[COLUMN_NAMES[k] for k in kinds]))
        if len(expert) > 64 or len(filled[0][1]) > 255:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Assignments", "{where}：内容过长"),
                where=where))
        override = _override(_cell(row, columns.get("override")), where)
        yield Rule(where, expert, filled[0][0], filled[0][1], override)
    if columns is None:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Assignments", "{label} 是空的：需要表头行"),
            label=label))


def _override(cell: str, where: str) -> str:
    if not cell:
        return ""
    value = OVERRIDE_VALUES.get(cell.casefold())
    if value is None:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Assignments", "{where}：调整（override）应为 assign/分配 或 unassign/取消分配，而不是“{cell}”"),
            where=where, cell=cell[:40]))
    return value


def _columns(header: list[str], label: str, number: int,
             kinds: tuple[str, ...]) -> dict[str, int]:
    # Only the assignments file may adjust single pairs (its `override` column).
    optional = ("override",) if "submission" in kinds else ()
    wanted = {alias.casefold(): key for key in ("expert", *kinds, *optional)
              for alias in HEADERS[key]}
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = wanted.get(_header_key(cell))
        if key and key not in columns:
            columns[key] = index
    if "expert" not in columns or not any(k in columns for k in kinds):
        names = ",".join(["expert", "|".join(kinds)])
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Assignments", "{label} 第 {number} 行：表头应为 {names}（实际为：{value}）"),
            label=label, number=number, names=names, value=list(c for c in header if c) or '空'))
    return columns


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""
