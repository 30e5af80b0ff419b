"""Packets encrypted at rest (app/packet/sealed.py, sealed_file.py): random access over
chunks, every kind of tampering detected, hostile headers refused before the KDF runs."""

from __future__ import annotations

import os
import struct
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import PanelDeskError
from app.packet import open_packet, sealed
from app.packet.sealed import (
    HEADER_SIZE,
    TAG_SIZE,
    KdfParams,
    PassphraseRequired,
    WrongPassphrase,
    public_facts,
    seal_file,
)
from app.packet.sealed_file import CACHE_CHUNKS, SealedSource
from tests.app.test_packet_roundtrip import sample_files, write_packet

CHEAP = KdfParams(10, 8, 1)
PASS = "橙色的 雨伞 42"


@pytest.fixture(scope="module")
def packets(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("sealed")
    plain, locked = folder / "plain.panelpack", folder / "locked.panelpack"
    write_packet(plain, sample_files())
    seal_file(plain, locked, PASS, CHEAP, chunk_size=4096)  # many chunks on a small file
    return plain, locked


def copy_of(path: Path, tmp_path: Path) -> Path:
    target = tmp_path / path.name
    target.write_bytes(path.read_bytes())
    return target


def verify(path: Path) -> None:
    with open_packet(path, passphrase=PASS) as packet:
        packet.verify_all()


def chunk_offset(index: int, chunk: int = 4096) -> int:
    return HEADER_SIZE + index * (chunk + TAG_SIZE)


def test_opens_like_the_plain_packet(packets) -> None:
    plain, locked = packets
    with open_packet(plain) as a, open_packet(locked, passphrase=PASS) as b:
        assert b.encrypted and not a.encrypted
        assert a.manifest_hash == b.manifest_hash
        for name, data in sample_files().items():
            assert b.read(name) == data
        b.verify_all()


def test_no_plaintext_in_the_bytes(packets) -> None:
    plain, locked = packets
    data, clear = locked.read_bytes(), plain.read_bytes()
    photo = sample_files()["S001/E01.jpg"][1000:1032]  # stored, so in the plain file as is
    probes = (photo, b"manifest.json", b"PK\x03\x04", b"%PDF")
    for probe in probes:
        assert probe in clear and probe not in data


def test_wrong_and_missing_passphrase_name_the_file(packets) -> None:
    _, locked = packets
    with pytest.raises(WrongPassphrase, match="口令错误") as err:
        open_packet(locked, passphrase=PASS + " ")
    assert str(locked) in str(err.value) and err.value.fields == {"name": str(locked)}
    with pytest.raises(PassphraseRequired, match=str(locked)):
        open_packet(locked)


def test_nfc_and_nfd_passphrases_are_the_same(packets) -> None:
    import unicodedata

    _, locked = packets
    with open_packet(locked, passphrase=unicodedata.normalize("NFD", PASS)):
        pass


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_random_reads_match_the_plaintext(packets, data) -> None:
    plain, locked = packets
    content = plain.read_bytes()
    source = SealedSource.unlock(locked, PASS)
    boundaries = [k * 4096 + d for k in range(len(content) // 4096 + 1) for d in (-1, 0, 1)]
    offset = data.draw(st.one_of(st.sampled_from([b for b in boundaries if b >= 0]),
                                 st.integers(0, len(content) + 10)))
    length = data.draw(st.one_of(st.integers(0, 3 * 4096 + 2), st.sampled_from([1, 4096])))
    expected = content[offset:offset + length]
    with source.open() as fh:
        fh.seek(offset)
        assert fh.read(length) == expected
        assert fh.tell() == offset + len(expected)
        buffer = bytearray(length)  # readinto, as the member reader uses it
        fh.seek(offset)
        assert fh.readinto(buffer) == len(expected) and buffer[:len(expected)] == expected
        fh.seek(-7, os.SEEK_END)
        assert fh.read() == content[-7:]


def test_the_cache_stays_bounded(packets) -> None:
    plain, locked = packets
    source = SealedSource.unlock(locked, PASS)
    with source.open() as fh:
        assert fh.read() == plain.read_bytes()
    assert len(source._cache) == CACHE_CHUNKS


@pytest.mark.parametrize("where", ["first", "middle", "last", "tag"])
def test_a_changed_chunk_is_detected(packets, tmp_path: Path, where: str) -> None:
    _, locked = packets
    path = copy_of(locked, tmp_path)
    size = path.stat().st_size
    offset = {"first": HEADER_SIZE + 5, "middle": chunk_offset(20) + 100, "last": size - 20,
              "tag": chunk_offset(21) - 3}[where]
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x01
    path.write_bytes(bytes(raw))
    with pytest.raises(PanelDeskError, match="认证失败"):
        verify(path)


def test_swapped_chunks_and_a_chunk_from_another_file_are_detected(packets,
                                                                   tmp_path: Path) -> None:
    plain, locked = packets
    raw = bytearray(locked.read_bytes())
    one, two = slice(chunk_offset(3), chunk_offset(4)), slice(chunk_offset(4), chunk_offset(5))
    swapped = bytearray(raw)
    swapped[one], swapped[two] = raw[two], raw[one]
    (tmp_path / "swapped.panelpack").write_bytes(bytes(swapped))
    other = tmp_path / "other.panelpack"
    seal_file(plain, other, PASS, CHEAP, chunk_size=4096)  # same content, same passphrase
    spliced = bytearray(raw)
    spliced[one] = other.read_bytes()[one]
    (tmp_path / "spliced.panelpack").write_bytes(bytes(spliced))
    for name in ("swapped", "spliced"):
        with pytest.raises(PanelDeskError, match="认证失败"):
            verify(tmp_path / f"{name}.panelpack")


@pytest.mark.parametrize("cut", [1, TAG_SIZE, 4096 + TAG_SIZE, -1])
def test_truncation_and_appended_bytes_are_refused(packets, tmp_path: Path, cut: int) -> None:
    _, locked = packets
    raw = locked.read_bytes()
    path = tmp_path / "cut.panelpack"
    path.write_bytes(raw[:-cut] if cut > 0 else raw + b"\0" * 16)
    with pytest.raises(PanelDeskError, match="长度不符"):
        open_packet(path, passphrase=PASS)


def test_every_header_byte_is_covered(packets, tmp_path: Path) -> None:
    """Flip each header byte: refused at once (bad field, size) or by the key check."""
    _, locked = packets
    raw = locked.read_bytes()
    path = tmp_path / "h.panelpack"
    for offset in range(HEADER_SIZE):
        changed = bytearray(raw)
        changed[offset] ^= 0x01
        path.write_bytes(bytes(changed))
        with pytest.raises(PanelDeskError):
            open_packet(path, passphrase=PASS)


def hostile(tmp_path: Path, **fields: int) -> Path:
    values = {"version": 1, "cipher": 1, "kdf": 1, "log2_n": 10, "r": 8, "p": 1,
              "chunk": 65536, "size": 100} | fields
    head = struct.pack(">8sHBBBBHIIIQ16s", sealed.MAGIC, values["version"], values["cipher"],
                       values["kdf"], values["log2_n"], 0, 0, values["r"], values["p"],
                       values["chunk"], values["size"], bytes(16))
    path = tmp_path / "hostile.panelpack"
    path.write_bytes(head + bytes(TAG_SIZE + 200))  # the fields are refused before the size
    return path


@pytest.mark.parametrize("fields", [
    {"log2_n": 40}, {"log2_n": 21}, {"r": 2**31}, {"r": 17}, {"p": 2**32 - 1}, {"p": 5},
    {"log2_n": 20, "r": 8}, {"log2_n": 19, "r": 16, "p": 4}, {"log2_n": 0},
    {"log2_n": 18, "r": 8, "p": 2}, {"log2_n": 17, "r": 8, "p": 3},  # work over 2× the default
    {"chunk": 3}, {"chunk": 2**31}, {"chunk": 65535}, {"size": 0}, {"size": 2**63},
    {"version": 2}, {"cipher": 9}, {"kdf": 2},
])
def test_hostile_headers_are_refused_before_the_kdf(tmp_path: Path, fields: dict[str, int],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def no_kdf(*args, **kwargs):
        raise AssertionError("the KDF ran on a hostile header")

    monkeypatch.setattr(sealed, "Scrypt", no_kdf)
    path = hostile(tmp_path, **fields)
    started = time.perf_counter()
    with pytest.raises(PanelDeskError, match="文件头无效|长度不符"):
        open_packet(path, passphrase=PASS)
    with pytest.raises(PanelDeskError):
        public_facts(path)
    assert time.perf_counter() - started < 0.5


def test_the_biggest_allowed_cost_is_bounded() -> None:
    assert 128 * 2**sealed.MAX_LOG2_N * sealed.MAX_R > sealed.MAX_KDF_MEMORY  # the cap bites
    assert sealed.MAX_KDF_MEMORY <= 256 * 2**20
    default = sealed.DEFAULT_KDF
    assert 2 * (1 << default.log2_n) * default.r * default.p == sealed.MAX_KDF_WORK


def test_default_cost_is_recorded_in_the_public_header(tmp_path: Path) -> None:
    source = tmp_path / "x.bin"
    source.write_bytes(b"not a packet, just bytes " * 10)
    target = tmp_path / "x.panelpack"
    seal_file(source, target, PASS)  # the real default cost, once
    facts = public_facts(target)
    assert facts["kdf"] == {"name": "scrypt", "n": 2**17, "r": 8, "p": 1,
                            "memory_bytes": 128 * 2**20}
    assert facts["content_size"] == 250 and facts["chunks"] == 1
    assert facts["file_size"] == target.stat().st_size


def test_an_empty_passphrase_never_encrypts(packets, tmp_path: Path) -> None:
    plain, _ = packets
    with pytest.raises(PanelDeskError, match="不能为空"):
        seal_file(plain, tmp_path / "x.panelpack", "", CHEAP)
    assert not list(tmp_path.iterdir())
