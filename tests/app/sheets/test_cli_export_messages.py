"""`paneldesk review export`'s first answers: no key (name the real command) and an
unknown expert ("no such expert", whatever the key's state)."""

from __future__ import annotations

from pathlib import Path

from app.cli import main


def test_without_a_key_it_names_key_init(packet_path: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "E1.xlsx"
    assert main(["review", "export", "--packet", str(packet_path), "--expert", "E1",
                 "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "paneldesk key init" in err and "key create" not in err
    assert not out.exists()


def test_an_unknown_expert_is_no_such_expert_with_the_known_ids(packet_path: Path,
                                                                 tmp_path: Path,
                                                                 capsys) -> None:
    assert main(["review", "export", "--packet", str(packet_path), "--expert", "E9",
                 "-o", str(tmp_path / "E9.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "E9" in err and "不在" in err and "E1" in err and "E2" in err
    assert "密钥" not in err
