"""Document evidence for the demo intake, and byte-stable packaging of what we write.

Text PDFs (a policy file, a thank-you letter) are laid out with PyMuPDF's
`insert_textbox` and the "china-s" base font: real, extractable text, a few KB each.
The statistics workbook is a real openpyxl table.  Office files and zips carry the
time they were written (zip member dates, `dcterms:modified`); `stable_ooxml` and
`zip_bytes` pin those to one fixed moment so the same demo gives the same bytes.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pymupdf
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

PDF_FONT = "china-s"
FIXED_TIME = datetime(2026, 1, 15, 9, 0, 0)
ZIP_TIME = (2026, 1, 15, 9, 0, 0)
PDF_DATE = "D:20260115090000+08'00'"
AUTHOR = "演示"
A4 = (595, 842)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 72, 72, 780
CENTER, RIGHT = 1, 2


@dataclass(frozen=True)
class Block:
    """One paragraph of a text PDF."""

    text: str
    size: float = 12
    align: int = 0
    gap: float = 6
    color: tuple[float, float, float] = (0, 0, 0)


def flowing_pdf(blocks: Sequence[Block], title: str, page_numbers: bool = True) -> bytes:
    """Lay out paragraphs top to bottom over as many A4 pages as they need."""
    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    y = MARGIN_TOP
    pending = list(blocks)
    while pending:
        block = pending.pop(0)
        rect = pymupdf.Rect(MARGIN_X, y, A4[0] - MARGIN_X, MARGIN_BOTTOM)
        left = page.insert_textbox(rect, block.text, fontname=PDF_FONT, fontsize=block.size,
                                   align=block.align, color=block.color, lineheight=1.6)
        if left >= 0:  # fitted: what is left of the box tells where the text ended
            y = MARGIN_BOTTOM - left + block.gap
        elif y > MARGIN_TOP:  # nothing was written; start the paragraph on a new page
            page = doc.new_page(width=A4[0], height=A4[1])
            y = MARGIN_TOP
            pending.insert(0, block)
        else:  # longer than a whole page: split it and flow the halves
            half = len(block.text) // 2
            pending[0:0] = [Block(block.text[:half], block.size, block.align, 0, block.color),
                            Block(block.text[half:], block.size, block.align, block.gap,
                                  block.color)]
    if page_numbers:
        for number, pg in enumerate(doc, start=1):
            pg.insert_textbox(pymupdf.Rect(0, 800, A4[0], 830), f"第 {number} 页 共 {len(doc)} 页",
                              fontname=PDF_FONT, fontsize=9, align=CENTER, color=(0.4, 0.4, 0.4))
    doc.set_metadata({"title": title, "author": AUTHOR, "creator": AUTHOR, "producer": "",
                      "creationDate": PDF_DATE, "modDate": PDF_DATE})
    data = doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    doc.close()
    return data


def policy_pdf(issuer: str, number: str, title: str, intro: str,
               sections: Sequence[Mapping[str, Any]], date: str) -> bytes:
    """A government policy document: red issuer header, number, title, numbered sections
    (each a mapping with a `heading` and its `paragraphs`)."""
    blocks = [Block(issuer, 22, CENTER, 4, (0.75, 0.05, 0.05)), Block(number, 11, CENTER, 18),
              Block(title, 17, CENTER, 14), Block("　　" + intro, 12, gap=8)]
    for section in sections:
        blocks += _policy_section(**section)
    blocks += [Block(issuer.replace("文件", ""), 12, RIGHT, 2), Block(date, 12, RIGHT, 0)]
    return flowing_pdf(blocks, title)


def _policy_section(heading: str, paragraphs: Sequence[str]) -> list[Block]:
    return [Block(heading, 13, gap=4), *(Block("　　" + p, 12, gap=6) for p in paragraphs)]


def letter_pdf(salutation: str, paragraphs: Sequence[str], signature: str, date: str,
               heading: str = "感谢信") -> bytes:
    """A typed letter as residents send it: heading, salutation, body, signature, date."""
    blocks = [Block(heading, 20, CENTER, 16), Block(salutation, 13, gap=8)]
    blocks += [Block("　　" + p, 13, gap=8) for p in paragraphs]
    blocks += [Block("此致\n敬礼！", 13, gap=16), Block(signature, 13, RIGHT, 2),
               Block(date, 13, RIGHT, 0)]
    return flowing_pdf(blocks, heading, page_numbers=False)


def stats_xlsx(rng: random.Random, unit: str, yearly_calls: int,
               season: Sequence[float] | None = None,
               types: Sequence[tuple[str, float]] = ()) -> bytes:
    """A 2025 statistics workbook: one row per month (受理量, 办结量, 办结率, 满意率) plus
    totals, and optionally a sheet of request types.  Rates are stored as fractions with
    a percent format, as a statistician would enter them."""
    season = season or [1.0] * 12
    weights = [s * rng.uniform(0.92, 1.08) for s in season]
    scale = yearly_calls / sum(weights)
    wb = Workbook()
    ws = wb.active
    ws.title = "2025年月度统计"
    header = ["月份", "受理量（件）", "办结量（件）", "办结率", "满意率"]
    ws.append(header)
    total_in = total_done = 0
    satisfied = 0.0
    for month, weight in enumerate(weights, start=1):
        received = round(weight * scale)
        done = round(received * rng.uniform(0.955, 0.992))
        rate = rng.uniform(0.932, 0.975)
        ws.append([f"2025年{month}月", received, done, round(done / received, 4), round(rate, 4)])
        total_in, total_done, satisfied = total_in + received, total_done + done, \
            satisfied + rate * received
    ws.append(["合计", total_in, total_done, round(total_done / total_in, 4),
               round(satisfied / total_in, 4)])
    _style_table(ws, len(header), percent_cols=(4, 5))
    if types:
        sheet = wb.create_sheet("诉求类型分布")
        sheet.append(["诉求类型", "件数", "占比"])
        for name, share in types:
            sheet.append([name, round(total_in * share), round(share, 4)])
        _style_table(sheet, 3, percent_cols=(3,), total_row=False)
    wb.properties.creator = AUTHOR
    wb.properties.title = f"{unit}2025年诉求办理统计"
    wb.properties.created = FIXED_TIME
    out = io.BytesIO()
    wb.save(out)
    return stable_ooxml(out.getvalue())


def _style_table(ws, columns: int, percent_cols: Sequence[int], total_row: bool = True) -> None:
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center")
    for row in ws.iter_rows(min_row=2):
        for col in percent_cols:
            row[col - 1].number_format = "0.0%"
    if total_row:
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
    for col in range(1, columns + 1):
        ws.column_dimensions[chr(64 + col)].width = 16
    ws.freeze_panes = "A2"


def links_txt(links: Sequence[tuple[str, str]]) -> bytes:
    """The media-report link list applicants paste into a text file (CRLF, as Notepad)."""
    lines = ["媒体报道链接："]
    for number, (title, url) in enumerate(links, start=1):
        lines += [f"{number}. {title}", f"   {url}"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


_MODIFIED = re.compile(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*(</dcterms:)")


def stable_ooxml(data: bytes) -> bytes:
    """Rewrite a .docx/.xlsx with fixed member dates and a fixed modification time
    (both libraries stamp the current time on save)."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    members = []
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "docProps/core.xml":
                blob = _MODIFIED.sub(lambda m: m.group(1) + stamp + m.group(2), blob)
            members.append((info.filename, blob))
    return zip_bytes(members)


class _GbkZipInfo(zipfile.ZipInfo):
    """Member names in GBK without the UTF-8 flag: what Windows' built-in zip and many
    Chinese archivers produce, so the demo exercises the reader's legacy-name path."""

    def _encodeFilenameFlags(self):  # noqa: N802 — the stdlib hook that picks the encoding
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def zip_bytes(members: Sequence[tuple[str, bytes]], gbk_names: bool = False) -> bytes:
    """A deflated zip of (name, data) with every date fixed to ZIP_TIME."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, blob in members:
            info = (_GbkZipInfo if gbk_names else zipfile.ZipInfo)(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, blob)
    return out.getvalue()
