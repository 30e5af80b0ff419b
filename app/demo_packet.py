"""The built-in demo: a realistic intake folder and the packet built from it.

`paneldesk demo OUT_DIR` writes both; the same packet, regenerated with
`python tools/make_demo_packet.py`, ships as `resources/demo/demo.panelpack` so the
app has something real to open on first run.  The demo packet is signed with the
public demo key (`app.keys.demo_signing_key`) — never with a user's own key — and its
roster is fictional.
"""

from __future__ import annotations

from pathlib import Path

from app.assembly.builder import BuildOptions, BuildReport, build_packet
from app.demo.intake import write_demo_intake
from app.keys import demo_signing_key
from app.model import Expert
from app.rubrics import load_default_rubric

DEMO_PACKET_ID = "DEMO-2026"
DEMO_TITLE = "2026年“12345的温度”创新实践评审包（演示）"
DEMO_CREATED = "2026-03-10T09:00:00Z"
DEMO_ROSTER = [
    Expert("E1", "林思远（演示）", "某大学公共管理学院"),
    Expert("E2", "陈若溪（演示）", "某数字政府研究院"),
    Expert("E3", "周启明（演示）", "某城市治理研究院"),
    Expert("E4", "吴佳宁（演示）", "某大学政府管理学院"),
    Expert("E5", "郑一帆（演示）", "某行政学院"),
    Expert("E6", "王书言（演示）", "某智库"),
    Expert("E7", "赵晨光（演示）", "某新闻媒体"),
]
DEMO_PACKET_NAME = "demo.panelpack"


def build_demo(out_dir: Path) -> tuple[Path, BuildReport]:
    """Write OUT_DIR/intake (the demo mails) and OUT_DIR/demo.panelpack built from it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    intake = write_demo_intake(out_dir)
    options = BuildOptions(rubric=load_default_rubric(), roster=list(DEMO_ROSTER),
                           title=DEMO_TITLE, packet_id=DEMO_PACKET_ID, created=DEMO_CREATED)
    report = build_packet(intake, out_dir / DEMO_PACKET_NAME, demo_signing_key(), options)
    return intake, report
