"""Method-independent figures: the score bands of the distribution follow the rubric."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal as D

import openpyxl

from app.results.engine import ResultsEngine
from app.results.outputs import write_outputs
from app.results.stats import BAND_COUNT, band_of, score_bands
from app.rubrics import load_default_rubric
from scoring.rubric import FrozenMap, Rubric
from tests.app.results.helpers import make_panel


def weighted_rubric() -> Rubric:
    """The default rubric with a category whose second criterion weighs 1.3 (top 109)."""
    rubric = load_default_rubric()
    second = rubric.criteria[1].id
    category = rubric.categories[0]
    return dataclasses.replace(rubric, category_weights=FrozenMap(
        {category: FrozenMap({second: D("1.3")})}))


def test_a_hundred_point_rubric_keeps_ten_point_bands() -> None:
    bands = score_bands(load_default_rubric())
    assert len(bands) == BAND_COUNT
    assert bands == [(D(10 * i), D(10 * i + 10)) for i in range(10)]
    assert [band_of(D(t), bands) for t in ("0", "9.5", "10", "89.5", "90", "100")] == [
        0, 0, 1, 8, 9, 9]
    assert band_of(D(-1), bands) == 0


def test_bands_reach_the_highest_top_total_of_any_category() -> None:
    rubric = weighted_rubric()
    assert rubric.max_total(rubric.categories[0]) == 109
    bands = score_bands(rubric)
    assert bands[0] == (0, D("10.9")) and bands[-1] == (D("98.1"), 109)
    assert band_of(D(109), bands) == 9 and band_of(D("10.8"), bands) == 0


def test_workbook_distribution_uses_the_rubrics_bands(tmp_path, db) -> None:
    marks = {e: {"S1": 95, "S2": 50} for e in ("E1", "E2", "E3")}
    panel = make_panel(tmp_path, db, marks, rubric=weighted_rubric())[1]
    files = write_outputs(panel, ResultsEngine(panel).results(), tmp_path / "out",
                          generated=date(2026, 4, 1))
    ws = openpyxl.load_workbook(files[0])["专家统计"]
    labels = [row[0] for row in ws.iter_rows(values_only=True)
              if isinstance(row[0], str) and "–" in row[0]]
    assert labels[0] == "0–10.9" and labels[-1] == "98.1–109" and len(labels) == 10


def test_a_category_tied_throughout_still_gets_results(tmp_path, db) -> None:
    """Every expert gave both submissions of the category the same total (a tie the
    organizer must break): agreement has nothing to measure, results still come."""
    marks = {e: {"S1": 80 + i, "S2": 80 + i} for i, e in enumerate(("E1", "E2", "E3"))}
    panel = make_panel(tmp_path, db, marks)[1]
    results = ResultsEngine(panel).results()
    stats = results.agreement[panel.categories[0]]
    assert stats.n_complete == 2 and set(stats.icc_ci.values()) == {None}
