"""Hostile inputs built in the test, never committed: big ones streamed into zips.

`measured(fn)` runs `fn` and returns (result or exception, seconds, peak MB of Python
allocations, via tracemalloc) — the issue's budget for one hostile input is 5 s and
300 MB.
"""

from __future__ import annotations

import io
import random
import time
import tracemalloc
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

BUDGET_SECONDS = 5.0
BUDGET_MB = 300

SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/content-types"><Default Extension="xml" '
                 b'ContentType="application/xml"/></Types>')
WORKBOOK = (f'<?xml version="1.0"?><workbook xmlns="{SHEET_NS}" xmlns:r="{REL_NS}"><sheets>'
            f'<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>').encode()
WORKBOOK_RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                 b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                 b'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                 b'Target="worksheets/sheet1.xml"/></Relationships>')


def measured(fn: Callable[[], Any], *, memory: bool = False) -> tuple[Any, float, float]:
    """(result or exception, seconds, peak MB).  The time is taken on a plain run; with
    `memory` a second run under tracemalloc (which slows Python several times) gives
    the peak of Python allocations, else the peak is reported as 0."""
    start = time.perf_counter()
    try:
        result: Any = fn()
    except Exception as err:  # noqa: BLE001 — the outcome is what the test looks at
        result = err
    seconds = time.perf_counter() - start
    if not memory:
        return result, seconds, 0.0
    tracemalloc.start()
    try:
        fn()
    except Exception:  # noqa: BLE001 — same outcome as above
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, seconds, peak / 1e6


def within_budget(seconds: float, peak_mb: float) -> None:
    assert seconds < BUDGET_SECONDS, f"took {seconds:.1f} s"
    assert peak_mb < BUDGET_MB, f"peak {peak_mb:.0f} MB"


def stream_member(zf: zipfile.ZipFile, name: str, head: bytes, chunk: bytes, repeat: int,
                  tail: bytes) -> None:
    """Write member `name` = head + chunk × repeat + tail without holding it in memory."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info._compresslevel = 1
    with zf.open(info, "w", force_zip64=True) as fh:
        fh.write(head)
        for _ in range(repeat):
            fh.write(chunk)
        fh.write(tail)


def varied(template: bytes, count: int, seed: int = 1, top: int = 100) -> bytes:
    """`count` copies of `template` % n with random n: 64 KB of it does not deflate to nothing."""
    rng = random.Random(seed)
    return b"".join(template % rng.randrange(top) for _ in range(count))


def xlsx(parts: dict[str, bytes] | None = None,
         streamed: Iterable[tuple[str, bytes, bytes, int, bytes]] = ()) -> bytes:
    """A minimal workbook (one sheet "S") plus `parts`, and big parts written streaming."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        base = {"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": WORKBOOK,
                "xl/_rels/workbook.xml.rels": WORKBOOK_RELS}
        for name, data in {**base, **(parts or {})}.items():
            zf.writestr(name, data)
        for item in streamed:
            stream_member(zf, *item)
    return buf.getvalue()


def sheet_xml(rows: str) -> bytes:
    return f'<worksheet xmlns="{SHEET_NS}"><sheetData>{rows}</sheetData></worksheet>'.encode()


def docx(body: bytes = b"", streamed: tuple[bytes, int] | None = None) -> bytes:
    """A minimal .docx: document.xml with `body`, or a chunk repeated (streamed)."""
    head = (b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
            b'main"><w:body>')
    tail = b"</w:body></w:document>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        if streamed is None:
            zf.writestr("word/document.xml", head + body + tail)
        else:
            stream_member(zf, "word/document.xml", head, streamed[0], streamed[1], tail)
    return buf.getvalue()


def rewrite_zip(src: Path, dst: Path, change: Callable[[str, bytes], bytes | None],
                add: dict[str, bytes] | None = None) -> Path:
    """Copy zip `src` to `dst`, each member through `change` (None drops it)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info.filename, data)
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return dst
