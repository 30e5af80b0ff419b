"""Text from files made safe to print on a terminal.

Ids, titles, names and messages that came out of a packet, a score sheet or an intake
folder may carry escape sequences (clearing the screen, forging a "[VALID]" line),
bidirectional overrides that reorder what is shown, or line separators that start a
fake new line.  `terminal_safe` escapes all of them visibly (`\\x1b`, `\\u202e`), so what
the terminal shows is what the file holds; the command line passes every file-derived
text it prints through it.
"""

from __future__ import annotations

import json
import re

# C0 controls and DEL, C1 controls, the bidi embeddings/overrides/isolates and marks,
# the Unicode line and paragraph separators, the byte-order mark used as a joiner, and
# lone surrogates (a file name in bytes that are not UTF-8): no stream can encode them.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\u2028\u2029\ufeff\ud800-\udfff]")
_UNSAFE_KEEP_LINES = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f"
                                "\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: object, *, keep_newlines: bool = False) -> str:
    """`text` with every control, bidi and line-separator character shown as an escape.

    `keep_newlines` leaves "\\n" alone, for multi-line text the program composed itself
    around file-derived parts.
    """
    value = text if isinstance(text, str) else str(text)
    pattern = _UNSAFE_KEEP_LINES if keep_newlines else _UNSAFE
    return pattern.sub(_escape, value)


def _escape_json(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_line(data: object) -> str:
    """`data` as one line of JSON that is still valid JSON and safe on a terminal.

    json.dumps escapes C0 controls itself; C1, bidi and line separators are escaped the
    JSON way (\\u202e), which any JSON reader turns back into the same text.
    """
    return _UNSAFE_KEEP_LINES.sub(_escape_json, json.dumps(data, ensure_ascii=False))


def json_text(data: object, indent: int = 2) -> str:
    """Indented JSON for a person at a terminal, escaped like `json_line`."""
    # json.dumps escapes newlines inside strings, so the ones left are the layout's own.
    return _UNSAFE_KEEP_LINES.sub(_escape_json,
                                  json.dumps(data, ensure_ascii=False, indent=indent))
