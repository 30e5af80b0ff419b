"""Shared fixtures for the GUI tests: an isolated user folder and real signed packets.

Packets are built here with the real `PacketWriter` and the public demo key, so the
window is tested against exactly what the reader accepts — no binaries are committed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from app.model import Expert, IntakeWarning, PacketFile, Submission
from tests.ui.review_helpers import (  # noqa: F401 — make_window, packet_path: fixtures
    in_english,
    make_window,
    packet_path,
    write_signed_packet,
)

CATEGORIES = ("感动瞬间", "创新机制", "坚守故事", "治理成效")


@pytest.fixture(autouse=True)
def paneldesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own PANELDESK_HOME: settings, caches and keys stay in tmp."""
    home = tmp_path / "home"
    monkeypatch.setenv("PANELDESK_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Record message boxes instead of showing them: a modal dialog would hang the test.

    Each entry is (kind, title, text); tests that expect a dialog assert on the list.
    """
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str, str]] = []

    def capture(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def fake(_parent: object, title: str, text: str, *_args: object,
                 **_kwargs: object) -> QMessageBox.StandardButton:
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return fake

    for kind in ("critical", "information", "warning", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, capture(kind))
    return shown


def make_submissions(count: int = 5) -> list[tuple[Submission, dict[str, bytes]]]:
    """`count` Chinese submissions with evidence files (name → bytes), varied warnings."""
    result = []
    for i in range(1, count + 1):
        sid = f"S{i:03d}"
        files: dict[str, bytes] = {
            f"{sid}/E1.jpg": b"\xff\xd8\xff\xe0" + f"photo {sid}".encode() * 50,
            f"{sid}/E2.pdf": b"%PDF-1.4\n" + f"report {sid}".encode() * 80,
        }
        packet_files = [
            PacketFile(name=name, original_name=original, role="evidence", kind=kind,
                       media_type=media, size=len(files[name]),
                       sha256=hashlib.sha256(files[name]).hexdigest(), width=w, height=h)
            for name, original, kind, media, w, h in (
                (f"{sid}/E1.jpg", f"现场照片{i}.jpg", "image", "image/jpeg", 1920, 1080),
                (f"{sid}/E2.pdf", f"媒体报道{i}.pdf", "pdf", "application/pdf", None, None),
            )
        ]
        warnings = []
        if i % 2 == 0:
            warnings.append(IntakeWarning("word_count", "详细内容约 300 字，少于要求的 500 字",
                                          field="body"))
        if i == 3:
            warnings.append(IntakeWarning("pii_phone", "详细内容中有未打码的手机号", field="body",
                                          spans=[[10, 21]]))
        sub = Submission(
            id=sid, category=CATEGORIES[(i - 1) % 4] if i != count else None,
            title=f"第{i}个暖心故事：热线接线员深夜守护独居老人",
            unit=f"某市12345政务服务便民热线中心{i}",
            fields={"highlights": f"亮点{i}：一小时内上门，三方联动解决难题。",
                    "body": "详细内容" * 100},
            text="全文" * 50, warnings=warnings, files=packet_files)
        result.append((sub, files))
    return result


def write_packet(path: Path, count: int = 5, *, title: str = "测试评审包（界面）",
                 packet_id: str = "UI-TEST") -> Path:
    """Write a signed packet with `count` submissions to `path`."""
    return write_signed_packet(path, make_submissions(count), packet_id=packet_id, title=title,
                               roster=[Expert("E1", "林思远", "某大学")],
                               rubric={"id": "ui-test", "name": "测试细则"})


@pytest.fixture
def packet_factory(tmp_path: Path) -> Callable[..., Path]:
    """Build packets on demand: `packet_factory(count=3, name="a.panelpack")`."""

    def build(count: int = 5, name: str = "test.panelpack", **kwargs: str) -> Path:
        return write_packet(tmp_path / name, count, **kwargs)

    return build


@pytest.fixture
def submissions() -> list[Submission]:
    """Five submissions (the last without a category; S002, S003, S004 with warnings)."""
    return [sub for sub, _files in make_submissions(5)]



@pytest.fixture
def english_here(qapp):
    """English for one test, then no translator at all (see `in_english`)."""
    with in_english():
        yield
