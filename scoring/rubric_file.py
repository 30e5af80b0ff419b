"""Reading a rubric file (.toml or .json) from disk, bounded, with the file named in errors.

`load_rubric` reads at most 1 MB, decodes UTF-8 (with or without BOM), parses TOML or
JSON (decimals exact, NaN/Infinity and duplicate keys refused) and hands the document to
`scoring.rubric_schema.parse_rubric`.  Every problem is a `RubricError` whose message
starts with the file's name.  Standard library only.
"""

from __future__ import annotations

import json
import os
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from scoring.rubric import Rubric, RubricError
from scoring.rubric_schema import parse_rubric
from scoring.wording import QT_TRANSLATE_NOOP, Message

MAX_FILE_BYTES = 1 << 20


def load_rubric(path: str | os.PathLike) -> Rubric:
    """Load and validate a .toml or .json rubric; every error names the file."""
    p = Path(path)
    name = p.name or str(p)
    suffix = p.suffix.lower()
    if suffix not in (".toml", ".json"):
        raise RubricError(Message(QT_TRANSLATE_NOOP(
            "Rubric", "不支持的格式（应为 .toml 或 .json）")), file=name)
    try:
        with p.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "找不到该文件")), file=name) from None
    except OSError as err:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "无法读取（{reason}）"),
            reason=err.strerror or type(err).__name__), file=name) from None
    if len(raw) > MAX_FILE_BYTES:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "文件过大（评审细则不应超过 1 MB）")), file=name)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "不是 UTF-8 编码的文本")), file=name) from None
    try:
        data = tomllib.loads(text) if suffix == ".toml" else json.loads(
            text, parse_float=Decimal, parse_constant=_reject_constant,
            object_pairs_hook=_no_duplicates)
    except (ValueError, RecursionError) as err:
        kind = "TOML" if suffix == ".toml" else "JSON"
        detail = "嵌套层次过深" if isinstance(err, RecursionError) else str(err)
        raise RubricError(Message(QT_TRANSLATE_NOOP("Rubric", "{kind} 格式错误（{detail}）"),
            kind=kind, detail=detail), file=name) from None
    try:
        return parse_rubric(data)
    except RubricError as err:
        raise RubricError(err.problem, err.path, file=name) from None


def _reject_constant(token: str) -> Any:
    raise ValueError(Message(QT_TRANSLATE_NOOP("Rubric", "不允许 {token}"), token=token))


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(Message(QT_TRANSLATE_NOOP("Rubric", "字段“{key}”重复"), key=key))
        result[key] = value
    return result
