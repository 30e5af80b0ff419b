"""Assignments: default all × all, per-category panels, explicit pairs, conflicts known in
advance, the minimum warning and the matrix counts; hostile files name the row."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.assembly.assignments import (
    AssignmentRules,
    Candidate,
    matrix_counts,
    minimum_scores,
    read_assignments,
    read_conflicts,
    resolve,
)
from app.errors import PanelDeskError
from app.model import Expert
from app.rubrics import load_default_rubric

RUBRIC = load_default_rubric()
A, B = RUBRIC.categories[0], RUBRIC.categories[1]
ROSTER = [Expert(f"E{i}", f"专家{i}") for i in range(1, 7)]
CANDIDATES = [Candidate("S001", "01 甲", A, "某市热线"), Candidate("S002", "02 乙", A, "某区热线"),
              Candidate("S003", "03 丙", B, "某县 热线"), Candidate("S004", "04 丁", None, "")]


def csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_is_everyone_everything() -> None:
    plan = resolve(None, ROSTER, CANDIDATES, RUBRIC)
    assert all(v == ["S001", "S002", "S003", "S004"] for v in plan.assignments.values())
    assert plan.warnings == []


def test_category_panels_and_conflicts(tmp_path: Path) -> None:
    # One file may mix both kinds of row: each fills one of the two columns.
    rows = "".join(f"E{i},{A},\n" for i in range(1, 4)) + "".join(
        f"E{i},{B},\n" for i in range(4, 7)) + "E1,,04 丁\n"
    rules = AssignmentRules(
        assign=read_assignments(csv(tmp_path, "a.csv", "expert,category,submission\n" + rows)),
        conflicts=read_conflicts(csv(tmp_path, "c.csv", "专家,单位\nE4,某县热线\nE2,无关单位\n")))
    plan = resolve(rules, ROSTER, CANDIDATES, RUBRIC)
    assert plan.assignments["E1"] == ["S001", "S002", "S004"]
    assert plan.assignments["E2"] == ["S001", "S002"]
    assert plan.assignments["E4"] == [] and plan.assignments["E5"] == ["S003"]
    counts = matrix_counts(plan.assignments, [e.id for e in ROSTER], [c.id for c in CANDIDATES])
    assert counts.per_submission == {"S001": 3, "S002": 3, "S003": 2, "S004": 1}
    assert counts.per_expert["E1"] == 3 and counts.per_expert["E4"] == 0
    # Every submission has fewer than the minimum (5 of a panel of 6): each is named.
    assert [w.split(" ")[1] for w in plan.warnings] == ["S001", "S002", "S003", "S004"]


def test_submission_rows_by_source_or_id(tmp_path: Path) -> None:
    rules = AssignmentRules(assign=read_assignments(
        csv(tmp_path, "a.csv", "expert,submission\nE1,S002\nE2,01 甲\nE3,05 被排除\n")))
    plan = resolve(rules, ROSTER[:3], CANDIDATES, RUBRIC,
                   {c.source for c in CANDIDATES} | {"05 被排除"})
    assert plan.assignments == {"E1": ["S002"], "E2": ["S001"], "E3": []}
    assert any("05 被排除" in w and "第 4 行" in w for w in plan.warnings)


def test_minimum_follows_the_rubric_or_the_panel() -> None:
    assert minimum_scores(RUBRIC, 7) == 5 and minimum_scores(RUBRIC, 3) == 3

    class Aggregation:
        min_valid_scores = 4

    class Declaring:
        aggregation = Aggregation()

    assert minimum_scores(Declaring(), 7) == 4  # type: ignore[arg-type]
    assert minimum_scores(Declaring(), 3) == 3  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "message"), [
    ("expert,submission\nE9,S001\n", "第 2 行：专家“E9”"),
    ("expert,submission\nE1,S001\nE1,S999\n", "第 3 行：没有申报“S999”"),
    ("expert,category\nE1,不存在\n", "第 2 行：类别“不存在”"),
    ("expert,score\nE1,3\n", "表头"),
    ("expert,submission\n,S001\n", "缺少专家编号"),
    ("expert,submission,category\nE1,S001,X\n", "只填写"),
    ("", "空的"),
    ("expert,submission\nE1,\x00\n", "不是文本"),
])
def test_hostile_assignment_files_name_the_row(tmp_path: Path, text: str, message: str) -> None:
    path = csv(tmp_path, "a.csv", text)
    with pytest.raises(PanelDeskError, match="a.csv") as err:
        resolve(AssignmentRules(assign=read_assignments(path)), ROSTER, CANDIDATES, RUBRIC)
    assert message in str(err.value)


def test_conflicts_name_unknown_experts_and_big_files_are_refused(tmp_path: Path) -> None:
    rules = AssignmentRules(conflicts=read_conflicts(csv(tmp_path, "c.csv", "expert,unit\nX,某市\n")))
    with pytest.raises(PanelDeskError, match="c.csv 第 2 行：专家“X”"):
        resolve(rules, ROSTER, CANDIDATES, RUBRIC)
    big = tmp_path / "big.csv"
    big.write_bytes(b"expert,unit\n" + b"E1,x\n" * 1_200_000)
    with pytest.raises(PanelDeskError, match="过大"):
        read_conflicts(big)
    with pytest.raises(PanelDeskError, match=".csv"):
        read_conflicts(csv(tmp_path, "c.xlsx", "x"))


def test_override_rows_adjust_one_pair_after_panels_and_conflicts(tmp_path: Path) -> None:
    # Overrides alone keep the default (everyone everything) and adjust single pairs.
    rules = AssignmentRules(assign=read_assignments(csv(
        tmp_path, "a.csv", "expert,submission,override\nE1,01 甲,unassign\nE2,S003,-\n")))
    plan = resolve(rules, ROSTER, CANDIDATES, RUBRIC)
    assert plan.assignments["E1"] == ["S002", "S003", "S004"]
    assert plan.assignments["E2"] == ["S001", "S002", "S004"]
    assert plan.assignments["E3"] == ["S001", "S002", "S003", "S004"]
    assert plan.manual == {("E1", "S001"): False, ("E2", "S003"): False}
    # With a panel and a conflict: the override applies after both; over a conflict it warns.
    rules = AssignmentRules(
        assign=read_assignments(csv(tmp_path, "b.csv", "专家,类别,申报,调整\n"
                                    f"E1,{A},,\nE1,,03 丙,分配\nE4,,S003,assign\nE1,,S002,取消分配\n")),
        conflicts=read_conflicts(csv(tmp_path, "c.csv", "专家,单位\nE4,某县热线\n")))
    plan = resolve(rules, ROSTER, CANDIDATES, RUBRIC)
    assert plan.assignments["E1"] == ["S001", "S003"]
    assert plan.assignments["E4"] == ["S003"] and plan.assignments["E2"] == []
    assert plan.conflicted == {("E4", "S003"): "某县热线"}
    assert any("已声明回避" in w and "E4" in w and "第 4 行" in w for w in plan.warnings)


@pytest.mark.parametrize(("text", "message"), [
    ("expert,submission,override\nE1,01 甲,maybe\n", "maybe"),
    ("expert,category,override\nE1,{A},assign\n", "不能针对类别"),
    ("expert,submission,override\nE1,01 甲,assign\nE1,S001,unassign\n", "第 2 行矛盾"),
])
def test_bad_override_rows_name_the_row(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(PanelDeskError, match=message):
        rules = AssignmentRules(assign=read_assignments(csv(tmp_path, "a.csv",
                                                            text.replace("{A}", A))))
        resolve(rules, ROSTER, CANDIDATES, RUBRIC)
