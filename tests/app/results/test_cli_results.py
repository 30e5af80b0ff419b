"""`paneldesk results` end to end: experts score in their workspaces, export signed
sheets, the organizer imports them, then the results command writes the three files."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from app.cli import main
from tests.app.results.helpers import build_packet, sign_and_import

CATS = {"S1": "感动瞬间", "S2": "感动瞬间", "S3": "感动瞬间", "S4": "创新机制", "S5": "创新机制"}
FILLS = {
    "E1": {"S1": 88, "S2": 75, "S3": (55, {"flag": "suspect_untrue"}), "S4": 80,
           "S5": ("recused", "本人曾在该单位任职")},
    "E2": {"S1": 90, "S2": 77, "S3": 80, "S4": 82, "S5": 70},
    "E3": {"S1": 86, "S2": 74, "S3": 79, "S4": (78, {"comment": "机制清楚，数据完整"}),
           "S5": 71},
}


@pytest.fixture
def imported(tmp_path: Path, home: Path, db, db_url: str) -> tuple[Path, str]:
    packet = build_packet(tmp_path / "p.panelpack", CATS, list(FILLS))
    sign_and_import(packet, db, home, tmp_path, FILLS)
    return packet, db_url


def test_results_end_to_end(imported, tmp_path: Path, capsys) -> None:
    packet, url = imported
    out = tmp_path / "结果"
    assert main(["results", "--packet", str(packet), "--db", url, "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "评审结果：结果测试评审包（RES-2026）" in text
    assert "汇总方法：去掉一个最高分和一个最低分后取平均（trimmed）；有效评分 14 条，来自 3 位专家" in text
    assert "【感动瞬间】1. S1 申报S1：接诉即办暖人心 88.00 一等奖；2. S2" in text
    assert "【坚守故事】暂无有效评分" in text
    # S3: 80 − 55 = 25 > 20; S5: 2 valid scores of 3 (E1 recused)
    assert "复核清单：2 件（分差过大或评分不足）" in text
    assert ("评分不足（不参与评奖）：S5 申报S5：接诉即办暖人心：评分不足：有效评分 2 份，"
            "评奖至少需要 3 份") in text
    assert f"已写入：{out / 'results.xlsx'}、{out / 'report.docx'}、{out / 'results.json'}" in text
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert data["method"] == "trimmed"
    assert [(r["id"], r["place"], r["score"], r["n"]) for r in data["categories"]["创新机制"]] == [
        ("S4", 1, "80.0000", 3), ("S5", None, "70.5000", 2)]  # S5: too few scores
    wb = openpyxl.load_workbook(out / "results.xlsx")
    assert "方法对比" in wb.sheetnames and len(wb["排名-感动瞬间"]._charts) == 1
    matrix = {(r[0], r[3]): r for r in wb["评分矩阵"].iter_rows(min_row=5, values_only=True)}
    assert matrix["S5", "E1"][11] == "回避"
    assert matrix["S3", "E1"][12] == "疑似不实"
    assert matrix["S4", "E3"][13] == "机制清楚，数据完整"


def test_method_option(imported, tmp_path: Path, capsys) -> None:
    packet, url = imported
    out = tmp_path / "borda"
    assert main(["results", "--packet", str(packet), "--db", url, "--method", "borda",
                 "-o", str(out)]) == 0
    assert "波达计数" in capsys.readouterr().out
    assert json.loads((out / "results.json").read_text(encoding="utf-8"))["method"] == "borda"


def test_clear_one_line_errors(tmp_path: Path, db, db_url: str, capsys) -> None:
    packet = build_packet(tmp_path / "p.panelpack", CATS, list(FILLS))
    out = tmp_path / "out"
    base = ["results", "--packet", str(packet), "-o", str(out)]

    def error(argv: list[str]) -> str:
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
        return err

    assert "还没有任何有效评分" in error([*base, "--db", db_url])
    assert "未知的汇总方法“avg”" in error([*base, "--db", db_url, "--method", "avg"])
    missing = tmp_path / "nosuch.db"
    assert "不存在" in error([*base, "--db", f"sqlite:///{missing}"])
    assert not missing.exists()  # a typo never creates an empty database
    assert "无法打开组织方数据库" in error([*base, "--db", "nosuch://x"])
    assert "评审包" in error(["results", "--packet", str(tmp_path / "none.panelpack"),
                           "--db", db_url, "-o", str(out)])
    assert not out.exists()


def test_results_with_the_organizers_decisions(imported, tmp_path: Path, capsys) -> None:
    packet, url = imported
    decisions = tmp_path / "决定.json"
    decisions.write_text(json.dumps({"version": 1, "decisions": [
        {"action": "disqualify", "submission": "S1", "reason": "经核实材料不实",
         "by": "秘书处", "at": "2026-12-01T10:00:00Z"},
        {"action": "override_minimum", "submission": "S5", "reason": "回避后仍有两份评分，评审组同意排名"},
    ]}, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "结果"
    assert main(["results", "--packet", str(packet), "--db", url, "--decisions", str(decisions),
                 "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "【感动瞬间】1. S2" in text and "取消资格（不参与评奖）：S1" in text
    assert "组织方决定：取消评奖资格（S1）：经核实材料不实——已生效：不参与评奖" in text
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    rows = {r["id"]: r for r in data["categories"]["感动瞬间"] + data["categories"]["创新机制"]}
    assert (rows["S1"]["status"], rows["S1"]["place"], rows["S1"]["award"]) == (
        "excluded", None, None)
    assert (rows["S2"]["place"], rows["S5"]["status"], rows["S5"]["place"]) == (1, "ranked", 2)
    assert [d["action"] for d in data["decisions"]] == ["disqualify", "override_minimum"]
    assert data["decisions"][0]["by"] == "秘书处"
    wb = openpyxl.load_workbook(out / "results.xlsx")
    sheet = [[c.value for c in row] for row in wb["组织方决定"].iter_rows(min_row=5)]
    assert sheet[0][:3] == ["取消评奖资格", "S1", "经核实材料不实"]


def test_results_refuses_a_bad_decisions_file(imported, tmp_path: Path, capsys) -> None:
    packet, url = imported
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1, "decisions": [{"action": "disqualify", "submission": "S9",'
                   ' "reason": "x"}]}', encoding="utf-8")
    assert main(["results", "--packet", str(packet), "--db", url, "--decisions", str(bad),
                 "-o", str(tmp_path / "o")]) != 0
    assert "S9" in capsys.readouterr().err
