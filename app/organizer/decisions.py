"""The organizer's intake decisions file (`decisions.json`, docs/formats.md §12).

One entry per intake source (the entry's file or folder name in the intake folder, as in
the build report).  An entry may combine:

- `"exclude": "<reason>"` — leave the entry out of the packet;
- `"duplicate_of": "<source>"` — leave it out as a duplicate of another entry, which is
  kept (exclusive with `exclude`);
- `"fields": {"<field>": "<value>"}` — override extracted form fields (keys of
  `app.model.FIELD_LABELS`); kept on an excluded entry, so undoing the exclusion keeps them;
- `"acknowledge": {"<warning code>": "<note>"}` — the organizer has seen the warning;
  an acknowledged warning is hidden from experts unless its code is listed in
  `"keep_warnings": ["<code>", …]`.

Everything read is hostile: the size is bounded, every key and type is checked, and any
problem is a `PanelDeskError` naming the file and the key.  `to_json()` is canonical
(sorted keys, no empty parts), so the same decisions give the same bytes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.atomic import save_atomic
from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.model import FIELD_LABELS

VERSION = 1
MAX_FILE_BYTES = 16 * 1024 * 1024
MAX_ENTRIES = 20_000
MAX_TEXT = 100_000  # one field value (a 详细内容 of 2000 characters fits many times over)
MAX_NOTE = 2_000
MAX_SOURCE = 255
ENTRY_KEYS = ("exclude", "duplicate_of", "fields", "acknowledge", "keep_warnings")
_CODE = re.compile(r"[a-z][a-z0-9_]{0,63}")


@dataclass
class EntryDecision:
    """What the organizer decided about one intake entry (all parts optional)."""

    exclude: str | None = None  # the reason; None = not excluded
    duplicate_of: str | None = None  # the kept entry's source
    fields: dict[str, str] = field(default_factory=dict)
    acknowledge: dict[str, str] = field(default_factory=dict)  # warning code → note
    keep_warnings: list[str] = field(default_factory=list)  # acknowledged, still shown

    @property
    def excluded(self) -> bool:
        return self.exclude is not None or self.duplicate_of is not None

    def is_empty(self) -> bool:
        return not (self.excluded or self.fields or self.acknowledge or self.keep_warnings)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if self.exclude is not None:
            data["exclude"] = self.exclude
        if self.duplicate_of is not None:
            data["duplicate_of"] = self.duplicate_of
        if self.fields:
            data["fields"] = dict(sorted(self.fields.items()))
        if self.acknowledge:
            data["acknowledge"] = dict(sorted(self.acknowledge.items()))
        if self.keep_warnings:
            data["keep_warnings"] = sorted(set(self.keep_warnings))
        return data

    @classmethod
    def from_dict(cls, data: Any, where: str) -> EntryDecision:
        """Validate one entry; `where` names the file and entry in messages."""
        if not isinstance(data, dict):
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("IntakeDecisions", "{where} 应为对象"),
                where=where))
        for key in data:
            if key not in ENTRY_KEYS:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "IntakeDecisions", "{where} 含有未知的键“{key}”（可用：{entry_keys}）"),
                    where=where, key=_short(key), entry_keys=list(ENTRY_KEYS)))
        if "exclude" in data and "duplicate_of" in data:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "{where}：exclude 与 duplicate_of 只能有一个"), where=where))
        decision = cls(
            exclude=_opt_text(data, "exclude", where, MAX_NOTE),
            duplicate_of=_opt_text(data, "duplicate_of", where, MAX_SOURCE),
            fields=_text_map(data.get("fields", {}), f"{where}.fields", MAX_TEXT, _field_key),
            acknowledge=_text_map(data.get("acknowledge", {}), f"{where}.acknowledge",
                                  MAX_NOTE, _code_key),
            keep_warnings=_codes(data.get("keep_warnings", []), f"{where}.keep_warnings"),
        )
        if decision.exclude is not None and not decision.exclude.strip():
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "{where}.exclude：请写明排除的理由"), where=where))
        for code in decision.keep_warnings:
            if code not in decision.acknowledge:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "IntakeDecisions", "{where}.keep_warnings：“{code}”不在 acknowledge 中"),
                    where=where, code=code))
        return decision


@dataclass
class IntakeDecisions:
    """Every decision of an intake, by source; the file `decisions.json`."""

    entries: dict[str, EntryDecision] = field(default_factory=dict)

    def get(self, source: str) -> EntryDecision:
        """The decision for `source` (an empty one when there is none)."""
        return self.entries.get(source_key(source)) or EntryDecision()

    def set(self, source: str, decision: EntryDecision) -> None:
        """Replace the decision for `source`; an empty decision removes the entry."""
        source = source_key(source)
        if decision.duplicate_of is not None:
            decision.duplicate_of = source_key(decision.duplicate_of)
        if decision.is_empty():
            self.entries.pop(source, None)
        else:
            self.entries[source] = decision

    def to_dict(self) -> dict[str, Any]:
        return {"version": VERSION,
                "entries": {s: d.to_dict() for s, d in sorted(self.entries.items())
                            if not d.is_empty()}}

    def to_json(self) -> str:
        """Canonical text: sorted keys, two-space indent, UTF-8 characters, final newline."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    @classmethod
    def parse(cls, text: str | bytes, file_name: str) -> IntakeDecisions:
        """Validate `text` (the content of `file_name`) into decisions."""
        label = Message(QT_TRANSLATE_NOOP("IntakeDecisions", "决定文件 {name}"), name=file_name)
        if len(text) > MAX_FILE_BYTES:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "{label} 过大（超过 {max_file_bytes} MB）"),
                label=label, max_file_bytes=MAX_FILE_BYTES // (1024 * 1024)))
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "{label} 不是有效的 JSON：{err}"),
                label=label, err=_short(str(err)))) from None
        if not isinstance(data, dict):
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "{label}：顶层应为 JSON 对象"), label=label))
        for key in data:
            if key not in ("version", "entries"):
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "IntakeDecisions", "{label} 含有未知的键“{key}”"), label=label, key=_short(key)))
        version = data.get("version")
        if type(version) is not int or version != VERSION:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "{label}：version 应为 {expected}（实际为 {version}），可能由更新版本的 PanelDesk 写成"),
                label=label, expected=VERSION, version=_short(version)))
        entries = data.get("entries", {})
        if not isinstance(entries, dict):
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "{label}：entries 应为对象（来源 → 决定）"), label=label))
        if len(entries) > MAX_ENTRIES:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "{label}：条目超过 {max_entries} 个"),
                label=label, max_entries=MAX_ENTRIES))
        decisions = cls()
        for source, raw in entries.items():
            where = Message(QT_TRANSLATE_NOOP("IntakeDecisions", "{label} 的 entries.{source}"),
                            label=label, source=_short(source))
            _check_source(source, where)
            decision = EntryDecision.from_dict(raw, where)
            if source_key(source) in decisions.entries:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "IntakeDecisions", "{where}：与另一个条目是同一来源（写法不同）"), where=where))
            decisions.set(source, decision)
        decisions.check_duplicates(label)
        return decisions

    def check_duplicates(self, label: str = "决定") -> None:
        """`duplicate_of` must end at a kept entry: no entry of itself, no cycle."""
        for source in self.entries:
            seen = [source]
            target = self.entries[source].duplicate_of
            while target is not None:
                _check_source(target, f"{label} 的 entries.{_short(source)}.duplicate_of")
                if target in seen:
                    chain = " → ".join([*seen, target])
                    raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                        "IntakeDecisions", "{label}：重复关系形成循环（{chain}）"),
                        label=label, chain=_short(chain)))
                seen.append(target)
                target = self.get(target).duplicate_of

    def kept_for(self, source: str) -> str | None:
        """The entry `source` is finally a duplicate of (following chains), or None."""
        target = self.get(source).duplicate_of
        while target is not None and self.get(target).duplicate_of is not None:
            target = self.get(target).duplicate_of
        return target

    @classmethod
    def load(cls, path: Path) -> IntakeDecisions:
        """Read `path`; a missing file is no decisions yet."""
        path = Path(path)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return cls()
        except OSError as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "决定文件 {name} 无法读取：{reason}"),
                name=path.name, reason=err.strerror or err)) from None
        if size > MAX_FILE_BYTES:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "决定文件 {name} 过大（超过 {max_file_bytes} MB）"),
                name=path.name, max_file_bytes=MAX_FILE_BYTES // (1024 * 1024)))
        try:
            data = path.read_bytes()
        except OSError as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "决定文件 {name} 无法读取：{reason}"),
                name=path.name, reason=err.strerror or err)) from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "决定文件 {name} 不是 UTF-8 文本"), name=path.name)) from None
        return cls.parse(text, path.name)

    def save(self, path: Path) -> Path:
        """Write atomically: a crash leaves the previous file or the new one."""
        data = self.to_json().encode("utf-8")
        return save_atomic(lambda fh: fh.write(data), Path(path), "决定文件")


def source_key(source: str) -> str:
    """Sources compare in NFC: a decisions file written on a Mac (whose file names are
    decomposed) still matches the same intake folder copied to Windows or Linux."""
    return unicodedata.normalize("NFC", source)


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = text if text.isprintable() else repr(text)
    return text if len(text) <= 60 else text[:57] + "…"


def _check_source(source: Any, where: str) -> None:
    if not isinstance(source, str) or not source.strip() or len(source) > MAX_SOURCE:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "IntakeDecisions", "{where}：来源名称无效（应为申报材料文件夹中的文件或文件夹名）"), where=where))
    if "/" in source or "\\" in source or source in (".", "..") or not source.isprintable():
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "IntakeDecisions", "{where}：来源名称“{source}”不是单个文件或文件夹名"),
            where=where, source=_short(source)))


def _opt_text(data: dict[str, Any], key: str, where: str, limit: int) -> str | None:
    if key not in data:
        return None
    value = data[key]
    if not isinstance(value, str):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("IntakeDecisions", "{where}.{key} 应为文本"),
            where=where, key=key))
    if len(value) > limit:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "IntakeDecisions", "{where}.{key} 过长（超过 {limit} 个字符）"),
            where=where, key=key, limit=limit))
    return value


def _field_key(key: str, where: str) -> None:
    if key not in FIELD_LABELS:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "IntakeDecisions", "{where} 含有未知的字段“{key}”（可用：{field_labels}）"),
            where=where, key=_short(key), field_labels=list(FIELD_LABELS)))


def _code_key(key: str, where: str) -> None:
    if not _CODE.fullmatch(key):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "IntakeDecisions", "{where} 含有无效的提示代码“{key}”"), where=where, key=_short(key)))


def _text_map(value: Any, where: str, limit: int, check_key) -> dict[str, str]:
    if not isinstance(value, dict):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("IntakeDecisions", "{where} 应为对象"),
            where=where))
    out: dict[str, str] = {}
    for key, text in value.items():
        check_key(key, where)
        if not isinstance(text, str):
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("IntakeDecisions", "{where}.{key} 应为文本"),
                where=where, key=_short(key)))
        if len(text) > limit:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "IntakeDecisions", "{where}.{key} 过长（超过 {limit} 个字符）"),
                where=where, key=_short(key), limit=limit))
        out[key] = text
    return out


def _codes(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or len(value) > 100:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("IntakeDecisions", "{where} 应为提示代码列表"),
            where=where))
    for code in value:
        if not isinstance(code, str):
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("IntakeDecisions", "{where} 应为提示代码列表"),
                where=where))
        _code_key(code, where)
    return list(value)
