"""report.docx: the 评审结果报告 a secretariat can send as it is (python-docx).

Sections: 一、评审组 (experts, accepted sheet versions, fitted leniency); 二、汇总方法及理由;
三、各类别排名与奖项 (one table per category, ties across an award line spelt out, the
rows not ranked for an award with the reason); 四、评分分歧及处理 (re-review list,
outlying marks, experts' flags); 五、专家评分一致性 (plain sentences); 六、组织方决定 (each
decision, its reason, who, when and what it did); then the generated date and signature
lines.  Table header rows repeat on every page and no row is split across two pages.

Chinese rendering: every style used gets explicit fonts — 宋体 (body) / 黑体 (headings)
as w:eastAsia, Times New Roman / Arial for Latin — and the theme-font attributes of the
default template are removed, because Word, WPS and LibreOffice all let a theme font
override the explicit name.  The East-Asian language is set to zh-CN so line breaking and
punctuation follow Chinese rules.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from app.atomic import save_atomic
from app.results.explain import (
    agreement_sentence,
    awards_text,
    invalid_text,
    method_reason,
    method_title,
    tie_break_text,
)
from app.results.model import STATUS_LABELS, Results, RowStatus
from app.results.outputs.stamped import stamped
from app.results.panel import Panel
from scoring.totals import canonical_decimal, format_score

BODY_FONT, HEAD_FONT = ("宋体", "Times New Roman"), ("黑体", "Arial")
RANK_HEADERS = ("名次", "编号", "标题", "申报单位", "最终得分", "评分数", "奖项", "提示")
# cm; landscape A4 leaves 24.7 cm.  A header cell needs ~0.37 cm per character at 五号
# plus 0.38 cm of cell margins, so no header wraps (评分数: 3 characters → 1.8 cm).
RANK_WIDTHS = (1.2, 1.4, 6.0, 4.2, 2.0, 1.8, 2.0, 6.0)


def write_report(panel: Panel, results: Results, path: Path, *,
                 generated: date | None = None) -> Path:
    day = generated or date.today()
    return save_atomic(stamped(build_report(panel, results, day).save, day), path, "评审结果报告")


def build_report(panel: Panel, results: Results, generated: date) -> Any:
    doc = Document()
    _setup(doc)
    props = doc.core_properties
    props.title, props.author = _clean(f"{panel.title} 评审结果报告"), "PanelDesk 评审台"
    props.created = props.modified = datetime(generated.year, generated.month, generated.day)
    props.last_modified_by, props.revision = "PanelDesk 评审台", 1
    title = doc.add_paragraph(_clean(f"{panel.title}\n评审结果报告"), style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, f"评审包编号：{panel.packet_id}    评审细则：{panel.rubric.name}"
               f"（{panel.rubric.version}）    生成日期：{generated.isoformat()}")
    _panel_section(doc, panel, results)
    _method_section(doc, panel, results)
    _ranking_section(doc, panel, results)
    _disagreement_section(doc, panel, results)
    doc.add_heading("五、专家评分一致性", level=1)
    _para(doc, "一致性只描述专家之间打分是否相互印证，不改变任何分数或名次。")
    for stats in results.agreement.values():
        doc.add_paragraph(_clean(agreement_sentence(stats)), style="List Bullet")
    _decisions_section(doc, results)
    doc.add_heading("七、说明", level=1)
    _para(doc, "本报告由 PanelDesk 评审台根据已核验签名的专家评分表自动生成；评分明细、"
               "专家统计和一致性指标的完整数据见同批生成的 results.xlsx。"
               f"报告生成日期：{generated.isoformat()}。")
    _para(doc, "评审组组长（签字）：____________________    日期：____________")
    _para(doc, "组织方（盖章）：____________________    日期：____________")
    return doc


# ------------------------------------------------------------------ styles

def _fonts(style: Any, east_asian: str, latin: str, size: float | None = None) -> None:
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", east_asian),
                        ("w:cs", latin)):
        rfonts.set(qn(attr), value)
    rfonts.set(qn("w:hint"), "eastAsia")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")
    if size is not None:
        style.font.size = Pt(size)


def _setup(doc: Any) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin = section.bottom_margin = Cm(2.0)
    # docDefaults too: text outside any named style (table cells) must not fall back to
    # a Latin-only font either.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
            _fonts(_Wrap(rpr_default.find(qn("w:rPr"))), *BODY_FONT)
    _fonts(doc.styles["Normal"], *BODY_FONT, size=10.5)
    _fonts(doc.styles["Title"], *HEAD_FONT, size=20)
    for level, size in ((1, 15), (2, 13)):
        _fonts(doc.styles[f"Heading {level}"], *HEAD_FONT, size=size)
    _fonts(doc.styles["List Bullet"], *BODY_FONT)


class _Wrap:
    """Lets `_fonts` treat a bare w:rPr (docDefaults) like a style."""

    def __init__(self, rpr: Any) -> None:
        self._rpr = rpr
        self.element = self

    def get_or_add_rPr(self) -> Any:  # noqa: N802 — python-docx's name for it
        return self._rpr


def _clean(text: str) -> str:
    """`text` without the control characters XML (and so a .docx) cannot hold."""
    return _ILLEGAL.sub("", text)


def _para(doc: Any, text: str) -> Any:
    return doc.add_paragraph(_clean(text))


def _table(doc: Any, headers: Any, rows: list[list[str]], widths: Any = ()) -> Any:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    if widths:
        # LibreOffice lays out by the grid (w:gridCol), Word by the cells (w:tcW): set both.
        table.autofit = False
        for column, width in zip(table.columns, widths):
            column.width = Cm(width)
    for i, (cell, text) in enumerate(zip(table.rows[0].cells, headers)):
        cell.text = text
        if widths:
            cell.width = Cm(widths[i])
        for run in cell.paragraphs[0].runs:
            run.bold = True
    header = table.rows[0]._tr.get_or_add_trPr()  # noqa: SLF001 — python-docx has no API
    repeat = OxmlElement("w:tblHeader")  # header row repeats on every printed page
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    if rows:
        # The body rows are built as one XML fragment: python-docx's cell API re-walks
        # the table for every cell, which took most of a second for 300 submissions.
        twips = [int(Cm(w).twips) for w in widths] if widths else []
        body = "".join(_tr_xml(values, twips) for values in rows)
        fragment = parse_xml(f'<w:tbl xmlns:w="{_W_NS}">{body}</w:tbl>')
        for tr in list(fragment):
            table._tbl.append(tr)  # noqa: SLF001 — the table's XML, see above
    return table


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _tr_xml(values: list[str], twips: list[int]) -> str:
    cells = []
    for i, value in enumerate(values):
        width = f'<w:tcPr><w:tcW w:w="{twips[i]}" w:type="dxa"/></w:tcPr>' if twips else ""
        lines = _clean(value or "").split("\n")
        runs = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>'
                              for line in lines)
        cells.append(f"<w:tc>{width}<w:p><w:r>{runs}</w:r></w:p></w:tc>")
    # cantSplit: a row is never broken across two printed pages.
    return f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{''.join(cells)}</w:tr>"


# ----------------------------------------------------------------- sections

def _panel_section(doc: Any, panel: Panel, results: Results) -> None:
    doc.add_heading("一、评审组", level=1)
    accepted = panel.accepted_experts
    _para(doc, f"评审专家名单共 {len(panel.experts)} 人，其中 {len(accepted)} 人交回的评分表"
               f"已核验电子签名并被接受，计入有效评分 {len(panel.marks)} 条；回避 "
               f"{len(panel.recusals)} 条、未完成 {len(panel.incomplete)} 条{invalid_text(panel)}，"
               "均按缺失处理，"
               "不计为 0 分。")
    rows = []
    for s in results.expert_stats.values():
        info = panel.experts[s.expert]
        version = "未交回" if info.version is None else (
            f"第 {info.version} 版" + ("（部分评分）" if info.partial else ""))
        rows.append([s.expert, s.name, info.organization, version, str(s.n), str(s.recused),
                     "—" if s.mean is None else format_score(s.mean, 2),
                     "—" if s.offset is None else _signed(s.offset)])
    _table(doc, ("编号", "姓名", "单位", "评分表", "有效评分", "回避", "平均分", "宽严偏差"), rows,
           (1.6, 2.4, 6.0, 3.4, 2.0, 1.6, 2.0, 2.4))
    _para(doc, "宽严偏差为加性模型拟合的专家偏移量：正数表示该专家整体打分比专家组偏高，"
               "负数表示偏低。")


def _method_section(doc: Any, panel: Panel, results: Results) -> None:
    doc.add_heading("二、汇总方法及理由", level=1)
    rules = panel.rubric.aggregation
    _para(doc, f"本次采用：{method_title(results)}。")
    _para(doc, "理由：" + method_reason(results.method, rules.trim_min_scores))
    _para(doc, "每位专家对每件作品的总分为各评分项得分之和（按评审细则的权重），保留全部小数；"
               "名次按未四舍五入的最终得分在各类别内排定，表中得分显示两位小数。"
               + tie_break_text(results.tie_break, panel.rubric) + "。")
    _para(doc, "奖项名额：" + awards_text(panel.rubric.awards) + "。名额线恰好落在并列作品之间时，"
               "程序不作取舍，该组作品暂不授予此奖项，提请评审组决定。")


def _ranking_section(doc: Any, panel: Panel, results: Results) -> None:
    doc.add_heading("三、各类别排名与奖项", level=1)
    for cat, rows in results.rankings.items():
        doc.add_heading(_clean(cat), level=2)
        if not rows:
            _para(doc, "本类别暂无有效评分。")
            continue
        table_rows = [["—" if r.place is None else str(r.place), r.id, r.title, r.unit,
                       format_score(r.score, 2), str(r.n), r.award or "",
                       "；".join(_row_notes(r))] for r in rows]
        _table(doc, RANK_HEADERS, table_rows, RANK_WIDTHS)
        for tie in (t for t in results.quota_ties if t.category == cat):
            _para(doc, f"待定：{'、'.join(tie.submissions)} 并列第 {tie.place} 名，跨越“{tie.award}”"
                       f"名额线（尚余 {tie.slots} 个名额），请评审组决定。")
        missing = results.unscored.get(cat)
        if missing:
            _para(doc, f"无有效评分、未参与排名：{'、'.join(missing)}。")


def _disagreement_section(doc: Any, panel: Panel, results: Results) -> None:
    doc.add_heading("四、评分分歧及处理", level=1)
    rules = panel.rubric.aggregation
    _para(doc, f"分歧只作提示，所有评分均保留并计入汇总。规则：同一作品最高分与最低分相差超过 "
               f"{canonical_decimal(rules.spread_threshold)} 分列入复核清单（分差过大）；某位专家"
               f"的总分偏离该作品平均分超过 ±{canonical_decimal(rules.outlier_percent)}%，或 "
               f"|z| > {canonical_decimal(rules.outlier_z)}，标为离群分。")
    doc.add_heading(f"复核清单（{len(results.re_review)} 件）", level=2)
    if results.re_review:
        rows = [[item.id, item.category, item.title, format_score(item.spread, 1),
                 "；".join(f"{panel.experts[e].name} {format_score(v, 1)}"
                          for e, v in item.scores.items())] for item in results.re_review]
        _table(doc, ("编号", "类别", "标题", "分差", "各专家总分（从高到低）"), rows,
               (1.4, 2.0, 7.0, 1.6, 12.0))
    else:
        _para(doc, "无分差过大的作品。")
    doc.add_heading(f"离群评分（{len(results.outliers)} 条）", level=2)
    if results.outliers:
        rows = [[o.submission, o.title, o.expert_name, format_score(o.total, 1), o.reason]
                for o in results.outliers]
        _table(doc, ("编号", "标题", "专家", "该专家总分", "说明"), rows,
               (1.4, 7.0, 2.4, 2.4, 10.8))
    else:
        _para(doc, "无离群评分。")
    flagged = [(e, s, text) for (e, s), text in sorted(panel.flags.items())]
    if flagged:
        doc.add_heading(f"专家标记（{len(flagged)} 条）", level=2)
        rows = [[s, panel.submissions[s].title, panel.experts[e].name, text]
                for e, s, text in flagged]
        _table(doc, ("编号", "标题", "专家", "标记"), rows, (1.4, 9.0, 2.4, 11.0))


def _decisions_section(doc: Any, results: Results) -> None:
    doc.add_heading("六、组织方决定", level=1)
    if not results.decisions:
        _para(doc, "组织方未对结果作任何决定：名次与奖项完全由已接受的评分和评审细则决定。")
        return
    _para(doc, "以下决定均记录在组织方数据库的审计日志中；不带这些决定重新计算，"
               "即得到仅由评分和评审细则决定的结果。")
    rows = [[n.label, "、".join(n.subjects), n.reason, "，".join(x for x in (n.by, n.at) if x),
             n.effect] for n in results.decisions]
    _table(doc, ("决定", "作品", "理由", "决定人及时间", "效果"), rows,
           (3.2, 2.6, 8.4, 4.0, 6.4))


def _row_notes(row: Any) -> list[str]:
    notes = [f"{STATUS_LABELS[row.status]}，不参与评奖：{row.status_reason}"] \
        if row.status != RowStatus.RANKED else []
    notes += row.flags
    if row.decided_by:
        notes.append(f"同分，按{row.decided_by}区分")
    return notes


def _signed(value: Any) -> str:
    text = format_score(value, 2)
    return text if text.startswith("-") or text == "0.00" else "+" + text
