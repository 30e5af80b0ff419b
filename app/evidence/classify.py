"""Classify an evidence file by its CONTENT, not its name, and say if it is safe to open.

Applicants name files anything ("照片.jpg" that is a PNG, a screenshot renamed .pdf), so
the kind and media type come from magic bytes and structure; the extension is only a
hint for formats that look alike (legacy Word vs Excel) and for deciding whether
unrecognised bytes are a problem (a ".jpg" of random bytes is) or just "other".

What each kind looks like is declared with the kind (`app.evidence.kinds.KINDS`, in the
order they are tried); the reading itself — image headers (`images`), zip directories,
PDFs, text (`probe`) — is cheap and never trusts the file.
"""

from __future__ import annotations

import struct

from app.evidence.kinds import FALLBACK, KINDS
from app.evidence.probe import EMPTY, OCTET, UNRECOGNISED, EvidenceInfo, Probe


def classify(name: str, data: bytes, *, max_pixels: int = 80_000_000) -> EvidenceInfo:
    """Classify `data` (the file's bytes; `name` is only a hint).  Never raises."""
    if not data:
        return EvidenceInfo(FALLBACK, OCTET, problem=EMPTY)
    probe = Probe(name, data, max_pixels)
    try:
        # The last kind claims every file, so one always does (the registry test checks).
        return next(info for kind in KINDS if (info := kind.recognise(probe)) is not None)
    except (struct.error, IndexError, ValueError):
        # A header too short for the fields it announces: the file is cut or forged.
        return EvidenceInfo(FALLBACK, OCTET, problem=UNRECOGNISED)
