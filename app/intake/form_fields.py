"""From the text of a 申报书 to its fields — shared by the .docx, .pdf and .doc readers.

Each reader turns its file into a stream of *blocks* in reading order: a `str` is a line
of running text (a paragraph, a one-cell table row, a PDF line), a `(label, value)`
tuple is a table row whose first cell is a label.  `pairs_from_blocks` runs the
paragraph grammar over that stream ("申报单位：…" on one line, or a label heading
followed by content lines until the next label), `fields_from_pairs` maps the labels
to the keys of `app.model.FIELD_LABELS`, splits a combined 联系人及联系方式 value and
reads the category (plain text or check boxes, `detect_category`).

Labels vary in real forms ("申 报 单 位", "申报单位（盖章）", "核心亮点（200字以内）",
"一、实践标题"), so they are matched after normalisation against a table of variants.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

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

_MOBILE = r"(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)"
# Local numbers are often grouped: "0779-5550 2201", "010-5555-0000".
_LANDLINE = (r"(?<!\d)(?:(?:[（(]0\d{2,3}[）)]\s*|0\d{2,3}\s*[-－—]?\s*)\d{3,4}[-\s]?\d{4}"
             r"|[2-9]\d{6,7})"
             r"(?:\s*(?:-|转|分机)\s*\d{1,6})?(?!\d)")
_SERVICE = r"(?<!\d)[48]00[-\s]?\d{3}[-\s]?\d{4}(?!\d)"
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_CONTACT_RE = re.compile(f"{_EMAIL}|{_MOBILE}|{_SERVICE}|{_LANDLINE}")
_INFO_LABEL_RE = re.compile(
    r"(?:联系方式|联系电话|办公电话|固定电话|移动电话|手机号码|手机号|手机|电话|座机|电子邮箱"
    r"|电子邮件|邮箱|e-?mail|tel|微信)[ \t\u3000]*[:：]?[ \t\u3000]*$", re.IGNORECASE)
_NAME_LABEL_RE = re.compile(r"(?:联系人及联系方式|联系人姓名|联系人|姓名)\s*[:：]?")
_EDGE_PUNCT = " \t\n\u3000，,；;、/|:："


@dataclass
class ParsedForm:
    """What a 申报书 yielded.  `fields` keys come from `app.model.FIELD_LABELS`."""

    fields: dict[str, str]
    text: str  # the whole readable text, in reading order
    notes: list[str] = field(default_factory=list)  # parser remarks, Chinese
    category_candidates: list[str] = field(default_factory=list)


@dataclass
class FieldResult:
    fields: dict[str, str]
    notes: list[str]
    category_candidates: list[str]


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


def split_contact(value: str) -> tuple[str, str]:
    """"王芳 010-12345678" → ("王芳", "010-12345678"); "王芳，138…" → ("王芳", "138…").

    The contact part starts at the first phone number or e-mail address (or at a label
    such as "电话：" right before it) and runs to the end, so a second person stays with
    it; the name is what comes before, without its label.
    """
    matches = list(_CONTACT_RE.finditer(value))
    if not matches:
        return _clean_name(value), ""
    start, end = matches[0].start(), len(value)
    label = _INFO_LABEL_RE.search(value[:start])
    if label is not None:
        start = label.start()
    name = _clean_name(value[:start])
    tail = _clean_name(value[matches[-1].end():])
    if not name and 0 < len(tail) <= 12 and not any(ch.isdigit() for ch in tail):
        name, end = tail, matches[-1].end()  # "（010）87654321 王芳": the name comes last
    info = re.sub(r"[ \t\u3000]*\n[ \t\u3000]*", "；", value[start:end].strip(_EDGE_PUNCT))
    return name, re.sub(r"[ \t\u3000]+", " ", info)


def contact_strings(fields: dict[str, str]) -> list[str]:
    """Every piece of the contact fields as it may appear in the form's text — the name,
    each "；"-joined part of 联系方式 and each number or address in it — longest first,
    so a caller can mask them all in `ParsedForm.text` (the parts were joined from
    separate cells, so the whole value need not occur in the text)."""
    pieces: set[str] = set()
    for key in ("contact_name", "contact_info"):
        value = (fields.get(key) or "").strip()
        if not value:
            continue
        pieces.add(value)
        for part in value.split("；"):
            pieces.add(part.strip(_EDGE_PUNCT))
            pieces.update(m.group() for m in _CONTACT_RE.finditer(part))
    return sorted((p for p in pieces if p), key=len, reverse=True)


def _clean_name(text: str) -> str:
    text = _NAME_LABEL_RE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip(_EDGE_PUNCT)


def _join_single(value: str) -> str:
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
    notes: list[str] = []
    candidates: list[str] = []
    category_raw: str | None = None
    for label, value in pairs:
        key = label_key(label)
        if key is None or key == "_stop":
            continue
        if key == "category":
            if category_raw is None or not category_raw.strip():
                category_raw = value
            continue
        if key in ("contact", "contact_name") or (key == "contact_info" and _has_name(value)):
            name, info = split_contact(value)
            if name and not fields.get("contact_name"):
                fields["contact_name"] = name
            if info:
                infos.append(info)
            continue
        if key == "contact_info":
            info = _join_single(value)
            if info:
                infos.append(info.strip(_EDGE_PUNCT))
            continue
        text = _join_multi(value) if key in MULTI_LINE else _join_single(value)
        if text and not fields.get(key):
            fields[key] = text
    if infos:
        fields["contact_info"] = "；".join(dict.fromkeys(infos))
    if category_raw is not None:
        category, candidates, note = detect_category(category_raw)
        fields["category"] = category or ""
        if note:
            notes.append(note)
    return FieldResult(fields, notes, candidates)


def _has_name(value: str) -> bool:
    """A 联系方式 value that starts with a short name before the number ("王芳 138…")."""
    m = _CONTACT_RE.search(value)
    if m is None:
        return False
    label = _INFO_LABEL_RE.search(value[:m.start()])
    head = _clean_name(value[:label.start() if label else m.start()])
    return 0 < len(head) <= 12 and not any(ch.isdigit() for ch in head)


def build_form(blocks: list[Block], text: str) -> ParsedForm:
    """The whole pipeline for one reader's blocks; `text` is the form's readable text."""
    text = clean_text(text)
    result = fields_from_pairs(pairs_from_blocks(blocks))
    notes, candidates = result.notes, result.category_candidates
    if "category" not in result.fields:
        # No 实践类别 label: a line of check boxes anywhere still says which category.
        line = find_category_line(text)
        if line is not None:
            category, candidates, note = detect_category(line)
            result.fields["category"] = category or ""
            if note:
                notes.append(note)
    return ParsedForm(result.fields, text, notes, candidates)


# --- 实践类别: plain text or check boxes -------------------------------------------

CATEGORIES = ("感动瞬间", "创新机制", "坚守故事", "治理成效")
_CATEGORY_VARIANTS = {"感动瞬间": ("感动瞬间",), "创新机制": ("创新机制", "机制创新"),
                      "坚守故事": ("坚守故事",), "治理成效": ("治理成效",)}
_CANONICAL = {v: c for c, vs in _CATEGORY_VARIANTS.items() for v in vs}
_CHECKED = "☑☒■√✓✔✅⊠▣●◉▪⬛🗹"
_UNCHECKED = "□☐○◯▢⬜◻"
_BOX_GLYPHS = "☑☒■✅⊠▣●◉▪⬛🗹□☐○◯▢⬜◻"  # conventionally written before the name
_TOKEN_RE = re.compile(
    "(?P<name>" + "|".join(r"\s*".join(v) for v in _CANONICAL) + r")(?:\s*类)?"
    rf"|(?P<on>[{_CHECKED}]|[（(【\[]\s*[{_CHECKED}]\s*[）)】\]])"
    rf"|(?P<off>[{_UNCHECKED}]|[（(【\[][ \u3000]*[）)】\]])")
# Instructions inside the value ("（请在所选类别前打√）") must not count as a mark.
_CATEGORY_HINT_RE = re.compile(r"[（(【\[][^）)】\]]*(?:请|打|勾|选|填)[^）)】\]]*[）)】\]]")
_MAX_MARK_GAP = 3  # characters between a mark and the name it belongs to


def detect_category(value: str) -> tuple[str | None, list[str], str | None]:
    """(category, candidates, note) from a 实践类别 value.

    Check boxes ("☑治理成效 □创新机制", "治理成效（√）", "√ 坚守故事"): each mark belongs to
    the name it touches; a mark between two names goes to the nearer one, and on a tie to
    the side most other marks are on.  Exactly one checked name is the category; none or
    several give None and a note (several also as candidates).  Without marks the value
    must name exactly one category ("治理成效", "治理成效类").
    """
    text = _CATEGORY_HINT_RE.sub(lambda m: " " * len(m.group()), value)
    tokens = [(m.lastgroup or "", m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
    names = [t for t in tokens if t[0] == "name"]
    shown = _join_single(value)
    if not names:
        if not shown:
            return None, [], None
        return None, [], f"实践类别“{shown}”不是{'、'.join(CATEGORIES)}之一，请核对"
    if not any(t[0] != "name" for t in tokens):
        found = list(dict.fromkeys(_canonical(t[3]) for t in names))
        if len(found) == 1:
            return found[0], [], None
        return None, found, f"实践类别填写了多项：{'、'.join(found)}，请与申报单位确认"
    checked = _checked_names(tokens)
    if len(checked) == 1:
        return checked[0], [], None
    if not checked:
        return None, [], "实践类别未勾选任何一项"
    return None, checked, f"实践类别勾选了多项：{'、'.join(checked)}，请与申报单位确认"


def _checked_names(tokens: list[tuple[str, int, int, str]]) -> list[str]:
    sides: dict[int, str | None] = {}  # mark index → "before" (its name follows) / "after"
    for i, (kind, start, end, _) in enumerate(tokens):
        if kind == "name":
            continue
        gap_prev = start - tokens[i - 1][2] if i > 0 and tokens[i - 1][0] == "name" else None
        gap_next = (tokens[i + 1][1] - end
                    if i + 1 < len(tokens) and tokens[i + 1][0] == "name" else None)
        gap_prev = gap_prev if gap_prev is not None and gap_prev <= _MAX_MARK_GAP else None
        gap_next = gap_next if gap_next is not None and gap_next <= _MAX_MARK_GAP else None
        if gap_prev is None and gap_next is None:
            continue
        if gap_prev is None or (gap_next is not None and gap_next < gap_prev):
            sides[i] = "before"
        elif gap_next is None or gap_prev < gap_next:
            sides[i] = "after"
        else:
            sides[i] = None
    before = sum(1 for s in sides.values() if s == "before")
    after = sum(1 for s in sides.values() if s == "after")
    checked: list[str] = []
    for i, side in sides.items():
        if side is None:
            glyph = tokens[i][3].strip("（(【[ ）)】]")
            side = ("before" if before > after else "after" if after > before
                    else "before" if glyph and glyph in _BOX_GLYPHS else "after")
        if tokens[i][0] == "on":
            name = tokens[i + 1] if side == "before" else tokens[i - 1]
            checked.append(_canonical(name[3]))
    return list(dict.fromkeys(checked))


def _canonical(name: str) -> str:
    return _CANONICAL[re.sub(r"\s|类$", "", name)]


def find_category_line(text: str) -> str | None:
    """The first line holding two or more category names and a check mark, if any."""
    for line in text.split("\n"):
        kinds = [m.lastgroup for m in _TOKEN_RE.finditer(line)]
        if kinds.count("name") >= 2 and ("on" in kinds or "off" in kinds):
            return line
    return None
