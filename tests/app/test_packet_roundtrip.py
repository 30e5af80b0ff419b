"""Packet write → open → read round trips, the writer's guards, and shared packet helpers.

The helpers (`sample_files`, `sample_manifest`, `write_packet`, `handmade_packet`,
`flip_byte`) are imported by the other packet test modules: `handmade_packet` writes
the zip by hand with `zipfile`, so tests can build packets PanelDesk itself would never
write (duplicates, symlinks, bombs) but that still carry a valid signature.
"""

from __future__ import annotations

import copy
import json
import random
import warnings
import zipfile
import zlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from app.canonical import canonical_hash, canonical_json, sha256_hex
from app.errors import PanelDeskError
from app.keys import b64, demo_signing_key, fingerprint, public_key_bytes, sign
from app.model import Expert, IntakeWarning, PacketFile, Submission
from app.packet import FORMAT_VERSION, Limits, Manifest, PacketWriter, open_packet
from app.packet.writer import member_info

RUBRIC: dict[str, Any] = {
    "id": "test", "name": "测试细则", "version": "1",
    "criteria": [{"id": "warmth", "name": "温度", "max": "30"},
                 {"id": "efficacy", "name": "效能", "max": "30"}],
}
MEDIA = {".jpg": ("image", "image/jpeg"), ".txt": ("text", "text/plain"),
         ".pdf": ("pdf", "application/pdf"), ".bin": ("other", "application/octet-stream")}


def sample_files(seed: int = 1) -> dict[str, bytes]:
    """Three submissions' worth of files: random "photos", a PDF-ish blob, Chinese text."""
    rng = random.Random(seed)
    return {
        "S001/E01.jpg": b"\xff\xd8\xff\xe0" + rng.randbytes(200_000),
        "S001/E02.txt": "市民来电：独居老人家中停水，接线员当晚协调抢修。\n".encode() * 200,
        "S002/E01.pdf": b"%PDF-1.7\n" + rng.randbytes(50_000),
        "S002/E02.jpg": b"\xff\xd8\xff\xe0" + rng.randbytes(120_000),
        "S003/E01.txt": b"https://example.org/news/12345\n",
    }


def sample_manifest(files: dict[str, bytes], **overrides: Any) -> Manifest:
    """A manifest listing `files` (grouped by their "Sxxx/" folder) for two experts."""
    by_sub: dict[str, list[PacketFile]] = {}
    for name, data in files.items():
        kind, media = MEDIA.get(Path(name).suffix, MEDIA[".bin"])
        by_sub.setdefault(name.split("/")[0], []).append(PacketFile(
            name=name, original_name="原始-" + name.split("/")[-1], role="evidence", kind=kind,
            media_type=media, size=len(data), sha256=sha256_hex(data),
            width=1920 if kind == "image" else None, height=1080 if kind == "image" else None))
    categories = ["感动瞬间", "创新机制", "坚守故事", "治理成效"]
    submissions = [
        Submission(id=sid, category=categories[i % 4], title=f"实践标题{i + 1}",
                   unit=f"某市12345热线{i + 1}",
                   fields={"unit": f"某市12345热线{i + 1}", "title": f"实践标题{i + 1}",
                           "body": "详细内容" * 50},
                   text="申报书全文", files=sub_files,
                   warnings=[IntakeWarning("image_count", "图片数量不符合要求", field=None)]
                   if i == 0 else [])
        for i, (sid, sub_files) in enumerate(sorted(by_sub.items()))]
    roster = [Expert("E1", "林思远", "某大学"), Expert("E2", "陈若溪", "某研究院", "ab" * 20)]
    values: dict[str, Any] = dict(
        packet_id="PD-TEST-0001", title="测试评审包", created="2026-11-22T07:30:00Z",
        generator="PanelDesk tests", rubric=copy.deepcopy(RUBRIC), rubric_hash=canonical_hash(RUBRIC),
        roster=roster, assignments={e.id: [s.id for s in submissions] for e in roster},
        submissions=submissions)
    values.update(overrides)
    return Manifest(**values)


def write_packet(path: Path, files: dict[str, bytes] | None = None, key=None,
                 **overrides: Any) -> str:
    """Write a packet the normal way (PacketWriter); returns the manifest hash."""
    files = sample_files() if files is None else files
    with PacketWriter(path) as writer:
        for name, data in files.items():
            writer.add_file(name, data)
        return writer.finish(sample_manifest(files, **overrides), key or demo_signing_key())


def handmade_packet(path: Path, files: dict[str, bytes] | None = None, *, key=None,
                    compress: dict[str, int] | None = None,
                    attrs: dict[str, int] | None = None,
                    skip: tuple[str, ...] = (),
                    extra: tuple[tuple[zipfile.ZipInfo | str, bytes], ...] = (),
                    edit_manifest: Callable[[dict[str, Any]], None] | None = None,
                    after_signing: Callable[[bytes], bytes] | None = None) -> bytes:
    """Write a signed packet by hand; returns the manifest bytes that were signed.

    `edit_manifest` changes the manifest dict before signing (so the signature is valid),
    `after_signing` changes the manifest bytes after signing (so it is not).
    """
    files = sample_files() if files is None else files
    key = key or demo_signing_key()
    data = sample_manifest(files).to_dict()
    data["organizer_public_key"] = b64(public_key_bytes(key))
    data["organizer_fingerprint"] = fingerprint(public_key_bytes(key))
    if edit_manifest is not None:
        edit_manifest(data)
    manifest_bytes = canonical_json(data)
    signature = sign(key, manifest_bytes)
    if after_signing is not None:
        manifest_bytes = after_signing(manifest_bytes)
    with zipfile.ZipFile(path, "w") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are sometimes the point
        for name, content in files.items():
            if name in skip:
                continue
            info = member_info(name, (compress or {}).get(name, zipfile.ZIP_STORED))
            if attrs and name in attrs:
                info.external_attr = attrs[name]
            zf.writestr(info, content)
        for item, content in extra:
            zf.writestr(item, content)
        zf.writestr(member_info("manifest.json", zipfile.ZIP_DEFLATED), manifest_bytes)
        zf.writestr(member_info("manifest.sig", zipfile.ZIP_STORED), signature)
    return manifest_bytes


def member_data_offset(path: Path, name: str) -> int:
    """Where member `name`'s (stored) data starts in the file."""
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    return info.header_offset + 30 + len(info.orig_filename)


def flip_byte(path: Path, offset: int, mask: int = 0xFF) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= mask
    path.write_bytes(bytes(data))


# --- round trip ---------------------------------------------------------------------------

def test_round_trip_reads_every_file_back(tmp_path: Path) -> None:
    files = sample_files()
    out = tmp_path / "p.panelpack"
    manifest_hash = write_packet(out, files)
    with open_packet(out) as packet:
        assert packet.manifest_hash == manifest_hash
        assert manifest_hash == "sha256:" + sha256_hex(packet.manifest_bytes)
        assert packet.organizer_fingerprint == fingerprint(public_key_bytes(demo_signing_key()))
        m = packet.manifest
        assert m.title == "测试评审包" and m.format_version == FORMAT_VERSION
        assert [s.id for s in m.submissions] == ["S001", "S002", "S003"]
        assert m.submission("S002").files[0].name == "S002/E01.pdf"
        assert m.expert("E2").fingerprint == "ab" * 20
        assert m.assignments["E1"] == ["S001", "S002", "S003"]
        assert m.submissions[0].warnings[0].code == "image_count"
        for name, data in files.items():
            assert packet.read(name) == data
        packet.verify_all()
    # The manifest is stored as its canonical bytes, so anyone can recompute the hash.
    assert canonical_json(json.loads(packet.manifest_bytes)) == packet.manifest_bytes
    # Nothing was extracted next to the packet.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.panelpack"]


def test_manifest_dict_round_trip_is_lossless() -> None:
    manifest = sample_manifest(sample_files())
    again = Manifest.from_dict(json.loads(canonical_json(manifest.to_dict())))
    assert again.to_dict() == manifest.to_dict()
    with pytest.raises(PanelDeskError, match="S999"):
        again.submission("S999")
    with pytest.raises(PanelDeskError, match="E9"):
        again.expert("E9")


def test_media_is_stored_and_text_deflated(tmp_path: Path) -> None:
    out = tmp_path / "p.panelpack"
    files = sample_files()
    # 2 MB of one repeated line would exceed the reader's ratio limit if deflated.
    files["S003/E02.txt"] = b"a" * 2_000_000
    write_packet(out, files)
    with zipfile.ZipFile(out) as zf:
        kinds = {i.filename: i.compress_type for i in zf.infolist()}
    assert kinds["S001/E01.jpg"] == zipfile.ZIP_STORED
    assert kinds["S002/E01.pdf"] == zipfile.ZIP_STORED
    assert kinds["S001/E02.txt"] == zipfile.ZIP_DEFLATED
    assert kinds["S003/E02.txt"] == zipfile.ZIP_STORED
    with open_packet(out) as packet:
        assert packet.read("S003/E02.txt") == files["S003/E02.txt"]
        packet.verify_all()


def test_writing_is_reproducible(tmp_path: Path) -> None:
    first, second = tmp_path / "a.panelpack", tmp_path / "b.panelpack"
    assert write_packet(first) == write_packet(second)
    assert first.read_bytes() == second.read_bytes()


def test_verify_all_reports_progress_up_to_the_total(tmp_path: Path) -> None:
    out = tmp_path / "p.panelpack"
    write_packet(out)
    seen: list[tuple[int, int]] = []
    with open_packet(out) as packet:
        packet.verify_all(progress=lambda done, total: seen.append((done, total)))
        total = sum(len(d) for d in sample_files().values())
        assert seen[0] == (0, total) and seen[-1] == (total, total)
        assert all(a[0] <= b[0] for a, b in zip(seen, seen[1:]))
        with pytest.raises(PanelDeskError, match="已取消"):
            packet.verify_all(cancelled=lambda: True)


def test_reads_from_many_threads_at_once(tmp_path: Path) -> None:
    files = sample_files()
    out = tmp_path / "p.panelpack"
    write_packet(out, files)
    names = list(files) * 10
    with open_packet(out) as packet, ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(packet.read, names))
    assert results == [files[n] for n in names]


def test_closed_packet_refuses_reads(tmp_path: Path) -> None:
    out = tmp_path / "p.panelpack"
    write_packet(out)
    packet = open_packet(out)
    packet.close()
    with pytest.raises(PanelDeskError, match="已关闭"):
        packet.read("S001/E01.jpg")


def test_unknown_member_name_is_an_error_not_a_path(tmp_path: Path) -> None:
    out = tmp_path / "p.panelpack"
    write_packet(out)
    with open_packet(out) as packet:
        for name in ("../p.panelpack", "manifest.json", "S001/nope.jpg"):
            with pytest.raises(PanelDeskError, match="清单中没有文件"):
                packet.read(name)


# --- the writer's guards ------------------------------------------------------------------

@pytest.mark.parametrize("name", ["../x", "/etc/x", "C:\\x", "a\\..\\b", "S001/./x", "S001//x",
                                  "S001/中文.jpg", "manifest.json", "S001/a b.jpg", ""])
def test_writer_refuses_unsafe_names(tmp_path: Path, name: str) -> None:
    with PacketWriter(tmp_path / "p.panelpack") as writer, \
            pytest.raises(PanelDeskError, match="不安全"):
        writer.add_file(name, b"x")
    assert list(tmp_path.iterdir()) == []


def test_writer_refuses_duplicates_and_oversized_files(tmp_path: Path) -> None:
    with PacketWriter(tmp_path / "p.panelpack", Limits(max_file=10, max_total=15)) as writer:
        writer.add_file("S001/a.txt", b"0123456789")
        with pytest.raises(PanelDeskError, match="重复"):
            writer.add_file("S001/a.txt", b"x")
        with pytest.raises(PanelDeskError, match="过大"):
            writer.add_file("S001/b.txt", b"x" * 11)
        with pytest.raises(PanelDeskError, match="总大小"):
            writer.add_file("S001/c.txt", b"x" * 6)


def _finish_with(tmp_path: Path, added: dict[str, bytes], listed: dict[str, bytes]) -> Path:
    out = tmp_path / "p.panelpack"
    with PacketWriter(out) as writer:
        for name, data in added.items():
            writer.add_file(name, data)
        writer.finish(sample_manifest(listed), demo_signing_key())
    return out


def test_finish_refuses_a_manifest_that_does_not_match_the_files(tmp_path: Path) -> None:
    files = sample_files()
    fewer = dict(list(files.items())[:-1])
    with pytest.raises(PanelDeskError, match="未写入"):
        _finish_with(tmp_path, fewer, files)
    with pytest.raises(PanelDeskError, match="未列出"):
        _finish_with(tmp_path, files, fewer)
    changed = dict(files, **{"S003/E01.txt": b"other"})
    with pytest.raises(PanelDeskError, match="S003/E01.txt"):
        _finish_with(tmp_path, files, changed)
    # Nothing published, no temporary files left behind.
    assert list(tmp_path.iterdir()) == []


def test_failed_build_leaves_an_existing_packet_untouched(tmp_path: Path) -> None:
    out = tmp_path / "p.panelpack"
    write_packet(out)
    before = out.read_bytes()
    with pytest.raises(RuntimeError), PacketWriter(out) as writer:
        writer.add_file("S001/E01.jpg", b"new")
        raise RuntimeError("build interrupted")
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.panelpack"]


def test_zip64_records_of_large_packets_verify(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Packets over 2 GiB carry zip64 offsets and end records; shrink the threshold to test them."""
    import app.packet.writer as writer_module

    for module in (zipfile, writer_module):
        monkeypatch.setattr(module, "ZIP64_LIMIT", 5000)
    rng = random.Random(7)
    files = {f"S00{i % 3 + 1}/E0{i}.jpg": rng.randbytes(1200) for i in range(1, 6)}
    out = tmp_path / "p.panelpack"
    write_packet(out, files)
    raw = out.read_bytes()
    assert b"PK\x06\x06" in raw and b"PK\x06\x07" in raw  # zip64 end records were written
    with open_packet(out) as packet:
        assert packet.read("S002/E01.jpg") == files["S002/E01.jpg"]
        packet.verify_all()
    flip_byte(out, raw.index(b"PK\x06\x06") + 30)
    with open_packet(out) as packet, pytest.raises(PanelDeskError, match="结构被改动"):
        packet.verify_all()


def test_failed_finish_without_context_manager_cleans_up(tmp_path: Path) -> None:
    files = sample_files()
    writer = PacketWriter(tmp_path / "p.panelpack")
    for name, data in list(files.items())[:-1]:
        writer.add_file(name, data)
    with pytest.raises(PanelDeskError, match="未写入"):
        writer.finish(sample_manifest(files), demo_signing_key())
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(PanelDeskError, match="不能再写入"):
        writer.add_file("S009/E01.txt", b"late")


def test_a_very_repetitive_manifest_is_not_mistaken_for_a_bomb(tmp_path: Path) -> None:
    # Manifests repeat themselves (fields.body and text hold the same words): 2 MB of JSON
    # may deflate far beyond 100:1.  The reader applies the ratio rule to the manifest too
    # (issue 14: nothing unsigned may inflate first), so the writer stores such a manifest.
    files = sample_files()
    manifest = sample_manifest(files)
    for sub in manifest.submissions:
        sub.text = "接诉即办，未诉先办。" * 70_000
    out = tmp_path / "p.panelpack"
    with PacketWriter(out) as writer:
        for name, data in files.items():
            writer.add_file(name, data)
        writer.finish(manifest, demo_signing_key())
    with zipfile.ZipFile(out) as zf:
        info = zf.getinfo("manifest.json")
    assert info.file_size > 1_000_000
    with zipfile.ZipFile(out) as zf:
        stored = zf.read("manifest.json")
    assert len(stored) > 100 * len(zlib.compress(stored, 6))
    assert info.compress_type == zipfile.ZIP_STORED
    with open_packet(out) as packet:
        assert packet.manifest.submissions[0].text.startswith("接诉即办")
        packet.verify_all()
