"""Pictures pasted into a Word 申报书: applicants often put their photos in the form
instead of attaching them.

Experts do not get the form itself (it holds the contact details), so such pictures
would never reach them, and the image count would say none were sent.  While
`form_docx` streams document.xml it hands every picture reference here (`PictureRefs`:
DrawingML `a:blip r:embed`, VML `v:imagedata r:id`, in reading order); `pictures` then
follows the main part's relationships to the media members — only those the body
refers to (not a logo in the page header) and only raster images recognised by their
first bytes — already bounded in size by the package check.  Problems end the search
quietly: the form is still read, just without its pictures.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import PurePosixPath

from app.ooxml.parts import OoxmlError, parse_part

MAX_PICTURES = 30
_RELS = "word/_rels/document.xml.rels"
_MAX_RELS_BYTES = 5 * 1024 * 1024
_MAX_RELS_ELEMENTS = 50_000
# Raster formats a photo comes in (EMF/WMF drawings and SVG are not photos).
_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM", b"II*\x00",
          b"MM\x00*")


class PictureRefs:
    """A start-element handler for `parse_part` over document.xml that keeps the
    relationship ids of pictures, first occurrence first."""

    def __init__(self) -> None:
        self.ids: list[str] = []

    def __call__(self, tag: str, attrs: dict[str, str]) -> None:
        if tag not in ("blip", "imagedata") or len(self.ids) >= 10 * MAX_PICTURES:
            return
        wanted = "embed" if tag == "blip" else "id"
        for key, value in attrs.items():
            if key.rpartition(":")[2] == wanted and key != wanted and value not in self.ids:
                self.ids.append(value)


def pictures(zf: zipfile.ZipFile, refs: list[str]) -> list[tuple[str, bytes]]:
    """(member name, bytes) of the pictures `refs` point at, in order, at most
    MAX_PICTURES, each member once."""
    if not refs:
        return []
    targets: dict[str, str] = {}

    def on_rel(tag: str, attrs: dict[str, str]) -> None:
        if tag == "Relationship" and attrs.get("TargetMode") != "External":
            targets[attrs.get("Id", "")] = attrs.get("Target", "")

    try:
        parse_part(zf, _RELS, on_rel, max_bytes=_MAX_RELS_BYTES,
                   max_elements=_MAX_RELS_ELEMENTS)
    except OoxmlError:
        return []
    out: list[tuple[str, bytes]] = []
    seen: set[str] = set()
    for rid in refs:
        member = _member(targets.get(rid, ""))
        if member is None or member in seen:
            continue
        seen.add(member)
        try:
            data = zf.read(member)
        except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError,
                RuntimeError, NotImplementedError):
            continue
        if data.startswith(_MAGIC):
            out.append((member, data))
            if len(out) >= MAX_PICTURES:
                break
    return out


def _member(target: str) -> str | None:
    """The zip member a relationship target names (relative to word/), or None."""
    if not target or "\\" in target or ":" in target:
        return None
    path = posixpath.normpath(target.lstrip("/") if target.startswith("/")
                              else posixpath.join("word", target))
    return None if path.startswith("..") or PurePosixPath(path).is_absolute() else path
