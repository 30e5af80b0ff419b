"""The review window's test helpers: a small signed packet, scripted dialogs, the window.

`packet_path` and `make_window` are fixtures (registered for tests/ui by conftest.py);
`Calls` stands in for the identity and recusal dialogs and records what was asked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from app.canonical import canonical_hash
from app.model import Expert, IntakeWarning, PacketFile, Submission
from app.rubrics import load_default_rubric
from ui.application import open_settings
from ui.review.identity_dialog import Identity
from ui.review.window import ReviewWindow
from ui.task_runner import SyncTaskRunner


def _submissions(count: int) -> list[tuple[Submission, dict[str, bytes]]]:
    cats = ("感动瞬间", "创新机制", "坚守故事", "治理成效")
    out = []
    for i in range(1, count + 1):
        sid = f"S{i:03d}"
        data = b"\xff\xd8\xff\xe0" + f"photo {sid}".encode() * 40
        files = {f"{sid}/E1.jpg": data}
        pfile = PacketFile(name=f"{sid}/E1.jpg", original_name=f"现场照片{i}.jpg", role="evidence",
                           kind="image", media_type="image/jpeg", size=len(data),
                           sha256=hashlib.sha256(data).hexdigest(), width=1920, height=1080)
        body = f"第{i}段：市民来电反映问题，热线当天派单，次日办结。联系电话13812345678。"
        warnings = [IntakeWarning("pii_phone", "疑似未脱敏手机号", field="body",
                                  spans=[[body.index("138"), body.index("138") + 11]])]
        sub = Submission(id=sid, category=cats[(i - 1) % 4], title=f"第{i}个暖心故事",
                         unit=f"某市12345热线{i}", fields={"highlights": f"亮点{i}", "body": body},
                         text=body, warnings=warnings if i == 2 else [], files=[pfile])
        out.append((sub, files))
    return out


def write_signed_packet(path: Path, entries: list[tuple[Submission, dict[str, bytes]]], *,
                        packet_id: str, title: str, roster: list[Expert],
                        rubric: dict[str, Any] | None = None) -> Path:
    """Sign `entries` (submission, its files) into `path` with the public demo key; every
    expert in `roster` is assigned everything; the default rubric unless one is given."""
    from app.keys import demo_signing_key
    from app.packet import Manifest, PacketWriter

    rubric = rubric if rubric is not None else load_default_rubric().to_dict()
    ids = [s.id for s, _ in entries]
    manifest = Manifest(
        packet_id=packet_id, title=title, created="2026-03-10T09:00:00Z",
        generator="tests/ui", rubric=rubric, rubric_hash=canonical_hash(rubric),
        roster=roster, assignments={e.id: list(ids) for e in roster},
        submissions=[s for s, _ in entries])
    with PacketWriter(path) as writer:
        for _sub, files in entries:
            for name, data in files.items():
                writer.add_file(name, data)
        writer.finish(manifest, demo_signing_key())
    return path


def write_review_packet(path: Path, count: int = 4, *, packet_id: str = "UI-REVIEW",
                        pinned: str | None = None) -> Path:
    """A packet with the default rubric, experts E1 and E2, everything assigned to both."""
    return write_signed_packet(
        path, _submissions(count), packet_id=packet_id, title="二〇二六年评审包（测试）",
        roster=[Expert("E1", "林思远", "某大学", pinned), Expert("E2", "陈若溪", "某研究院")])


@pytest.fixture
def packet_path(tmp_path: Path) -> Path:
    return write_review_packet(tmp_path / "review.panelpack")


class Calls:
    def __init__(self, recusals: dict[str, str] | None = None, expert: str = "E1") -> None:
        self.identify: list[str] = []
        self.declare: list[list[str]] = []
        self._recusals = recusals if recusals is not None else {}
        self._expert = expert

    def identify_fn(self, _window, packet):
        self.identify.append(packet.manifest.packet_id)
        return Identity(self._expert, None)

    def declare_fn(self, _window, subs, _existing):
        self.declare.append([s.id for s in subs])
        return dict(self._recusals)


@pytest.fixture
def make_window(qtbot, paneldesk_home):
    def make(calls: Calls | None = None, runner=None, writer=None) -> ReviewWindow:
        calls = calls or Calls()
        window = ReviewWindow(runner=runner or SyncTaskRunner(),
                              writer=writer or SyncTaskRunner(), settings=open_settings(),
                              home=paneldesk_home, identify=calls.identify_fn,
                              declare_recusals=calls.declare_fn)
        qtbot.addWidget(window)
        return window
    return make




@contextmanager
def in_english() -> Iterator[None]:
    """English inside the block, then no translator at all, as the suite starts: later
    tests click Qt's own buttons by their untranslated names ("Cancel")."""
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    app = QApplication.instance()
    i18n.install_translators(app, "en")
    try:
        yield
    finally:
        for translator in i18n.install_translators(app, "zh_CN"):
            app.removeTranslator(translator)
