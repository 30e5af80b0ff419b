"""Read a 申报书 from a Word .docx file.

The file is hostile until proven otherwise, so the zip is inspected before python-docx
sees it: member count, declared sizes (zipfile never inflates past a member's declared
size, so bounding those bounds memory) and compression ratios; and no XML part may
carry a DOCTYPE — Word never writes one, and refusing it rules out entity-expansion
("billion laughs") and external-entity tricks whatever the XML parser does.  (python-docx
also parses with `resolve_entities=False`; this check does not depend on it.)

The body is walked in document order — paragraphs, tables, content controls — to
produce the blocks of `form_fields`.  Text is taken from the XML directly rather than
`Paragraph.text` so that check boxes survive: Wingdings symbols (`w:sym`), symbol-font
runs and legacy FORMCHECKBOX fields become ☑ / □.  Table rows are read by layout grid:
a horizontally merged cell appears once, and a vertically merged label cell (`w:vMerge`)
carries its label down so its rows continue one value.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from html import unescape
from typing import Any

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.intake.form_fields import Block, ParsedForm, build_form, label_key, table_blocks
from app.intake.form_images import PictureRefs, pictures
from app.ooxml.parts import OoxmlError, parse_part

# What reading a damaged or hostile zip can raise: truncation, bad CRC, broken deflate
# data, encrypted members (RuntimeError), unknown compression (NotImplementedError).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, KeyError,
              RuntimeError, NotImplementedError)
MAX_MEMBERS = 2000
MAX_DOCUMENT_XML = 50 * 1024 * 1024
MAX_TOTAL = 300 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members over 1 MiB
# python-docx holds the whole tree (~190 bytes an element): 500,000 elements stay under
# ~100 MB, and a real form (a few pages, richly formatted) has tens of thousands.
MAX_ELEMENTS = 500_000
MAX_DEPTH = 12  # nested tables; deeper content is read as plain text
_DOCTYPE_MARKS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY")
                       for enc in ("ascii", "utf-16-le", "utf-16-be"))
_MEDIA_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf",
                   ".svg", ".wdp", ".bin", ".odttf", ".ttf", ".fntdata", ".mp4", ".wav")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
W_P, W_TBL, W_TR, W_TC, W_T = W + "p", W + "tbl", W + "tr", W + "tc", W + "t"
W_VAL = W + "val"
_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag", W + "ins",
               W + "hyperlink", W + "fldSimple", W + "r", W + "moveTo"}
_MAIN_TYPES = ("document.main+xml", "document.macroEnabled.main+xml", "template.main+xml",
               "template.macroEnabledTemplate.main+xml")
# Symbol-font code points (low byte) of boxes and ticks.
SYMBOLS = {
    "wingdings": {0xFE: "☑", 0xFD: "☒", 0xFC: "√", 0x78: "☒", 0xA8: "□", 0x6F: "□",
                  0x71: "□", 0x72: "□"},
    "wingdings 2": {0x52: "☑", 0x54: "☒", 0x53: "☒", 0x50: "√", 0xA3: "□", 0x2A: "□",
                    0xA2: "□"},
}


def zip_kind(data: bytes) -> str | None:
    """"docx" (a zip holding word/document.xml), "zip" (another zip), "broken" (a zip
    signature but no readable zip), None (not a zip at all)."""
    if not data.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except ZIP_ERRORS:
        return "broken"
    return "docx" if "word/document.xml" in names else "zip"


def check_package(name: str, data: bytes) -> zipfile.ZipFile:
    """Open the zip and enforce the limits; the caller closes the returned ZipFile."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except ZIP_ERRORS as err:
        raise _damaged(name, err) from err
    if len(infos) > MAX_MEMBERS:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "{name}：Word 文档内部文件过多（{count} 个），拒绝读取"), name=name, count=len(infos)))
    total = 0
    for info in infos:
        total += info.file_size
        media = info.filename.lower().endswith(_MEDIA_SUFFIXES)
        limit = MAX_TOTAL if media else MAX_DOCUMENT_XML  # XML parts are read whole
        ratio_bad = (info.file_size > 1024 * 1024
                     and info.file_size > MAX_RATIO * max(info.compress_size, 1))
        if info.file_size > limit or total > MAX_TOTAL or ratio_bad:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Intake", "{name}：Word 文档内部文件“{filename}”解压后过大（{file_size} MB），疑似压缩炸弹，拒绝读取"),
                name=name, filename=info.filename, file_size=info.file_size // (1024 * 1024)))
    if "word/document.xml" not in {i.filename for i in infos}:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "{name}：不是 Word 文档（压缩包中没有 word/document.xml）"), name=name))
    return zf


def _damaged(name: str, err: Exception) -> PanelDeskError:
    return PanelDeskError(f"{name}：文件已损坏，无法作为 Word 文档（.docx）打开"
                          f"（{type(err).__name__}）")


def _check_xml_parts(name: str, zf: zipfile.ZipFile) -> None:
    for info in zf.infolist():
        # Everything python-docx might parse as XML; images (SVG may have a DOCTYPE) not.
        if not info.filename.lower().endswith(_MEDIA_SUFFIXES) and any(
                mark in zf.read(info) for mark in _DOCTYPE_MARKS):
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Intake", "{name}：Word 文档含有 XML 实体声明（DOCTYPE），不是正常的 Word 文件，可能是恶意文件，拒绝读取"),
                name=name))


def parse_docx(name: str, data: bytes) -> ParsedForm:
    """The 申报书 fields of a .docx file; PanelDeskError (Chinese, naming it) if unreadable."""
    with check_package(name, data) as zf:
        try:
            _check_xml_parts(name, zf)
        except ZIP_ERRORS as err:
            raise _damaged(name, err) from err
        refs = PictureRefs()
        _count_elements(name, zf, refs)
        embedded = pictures(zf, refs.ids)
    body = _load_body(name, data)
    blocks: list[Block] = []
    lines: list[str] = []
    _walk_container(body, blocks, lines, 0)
    form = build_form(blocks, "\n".join(lines))
    form.pictures = embedded
    return form


def _count_elements(name: str, zf: zipfile.ZipFile, refs: PictureRefs) -> None:
    """Refuse a document too large for python-docx's tree before building it (streamed);
    the same pass notes the pictures the body refers to."""
    try:
        parse_part(zf, "word/document.xml", refs,
                   max_bytes=MAX_DOCUMENT_XML, max_elements=MAX_ELEMENTS)
    except OoxmlError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "{name}：Word 文档内容过于庞大或无法读取（{err}），不像申报书，拒绝读取"), name=name, err=err)) from err


def docx_pictures(data: bytes) -> list[tuple[str, bytes]]:
    """The pictures pasted into a .docx, as `parse_docx` finds them (`form_images`);
    [] when it cannot be read."""
    try:
        with check_package("", data) as zf:
            refs = PictureRefs()
            parse_part(zf, "word/document.xml", refs, max_bytes=MAX_DOCUMENT_XML,
                       max_elements=MAX_ELEMENTS)
            return pictures(zf, refs.ids)
    except (PanelDeskError, OoxmlError, *ZIP_ERRORS):
        return []


def _load_body(name: str, data: bytes) -> Any:
    import docx
    from docx.opc.package import OpcPackage
    from docx.oxml.parser import parse_xml

    try:
        try:
            return docx.Document(io.BytesIO(data)).element.body
        except ValueError:
            # Templates (.dotx) and macro documents (.docm) are rejected by Document()
            # but hold the same WordprocessingML; read their main part directly.
            part = OpcPackage.open(io.BytesIO(data)).main_document_part
            if not part.content_type.endswith(_MAIN_TYPES):
                raise
            element = getattr(part, "element", None)
            return (element if element is not None else parse_xml(part.blob)).body
    except Exception as err:  # python-docx/lxml raise many types on malformed packages
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Intake", "{name}：无法读取 Word 文档内容，文件可能已损坏或不是 Word 文档（{name2}）"),
            name=name, name2=type(err).__name__)) from err


def _walk_container(container: Any, blocks: list[Block], lines: list[str], depth: int) -> None:
    for child in container:
        tag = child.tag
        if tag == W_P:
            text = paragraph_text(child)
            blocks.append(text)
            lines.append(text)
        elif tag == W_TBL:
            if depth >= MAX_DEPTH:
                text = _flat_text(child)
                blocks.append(text)
                lines.append(text)
            else:
                _walk_table(child, blocks, lines, depth + 1)
        elif tag in _CONTAINERS:
            _walk_container(child, blocks, lines, depth)


def _walk_table(tbl: Any, blocks: list[Block], lines: list[str], depth: int) -> None:
    carry: dict[int, str] = {}  # layout-grid column → text of the cell a vMerge continues
    rows: list[list[str]] = []  # read as one table (a header row pairs with the row below)
    carried_rows: list[list[bool]] = []
    for tr in _children(tbl, W_TR):
        grid_before = tr.find(f"{W}trPr/{W}gridBefore")
        column = _int(grid_before.get(W_VAL)) if grid_before is not None else 0
        texts: list[str] = []
        carried: list[bool] = []
        own: list[Any] = []  # cells holding their own content (not vMerge continuations)
        for tc in _children(tr, W_TC):
            span_el = tc.find(f"{W}tcPr/{W}gridSpan")
            span = max(1, _int(span_el.get(W_VAL))) if span_el is not None else 1
            vmerge = tc.find(f"{W}tcPr/{W}vMerge")
            if vmerge is not None and vmerge.get(W_VAL, "continue") != "restart":
                # The content belongs to the cell above; only a label is carried down.
                above = carry.get(column, "")
                is_label = label_key(above) is not None
                texts.append(above if is_label else "")
                carried.append(is_label)
            else:
                text = cell_text(tc, depth)
                texts.append(text)
                carried.append(False)
                own.append(tc)
                carry[column] = text if vmerge is not None else ""
            column += span
        if label_key(texts[0] if texts else "") is None and any(
                tc.find(W_TBL) is not None for tc in own):
            # A layout table holding the real form in nested tables: walk the cells.
            blocks.extend(table_blocks(rows, carried_rows))
            rows, carried_rows = [], []
            for tc in own:
                _walk_container(tc, blocks, lines, depth)
            continue
        lines.append("\t".join(texts))
        rows.append(texts)
        carried_rows.append(carried)
    blocks.extend(table_blocks(rows, carried_rows))


def _children(el: Any, tag: str) -> list[Any]:
    """Children with `tag`, also inside row/cell-level content controls."""
    out = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            out.extend(_children(child, tag))
    return out


def cell_text(tc: Any, depth: int = 0) -> str:
    """A cell's paragraphs joined by newlines; nested tables as tab-separated rows."""
    parts: list[str] = []
    for child in tc:
        if child.tag == W_P:
            parts.append(paragraph_text(child))
        elif child.tag == W_TBL:
            for tr in _children(child, W_TR):
                cells = ([cell_text(c, depth + 1) for c in _children(tr, W_TC)]
                         if depth < MAX_DEPTH else [_flat_text(tr)])
                parts.append("\t".join(c.replace("\n", " ") for c in cells))
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            parts.append(cell_text(child, depth))
    return "\n".join(parts).strip("\n")


def _flat_text(el: Any) -> str:
    """Plain text of a subtree too deep to walk (lxml's itertext() repeats text on
    python-docx's element classes, so w:t elements are read one by one)."""
    return "\n".join("".join(t.text or "" for t in p.iter(W_T)) for p in el.iter(W_P))


def paragraph_text(p: Any) -> str:
    """A paragraph's visible text, check-box symbols included."""
    out: list[str] = []
    _run_text(p, out, None)
    return "".join(out)


def _run_text(el: Any, out: list[str], font: str | None) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag == MC_FALLBACK or tag == W + "del":
            continue  # comments, processing instructions; VML duplicates; deletions
        if tag == W_T:
            out.append(map_symbols(child.text or "", font))
        elif tag == W + "r":
            _run_text(child, out, _symbol_font(child) or font)
        elif tag in (W + "tab", W + "ptab"):
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "sym":
            table = SYMBOLS.get((child.get(W + "font") or "").lower(), {})
            out.append(table.get(_int(child.get(W + "char"), 16) & 0xFF, ""))
        elif tag == W + "fldChar":
            box = child.find(f"{W}ffData/{W}checkBox")
            if box is not None:
                out.append("☑" if _checkbox_on(box) else "□")
        elif tag == W_P:  # a paragraph inside a text box
            out.append("\n")
            _run_text(child, out, None)
        elif tag not in (W + "rPr", W + "pPr", W + "instrText", W + "delText"):
            _run_text(child, out, font)


def _symbol_font(run: Any) -> str | None:
    fonts = run.find(f"{W}rPr/{W}rFonts")
    if fonts is None:
        return None
    font = (fonts.get(W + "ascii") or fonts.get(W + "hAnsi") or "").lower()
    return font if font in SYMBOLS else None


def map_symbols(text: str, font: str | None) -> str:
    """`text` of a run in symbol font `font` (a key of SYMBOLS, or None: plain text)."""
    if font is None:
        return text
    table = SYMBOLS[font]
    return "".join(table.get(ord(ch) & 0xFF, ch) if ord(ch) < 0x100 or 0xF000 <= ord(ch) < 0xF100
                   else ch for ch in text)


def _checkbox_on(box: Any) -> bool:
    for tag in ("checked", "default"):
        el = box.find(W + tag)
        if el is not None:
            return el.get(W_VAL, "1").lower() not in ("0", "false", "off")
    return False


def _int(value: str | None, base: int = 10) -> int:
    try:
        return int(value or "0", base)
    except ValueError:
        return 0


def quick_text(data: bytes) -> str:
    """The text of document.xml without python-docx, for `looks_like_form`: cheap and
    bounded; "" for anything that is not a sound .docx."""
    try:
        with check_package("", data) as zf:
            xml = zf.read("word/document.xml")
    except (PanelDeskError, *ZIP_ERRORS):
        return ""
    if any(mark in xml for mark in _DOCTYPE_MARKS):
        return ""
    text = xml.decode("utf-8", "replace")
    text = re.sub(r"<w:tab/>|</w:tc>", "\t", text)
    text = re.sub(r"</w:p>|<w:br/>", "\n", text)
    return unescape(re.sub(r"<[^>]*>", "", text))
