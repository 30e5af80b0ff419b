"""More hostile packets, found by checking issue 14 from outside: `packet verify` refuses
each within 5 s and 300 MB, naming the file and the problem (the cases of
test_packets.py are not repeated)."""

from __future__ import annotations

import re
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app import cli
from app.keys import sign
from app.packet.writer import member_info
from tests.app.test_packet_roundtrip import sample_files, write_packet
from tests.hostile.builders import measured, within_budget
from tests.hostile.test_packets import KEY, manifest_dict, signed

RECORD = struct.Struct("<4sHHHHHHIIIHHHHHII")  # a central directory record, name follows


def directory_bomb(records: int, *, zip64: bool = False) -> Callable[[Path], None]:
    """A real packet whose central directory gets `records` more one-letter records
    (47 bytes each): zipfile would build an object for every one of them."""
    def build(path: Path) -> None:
        write_packet(path)
        data = path.read_bytes()
        end = data.rindex(b"PK\x05\x06")
        cd_offset, = struct.unpack_from("<I", data, end + 16)
        body = bytearray(data[:end])
        body += RECORD.pack(b"PK\x01\x02", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0) \
            + b"a"
        body += bytes(body[-47:]) * (records - 1)
        cd_size, count = len(body) - cd_offset, records + 3
        if zip64:
            end64 = len(body)
            body += struct.pack("<4sQ2H2I4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count,
                                cd_size, cd_offset)
            body += struct.pack("<4sIQI", b"PK\x06\x07", 0, end64, 1)
            body += struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                                0xFFFFFFFF, 0)
        else:
            body += struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, min(count, 0xFFFF),
                                min(count, 0xFFFF), cd_size, cd_offset, 0)
        path.write_bytes(bytes(body))
    return build


def two_manifests(signed_first: bool) -> Callable[[Path], None]:
    """manifest.json twice: the signed one and an edited one (which would a reader take?)."""
    def build(path: Path) -> None:
        good = signed(manifest_dict())
        evil = good.replace(b"PD-TEST", b"PD-EVIL", 1)
        with zipfile.ZipFile(path, "w") as zf, warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            for name, data in sample_files().items():
                zf.writestr(member_info(name, zipfile.ZIP_STORED), data)
            for body in ((good, evil) if signed_first else (evil, good)):
                zf.writestr(member_info("manifest.json", zipfile.ZIP_STORED), body)
            zf.writestr(member_info("manifest.sig", zipfile.ZIP_STORED), sign(KEY, good))
    return build


def _end_comment(path: Path) -> None:
    write_packet(path)
    data = path.read_bytes()
    path.write_bytes(data[:-2] + struct.pack("<H", 65535) + b"\x1b[2J" * 16383 + b"xxx")


CASES: list[tuple[str, Callable[[Path], object], str]] = [
    ("1 M one-letter directory records (was 4.7 s, 387 MB)", directory_bomb(1_000_000),
     "包含过多文件"),
    ("the same behind a zip64 end record", directory_bomb(1_000_000, zip64=True), "包含过多文件"),
    ("150 000 directory records", directory_bomb(150_000), "包含过多文件"),
    ("manifest.json twice, the signed one first", two_manifests(True), "重复"),
    ("manifest.json twice, the signed one last", two_manifests(False), "重复"),
    ("end record comment of 64 KB of escape sequences", _end_comment, "结构被改动"),
]


@pytest.mark.parametrize("case, build, expected", CASES, ids=[c[0] for c in CASES])
def test_more_hostile_packets_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys, case: str, build, expected: str) -> None:
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "home"))
    path = tmp_path / "p.panelpack"
    build(path)
    status, seconds, peak = measured(lambda: cli.main(["packet", "verify", str(path)]),
                                     memory=True)
    within_budget(seconds, peak)
    assert status == 1, case
    err = capsys.readouterr().err
    assert path.name in err and re.search(expected, err), (case, err)
    assert "Traceback" not in err and "内部错误" not in err and "\x1b" not in err


def test_an_honest_directory_of_many_members_is_counted_not_refused(tmp_path: Path) -> None:
    from app.packet.directory import check_directory_size
    from app.packet.limits import Limits

    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for i in range(2000):
            zf.writestr(f"S{i:04d}/E01.jpg", b"")
    with open(path, "rb") as fh:
        check_directory_size(path, fh, Limits(max_members=2000))
        with pytest.raises(Exception, match="过多"):
            check_directory_size(path, fh, Limits(max_members=1999))
