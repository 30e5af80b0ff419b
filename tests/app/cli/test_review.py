"""`paneldesk review set|show`: the workspace from scripts, errors as one Chinese line."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

import app.cli
from app.cli import main

_spec = importlib.util.spec_from_file_location(
    "paneldesk_crash_child", Path(__file__).parent.parent / "workspace" / "crash_child.py")
helpers = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = helpers
_spec.loader.exec_module(helpers)

FULL = ["温度=25", "效能=24.5", "authenticity=8", "典型性=7", "storytelling=8", "合规性=9"]


@pytest.fixture
def packet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(app.cli, "COMMAND_MODULES", ("app.cli.review",))
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "home"))
    return helpers.build_packet(tmp_path / "t.panelpack")


def review(packet: Path, *args: str, expert: str = "E1") -> list[str]:
    return ["review", args[0], "--packet", str(packet), "--expert", expert, *args[1:]]


def show(packet: Path, capsys: pytest.CaptureFixture[str], expert: str = "E1") -> dict:
    capsys.readouterr()
    assert main(review(packet, "show", "--json", expert=expert)) == 0
    return json.loads(capsys.readouterr().out)


def fails(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("paneldesk: ")
    return lines[0]


def test_set_scores_by_name_and_id_and_show_them(packet: Path, capsys) -> None:
    assert main(review(packet, "set", "S001", *FULL)) == 0
    out = capsys.readouterr().out
    assert "已保存 S001（专家 E1）" in out
    assert "温度（warmth）= 25" in out and "效能（efficacy）= 24.5" in out
    assert "状态：已评；总分：81.5" in out
    item = show(packet, capsys)["submissions"]["S001"]
    assert item["scores"] == {"warmth": "25", "efficacy": "24.5", "authenticity": "8",
                              "typicality": "7", "storytelling": "8", "compliance": "9"}
    assert item["total"] == "81.5" and item["status"] == "已评"


def test_comment_flags_and_required_comment_note(packet: Path, capsys) -> None:
    high = ["温度=30", "效能=30", "真实性=10", "典型性=10", "故事性=10", "合规性=10"]
    assert main(review(packet, "set", "S002", *high)) == 0
    assert "注意：总分高于90分，须填写评语" in capsys.readouterr().out
    assert main(review(packet, "set", "S002", "--comment", "典型案例，值得推广",
                       "--flag", "wrong_category:治理成效", "--flag", "pii_unmasked")) == 0
    out = capsys.readouterr().out
    assert "评语：已保存" in out and "标记：类别不符 → 治理成效" in out
    assert "状态：已评；总分：100" in out and "须填写评语" not in out
    assert main(review(packet, "set", "S002", "--unflag", "pii_unmasked")) == 0
    item = show(packet, capsys)["submissions"]["S002"]
    assert item["comment"] == "典型案例，值得推广"
    assert item["flags"] == {"wrong_category": "治理成效"}
    assert item["comment_required"] == "总分高于90分，须填写评语"


def test_recusal_blocks_scoring_until_withdrawn(packet: Path, capsys) -> None:
    assert main(review(packet, "set", "S003", "--recuse", "本人曾在该单位任职")) == 0
    assert "回避：本人曾在该单位任职" in capsys.readouterr().out
    line = fails(review(packet, "set", "S003", "温度=20"), capsys)
    assert "已声明回避" in line
    assert main(review(packet, "set", "S003", "温度=20", "--unrecuse",
                       "已离职五年，经组织方同意")) == 0
    out = capsys.readouterr().out
    assert "撤销回避：已离职五年" in out and "温度（warmth）= 20" in out
    item = show(packet, capsys)["submissions"]["S003"]
    assert item["recusal"] is None and item["scores"] == {"warmth": "20"}


def test_an_invalid_part_saves_nothing(packet: Path, capsys) -> None:
    assert "0.5 的整数倍" in fails(review(packet, "set", "S001", "温度=20", "效能=27.3"), capsys)
    assert "未知的标记" in fails(review(packet, "set", "S001", "温度=20", "--flag", "odd"),
                              capsys)
    assert "建议类别" in fails(review(packet, "set", "S001", "温度=20", "--flag",
                                  "suspect_untrue:创新机制"), capsys)
    assert "不是本次评审的类别" in fails(review(packet, "set", "S001", "温度=20", "--flag",
                                        "wrong_category:其他"), capsys)
    assert "回避原因" in fails(review(packet, "set", "S001", "温度=20", "--recuse", " "), capsys)
    summary = show(packet, capsys)
    assert summary["submissions"]["S001"]["scores"] == {}
    assert summary["progress"]["todo"] == 6


@pytest.mark.parametrize(("args", "expert", "words"), [
    (("S999", "温度=1"), "E1", "没有编号为“S999”"),
    (("S006", "温度=1"), "E2", "未分配给专家 E2"),
    (("S001", "温度=1"), "E9", "不在评审包"),
    (("S001", "热情=1"), "E1", "评分项“热情”不存在"),
    (("S001", "温度"), "E1", "评分项=分值"),
    (("S001", "温度=31"), "E1", "0 到 30"),
    (("S001", "温度=1", "warmth=2"), "E1", "出现了多次"),
    (("S001",), "E1", "没有要保存的内容"),
    (("S001", "--unrecuse", "没有回避过"), "E1", "未声明回避"),
])
def test_errors_are_one_clear_line(packet: Path, capsys, args: tuple[str, ...], expert: str,
                                   words: str) -> None:
    assert words in fails(review(packet, "set", *args, expert=expert), capsys)


def test_empty_value_clears_and_fullwidth_equals_works(packet: Path, capsys) -> None:
    assert main(review(packet, "set", "S001", "温度＝20", "效能=21")) == 0
    assert main(review(packet, "set", "S001", "温度=")) == 0
    assert "温度（warmth）= （已清除）" in capsys.readouterr().out
    assert show(packet, capsys)["submissions"]["S001"]["scores"] == {"efficacy": "21"}


def test_unreadable_packet_is_an_error_not_a_traceback(tmp_path: Path, packet: Path,
                                                      capsys) -> None:
    missing = tmp_path / "missing.panelpack"
    assert "找不到评审包" in fails(review(missing, "show"), capsys)
    garbage = tmp_path / "garbage.panelpack"
    garbage.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    fails(review(garbage, "set", "S001", "温度=1"), capsys)


def test_show_prints_a_readable_table(packet: Path, capsys) -> None:
    assert main(review(packet, "set", "S001", *FULL, "--comment", "第一行\n第二行")) == 0
    assert main(review(packet, "set", "S002", "温度=10")) == 0
    assert main(review(packet, "set", "S004", "--recuse", "亲属")) == 0
    capsys.readouterr()
    assert main(review(packet, "show")) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "评审包 TEST-2026 · 专家 E1 专家E1"
    assert out[1] == "身份确认：尚未确认；利益冲突声明：尚未声明"  # the CLI names the expert itself
    assert out[2].split()[:6] == ["编号", "类别", "状态", "总分", "温度", "效能"]
    s1 = next(line for line in out if line.startswith("S001"))
    assert s1.split()[:5] == ["S001", "感动瞬间", "已评", "81.5", "25"]
    assert "第一行 第二行" in s1
    assert next(line for line in out if line.startswith("S004")).split()[2] == "回避"
    assert out[-1] == "已评 1 / 6（进行中 1，未评 3，回避 1）"


def test_workspace_lives_under_paneldesk_home(packet: Path, tmp_path: Path, capsys) -> None:
    assert main(review(packet, "set", "S001", "温度=1")) == 0
    assert (tmp_path / "home" / "workspaces" / "TEST-2026" / "E1.sqlite").is_file()
