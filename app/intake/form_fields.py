"""From the text of a 申报书 to its fields — shared by the .docx, .pdf and .doc readers.

Each reader turns its file into a stream of *blocks* in reading order: a `str` is a line
of running text (a paragraph, a one-cell table row, a PDF line), a `(label, value)`
tuple is a table row whose first cell is a label.  `pairs_from_blocks` runs the
paragraph grammar over that stream ("申报单位：…" on one line, or a label heading
followed by content lines until the next label), `fields_from_pairs` maps the labels
to the keys of `app.model.FIELD_LABELS` and splits a combined 联系人及联系方式 value
(`app.intake.contacts`).  The 实践类别 value is kept as written (`category_raw`): which of
the rubric's categories it names is `app.intake.categories`' question.

Labels vary in real forms ("申 报 单 位", "申报单位（盖章）", "核心亮点（200字以内）",
"一、实践标题"), so they are matched after normalisation against a table of variants.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from app.intake.contacts import EDGE_PUNCT, split_contact, starts_with_name

Block = str | tuple[str, str]

# Field key → label variants.  "contact" is the combined 联系人及联系方式 cell; "_stop"
# labels (dates, seals, signatures, attachments) end the field before them and are
# otherwise ignored, so a signature line never lands in 详细内容.
LABEL_VARIANTS: dict[str, tuple[str, ...]] = {
    "unit": ("申报单位", "申报单位名称", "申报单位全称", "单位名称", "申报主体", "报送单位",
             "填报单位", "单位"),
    "contact": ("联系人及联系方式", "联系人及联系电话", "联系人及电话", "联系人和联系方式",
                "联系人与联系方式", "联系人/联系方式", "联系人、联系方式", "联系人及方式"),
    "contact_name": ("联系人", "联系人姓名", "姓名"),
    "contact_info": ("联系方式", "联系电话", "电话", "手机", "手机号", "手机号码", "移动电话",
                     "办公电话", "座机", "固定电话", "邮箱", "电子邮箱", "电子邮件", "E-mail",
                     "Email"),
    "category": ("实践类别", "申报类别", "所属类别", "参评类别", "实践类型", "申报类型", "类别",
                 "类型", "申报方向", "重点方向", "实践方向"),
    "title": ("实践标题", "实践名称", "案例标题", "案例名称", "实践案例名称", "实践案例标题",
              "创新实践名称", "创新实践标题", "申报标题", "项目名称", "标题", "题目"),
    "highlights": ("核心亮点", "亮点", "主要亮点", "实践亮点", "创新亮点", "核心亮点摘要",
                   "核心亮点概述", "亮点概述", "内容摘要", "摘要"),
    "body": ("详细内容", "实践内容", "主要做法", "正文", "具体内容", "详细介绍", "实践详情",
             "案例内容", "案例正文", "案例详情", "实践详细内容", "主要内容", "详细材料",
             "详细情况", "具体做法", "实践做法", "主要做法及成效", "做法与成效"),
    # Not ours, but labels all the same: they end the field above them (a signature line
    # never lands in 详细内容) and keep "职务 | 科长" out of the 联系人 value.
    "_stop": ("日期", "填表日期", "填报日期", "申报日期", "盖章", "单位盖章", "单位签章", "签字",
              "负责人签字", "负责人", "单位负责人", "备注", "附件", "附件清单", "佐证材料",
              "佐证材料清单", "审核意见", "推荐意见", "单位意见", "职务", "职称", "部门",
              "所在部门", "地址", "通讯地址", "单位地址", "邮编", "邮政编码", "传真", "所在地区",
              "单位性质", "填表人", "填报人", "审核人", "申报单位意见", "主管部门意见",
              "推荐单位意见", "单位承诺", "承诺"),
}
MULTI_LINE = ("highlights", "body")
_ORDER = ("unit", "contact", "contact_name", "contact_info", "category", "title", "highlights",
          "body")
_KEY_BY_LABEL = {re.sub(r"\s", "", unicodedata.normalize("NFKC", v)).lower(): k
                 for k, vs in LABEL_VARIANTS.items() for v in vs}

_ORDINAL = (r"(?:[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,2}\s*[、.．]"
            r"|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[*＊★※])")
_EXTRA = r"(?:\s*[（(【\[][^（()）【】\[\]\n]{0,40}[）)】\]])*"
_ALTS = "|".join(r"\s*".join(re.escape(ch) for ch in v)
                 for v in sorted(_KEY_BY_LABEL, key=len, reverse=True))
_LINE_RE = re.compile(
    rf"^[ \t\u3000]*(?P<ordinal>{_ORDINAL})?[ \t\u3000]*(?P<label>{_ALTS})(?P<extra>{_EXTRA})"
    r"(?P<sep>[ \t\u3000]*[:：]|\t|[ \u3000]+(?=\S)|[ \t\u3000]*$)", re.IGNORECASE)
# A second "label：value" inside a single-line value, e.g. "联系人：王芳  电话：138…".
_INLINE_RE = re.compile(rf"[ \t\u3000，,；;]+(?P<label>{_ALTS}){_EXTRA}[ \t\u3000]*[:：]",
                        re.IGNORECASE)
_ORDINAL_RE = re.compile(rf"^{_ORDINAL}")
_BRACKETS_RE = re.compile(r"[(【\[][^()【】\[\]]*[)】\]]")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# A value paragraph that is only the template's hint, e.g. "（200字以内，概括核心亮点）".
_HINT_RE = re.compile(r"^[（(【\[][^）)】\]]*(?:字以内|字左右|不超过|请|限|填写)[^）)】\]]*[）)】\]]$")
# The template's stamp remark left in the unit's value: "某市热线（盖章）".
_STAMP_RE = re.compile(r"[ \t\u3000]*[（(【\[][ \u3000]*(?:加盖)?(?:单位)?(?:公章|盖章|签章|印章)"
                       r"[ \u3000]*[）)】\]]$")



@dataclass
class ParsedForm:
    """What a 申报书 yielded.  `fields` keys come from `app.model.FIELD_LABELS`."""

    fields: dict[str, str]
    text: str  # the whole readable text, in reading order
    notes: list[str] = field(default_factory=list)  # parser remarks, Chinese
    category_candidates: list[str] = field(default_factory=list)
    # The 实践类别 value as written; None when the form has no such label.
    category_raw: str | None = None
    # Pictures pasted into a Word form, (member name, bytes) in reading order.
    pictures: list[tuple[str, bytes]] = field(default_factory=list)


@dataclass
class FieldResult:
    fields: dict[str, str]
    category_raw: str | None = None


@dataclass
class LabelMatch:
    key: str
    label: str
    value: str
    ordinal: bool  # "一、" / "（二）" before the label: looks like a body sub-heading
    weak: bool  # separated from its value by blanks only, no colon or tab


def clean_text(text: str) -> str:
    """Invisible marks removed, line ends unified, line ends and runs of blank lines trimmed."""
    text = _INVISIBLE_RE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\xa0", " ").replace("\x0b", "\n").replace("\x0c", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def normalize_label(text: str) -> str:
    """"一、申 报 单 位（盖章）：" → "申报单位": NFKC, no blanks, ordinals, brackets, colons."""
    text = re.sub(r"\s", "", unicodedata.normalize("NFKC", _INVISIBLE_RE.sub("", text)))
    text = _ORDINAL_RE.sub("", text)
    previous = None
    while previous != text:  # nested brackets go from the inside out
        previous, text = text, _BRACKETS_RE.sub("", text)
    return text.strip(":*★").lower()


def label_key(text: str) -> str | None:
    """The field key a table cell's text labels, or None when it is not a label."""
    if len(text) > 40:
        return None
    return _KEY_BY_LABEL.get(normalize_label(text))


def match_label_line(line: str) -> LabelMatch | None:
    """A line that starts with a label: "申报单位：某市", "核心亮点", "联系人 王芳"."""
    m = _LINE_RE.match(line)
    if m is None:
        return None
    label = m.group("label")
    key = _KEY_BY_LABEL[re.sub(r"\s", "", unicodedata.normalize("NFKC", label)).lower()]
    sep = m.group("sep")
    return LabelMatch(key, label, line[m.end():].strip(), m.group("ordinal") is not None,
                      weak=":" not in sep and "：" not in sep and "\t" not in sep
                      and line[m.end():].strip() != "")


def row_blocks(cells: list[str], carried: list[bool] | None = None) -> list[Block]:
    """One table row (distinct cells, left to right) as blocks.

    A label cell pairs with the cells up to the next label ("联系人 | 王芳 | 电话 | 138…"
    holds two pairs).  A row with no label but an empty first cell continues the value
    of the previous row (a value split over rows or pages: the label is `""`).  Rows
    without labels are lines, so a merged title row or a "详细内容" heading row spanning
    the table goes through the paragraph grammar.  `carried[i]` marks a label cell
    carried down from a vertical merge; its pair continues the previous one.
    """
    carried = carried or [False] * len(cells)
    keys = [label_key(c) if c.strip() else None for c in cells]
    first = next((i for i, k in enumerate(keys) if k is not None), None)
    if first is None:
        if cells and not cells[0].strip() and any(c.strip() for c in cells[1:]):
            return [("", "\n".join(c for c in cells[1:] if c.strip()))]
        return [c for c in cells if c.strip()]
    blocks: list[Block] = [c for c in cells[:first] if c.strip()]
    i = first
    while i < len(cells):
        j = next((n for n in range(i + 1, len(cells)) if keys[n] is not None), len(cells))
        value = "\n".join(c for c in cells[i + 1:j] if c.strip())
        blocks.append(("", value) if carried[i] else (cells[i], value))
        i = j
    return blocks


def table_blocks(rows: list[list[str]],
                 carried: list[list[bool]] | None = None) -> list[Block]:
    """A table's rows (distinct cells each) as blocks: `row_blocks` row by row, but a
    header row and the row below it as `header_pairs`."""
    out: list[Block] = []
    i = 0
    while i < len(rows):
        pairs = header_pairs(rows[i], rows[i + 1]) if i + 1 < len(rows) else None
        if pairs is not None:
            out.extend(pairs)
            i += 2
            continue
        out.extend(row_blocks(rows[i], carried[i] if carried else None))
        i += 1
    return out


def header_pairs(cells: list[str], below: list[str]) -> list[Block] | None:
    """A header row — labels only, two or more of them — above a row of as many cells
    without any label, as (label, cell below it) pairs ("申报单位 | 联系人及联系方式 |
    实践类别" over the three values); None for any other two rows."""
    keys = [label_key(c) for c in cells if c.strip()]
    if (len(below) != len(cells) or None in keys
            or len([k for k in keys if k != "_stop"]) < 2
            or not any(c.strip() for c in below)
            or any(label_key(c) for c in below if c.strip())):
        return None
    return [(label, value) for label, value in zip(cells, below) if label.strip()]


def pairs_from_blocks(blocks: list[Block]) -> list[tuple[str, str]]:
    """Run the paragraph grammar over the blocks; returns (label, value) pairs in order."""
    labels: list[str] = []
    values: list[list[str]] = []  # lines, joined at the end (a body may have thousands)
    keys: list[str] = []
    filled: set[str] = set()  # keys holding a non-empty value
    current: int | None = None  # the pair that following content lines extend

    def add(key: str, label: str, value: str, from_table: bool = False) -> None:
        # An empty value opens the field for the lines below it; so does a paragraph
        # "详细内容：第一段…" whose later paragraphs follow.  A table cell is complete.
        nonlocal current
        labels.append(label)
        values.append([value] if value.strip() else [])
        keys.append(key)
        if value.strip():
            filled.add(key)
        open_ = not value.strip() or (key in MULTI_LINE and not from_table)
        current = len(keys) - 1 if open_ else None

    for block in blocks:
        if isinstance(block, tuple):
            label, value = block
            if not label and keys:  # continuation row
                if value:
                    values[-1].append(value)
                    filled.add(keys[-1])
                continue
            key = label_key(label) or "_stop"
            if key == "_stop":
                current = None
            else:
                add(key, label, value, from_table=True)
            continue
        for raw in block.split("\n"):
            line = raw.strip(" \t\u3000")
            if not line:
                continue
            m = match_label_line(line)
            if m is not None and current is not None:
                m = _switch_or_stop(m, keys[current], bool(values[current]), filled)
            if m is None:
                if current is not None:
                    values[current].append(line)
                    filled.add(keys[current])
                continue
            if m.key == "_stop":
                current = None
                continue
            if m.key in MULTI_LINE or m.key == "category":
                add(m.key, m.label, m.value)
                continue
            for key, label, value in _split_inline(m.key, m.label, m.value):
                add(key, label, value)
    return [(label, "\n".join(parts)) for label, parts in zip(labels, values)]


def _switch_or_stop(m: LabelMatch, current_key: str, has_content: bool,
                    filled: set[str]) -> LabelMatch | None:
    """Whether a label line below an open field starts a new field (the match), ends the
    open one (a "_stop" match) or is content of it (None)."""
    stop = LabelMatch("_stop", m.label, "", m.ordinal, m.weak)
    if current_key not in MULTI_LINE or not has_content:
        return m
    if m.weak:  # "电话 响了十几声…" inside the body is prose, not a label
        return None
    if m.key == "_stop":
        return m
    # Inside 核心亮点/详细内容: sub-headings such as "二、主要做法" stay content …
    if m.key == current_key:
        return None
    if m.key in filled:
        # … a bare label of a field already read ("申报单位（盖章）：" at the signature)
        # ends the section …
        return stop if not m.value and not m.ordinal else None
    # … and a numbered heading of an earlier module ("（一）创新亮点" in 详细内容) too.
    if m.ordinal and _ORDER.index(m.key) < _ORDER.index(current_key):
        return None
    return m


def _split_inline(key: str, label: str, value: str) -> list[tuple[str, str, str]]:
    """"王芳  联系电话：138…" after "联系人：" → two pairs."""
    out = [(key, label, value)]
    while True:
        k, lab, val = out[-1]
        m = _INLINE_RE.search(val)
        if m is None:
            return out
        new_key = label_key(m.group("label")) or "_stop"
        out[-1] = (k, lab, val[:m.start()].strip())
        if new_key == "_stop":
            return out
        out.append((new_key, m.group("label"), val[m.end():].strip()))


def join_single(value: str) -> str:
    """Lines of a one-line field joined: no blank between CJK characters, else one."""
    out = ""
    for line in (p.strip() for p in value.split("\n")):
        if not line or _HINT_RE.match(line):
            continue
        if out and not (_is_cjk(out[-1]) and _is_cjk(line[0])):
            out += " "
        out += line
    return re.sub(r"[ \t\u3000]+", " ", out).strip()


def _join_multi(value: str) -> str:
    lines = [p.strip(" \t\u3000") for p in value.split("\n")]
    lines = [p for p in lines if p and not _HINT_RE.match(p)]
    return "\n".join(lines)


def _is_cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef" \
        or "\u3000" <= ch <= "\u303f"


def fields_from_pairs(pairs: list[tuple[str, str]]) -> FieldResult:
    """Map labelled values to field keys.  The first non-empty value of a field wins (a
    "申报单位（盖章）" repeated at the signature does not replace the one at the top);
    contact details from several rows (电话, 邮箱) are all kept, joined by "；"."""
    fields: dict[str, str] = {}
    infos: list[str] = []
    category_raw: str | None = None
    for label, value in pairs:
        key = label_key(label)
        if key is None or key == "_stop":
            continue
        if key == "category":
            if category_raw is None or not category_raw.strip():
                category_raw = value
            continue
        if key in ("contact", "contact_name") or (key == "contact_info" and starts_with_name(value)):
            name, info = split_contact(value)
            if name and not fields.get("contact_name"):
                fields["contact_name"] = name
            if info:
                infos.append(info)
            continue
        if key == "contact_info":
            info = join_single(value)
            if info:
                infos.append(info.strip(EDGE_PUNCT))
            continue
        text = _join_multi(value) if key in MULTI_LINE else join_single(value)
        if key == "unit":
            text = _STAMP_RE.sub("", text)
        if text and not fields.get(key):
            fields[key] = text
    if infos:
        fields["contact_info"] = "；".join(dict.fromkeys(infos))
    return FieldResult(fields, category_raw)


def build_form(blocks: list[Block], text: str) -> ParsedForm:
    """The whole pipeline for one reader's blocks; `text` is the form's readable text."""
    result = fields_from_pairs(pairs_from_blocks(blocks))
    return ParsedForm(result.fields, clean_text(text), category_raw=result.category_raw)
