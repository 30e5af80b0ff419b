"""Hostile packets, each with its expected outcome: refused by `open_packet` +
`verify_all` (or `packet verify`) with a message naming the file and the problem,
within 5 s and 300 MB.  The manifest's signature is checked before it is parsed."""

from __future__ import annotations

import re
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app import cli
from app.canonical import canonical_json
from app.errors import PanelDeskError
from app.keys import b64, demo_signing_key, fingerprint, public_key_bytes, sign
from app.packet import open_packet
from app.packet.writer import member_info
from tests.app.test_packet_roundtrip import (
    flip_byte,
    handmade_packet,
    member_data_offset,
    sample_files,
    sample_manifest,
    write_packet,
)
from tests.hostile.builders import measured, within_budget

KEY = demo_signing_key()
PUBLIC = b64(public_key_bytes(KEY))


def raw_packet(path: Path, manifest: bytes | Callable[[zipfile.ZipFile], None], *,
               signature: bytes | None = None, stored: bool = True,
               members: dict[str, bytes] | None = None) -> None:
    """A packet written by hand: `manifest` bytes (or a function streaming them)."""
    with zipfile.ZipFile(path, "w") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for name, data in (members or {}).items():
            zf.writestr(member_info(name, zipfile.ZIP_STORED), data)
        if callable(manifest):
            manifest(zf)
        else:
            kind = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            zf.writestr(member_info("manifest.json", kind), manifest)
        sig = signature if signature is not None else (
            sign(KEY, manifest) if isinstance(manifest, bytes) else b"\0" * 64)
        zf.writestr(member_info("manifest.sig", zipfile.ZIP_STORED), sig)


def empty_objects(megabytes: int, *, deflate: bool) -> Callable[[zipfile.ZipFile], None]:
    """The issue's manifest: `[{},{},…]` of `megabytes` MB, streamed into the zip."""
    def write(zf: zipfile.ZipFile) -> None:
        info = member_info("manifest.json",
                           zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED)
        chunk = b"{}," * 350_000
        with zf.open(info, "w", force_zip64=True) as fh:
            fh.write(b'{"organizer_public_key":"' + PUBLIC.encode() + b'","x":[')
            for _ in range(megabytes * 1_000_000 // len(chunk)):
                fh.write(chunk)
            fh.write(b"{}]}")
    return write


def signed(data: dict) -> bytes:
    return canonical_json(data)


def manifest_dict(**changes) -> dict:
    data = sample_manifest(sample_files()).to_dict()
    data["organizer_public_key"] = PUBLIC
    data["organizer_fingerprint"] = fingerprint(public_key_bytes(KEY))
    data.update(changes)
    return data


def _duplicate_key(path: Path) -> None:
    # Signed with the real key, but the parsed (last) key is another one.
    other = b64(public_key_bytes(Ed25519PrivateKey.generate()))
    body = signed(manifest_dict())
    body = body[:-1] + b',"organizer_public_key":"' + other.encode() + b'"}'
    raw_packet(path, body, members=sample_files())


def _local_header_patch(path: Path, name: str, offset: int, fmt: str, value: int) -> None:
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    data = bytearray(path.read_bytes())
    struct.pack_into(fmt, data, info.header_offset + offset, value)
    path.write_bytes(bytes(data))


def _central_patch(path: Path, name: str, field_offset: int, fmt: str, value: int) -> None:
    data = bytearray(path.read_bytes())
    pos = data.index(b"PK\x01\x02")
    while data[pos + 46:pos + 46 + len(name)] != name.encode():
        pos = data.index(b"PK\x01\x02", pos + 4)
    struct.pack_into(fmt, data, pos + field_offset, value)
    path.write_bytes(bytes(data))


def _with_member(path: Path, info: zipfile.ZipInfo | str, data: bytes) -> None:
    handmade_packet(path, extra=((info, data),))


def _symlink(path: Path) -> None:
    handmade_packet(path, attrs={"S001/E01.jpg": (0o120777 << 16)})


def _bzip2(path: Path) -> None:
    handmade_packet(path, compress={"S001/E02.txt": zipfile.ZIP_BZIP2})


def _rubric_invalid(path: Path) -> None:
    from app.canonical import canonical_hash

    rubric = {"id": "x", "name": "坏细则", "criteria": "not a list"}
    write_packet(path, rubric=rubric, rubric_hash=canonical_hash(rubric))


def _deep(path: Path) -> None:
    body = b'{"organizer_public_key":"' + PUBLIC.encode() + b'","x":' + b"[" * 200_000 \
        + b"]" * 200_000 + b"}"
    raw_packet(path, body)


def _values(path: Path) -> None:
    # A valid signature (anyone can sign) over 3 M tiny values, stored (passes the ratio).
    body = b'{"organizer_public_key":"' + PUBLIC.encode() + b'","x":[' + b"0," * 3_000_000 + b"0]}"
    raw_packet(path, body)


# (case, builder, expected message) — every packet must be refused, naming the problem.
CASES: list[tuple[str, Callable[[Path], object], str]] = [
    ("60 MB [{},…] manifest deflated to 60 KB, bad signature",
     lambda p: raw_packet(p, empty_objects(60, deflate=True)), "压缩比异常"),
    ("60 MB [{},…] manifest stored, bad signature",
     lambda p: raw_packet(p, empty_objects(60, deflate=False)), "签名无效"),
    ("3 M values, validly self-signed", _values, "过多条目"),
    ("200 000 nested arrays, validly self-signed", _deep, "不是有效的 JSON"),
    ("organizer key given twice", _duplicate_key, "公钥与签名所用的公钥不一致"),
    ("no organizer key", lambda p: raw_packet(p, b'{"a":1}'), "缺少有效的组织方公钥"),
    ("organizer key too short", lambda p: raw_packet(
        p, b'{"organizer_public_key":"' + b64(b"x" * 16).encode() + b'"}'), "缺少有效的组织方公钥"),
    ("signed bytes that are not JSON", lambda p: raw_packet(
        p, b'{"organizer_public_key":"' + PUBLIC.encode() + b'",,}'), "不是有效的 JSON"),
    ("signed JSON that is not a manifest", lambda p: raw_packet(
        p, signed({"organizer_public_key": PUBLIC})), "不是 PanelDesk 评审包清单"),
    ("signature of the wrong length", lambda p: raw_packet(
        p, signed(manifest_dict()), signature=b"\0" * 63, members=sample_files()), "签名文件"),
    ("manifest changed after signing", lambda p: handmade_packet(
        p, after_signing=lambda b: b.replace("测试".encode(), "测验".encode(), 1)), "签名无效"),
    ("fingerprint field of another key", lambda p: handmade_packet(
        p, edit_manifest=lambda d: d.update(organizer_fingerprint="0" * 40)), "指纹与公钥不符"),
    ("newer format version", lambda p: handmade_packet(
        p, edit_manifest=lambda d: d.update(format_version=99)), "请升级"),
    ("rubric hash that does not match", lambda p: handmade_packet(
        p, edit_manifest=lambda d: d.update(rubric_hash="sha256:" + "0" * 64)), "rubric_hash"),
    ("not a zip", lambda p: p.write_bytes(b"hello"), "不是有效的评审包"),
    ("empty file", lambda p: p.write_bytes(b""), "不是有效的评审包"),
    ("truncated packet", lambda p: (write_packet(p), p.write_bytes(p.read_bytes()[:-200])),
     "不是有效的评审包|已损坏|结构"),
    ("member outside the manifest", lambda p: _with_member(p, member_info("S009/x.txt", 0), b"x"),
     "清单之外"),
    ("member missing", lambda p: handmade_packet(p, skip=("S002/E01.pdf",)), "缺少清单列出"),
    ("zip-slip member name", lambda p: _with_member(p, "../evil.txt", b"x"), "不安全"),
    ("absolute member name", lambda p: _with_member(p, "/etc/evil", b"x"), "不安全"),
    ("backslash member name", lambda p: _with_member(p, "S001\\..\\x", b"x"), "不安全"),
    ("drive-letter member name", lambda p: _with_member(p, "C:x.txt", b"x"), "不安全"),
    ("non-ASCII member name", lambda p: _with_member(p, "S001/证明.jpg", b"x"), "不安全"),
    ("duplicate member name", lambda p: _with_member(p, member_info("S001/E01.jpg", 0), b"x"),
     "重复"),
    ("symlink member", _symlink, "符号链接"),
    ("encrypted member flag", lambda p: (write_packet(p), _central_patch(
        p, "S001/E01.jpg", 8, "<H", 1)), "加密"),
    ("unsupported compression", _bzip2, "不支持的压缩方式"),
    ("member size not as listed", lambda p: handmade_packet(
        p, edit_manifest=lambda d: d["submissions"][0]["evidence"][0].update(size=5)),
     "大小与清单不符"),
    ("changed byte in a member", lambda p: (write_packet(p), flip_byte(
        p, member_data_offset(p, "S001/E01.jpg") + 999)), "已损坏"),
    ("local header name differs", lambda p: (write_packet(p), _local_header_patch(
        p, "S001/E01.jpg", 30, "<B", ord("X"))), "已损坏|结构"),
    ("embedded rubric invalid", _rubric_invalid, "评审细则无效"),
]


@pytest.mark.parametrize("case, build, expected", CASES, ids=[c[0] for c in CASES])
def test_hostile_packet_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys,
                                   case: str, build, expected: str) -> None:
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "home"))
    path = tmp_path / "p.panelpack"
    build(path)

    def verify() -> int:
        return cli.main(["packet", "verify", str(path)])

    heavy = path.stat().st_size > 5_000_000 or "60 MB" in case
    status, seconds, peak = measured(verify, memory=heavy)
    within_budget(seconds, peak)
    assert status == 1, case
    err = capsys.readouterr().err
    assert path.name in err, err
    assert re.search(expected, err), (case, err)
    assert "Traceback" not in err and "内部错误" not in err


def test_the_manifest_is_not_parsed_before_its_signature(tmp_path: Path, monkeypatch) -> None:
    from app.packet import reader

    parsed: list[int] = []
    real_loads = reader.json.loads
    monkeypatch.setattr(reader.json, "loads",
                        lambda data, *a, **k: parsed.append(len(data)) or real_loads(data, *a, **k))
    path = tmp_path / "p.panelpack"
    handmade_packet(path, after_signing=lambda b: b.replace(b"PD-TEST", b"PD-EVIL", 1))
    with pytest.raises(PanelDeskError, match="签名无效"):
        open_packet(path)
    assert parsed == []


def test_an_honest_repetitive_manifest_still_opens(tmp_path: Path) -> None:
    files = sample_files()
    manifest = sample_manifest(files)
    for sub in manifest.submissions:
        sub.text = "接诉即办，未诉先办。" * 70_000
    path = tmp_path / "p.panelpack"
    from app.packet import PacketWriter

    with PacketWriter(path) as writer:
        for name, data in files.items():
            writer.add_file(name, data)
        writer.finish(manifest, KEY)
    with open_packet(path) as packet:
        packet.verify_all()
