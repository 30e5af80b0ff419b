"""What the demo applications say, read from the data files under `resources/demo/`.

`demo.toml` holds what the whole demo shares (the packet's id, title and creation time,
the fictional roster, the title printed on every 申报书, default evidence arguments);
`applications/*.toml` holds one application mail each, in intake order when sorted by
file name.  `load_demo()` reads and checks them all and returns a `Demo`; anything wrong
in a file raises `DemoDataError` naming the file and the field.  Categories are not
listed here: an entry's category must be one of the default rubric's.

Text rules in an application file:

* `body` is prose: blank lines separate paragraphs, line breaks inside a paragraph are
  only source wrapping and are dropped (`paras`);
* every other string is taken as TOML reads it (wrap long ones with a line-ending `\\`);
* `fake_id_numbers = { name = "<first 17 digits>" }` declares `{name}` placeholders in
  `body`, replaced by a fake ID number whose check digit is computed, so it looks real;
* `based_on = "<source of an earlier entry>"` copies that entry, and the file's other
  keys replace the copied ones (the same mail sent twice).

Each entry records the intake warnings it is built to trigger, which the tests and the
packet builder's integration test check.  `Evidence.kind` names a maker in
`app.demo.intake`, which checks each evidence file's arguments against it.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.errors import PanelDeskError
from app.model import Expert
from app.paths import resource_path
from app.rubrics import load_default_rubric

# Warning codes the intake engine uses; listed here so a typo in a data file fails loudly.
WARNING_CODES = frozenset({
    "word_count", "image_count", "image_format", "image_resolution", "pii_phone",
    "pii_id_number", "duplicate", "unreadable_file", "category_missing", "field_missing",
    "unsafe_archive",
})
STYLES = ("table", "table_split", "paragraph", "pdf")
PACKINGS = ("folder", "zip", "zip_wrapped")


class DemoDataError(PanelDeskError):
    """A demo data file is missing, unreadable or says something the demo cannot build."""


@dataclass(frozen=True)
class Evidence:
    """One evidence file: its path inside the entry, which maker draws it, and how.

    `truncated` keeps only the first half of the file, as an interrupted download does.
    """

    name: str
    kind: str
    args: dict[str, Any] = field(default_factory=dict, hash=False)
    truncated: bool = False


@dataclass(frozen=True)
class DemoEntry:
    """One application mail as the organizer saved it.

    `style` is the 申报书 layout: "table" (label | value rows under a merged title row,
    contact in one "联系人及联系方式" cell), "table_split" (separate 联系人 / 联系电话
    rows), "paragraph" ("标签：值" lines and heading-like 核心亮点 / 详细内容), or "pdf".
    `marker` is the tick used in the category check boxes ("" = category as plain
    text); `category=None` means every box is left empty.  `packing` is "folder",
    "zip" (files at the zip's top level, GBK names) or "zip_wrapped" (one folder inside).
    An empty `highlights` leaves the 核心亮点 module out of the form.  `data_file` is the
    file the entry was read from, for messages.
    """

    source: str
    unit: str
    contact_name: str
    contact_phone: str
    category: str | None
    title: str
    highlights: str
    body: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    form: str = "申报书.docx"
    style: str = "table"
    marker: str = "☑"
    warnings: tuple[str, ...] = ()
    packing: str = "folder"
    data_file: str = field(default="", compare=False)

    @property
    def body_chars(self) -> int:
        """Length of 详细内容 as the call counts it: characters other than whitespace."""
        return sum(1 for ch in "".join(self.body) if not ch.isspace())


@dataclass(frozen=True)
class Demo:
    """Everything the demo is made of: the packet's facts and the application mails.

    `categories` are the rubric's, in its order: the order of the forms' check boxes.
    """

    packet_id: str
    title: str
    created: str
    form_title: str
    roster: tuple[Expert, ...]
    categories: tuple[str, ...]
    evidence_defaults: dict[str, dict[str, Any]]
    entries: tuple[DemoEntry, ...]


def paras(text: str) -> tuple[str, ...]:
    """Paragraphs from a wrapped source block: blank lines separate paragraphs, line
    breaks inside a paragraph are only source wrapping and are dropped."""
    blocks = [b for b in text.strip().split("\n\n") if b.strip()]
    return tuple("".join(line.strip() for line in b.splitlines()) for b in blocks)


ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def id_check_digit(first17: str) -> str:
    """GB 11643-1999 check character of a resident ID number's first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def fake_id_number(first17: str) -> str:
    """A made-up resident ID number that passes the check-digit test."""
    return first17 + id_check_digit(first17)


def category_line(category: str | None, marker: str, order: Sequence[str]) -> str:
    """The category as the form shows it: plain text, or a row of check boxes (one per
    name in `order`) with the chosen one ticked (none ticked when `category` is None)."""
    if not marker and category:
        return category
    tick = marker or "☑"
    return "　".join(f"{tick if name == category else '□'}{name}" for name in order)


@lru_cache(maxsize=1)
def load_demo() -> Demo:
    """The built-in demo from `resources/demo/` (cached: a Demo is immutable)."""
    return load_demo_from(resource_path("demo"), load_default_rubric().categories)


def load_demo_from(root: Path, categories: Sequence[str]) -> Demo:
    """Read `root/demo.toml` and every `root/applications/*.toml`; entries' categories
    must be among `categories`."""
    shared = _Table(_read(root / "demo.toml"), root / "demo.toml")
    defaults = shared.table("evidence_defaults", required=False)
    roster = []
    for member in shared.tables("roster"):
        roster.append(Expert(member.text("id"), member.text("name"), member.text("organization")))
        member.check_all_used()
    form_title, packet = shared.text("form_title"), {k: shared.text(k) for k in
                                                     ("packet_id", "title", "created")}
    evidence_defaults = {kind: defaults.table(kind).data for kind in defaults.data}
    shared.check_all_used()
    folder = root / "applications"
    if not folder.is_dir():
        raise DemoDataError(f"找不到演示申报数据文件夹：{folder}")
    raws: dict[str, dict[str, Any]] = {}
    entries = []
    for path in sorted(folder.iterdir()):
        if path.suffix != ".toml" or not path.is_file():
            raise DemoDataError(f"演示申报数据文件夹中只能有 .toml 文件：{path}")
        raw = _read(path)
        based_on = raw.pop("based_on", None)
        if based_on is not None:
            if based_on not in raws:
                raise DemoDataError(f"演示数据文件 {path} 的 based_on 有误：之前的文件中没有"
                                    f"source 为“{based_on}”的申报")
            raw = {**raws[based_on], **raw}
        entry = _entry(_Table(raw, path), tuple(categories), evidence_defaults)
        if entry.source in raws:
            raise DemoDataError(f"演示数据文件 {path} 的 source 有误：“{entry.source}”已被之前的文件使用")
        raws[entry.source] = raw
        entries.append(entry)
    return Demo(form_title=form_title, roster=tuple(roster), categories=tuple(categories),
                evidence_defaults=evidence_defaults, entries=tuple(entries), **packet)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except OSError as err:
        raise DemoDataError(f"无法读取演示数据文件 {path}：{err.strerror or err}") from err
    except tomllib.TOMLDecodeError as err:
        raise DemoDataError(f"演示数据文件 {path} 不是有效的 TOML：{err}") from err


class _Table:
    """A TOML table being read: typed look-ups whose errors name the file and the field,
    and a final check that no key was left unread (a misspelt key is an error)."""

    def __init__(self, data: dict[str, Any], path: Path, prefix: str = "") -> None:
        self.data, self.path, self.prefix = data, path, prefix
        self.used: set[str] = set()

    def fail(self, key: str, problem: str) -> DemoDataError:
        return DemoDataError(f"演示数据文件 {self.path} 的 {self.prefix}{key} 有误：{problem}")

    def get(self, key: str, kind: type, required: bool = True, default: Any = None) -> Any:
        self.used.add(key)
        if key not in self.data:
            if required:
                unread = [k for k in self.data if k not in self.used]
                guess = difflib.get_close_matches(key, unread, n=1, cutoff=0.6)
                raise self.fail(key, "缺少这一项" + (f"（是不是写成了 {guess[0]}？）" if guess else ""))
            return default
        value = self.data[key]
        if not isinstance(value, kind):
            raise self.fail(key, f"应为 {_TOML_NAMES[kind]}，而不是 {value!r}")
        return value

    def text(self, key: str, choices: Sequence[str] | None = None) -> str:
        value = self.get(key, str)
        if choices is not None and value not in choices:
            raise self.fail(key, f"“{value}”不是 {'、'.join(c or '空' for c in choices)} 之一")
        return value

    def table(self, key: str, required: bool = True) -> _Table:
        return _Table(self.get(key, dict, required, {}), self.path, f"{self.prefix}{key}.")

    def tables(self, key: str) -> list[_Table]:
        items = self.get(key, list)
        for number, item in enumerate(items):
            if not isinstance(item, dict):
                raise self.fail(f"{key}[{number}]", "应为一个表（[[...]]）")
        return [_Table(item, self.path, f"{self.prefix}{key}[{n}].")
                for n, item in enumerate(items)]

    def rest(self) -> dict[str, Any]:
        """The keys not read yet, now counted as read."""
        rest = {k: v for k, v in self.data.items() if k not in self.used}
        self.used |= set(rest)
        return rest

    def check_all_used(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise self.fail(unknown[0], "不认识这一项（拼写错误？）")


_TOML_NAMES = {str: "字符串", bool: "true 或 false", list: "数组", dict: "表"}


def _entry(t: _Table, categories: tuple[str, ...],
           evidence_defaults: dict[str, dict[str, Any]]) -> DemoEntry:
    source, style, packing = t.text("source"), t.text("style", STYLES), t.text("packing", PACKINGS)
    if (packing != "folder") != source.endswith(".zip"):
        raise t.fail("packing", f"装在 zip 中的申报，source 须以 .zip 结尾（{packing}，{source}）")
    form = t.text("form")
    if not form.endswith(".pdf" if style == "pdf" else ".docx"):
        raise t.fail("form", f"style 为 {style} 时不能是 {form}")
    category = t.text("category", ("", *categories)) or None
    marker = t.text("marker")
    if len(marker) > 1:
        raise t.fail("marker", f"应为空或一个勾选符号，而不是“{marker}”")
    warnings = tuple(t.get("warnings", list))
    if not set(warnings) <= WARNING_CODES:
        raise t.fail("warnings", f"不认识的提示代码 {sorted(set(warnings) - WARNING_CODES)}")
    highlights = t.text("highlights")
    if "\n" in highlights:
        raise t.fail("highlights", "应为一段文字（长行请用行尾的 \\ 续行）")
    entry = DemoEntry(
        source=source, unit=t.text("unit"), contact_name=t.text("contact_name"),
        contact_phone=t.text("contact_phone"), category=category, title=t.text("title"),
        highlights=highlights, body=_body(t), form=form, style=style, marker=marker,
        warnings=warnings, packing=packing, data_file=str(t.path),
        evidence=tuple(_evidence(e, evidence_defaults) for e in t.tables("evidence")))
    t.check_all_used()
    return entry


def _body(t: _Table) -> tuple[str, ...]:
    """The body's paragraphs, its `{name}` placeholders filled with fake ID numbers."""
    body = t.text("body")
    numbers = t.table("fake_id_numbers", required=False)
    for name in numbers.data:
        first17 = numbers.text(name)
        if not re.fullmatch(r"\d{17}", first17):
            raise numbers.fail(name, f"应为身份证号码的前 17 位数字，而不是“{first17}”")
        if "{" + name + "}" not in body:
            raise numbers.fail(name, f"body 中没有用到 {{{name}}}")
        body = body.replace("{" + name + "}", fake_id_number(first17))
    left = re.search(r"\{[^{}]*\}", body)
    if left:
        raise t.fail("body", f"{left.group()} 没有在 fake_id_numbers 中声明")
    body_paragraphs = paras(body)
    if not body_paragraphs:
        raise t.fail("body", "不能为空")
    return body_paragraphs


def _evidence(t: _Table, defaults: dict[str, dict[str, Any]]) -> Evidence:
    name, kind = t.text("name"), t.text("kind")
    truncated = t.get("truncated", bool, required=False, default=False)
    args = {**defaults.get(kind, {}), **t.rest()}
    return Evidence(name, kind, {key: _frozen(value) for key, value in args.items()}, truncated)


def _frozen(value: Any) -> Any:
    """TOML arrays as tuples, so evidence arguments read like the records they describe."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return {key: _frozen(v) for key, v in value.items()}
    return value
