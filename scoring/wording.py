"""Texts for people, kept translatable: the marker lupdate knows and `Message`.

Everything below `ui/` writes Chinese: the files (results.xlsx, report.docx, results.json)
and the command line print it as it is.  The interface shows the same texts in its own
language, so a text made with values in it is a `Message`: a `str` holding the Chinese
text, which also keeps its translation context, its marked template and the values
(`ui.i18n.render` says it again in the interface language).  It lives here, in the
bottom layer and in the standard library only, so the scoring functions can hand up
their explanations (an outlying mark's reason, a tie-break step) as messages too;
`app.i18n` re-exports it.

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged (as a `Marked` str that
remembers its context, so `Message(QT_TRANSLATE_NOOP(context, template), **values)` names
the context once); its name is the one Qt's `lupdate` looks for, and
`tools/fill_translations.py` scans scoring/ as well as app/ and ui/.  `sentences` joins
texts as "甲；乙", each still translatable.
"""

from __future__ import annotations

from typing import Any

LIST_SEPARATOR = "、"  # how the Chinese text joins a list value


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 — the name lupdate knows
    """Mark `text` for translation in `context`; returns it as it is (a `Marked` text,
    which remembers `context`, so `Message(QT_TRANSLATE_NOOP(ctx, template), …)` needs
    the context written once)."""
    return Marked(text, context)


class Marked(str):
    """A text marked for translation that knows its context (equal to the plain text)."""

    context: str

    def __new__(cls, text: str, context: str) -> Marked:
        marked = super().__new__(cls, text)
        marked.context = context
        return marked

    def __reduce__(self) -> tuple[Any, ...]:
        return (Marked, (str(self), self.context))


class Message(str):
    """`template.format(**args)` in Chinese, translatable later (see the module docstring).

    A value may itself be a `Message`, or a list or tuple of values (joined with "、" in
    Chinese; the interface joins with its own separator).
    """

    context: str
    template: str
    args: dict[str, Any]

    def __new__(cls, context: str, template: str | None = None, **args: Any) -> Message:
        if template is None:  # Message(QT_TRANSLATE_NOOP(context, template), …)
            if not isinstance(context, Marked):
                raise TypeError("Message(text) needs a text marked with QT_TRANSLATE_NOOP")
            context, template = context.context, str(context)
        text = template.format(**{k: _chinese(v) for k, v in args.items()})
        message = super().__new__(cls, text)
        message.context, message.template, message.args = context, template, dict(args)
        return message

    def __reduce__(self) -> tuple[Any, ...]:  # copies and pickles stay translatable
        return (_rebuild, (self.context, self.template, self.args))


def sentences(items: Any) -> str:
    """Texts joined as sentences ("甲；乙"), each still translatable in the interface."""
    items = [item for item in items if item]
    joined = items[0] if items else ""
    for item in items[1:]:
        joined = Message("Message", QT_TRANSLATE_NOOP("Message", "{first}；{then}"),
                         first=joined, then=item)
    return joined


def _rebuild(context: str, template: str, args: dict[str, Any]) -> Message:
    return Message(context, template, **args)


def _chinese(value: Any) -> str:
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(_chinese(v) for v in value)
    return str(value)
