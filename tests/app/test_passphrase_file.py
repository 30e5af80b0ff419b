"""Passphrases from files (--passphrase-file, --packet-passphrase-file): first line, text only."""

from __future__ import annotations

import os

import pytest

from app.errors import PanelDeskError
from app.keys import resolve_passphrase
from app.packet.sealed import passphrase_from


@pytest.mark.parametrize("read", [resolve_passphrase, passphrase_from])
def test_the_first_line_is_the_passphrase(tmp_path, read) -> None:
    path = tmp_path / "pass.txt"
    path.write_text("\ufeff正确的口令 with spaces\r\nsecond line\n", encoding="utf-8")
    assert read(str(path)) == "正确的口令 with spaces"


@pytest.mark.parametrize("read", [resolve_passphrase, passphrase_from])
@pytest.mark.parametrize("content", [b"\x00" * 5000, b"abc\x1b[2Jdef\n", b"\x7fELF\x02\x01\x01"])
def test_a_file_that_is_not_text_is_no_passphrase(tmp_path, read, content) -> None:
    """/dev/zero gave a passphrase of 4096 NUL characters that nobody could type again."""
    path = tmp_path / "pass.bin"
    path.write_bytes(content)
    with pytest.raises(PanelDeskError, match="控制字符|无法读取"):
        read(str(path))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_dev_zero_is_refused_quickly() -> None:
    with pytest.raises(PanelDeskError, match="控制字符"):
        passphrase_from("/dev/zero")
