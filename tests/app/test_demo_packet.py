"""The demo: `paneldesk demo OUT_DIR` end to end, and the packet shipped in resources/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import cli
from app.demo import DEMO_EXPECTATIONS
from app.demo.content import load_demo
from app.packet import open_packet
from app.paths import resource_path

ALL_WARNINGS = {"word_count", "image_count", "image_format", "image_resolution", "pii_phone",
                "pii_id_number", "duplicate", "unreadable_file", "category_missing",
                "field_missing"}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    assert cli.main(["demo", str(out)]) == 0
    return out


def test_demo_command_builds_what_the_demo_plants(demo_dir: Path) -> None:
    report = json.loads((demo_dir / "demo-report.json").read_text(encoding="utf-8"))
    assert report["counts"]["rejected"] == 0
    got = {e["source"]: {"category": e["category"], "title": e["title"],
                         "warnings": sorted(set(e["warnings"]))}
           for e in report["entries"]}
    assert got == DEMO_EXPECTATIONS
    seen = {code for e in report["entries"] for code in e["warnings"]}
    assert seen == ALL_WARNINGS


def test_demo_packet_verifies(demo_dir: Path) -> None:
    with open_packet(demo_dir / "demo.panelpack") as packet:
        packet.verify_all()
        assert packet.manifest.packet_id == load_demo().packet_id


def test_shipped_demo_packet_is_current_and_valid(demo_dir: Path) -> None:
    shipped = resource_path("demo", "demo.panelpack")
    with open_packet(shipped) as packet, open_packet(demo_dir / "demo.panelpack") as fresh:
        packet.verify_all()
        # Regenerate with `python tools/make_demo_packet.py` when this fails.  File bytes
        # are left out: image encoders differ slightly between PyMuPDF releases.
        assert _content(packet) == _content(fresh)
        assert {s.category for s in packet.manifest.submissions} >= {
            "感动瞬间", "创新机制", "坚守故事", "治理成效"}


def _content(packet) -> list[dict]:
    subs = [s.to_dict() for s in packet.manifest.submissions]
    for sub in subs:
        for f in [sub["form"], *sub["evidence"]]:
            if f:
                f.pop("sha256"), f.pop("size")
    return subs
