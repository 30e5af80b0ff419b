"""Marking strings the core declares for the interface — without importing Qt.

`app` never imports Qt, yet a few of its strings are shown in the interface (the labels
of the evidence kinds).  They are written as `QT_TRANSLATE_NOOP(context, text)`, which
returns `text` unchanged: the call only marks the string, so Qt's `lupdate` (run over
app/ as well as ui/ by tools/fill_translations.py) puts it into the translation file
under `context`.  The interface translates it where it shows it, with
`QCoreApplication.translate(context, text)`.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 — the exact name lupdate recognises
    """`text` unchanged; `context` is there for lupdate, which reads it from the call."""
    return text
