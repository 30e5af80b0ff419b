"""Reading the organizer's intake folder: one entry per application mail.

An entry is a sub-folder or a .zip file directly inside the intake folder (a loose
file at the top level is an entry of its own).  Everything here treats the input as
hostile: symlinks are not followed, zip member names are only labels (nothing is ever
extracted to disk), and sizes, counts and compression ratios are bounded before any
byte is read.  Problems with single files become `skipped` notes on the entry; an
entry that cannot be read at all raises `EntryError` and is rejected by the builder.
"""

from __future__ import annotations

import os
import stat
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message, sentences

MAX_FILES_PER_ENTRY = 200
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_ENTRY_BYTES = 600 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, for members over 1 MiB
MAX_DEPTH = 6
# Files that mail clients and operating systems leave behind; never evidence.
JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini", "__macosx"}


class EntryError(PanelDeskError):
    """The entry as a whole cannot be read (reason in Chinese)."""


@dataclass
class EntryFile:
    """One file of an entry: its path inside the entry and its bytes."""

    name: str  # POSIX-style path relative to the entry, e.g. "佐证/照片1.jpg"
    data: bytes

    @property
    def basename(self) -> str:
        return PurePosixPath(self.name).name


@dataclass
class IntakeEntry:
    source: str  # the entry's file or folder name inside the intake folder
    files: list[EntryFile] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # Chinese notes on files left out
    # Zip members with a hostile name (`../…`, absolute, a drive letter) or a link: never
    # read, and a sign the archive was made to escape — the `unsafe_archive` warning.
    unsafe: list[str] = field(default_factory=list)


def is_junk(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return any(p.lower() in JUNK_NAMES or p.startswith(("~$", "._")) for p in parts) or (
        PurePosixPath(name).name.startswith(".")
    )


def list_entries(intake_dir: Path) -> list[Path]:
    """The entries of an intake folder in a stable, human order (by name)."""
    if not intake_dir.is_dir():
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Intake", "申报材料文件夹不存在或不是文件夹：{intake_dir}"),
            intake_dir=intake_dir))
    entries = [p for p in intake_dir.iterdir() if not is_junk(p.name)]
    return sorted(entries, key=lambda p: unicodedata.normalize("NFC", p.name))


def undecodable(name: str) -> str | None:
    """A name the file system gave as bytes that are not UTF-8 (Python keeps them as
    lone surrogates, which no packet, report or screen can hold) shown with "�"
    in place of those bytes; None for a proper name."""
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return None
    return os.fsencode(name).decode("utf-8", errors="replace")


def read_entry(path: Path) -> IntakeEntry:
    """Load all files of one entry into memory, within the bounds above."""
    if (shown := undecodable(path.name)) is not None:
        raise EntryError(Message(QT_TRANSLATE_NOOP(
            "Intake", "“{shown}”的名称不是有效的 UTF-8 文字编码，请改名后再读取"), shown=shown))
    entry = IntakeEntry(source=path.name)
    try:
        st = path.lstat()
    except OSError as err:
        raise EntryError(Message(QT_TRANSLATE_NOOP("Intake", "无法读取“{name}”：{reason}"),
            name=path.name, reason=err.strerror or err)) from err
    if stat.S_ISLNK(st.st_mode):
        raise EntryError(Message(QT_TRANSLATE_NOOP("Intake", "“{name}”是符号链接，出于安全考虑不予读取"),
            name=path.name))
    if stat.S_ISDIR(st.st_mode):
        _read_folder(path, entry)
    elif not stat.S_ISREG(st.st_mode):
        # A FIFO, socket or device: opening a FIFO would wait for a writer forever.
        raise EntryError(Message(QT_TRANSLATE_NOOP("Intake", "“{name}”不是普通文件或文件夹（管道、设备等），已跳过"),
            name=path.name))
    elif path.suffix.lower() == ".zip" or _has_zip_magic(path):
        _read_zip(path, entry)
    else:
        entry.files.append(EntryFile(path.name, _read_bounded(path, st.st_size)))
    if not entry.files:
        why = Message(QT_TRANSLATE_NOOP("Intake", "：{notes}"), notes=sentences(entry.skipped)) \
            if entry.skipped else ""
        raise EntryError(Message(QT_TRANSLATE_NOOP("Intake", "“{name}”中没有可读取的文件{why}"),
            name=path.name, why=why))
    return entry


def open_regular(path: Path) -> BinaryIO:
    """Open `path` for reading only if it is a regular file, never blocking or following
    a link: it may have been swapped for a FIFO or a symlink since it was listed."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) \
        | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise EntryError(Message(QT_TRANSLATE_NOOP("Intake", "“{name}”不是普通文件（管道、设备等），已跳过"),
                name=path.name))
    except BaseException:
        os.close(fd)
        raise
    # Outside the try: once the file object owns the descriptor, closing it here as well
    # (an interruption after fdopen) would close whatever file reused the number.
    return os.fdopen(fd, "rb")


def _has_zip_magic(path: Path) -> bool:
    try:
        with open_regular(path) as fh:
            return fh.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _read_bounded(path: Path, size: int) -> bytes:
    if size > MAX_FILE_BYTES:
        raise EntryError(Message(QT_TRANSLATE_NOOP("Intake", "“{name}”过大（{size} MB），超过单个文件上限"),
            name=path.name, size=size // 1048576))
    try:
        with open_regular(path) as fh:
            return fh.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES]
    except OSError as err:
        raise EntryError(Message(QT_TRANSLATE_NOOP("Intake", "无法读取“{name}”：{reason}"),
            name=path.name, reason=err.strerror or err)) from err


def _walk(root: Path, depth: int = 0) -> Iterator[tuple[Path, os.stat_result | None, str]]:
    """Yield (path, stat, note) for regular files under root without following links."""
    try:
        children = sorted(root.iterdir(), key=lambda p: p.name)
    except OSError as err:
        yield root, None, f"无法读取文件夹“{root.name}”：{err.strerror or err}"
        return
    for child in children:
        st = child.lstat()
        if (shown := undecodable(child.name)) is not None:
            yield child, None, f"“{shown}”的文件名不是有效的 UTF-8 文字编码，已跳过"
        elif stat.S_ISLNK(st.st_mode):
            yield child, None, f"“{child.name}”是符号链接，已跳过"
        elif stat.S_ISDIR(st.st_mode):
            if depth >= MAX_DEPTH:
                yield child, None, f"“{child.name}”目录层级过深，已跳过"
            else:
                yield from _walk(child, depth + 1)
        elif stat.S_ISREG(st.st_mode):
            yield child, st, ""
        else:
            yield child, None, f"“{child.name}”不是普通文件，已跳过"


def _read_folder(folder: Path, entry: IntakeEntry) -> None:
    total = 0
    for path, st, note in _walk(folder):
        rel = path.relative_to(folder).as_posix()
        if note:
            entry.skipped.append(note)
            continue
        if is_junk(rel):
            continue
        assert st is not None
        if len(entry.files) >= MAX_FILES_PER_ENTRY:
            raise EntryError(Message(QT_TRANSLATE_NOOP(
                "Intake", "“{name}”中的文件超过 {max_files_per_entry} 个"),
                name=folder.name, max_files_per_entry=MAX_FILES_PER_ENTRY))
        if st.st_size > MAX_FILE_BYTES:
            entry.skipped.append(Message(QT_TRANSLATE_NOOP("Intake", "“{rel}”过大（{st_size} MB），已跳过"),
                rel=rel, st_size=st.st_size // 1048576))
            continue
        total += st.st_size
        if total > MAX_ENTRY_BYTES:
            raise EntryError(Message(QT_TRANSLATE_NOOP(
                "Intake", "“{name}”总大小超过 {max_entry_bytes} MB"),
                name=folder.name, max_entry_bytes=MAX_ENTRY_BYTES // 1048576))
        entry.files.append(EntryFile(rel, _read_bounded(path, st.st_size)))


def _member_name(info: zipfile.ZipInfo) -> str:
    """Member name as the sender meant it: zips from Chinese Windows use GBK, not CP437."""
    name = info.filename
    if not info.flag_bits & 0x800:
        raw = name.encode("cp437", errors="replace")
        for encoding in ("utf-8", "gb18030"):
            try:
                name = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return unicodedata.normalize("NFC", name.replace("\\", "/"))


def _safe_label(name: str) -> str | None:
    """A clean relative label for a member name, or None when the name is hostile."""
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts) or len(parts) > MAX_DEPTH + 1:
        return None
    return "/".join(parts)


def _read_zip(path: Path, entry: IntakeEntry) -> None:
    try:
        fh = open_regular(path)
    except OSError as err:
        raise EntryError(Message(QT_TRANSLATE_NOOP("Intake", "无法读取“{name}”：{reason}"),
            name=path.name, reason=err.strerror or err)) from err
    with fh:
        try:
            archive = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, OSError, ValueError) as err:
            raise EntryError(Message(QT_TRANSLATE_NOOP("Intake", "“{name}”不是有效的 zip 压缩包（{err}）"),
                name=path.name, err=err)) from err
        with archive:
            _read_archive(path, archive, entry)


def _read_archive(path: Path, archive: zipfile.ZipFile, entry: IntakeEntry) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_FILES_PER_ENTRY * 2:
        raise EntryError(Message(QT_TRANSLATE_NOOP("Intake", "“{name}”包含的文件过多（{count} 个）"),
            name=path.name, count=len(infos)))
    declared = sum(i.file_size for i in infos)
    if declared > MAX_ENTRY_BYTES:
        raise EntryError(Message(QT_TRANSLATE_NOOP(
            "Intake", "“{name}”解压后超过 {max_entry_bytes} MB，疑似压缩炸弹"),
            name=path.name, max_entry_bytes=MAX_ENTRY_BYTES // 1048576))
    seen: set[str] = set()
    members: list[tuple[str, zipfile.ZipInfo]] = []
    for info in infos:
        if info.is_dir():
            continue
        raw_name = _member_name(info)
        label = _safe_label(raw_name)
        mode = info.external_attr >> 16
        if label is None:
            entry.skipped.append(Message(QT_TRANSLATE_NOOP("Intake", "压缩包中的“{raw_name}”路径不安全，已跳过"),
                raw_name=raw_name))
            entry.unsafe.append(raw_name)
        elif stat.S_ISLNK(mode):
            entry.skipped.append(Message(QT_TRANSLATE_NOOP("Intake", "压缩包中的“{label}”是符号链接，已跳过"),
                label=label))
            entry.unsafe.append(label)
        elif info.flag_bits & 0x1:
            entry.skipped.append(Message(QT_TRANSLATE_NOOP("Intake", "压缩包中的“{label}”已加密，无法读取"),
                label=label))
        elif is_junk(label):
            continue
        elif label in seen:
            entry.skipped.append(Message(QT_TRANSLATE_NOOP("Intake", "压缩包中“{label}”重复出现，仅保留第一个"),
                label=label))
        elif info.file_size > MAX_FILE_BYTES:
            entry.skipped.append(Message(QT_TRANSLATE_NOOP("Intake", "压缩包中的“{label}”过大，已跳过"),
                label=label))
        elif (info.file_size > 1024 * 1024
              and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            entry.skipped.append(Message(QT_TRANSLATE_NOOP(
                "Intake", "压缩包中的“{label}”压缩比异常，疑似压缩炸弹，已跳过"), label=label))
        else:
            seen.add(label)
            members.append((label, info))
    for label, info in _strip_common_folder(members):
        try:
            with archive.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError,
                NotImplementedError, RuntimeError) as err:
            entry.skipped.append(Message(QT_TRANSLATE_NOOP(
                "Intake", "压缩包中的“{label}”已损坏，无法读取（{err}）"), label=label, err=err))
            continue
        if len(data) != info.file_size:
            entry.skipped.append(Message(QT_TRANSLATE_NOOP("Intake", "压缩包中的“{label}”大小与声明不符，已跳过"),
                label=label))
            continue
        entry.files.append(EntryFile(label, data))


def _strip_common_folder(members: list[tuple[str, zipfile.ZipInfo]]):
    """A zip often wraps everything in one top folder; drop it from the labels."""
    tops = {label.split("/", 1)[0] for label, _ in members}
    if len(tops) == 1 and all("/" in label for label, _ in members):
        return [(label.split("/", 1)[1], info) for label, info in members]
    return members
