"""The expert's review session: one packet, one expert, their durable workspace.

`ReviewSession` is the single code path through which marks are made — the review GUI,
the `paneldesk review` CLI and the crash test all go through it.  It ties the signed
packet (who may score what, with which rubric) to the `Workspace` store (where marks
live) and does everything the store deliberately does not: checks that the expert is on
the roster and the submission is assigned to them, resolves criteria by id or by
name, validates values against the rubric (its step, range, no floats), and
derives status, totals and the JSON-safe summary.

Importing the package is light on purpose: the review window imports it at start, and
the session (the rubric parser, the store) is loaded on a worker thread while the packet
is being verified.  The names below are looked up on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from app.workspace.flags import FLAG_LABELS, FLAGS

if TYPE_CHECKING:
    from app.workspace.database import HistoryRow, decimal_text
    from app.workspace.locate import workspace_path
    from app.workspace.session import ReviewSession
    from app.workspace.store import Workspace

__all__ = ["FLAGS", "FLAG_LABELS", "HistoryRow", "ReviewSession", "Workspace", "decimal_text",
           "workspace_path"]

_LAZY = {"ReviewSession": "session", "HistoryRow": "database", "Workspace": "store",
         "decimal_text": "database", "workspace_path": "locate"}


def __getattr__(name: str) -> Any:  # PEP 562: imported when first asked for
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
