"""results.xlsx: the organizer's results workbook, in Chinese, ready to print.

Sheets, in order: 概览; one 排名-<类别> per category (名次, 编号, 标题, 申报单位, 最终得分,
有效评分数, 奖项, 提示, then 平均分, 中位数, 备注, with a bar chart of the final scores);
评分矩阵 (every assigned expert × submission with criterion scores and total; a recusal
reads 回避, a missing score stays blank — never 0); 专家统计 (with a score-distribution
chart per expert); 复核清单; 离群评分; 一致性; and 方法对比 when a comparison is given.

Scores are stored unrounded (the exact Decimal) and *displayed* with a number format,
so a reader who widens a column sees the same value the ranking used.  Every text cell
is forced to a string: a title like "=HYPERLINK(…)" must never become a formula.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter

from app.atomic import save_atomic
from app.results.explain import (
    ALPHA_EXPLAIN,
    HEADLINE_ICC,
    ICC_EXPLAIN,
    ICC_NOTE,
    KENDALL_EXPLAIN,
    agreement_sentence,
    awards_text,
    invalid_text,
    method_reason,
    method_title,
    not_ranked_text,
    tie_break_text,
)
from app.results.model import STATUS_LABELS, Results
from app.results.outputs.stamped import stamped, workbook_writer
from app.results.outputs.xlsx_cells import (
    AWARD_FILL,
    HEAD_FONT,
    WRAP,
    header,
    printable,
    put,
    title,
    write_row,
)
from app.results.panel import Panel
from app.results.stats import band_of, score_bands
from scoring.aggregate import BORDA_SCALE, METHOD_LABELS
from scoring.agreement import ICC_FORMS
from scoring.totals import canonical_decimal

RANK_HEADERS = ("名次", "编号", "标题", "申报单位", "最终得分", "有效评分数", "奖项", "提示",
                "平均分", "中位数", "备注")
# 名次 is wide enough for a status (评分不足) in place of a place.
RANK_WIDTHS = (9, 8, 40, 30, 10, 8, 10, 34, 9, 9, 50)
HEADER_ROW = 4  # rows 1–3: title, method, note
RECUSED = "回避"

def sheet_title(prefix: str, name: str) -> str:
    """A valid, ≤ 31-character sheet name (Excel forbids []:*?/\\)."""
    clean = "".join("_" if ch in '[]:*?/\\' else ch for ch in ILLEGAL_CHARACTERS_RE.sub("", name))
    return f"{prefix}{clean}"[:31]


def write_workbook(panel: Panel, results: Results, path: Path, *,
                   generated: date | None = None,
                   comparison: dict[str, dict[str, int]] | None = None) -> Path:
    day = generated or date.today()
    wb = Workbook()
    _overview(wb.active, panel, results, day)
    for cat, rows in results.rankings.items():
        _ranking(wb.create_sheet(sheet_title("排名-", cat)), panel, results, cat, rows)
    _matrix(wb.create_sheet("评分矩阵"), panel)
    _experts(wb.create_sheet("专家统计"), panel, results)
    _re_review(wb.create_sheet("复核清单"), panel, results)
    _outliers(wb.create_sheet("离群评分"), panel, results)
    _agreement(wb.create_sheet("一致性"), results)
    if comparison:
        _comparison(wb.create_sheet("方法对比"), panel, comparison)
    _decisions(wb.create_sheet("组织方决定"), results)
    wb.properties.title = ILLEGAL_CHARACTERS_RE.sub("", f"评审结果 {panel.title}")
    wb.properties.creator = "PanelDesk 评审台"
    wb.properties.created = wb.properties.modified = datetime(day.year, day.month, day.day)
    save_atomic(stamped(workbook_writer(wb), day), path, "结果工作簿")
    return path


def _total_of(panel: Panel) -> dict[tuple[str, str], Any]:
    return {(m.expert, m.submission): m.total for m in panel.marks}


# ------------------------------------------------------------------ sheets

def _overview(ws: Any, panel: Panel, results: Results, generated: date) -> None:
    ws.title = "概览"
    rules = panel.rubric.aggregation
    accepted = panel.accepted_experts
    lines = [
        ("评审包", f"{panel.title}（编号 {panel.packet_id}）"),
        ("评审细则", f"{panel.rubric.name}（{panel.rubric.version}）"),
        ("汇总方法", method_title(results)),
        ("方法说明", method_reason(results.method, rules.trim_min_scores)),
        ("同分处理", tie_break_text(results.tie_break, panel.rubric)),
        ("奖项名额", awards_text(panel.rubric.awards)),
        ("专家", f"名单 {len(panel.experts)} 人，已接受评分表 {len(accepted)} 人"),
        ("有效评分", f"{len(panel.marks)} 条（回避 {len(panel.recusals)} 条，"
                     f"未完成 {len(panel.incomplete)} 条{invalid_text(panel)}，均不计为 0 分）"),
        ("分歧提示", f"分差超过 {rules.spread_threshold} 分的作品 {len(results.re_review)} 件"
                     f"（见“复核清单”），离群评分 {len(results.outliers)} 条（见“离群评分”）"),
        ("待评审组决定", f"跨越奖项线的并列 {len(results.quota_ties)} 处（见各排名表“提示”）"),
        ("不参与评奖", not_ranked_text(results)),
        ("组织方决定", f"{len(results.decisions)} 项（见“组织方决定”）"),
        ("生成日期", generated.isoformat()),
    ]
    title(ws, f"{panel.title} · 评审结果")
    for r, (label, text) in enumerate(lines, 3):
        put(ws, r, 1, label).font = HEAD_FONT
        put(ws, r, 2, text).alignment = WRAP
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 90
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _ranking(ws: Any, panel: Panel, results: Results, cat: str, rows: list) -> None:
    title(ws, f"{cat} · 排名", f"汇总方法：{method_title(results)}；名次按未四舍五入的得分排定，"
                              "得分显示两位小数",
           "提示：分差过大 / 离群分 / 并列跨越奖项线等仅供评审组复核，不改变分数")
    header(ws, HEADER_ROW, RANK_HEADERS, RANK_WIDTHS)
    r = HEADER_ROW
    for r, row in enumerate(rows, HEADER_ROW + 1):
        note = "；".join(x for x in (row.note, f"同分，按{row.decided_by}区分"
                                     if row.decided_by else "") if x)
        place = row.place if row.place is not None else STATUS_LABELS[row.status]
        hints = "；".join(x for x in (row.status_reason, *row.flags) if x)
        write_row(ws, r, [place, row.id, row.title, row.unit, row.score, row.n, row.award,
                          hints or None, row.mean, row.median, note or None],
                  {5: "0.00", 9: "0.00", 10: "0.00"})
        if row.award:
            ws.cell(r, 7).fill = AWARD_FILL
    for sid in results.unscored.get(cat, []):
        r += 1
        sub = panel.submissions[sid]
        write_row(ws, r, ["—", sid, sub.title, sub.unit, None, 0, None, "无有效评分，未排名"])
    printable(ws, HEADER_ROW, 3)
    # The chart sits beside the table on screen; the printout is the table alone, so
    # fit-to-width does not shrink it to make room for the chart.
    ws.print_area = f"A1:{get_column_letter(len(RANK_HEADERS))}{max(r, HEADER_ROW)}"
    if rows:
        chart = BarChart()
        chart.type, chart.style = "col", 10
        chart.title = ILLEGAL_CHARACTERS_RE.sub("", f"{cat} 最终得分")
        chart.y_axis.title, chart.x_axis.title = "最终得分", "编号"
        # Up to the category's full marks (Borda points run to 100), or the top score if a
        # rescaling method went past it.
        top = BORDA_SCALE if results.method == "borda" else panel.rubric.max_total(cat)
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = float(max([top, *(row.score for row in rows)]))
        chart.legend = None
        last = HEADER_ROW + len(rows)
        chart.add_data(Reference(ws, min_col=5, min_row=HEADER_ROW, max_row=last),
                       titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=2, min_row=HEADER_ROW + 1, max_row=last))
        chart.width, chart.height = max(16, min(60, len(rows) * 0.6)), 8
        ws.add_chart(chart, f"M{HEADER_ROW}")


def _matrix(ws: Any, panel: Panel) -> None:
    crits = panel.rubric.criteria
    headers = ("编号", "类别", "标题", "专家编号", "专家", *(c.name for c in crits), "总分",
               "标记", "评语", "回避理由")
    title(ws, "评分矩阵", "每位专家对每件分配作品的各项评分与总分；回避显示“回避”，"
                         "未评分留空（不计为 0 分）")
    header(ws, HEADER_ROW, headers, (8, 10, 30, 9, 10, *([8] * len(crits)), 8, 16, 40, 16))
    totals = _total_of(panel)
    pairs = {(e, s) for e, subs in panel.assignments.items() for s in subs}
    pairs |= set(panel.criteria) | set(panel.recusals)
    order = {s: i for i, s in enumerate(panel.submissions)}
    roster = {e: i for i, e in enumerate(panel.experts)}
    pairs = {p for p in pairs if p[0] in roster and p[1] in order}
    fmt = {c: "0.0" for c in range(6, 6 + len(crits) + 1)}
    for r, (expert, sid) in enumerate(sorted(pairs, key=lambda p: (order[p[1]], roster[p[0]])),
                                      HEADER_ROW + 1):
        sub, key = panel.submissions[sid], (expert, sid)
        scores = panel.criteria.get(key, {})
        recused = key in panel.recusals
        cells = [RECUSED] * len(crits) if recused else [scores.get(c.id) for c in crits]
        total = RECUSED if recused else totals.get(key)
        write_row(ws, r, [sid, sub.category, sub.title, expert, panel.experts[expert].name, *cells,
                     total, panel.flags.get(key), panel.comments.get(key),
                     panel.recusals.get(key) or None], fmt)
    printable(ws, HEADER_ROW, 6)


def _experts(ws: Any, panel: Panel, results: Results) -> None:
    headers = ("专家编号", "姓名", "单位", "评分表版本", "有效评分数", "回避", "未完成", "平均分",
               "标准差", "最低分", "最高分", "宽严偏差（拟合）")
    title(ws, "专家统计", "宽严偏差：加性模型拟合的专家偏移量，正数表示比专家组整体打分偏高",
           "每位专家的打分分布见下方分数段统计与图表")
    header(ws, HEADER_ROW, headers, (9, 10, 20, 10, 10, 6, 8, 9, 9, 9, 9, 14))
    stats = list(results.expert_stats.values())
    for r, s in enumerate(stats, HEADER_ROW + 1):
        info = panel.experts[s.expert]
        write_row(ws, r, [s.expert, s.name, info.organization or None,
                     f"第 {s.version} 版" + ("（部分）" if info.partial else "")
                     if s.version is not None else "未交回",
                     s.n, s.recused, s.incomplete, s.mean, s.stdev, s.min, s.max, s.offset],
             {8: "0.00", 9: "0.00", 10: "0.0", 11: "0.0", 12: "+0.00;-0.00;0.00"})
    printable(ws, HEADER_ROW, 3)
    # Distribution table: score bands × experts, counts computed here (no formulas, so
    # the values are there for any reader, cached or not).
    top = HEADER_ROW + len(stats) + 3
    put(ws, top - 1, 1, "分数段分布（件数）").font = HEAD_FONT
    names = [s.name for s in stats]
    header(ws, top, ["分数段", *names])
    bands = score_bands(panel.rubric)
    counts = {s.expert: [0] * len(bands) for s in stats}
    for m in panel.marks:
        counts[m.expert][band_of(m.total, bands)] += 1
    for i, (low, high) in enumerate(bands):
        label = f"{canonical_decimal(low)}–{canonical_decimal(high)}"
        write_row(ws, top + 1 + i, [label, *(counts[s.expert][i] for s in stats)])
    if stats:
        chart = BarChart()
        chart.type, chart.style = "col", 10
        chart.title = "各专家打分分布"
        chart.y_axis.title, chart.x_axis.title = "件数", "总分分数段"
        chart.add_data(Reference(ws, min_col=2, max_col=1 + len(stats), min_row=top,
                                 max_row=top + len(bands)), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=top + 1, max_row=top + len(bands)))
        chart.width, chart.height = 24, 10
        ws.add_chart(chart, f"A{top + len(bands) + 2}")
    # A small sheet: one printed page, so the chart is never cut by a page break.
    ws.print_title_rows = None
    ws.page_setup.fitToHeight = 1


def _re_review(ws: Any, panel: Panel, results: Results) -> None:
    experts = list(panel.experts.values())
    headers = ("编号", "类别", "标题", "分差", "最高分", "最低分", *(e.name for e in experts),
               "复核原因")
    threshold = panel.rubric.aggregation.spread_threshold
    title(ws, "复核清单", f"专家评分的最高分与最低分相差超过 {threshold} 分的作品（分差过大），"
                         "按分差从大到小，其后是评分不足或评分人数少的作品；所有评分均保留并计入汇总")
    header(ws, HEADER_ROW, headers, (8, 10, 30, 8, 8, 8, *([9] * len(experts)), 60))
    fmt = {c: "0.0" for c in range(4, 7 + len(experts))}
    r = HEADER_ROW
    for r, item in enumerate(results.re_review, HEADER_ROW + 1):
        cells = [item.scores.get(e.id, RECUSED if (e.id, item.id) in panel.recusals else None)
                 for e in experts]
        write_row(ws, r, [item.id, item.category, item.title, item.spread, item.max, item.min,
                     *cells, "\n".join(item.reasons)], fmt)
    printable(ws, HEADER_ROW, 4)
    r += 3
    put(ws, r, 1, "跨越奖项线的并列（须评审组决定，程序不作取舍）").font = HEAD_FONT
    header(ws, r + 1, ("类别", "奖项", "并列名次", "并列作品", "剩余名额"))
    for i, tie in enumerate(results.quota_ties, r + 2):
        write_row(ws, i, [tie.category, tie.award, tie.place, "、".join(tie.submissions), tie.slots])
    if not results.quota_ties:
        put(ws, r + 2, 1, "无")


def _outliers(ws: Any, panel: Panel, results: Results) -> None:
    rules = panel.rubric.aggregation
    title(ws, "离群评分", f"某位专家的总分偏离该作品平均分超过 ±{canonical_decimal(rules.outlier_percent)}%"
                         f"（或 |z| > {canonical_decimal(rules.outlier_z)}）时列出；仅提示，不剔除")
    header(ws, HEADER_ROW, ("编号", "类别", "标题", "专家编号", "专家", "该专家总分",
                             "作品平均分", "说明"), (8, 10, 30, 9, 10, 10, 10, 60))
    for r, o in enumerate(results.outliers, HEADER_ROW + 1):
        write_row(ws, r, [o.submission, o.category, o.title, o.expert, o.expert_name, o.total,
                     o.mean, o.reason], {6: "0.0", 7: "0.00"})
    printable(ws, HEADER_ROW, 4)


def _agreement(ws: Any, results: Results) -> None:
    headers = ("类别", "作品数", "专家数", "全员评分作品数", *ICC_FORMS,
               f"{HEADLINE_ICC} 95%下限", f"{HEADLINE_ICC} 95%上限", "肯德尔 W", "χ²",
               "自由度", "p 值", "克里彭多夫 α", "解读")
    title(ws, "专家一致性", "各类别内专家评分的一致程度；“—”表示数据不足无法计算；"
                         "“解读”说明数值能否作为结论（样本过少、不适用时不作解释）")
    header(ws, HEADER_ROW, headers,
           (12, 8, 8, 10, *([9] * len(ICC_FORMS)), 10, 10, 9, 9, 7, 9, 12, 60))
    r = HEADER_ROW
    for r, s in enumerate(results.agreement.values(), HEADER_ROW + 1):
        iccs = [s.icc.get(f) if s.icc else None for f in ICC_FORMS]
        interval = (s.icc_ci or {}).get(HEADLINE_ICC) or (None, None)
        kendall = list(s.kendall) if s.kendall else [None] * 4
        values = [s.category, s.n_subs, s.n_experts, s.n_complete, *iccs, *interval, *kendall,
                  s.alpha, agreement_sentence(s)]
        write_row(ws, r, ["—" if v is None else v for v in values],
                  {**{c: "0.000" for c in range(5, 14)}, 14: "0.00", 16: "0.0000", 17: "0.000"})
    r += 2
    put(ws, r, 1, "指标说明").font = HEAD_FONT
    lines = [ICC_NOTE, *(f"{form}：{text}" for form, text in ICC_EXPLAIN.items()),
             KENDALL_EXPLAIN, ALPHA_EXPLAIN]
    for i, line in enumerate(lines, r + 1):
        put(ws, i, 1, line)
    printable(ws, HEADER_ROW, 2)


def _comparison(ws: Any, panel: Panel, comparison: dict[str, dict[str, int]]) -> None:
    methods = list(comparison)
    title(ws, "方法对比", "同一批评分在不同汇总方法下的类别内名次，便于评审组判断结果是否稳健")
    header(ws, HEADER_ROW, ("编号", "类别", "标题", *(METHOD_LABELS[m] for m in methods),
                             "名次极差"), (8, 10, 30, *([12] * len(methods)), 9))
    r = HEADER_ROW
    for cat in panel.categories:
        for sid in panel.in_category(cat):
            places = [comparison[m].get(sid) for m in methods]
            known = [p for p in places if p is not None]
            if not known:
                continue
            r += 1
            write_row(ws, r, [sid, cat, panel.submissions[sid].title, *places,
                         max(known) - min(known)])
    printable(ws, HEADER_ROW, 4)


def _decisions(ws: Any, results: Results) -> None:
    title(ws, "组织方决定", "组织方对结果所作的每项决定、理由、决定人与时间，以及它产生的效果；"
                          "不带决定重新计算即得到仅由评分和评审细则决定的结果")
    header(ws, HEADER_ROW, ("决定", "作品", "理由", "决定人", "时间", "效果"),
           (18, 16, 50, 12, 20, 40))
    for r, note in enumerate(results.decisions, HEADER_ROW + 1):
        write_row(ws, r, [note.label, "、".join(note.subjects), note.reason, note.by or None,
                          note.at or None, note.effect])
    if not results.decisions:
        put(ws, HEADER_ROW + 1, 1, "无")
    printable(ws, HEADER_ROW, 2)
