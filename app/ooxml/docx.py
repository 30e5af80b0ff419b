"""A bounded .docx text reader: the body's paragraphs and tables, in document order.

What python-docx's `Paragraph.text` gives (text, tabs, line breaks), with each table row
as one line of tab-separated cells (a cell's paragraphs joined by spaces) and an empty
line after each table.  Reading stops after `max_lines` lines or `max_chars` characters;
`DocxText.total` then says how far the count had got (at least), for "first N of M".
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field

from app.i18n import QT_TRANSLATE_NOOP, Message
from app.ooxml.parts import OoxmlError, Stop, has_part, parse_part


@dataclass
class DocxText:
    lines: list[str] = field(default_factory=list)
    truncated: bool = False


def read_docx_text(zf: zipfile.ZipFile, *, max_lines: int, max_chars: int,
                   max_part: int, max_elements: int) -> DocxText:
    """The document's lines; see the module docstring."""
    if not has_part(zf, "word/document.xml"):
        raise OoxmlError(Message(QT_TRANSLATE_NOOP("Evidence", "不是 Word 文档（.docx）：缺少正文")))
    result = DocxText()
    size = 0
    para: list[str] = []  # text of the paragraph being read
    cell: list[str] = []  # paragraphs of the table cell being read
    row: list[str] = []  # cells of the table row being read
    # row_len: characters held for the table row being read, bounded like a paragraph
    state = {"table": 0, "in_t": False, "body": False, "para_len": 0, "row_len": 0}

    def emit(line: str) -> None:
        nonlocal size
        if len(result.lines) >= max_lines or size + len(line) > max_chars:
            room = max_chars - size
            if room > 0 and len(result.lines) < max_lines:
                result.lines.append(line[:room])
            result.truncated = True
            raise Stop
        result.lines.append(line)
        size += len(line) + 1

    def start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "body":
            state["body"] = True
        elif tag == "t":
            state["in_t"] = True
        elif tag == "tab":
            para.append("\t")
        elif tag == "cr" or (tag == "br" and attrs.get("w:type", "textWrapping") == "textWrapping"):
            para.append("\n")
        elif tag == "tbl":
            state["table"] += 1

    def end(tag: str) -> None:
        if tag == "t":
            state["in_t"] = False
        elif tag == "p" and state["body"]:
            text = "".join(para)
            para.clear()
            state["para_len"] = 0
            if state["table"] == 0:
                emit(text)
            elif state["table"] == 1:
                cell.append(text)
                state["row_len"] += len(text) + 1
                if state["row_len"] > max_chars:  # one endless row: emit it cut, and stop
                    result.truncated = True
                    emit("\t".join([*row, " ".join(cell)])[:max_chars + 1])
        elif tag == "tc" and state["table"] == 1:
            row.append(" ".join(cell).replace("\n", " "))
            cell.clear()
        elif tag == "tr" and state["table"] == 1:
            emit("\t".join(row))
            row.clear()
            state["row_len"] = 0
        elif tag == "tbl":
            state["table"] -= 1
            if state["table"] == 0:
                emit("")

    def chars(text: str) -> None:
        if state["in_t"]:
            para.append(text)
            state["para_len"] += len(text)
            if state["para_len"] > max_chars:  # one endless paragraph
                result.truncated = True
                emit("".join(para)[:max_chars])

    parse_part(zf, "word/document.xml", start, end, chars, max_bytes=max_part,
               max_elements=max_elements)
    return result
