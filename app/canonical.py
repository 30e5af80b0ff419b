"""RFC 8785 (JSON Canonicalization Scheme) serialisation of PanelDesk documents.

Everything PanelDesk signs or hashes (packet manifests, rubrics, score-sheet payloads)
goes through `canonical_json()`, so the same content always gives the same bytes on
every machine.  Our documents hold no floating-point numbers by design (scores travel
as fixed-scale decimal strings), so floats are refused rather than serialised with the
ECMAScript number rules — a float here is a bug upstream.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def _check(value: Any, path: str = "$") -> None:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return
    if isinstance(value, int):
        if abs(value) > 2**53 - 1:
            raise ValueError(f"{path}: integer outside the I-JSON safe range")
        return
    if isinstance(value, float):
        raise TypeError(f"{path}: floats are not allowed in canonical documents")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{path}: object keys must be strings")
            _check(item, f"{path}.{key}")
        return
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check(item, f"{path}[{index}]")
        return
    raise TypeError(f"{path}: {type(value).__name__} is not JSON")


def _sorted(value: Any) -> Any:
    # RFC 8785 §3.2.3: members sorted by their names as UTF-16 code units.
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value, key=lambda s: s.encode("utf-16-be"))}
    if isinstance(value, list | tuple):
        return [_sorted(v) for v in value]
    return value


def canonical_json(value: Any) -> bytes:
    """The RFC 8785 canonical UTF-8 bytes of `value` (no floats)."""
    _check(value)
    text = json.dumps(_sorted(value), ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)
    return text.encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_hash(value: Any) -> str:
    """`sha256:<hex>` of the canonical bytes — the form hashes take inside documents."""
    return "sha256:" + sha256_hex(canonical_json(value))
