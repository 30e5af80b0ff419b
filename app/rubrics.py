"""The rubrics PanelDesk ships and loads, seen from the application core.

`scoring.rubric` validates rubric files; this module knows where the built-in one lives
(`resources/rubrics/`, also inside the frozen bundle), turns rubric errors into the
user-facing `PanelDeskError`, and defines the rubric hash that packets and signed score
sheets pin — the hash of the canonical JSON of `Rubric.to_dict()`, so re-formatting a
TOML file without changing its meaning keeps the hash.
"""

from __future__ import annotations

import os
from functools import lru_cache

from app.canonical import canonical_hash
from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, said
from app.paths import resource_path
from scoring.rubric import Rubric, RubricError
from scoring.rubric_file import load_rubric

# The reasons `Rubric.comment_required` gives (scoring is Qt-free and unmarked), as
# templates the interface can recognise and translate (`app.i18n.recognise`).
COMMENT_RULES = (
    ("CommentRule", QT_TRANSLATE_NOOP("CommentRule", "总分低于{limit}分，须填写评语")),
    ("CommentRule", QT_TRANSLATE_NOOP("CommentRule", "总分高于{limit}分，须填写评语")),
)

DEFAULT_RUBRIC = "hotline-2026.toml"


@lru_cache(maxsize=1)
def load_default_rubric() -> Rubric:
    """The built-in default rubric, `DEFAULT_RUBRIC` (cached: a Rubric is immutable)."""
    return load_rubric_file(resource_path("rubrics", DEFAULT_RUBRIC))


def load_rubric_file(path: str | os.PathLike) -> Rubric:
    """Load a .toml/.json rubric; any problem becomes a PanelDeskError naming the file."""
    try:
        return load_rubric(path)
    except RubricError as err:
        # load_rubric already puts the file name and the field path in the message.
        raise PanelDeskError(said(err)) from err


def rubric_hash(rubric: Rubric) -> str:
    """`sha256:<hex>` of the rubric's canonical JSON — what packets and sheets pin."""
    return canonical_hash(rubric.to_dict())
