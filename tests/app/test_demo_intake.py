"""The demo intake folder: realistic entries that plant every intake warning.

The folder is written once per module (it takes a few seconds: ~35 rendered photos)
and then inspected the way an organizer's tools would read it: zips opened, Word forms
parsed with python-docx, PDFs with PyMuPDF, photos measured from their JPEG headers,
workbooks opened with openpyxl.  Checks are made against independent re-implementations
(e.g. the GB 11643 check digit), not against the generator's own helpers.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path, PurePosixPath

import openpyxl
import pymupdf
import pytest
from docx import Document

from app.demo import DEMO_EXPECTATIONS, DEMO_SUBMISSION_COUNT, write_demo_intake
from app.demo.intake import ENTRIES, render_entry
from app.errors import PanelDeskError

CATEGORIES = ("感动瞬间", "创新机制", "坚守故事", "治理成效")
TICK = re.compile(r"([☑■√✓□])\s*(感动瞬间|创新机制|坚守故事|治理成效)")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
ID18 = re.compile(r"(?<![\dXx])\d{17}[\dXx](?![\dXx])")
IMAGE_EXT = (".jpg", ".jpeg", ".png")


def gb11643_valid(number: str) -> bool:
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    total = sum(int(d) * w for d, w in zip(number[:17], weights))
    return "10X98765432"[total % 11] == number[17].upper()


def jpeg_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the first SOF marker of a JPEG."""
    assert data[:2] == b"\xff\xd8"
    pos = 2
    while pos + 9 < len(data):
        assert data[pos] == 0xFF
        marker, length = data[pos + 1], int.from_bytes(data[pos + 2:pos + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height = int.from_bytes(data[pos + 5:pos + 7], "big")
            return int.from_bytes(data[pos + 7:pos + 9], "big"), height
        pos += 2 + length
    raise AssertionError("no SOF marker")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def read_entry_files(path: Path) -> dict[str, bytes]:
    """Files of one intake entry by path inside it; zips read like a mail client would,
    decoding non-UTF-8 member names as GBK and dropping one wrapping folder."""
    if path.is_dir():
        return {p.relative_to(path).as_posix(): p.read_bytes()
                for p in sorted(path.rglob("*")) if p.is_file()}
    files = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            name = info.filename
            if not info.flag_bits & 0x800:
                name = name.encode("cp437").decode("gbk")
            files[name] = archive.read(info)
    tops = {n.split("/", 1)[0] for n in files}
    if len(tops) == 1 and all("/" in n for n in files):
        files = {n.split("/", 1)[1]: data for n, data in files.items()}
    return files


def form_of(files: dict[str, bytes]) -> tuple[str, bytes]:
    forms = [(n, d) for n, d in files.items() if "申报" in PurePosixPath(n).name
             and n.endswith((".docx", ".pdf"))]
    assert len(forms) == 1, list(files)
    return forms[0]


def form_fields(name: str, data: bytes) -> dict[str, str]:
    """Label → value of a 申报书, whatever its layout (labels with extras normalised)."""
    fields: dict[str, str] = {}
    lines: list[str] = []
    if name.endswith(".pdf"):
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            text = "".join(page.get_text() for page in doc)
        # insert_textbox wraps long paragraphs; rejoin lines that do not start a label.
        for line in text.splitlines():
            if re.match(r"^(申报单位|联系人|联系方式|实践类别|实践标题|核心亮点|详细内容)：", line) \
                    or not lines:
                lines.append(line)
            else:
                lines[-1] += line
    else:
        doc = Document(io.BytesIO(data))
        for table in doc.tables:
            for row in table.rows:
                cells = row.cells
                if cells[0]._tc is not cells[1]._tc:  # the merged title row has one cell
                    fields[re.sub(r"（.*?）", "", cells[0].text)] = cells[1].text
        heading = None
        for para in doc.paragraphs:
            text = para.text.strip()
            if text in ("核心亮点", "详细内容"):
                heading = text
                fields[heading] = ""
            elif heading:
                fields[heading] += text + "\n"
            else:
                lines.append(text)
    for line in lines:
        if "：" in line:
            label, value = line.split("：", 1)
            fields.setdefault(label, value)
    return fields


def ticked_category(value: str) -> str | None:
    boxes = TICK.findall(value)
    if not boxes:
        return value.strip() if value.strip() in CATEGORIES else None
    ticked = [name for mark, name in boxes if mark != "□"]
    assert len(ticked) <= 1, value
    return ticked[0] if ticked else None


@pytest.fixture(scope="module")
def intake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_intake(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def entries(intake: Path) -> dict[str, dict[str, bytes]]:
    return {p.name: read_entry_files(p) for p in sorted(intake.iterdir())}


def test_entries_match_expectations(intake: Path, entries: dict) -> None:
    assert intake.name == "intake"
    assert DEMO_SUBMISSION_COUNT >= 12
    assert set(entries) == set(DEMO_EXPECTATIONS)
    assert len(entries) == DEMO_SUBMISSION_COUNT
    assert all(name.startswith("【实践申报】") for name in entries)
    zips = [p for p in intake.iterdir() if p.suffix == ".zip"]
    assert len(zips) >= 1 and all(zipfile.is_zipfile(p) for p in zips)
    wrapped = []
    for path in zips:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
        wrapped.append(all("/" in n for n in names))
    assert True in wrapped  # at least one zip holds a top-level folder
    for name, files in entries.items():
        assert len(files) >= 2, name  # a form and at least one piece of evidence
    planted = {code for e in DEMO_EXPECTATIONS.values() for code in e["warnings"]}
    assert planted == {"word_count", "image_count", "image_format", "image_resolution",
                       "pii_phone", "pii_id_number", "duplicate", "unreadable_file",
                       "category_missing", "field_missing"}
    clean = [n for n, e in DEMO_EXPECTATIONS.items() if not e["warnings"]]
    assert len(clean) >= 5  # most entries look like an ordinary, well-formed application


def test_forms_carry_every_module_and_the_expected_category(entries: dict) -> None:
    seen = set()
    layouts = set()
    for name, files in entries.items():
        expected = DEMO_EXPECTATIONS[name]
        form_name, data = form_of(files)
        fields = form_fields(form_name, data)
        layouts.add("pdf" if form_name.endswith(".pdf") else
                    "table" if Document(io.BytesIO(data)).tables else "paragraph")
        assert "申报单位" in fields and fields["申报单位"].strip(), name
        assert fields.get("实践标题", "").strip() == expected["title"], name
        contact = fields.get("联系人及联系方式", "") + fields.get("联系人", "") + \
            fields.get("联系方式", "") + fields.get("联系电话", "")
        assert re.search(r"555|13800000000", contact), (name, contact)
        category = ticked_category(fields["实践类别"])
        assert category == expected["category"], (name, fields["实践类别"])
        if category is None:
            assert "category_missing" in expected["warnings"]
            assert "□" in fields["实践类别"] and not re.search("[☑■√✓]", fields["实践类别"])
        seen.add(category)
        has_highlights = bool(fields.get("核心亮点", "").strip())
        assert has_highlights == ("field_missing" not in expected["warnings"]), name
        assert len(fields.get("详细内容", "")) > 200, name
    assert set(CATEGORIES) <= seen
    assert layouts == {"pdf", "table", "paragraph"}


def test_check_marks_vary_and_title_rows_are_merged(entries: dict) -> None:
    marks = set()
    merged = 0
    for files in entries.values():
        form_name, data = form_of(files)
        if form_name.endswith(".docx"):
            doc = Document(io.BytesIO(data))
            marks |= {m for m, _ in TICK.findall("\n".join(
                [p.text for p in doc.paragraphs]
                + [c.text for t in doc.tables for r in t.rows for c in r.cells]))}
            if doc.tables:
                first = doc.tables[0].rows[0].cells
                merged += first[0]._tc is first[1]._tc and "申报书" in first[0].text
            assert doc.core_properties.author == "演示"
            assert doc.core_properties.created.year == 2026
    assert {"☑", "■", "√"} <= marks
    assert merged >= 3


def test_body_lengths_follow_the_plan(entries: dict) -> None:
    for entry in ENTRIES:
        chars = entry.body_chars
        if "word_count" in entry.warnings:
            assert chars < 500 or chars > 3000, entry.source
        else:
            assert 1500 <= chars <= 2500, (entry.source, chars)
    counts = sorted(e.body_chars for e in ENTRIES if "word_count" in e.warnings)
    assert counts[0] < 400 and counts[-1] > 3300
    for entry in ENTRIES:  # the form really holds the text the plan measures
        form_name, data = form_of(entries[entry.source])
        body = re.sub(r"\s", "", form_fields(form_name, data)["详细内容"])
        assert abs(len(body) - entry.body_chars) <= 5, entry.source


def test_images_sizes_formats_and_counts(entries: dict) -> None:
    for name, files in entries.items():
        warnings = DEMO_EXPECTATIONS[name]["warnings"]
        images = {n: d for n, d in files.items() if n.lower().endswith(IMAGE_EXT)}
        broken = {n for n, d in images.items() if n.endswith(".jpg") and not d.endswith(b"\xff\xd9")}
        good = {n: d for n, d in images.items() if n not in broken}
        assert bool(broken) == ("unreadable_file" in warnings), name
        for n in broken:  # a real JPEG cut short: header intact, decoder complains
            assert images[n][:3] == b"\xff\xd8\xff"
            pymupdf.TOOLS.mupdf_warnings(reset=True)
            pymupdf.Pixmap(images[n])
            assert "premature end" in pymupdf.TOOLS.mupdf_warnings(reset=True)
        pngs = [n for n in good if n.endswith(".png")]
        assert bool(pngs) == ("image_format" in warnings), name
        sizes = {n: png_size(d) if n.endswith(".png") else jpeg_size(d) for n, d in good.items()}
        small = [n for n, (w, h) in sizes.items() if min(w, h) < 1080]
        assert bool(small) == ("image_resolution" in warnings), (name, sizes)
        assert all(s in ((1920, 1080), (1280, 720)) for s in sizes.values()), sizes
        if "image_count" in warnings:
            assert len(good) not in (2, 3), name
        else:
            assert len(good) in (2, 3), name
        for n, data in good.items():
            assert len(data) < 300 * 1024, n
            pix = pymupdf.Pixmap(data)
            assert (pix.width, pix.height) == sizes[n]
    counts = {len([n for n in f if n.endswith(IMAGE_EXT)]) for f in entries.values()}
    assert 1 in counts and 4 in counts


def test_personal_data_is_planted_only_where_expected(entries: dict) -> None:
    for entry in ENTRIES:
        shown = "\n".join([entry.title, entry.highlights, *entry.body])
        phones, ids = MOBILE.findall(shown), ID18.findall(shown)
        assert bool(phones) == ("pii_phone" in entry.warnings), entry.source
        assert bool(ids) == ("pii_id_number" in entry.warnings), entry.source
        for number in ids:
            assert gb11643_valid(number), number
        if ids:  # and it survives into the form file the intake will parse
            form_name, data = form_of(entries[entry.source])
            assert ids[0] in form_fields(form_name, data)["详细内容"]
    assert gb11643_valid("11010519491231002X") and not gb11643_valid("110105194912310021")


def test_duplicate_entries_share_unit_title_and_files(entries: dict) -> None:
    dups = [n for n, e in DEMO_EXPECTATIONS.items() if "duplicate" in e["warnings"]]
    assert len(dups) == 2 and dups[0] != dups[1]
    a, b = (entries[n] for n in dups)
    assert a == b  # the same mail saved twice under slightly different subjects
    assert DEMO_EXPECTATIONS[dups[0]]["title"] == DEMO_EXPECTATIONS[dups[1]]["title"]


def test_statistics_workbooks_hold_a_real_table(entries: dict) -> None:
    books = [d for f in entries.values() for n, d in f.items() if n.endswith(".xlsx")]
    assert len(books) >= 2
    for data in books:
        wb = openpyxl.load_workbook(io.BytesIO(data))
        rows = list(wb.worksheets[0].iter_rows(values_only=True))
        assert rows[0][:5] == ("月份", "受理量（件）", "办结量（件）", "办结率", "满意率")
        months = rows[1:13]
        assert [r[0] for r in months] == [f"2025年{m}月" for m in range(1, 13)]
        for _, received, done, rate, satisfied in months:
            assert 0 < done <= received
            assert rate == pytest.approx(done / received, abs=1e-4)
            assert 0.9 < satisfied <= 1
        total = rows[13]
        assert total[0] == "合计" and total[1] == sum(r[1] for r in months)
        assert wb.properties.creator == "演示"


def test_pdfs_and_links_are_real_documents(entries: dict) -> None:
    pdfs = [(n, d) for f in entries.values() for n, d in f.items() if n.endswith(".pdf")]
    assert {"申报书.pdf", "群众感谢信.pdf"} <= {PurePosixPath(n).name for n, _ in pdfs}
    assert any("政策文件" in n for n, _ in pdfs)
    for name, data in pdfs:
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            text = "".join(p.get_text() for p in doc)
            assert 1 <= doc.page_count <= 3, name
        assert len(re.findall(r"[\u4e00-\u9fff]", text)) > 200, name
    links = [d.decode("utf-8") for f in entries.values() for n, d in f.items() if n.endswith(".txt")]
    assert links
    for text in links:
        urls = re.findall(r"https://\S+", text)
        assert 2 <= len(urls) <= 3
        assert all(re.match(r"https://[\w.-]*example[\w.-]*\.cn/", u) for u in urls)


def test_folder_is_small_and_second_run_refuses(intake: Path) -> None:
    files = [p for p in intake.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in files) < 12 * 1024 * 1024
    before = {p: p.stat().st_mtime_ns for p in files}
    with pytest.raises(PanelDeskError, match="不为空"):
        write_demo_intake(intake.parent)
    assert {p: p.stat().st_mtime_ns for p in intake.rglob("*") if p.is_file()} == before


def test_a_file_in_the_way_is_refused_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "intake").write_text("not a folder", encoding="utf-8")
    with pytest.raises(PanelDeskError, match="intake"):
        write_demo_intake(tmp_path)
    assert (tmp_path / "intake").read_text(encoding="utf-8") == "not a folder"
    assert [p.name for p in tmp_path.iterdir()] == ["intake"]


def test_rendering_is_deterministic() -> None:
    picks = [e for e in ENTRIES if e.style in ("pdf", "paragraph")][:2]
    picks += [e for e in ENTRIES if any(ev.kind == "stats" for ev in e.evidence)][:1]
    for entry in picks:
        assert render_entry(entry) == render_entry(entry), entry.source
