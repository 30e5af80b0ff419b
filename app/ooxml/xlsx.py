"""A bounded .xlsx reader: sheet names, shared strings, rows of cell values.

Values are what openpyxl gives with `data_only=True`: text, int or float, bool, the
cached result of a formula, None for an empty cell; with `styles=True`, numbers in a
date format become datetimes and every cell carries its number format (previews).
Rows come with their sheet row number and a {column number: (value, format)} map;
reading stops — `truncated` — at `max_rows` rows or `max_cells` cells, and cells right
of `max_col` are not kept but listed in `beyond` (the first few), so a cell in column
XFD costs nothing and is still noticed.
"""

from __future__ import annotations

import functools
import posixpath
import zipfile
from dataclasses import dataclass, field
from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.ooxml.parts import OoxmlError, Stop, TextCollector, has_part, parse_part

MAX_COLUMN = 16384  # XFD: the widest sheet Excel knows
MAX_FORMAT_CODE = 255  # Excel's own limit; a longer code is hostile and read as General
_BEYOND_KEPT = 20


@dataclass(frozen=True)
class XlsxBounds:
    max_part: int = 64 * 1024 * 1024  # uncompressed bytes of one XML part read
    max_small_part: int = 2 * 1024 * 1024  # workbook, relationships, styles, properties
    max_elements: int = 3_000_000  # per part: what expat may call us for
    max_strings: int = 300_000
    max_string_chars: int = 40_000_000
    cut_strings: bool = False  # previews: keep the first strings instead of refusing


@dataclass
class SheetRows:
    rows: list[tuple[int, dict[int, tuple[Any, str]]]] = field(default_factory=list)
    truncated: bool = False
    beyond: list[tuple[str, Any]] = field(default_factory=list)  # (cell ref, value)
    cells: int = 0
    dimension: tuple[int, int] = (0, 0)  # (last column, last row) the sheet claims
    formulas: list[str] = field(default_factory=list)  # cells holding a formula (the first few)


def column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def column_letters(n: int) -> str:
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def _split_ref(ref: str) -> tuple[int, int]:
    """"AB12" → (28, 12); (0, 0) for anything else."""
    i = 0
    while i < len(ref) and "A" <= ref[i] <= "Z" and i < 3:
        i += 1
    col = column_number(ref[:i]) if i else 0
    row = int(ref[i:]) if ref[i:].isdigit() and len(ref) - i <= 7 else 0
    return (col if col <= MAX_COLUMN else 0), row


@functools.lru_cache(maxsize=256)
def _is_date_format(fmt: str) -> bool:
    """openpyxl's test, once per format rather than once per cell."""
    from openpyxl.styles.numbers import is_date_format

    return bool(is_date_format(fmt))


def _number(text: str) -> int | float:
    if "." in text or "E" in text or "e" in text or text.strip().lower() in ("nan", "inf"):
        return float(text)
    return int(text)


class Xlsx:
    """The sheets of an open workbook zip; parts are read when asked for."""

    def __init__(self, zf: zipfile.ZipFile, bounds: XlsxBounds | None = None) -> None:
        self.zf = zf
        self.bounds = bounds or XlsxBounds()
        self.sheets: list[tuple[str, str]] = []  # (name, part path), in workbook order
        self.date1904 = False
        self._strings: list[str] | None = None
        self.strings_cut = False
        self._formats: list[str] | None = None
        self._targets: dict[str, tuple[str, str]] = {}
        if not has_part(zf, "xl/workbook.xml"):
            raise OoxmlError(Message(QT_TRANSLATE_NOOP("Evidence", "不是 Excel 工作簿（.xlsx）：缺少工作簿结构")))
        self._read_relationships()
        self._read_workbook()

    @property
    def sheetnames(self) -> list[str]:
        return [name for name, _ in self.sheets]

    # -- workbook structure ----------------------------------------------------------------

    def _small(self, name: str, start: Any, end: Any = None, chars: Any = None) -> None:
        parse_part(self.zf, name, start, end, chars, max_bytes=self.bounds.max_small_part,
                   max_elements=100_000)

    def _read_relationships(self) -> None:
        name = "xl/_rels/workbook.xml.rels"
        if not has_part(self.zf, name):
            return

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "Relationship" and "Id" in attrs:
                target = attrs.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else \
                    posixpath.normpath(posixpath.join("xl", target))
                self._targets[attrs["Id"]] = (path, attrs.get("Type", "").rpartition("/")[2])

        self._small(name, start)

    def relationship_types(self, rels_part: str) -> set[str]:
        """The kinds of relationship (last part of the Type: hyperlink, drawing, …) in
        `rels_part`, read within the bounds of a small part."""
        kinds: set[str] = set()

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "Relationship":
                kinds.add(attrs.get("Type", "").rpartition("/")[2])

        self._small(rels_part, start)
        return kinds

    def _read_workbook(self) -> None:
        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "workbookPr":
                self.date1904 = attrs.get("date1904", "0") in ("1", "true")
            elif tag == "sheet":
                rid = next((v for k, v in attrs.items() if k.rpartition(":")[2] == "id"
                            and ":" in k), "")
                path = self._targets.get(rid, ("", ""))[0] or \
                    f"xl/worksheets/sheet{len(self.sheets) + 1}.xml"
                self.sheets.append((attrs.get("name", ""), path))

        self._small("xl/workbook.xml", start)

    def custom_properties(self, prefix: str) -> dict[str, str]:
        """Custom document properties whose names start with `prefix` (prefix removed)."""
        path = "docProps/custom.xml"
        if not has_part(self.zf, path):
            return {}
        out: dict[str, str] = {}
        text = TextCollector(self.bounds.max_string_chars)
        current: list[str] = []

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "property":
                current[:] = [attrs.get("name", "")]
                text.take()
            elif current:
                text.active = True

        def end(tag: str) -> None:
            if tag == "property" and current:
                if current[0].startswith(prefix) and len(out) < 100:
                    out[current[0][len(prefix):]] = text.take()
                current.clear()
                text.active = False

        parse_part(self.zf, path, start, end, text, max_bytes=self.bounds.max_part,
                   max_elements=10_000)
        return out

    # -- shared strings and styles ---------------------------------------------------------

    def strings(self) -> list[str]:
        if self._strings is None:
            self._strings = self._read_strings()
        return self._strings

    def _read_strings(self) -> list[str]:
        path = next((p for p, kind in self._targets.values() if kind == "sharedStrings"),
                    "xl/sharedStrings.xml")
        if not has_part(self.zf, path):
            return []
        b = self.bounds
        out: list[str] = []
        text = TextCollector(b.max_string_chars)
        depth_rph = 0

        def start(tag: str, _attrs: dict[str, str]) -> None:
            nonlocal depth_rph
            if tag == "si":
                if len(out) >= b.max_strings:
                    if b.cut_strings:
                        self.strings_cut = True
                        raise Stop
                    raise OoxmlError(Message(QT_TRANSLATE_NOOP(
                        "Evidence", "共享文本条目过多（超过 {max_strings} 条）"), max_strings=b.max_strings))
                text.take()
            elif tag == "rPh":
                depth_rph += 1
            elif tag == "t":
                text.active = depth_rph == 0

        def end(tag: str) -> None:
            nonlocal depth_rph
            if tag == "t":
                text.active = False
            elif tag == "rPh":
                depth_rph -= 1
            elif tag == "si":
                out.append(text.take())
                if text.cut:
                    if not b.cut_strings:
                        raise OoxmlError(Message(QT_TRANSLATE_NOOP(
                            "Evidence", "共享文本过长（超过 {max_string_chars} 个字符）"),
                            max_string_chars=b.max_string_chars))
                    self.strings_cut = True
                    raise Stop

        parse_part(self.zf, path, start, end, text, max_bytes=b.max_part,
                   max_elements=b.max_elements)
        return out

    def number_formats(self) -> list[str]:
        """The number format of each cell style (`s` attribute), from styles.xml."""
        if self._formats is None:
            self._formats = self._read_formats()
        return self._formats

    def _read_formats(self) -> list[str]:
        from openpyxl.styles.numbers import BUILTIN_FORMATS

        path = next((p for p, kind in self._targets.values() if kind == "styles"),
                    "xl/styles.xml")
        custom: dict[int, str] = {}
        ids: list[int] = []
        inside = []

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "numFmt" and attrs.get("numFmtId", "").isdigit():
                code = attrs.get("formatCode", "General")
                # Every cell of the style formats with its code: a 2 MB code would cost
                # seconds and megabytes per cell.
                custom[int(attrs["numFmtId"])] = code if len(code) <= MAX_FORMAT_CODE else "General"
            elif tag in ("cellXfs", "cellStyleXfs"):
                inside.append(tag)
            elif tag == "xf" and inside == ["cellXfs"] and len(ids) < 100_000:
                value = attrs.get("numFmtId", "0")
                ids.append(int(value) if value.isdigit() else 0)

        def end(tag: str) -> None:
            if tag in ("cellXfs", "cellStyleXfs") and inside:
                inside.pop()

        if has_part(self.zf, path):
            self._small(path, start, end)
        return [custom.get(i) or BUILTIN_FORMATS.get(i, "General") for i in ids]

    # -- rows ----------------------------------------------------------------------------

    def read_rows(self, sheet: str, *, max_rows: int, max_col: int, max_cells: int,
                  styles: bool = False) -> SheetRows:
        """The sheet's rows (see the module docstring for the bounds)."""
        path = dict(self.sheets).get(sheet)
        if path is None:
            raise OoxmlError(Message(QT_TRANSLATE_NOOP("Evidence", "缺少工作表“{sheet}”"),
                sheet=sheet[:40]))
        strings = self.strings()
        formats = self.number_formats() if styles else []
        result = SheetRows()
        state: dict[str, Any] = {"row": 0, "col": 0, "type": "", "style": 0}
        cells: dict[int, tuple[Any, str]] = {}
        text = TextCollector(self.bounds.max_string_chars)

        def start(tag: str, attrs: dict[str, str]) -> None:
            if tag == "dimension":
                last = attrs.get("ref", "").rpartition(":")[2]
                result.dimension = _split_ref(last)
            elif tag == "row":
                if len(result.rows) >= max_rows:
                    result.truncated = True
                    raise Stop
                r = attrs.get("r", "")
                state["row"] = int(r) if r.isdigit() and len(r) <= 7 else state["row"] + 1
                state["col"] = 0
            elif tag == "c":
                result.cells += 1
                if result.cells > max_cells:
                    result.truncated = True
                    raise Stop
                col, _row = _split_ref(attrs.get("r", ""))
                state["col"] = col or state["col"] + 1
                state["type"] = attrs.get("t", "n")
                s = attrs.get("s", "0")
                state["style"] = int(s) if s.isdigit() and len(s) <= 6 else 0
                state["has"] = False
                text.take()
            elif tag in ("v", "t"):
                text.active = True
                state["has"] = True
            elif tag == "rPh":
                text.active = False
            elif tag == "f" and len(result.formulas) < _BEYOND_KEPT:
                result.formulas.append(f"{column_letters(state['col'])}{state['row']}")

        def end(tag: str) -> None:
            if tag in ("v", "t"):
                text.active = False
            elif tag == "c":
                value = self._value(state["type"], text.take() if state["has"] else None,
                                    strings)
                fmt = "General"
                if styles and value is not None and 0 <= state["style"] < len(formats):
                    fmt = formats[state["style"]]
                    value = self._dated(value, fmt)
                col = state["col"]
                if col > max_col or col > MAX_COLUMN:
                    if value not in (None, "") and len(result.beyond) < _BEYOND_KEPT:
                        result.beyond.append((f"{column_letters(col)}{state['row']}", value))
                elif value is not None:
                    cells[col] = (value, fmt)
            elif tag == "row":
                result.rows.append((state["row"], dict(cells)))
                cells.clear()
            elif tag == "sheetData":
                raise Stop  # what follows (merged ranges, links, drawings) holds no values

        parse_part(self.zf, path, start, end, text, max_bytes=self.bounds.max_part,
                   max_elements=self.bounds.max_elements)
        if cells:  # stopped inside a row (one endless row): keep what was read of it
            result.rows.append((state["row"], dict(cells)))
        result.truncated = result.truncated or text.cut
        return result

    def _value(self, kind: str, raw: str | None, strings: list[str]) -> Any:
        if raw is None:
            return None
        try:
            if kind == "s":
                index = int(raw)
                if 0 <= index < len(strings):
                    return strings[index]
                if self.strings_cut:
                    return "…"
                raise OoxmlError(Message(QT_TRANSLATE_NOOP(
                    "Evidence", "单元格引用了不存在的共享文本（第 {index} 条）"), index=index))
            if kind in ("inlineStr", "str", "e", "d"):
                return raw
            if kind == "b":
                return raw.strip() in ("1", "true")
            return _number(raw) if raw.strip() else None
        except ValueError:
            raise OoxmlError(Message(QT_TRANSLATE_NOOP("Evidence", "单元格的数值无效（“{raw}”）"),
                raw=raw[:20])) from None

    def _dated(self, value: Any, fmt: str) -> Any:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return value
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

        if not _is_date_format(fmt):
            return value
        try:
            return from_excel(value, CALENDAR_MAC_1904 if self.date1904 else CALENDAR_WINDOWS_1900)
        except (ValueError, OverflowError, TypeError):
            return value
