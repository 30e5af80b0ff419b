"""Hostile and damaged packets: every one is refused with a clear PanelDeskError.

Each test also checks that opening the packet wrote nothing — not next to the packet,
not in the folder above it.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.errors import PanelDeskError
from app.keys import fingerprint, public_key_bytes
from app.packet import Limits, open_packet
from app.packet.writer import member_info
from tests.app.test_packet_roundtrip import (
    flip_byte,
    handmade_packet,
    member_data_offset,
    sample_files,
    write_packet,
)


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    # Symlinks are pytest's own "…current" bookkeeping links; they are not ours.
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns)
            for p in folder.rglob("*") if not p.is_symlink()}


@pytest.fixture
def packet_path(tmp_path: Path) -> Iterator[Path]:
    """The packet's path; afterwards, nothing but the packet may exist around it."""
    outside = tmp_path.parent
    before = {k: v for k, v in _snapshot(outside).items() if not k.startswith(tmp_path.name)}
    path = tmp_path / "p.panelpack"
    yield path
    after = {k: v for k, v in _snapshot(outside).items() if not k.startswith(tmp_path.name)}
    assert after == before, "something was written outside the test folder"
    assert [p.name for p in tmp_path.iterdir()] == ["p.panelpack"]


def header_at(data: bytearray, name: str, *, central: bool) -> int:
    """Offset of the local (or central directory) header of member `name`."""
    signature, name_at = (b"PK\x01\x02", 46) if central else (b"PK\x03\x04", 30)
    position = data.index(signature)
    while data[position + name_at:position + name_at + len(name)] != name.encode():
        position = data.index(signature, position + 4)
    return position


def refused(path: Path, match: str, limits: Limits | None = None) -> None:
    with pytest.raises(PanelDeskError, match=match) as info, \
            open_packet(path, limits) as packet:
        packet.verify_all()
    assert str(path) in str(info.value) or path.name in str(info.value)


# --- signature -----------------------------------------------------------------------------

def test_one_changed_byte_of_the_manifest_breaks_the_signature(packet_path: Path) -> None:
    def tamper(data: bytes) -> bytes:
        return data.replace("测试评审包".encode(), "测试评审色".encode(), 1)

    handmade_packet(packet_path, after_signing=tamper)
    refused(packet_path, "签名无效")


def test_a_flipped_byte_inside_the_stored_manifest_is_refused(packet_path: Path) -> None:
    write_packet(packet_path)
    start = member_data_offset(packet_path, "manifest.json")
    flip_byte(packet_path, start + 40)
    refused(packet_path, "签名无效|已损坏")


def test_a_swapped_organizer_key_is_visible_in_the_fingerprint(packet_path: Path) -> None:
    # Anyone can sign a packet with their own key; what protects experts is comparing
    # the organizer fingerprint, so it must be the signer's.
    other = Ed25519PrivateKey.generate()
    handmade_packet(packet_path, key=other)
    with open_packet(packet_path) as packet:
        assert packet.organizer_fingerprint == fingerprint(public_key_bytes(other))


def test_fingerprint_field_must_match_the_key(packet_path: Path) -> None:
    handmade_packet(packet_path,
                    edit_manifest=lambda d: d.update(organizer_fingerprint="0" * 40))
    refused(packet_path, "指纹与公钥不符")


def test_missing_signature_file(packet_path: Path) -> None:
    write_packet(packet_path)
    data = packet_path.read_bytes()
    with zipfile.ZipFile(packet_path, "w") as out, zipfile.ZipFile(io.BytesIO(data)) as src:
        for info in src.infolist():
            if info.filename != "manifest.sig":
                out.writestr(info, src.read(info))
    refused(packet_path, "缺少 manifest.sig")


# --- member content -----------------------------------------------------------------------

def test_a_changed_byte_in_a_member_names_the_member(packet_path: Path) -> None:
    files = sample_files()
    write_packet(packet_path, files)
    flip_byte(packet_path, member_data_offset(packet_path, "S002/E02.jpg") + 1000)
    with open_packet(packet_path) as packet:  # opening hashes nothing...
        assert packet.read("S001/E01.jpg") == files["S001/E01.jpg"]
        with pytest.raises(PanelDeskError, match="S002/E02.jpg.*SHA-256"):
            packet.read("S002/E02.jpg")
        with pytest.raises(PanelDeskError, match="S002/E02.jpg"):
            packet.verify_all()


def test_a_changed_byte_in_a_deflated_member_names_the_member(packet_path: Path) -> None:
    write_packet(packet_path)
    with zipfile.ZipFile(packet_path) as zf:
        info = zf.getinfo("S001/E02.txt")
    assert info.compress_type == zipfile.ZIP_DEFLATED
    flip_byte(packet_path, member_data_offset(packet_path, "S001/E02.txt") + info.compress_size // 2)
    with open_packet(packet_path) as packet, \
            pytest.raises(PanelDeskError, match="S001/E02.txt"):
        packet.read("S001/E02.txt")


def test_every_single_byte_change_fails_verification(tmp_path: Path) -> None:
    """Flip each byte of a small packet in turn: open+verify must refuse every variant."""
    files = {"S001/E01.jpg": bytes(range(256)) * 2, "S001/E02.txt": b"hello hotline " * 40,
             "S002/E01.txt": b"https://example.org\n"}
    good = tmp_path / "good.panelpack"
    write_packet(good, files)
    original = good.read_bytes()
    bad = tmp_path / "bad.panelpack"
    undetected = []
    for offset in range(len(original)):
        data = bytearray(original)
        data[offset] ^= 0x01 if offset % 2 else 0xFF
        bad.write_bytes(bytes(data))
        try:
            with open_packet(bad) as packet:
                packet.verify_all()
        except PanelDeskError:
            continue
        undetected.append(offset)
    assert undetected == []


def test_extra_member(packet_path: Path) -> None:
    write_packet(packet_path)
    with zipfile.ZipFile(packet_path, "a") as zf:
        zf.writestr(member_info("S001/extra.txt", zipfile.ZIP_STORED), b"smuggled")
    refused(packet_path, "清单之外的文件 S001/extra.txt")


def test_missing_member(packet_path: Path) -> None:
    handmade_packet(packet_path, skip=("S002/E01.pdf",))
    refused(packet_path, "缺少清单列出的文件 S002/E01.pdf")


@pytest.mark.parametrize("name", ["S001/E01.jpg", "manifest.json", "manifest.sig"])
def test_duplicate_names(packet_path: Path, name: str) -> None:
    handmade_packet(packet_path, extra=((member_info(name, zipfile.ZIP_STORED), b"second"),))
    refused(packet_path, "重复的文件名")


def test_size_differs_from_manifest(packet_path: Path) -> None:
    def shrink(d: dict[str, Any]) -> None:
        d["submissions"][0]["evidence"][0]["size"] -= 1

    handmade_packet(packet_path, edit_manifest=shrink)
    refused(packet_path, "大小与清单不符")


# --- names, links, flags --------------------------------------------------------------------

@pytest.mark.parametrize("name", ["../x", "/etc/x", "C:\\x", "a\\..\\b", "S001/../../x",
                                  "S001/\u202eevil.txt", "S001/é.txt", "S001/a b.txt"])
def test_zip_slip_names(packet_path: Path, name: str) -> None:
    info = zipfile.ZipInfo(name)
    handmade_packet(packet_path, extra=((info, b"pwned"),))
    refused(packet_path, "不安全的文件名")


def test_nul_byte_in_a_name(packet_path: Path) -> None:
    # zipfile cuts names at NUL when writing, so put the NUL in by patching the bytes.
    handmade_packet(packet_path, extra=((zipfile.ZipInfo("S001/xQ.txt"), b"x"),))
    packet_path.write_bytes(packet_path.read_bytes().replace(b"S001/xQ.txt", b"S001/x\x00.txt"))
    refused(packet_path, "不安全的文件名")


def test_symlink_member_not_in_manifest(packet_path: Path) -> None:
    link = member_info("S001/link", zipfile.ZIP_STORED)
    link.external_attr = 0o120777 << 16
    handmade_packet(packet_path, extra=((link, b"/etc/passwd"),))
    refused(packet_path, "符号链接")


def test_symlink_member_listed_in_manifest(packet_path: Path) -> None:
    handmade_packet(packet_path, attrs={"S003/E01.txt": 0o120777 << 16})
    refused(packet_path, "符号链接 S003/E01.txt")


def test_directory_entry_with_data(packet_path: Path) -> None:
    folder = zipfile.ZipInfo("S001/sub/")
    handmade_packet(packet_path, extra=((folder, b"hidden data"),))
    refused(packet_path, "带数据的目录条目")


def test_encrypted_member(packet_path: Path) -> None:
    handmade_packet(packet_path)
    # Set the "encrypted" flag bit in the central directory entry of one member.
    data = bytearray(packet_path.read_bytes())
    data[header_at(data, "S003/E01.txt", central=True) + 8] |= 0x01
    packet_path.write_bytes(bytes(data))
    refused(packet_path, "加密")


# --- sizes and bombs -----------------------------------------------------------------------

def test_oversized_member(packet_path: Path) -> None:
    write_packet(packet_path)
    refused(packet_path, "S001/E01.jpg 过大", Limits(max_file=150_000))


def test_total_size_limit(packet_path: Path) -> None:
    write_packet(packet_path)
    refused(packet_path, "总大小", Limits(max_total=300_000))


def test_manifest_size_limit(packet_path: Path) -> None:
    write_packet(packet_path)
    refused(packet_path, "清单过大", Limits(max_manifest=500))


def test_over_compressed_member(packet_path: Path) -> None:
    files = dict(sample_files(), **{"S003/zeros.bin": bytes(1024 * 1024)})
    handmade_packet(packet_path, files, compress={"S003/zeros.bin": zipfile.ZIP_DEFLATED})
    refused(packet_path, "压缩比异常.*S003/zeros.bin|S003/zeros.bin.*压缩比异常")


def test_a_member_that_inflates_past_its_declared_size(packet_path: Path) -> None:
    """Headers and manifest claim 1000 bytes; the deflate stream holds 900 KB of zeros."""
    files = dict(sample_files(), **{"S003/bomb.bin": bytes(900_000)})
    real_size = len(files["S003/bomb.bin"])

    def lie(d: dict[str, Any]) -> None:
        for f in d["submissions"][2]["evidence"]:
            if f["name"] == "S003/bomb.bin":
                f["size"] = 1000

    handmade_packet(packet_path, files, compress={"S003/bomb.bin": zipfile.ZIP_DEFLATED},
                    edit_manifest=lie)
    data = bytearray(packet_path.read_bytes())
    for central, size_at in ((False, 22), (True, 24)):  # "uncompressed size" fields
        position = header_at(data, "S003/bomb.bin", central=central)
        assert struct.unpack_from("<I", data, position + size_at)[0] == real_size
        struct.pack_into("<I", data, position + size_at, 1000)
    packet_path.write_bytes(bytes(data))
    with open_packet(packet_path) as packet:
        with pytest.raises(PanelDeskError, match="S003/bomb.bin.*比清单记录的长"):
            packet.read("S003/bomb.bin")
        with pytest.raises(PanelDeskError, match="S003/bomb.bin"):
            packet.verify_all()


# --- not a packet at all ---------------------------------------------------------------------

def test_not_a_zip(packet_path: Path) -> None:
    packet_path.write_text("这不是评审包", encoding="utf-8")
    refused(packet_path, "不是有效的评审包")


def test_empty_file(packet_path: Path) -> None:
    packet_path.write_bytes(b"")
    refused(packet_path, "不是有效的评审包")


@pytest.mark.parametrize("keep", [0.5, 0.99])
def test_truncated_packet(packet_path: Path, keep: float) -> None:
    write_packet(packet_path)
    data = packet_path.read_bytes()
    packet_path.write_bytes(data[:int(len(data) * keep)])
    refused(packet_path, "不是有效的评审包")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PanelDeskError, match="找不到评审包文件"):
        open_packet(tmp_path / "nope.panelpack")


def test_a_zip_without_manifest(packet_path: Path) -> None:
    with zipfile.ZipFile(packet_path, "w") as zf:
        zf.writestr("readme.txt", b"hello")
    refused(packet_path, "缺少 manifest.json")


# --- manifest content (validly signed, but wrong) -------------------------------------------

def test_newer_format_version(packet_path: Path) -> None:
    handmade_packet(packet_path, edit_manifest=lambda d: d.update(format_version=2))
    refused(packet_path, "格式版本为 2.*升级")


def _set(path: tuple[Any, ...], value: Any):
    def edit(d: dict[str, Any]) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value
    return edit


_DELETE = object()


@pytest.mark.parametrize(("path", "value", "match"), [
    (("format",), "zip", "不是 PanelDesk 评审包清单"),
    (("format_version",), "1", "format_version"),
    (("title",), 123, "title 类型错误"),
    (("roster",), _DELETE, "缺少 roster"),
    (("submissions", 0, "evidence", 0, "size"), "12", r"submissions\[0\]\.evidence\[0\]\.size"),
    (("submissions", 0, "evidence", 0, "name"), "../evil", "不安全"),
    (("submissions", 0, "fields"), {"unit": 5}, "fields"),
    (("submissions", 1, "id"), "S001", "申报编号 S001 重复"),
    (("assignments", "E1"), ["S404"], "S404 不存在"),
    (("assignments", "E9"), ["S001"], "E9 不在专家名单中"),
    (("rubric", "name"), "改过的细则", "rubric_hash"),
    (("submissions", 0, "warnings", 0, "spans"), [[1]], "spans"),
])
def test_malformed_manifest_fields(packet_path: Path, path: tuple[Any, ...], value: Any,
                                   match: str) -> None:
    handmade_packet(packet_path, edit_manifest=_set(path, value))
    refused(packet_path, match)


def test_deeply_nested_manifest_is_refused_not_a_crash(packet_path: Path) -> None:
    def nest(d: dict[str, Any]) -> None:
        deep: Any = "x"
        for _ in range(100_000):
            deep = [deep]
        d["extra"] = deep

    try:
        handmade_packet(packet_path, edit_manifest=nest)
    except RecursionError:
        # canonical_json itself cannot serialise it; write the raw JSON by hand instead.
        raw = b'{"a":' + b"[" * 200_000 + b"]" * 200_000 + b"}"
        with zipfile.ZipFile(packet_path, "w") as zf:
            zf.writestr("manifest.json", raw)
            zf.writestr("manifest.sig", bytes(64))
    refused(packet_path, "不是有效的 JSON|公钥|签名")


def test_error_messages_never_carry_control_characters(packet_path: Path) -> None:
    handmade_packet(packet_path, extra=((zipfile.ZipInfo("S001/\x1b[31mred"), b"x"),))
    with pytest.raises(PanelDeskError) as info:
        open_packet(packet_path)
    assert "\x1b" not in str(info.value)
    assert os.linesep not in str(info.value)
