"""ui.memory: the glibc tuning applies where it can and is harmless elsewhere."""

from __future__ import annotations

import sys

from ui.memory import release_large_buffers


def test_threshold_is_set_on_glibc_and_skipped_elsewhere(monkeypatch):
    if sys.platform.startswith("linux"):
        assert release_large_buffers() is True  # CI and this machine: glibc
    monkeypatch.setattr(sys, "platform", "win32")
    assert release_large_buffers() is False
