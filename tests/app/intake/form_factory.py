"""Generate 申报书 fixtures (docx, pdf, doc) and hostile variants for the form tests.

The test modules import it as `tests.app.intake.form_factory` (a namespace package:
pytest's `pythonpath = ["."]` puts the repository root on the path, no `__init__` files).
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
import pymupdf
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from app.intake.categories import CategorySet
from app.intake.forms import ParsedForm, parse_form
from app.rubrics import load_default_rubric

# The default rubric's categories, as the packet builder passes them to the form reader.
CATEGORIES = CategorySet.of(load_default_rubric())


def parse(name: str, data: bytes, **options: str | None) -> ParsedForm:
    """`parse_form` with the default rubric's categories."""
    return parse_form(name, data, CATEGORIES, **options)

UNIT = "某市政务服务便民热线服务中心"
NAME = "王芳"
PHONE = "13800000000"
TITLE = "深夜里的一通电话：独居老人求助的快速响应"
HIGHLIGHTS = ["接诉后十分钟联系社区网格员上门。", "建立独居老人“一键回访”机制。"]
BODY = ["2025年3月的一个深夜，热线接到独居老人求助，称家中停电且身体不适。",
        # 37 characters: a paragraph whose last line fills the cell exactly reads the same
        # as a line that wraps (it does with a Chinese system font's metrics).
        "接线员一边安抚老人情绪，一边联系社区网格员和供电部门，一小时内恢复了供电。",
        "此后中心梳理辖区独居老人名单，建立定期回访机制，全年回访两千余人次。"]
CATEGORY_BOXES = "☑治理成效 □创新机制 □感动瞬间 □坚守故事"
DOC_TITLE = "2026年“12345的温度”创新实践申报书"

Row = tuple[str, str]


def standard_rows(*, category: str = CATEGORY_BOXES, contact: str = f"{NAME} {PHONE}") -> list[Row]:
    return [("申报单位", UNIT), ("联系人及联系方式", contact), ("实践类别", category),
            ("实践标题", TITLE), ("核心亮点", "\n".join(HIGHLIGHTS)), ("详细内容", "\n".join(BODY))]


def expected_fields(*, category: str = "治理成效") -> dict[str, str]:
    return {"unit": UNIT, "contact_name": NAME, "contact_info": PHONE, "category": category,
            "title": TITLE, "highlights": "\n".join(HIGHLIGHTS), "body": "\n".join(BODY)}


def save(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def set_cell(cell, value: str) -> None:
    """Cell text with one paragraph per line of `value`."""
    lines = value.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def table_form(rows: Sequence[Row], *, title: str | None = None, before: Sequence[str] = (),
               after: Sequence[str] = ()) -> bytes:
    """A two-column label | value table; `title` adds a first row merged across both."""
    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    offset = 1 if title else 0
    table = document.add_table(rows=len(rows) + offset, cols=2)
    table.style = "Table Grid"
    if title:
        merged = table.cell(0, 0).merge(table.cell(0, 1))
        merged.text = title
    for r, (label, value) in enumerate(rows, start=offset):
        set_cell(table.cell(r, 0), label)
        set_cell(table.cell(r, 1), value)
    for text in after:
        document.add_paragraph(text)
    return save(document)


def grid_form(rows: Sequence[Sequence[str | None]], cols: int,
              merges: Sequence[tuple[int, int, int, int]] = ()) -> bytes:
    """A table from explicit cells (None = left empty); `merges` are (r0, c0, r1, c1)."""
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=cols)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                set_cell(table.cell(r, c), value)
    for r0, c0, r1, c1 in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))
    return save(document)


def paragraph_form(paragraphs: Sequence[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    return save(document)


def custom_form(build: Callable[[docx.document.Document], None]) -> bytes:
    document = docx.Document()
    build(document)
    return save(document)


def add_symbol(paragraph, font: str, char: str) -> None:
    """A Word symbol character (as Insert ▸ Symbol writes it), e.g. Wingdings 2 F052 = ☑."""
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:sym {nsdecls("w")} w:font="{font}" w:char="{char}"/>'))


def add_legacy_checkbox(paragraph, checked: bool) -> None:
    """A Word 97 FORMCHECKBOX field, which has no visible text at all."""
    state = "1" if checked else "0"
    for xml in (f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"><w:ffData>'
                f'<w:checkBox><w:sizeAuto/><w:default w:val="{state}"/></w:checkBox>'
                '</w:ffData></w:fldChar></w:r>',
                f'<w:r {nsdecls("w")}><w:instrText> FORMCHECKBOX </w:instrText></w:r>',
                f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml))


def rewrite_member(data: bytes, member: str, edit: Callable[[bytes], bytes]) -> bytes:
    """The zip `data` with one member's bytes replaced by `edit(old)`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w",
                                                                   zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info.filename, edit(body) if info.filename == member else body)
    return out.getvalue()


def append_to_body(data: bytes, xml: bytes) -> bytes:
    """The .docx `data` with raw WordprocessingML `xml` (w: prefix) added at the end of
    its body, before the section properties."""
    def edit(document: bytes) -> bytes:
        at = document.rindex(b"<w:sectPr")
        return document[:at] + xml + document[at:]

    return rewrite_member(data, "word/document.xml", edit)


def table_xml(rows: int, columns: int, text: Callable[[int, int], str]) -> bytes:
    """A plain table of `rows` × `columns` cells holding `text(row, column)` (escaped)."""
    from xml.sax.saxutils import escape

    return b"<w:tbl>" + b"".join(
        b"<w:tr>" + b"".join(f"<w:tc><w:p><w:r><w:t>{escape(text(r, c))}</w:t></w:r></w:p></w:tc>"
                             .encode() for c in range(columns)) + b"</w:tr>"
        for r in range(rows)) + b"</w:tbl>"


def billion_laughs_docx() -> bytes:
    """A form whose document.xml declares nested entities that expand to 10^9 "lol"s."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))

    def edit(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        at = text.index("<w:document")
        text = f"{text[:at]}<!DOCTYPE w:document [{entities}]>{text[at:]}"
        return text.replace(UNIT, "&lol9;").encode("utf-8")

    return rewrite_member(table_form(standard_rows()), "word/document.xml", edit)


def zip_bomb_docx(megabytes: int = 200) -> bytes:
    """A "docx" whose document.xml inflates to `megabytes` MB of blanks."""
    out = io.BytesIO()
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(megabytes):
                member.write(chunk)
    return out.getvalue()


POLICY_PARAGRAPHS = [
    "关于进一步提升12345政务服务便民热线服务效能的实施意见",
    "各区人民政府，市政府各委、办、局：",
    "为深入贯彻接诉即办工作要求，现就提升热线服务效能提出如下意见。",
    "一、总体要求",
    "坚持以人民为中心，推动诉求快速响应、高效办理。",
    "二、工作措施",
    "建立工单分级分类处置机制，压实承办单位责任。",
    "联系人：李明",
    "联系电话：010-87654321",
]


def policy_docx() -> bytes:
    return paragraph_form(POLICY_PARAGRAPHS)


# --- PDF --------------------------------------------------------------------------

FONT = "china-s"


def text_width(text: str, size: float = 11) -> float:
    return pymupdf.get_text_length(text, fontname=FONT, fontsize=size)


def pdf_from_pieces(pages: Sequence[Sequence[tuple[float, float, str]]], *,
                    shuffle_seed: int | None = None, size: float = 11,
                    rules: Sequence[tuple[float, float, float, float]] = ()) -> bytes:
    """A PDF whose pages hold text pieces at (x, y) baselines, drawn in the given order or
    shuffled (content-stream order unrelated to reading order); `rules` are lines."""
    doc = pymupdf.open()
    for pieces in pages:
        page = doc.new_page(width=595, height=842)
        for x0, y0, x1, y1 in rules:
            page.draw_line((x0, y0), (x1, y1), width=0.8)
        order = list(pieces)
        if shuffle_seed is not None:
            random.Random(shuffle_seed).shuffle(order)
        for x, y, text in order:
            page.insert_text((x, y), text, fontname=FONT, fontsize=size)
    return doc.tobytes()


def paragraph_pieces(lines: Sequence[str], *, x: float = 72, top: float = 80,
                     step: float = 20, split_colon: bool = True) -> list[tuple[float, float, str]]:
    """Lines of a paragraph-style form; "标签：值" lines become two pieces (label first,
    value placed right after it) so a shuffle can put the value before its label."""
    pieces = []
    for i, line in enumerate(lines):
        y = top + i * step
        label, colon, value = line.partition("：")
        if split_colon and colon and value:
            pieces.append((x, y, label + colon))
            pieces.append((x + text_width(label + colon), y, value))
        else:
            pieces.append((x, y, line))
    return pieces


def paragraph_lines() -> list[str]:
    return [DOC_TITLE, f"申报单位：{UNIT}", f"联系人及联系方式：{NAME}，{PHONE}",
            f"实践类别：{CATEGORY_BOXES}", f"实践标题：{TITLE}", "核心亮点", *HIGHLIGHTS,
            "详细内容", *BODY]


def image_only_pdf() -> bytes:
    """A "scan": one page holding only a picture."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 400, 300), False)
    pix.clear_with(200)
    page.insert_image(pymupdf.Rect(72, 72, 472, 372), pixmap=pix)
    return doc.tobytes()


def encrypted_pdf(data: bytes, password: str = "secret") -> bytes:
    doc = pymupdf.open(stream=data, filetype="pdf")
    return doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=password,
                       owner_pw=password + "-owner")


def policy_pdf() -> bytes:
    return pdf_from_pieces([paragraph_pieces(POLICY_PARAGRAPHS, split_colon=False)])


# --- LibreOffice ------------------------------------------------------------------

def soffice_convert_many(files: dict[str, bytes], target: str, tmp: Path) -> dict[str, bytes]:
    """Convert several files (name with extension → bytes) in one LibreOffice run (tests
    only; the app has its own wrapper).  Returns stem → converted bytes."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "soffice not installed"
    tmp.mkdir(parents=True, exist_ok=True)
    sources = []
    for name, data in files.items():
        (tmp / name).write_bytes(data)
        sources.append(str(tmp / name))
    subprocess.run([soffice, f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
                    "--headless", "--convert-to", target, "--outdir", str(tmp / "out"),
                    *sources], check=True, capture_output=True, timeout=300)
    ext = target.split(":")[0]
    return {Path(name).stem: (tmp / "out" / f"{Path(name).stem}.{ext}").read_bytes()
            for name in files}


def soffice_convert(data: bytes, source_ext: str, target: str, tmp: Path) -> bytes:
    return soffice_convert_many({f"in{source_ext}": data}, target, tmp)["in"]


# --- PDF layouts --------------------------------------------------------------------

PDF_CATEGORY = "■治理成效 □创新机制 □感动瞬间 □坚守故事"  # glyphs the china-s font has
LONG_BODY = [p + "其间" + p[:17] for p in BODY]  # long enough to wrap over several lines


def wrap(text: str, width: int, indent: int = 0) -> list[str]:
    """Split `text` into lines of at most `width` characters, the first `indent` shorter,
    never inside a run of digits or Latin letters (as a word processor wraps)."""
    lines, size = [], width - indent
    while text:
        cut = min(size, len(text))
        while 0 < cut < len(text) and text[cut - 1].isascii() and text[cut].isascii():
            cut -= 1
        lines.append(text[:cut])
        text, size = text[cut:], width
    return lines


def paragraph_pdf_pieces(*, step: float = 18) -> list[tuple[float, float, str]]:
    """A paragraph-style form: "标签：值" lines, headed sections, wrapped indented body."""
    lines: list[tuple[float, str]] = [(0, DOC_TITLE), (0, f"申报单位：{UNIT}"),
                                      (0, f"联系人及联系方式：{NAME}，{PHONE}"),
                                      (0, f"实践类别：{PDF_CATEGORY}"), (0, f"实践标题：{TITLE}"),
                                      (0, "核心亮点")]
    lines += [(0, h) for h in HIGHLIGHTS]
    lines.append((0, "详细内容"))
    for paragraph in LONG_BODY:
        for n, part in enumerate(wrap(paragraph, 40, indent=2)):
            lines.append((22 if n == 0 else 0, part))
    pieces = []
    for i, (indent, line) in enumerate(lines):
        x, y = 72 + indent, 80 + i * step
        label, colon, value = line.partition("：")
        if colon and value and len(label) <= 8:
            pieces.append((x, y, label + colon))
            pieces.append((x + text_width(label + colon), y, value))
        else:
            pieces.append((x, y, line))
    return pieces


def ruled_table_pdf(pages: Sequence[Sequence[tuple[str | None, Sequence[str]]]], *,
                    title: str | None = None) -> bytes:
    """A bordered two-column form.  Each row is (label, value lines); a label may hold
    "\n" (wrapped in its narrow column); a None label merges
    the label cell with the row above (no rule between), its text centred vertically
    over the merged rows.  A page may start with None rows: a row split over pages."""
    doc = pymupdf.open()
    left, mid, right, line_h, pad = 72.0, 170.0, 520.0, 16.0, 6.0
    for rows in pages:
        page = doc.new_page(width=595, height=842)
        y = 70.0
        if title:
            page.insert_text((left, y), title, fontname=FONT, fontsize=14)
            y += 20
            title = None
        tops = []
        for _label, values in rows:
            tops.append(y)
            y += max(1, len(values)) * line_h + 2 * pad
        bottom = y
        page.draw_line((left, tops[0]), (left, bottom), width=0.5)
        page.draw_line((mid, tops[0]), (mid, bottom), width=0.5)
        page.draw_line((right, tops[0]), (right, bottom), width=0.5)
        page.draw_line((left, bottom), (right, bottom), width=0.5)
        spans: list[tuple[str, float, float]] = []  # label, top, bottom of merged cell
        for i, (label, values) in enumerate(rows):
            top = tops[i]
            end = tops[i + 1] if i + 1 < len(tops) else bottom
            page.draw_line((mid, top), (right, top), width=0.5)
            if label is not None or i == 0:
                page.draw_line((left, top), (mid, top), width=0.5)
                spans.append((label or "", top, end))
            else:
                spans[-1] = (spans[-1][0], spans[-1][1], end)
            for n, value in enumerate(values):
                page.insert_text((mid + pad, top + pad + (n + 1) * line_h - 4), value,
                                 fontname=FONT, fontsize=11)
        for label, top, end in spans:
            parts = label.split("\n") if label else []
            first = (top + end) / 2 - (len(parts) - 1) * line_h / 2 + 4
            for n, part in enumerate(parts):
                page.insert_text((left + pad, first + n * line_h), part, fontname=FONT,
                                 fontsize=11)
    return doc.tobytes()


def standard_pdf_rows() -> list[tuple[str | None, Sequence[str]]]:
    return [("申报单位", [UNIT]), ("联系人及\n联系方式", [NAME]), (None, [PHONE]),
            ("实践类别", [PDF_CATEGORY]), ("实践标题", wrap(TITLE, 14)),
            ("核心亮点", HIGHLIGHTS), ("详细内容", wrap(LONG_BODY[0], 30))]
