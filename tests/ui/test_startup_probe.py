"""What a bundle start relies on in `ui.entry`: `PANELDESK_STARTUP_PROBE`
(bench/bench_bundle.py: the app says when its review screen is complete, then quits — the
same probe for a venv start and a bundle start) and UTF-8 output whatever the code page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.packet import open_packet
from app.selftest import demo_packet_path
from app.workspace import ReviewSession
from ui.entry import STARTUP_PROBE_ENV

ROOT = Path(__file__).resolve().parents[2]


def test_a_probed_start_prints_when_the_review_screen_is_complete_and_quits(
        paneldesk_home: Path) -> None:
    with open_packet(demo_packet_path()) as packet, \
            ReviewSession(packet, packet.manifest.roster[0].id, paneldesk_home) as session:
        session.confirm_identity(None)  # a second start: no identity or conflict dialog
        session.declare_recusals({})
    env = dict(os.environ, PANELDESK_HOME=str(paneldesk_home), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT), **{STARTUP_PROBE_ENV: "1"})
    result = subprocess.run([sys.executable, "-m", "ui.entry", str(demo_packet_path())],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    ready = [line for line in result.stdout.splitlines() if line.startswith("PANELDESK_READY ")]
    assert ready and float(ready[0].split()[1]) > 0


def test_a_frozen_build_writes_utf8_whatever_the_code_page(tmp_path: Path) -> None:
    code = ("import io, sys; from ui import entry\n"
            "sys.stdout = io.TextIOWrapper(io.BytesIO(), encoding='cp1252')\n"
            "entry._utf8_output(); print('评审台', end=''); sys.stdout.flush()\n"
            "sys.__stdout__.write(sys.stdout.buffer.getvalue().decode('utf-8'))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8"),
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "评审台"
