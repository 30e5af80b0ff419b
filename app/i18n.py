"""Marking strings the core produces for the interface, without importing Qt.

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged; its name is the one Qt's
`lupdate` looks for, so `tools/fill_translations.py` (which scans app/ as well as ui/)
collects the string under `context`, and the interface shows it with
`QCoreApplication.translate(context, text)`.

A message with values in it is a `Message`: a `str` holding the Chinese text (what the
command line prints, files store and tests read), which also keeps its context, its
marked template and the values, so the interface can say it in its own language
(`ui.i18n.render`).  Messages that were stored as plain text (a packet's intake
warnings) are read back into a `Message` by `recognise`, against the templates that
made them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

LIST_SEPARATOR = "、"  # how the Chinese text joins a list value


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 — the name lupdate knows
    """Mark `text` for translation in `context`; returns it as it is."""
    return text


class Message(str):
    """`template.format(**args)` in Chinese, translatable later (see the module docstring).

    A value may itself be a `Message`, or a list or tuple of values (joined with "、" in
    Chinese; the interface joins with its own separator).
    """

    context: str
    template: str
    args: dict[str, Any]

    def __new__(cls, context: str, template: str, **args: Any) -> Message:
        text = template.format(**{k: _chinese(v) for k, v in args.items()})
        message = super().__new__(cls, text)
        message.context, message.template, message.args = context, template, dict(args)
        return message

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles stay translatable
        return (_rebuild, (self.context, self.template, self.args))


def _rebuild(context: str, template: str, args: dict[str, Any]) -> Message:
    return Message(context, template, **args)


def _chinese(value: Any) -> str:
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(_chinese(v) for v in value)
    return str(value)


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
