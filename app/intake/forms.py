"""The 申报书 (application form) reader used by the intake: one entry point per question.

`parse_form` reads a form whatever its format — decided by its content, not its name,
since applicants rename files freely (a .doc that is really a .docx, a PDF saved as
.docx): a zip with word/document.xml is Word 2007+, `%PDF-` is a PDF, an OLE2 compound
file or RTF is legacy Word (converted with LibreOffice).  `looks_like_form` is the cheap
test the builder uses to pick the form among an entry's files.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.intake import form_doc, form_docx, form_pdf
from app.intake.categories import CategorySet
from app.intake.form_fields import ParsedForm, match_label_line, normalize_label

__all__ = ["CategorySet", "ParsedForm", "count_label_groups", "looks_like_form", "parse_form",
           "sniff"]

_MAX_DOC_SCAN = 8 * 1024 * 1024  # a .doc form's text sits well inside this
# Labels only a 申报书 uses; `looks_like_form` wants at least one of them.
STRONG_LABELS = frozenset({"申报单位", "申报单位名称", "联系人及联系方式", "实践类别",
                           "申报类别", "实践标题", "实践名称", "案例标题", "核心亮点",
                           "详细内容", "实践内容"})
_LINE_BREAKS = re.compile(r"[\n\r\x07\t]")  # .doc ends paragraphs with CR, cells with 0x07


def sniff(data: bytes) -> str | None:
    """"docx", "pdf", "doc" (OLE2/RTF), "zip" (some other zip) or None."""
    if form_pdf.is_pdf(data):
        return "pdf"
    if form_doc.is_legacy_word(data):
        return "doc"
    kind = form_docx.zip_kind(data)
    # A damaged zip goes to the Word reader, whose message says the file is damaged.
    return "docx" if kind == "broken" else kind


def parse_form(name: str, data: bytes, categories: CategorySet, *,
               soffice: str | None = None) -> ParsedForm:
    """Parse the 申报书 `name` (used in messages only), its category read as one of
    `categories`.  `soffice` is the LibreOffice executable for legacy .doc files; None
    looks it up.  Raises PanelDeskError with a Chinese reason naming `name` when the file
    cannot be read."""
    form = _read(name, data, soffice)
    categories.resolve(form)
    return form


def _read(name: str, data: bytes, soffice: str | None) -> ParsedForm:
    kind = sniff(data)
    if kind == "docx":
        return form_docx.parse_docx(name, data)
    if kind == "pdf":
        return form_pdf.parse_pdf(name, data)
    if kind == "doc":
        return form_doc.parse_doc(name, data, soffice=soffice)
    ext = PurePosixPath(name).suffix.lower()
    if kind == "zip":
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "{name}：不是 Word 文档（压缩包中没有 word/document.xml）"), name=name))
    if not data:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Intake", "{name}：文件是空的（0 字节）"), name=name))
    if ext in (".docx", ".doc", ".pdf", ".wps", ".rtf"):
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "{name}：文件已损坏，内容不是有效的 {upper} 文件，无法读取"), name=name, upper=ext[1:].upper()))
    raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
        "Intake", "{name}：无法识别的文件格式，申报书应为 Word（.docx/.doc）或 PDF 文件"), name=name))


def looks_like_form(name: str, data: bytes) -> bool:
    """Whether `data` is a Word/PDF file whose text holds the form's labels: at least
    two of its modules (申报单位, 联系人…, 实践类别, 实践标题, 核心亮点, 详细内容) at the
    start of a line or cell, one of them under its distinctive name.  Never raises."""
    kind = sniff(data)
    if kind == "docx":
        text = form_docx.quick_text(data)
    elif kind == "pdf":
        text = form_pdf.quick_text(data)
    elif kind == "doc" and data.startswith(form_doc.OLE2_MAGIC):
        # Word 97-2003 keeps CJK text as UTF-16LE; paragraphs end with CR, cells with 0x07.
        head = data[:_MAX_DOC_SCAN]
        text = head.decode("utf-16-le", "replace") + "\n" + head[1:].decode("utf-16-le", "replace")
    else:
        return False
    groups, strong = count_label_groups(text)
    return groups >= 2 and strong >= 1


def count_label_groups(text: str) -> tuple[int, int]:
    """(distinct field groups, strong labels) among lines that start with a label."""
    groups: set[str] = set()
    strong: set[str] = set()
    for line in _LINE_BREAKS.split(text):
        m = match_label_line(line.strip())
        if m is None or m.key == "_stop":
            continue
        groups.add("contact" if m.key.startswith("contact") else m.key)
        label = normalize_label(m.label)
        if label in STRONG_LABELS:
            strong.add(label)
    return len(groups), len(strong)
