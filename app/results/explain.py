"""Plain-Chinese wording shared by the workbook, the report and the GUI.

The thresholds are the customary reading guides, stated where they are used so a
secretariat can quote them: ICC after Koo & Li (2016) (< 0.5 较差, 0.5–0.75 一般,
0.75–0.9 良好, > 0.9 优秀); Kendall's W by the usual 0.1 / 0.3 / 0.5 / 0.7 steps;
Krippendorff's α after Krippendorff (2004) (≥ 0.8 可靠, ≥ 0.667 可作初步结论).

A figure is read as a finding only when it can carry one: ICC and Kendall's W need at
least `MIN_AGREEMENT_SUBMISSIONS` submissions scored by every expert of the category (α as
many scored by two experts or more), and
an ICC below 0 (possible with the ANOVA estimators when experts differ more than
submissions, typically on few data) is 不适用, not "较差".  The ICC is printed with its
95 % confidence interval (McGraw & Wong 1996), and a wide interval is called so.
"""

from __future__ import annotations

from decimal import Decimal

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.results.model import STATUS_LABELS, AgreementStats, Results, RowStatus
from app.results.panel import Panel
from scoring.aggregate import METHOD_REGISTRY
from scoring.ranking import tie_break_label
from scoring.rubric import Rubric
from scoring.totals import canonical_decimal

ICC_EXPLAIN = {
    "ICC(1,1)": "单一专家评分的可靠性，视专家为随机抽取，且不区分专家间的系统差异（单向随机）",
    "ICC(2,1)": "单一专家评分的绝对一致性，专家为随机样本（双向随机）",
    "ICC(3,1)": "单一专家评分的相对一致性，仅针对本组专家（双向混合，不计专家整体宽严）",
    "ICC(1,k)": "全体专家平均分的可靠性（单向随机）",
    "ICC(2,k)": "全体专家平均分的绝对一致性（双向随机）",
    "ICC(3,k)": "全体专家平均分的相对一致性（双向混合）",
}
KENDALL_EXPLAIN = ("肯德尔和谐系数 W：各专家对作品排出的先后次序是否一致，0 表示毫无一致，"
                   "1 表示完全一致；p 值小于 0.05 说明一致并非偶然（已作同分校正）")
ALPHA_EXPLAIN = ("克里彭多夫 α（等距）：专家打分的整体一致程度，允许有回避或未分配造成的缺失；"
                 "≥ 0.8 可靠，0.667–0.8 可作初步结论，更低则分歧较大")
ICC_NOTE = ("组内相关系数 ICC（Shrout & Fleiss 1979 六种形式）：分数差异中有多少来自作品本身"
            "而非专家；仅用全部专家都评了分的作品计算")


# The agreement sentence, in parts the interface translates (`Message`, context "Agreement").
AGREEMENT = "Agreement"
NO_MARKS = QT_TRANSLATE_NOOP("Agreement", "{category}：暂无有效评分。")
SENTENCE = QT_TRANSLATE_NOOP("Agreement", "{head}；{icc}{kendall}{alpha}。")
HEAD = QT_TRANSLATE_NOOP("Agreement", "{category}（{subs} 件作品、{experts} 位专家，"
                         "{complete} 件由全部专家评分）")
ICC_PART = QT_TRANSLATE_NOOP("Agreement", "专家平均分的可靠性 {reading}")
ICC_TOO_FEW = QT_TRANSLATE_NOOP("Agreement", "{form} 样本过少，不作解释：仅 {complete} 件作品由全部 "
                                "{experts} 位专家评分（至少需要 {minimum} 件）")
ICC_NEGATIVE = QT_TRANSLATE_NOOP("Agreement", "{form} 不适用：估计值为负（{value}），说明专家之间的"
                                 "差异不小于作品之间的差异，这个数值不表示一致程度")
ICC_VALUE = QT_TRANSLATE_NOOP("Agreement", "{form} = {value}，属“{word}”{interval}")
ICC_INTERVAL = QT_TRANSLATE_NOOP("Agreement", "（95% 置信区间 {low}～{high}）")
ICC_WIDE = QT_TRANSLATE_NOOP("Agreement", "（95% 置信区间 {low}～{high}，区间很宽，结论不稳）")
KENDALL_PART = QT_TRANSLATE_NOOP("Agreement", "；排序一致性 W = {w}（{word}，p = {p}，{significance}）")
KENDALL_TOO_FEW = QT_TRANSLATE_NOOP("Agreement", "；排序一致性 W 样本过少，不作解释")
ALPHA_PART = QT_TRANSLATE_NOOP("Agreement", "；整体一致程度 α = {alpha}（{word}）")
ALPHA_TOO_FEW = QT_TRANSLATE_NOOP("Agreement", "；整体一致程度 α 样本过少，不作解释：仅 {pairable} 件"
                                  "作品有两位以上专家评分（至少需要 {minimum} 件）")
SIGNIFICANT = QT_TRANSLATE_NOOP("Agreement", "一致性显著")
NOT_SIGNIFICANT = QT_TRANSLATE_NOOP("Agreement", "一致性不显著")
# The reading-guide words (icc_word, kendall_word, alpha_word), marked for the interface.
WORDS = (QT_TRANSLATE_NOOP("Agreement", "无法计算"), QT_TRANSLATE_NOOP("Agreement", "较差"),
         QT_TRANSLATE_NOOP("Agreement", "一般"), QT_TRANSLATE_NOOP("Agreement", "良好"),
         QT_TRANSLATE_NOOP("Agreement", "优秀"), QT_TRANSLATE_NOOP("Agreement", "很强"),
         QT_TRANSLATE_NOOP("Agreement", "较强"), QT_TRANSLATE_NOOP("Agreement", "中等"),
         QT_TRANSLATE_NOOP("Agreement", "较弱"), QT_TRANSLATE_NOOP("Agreement", "很弱"),
         QT_TRANSLATE_NOOP("Agreement", "可靠"), QT_TRANSLATE_NOOP("Agreement", "可作初步结论"),
         QT_TRANSLATE_NOOP("Agreement", "分歧较大"),
         QT_TRANSLATE_NOOP("Agreement", "分歧大于随机水平，不表示一致"))
MIN_AGREEMENT_SUBMISSIONS = 5  # fewer fully scored submissions: 样本过少, no reading
WIDE_INTERVAL = 0.5  # a 95 % interval wider than this is called too wide to conclude
HEADLINE_ICC = "ICC(2,k)"  # the reliability of the experts' mean, the figure that ranks


def fmt(value: float | None, places: int = 3) -> str:
    return "—" if value is None else f"{value:.{places}f}"


def icc_word(value: float | None) -> str:
    if value is None:
        return "无法计算"
    if value < 0.5:
        return "较差"
    if value < 0.75:
        return "一般"
    if value <= 0.9:
        return "良好"
    return "优秀"


def kendall_word(w: float) -> str:
    for limit, word in ((0.7, "很强"), (0.5, "较强"), (0.3, "中等"), (0.1, "较弱")):
        if w >= limit:
            return word
    return "很弱"


def alpha_word(alpha: float) -> str:
    if alpha < 0:
        return "分歧大于随机水平，不表示一致"
    if alpha >= 0.8:
        return "可靠"
    if alpha >= 0.667:
        return "可作初步结论"
    return "分歧较大"


def say(template: str, **args: object) -> Message:
    """A part of the agreement sentence (context "Agreement")."""
    return Message(AGREEMENT, template, **args)


def too_few(stats: AgreementStats) -> bool:
    return stats.n_complete < MIN_AGREEMENT_SUBMISSIONS


def alpha_too_few(stats: AgreementStats) -> bool:
    """α on fewer submissions than ICC and W need carries no reading either: one
    submission gives 0.000, two a negative value, whatever the experts did."""
    pairable = stats.n_subs if stats.n_pairable is None else stats.n_pairable
    return pairable < MIN_AGREEMENT_SUBMISSIONS


def icc_reading(stats: AgreementStats, form: str = HEADLINE_ICC) -> Message:
    """What the ICC of `form` says, in words: a value with its interval, or why none."""
    value = stats.icc.get(form) if stats.icc else None
    if value is None or too_few(stats):
        return say(ICC_TOO_FEW, form=form, complete=stats.n_complete, experts=stats.n_experts,
                   minimum=MIN_AGREEMENT_SUBMISSIONS)
    if value < 0:
        return say(ICC_NEGATIVE, form=form, value=fmt(value))
    interval: Message | str = ""
    if (stats.icc_ci or {}).get(form) is not None:
        low, high = stats.icc_ci[form]  # type: ignore[index]
        interval = say(ICC_WIDE if high - low > WIDE_INTERVAL else ICC_INTERVAL,
                       low=fmt(low), high=fmt(high))
    return say(ICC_VALUE, form=form, value=fmt(value), word=say(icc_word(value)),
               interval=interval)


def agreement_sentence(stats: AgreementStats) -> Message:
    """One plain sentence about a category's agreement, for the report and the GUI
    (a `Message`: the Chinese text, which the interface can translate)."""
    if stats.n_subs == 0:
        return say(NO_MARKS, category=stats.category)
    head = say(HEAD, category=stats.category, subs=stats.n_subs, experts=stats.n_experts,
               complete=stats.n_complete)
    icc = say(ICC_PART, reading=icc_reading(stats))
    kendall: Message | str = ""
    if stats.kendall is not None and too_few(stats):
        kendall = say(KENDALL_TOO_FEW)
    elif stats.kendall is not None:
        w, _chi2, _df, p = stats.kendall
        kendall = say(KENDALL_PART, w=fmt(w), word=say(kendall_word(w)), p=fmt(p, 4),
                      significance=say(SIGNIFICANT if p < 0.05 else NOT_SIGNIFICANT))
    alpha: Message | str = ""
    if stats.alpha is not None and alpha_too_few(stats):
        alpha = say(ALPHA_TOO_FEW, minimum=MIN_AGREEMENT_SUBMISSIONS,
                    pairable=stats.n_subs if stats.n_pairable is None else stats.n_pairable)
    elif stats.alpha is not None:
        alpha = say(ALPHA_PART, alpha=fmt(stats.alpha), word=say(alpha_word(stats.alpha)))
    return say(SENTENCE, head=head, icc=icc, kendall=kendall, alpha=alpha)


def method_reason(method: str, trim_min_scores: int) -> str:
    """Why the method was chosen (report: 方法及理由), from the method registry."""
    return METHOD_REGISTRY[method].reason.format(trim=trim_min_scores)


def tie_break_text(chain: tuple[str, ...] | list[str], rubric: Rubric) -> str:
    """The tie-break rule in words, each step labelled for `rubric` (its core criteria)."""
    if not chain:
        return "同分者并列同一名次"
    steps = "，再比".join(tie_break_label(name, rubric) for name in chain)
    return f"最终得分相同时，依次比较：{steps}；仍相同者并列同一名次"


def invalid_text(panel: Panel) -> str:
    """"、数值无效 2 条" when stored marks broke the rubric (an older database), else ""."""
    return f"、数值无效 {len(panel.invalid)} 条" if panel.invalid else ""


def awards_text(awards) -> str:
    """"<奖项> 1 名、<奖项> 2 名、<奖项> 30%（按该类别参评作品数向下取整）"."""
    if not awards:
        return "评审细则未设奖项名额"
    parts = []
    for a in awards:
        if a.count is not None:
            parts.append(f"{a.name} {a.count} 名")
        else:
            parts.append(f"{a.name} {canonical_decimal(Decimal(a.percent))}%（按该类别参评作品数向下取整）")
    return "每个类别：" + "、".join(parts)


def method_title(results: Results) -> str:
    return f"{METHOD_REGISTRY[results.method].label}（{results.method}）"


def not_ranked_text(results: Results) -> str:
    """"评分不足 2 件、重复申报 1 件（见各排名表）" — or "无"."""
    counts: dict[RowStatus, int] = {}
    for rows in results.rankings.values():
        for row in rows:
            if row.status != RowStatus.RANKED:
                counts[row.status] = counts.get(row.status, 0) + 1
    if not counts:
        return "无"
    parts = [f"{STATUS_LABELS[status]} {n} 件" for status, n in counts.items()]
    return "、".join(parts) + "（见各排名表“提示”）"
