"""Agreement figures are read as findings only when they can carry one."""

from __future__ import annotations

from app.results.explain import agreement_sentence, icc_reading
from app.results.model import AgreementStats


def stats(n_complete: int, value: float, interval=(0.7, 0.95), alpha=0.8) -> AgreementStats:
    return AgreementStats(category="甲类", icc={"ICC(2,k)": value}, kendall=(0.5, 9.0, 4, 0.06),
                          alpha=alpha, n_subs=n_complete, n_experts=7, n_complete=n_complete,
                          icc_ci={"ICC(2,k)": interval})


def test_four_submissions_are_too_few_to_read_an_icc() -> None:
    sentence = agreement_sentence(stats(4, -9.884))
    assert "样本过少，不作解释：仅 4 件作品由全部 7 位专家评分（至少需要 5 件）" in sentence
    assert "-9.884" not in sentence and "W 样本过少" in sentence


def test_negative_icc_is_not_applicable_rather_than_poor() -> None:
    text = icc_reading(stats(12, -0.2))
    assert text.startswith("ICC(2,k) 不适用：估计值为负（-0.200）") and "较差" not in text


def test_icc_comes_with_its_interval_and_a_wide_one_is_named() -> None:
    assert icc_reading(stats(12, 0.85)) == "ICC(2,k) = 0.850，属“良好”（95% 置信区间 0.700～0.950）"
    assert "区间很宽，结论不稳" in icc_reading(stats(12, 0.6, interval=(0.05, 0.9)))


def test_negative_alpha_is_named() -> None:
    assert "分歧大于随机水平" in agreement_sentence(stats(12, 0.8, alpha=-0.3))


def test_alpha_of_a_tiny_category_is_not_read_as_a_finding(tmp_path) -> None:
    """Held-out scenario (issue 12): a category of one submission printed "α = 0.000（分歧较大）",
    one of two "α = -0.083（分歧大于随机水平）", one of three "α = 0.789（可作初步结论）"."""
    from app.results.engine import ResultsEngine
    from app.sheets.orgdb import OrgDB
    from tests.app.results.helpers import make_panel

    for subs in (1, 2, 3, 4):
        marks = {e: {f"S{n}": 60 + 7 * n + 3 * i for n in range(1, subs + 1)}
                 for i, e in enumerate(("E1", "E2", "E3", "E4"))}
        (tmp_path / str(subs)).mkdir()
        with OrgDB(f"sqlite:///{tmp_path / str(subs) / 'org.db'}") as db:
            panel = make_panel(tmp_path / str(subs), db, marks)[1]
        stats = ResultsEngine(panel).results().agreement[panel.categories[0]]
        assert stats.alpha is not None
        sentence = agreement_sentence(stats)
        assert f"α 样本过少，不作解释：仅 {subs} 件作品有两位以上专家评分（至少需要 5 件）" in sentence
        assert f"α = {stats.alpha:.3f}" not in sentence
        for word in ("（可靠）", "（可作初步结论）", "（分歧较大）", "（分歧大于随机水平"):
            assert word not in sentence


def test_alpha_counts_only_submissions_two_experts_scored() -> None:
    few = AgreementStats(category="甲类", icc=None, kendall=None, alpha=0.9, n_subs=6,
                         n_experts=3, n_complete=0, n_pairable=4)
    assert "α 样本过少" in agreement_sentence(few)
    assert "α = 0.900（可靠）" in agreement_sentence(
        AgreementStats(category="甲类", icc=None, kendall=None, alpha=0.9, n_subs=6,
                       n_experts=3, n_complete=0, n_pairable=5))
