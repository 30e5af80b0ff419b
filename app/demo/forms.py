"""The demo 申报书 files, in the layouts real applicants send.

* "table": a two-column Word table (label | value) under a merged title row, with label
  variants such as "申报单位（盖章）" and "联系人及联系方式" in one cell;
* "table_split": the same with separate 联系人 / 联系电话 rows;
* "paragraph": "标签：值" lines, then heading-like "核心亮点" / "详细内容" paragraphs
  followed by the text;
* "pdf": a text PDF of "标签：值" paragraphs.

Fonts follow Chinese government-form habits (仿宋 body, 黑体 labels).  Core properties
are fixed (author "演示", a fixed date) and zip dates pinned, so output is byte-stable.
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from app.demo.content import DemoEntry, category_line
from app.demo.media_docs import AUTHOR, CENTER, FIXED_TIME, Block, flowing_pdf, stable_ooxml

BODY_FONT, LABEL_FONT = "仿宋", "黑体"


def render_form(entry: DemoEntry, rng: random.Random, title: str,
                categories: Sequence[str]) -> bytes:
    """The 申报书 of `entry` as .docx or .pdf bytes, in the entry's layout, headed by
    `title`, with one category check box per name in `categories`."""
    category = category_line(entry.category, entry.marker, categories)
    if entry.style == "pdf":
        return _pdf_form(entry, title, category)
    if entry.style == "paragraph":
        return _paragraph_form(entry, rng, title, category)
    return _table_form(entry, rng, title, category, split_contact=entry.style == "table_split")


def _new_document(title: str) -> Document:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    # python-docx sets only the Latin font; CJK text needs the eastAsia slot as well.
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.6)
    props = doc.core_properties
    props.author = props.last_modified_by = AUTHOR
    props.title = title
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    return doc


def _font(run, name: str, size: float | None = None, bold: bool = False) -> None:
    run.font.name = name
    run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)
    if size:
        run.font.size = Pt(size)
    run.bold = bold


def _title(para, text: str) -> None:
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(para.add_run(text), LABEL_FONT, 16, bold=True)


def _save(doc: Document) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return stable_ooxml(out.getvalue())


def _table_rows(entry: DemoEntry, rng: random.Random, category: str,
                split_contact: bool) -> list[tuple[str, str | tuple[str, ...]]]:
    unit_label = rng.choice(["申报单位（盖章）", "申报单位"])
    rows: list[tuple[str, str | tuple[str, ...]]] = [(unit_label, entry.unit)]
    if split_contact:
        rows += [("联系人", entry.contact_name), ("联系电话", entry.contact_phone)]
    else:
        rows.append(("联系人及联系方式", f"{entry.contact_name}　{entry.contact_phone}"))
    rows += [("实践类别", category), ("实践标题", entry.title)]
    if entry.highlights:
        rows.append((rng.choice(["核心亮点", "核心亮点（200字以内）"]), entry.highlights))
    rows.append((rng.choice(["详细内容", "详细内容（2000字左右）"]), entry.body))
    return rows


def _table_form(entry: DemoEntry, rng: random.Random, title: str, category: str,
                split_contact: bool) -> bytes:
    doc = _new_document(title)
    rows = _table_rows(entry, rng, category, split_contact)
    table = doc.add_table(rows=len(rows) + 1, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # Word honours cell widths only with autofit off; LibreOffice
    for column, width in zip(table.columns, (Cm(3.4), Cm(12.4))):  # reads the grid
        column.width = width
    title_cell = table.cell(0, 0).merge(table.cell(0, 1))
    _title(title_cell.paragraphs[0], title)
    for index, (label, value) in enumerate(rows, start=1):
        label_cell, value_cell = table.cell(index, 0), table.cell(index, 1)
        label_cell.width, value_cell.width = Cm(3.4), Cm(12.4)
        _font(label_cell.paragraphs[0].add_run(label), LABEL_FONT, bold=True)
        label_cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraphs = value if isinstance(value, tuple) else (value,)
        for number, text in enumerate(paragraphs):
            para = value_cell.paragraphs[0] if number == 0 else value_cell.add_paragraph()
            if isinstance(value, tuple):
                para.paragraph_format.first_line_indent = Pt(24)
            _font(para.add_run(text), BODY_FONT)
    date = doc.add_paragraph()
    date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _font(date.add_run(f"填报日期：2026年1月{rng.randint(6, 28)}日"), BODY_FONT)
    return _save(doc)


def _labelled(doc: Document, label: str, value: str) -> None:
    para = doc.add_paragraph()
    _font(para.add_run(f"{label}："), LABEL_FONT, bold=True)
    _font(para.add_run(value), BODY_FONT)


def _heading(doc: Document, text: str, as_style: bool) -> None:
    if as_style:  # some applicants use Word's heading style, others just bold a line
        para = doc.add_heading(level=2)
        _font(para.add_run(text), LABEL_FONT, 14, bold=True)
    else:
        _font(doc.add_paragraph().add_run(text), LABEL_FONT, 14, bold=True)


def _paragraph_form(entry: DemoEntry, rng: random.Random, title: str, category: str) -> bytes:
    doc = _new_document(title)
    _title(doc.add_paragraph(), title)
    _labelled(doc, "申报单位", entry.unit)
    if rng.random() < 0.5:
        _labelled(doc, "联系人", entry.contact_name)
        _labelled(doc, "联系方式", entry.contact_phone)
    else:
        _labelled(doc, "联系人及联系方式", f"{entry.contact_name}，{entry.contact_phone}")
    _labelled(doc, "实践类别", category)
    _labelled(doc, "实践标题", entry.title)
    as_style = rng.random() < 0.5
    sections = [("核心亮点", (entry.highlights,))] if entry.highlights else []
    for heading, paragraphs in [*sections, ("详细内容", entry.body)]:
        _heading(doc, heading, as_style)
        for text in paragraphs:
            para = doc.add_paragraph()
            para.paragraph_format.first_line_indent = Pt(24)
            _font(para.add_run(text), BODY_FONT)
    return _save(doc)


def _pdf_form(entry: DemoEntry, title: str, category: str) -> bytes:
    blocks = [Block(title, 17, CENTER, 14),
              Block(f"申报单位：{entry.unit}"), Block(f"联系人：{entry.contact_name}"),
              Block(f"联系方式：{entry.contact_phone}"),
              Block(f"实践类别：{category}"),
              Block(f"实践标题：{entry.title}", gap=10)]
    if entry.highlights:
        blocks.append(Block(f"核心亮点：{entry.highlights}", gap=10))
    blocks.append(Block("详细内容："))
    blocks += [Block("　　" + text) for text in entry.body]
    # No page numbers: a footer inside 详细内容's flow would read as part of the text.
    return flowing_pdf(blocks, title, page_numbers=False)
