"""Evidence classification by content: images (dimensions, truncation, bombs), PDF,
Office/zip containers, text and link lists."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib

import pymupdf
import pytest
from docx import Document
from openpyxl import Workbook

from app.evidence.classify import classify
from app.evidence.probe import DOCX, PPTX, XLSX, find_links


def pixmap(width: int, height: int) -> pymupdf.Pixmap:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pix.clear_with(200)
    return pix


@pytest.fixture(scope="module")
def jpeg_1080() -> bytes:
    return pixmap(1920, 1080).tobytes("jpeg")


@pytest.fixture(scope="module")
def png_small() -> bytes:
    return pixmap(640, 480).tobytes("png")


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    return (struct.pack(">I", len(payload)) + kind + payload
            + struct.pack(">I", zlib.crc32(kind + payload)))


def test_jpeg_dimensions_from_header(jpeg_1080: bytes) -> None:
    info = classify("照片.jpg", jpeg_1080)
    assert (info.kind, info.media_type, info.image_format) == ("image", "image/jpeg", "jpeg")
    assert (info.width, info.height, info.problem) == (1920, 1080, None)
    small = classify("a.jpeg", pixmap(1280, 720).tobytes("jpeg"))
    assert (small.width, small.height, small.problem) == (1280, 720, None)


def test_png_dimensions(png_small: bytes) -> None:
    info = classify("截图.png", png_small)
    assert (info.kind, info.media_type, info.image_format) == ("image", "image/png", "png")
    assert (info.width, info.height, info.problem) == (640, 480, None)


def test_jpg_name_with_png_content_is_png(png_small: bytes) -> None:
    info = classify("照片1.JPG", png_small)
    assert (info.image_format, info.media_type, info.width) == ("png", "image/png", 640)


def test_png_name_with_jpeg_content_is_jpeg(jpeg_1080: bytes) -> None:
    assert classify("x.png", jpeg_1080).image_format == "jpeg"


def test_truncated_jpeg_is_a_problem_but_still_an_image(jpeg_1080: bytes) -> None:
    for cut in (len(jpeg_1080) // 2, len(jpeg_1080) - 2, 40):
        info = classify("截断.jpg", jpeg_1080[:cut])
        assert info.kind == "image" and info.image_format == "jpeg"
        assert info.problem == "图片文件不完整（可能在传输中被截断）", cut


def test_truncated_png_without_iend(png_small: bytes) -> None:
    info = classify("a.png", png_small[:-12])
    assert info.kind == "image" and info.problem == "图片文件不完整（可能在传输中被截断）"
    assert classify("a.png", png_small[: len(png_small) // 2]).problem is not None


def test_png_with_bad_ihdr_crc(png_small: bytes) -> None:
    broken = bytearray(png_small)
    broken[29] ^= 0xFF
    assert classify("a.png", bytes(broken)).problem == "PNG 文件头校验失败，文件已损坏"


def test_png_decompression_bomb_header_is_refused() -> None:
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1000)
    data = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat)
            + png_chunk(b"IEND", b""))
    info = classify("bomb.png", data)
    assert info.kind == "image" and (info.width, info.height) == (100_000, 100_000)
    assert info.problem == "图片尺寸异常（100000×100000），疑似解压炸弹，已拒绝打开"


def test_max_pixels_is_configurable(jpeg_1080: bytes) -> None:
    assert classify("a.jpg", jpeg_1080, max_pixels=1920 * 1080).problem is None
    assert "疑似解压炸弹" in classify("a.jpg", jpeg_1080, max_pixels=1920 * 1080 - 1).problem


def test_gif_bmp_webp_dimensions() -> None:
    gif = b"GIF89a" + struct.pack("<HH", 320, 200) + b"\x00\x00\x00" + b"\x2c" * 8 + b"\x3b"
    assert (classify("a.gif", gif).width, classify("a.gif", gif).height) == (320, 200)
    assert classify("a.gif", gif[:-1]).problem is not None
    pixels = b"\x00" * (4 * 3 * 2)
    bmp = (b"BM" + struct.pack("<IHHI", 54 + len(pixels), 0, 0, 54)
           + struct.pack("<IiiHHIIiiII", 40, 4, -2, 1, 24, 0, len(pixels), 0, 0, 0, 0) + pixels)
    info = classify("a.bmp", bmp)
    assert (info.image_format, info.width, info.height, info.problem) == ("bmp", 4, 2, None)
    vp8l = b"VP8L" + struct.pack("<I", 5) + b"\x2f" + struct.pack("<I", (99 << 14) | 149)
    webp = b"RIFF" + struct.pack("<I", 4 + len(vp8l)) + b"WEBP" + vp8l
    info = classify("a.webp", webp)
    assert (info.image_format, info.media_type, info.width, info.height) == (
        "webp", "image/webp", 150, 100)


def test_text_starting_with_bm_is_not_a_bitmap() -> None:
    info = classify("说明.txt", "BMW 车主来电反映停车难问题，热线当日派单。".encode())
    assert info.kind == "text"


def test_random_bytes_named_jpg_are_unrecognised() -> None:
    data = os.urandom(4096)
    info = classify("照片.jpg", data)
    assert (info.kind, info.media_type, info.problem) == (
        "other", "application/octet-stream", "无法识别的文件内容")


def test_unknown_binary_with_unknown_extension_is_other_without_problem() -> None:
    info = classify("录音.amr", b"#!AMR\n" + bytes(range(256)) * 4)
    assert (info.kind, info.media_type, info.problem) == ("other", "application/octet-stream", None)


def test_empty_file() -> None:
    assert classify("a.jpg", b"").problem == "文件为空"


def pdf_bytes(**save) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "policy")
    return doc.tobytes(**save)


def test_pdf_ok() -> None:
    info = classify("政策文件.pdf", pdf_bytes())
    assert (info.kind, info.media_type, info.problem) == ("pdf", "application/pdf", None)


def test_pdf_content_under_other_name_is_pdf() -> None:
    assert classify("scan.jpg", pdf_bytes()).kind == "pdf"


def test_pdf_broken() -> None:
    info = classify("a.pdf", b"%PDF-1.7\n" + os.urandom(300))
    assert info.kind == "pdf" and info.problem is not None


def test_pdf_encrypted() -> None:
    data = pdf_bytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="u", owner_pw="o")
    assert classify("a.pdf", data).problem == "PDF 已加密，无法查看"


def test_pdf_with_owner_password_only_opens() -> None:
    data = pdf_bytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="o")
    assert classify("a.pdf", data).problem is None


def test_xlsx_and_docx_by_content() -> None:
    book = Workbook()
    book.active.append(["月份", "工单量"])
    out = io.BytesIO()
    book.save(out)
    assert (classify("统计.xlsx", out.getvalue()).kind,
            classify("统计.bin", out.getvalue()).media_type) == ("spreadsheet", XLSX)
    doc = Document()
    doc.add_paragraph("情况说明")
    out = io.BytesIO()
    doc.save(out)
    info = classify("说明.docx", out.getvalue())
    assert (info.kind, info.media_type, info.problem) == ("document", DOCX, None)


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def test_pptx_and_plain_zip() -> None:
    pptx = zip_of({"[Content_Types].xml": b"<x/>", "ppt/presentation.xml": b"<p/>"})
    assert (classify("汇报.pptx", pptx).kind, classify("汇报.pptx", pptx).media_type) == ("other", PPTX)
    info = classify("材料.zip", zip_of({"a.txt": b"hello"}))
    assert (info.kind, info.media_type, info.problem) == ("other", "application/zip", None)


def test_zip_bomb_by_ratio() -> None:
    bomb = zip_of({"xl/workbook.xml": b"<w/>", "xl/sheet1.xml": b"\x00" * (20 * 1024 * 1024)})
    info = classify("统计.xlsx", bomb)
    assert info.kind == "other" and info.problem.startswith("疑似压缩炸弹")


def test_zip_with_too_many_entries() -> None:
    data = zip_of({f"f{i}.txt": b"x" for i in range(1001)})
    assert classify("a.zip", data).problem == "疑似压缩炸弹（包含 1001 个条目）"


def test_broken_zip() -> None:
    info = classify("统计.xlsx", b"PK\x03\x04" + os.urandom(200))
    assert info.problem == "压缩文件已损坏，无法打开"


def test_legacy_ole2_by_extension_hint() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    assert classify("旧.doc", ole).media_type == "application/msword"
    assert classify("旧.xls", ole).media_type == "application/vnd.ms-excel"
    assert classify("旧.doc", ole).kind == "other" and classify("旧.doc", ole).problem is None
    encrypted = ole + "EncryptionInfo".encode("utf-16-le")
    assert classify("加密.xlsx", encrypted).problem == "Office 文件已加密，无法查看"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_plain_text_in_common_encodings(encoding: str) -> None:
    info = classify("说明.txt", "市民来电反映小区路灯不亮，热线两小时内派单处置。\n".encode(encoding))
    assert (info.kind, info.media_type, info.links) == ("text", "text/plain", [])


def test_links_file() -> None:
    text = ("媒体报道：\n1. 人民网 https://news.example.cn/a?id=1。\n"
            "2. 见www.gov.cn/zhengce/x，以及（https://b.example.com/y）\n"
            "3. (see https://c.example.org/path_(1)) 重复 https://news.example.cn/a?id=1\n")
    info = classify("媒体链接.txt", text.encode("gb18030"))
    assert info.kind == "links" and info.media_type == "text/plain"
    assert info.links == ["https://news.example.cn/a?id=1", "www.gov.cn/zhengce/x",
                          "https://b.example.com/y", "https://c.example.org/path_(1)"]


def test_find_links_ignores_bare_prefixes() -> None:
    assert find_links("https:// 和 www. 不是链接；见https://a.cn/x报道") == ["https://a.cn/x"]


def test_binary_that_decodes_is_not_text() -> None:
    noisy = bytes([0x01, 0x02, 0x41, 0x03, 0x42, 0x04]) * 100
    assert classify("a.txt", noisy).kind == "other"


def test_tiff_and_heic_headers() -> None:
    entries = [(256, 3, 1, 3000), (257, 3, 1, 2000)]
    ifd = struct.pack("<H", len(entries)) + b"".join(
        struct.pack("<HHII", tag, kind, count, value) for tag, kind, count, value in entries)
    tiff = b"II*\x00" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0)
    info = classify("扫描.tif", tiff)
    assert (info.image_format, info.width, info.height) == ("tiff", 3000, 2000)
    ispe = b"\x00\x00\x00\x14ispe\x00\x00\x00\x00" + struct.pack(">II", 4032, 3024)
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"meta" + ispe
    info = classify("IMG_0001.HEIC", heic)
    assert (info.kind, info.media_type, info.width, info.height) == (
        "image", "image/heic", 4032, 3024)


def test_mutated_files_never_raise(jpeg_1080: bytes, png_small: bytes) -> None:
    import random

    from app.evidence.kinds import KINDS

    seeds = [jpeg_1080[:4000] + b"\xff\xd9", png_small, pdf_bytes(), zip_of({"a": b"b"}),
             b"GIF89a" + bytes(20), b"RIFF\x40\x00\x00\x00WEBPVP8X" + bytes(30),
             b"II*\x00" + bytes(20), b"BM" + bytes(60), "文本 https://a.cn".encode()]
    rng = random.Random(20260101)
    for seed in seeds:
        for _ in range(150):
            data = bytearray(seed)
            for _ in range(rng.randint(1, 8)):
                roll = rng.random()
                if roll < 0.5 and data:
                    data[rng.randrange(len(data))] = rng.randrange(256)
                elif roll < 0.75:
                    del data[rng.randrange(len(data) + 1):]
                else:
                    at = rng.randrange(len(data) + 1)
                    data[at:at] = rng.randbytes(rng.randint(1, 8))
            info = classify("x.jpg", bytes(data))
            assert info.kind in {kind.name for kind in KINDS} and isinstance(info.media_type, str)


@pytest.mark.parametrize("name", ["../../evil.bat", "/etc/cron.d/x", "C:/Windows/x.dll",
                                  "a/../../b", "..\\..\\back.txt"])
def test_a_zip_evidence_with_an_escaping_member_is_not_shipped(name: str) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("说明.txt", "fine")
        zf.writestr(zipfile.ZipInfo(name), b"x")
    info = classify("附件.zip", buf.getvalue())
    assert info.problem and "路径不安全" in info.problem


def test_a_plain_zip_evidence_is_fine() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("照片/说明.txt", "fine")
    assert classify("附件.zip", buf.getvalue()).problem is None
