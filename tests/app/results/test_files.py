"""results.xlsx, report.docx and results.json opened again and checked; determinism;
LibreOffice converts the report (and the workbook) to PDF."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from app.results.engine import ResultsEngine
from app.results.outputs import write_outputs
from app.results.outputs.json_out import results_document
from app.sheets.orgdb import OrgDB
from scoring.aggregate import METHODS
from tests.app.results.helpers import accept_rows, build_packet, make_panel, panel_of

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
DAY1, DAY2 = date(2026, 4, 1), date(2026, 4, 2)

CATS = {"S1": "感动瞬间", "S2": "感动瞬间", "S3": "感动瞬间", "S4": "感动瞬间",
        "S5": "创新机制", "S6": "创新机制", "S7": "治理成效"}
MARKS = {
    "E1": {"S1": 90, "S2": 90, "S3": 85, "S4": 60, "S5": (70, {"comment": "机制完整"}),
           "S6": 75, "S7": ("recused", "曾在该单位任职")},
    "E2": {"S1": 90, "S2": 90, "S3": 86, "S4": 82, "S5": 72,
           "S6": (74, {"flags": "疑似不实"}), "S7": 80},
    "E3": {"S1": 90, "S2": 90, "S3": 84, "S4": 80, "S5": 71, "S6": 76, "S7": 81},
}
ASSIGN = {"E1": sorted(CATS), "E2": sorted(CATS), "E3": sorted(CATS)}
TITLES = {"S4": "=HYPERLINK(\"http://x\",\"点我\")", "S5": "治理<创新>&“闭环”\x07"}


@pytest.fixture
def panel(tmp_path, db):
    assign = {**ASSIGN, "E3": [*ASSIGN["E3"]]}
    return make_panel(tmp_path, db, MARKS, CATS, assign, titles=TITLES)[1]


@pytest.fixture
def written(panel, tmp_path):
    engine = ResultsEngine(panel)
    results = engine.results()
    files = write_outputs(panel, results, tmp_path / "out", comparison=engine.compare(),
                          generated=DAY1)
    return panel, results, files


def test_three_files_written(written, tmp_path) -> None:
    _panel, _results, files = written
    assert [p.name for p in files] == ["results.xlsx", "report.docx", "results.json"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "report.docx", "results.json", "results.xlsx"]  # no temp files left behind


def test_workbook_reopened(written) -> None:
    _panel, _results, files = written
    wb = openpyxl.load_workbook(files[0])
    assert wb.sheetnames == ["概览", "排名-感动瞬间", "排名-创新机制", "排名-坚守故事",
                             "排名-治理成效", "评分矩阵", "专家统计", "复核清单", "离群评分", "一致性",
                             "方法对比", "组织方决定"]
    ws = wb["排名-感动瞬间"]
    assert [c.value for c in ws[4]] == ["名次", "编号", "标题", "申报单位", "最终得分", "有效评分数",
                                        "奖项", "提示", "平均分", "中位数", "备注"]
    rows = [[c.value for c in row][:8] for row in ws.iter_rows(min_row=5, max_row=8)]
    assert [r[:2] + r[4:7] for r in rows] == [
        [1, "S1", 90, 3, None], [1, "S2", 90, 3, None], [3, "S3", 85, 3, "二等奖"],
        [4, "S4", pytest.approx(74, abs=1e-12), 3, "优秀案例"]]
    assert "并列跨越奖项线" in rows[0][7] and "分差过大" in rows[3][7]
    assert ws.cell(5, 5).number_format == "0.00"
    # A hostile title stays text, never a formula.
    assert ws.cell(8, 3).value == TITLES["S4"] and ws.cell(8, 3).data_type == "s"
    assert len(ws._charts) == 1
    assert len(wb["专家统计"]._charts) == 1
    # 创新机制: 一等奖 S6 (75), S5 (71): unrounded score stored, 2 decimals displayed.
    innov = wb["排名-创新机制"]
    assert [innov.cell(r, 2).value for r in (5, 6)] == ["S6", "S5"]
    assert innov.cell(6, 5).value == pytest.approx(71.0)


def test_no_header_is_wider_than_its_column(written) -> None:
    """A header wrapped inside a word (有效评分/数) reads as two words on paper."""
    from openpyxl.utils import get_column_letter

    wb = openpyxl.load_workbook(written[2][0])
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=4, max_row=4):
            for cell in row:
                text = cell.value if isinstance(cell.value, str) else ""
                if cell.fill.fgColor.rgb in (None, "00000000") or not text:
                    continue  # not a header cell
                needed = sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)
                width = ws.column_dimensions[get_column_letter(cell.column)].width
                assert width >= needed, (ws.title, text, width)


def test_matrix_shows_recusal_and_never_zero(written) -> None:
    wb = openpyxl.load_workbook(written[2][0])
    ws = wb["评分矩阵"]
    header = [c.value for c in ws[4]]
    assert header[:5] == ["编号", "类别", "标题", "专家编号", "专家"]
    assert header[5:11] == ["温度", "效能", "真实性", "典型性", "故事性", "合规性"]
    rows = {(r[0], r[3]): r for r in ws.iter_rows(min_row=5, values_only=True)}
    assert len(rows) == 21
    recused = rows["S7", "E1"]
    assert recused[5:12] == ("回避",) * 7 and recused[-1] == "曾在该单位任职"
    assert rows["S1", "E2"][11] == 90 and rows["S5", "E1"][13] == "机制完整"
    assert rows["S6", "E2"][12] == "疑似不实"


def test_matrix_leaves_missing_blank(tmp_path, db) -> None:
    # E2 is assigned S2 but never scored it: blank, not 0.
    path = build_packet(tmp_path / "m.panelpack", {"S1": "感动瞬间", "S2": "感动瞬间"},
                        ["E1", "E2"])
    accept_rows(db, "RES-2026", "E1", {"S1": 80, "S2": 70})
    accept_rows(db, "RES-2026", "E2", {"S1": 78}, partial=True)
    panel = panel_of(path, db)
    out = write_outputs(panel, ResultsEngine(panel).results(), tmp_path / "o", generated=DAY1)
    rows = {(r[0], r[3]): r for r in
            openpyxl.load_workbook(out[0])["评分矩阵"].iter_rows(min_row=5, values_only=True)}
    assert rows["S2", "E2"][5:12] == (None,) * 7
    assert rows["S2", "E1"][11] == 70


def test_expert_stats_review_and_agreement_sheets(written) -> None:
    wb = openpyxl.load_workbook(written[2][0])
    stats = {r[0]: r for r in wb["专家统计"].iter_rows(min_row=5, max_row=7, values_only=True)}
    assert stats["E1"][3:7] == ("第 1 版", 6, 1, 0)
    assert stats["E1"][7] == pytest.approx((90 + 90 + 85 + 60 + 70 + 75) / 6)
    review = list(wb["复核清单"].iter_rows(min_row=5, max_row=5, values_only=True))[0]
    assert review[:6] == ("S4", "感动瞬间", TITLES["S4"], 22, 82, 60)
    assert review[6:9] == (60, 82, 80) and review[9].startswith("分差过大：最高 82.0")
    texts = [c for row in wb["复核清单"].iter_rows(values_only=True) for c in row if c]
    assert "S1、S2" in texts and "一等奖" in texts  # the tie across the first prize line
    agreement = {r[0]: r for r in wb["一致性"].iter_rows(min_row=5, max_row=8, values_only=True)}
    assert agreement["感动瞬间"][1:4] == (4, 3, 4)
    assert agreement["坚守故事"][4] == "—"
    lines = [c.value for c in wb["一致性"]["A"] if isinstance(c.value, str)]
    assert any(line.startswith("肯德尔和谐系数 W") for line in lines)
    assert any(line.startswith("ICC(2,1)：") for line in lines)


def test_report_reopened(written) -> None:
    panel, _results, files = written
    doc = Document(str(files[1]))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["一、评审组", "二、汇总方法及理由", "三、各类别排名与奖项"]
    assert {"感动瞬间", "创新机制", "四、评分分歧及处理", "五、专家评分一致性"} <= set(headings)
    assert doc.paragraphs[0].text == "结果测试评审包\n评审结果报告"
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "本次采用：去掉一个最高分和一个最低分后取平均（trimmed）。" in text
    assert "待定：S1、S2 并列第 1 名，跨越“一等奖”名额线（尚余 1 个名额），请评审组决定。" in text
    assert "生成日期：2026-04-01" in text
    experts = doc.tables[0]
    assert [c.text for c in experts.rows[1].cells][:5] == ["E1", "专家E1", "某研究院", "第 1 版",
                                                           "6"]
    ranking = doc.tables[1]
    assert [c.text for c in ranking.rows[0].cells] == ["名次", "编号", "标题", "申报单位", "最终得分",
                                                       "评分数", "奖项", "提示"]
    assert [c.text for c in ranking.rows[3].cells][:7] == [
        "3", "S3", "申报S3：接诉即办暖人心", "S3市12345热线中心", "85.00", "3", "二等奖"]
    assert any("感动瞬间（4 件作品、3 位专家，4 件由全部专家评分）；专家平均分的可靠性 ICC(2,k) 样本过少" in p.text
               for p in doc.paragraphs)  # four submissions: too few to read an ICC
    # Markup and control characters in a title are text, never XML.
    assert doc.tables[2].rows[2].cells[2].text == "治理<创新>&“闭环”"


def test_report_styles_carry_east_asian_fonts(written) -> None:
    from docx.oxml.ns import qn

    doc = Document(str(written[2][1]))
    for name, font in (("Normal", "宋体"), ("Title", "黑体"), ("Heading 1", "黑体"),
                       ("Heading 2", "黑体")):
        rfonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
        assert rfonts.get(qn("w:eastAsia")) == font, name
        assert rfonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would override it
    lang = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"


def test_json_document(written) -> None:
    panel, results, files = written
    data = json.loads(files[2].read_text(encoding="utf-8"))
    assert data == results_document(panel, results)
    assert (data["method"], data["packet_id"], data["score_scale"]) == ("trimmed", "RES-2026", 4)
    assert list(data["categories"]) == ["感动瞬间", "创新机制", "坚守故事", "治理成效"]
    assert data["categories"]["感动瞬间"][3] == {
        "id": "S4", "title": TITLES["S4"], "place": 4, "score": "74.0000", "n": 3,
        "award": "优秀案例", "status": "ranked", "reason": ""}
    # E1 recused S7: 2 valid scores of 3 assigned experts are fewer than the minimum (all
    # three, as fewer than 5 are assigned) — listed, no place, no award.
    assert data["categories"]["治理成效"] == [
        {"id": "S7", "title": "申报S7：接诉即办暖人心", "place": None, "score": "80.5000", "n": 2,
         "award": None, "status": "insufficient_scores",
         "reason": "评分不足：有效评分 2 份，评奖至少需要 3 份"}]
    assert data["categories"]["坚守故事"] == []


# ----------------------------------------------------------------- determinism

def _cells(path: Path) -> dict:
    wb = openpyxl.load_workbook(path)
    return {(ws.title, c.coordinate): c.value for ws in wb for row in ws.iter_rows()
            for c in row if c.value is not None}


def _paragraphs(path: Path) -> list[str]:
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs] + [
        c.text for t in doc.tables for row in t.rows for c in row.cells]


def test_same_sheets_give_identical_results(panel, tmp_path, db_url) -> None:
    engine = ResultsEngine(panel)
    first = write_outputs(panel, engine.results(), tmp_path / "a",
                          comparison=engine.compare(), generated=DAY1)
    # A second organizer database filled in the opposite order, and another day.
    with OrgDB(f"sqlite:///{tmp_path / 'other.db'}") as other:
        for expert in reversed(MARKS):
            accept_rows(other, "RES-2026", expert, MARKS[expert])
        again = panel_of(tmp_path / "p.panelpack", other)
    engine_again = ResultsEngine(again)
    second = write_outputs(again, engine_again.results(), tmp_path / "b",
                           comparison=engine_again.compare(), generated=DAY2)
    assert first[2].read_bytes() == second[2].read_bytes()
    a, b = _cells(first[0]), _cells(second[0])
    differ = {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}
    assert differ == {("概览", "B15")} and a["概览", "B15"] == "2026-04-01"
    pa, pb = _paragraphs(first[1]), _paragraphs(second[1])
    assert len(pa) == len(pb)
    changed = [(x, y) for x, y in zip(pa, pb) if x != y]
    assert changed and all("2026-04-01" in x and x.replace("2026-04-01", "2026-04-02") == y
                           for x, y in changed)


def test_every_method_writes(panel, tmp_path) -> None:
    engine = ResultsEngine(panel)
    for method in METHODS:  # every registered method, a new one included
        results = engine.results(method)
        files = write_outputs(panel, results, tmp_path / method, generated=DAY1)
        assert json.loads(files[2].read_text(encoding="utf-8"))["method"] == method
        assert openpyxl.load_workbook(files[0])["概览"]["B5"].value.endswith(f"（{method}）")


def test_control_characters_in_names_are_dropped_not_fatal(panel, tmp_path) -> None:
    import dataclasses

    odd = dataclasses.replace(panel, title="结果\x07测试\x1b评审包")
    files = write_outputs(odd, ResultsEngine(odd).results(), tmp_path / "odd", generated=DAY1)
    assert Document(str(files[1])).paragraphs[0].text == "结果测试评审包\n评审结果报告"
    assert openpyxl.load_workbook(files[0])["概览"]["A1"].value == "结果测试评审包 · 评审结果"


def test_output_location_that_is_a_file_is_refused(panel, tmp_path) -> None:
    from app.errors import PanelDeskError

    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(PanelDeskError, match="不是文件夹"):
        write_outputs(panel, ResultsEngine(panel).results(), target)


# ------------------------------------------------------------------ LibreOffice

@pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"),
                    reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_report_and_workbook_to_pdf(written, tmp_path) -> None:
    files = written[2]
    out = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    for src in files[:2]:
        done = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless",
                               "--convert-to", "pdf", "--outdir", str(out), str(src)],
                              capture_output=True, timeout=180)
        assert done.returncode == 0, done.stderr
        pdf = out / (src.stem + ".pdf")
        assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-"
    import pymupdf

    with pymupdf.open(out / "report.pdf") as pdf:
        assert pdf.page_count >= 2
        text = "".join(page.get_text() for page in pdf)
    assert "S1" in text and "2026-04-01" in text and "评审结果报告" in text
