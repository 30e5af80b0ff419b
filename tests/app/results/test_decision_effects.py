"""What the report says each organizer decision did is true (issue 12, held-out scenarios).

A decision that changed nothing is listed as 未生效 with why: an `override_minimum` for a
submission whose valid scores already met the minimum, and a `keep_duplicate` naming
entries that are not a duplicate group, were both reported as 已生效 (仍予排名 / 保留 …)
in results.xlsx and report.docx although every status and place stayed as it was.
"""

from __future__ import annotations

from app.results.engine import ResultsEngine
from tests.app.results.helpers import make_panel
from tests.app.results.test_eligibility import decisions, marks, ranked


def test_overriding_a_minimum_that_was_met_is_not_in_effect(tmp_path, db) -> None:
    panel = make_panel(tmp_path, db, marks({"S1": 5}))[1]
    results = ResultsEngine(panel, decisions(
        {"action": "override_minimum", "submission": "S2", "reason": "以为评分不足"},
        {"action": "override_minimum", "submission": "S1", "reason": "五位专家依规回避"},
    )).results()
    first, second = results.decisions
    assert first.effect == "未生效：该作品的有效评分已达到要求，无需另行决定"
    assert second.effect == "已生效：仍予排名"
    assert {r[1]: r[3] for r in ranked(results)} == dict.fromkeys(("S1", "S2", "S3", "S4", "S5"),
                                                                  "ranked")


def test_keeping_one_of_entries_that_are_no_duplicates_is_not_in_effect(tmp_path, db) -> None:
    panel = make_panel(tmp_path, db, marks())[1]
    plain = ranked(ResultsEngine(panel).results())
    results = ResultsEngine(panel, decisions(
        {"action": "keep_duplicate", "keep": "S1", "drop": ["S3"], "reason": "看错了"},
    )).results()
    assert ranked(results) == plain
    assert results.decisions[0].effect == "未生效：S3 未被列为 S1 的重复申报（仍参与评奖）"


def _flags(results) -> dict[str, list[str]]:
    return {r.id: list(r.flags) for r in results.rankings["感动瞬间"]}


def test_entries_declared_distinct_in_results_say_so_too(tmp_path, db) -> None:
    from tests.app.results.test_eligibility import _duplicates

    panel = _duplicates(tmp_path, db)
    assert not any("重复申报" in f for flags in _flags(ResultsEngine(panel).results()).values()
                   for f in flags)
    both = decisions({"action": "not_duplicate", "submissions": ["S1", "S2"], "reason": "两个项目"})
    flags = _flags(ResultsEngine(panel, both).results())
    assert "与 S2 单位和标题相同，组织方已确认不是重复申报" in flags["S1"]
