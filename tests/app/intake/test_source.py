"""Reading intake entries: folders, zips, and hostile variants of both."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from app.intake.source import EntryError, list_entries, read_entry


def make_zip(path: Path, members: dict[str, bytes], **kwargs) -> Path:
    with zipfile.ZipFile(path, "w", **kwargs) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_folder_entry_reads_nested_files_and_ignores_junk(tmp_path: Path) -> None:
    entry = tmp_path / "【实践申报】某市12345-治理成效"
    (entry / "佐证").mkdir(parents=True)
    (entry / "申报书.docx").write_bytes(b"form")
    (entry / "佐证" / "照片1.jpg").write_bytes(b"jpg")
    (entry / ".DS_Store").write_bytes(b"junk")
    (entry / "~$申报书.docx").write_bytes(b"lock")
    result = read_entry(entry)
    assert sorted(f.name for f in result.files) == ["佐证/照片1.jpg", "申报书.docx"]
    assert result.source == entry.name


def test_symlinks_are_skipped_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("outside")
    entry = tmp_path / "intake" / "entry"
    entry.mkdir(parents=True)
    (entry / "申报书.docx").write_bytes(b"form")
    os.symlink(secret, entry / "link.txt")
    result = read_entry(entry)
    assert [f.name for f in result.files] == ["申报书.docx"]
    assert any("符号链接" in note for note in result.skipped)
    os.symlink(entry, tmp_path / "intake" / "linked-entry")
    with pytest.raises(EntryError, match="符号链接"):
        read_entry(tmp_path / "intake" / "linked-entry")


def test_zip_entry_strips_single_top_folder(tmp_path: Path) -> None:
    path = make_zip(tmp_path / "申报.zip", {"某区热线/申报书.docx": b"form",
                                           "某区热线/图1.jpg": b"img"})
    result = read_entry(path)
    assert sorted(f.name for f in result.files) == ["图1.jpg", "申报书.docx"]


def test_zip_with_gbk_names_is_decoded(tmp_path: Path) -> None:
    # Chinese Windows writes GBK names without the UTF-8 flag: patch the raw bytes.
    gbk = "申报书.docx".encode("gbk")
    placeholder = b"a" * (len(gbk) - 5) + b".docx"
    path = make_zip(tmp_path / "gbk.zip", {placeholder.decode(): b"form"})
    path.write_bytes(path.read_bytes().replace(placeholder, gbk))
    names = [f.name for f in read_entry(path).files]
    assert names == ["申报书.docx"]


def test_hostile_zip_members_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("申报书.docx", b"form")
        zf.writestr("../../etc/passwd", b"x")
        zf.writestr("/abs.txt", b"x")
        link = zipfile.ZipInfo("link")
        link.external_attr = (0o120777 << 16)
        zf.writestr(link, "/etc/passwd")
        zf.writestr("bomb.txt", b"\0" * (5 * 1024 * 1024))
    result = read_entry(path)
    assert [f.name for f in result.files] == ["申报书.docx"]
    joined = "\n".join(result.skipped)
    assert "路径不安全" in joined and "符号链接" in joined and "压缩炸弹" in joined
    assert not (tmp_path / "etc").exists()


def test_unsafe_member_names_are_listed_for_the_warning(tmp_path: Path) -> None:
    from app.intake.checks import check_archive

    path = tmp_path / "escape.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("申报书.docx", b"form")
        for name in ("../up.txt", "/abs.txt", "C:/win.txt", "a/../../b.txt"):
            zf.writestr(zipfile.ZipInfo(name), b"x")
        zf.writestr(zipfile.ZipInfo("..\\..\\back.txt"), b"x")
    result = read_entry(path)
    assert [f.name for f in result.files] == ["申报书.docx"]
    assert len(result.unsafe) == 5 and "../up.txt" in result.unsafe
    [warning] = check_archive(result.unsafe)
    assert warning.code == "unsafe_archive" and "等 5 个" in warning.message
    assert check_archive([]) == []


def test_broken_zip_is_an_entry_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(EntryError, match="broken.zip"):
        read_entry(path)


def test_empty_folder_is_an_entry_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(EntryError, match="没有可读取的文件"):
        read_entry(tmp_path / "empty")


def test_list_entries_sorted_without_junk(tmp_path: Path) -> None:
    for name in ["b", "a", ".DS_Store", "c.zip"]:
        (tmp_path / name).mkdir() if "." not in name else (tmp_path / name).write_bytes(b"")
    assert [p.name for p in list_entries(tmp_path)] == ["a", "b", "c.zip"]
