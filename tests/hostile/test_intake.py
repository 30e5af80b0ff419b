"""Hostile intake entries through `read_entry` and `paneldesk packet build`: each entry
gets its outcome (rejected or skipped with a reason), nothing blocks, nothing is left
behind, and everything printed about an entry is escaped."""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cli
from app.intake.source import EntryError, read_entry
from app.workspace.locate import safe_component
from tests.app.assembly.test_builder import form, jpeg
from tests.hostile.builders import measured, within_budget

ROOT = Path(__file__).resolve().parents[2]


def zipped(members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def unix_socket(path: Path) -> Path:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(path))
    sock.close()
    return path


def folder(path: Path, files: dict[str, bytes | Callable[[Path], object]]) -> Path:
    path.mkdir()
    for name, data in files.items():
        if callable(data):
            data(path / name)
        else:
            (path / name).write_bytes(data)
    return path


def link(target: str) -> Callable[[Path], object]:
    return lambda p: p.symlink_to(target)


def bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("申报书.docx", form("某单位", "标题"))
        zf.writestr("big.txt", b"\0" * 50_000_000)
    return buf.getvalue()


# (case, make the entry at the path, expected: "rejected: words" or "skipped: words")
CASES = [
    ("top-level FIFO", fifo, "rejected: 不是普通文件"),
    ("top-level socket", unix_socket, "rejected: 不是普通文件"),
    ("top-level FIFO named .zip", lambda p: fifo(p.with_suffix(".zip")), "rejected: 不是普通文件"),
    ("FIFO inside a folder", lambda p: folder(p, {"申报书.docx": form("单位", "标题"), "pipe": fifo}),
     "skipped: 不是普通文件"),
    ("symlink entry", lambda p: p.symlink_to("/etc"), "rejected: 符号链接"),
    ("symlink inside a folder", lambda p: folder(p, {"申报书.docx": form("单位", "标题"),
                                                      "passwd": link("/etc/passwd")}),
     "skipped: 符号链接"),
    ("zip bomb member", lambda p: p.with_suffix(".zip").write_bytes(bomb()), "skipped: 压缩炸弹"),
    ("zip-slip member", lambda p: p.with_suffix(".zip").write_bytes(zipped({
        "申报书.docx": form("单位", "标题"), "../../evil.txt": b"x"})), "skipped: 路径不安全"),
    ("absolute member", lambda p: p.with_suffix(".zip").write_bytes(zipped({
        "申报书.docx": form("单位", "标题"), "/etc/evil": b"x"})), "skipped: 路径不安全"),
    ("not a zip named .zip", lambda p: p.with_suffix(".zip").write_bytes(b"PK\x03\x04junk"),
     "rejected: zip"),
    ("empty folder", lambda p: p.mkdir(), "rejected: 没有可读取的文件"),
    ("too deep folders", lambda p: (p.joinpath(*["d"] * 9).mkdir(parents=True),
                                    p.joinpath(*["d"] * 9, "x.txt").write_bytes(b"x")),
     "rejected: 没有可读取的文件"),
]


@pytest.mark.parametrize("case, make, expected", CASES, ids=[c[0] for c in CASES])
def test_hostile_entry_gets_its_outcome(tmp_path: Path, case: str, make, expected: str) -> None:
    make(tmp_path / "entry")
    [path] = [p for p in tmp_path.iterdir()]
    outcome, words = expected.split(": ")

    def read():
        return read_entry(path)

    result, seconds, _ = measured(read)
    within_budget(seconds, 0)
    if outcome == "rejected":
        assert isinstance(result, EntryError), (case, result)
        assert words in str(result) and path.name in str(result)
    else:
        assert not isinstance(result, Exception), (case, result)
        assert any(words in note for note in result.skipped), (case, result.skipped)


@pytest.mark.parametrize("name", ["CON", "con.x", "nul.txt", "COM1.tar.gz", "lpt9.log",
                                  "Aux.", "PRN.json"])
def test_windows_device_names_are_never_used_as_file_names(name: str) -> None:
    cleaned = safe_component(name)
    assert cleaned != name and cleaned.split(".")[0].upper() not in {
        "CON", "PRN", "AUX", "NUL", "COM1", "LPT9"}


@pytest.fixture
def organizer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PANELDESK_PASSPHRASE", "correct horse battery")
    assert cli.main(["key", "init"]) == 0
    return tmp_path


def test_a_fifo_does_not_hang_the_build(organizer: Path, capsys) -> None:
    intake = organizer / "intake"
    folder(intake, {})
    folder(intake / "01 正常", {"申报书.docx": form("某单位", "标题"), "照片.jpg": jpeg(1920, 1080)})
    fifo(intake / "02 管道")
    out = organizer / "p.panelpack"
    status, seconds, _ = measured(lambda: cli.main(["packet", "build", str(intake), "-o", str(out)]))
    assert status == 0 and seconds < 5 and out.is_file()
    assert "拒收：02 管道：" in capsys.readouterr().err


def test_every_entry_rejected_still_prints_reasons_and_writes_the_report(organizer: Path,
                                                                         capsys) -> None:
    intake = organizer / "intake"
    folder(intake, {"a.zip": b"PK\x03\x04junk", "empty": lambda p: p.mkdir()})
    report = organizer / "report.json"
    status = cli.main(["packet", "build", str(intake), "-o", str(organizer / "p.panelpack"),
                       "--report", str(report)])
    err = capsys.readouterr().err
    assert status == 1 and "全部被拒收或排除" in err
    assert "拒收：a.zip：" in err and "拒收：empty：" in err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["counts"] == {"entries": 2, "included": 0, "rejected": 2, "excluded": 0}
    assert not (organizer / "p.panelpack").exists()
    assert not list(organizer.glob(".p.panelpack.*.tmp"))


def test_entry_names_with_controls_are_escaped_in_progress(organizer: Path, capsys) -> None:
    intake = organizer / "intake"
    folder(intake, {})
    name = "01 \x1b[2J\x1b[32m[VALID 有效]\nforged\u202e"
    folder(intake / name, {"申报书.docx": form("某单位", "标题"), "照片.jpg": jpeg(1920, 1080)})
    assert cli.main(["packet", "build", str(intake), "-o", str(organizer / "p.panelpack")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "\nforged" not in err
    assert "\\x1b[2J" in err and "\\x0aforged\\u202e" in err


def test_sigterm_during_build_leaves_no_temporary_file(organizer: Path) -> None:
    intake = organizer / "intake"
    folder(intake, {})
    photo, doc = jpeg(2400, 1600), form("单位", "标题")
    for i in range(12):  # slow enough to be interrupted in the middle
        folder(intake / f"{i:02d} 单位", {"申报书.docx": doc, "照片.jpg": photo})
    out = organizer / "p.panelpack"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "app", "packet", "build", str(intake), "-o",
                             str(out)], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        # The first entry's progress line: the packet file is open, eleven entries to go.
        # Waiting on the line (not polling for the file) leaves the build no time to finish.
        seen = []
        for line in iter(proc.stderr.readline, ""):
            seen.append(line)
            if line.startswith("[1/"):
                break
        assert list(organizer.glob(".p.panelpack.*.tmp")), "the build never started writing"
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        err = "".join(seen) + err
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, err
    assert time.monotonic() - started < 10
    assert "已终止" in err and "Traceback" not in err
    assert not list(organizer.glob(".p.panelpack.*.tmp")) and not out.exists()
