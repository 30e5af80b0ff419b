"""Marking strings the core produces for the interface, without importing Qt.

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged; its name is the one Qt's
`lupdate` looks for, so `tools/fill_translations.py` (which scans app/ as well as ui/)
collects the string under `context`, and the interface shows it with
`QCoreApplication.translate(context, text)`.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 — the name lupdate knows
    """Mark `text` for translation in `context`; returns it as it is."""
    return text
