"""`paneldesk packet info|verify` through `app.cli.main` on packets built in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import cli
from app.keys import demo_signing_key, fingerprint, format_fingerprint, public_key_bytes
from tests.app.test_packet_roundtrip import (
    flip_byte,
    handmade_packet,
    member_data_offset,
    write_packet,
)


@pytest.fixture(autouse=True)
def _commands(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("app.cli.key", "app.cli.packet"))


@pytest.fixture
def packet(tmp_path: Path) -> Path:
    path = tmp_path / "评审包.panelpack"
    write_packet(path)
    return path


def test_info_json_is_the_manifest_exactly(packet: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from app.packet import open_packet

    assert cli.main(["packet", "info", str(packet), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    with open_packet(packet) as opened:
        assert printed == json.loads(opened.manifest_bytes)
    first = printed["submissions"][0]
    assert {"id", "category", "title", "unit", "fields", "warnings", "evidence", "form"} <= set(first)
    assert first["warnings"] == [{"code": "image_count", "message": "图片数量不符合要求"}]
    assert printed["organizer_fingerprint"] == fingerprint(public_key_bytes(demo_signing_key()))


def test_info_summary_is_readable_chinese(packet: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["packet", "info", str(packet)]) == 0
    out = capsys.readouterr().out
    fp = format_fingerprint(fingerprint(public_key_bytes(demo_signing_key())))
    assert "评审包：测试评审包" in out and "PD-TEST-0001" in out and fp in out
    assert "评审细则：测试细则" in out and "温度 30" in out
    assert "E1  林思远（某大学）  分配 3 份" in out
    assert "S001  [感动瞬间]  实践标题1 — 某市12345热线1  警告 1 条  文件 2 个" in out
    assert "S003  [坚守故事]" in out


def test_verify_passes_on_a_good_packet(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from app.canonical import canonical_hash
    from app.rubrics import load_default_rubric

    # A good packet embeds a rubric that can drive a review (verify checks that too).
    rubric = load_default_rubric().to_dict()
    packet = tmp_path / "评审包.panelpack"
    write_packet(packet, rubric=rubric, rubric_hash=canonical_hash(rubric))
    assert cli.main(["packet", "verify", str(packet)]) == 0
    assert capsys.readouterr().out.startswith("评审包校验通过：")


def test_one_changed_byte_fails_verify_but_info_does_not_hash(
        packet: Path, capsys: pytest.CaptureFixture[str]) -> None:
    flip_byte(packet, member_data_offset(packet, "S001/E01.jpg") + 5000)
    # info checks the signature and the member list only (fast); verify hashes everything.
    assert cli.main(["packet", "info", str(packet), "--json"]) == 0
    capsys.readouterr()
    assert cli.main(["packet", "verify", str(packet)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and "S001/E01.jpg" in err and packet.name in err


def test_tampered_manifest_fails_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.panelpack"
    handmade_packet(path, after_signing=lambda b: b.replace(b"S001", b"S00X", 1))
    assert cli.main(["packet", "info", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "签名无效" in err and "bad.panelpack" in err


def test_not_a_packet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.panelpack"
    path.write_text("hello", encoding="utf-8")
    assert cli.main(["packet", "verify", str(path)]) == 1
    assert "不是有效的评审包" in capsys.readouterr().err
    assert cli.main(["packet", "info", str(tmp_path / "missing.panelpack")]) == 1
    assert "找不到评审包文件" in capsys.readouterr().err


def test_packet_group_lists_build_info_verify(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["packet"]) == 2
    out = capsys.readouterr().out
    assert "build" in out and "info" in out and "verify" in out
