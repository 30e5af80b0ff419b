"""The results, as plain values: what the engine computes and the outputs and the GUI show.

Frozen dataclasses only — no computation — so the writers (`outputs/`), the wording
(`explain`) and the GUI depend on these types without depending on the engine that
fills them.  Scores are unrounded `Decimal`s; the texts are Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from app.i18n import QT_TRANSLATE_NOOP

# The row flags (提示) in the order they are listed; the interface translates them
# (context "ResultFlags").
FLAG_SPREAD = QT_TRANSLATE_NOOP("ResultFlags", "分差过大")
FLAG_OUTLIER = QT_TRANSLATE_NOOP("ResultFlags", "离群分")
FLAG_QUOTA_TIE = QT_TRANSLATE_NOOP("ResultFlags", "并列跨越奖项线")
FLAG_TIE = QT_TRANSLATE_NOOP("ResultFlags", "同分并列")
FLAG_FEW = QT_TRANSLATE_NOOP("ResultFlags", "评分人数少")
# Awards are per category: a submission whose category is unknown gets a place, no award,
# until the organizer settles its category.
FLAG_NO_CATEGORY = QT_TRANSLATE_NOOP("ResultFlags", "类别未确定，不评奖")
FLAG_OVERRIDDEN = QT_TRANSLATE_NOOP("ResultFlags", "评分不足，经组织方决定仍予排名")
FLAG_DISTINCT = QT_TRANSLATE_NOOP("ResultFlags", "与 {others} 单位和标题相同，组织方已确认不是重复申报")
ORGANIZER_DECIDED = QT_TRANSLATE_NOOP("ResultFlags", "组织方排定")  # an organizer-ordered tie
# The experts' own flags on a row ("疑似不实（2人）"), and why a row is to be re-reviewed;
# formatted by the engine, recognised and translated by the interface (`TEMPLATES`).
EXPERT_FLAG = QT_TRANSLATE_NOOP("Flags", "{flag}（{count}人）")
EXPERT_FLAG_CATEGORY = QT_TRANSLATE_NOOP("Flags", "{flag}→{category}（{count}人）")
SPREAD_REASON = QT_TRANSLATE_NOOP(
    "ResultFlags", "分差过大：最高 {max}，最低 {min}，相差 {spread} 分（阈值 {threshold} 分）")
TEMPLATES = (("Flags", EXPERT_FLAG_CATEGORY), ("Flags", EXPERT_FLAG),
             ("ResultFlags", SPREAD_REASON), ("ResultFlags", FLAG_DISTINCT))
# Why a row is not ranked, what the trimmed mean dropped, who said what: made as
# `Message`s (context "ResultReasons") by the engine, so the files keep the Chinese and the
# interface says them in its own language.
REASONS = "ResultReasons"
INSUFFICIENT_REASON = QT_TRANSLATE_NOOP("ResultReasons", "评分不足：有效评分 {n} 份，评奖至少需要 {required} 份")
FEW_REASON = QT_TRANSLATE_NOOP("ResultReasons", "有效评分仅 {n} 份（少于 {few} 份）：分配的专家都已评分，"
                               "按规则参与排名和评奖，请复核是否需要补评")
DISQUALIFIED_REASON = QT_TRANSLATE_NOOP("ResultReasons", "组织方决定取消评奖资格：{reason}{by}")
DUPLICATE_REASON = QT_TRANSLATE_NOOP("ResultReasons", "与 {keeper} 单位和标题相同（重复申报），不参与评奖；{why}")
KEPT_BY_DECISION = QT_TRANSLATE_NOOP("ResultReasons", "组织方决定保留 {keeper}：{reason}{by}")
KEPT_HIGHER = QT_TRANSLATE_NOOP("ResultReasons", "未有组织方决定，保留得分较高的 {keeper}")
DECIDED_BY = QT_TRANSLATE_NOOP("ResultReasons", "（{who}）")
DECIDED_BY_AT = QT_TRANSLATE_NOOP("ResultReasons", "（{who}，{at}）")
DROPPED = QT_TRANSLATE_NOOP("ResultReasons", "去掉最高分 {high}（{high_expert}）、最低分 {low}（{low_expert}）")
EXPERT_SAYS = QT_TRANSLATE_NOOP("ResultReasons", "{expert}：{reason}")
# What each organizer decision did (`DecisionNote.effect`); "未生效" starts those that did not.
NOT_IN_EFFECT = "未生效"
EFFECTS = {
    "excluded": QT_TRANSLATE_NOOP("ResultReasons", "已生效：不参与评奖"),
    "nothing_to_exclude": QT_TRANSLATE_NOOP("ResultReasons", "未生效：该作品没有有效评分"),
    "ranked_anyway": QT_TRANSLATE_NOOP("ResultReasons", "已生效：仍予排名"),
    "not_ranked": QT_TRANSLATE_NOOP("ResultReasons", "未生效：该作品未参与排名（见其状态）"),
    "not_short": QT_TRANSLATE_NOOP("ResultReasons", "未生效：该作品的有效评分已达到要求，无需另行决定"),
    "ordered": QT_TRANSLATE_NOOP("ResultReasons", "已生效：名次依次为 {order}"),
    "not_tied": QT_TRANSLATE_NOOP("ResultReasons", "未生效：这些作品此时并不同分并列"),
    "kept": QT_TRANSLATE_NOOP("ResultReasons", "已生效：保留 {keep}"),
    "kept_not_ranked": QT_TRANSLATE_NOOP("ResultReasons", "未生效：{keep} 未参与排名"),
    "not_a_duplicate": QT_TRANSLATE_NOOP("ResultReasons", "未生效：{drop} 未被列为 {keep} 的重复申报"
                                         "（仍参与评奖）"),
    "together": QT_TRANSLATE_NOOP("ResultReasons", "已生效：均参与评奖"),
    "partly": QT_TRANSLATE_NOOP("ResultReasons", "部分作品因其他原因未参与排名"),
}


class RowStatus(StrEnum):
    """Whether a scored submission is ranked for an award, and if not, why (results.json)."""

    RANKED = "ranked"
    INSUFFICIENT = "insufficient_scores"
    EXCLUDED = "excluded"
    DUPLICATE = "duplicate"


# Chinese labels; the GUI shows them through QCoreApplication.translate("RowStatus", …).
STATUS_LABELS = {RowStatus.RANKED: QT_TRANSLATE_NOOP("RowStatus", "参与排名"),
                 RowStatus.INSUFFICIENT: QT_TRANSLATE_NOOP("RowStatus", "评分不足"),
                 RowStatus.EXCLUDED: QT_TRANSLATE_NOOP("RowStatus", "取消资格"),
                 RowStatus.DUPLICATE: QT_TRANSLATE_NOOP("RowStatus", "重复申报")}


@dataclass(frozen=True)
class RankingRow:
    """One scored submission; `score` is unrounded (shown with 2 decimals).

    Only rows with status RANKED have a place (and may have an award); the others are
    listed after them with the reason they are not ranked for an award.
    """

    place: int | None
    id: str
    title: str
    unit: str
    score: Decimal
    n: int
    award: str | None
    flags: list[str]
    category: str = ""
    mean: Decimal | None = None
    median: Decimal | None = None
    tied_with: tuple[str, ...] = ()
    decided_by: str | None = None  # Chinese label of the tie-break that separated it
    note: str = ""  # method details, e.g. which marks the trimmed mean dropped
    status: RowStatus = RowStatus.RANKED
    status_reason: str = ""


@dataclass(frozen=True)
class ReReviewItem:
    """A submission whose experts' totals spread more than the rubric's threshold."""

    id: str
    title: str
    category: str
    spread: Decimal
    scores: dict[str, Decimal]  # expert → total, highest first
    reasons: list[str]
    max: Decimal = Decimal(0)
    min: Decimal = Decimal(0)


@dataclass(frozen=True)
class OutlierRow:
    """One flagged mark (scoring.disagreement.Outlier plus names for display)."""

    expert: str
    expert_name: str
    submission: str
    title: str
    category: str
    total: Decimal
    mean: Decimal
    reason: str


@dataclass(frozen=True)
class ExpertStats:
    """An expert's totals over all accepted marks; `offset` from the bias model."""

    expert: str
    name: str
    n: int
    mean: Decimal | None
    stdev: float | None  # sample standard deviation, None with fewer than 2 marks
    min: Decimal | None
    max: Decimal | None
    offset: Decimal | None  # fitted leniency b_e (positive = more lenient than the panel)
    recused: int = 0
    incomplete: int = 0
    version: int | None = None


@dataclass(frozen=True)
class AgreementStats:
    """Agreement within one category; None where the data do not allow a figure."""

    category: str
    icc: dict[str, float | None] | None
    kendall: tuple[float, float, int, float] | None  # (W, χ², df, p)
    alpha: float | None  # Krippendorff's α, interval, all marks (missing allowed)
    n_subs: int  # submissions with at least one mark
    n_experts: int  # experts with at least one mark in the category
    n_complete: int = 0  # submissions scored by all those experts (ICC and W use these)
    icc_ci: dict[str, tuple[float, float] | None] | None = None  # 95 % interval per form
    # Submissions with two marks or more: the units α can use (None: not counted, n_subs).
    n_pairable: int | None = None


@dataclass(frozen=True)
class QuotaTieRow:
    """Submissions sharing one place across the boundary of `award`'s quota."""

    category: str
    award: str
    place: int
    submissions: tuple[str, ...]
    slots: int  # how many of them the quota still has room for


@dataclass(frozen=True)
class Results:
    """Everything one method gives for one panel (see `engine.ResultsEngine`)."""

    method: str
    method_label: str
    rankings: dict[str, list[RankingRow]]
    re_review: list[ReReviewItem]
    outliers: list[OutlierRow]
    expert_stats: dict[str, ExpertStats]
    agreement: dict[str, AgreementStats]
    quota_ties: list[QuotaTieRow]
    unscored: dict[str, list[str]] = field(default_factory=dict)  # category → ids, no marks
    tie_break: tuple[str, ...] = ()
    # The organizer's decisions, each with what it did ("已生效") or why it did not.
    decisions: list[DecisionNote] = field(default_factory=list)


@dataclass(frozen=True)
class DecisionNote:
    """One organizer decision as the report prints it."""

    action: str  # as in the decisions file, e.g. "disqualify"
    label: str
    subjects: tuple[str, ...]
    reason: str
    by: str
    at: str
    effect: str
