"""Remembered full verifications: only the very same file skips re-hashing."""

from __future__ import annotations

import os
from pathlib import Path

from app.packet.verified import NOTE_FILE, is_known_good, remember_good


def test_same_file_is_known_until_it_changes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    packet = tmp_path / "p.panelpack"
    packet.write_bytes(b"x" * 100)
    assert not is_known_good(packet, "sha256:aa", home)
    remember_good(packet, "sha256:aa", home)
    assert is_known_good(packet, "sha256:aa", home)
    assert not is_known_good(packet, "sha256:bb", home)  # another manifest
    stat = packet.stat()
    os.utime(packet, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert not is_known_good(packet, "sha256:aa", home)  # touched: verify again
    remember_good(packet, "sha256:aa", home)
    packet.write_bytes(b"y" * 101)
    assert not is_known_good(packet, "sha256:aa", home)  # rewritten


def test_a_broken_note_means_verify_again(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    packet = tmp_path / "p.panelpack"
    packet.write_bytes(b"x")
    (home / NOTE_FILE).write_text("[not, json", encoding="utf-8")
    assert not is_known_good(packet, "sha256:aa", home)
    remember_good(packet, "sha256:aa", home)  # replaces the broken note
    assert is_known_good(packet, "sha256:aa", home)
    assert not is_known_good(tmp_path / "gone.panelpack", "sha256:aa", home)
