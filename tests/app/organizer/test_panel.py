"""One pair of the matrix toggled: the override row it needs, or none."""

from __future__ import annotations

import pytest

from app.assembly.assignments import AssignmentRules, Candidate, Rule
from app.errors import PanelDeskError
from app.model import Expert
from app.organizer.panel import override_rules, toggle_pair
from app.rubrics import load_default_rubric


def test_toggling_a_pair_names_the_override_it_needs() -> None:
    rubric = load_default_rubric()
    roster = [Expert("E1", "甲"), Expert("E2", "乙")]
    candidates = [Candidate("S001", "a", rubric.categories[0], "某单位"),
                  Candidate("S002", "b", rubric.categories[1], "")]
    rules = AssignmentRules([], [Rule("", "E1", "unit", "某单位")])
    change = toggle_pair(rules, roster, candidates, rubric, "E1", "a")
    assert (change.before, change.after, change.override) == (False, True, True)
    assert change.over_conflict and change.conflict_unit == "某单位"
    # With that override stored, toggling again drops it: the conflict gives "unassigned".
    rules.assign = override_rules({("E1", "a"): True})
    change = toggle_pair(rules, roster, candidates, rubric, "E1", "a")
    assert (change.before, change.after, change.override) == (True, False, None)
    change = toggle_pair(rules, roster, candidates, rubric, "E2", "b")
    assert (change.before, change.after, change.override) == (True, False, False)
    with pytest.raises(PanelDeskError, match="已不在本轮评审中"):
        toggle_pair(rules, roster, candidates, rubric, "E2", "gone")
