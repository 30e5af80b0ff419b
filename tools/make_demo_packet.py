"""Regenerate the embedded demo packet `resources/demo/demo.panelpack`.

Run after changing the demo content, the rubric or the packet format:
    .venv/bin/python tools/make_demo_packet.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.demo.packet import DEMO_PACKET_NAME, build_demo  # noqa: E402


def main() -> int:
    target = ROOT / "resources" / "demo" / DEMO_PACKET_NAME
    with tempfile.TemporaryDirectory() as tmp:
        _, report = build_demo(Path(tmp))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(report.packet_path, target)
    print(f"{target}: {len(report.included)} submissions, {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
