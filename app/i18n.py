"""Marking strings the core produces for the interface, without importing Qt.

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged; its name is the one Qt's
`lupdate` looks for, so `tools/fill_translations.py` (which scans app/ and scoring/ as
well as ui/) collects the string under `context`, and the interface shows it with
`QCoreApplication.translate(context, text)`.

A message with values in it is a `Message`: a `str` holding the Chinese text (what the
command line prints, files store and tests read), which also keeps its context, its
marked template and the values, so the interface can say it in its own language
(`ui.i18n.render`).  Both are defined in `scoring.wording` (the bottom layer, so scoring
can use them) and re-exported here.  Messages that were stored as plain text (a packet's intake
warnings) are read back into a `Message` by `recognise`, against the templates that
made them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Defined in the bottom layer so scoring's explanations are messages too (scoring/wording.py).
from scoring.wording import LIST_SEPARATOR, QT_TRANSLATE_NOOP, Marked, Message, sentences

__all__ = ["LIST_SEPARATOR", "QT_TRANSLATE_NOOP", "Marked", "Message", "recognise", "said",
           "sentences"]


def said(err: BaseException) -> str:
    """What `err` says: the message it was raised with (a `Message` stays translatable),
    else its text."""
    message = err.args[0] if len(err.args) == 1 else None
    return message if isinstance(message, str) else str(err)


def recognise(text: str, templates: Iterable[tuple[str, str]]) -> Message | str:
    """`text` as the `Message` of the first (context, template) that produces it, or
    `text` itself when none does (then it is shown as it is)."""
    if isinstance(text, Message):
        return text
    for context, template in templates:
        match = _pattern(template).fullmatch(text)
        if match is not None:  # a value listing things ("S002、S003") is read as the list
            values = {name: value.split(LIST_SEPARATOR) if LIST_SEPARATOR in value else value
                      for name, value in match.groupdict().items()}
            return Message(context, template, **values)
    return text


_PATTERNS: dict[str, re.Pattern[str]] = {}
_FIELD = re.compile(r"\{(\w+)\}")


def _pattern(template: str) -> re.Pattern[str]:
    pattern = _PATTERNS.get(template)
    if pattern is None:
        parts, pos = [], 0
        for field in _FIELD.finditer(template):
            parts.append(re.escape(template[pos:field.start()]))
            parts.append(f"(?P<{field.group(1)}>.+?)")
            pos = field.end()
        parts.append(re.escape(template[pos:]))
        pattern = _PATTERNS[template] = re.compile("".join(parts), re.DOTALL)
    return pattern
