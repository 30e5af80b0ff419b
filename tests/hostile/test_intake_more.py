"""More hostile intake entries, found by checking issue 14 from outside: PDF forms that
take MuPDF minutes and gigabytes, and names that are not UTF-8 (the cases of
test_intake.py are not repeated)."""

from __future__ import annotations

import json
import os
import sys
import zlib
from pathlib import Path

import pytest

from app import cli
from app.errors import PanelDeskError
from app.intake import form_pdf
from app.intake.source import read_entry
from tests.app.assembly.test_builder import form, jpeg
from tests.hostile.builders import measured, within_budget
from tests.hostile.test_intake import folder, organizer  # noqa: F401 — a fixture, by name

LINES = b"0 0 m 595 842 l S\n"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R%s >>"


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of `objects` (1: catalog, 2: pages), with its cross-reference table."""
    body, offsets = b"%PDF-1.7\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return body + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)


def stream(data: bytes, extra: bytes = b"", deflate: bool = True) -> bytes:
    if deflate:
        data, extra = zlib.compress(data, 9), extra + b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def pages(count: int, content: bytes, resources: bytes = b"", extra: list[bytes] = ()) -> bytes:
    """`count` pages all drawing the one content stream (object 3)."""
    kids = b" ".join(b"%d 0 R" % (4 + len(extra) + i) for i in range(count))
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count), content,
                *extra, *[PAGE % resources] * count])


def fractal() -> bytes:
    """The page draws form X0 once; X0 draws X1 a thousand times; X1 draws 5000 lines."""
    x0 = stream(b"/X1 Do\n" * 1000, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                b"/Resources << /XObject << /X1 5 0 R >> >>")
    x1 = stream(LINES * 5000, b" /Type /XObject /Subtype /Form /BBox [0 0 595 842]")
    return pages(1, stream(b"/X0 Do\n", deflate=False), b" /Resources << /XObject << /X0 4 0 R "
                 b">> >>", [x0, x1])


CASES = [
    ("one page drawing 5 M lines, 218 KB (was 84 s, 7.3 GB)",
     lambda: pages(1, stream(LINES * 5_000_000))),
    ("a form XObject drawn 1000 times drawing 5000 lines each (was > 60 s, 7.3 GB)", fractal),
    ("60 pages sharing one content stream of 4 MB", lambda: pages(60, stream(LINES * 220_000))),
]


@pytest.mark.parametrize("case, make", CASES, ids=[c[0] for c in CASES])
def test_costly_pdf_forms_are_refused_in_time(case, make) -> None:
    data = make()
    result, seconds, peak = measured(lambda: form_pdf.parse_pdf("申报书.pdf", data), memory=True)
    within_budget(seconds, peak)
    assert isinstance(result, PanelDeskError), (case, result)
    assert "申报书.pdf" in str(result) and "过于复杂" in str(result), (case, str(result))


def test_a_costly_page_does_not_hide_the_others() -> None:
    """A text page is still read when another page is too costly to read."""
    text = b"BT /F1 12 Tf 72 700 Td (%s) Tj ET" % (b"Shenbao danwei: test unit " * 4)
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    data = pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R 6 0 R] "
                b"/Count 2 >>", stream(LINES * 1_000_000), stream(text, deflate=False),
                PAGE % b"", b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 "
                b"0 R /Resources << /Font << /F1 7 0 R >> >> >>", font])
    blocks, lines, notes, pictures = form_pdf._read_pdf("申报书.pdf", data)
    assert any("testunit" in line for line in lines)  # words joined without blanks
    assert notes == ["PDF 第 1 页内容过于复杂，未读取"] and pictures == []


needs_bytes_names = pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                                       reason="file names are bytes only on Linux")


@needs_bytes_names
def test_a_file_named_in_bytes_that_are_not_utf8_is_skipped(tmp_path: Path) -> None:
    entry = folder(tmp_path / "01 单位", {"申报书.docx": form("某单位", "标题")})
    (Path(os.fsdecode(bytes(entry) + b"/\xff\xfe\x80.jpg"))).write_bytes(jpeg(1920, 1080))
    read = read_entry(entry)
    assert [f.name for f in read.files] == ["申报书.docx"]
    assert read.skipped == ["“\ufffd\ufffd\ufffd.jpg”的文件名不是有效的 UTF-8 文字编码，已跳过"]


@needs_bytes_names
def test_an_entry_named_in_bytes_that_are_not_utf8_is_rejected_and_reported(
        organizer: Path, capsys) -> None:  # noqa: F811
    """Was: the whole build ended "评审包清单无法序列化" (one file) or "内部错误" (an entry)."""
    intake = folder(organizer / "intake", {})
    folder(intake / "01 正常", {"申报书.docx": form("某单位", "标题"), "照片.jpg": jpeg(1920, 1080)})
    folder(Path(os.fsdecode(bytes(intake) + b"/02 \xff\xfe")),
           {"申报书.docx": form("另一单位", "标题二")})
    report = organizer / "report.json"
    status = cli.main(["packet", "build", str(intake), "-o", str(organizer / "p.panelpack"),
                       "--report", str(report)])
    err = capsys.readouterr().err
    assert status == 0, err
    assert "拒收：02 \\udcff\\udcfe：“02 \ufffd\ufffd”的名称不是有效的 UTF-8 文字编码" in err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["counts"]["included"] == 1 and data["counts"]["rejected"] == 1
    assert "02 \udcff\udcfe" in [e["source"] for e in data["entries"]]


def test_a_pictures_declared_pixels_bound_it_before_it_is_taken_out() -> None:
    """A PDF form's photographs become evidence; a non-JPEG image is decoded to be taken
    out, so one declaring 10000 × 5000 pixels (150 MB decoded, 150 KB stored) is left out
    by its declaration, while a real photograph beside it is taken."""
    packer = zlib.compressobj(9)
    row = bytes(10000 * 3)
    bomb = b"".join(packer.compress(row) for _ in range(5000)) + packer.flush()
    photo = jpeg(400, 300)
    text = b"BT /F1 12 Tf 72 760 Td (Shenbao danwei: test unit) Tj ET\n"
    draw = (b"q 216 0 0 162 72 500 cm /Im1 Do Q q 216 0 0 162 320 500 cm /Im2 Do Q\n")
    image = b" /Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent 8 " \
            b"/ColorSpace /DeviceRGB"
    data = pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [6 0 R] "
                b"/Count 1 >>", stream(text + draw, deflate=False),
                b"<< /Length %d%s /Filter /FlateDecode >>\nstream\n" % (len(bomb), image % (
                    10000, 5000)) + bomb + b"\nendstream",
                b"<< /Length %d%s /Filter /DCTDecode >>\nstream\n" % (len(photo), image % (
                    400, 300)) + photo + b"\nendstream",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
                b"/Resources << /Font << /F1 7 0 R >> /XObject << /Im1 4 0 R /Im2 5 0 R >> >> >>",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])
    result, seconds, _peak = measured(lambda: form_pdf._read_pdf("申报书.pdf", data))
    within_budget(seconds, 0)
    _blocks, _lines, _notes, pictures = result
    assert [(name, len(found)) for name, found in pictures] == [("page1-image1.jpeg",
                                                                  len(photo))]
def test_a_form_of_700_000_numbers_is_checked_in_time() -> None:
    """Every match was compared with every earlier hit: 20 000 numbers took 3 s, 700 000
    hours; and each hit became a warning in the packet (3.9 M values: too large)."""
    from app.intake.checks import MAX_PII_WARNINGS, check_pii
    from app.intake.pii import find_pii

    numbers = " ".join(f"1{n:010d}" for n in range(10**9, 10**9 + 700_000 * 7919, 7919))
    hits, seconds, peak = measured(lambda: find_pii(numbers), memory=True)
    within_budget(seconds, peak)
    assert len(hits) > 400_000 and [h.start for h in hits] == sorted(h.start for h in hits)
    warnings = check_pii({"body": numbers, "title": "13812345678"})
    assert len(warnings) == MAX_PII_WARNINGS + 1


def test_overlapping_numbers_are_still_reported_once() -> None:
    from app.intake.pii import find_pii

    card = "6222021234567890128"  # a valid card that also holds phone-like runs
    assert [h.code for h in find_pii(f"卡号{card}，电话13912345678")] == [
        "pii_bank_card", "pii_phone"]
