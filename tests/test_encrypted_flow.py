"""A packet encrypted at rest, end to end through the command line: built with --encrypt,
shown (public header only without the passphrase), verified, reviewed, exported, imported
and ranked; a wrong or missing passphrase is one clear line; the submissions' text is
nowhere in the file's bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.packet import sealed
from app.packet.sealed import KdfParams
from scoring.rubric_file import load_rubric
from tests.test_second_rubric import RUBRIC, scores_for, write_intake

SECRET_BODY = "社区调查居民需求后"  # in every entry's 详细内容 (tests/test_second_rubric.py)


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PANELDESK_PASSPHRASE", "correct horse battery")
    monkeypatch.delenv(sealed.PASSPHRASE_ENV, raising=False)
    # The real cost (2^17) is tested once in tests/app/test_packet_sealed.py; here every
    # command opens the packet, and each would pay ~0.6 s.
    monkeypatch.setattr(sealed, "DEFAULT_KDF", KdfParams(10, 8, 1))

    def use(who: str) -> Path:
        home = tmp_path / "homes" / who
        monkeypatch.setenv("PANELDESK_HOME", str(home))
        return home

    return use


def run(*argv: object) -> None:
    assert main([str(a) for a in argv]) == 0, argv


def test_encrypted_packet_from_build_to_results(tmp_path: Path, homes, capsys,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    rubric = load_rubric(RUBRIC)
    criteria = [c.name for c in rubric.criteria]
    packet, db = tmp_path / "sealed.panelpack", f"sqlite:///{tmp_path / 'org.db'}"
    secret = tmp_path / "packet-pass.txt"
    secret.write_text("窗外的麻雀 7 只\n", encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text("编号,姓名,单位\nE1,专家E1,某研究院\n", encoding="utf-8")

    homes("organizer")
    run("key", "init")
    intake = write_intake(tmp_path / "intake")
    build = ("packet", "build", intake, "-o", packet, "--rubric", RUBRIC, "--roster", roster)
    assert main([str(a) for a in build + ("--encrypt",)]) == 1  # no passphrase: refused
    assert "--encrypt 需要评审包口令" in capsys.readouterr().err and not packet.exists()
    run(*build, "--encrypt", "--packet-passphrase-file", secret)
    assert packet.read_bytes().startswith(sealed.MAGIC)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    data = packet.read_bytes()
    for text in (SECRET_BODY, "银发食堂", "王芳", rubric.criteria[0].name):
        assert text.encode() not in data and text.encode("utf-16-le") not in data

    capsys.readouterr()
    run("packet", "info", packet)  # without the passphrase: the public header only
    public = capsys.readouterr().out
    assert "加密评审包" in public and "scrypt n=1024 r=8 p=1" in public
    assert "银发食堂" not in public and "E1" not in public
    run("packet", "info", packet, "--json")
    facts = json.loads(capsys.readouterr().out)
    assert facts["encrypted"] is True and facts["kdf"]["n"] == 1024 and "submissions" not in facts

    run("packet", "info", packet, "--json", "--packet-passphrase-file", secret)
    subs = [s["id"] for s in json.loads(capsys.readouterr().out)["submissions"]]
    assert len(subs) == 6
    run("packet", "verify", packet, "--packet-passphrase-file", secret)
    assert "加密评审包，每块均已认证" in capsys.readouterr().out

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("窗外的麻雀 8 只\n", encoding="utf-8")
    for argv in (("packet", "verify", packet, "--packet-passphrase-file", wrong),
                 ("review", "show", "--packet", packet, "--expert", "E1",
                  "--packet-passphrase-file", wrong)):
        assert main([str(a) for a in argv]) == 1
        err = capsys.readouterr().err
        assert "口令错误" in err and str(packet) in err and "Traceback" not in err
    assert main(["packet", "verify", str(packet)]) == 1
    assert "已加密：请提供评审包口令" in capsys.readouterr().err

    homes("E1")
    run("key", "init")
    monkeypatch.setenv(sealed.PASSPHRASE_ENV, "窗外的麻雀 7 只")  # the expert's other way
    for s, sid in enumerate(subs):
        run("review", "set", "--packet", packet, "--expert", "E1", sid,
            *scores_for(0, s, criteria))
    sheet = tmp_path / "E1.xlsx"
    run("review", "export", "--packet", packet, "--expert", "E1", "-o", sheet)

    homes("organizer")
    run("sheets", "import", sheet, "--packet", packet, "--db", db, "--accept-key", "E1")
    out = tmp_path / "results"
    monkeypatch.delenv(sealed.PASSPHRASE_ENV)
    run("results", "--packet", packet, "--db", db, "-o", out,
        "--packet-passphrase-file", secret)
    ranked = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert sum(len(rows) for rows in ranked["categories"].values()) == 6
