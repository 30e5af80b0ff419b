"""The built-in demo: a realistic intake folder and the packet built from it.

`paneldesk demo OUT_DIR` writes both; the same packet, regenerated with
`python tools/make_demo_packet.py`, ships as `resources/demo/demo.panelpack` so the
app has something real to open on first run.  The demo packet is signed with the
public demo key (`app.keys.demo_signing_key`) — never with a user's own key — and its
id, title, creation time and (fictional) roster come from `resources/demo/demo.toml`.
"""

from __future__ import annotations

from pathlib import Path

from app.assembly.builder import BuildOptions, BuildReport, build_packet
from app.demo.content import load_demo
from app.demo.intake import write_demo_intake
from app.keys import demo_signing_key
from app.rubrics import load_default_rubric

DEMO_PACKET_NAME = "demo.panelpack"


def build_demo(out_dir: Path) -> tuple[Path, BuildReport]:
    """Write OUT_DIR/intake (the demo mails) and OUT_DIR/demo.panelpack built from it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    intake = write_demo_intake(out_dir)
    demo = load_demo()
    options = BuildOptions(rubric=load_default_rubric(), roster=list(demo.roster),
                           title=demo.title, packet_id=demo.packet_id, created=demo.created)
    report = build_packet(intake, out_dir / DEMO_PACKET_NAME, demo_signing_key(), options)
    return intake, report
