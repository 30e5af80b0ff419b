"""Bounds and name rules shared by the packet writer and reader, and the reader's
checks of a zip's central directory against them.

A packet arrives from outside (mail, USB), so the reader treats it as hostile: sizes
and compression ratios are bounded (zip bombs), members may not overlap, and member
names must be plain relative ASCII paths.  The writer applies the same rules, so
PanelDesk never produces a packet that PanelDesk would refuse.  The `check_*`
functions only look at central-directory records; they never read member data.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.model import PacketFile

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
RESERVED_NAMES = frozenset({MANIFEST_NAME, SIGNATURE_NAME})

MIB = 1024 * 1024
_LOCAL_HEADER_SIZE = 30
_S_IFMT, _S_IFLNK = 0o170000, 0o120000

# One path component: letters, digits and a few punctuation marks that are harmless on
# every file system and in every shell.  No spaces, no "\\", no ":" (drive letters).
_COMPONENT = re.compile(r"[A-Za-z0-9._+@()~-]{1,100}")
MAX_NAME_LENGTH = 240
MAX_NAME_DEPTH = 8


@dataclass(frozen=True)
class Limits:
    """What a reader accepts.  Defaults fit 300 submissions × a few large files easily."""

    max_manifest: int = 64 * MIB
    # Values (≈ commas and brackets) in the manifest: parsing one costs up to ~70 bytes,
    # so this keeps a parse under ~150 MB; 300 submissions with long texts need < 0.5 M.
    max_manifest_values: int = 2_000_000
    max_file: int = 512 * MIB
    max_total: int = 8 * 1024 * MIB
    max_ratio: int = 100  # uncompressed : compressed
    ratio_min_size: int = 1_000_000  # the ratio rule applies to members larger than this
    max_members: int = 100_000


_PART = r"[A-Za-z0-9._+@()~-]{1,100}"
_SAFE_NAME = re.compile(rf"(?:{_PART}/){{0,{MAX_NAME_DEPTH - 1}}}{_PART}")


def name_problem(name: str) -> str | None:
    """Why `name` is not a safe packet member name (Chinese), or None if it is fine."""
    if (isinstance(name, str) and len(name) <= MAX_NAME_LENGTH and _SAFE_NAME.fullmatch(name)
            and not {".", ".."} & set(name.split("/"))):
        return None  # the common case, in one regex; below finds the reason otherwise
    if not isinstance(name, str) or not name:
        return "文件名为空"
    if len(name) > MAX_NAME_LENGTH:
        return "文件名过长"
    if not name.isascii() or not name.isprintable():
        return "文件名含有非 ASCII 或控制字符"
    if "\\" in name:
        return "文件名含有反斜杠"
    if ":" in name:
        return "文件名含有冒号（盘符）"
    if name.startswith("/"):
        return "文件名是绝对路径"
    parts = name.split("/")
    if len(parts) > MAX_NAME_DEPTH:
        return "文件夹层级过深"
    for part in parts:
        if part in ("", ".", ".."):
            return "文件名含有空的、“.”或“..”路径段"
        if not _COMPONENT.fullmatch(part):
            return "文件名含有不允许的字符"
    return None


def show_name(name: str) -> str:
    """A member name made safe to print in one line (hostile names may hold anything)."""
    text = repr(name)[1:-1] if not name.isprintable() else name
    return text if len(text) <= 120 else text[:117] + "…"


# --- checks on a zip's central directory (nothing is read from member data) -------------

def check_names(path: Path, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    """No duplicate names (the same name twice could hide a second manifest), no unsafe ones."""
    if len(infos) > limits.max_members:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path} 含有过多文件（{count} 个）"),
            path=path, count=len(infos)))
    seen: set[str] = set()
    for info in infos:
        name = info.orig_filename
        if name in seen:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path} 含有重复的文件名 {name}"),
                path=path, name=show_name(name)))
        seen.add(name)
        problem = name_problem(name[:-1] if name.endswith("/") else name)
        if problem:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Packet", "评审包 {path} 含有不安全的文件名 {name}（{problem}）"),
                path=path, name=show_name(name), problem=problem))


def check_member(path: Path, info: zipfile.ZipInfo, limits: Limits) -> None:
    """One member: no symlink, no encryption, a known method, bounded size and ratio.

    The manifest too: a 60 KB packet must not make the reader inflate 60 MB before the
    signature can be checked (the writer stores a manifest that would break the ratio).
    """
    name = show_name(info.orig_filename)
    if (info.external_attr >> 16) & _S_IFMT == _S_IFLNK:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path} 含有符号链接 {name}，已拒绝"),
            path=path, name=name))
    if info.flag_bits & 0x1:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path} 中的文件 {name} 被加密，已拒绝"),
            path=path, name=name))
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "评审包 {path} 中的文件 {name} 使用了不支持的压缩方式"), path=path, name=name))
    if info.file_size > limits.max_file:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "评审包 {path} 中的文件 {name} 过大（{file_size} 字节，上限 {max_file}）"),
            path=path, name=name, file_size=info.file_size, max_file=limits.max_file))
    if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path} 中的文件 {name} 大小记录不一致"),
            path=path, name=name))
    if (info.file_size > limits.ratio_min_size
            and info.file_size > limits.max_ratio * max(info.compress_size, 1)):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "评审包 {path} 中的文件 {name} 压缩比异常（{file_size} / {compress_size}），疑似压缩炸弹，已拒绝"),
            path=path, name=name, file_size=info.file_size, compress_size=info.compress_size))


def check_layout_bounds(path: Path, infos: list[zipfile.ZipInfo], start_dir: int) -> None:
    """Members may not overlap each other or the central directory (overlap zip bombs)."""
    ordered = sorted(infos, key=lambda i: i.header_offset)
    for info, nxt in zip(ordered, ordered[1:] + [None]):
        end = info.header_offset + _LOCAL_HEADER_SIZE + len(info.orig_filename) + info.compress_size
        limit = nxt.header_offset if nxt is not None else start_dir
        if end > limit:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Packet", "评审包 {path} 的结构异常：文件 {orig_filename} 与其他数据重叠"),
                path=path, orig_filename=show_name(info.orig_filename)))


def check_members_against_manifest(path: Path, infos: list[zipfile.ZipInfo],
                                   expected: Mapping[str, PacketFile], limits: Limits) -> None:
    """Exactly the manifest's files (`expected`: member name → file, plus
    manifest.json/.sig), with the sizes it promises."""
    total = 0
    for info in infos:
        name = info.orig_filename
        if name in RESERVED_NAMES:
            continue
        check_member(path, info, limits)
        if name.endswith("/"):
            if info.file_size or info.compress_size:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "Packet", "评审包 {path} 含有带数据的目录条目 {name}"), path=path, name=show_name(name)))
            continue
        entry = expected.get(name)
        if entry is None:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Packet", "评审包 {path} 含有清单之外的文件 {name}"),
                path=path, name=show_name(name)))
        if info.file_size != entry.size:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Packet", "评审包 {path} 中的文件 {name} 大小与清单不符（{file_size} ≠ {size}）"),
                path=path, name=name, file_size=info.file_size, size=entry.size))
        total += info.file_size
    present = {info.orig_filename for info in infos}
    missing = [name for name in expected if name not in present]
    if missing:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "评审包 {path} 缺少清单列出的文件 {name}（共缺 {count} 个）"),
            path=path, name=missing[0], count=len(missing)) if len(missing) > 1 else Message(
            QT_TRANSLATE_NOOP("Packet", "评审包 {path} 缺少清单列出的文件 {name}"),
            path=path, name=missing[0]))
    if total > limits.max_total:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Packet", "评审包 {path} 的内容总大小 {total} 字节超过上限 {max_total}"),
            path=path, total=total, max_total=limits.max_total))
