"""The panel before a build: is there a real roster, and what stands in when there is not.

`paneldesk packet build` without `--roster` still builds (a trial run) with placeholder
experts, and says so on stderr naming them; the organizer's window does not build until
`roster_problem` returns None.  The placeholder count is the rubric's `panel_size` when
a rubric declares one, else `DEFAULT_PLACEHOLDERS`.
"""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP
from app.intake.roster import default_roster
from app.model import Expert
from scoring.rubric import Rubric

DEFAULT_PLACEHOLDERS = 7
NO_ROSTER = QT_TRANSLATE_NOOP("Panel", "尚未建立专家名单：请先添加专家或导入名单，再生成评审包")


def placeholder_roster(rubric: Rubric) -> list[Expert]:
    """The stand-in panel of a build without a roster."""
    declared = getattr(rubric, "panel_size", None)
    return default_roster(int(declared) if declared else DEFAULT_PLACEHOLDERS)


def placeholder_warning(roster: list[Expert]) -> str:
    """The stderr warning naming the placeholder experts."""
    names = "、".join(e.name for e in roster)
    return (f"警告：未指定专家名单（--roster），评审包使用占位专家 {names}，"
            "评分表上将显示这些名字；正式评审前请用 --roster 指定专家名单")


def roster_problem(roster: list[Expert] | None) -> str | None:
    """Why a packet must not be built with `roster` (untranslated; `NO_ROSTER` is marked
    for the interface to translate), or None when it may."""
    if not roster:
        return NO_ROSTER
    return None
