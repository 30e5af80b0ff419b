"""Contact details in a 申报书: telling the person from the number, and finding every piece.

`split_contact` divides a combined 联系人及联系方式 value into the name and the contact
part; `contact_strings` lists every piece of the contact fields so the builder can mask
them in the text experts read (docs/decisions.md: contact details are minimised).
Phone numbers follow the mainland formats (mobiles, grouped landlines, 400/800 lines),
also as applicants mask them themselves ("138****5678").
"""

from __future__ import annotations

import re

_MOBILE = r"(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?!\d)"
# Local numbers are often grouped: "0779-5550 2201", "010-5555-0000".
_LANDLINE = (r"(?<!\d)(?:(?:[（(]0\d{2,3}[）)]\s*|0\d{2,3}\s*[-－—]?\s*)\d{3,4}[-\s]?\d{4}"
             r"|[2-9]\d{6,7})"
             r"(?:\s*(?:-|转|分机)\s*\d{1,6})?(?!\d)")
_SERVICE = r"(?<!\d)[48]00[-\s]?\d{3}[-\s]?\d{4}(?!\d)"
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
# A number the applicant masked themselves ("138****5678", "138-xxxx-5678"): still the
# contact part of a combined cell, not part of the name.  Needs at least one mask mark.
_MASK = "*＊×xX●•"
_MASKED = (rf"(?<![\d{_MASK}])(?=[\d\s-]*[{_MASK}])"
           rf"(?:1[3-9]\d(?:[-\s]?[\d{_MASK}]{{4}}){{2}}"
           rf"|0\d{{2,3}}[-\s]?[\d{_MASK}]{{3,4}}[-\s]?[\d{_MASK}]{{4}})(?![\d{_MASK}])")
_CONTACT_RE = re.compile(f"{_EMAIL}|{_MOBILE}|{_SERVICE}|{_MASKED}|{_LANDLINE}")
_INFO_LABEL_RE = re.compile(
    r"(?:联系方式|联系电话|办公电话|固定电话|移动电话|手机号码|手机号|手机|电话|座机|电子邮箱"
    r"|电子邮件|邮箱|e-?mail|tel|微信)[ \t\u3000]*[:：]?[ \t\u3000]*$", re.IGNORECASE)
_NAME_LABEL_RE = re.compile(r"(?:联系人及联系方式|联系人姓名|联系人|姓名)\s*[:：]?")
EDGE_PUNCT = " \t\n\u3000，,；;、/|:："


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
    info = re.sub(r"[ \t\u3000]*\n[ \t\u3000]*", "；", value[start:end].strip(EDGE_PUNCT))
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
            pieces.add(part.strip(EDGE_PUNCT))
            pieces.update(m.group() for m in _CONTACT_RE.finditer(part))
    return sorted((p for p in pieces if p), key=len, reverse=True)


def _clean_name(text: str) -> str:
    text = _NAME_LABEL_RE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip(EDGE_PUNCT)


def starts_with_name(value: str) -> bool:
    """A 联系方式 value that starts with a short name before the number ("王芳 138…")."""
    m = _CONTACT_RE.search(value)
    if m is None:
        return False
    label = _INFO_LABEL_RE.search(value[:m.start()])
    head = _clean_name(value[:label.start() if label else m.start()])
    return 0 < len(head) <= 12 and not any(ch.isdigit() for ch in head)
