"""The panel before a build: is there a real roster, and what stands in when there is not.

`paneldesk packet build` without `--roster` still builds (a trial run) with placeholder
experts, and says so on stderr naming them; the organizer's window does not build until
`roster_problem` returns None.  The placeholder count is the rubric's `panel_size` when
a rubric declares one, else `DEFAULT_PLACEHOLDERS`.

`toggle_pair` is the organizer's adjustment of one expert × submission in the matrix: it
works out the override row (`app.assembly.assignments`) that flips the pair, or that no
row is needed because the panels and conflicts already give the wanted state — so the
assignments file holds only the pairs that really differ from the rules.

`merged_roster` and `replaced_roster` are the two ways a roster file joins the project's
roster.  Ids match as `app.intake.roster` reads them (ignoring case); an expert in both
keeps the project's id (panels, conflicts and overrides name it) and its enrolled
fingerprint unless the file gives one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from app.assembly.assignments import (
    ASSIGN,
    UNASSIGN,
    AssignmentRules,
    Candidate,
    Rule,
    resolve,
)
from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
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


def merged_roster(current: list[Expert], from_file: list[Expert]) -> list[Expert]:
    """Experts of the file added or updated (name, organisation, a fingerprint it gives),
    everyone else kept: the roster's order, then the file's new experts."""
    incoming = {e.id.casefold(): e for e in from_file}
    kept = [_updated(e, incoming.pop(e.id.casefold())) if e.id.casefold() in incoming else e
            for e in current]
    return kept + list(incoming.values())


def replaced_roster(current: list[Expert], from_file: list[Expert]
                    ) -> tuple[list[Expert], list[Expert]]:
    """(the file's experts in its order, the experts of `current` it leaves out)."""
    known = {e.id.casefold(): e for e in current}
    roster = [_updated(known[e.id.casefold()], e) if e.id.casefold() in known else e
              for e in from_file]
    listed = {e.id.casefold() for e in from_file}
    return roster, [e for e in current if e.id.casefold() not in listed]


def _updated(old: Expert, new: Expert) -> Expert:
    return Expert(old.id, new.name, new.organization, new.fingerprint or old.fingerprint)


@dataclass(frozen=True)
class PairChange:
    """One toggle of the matrix: the pair, its state before and after, and the override
    that gives `after` (None: no override, the panels and conflicts already give it)."""

    expert: str
    submission: str  # the intake source: stable across builds, unlike the packet id
    before: bool
    after: bool
    override: bool | None
    conflict_unit: str = ""  # the declared unit when a conflict covers the pair

    @property
    def over_conflict(self) -> bool:
        """A manual assign where a conflict was declared (the organizer is warned)."""
        return self.after and bool(self.conflict_unit)


def override_rules(overrides: dict[tuple[str, str], bool]) -> list[Rule]:
    """(expert, source) → assigned, as the assignments file's override rows."""
    return [Rule("", expert, "submission", source, ASSIGN if assigned else UNASSIGN)
            for (expert, source), assigned in overrides.items()]


def toggle_pair(rules: AssignmentRules, roster: list[Expert], candidates: list[Candidate],
                rubric: Rubric, expert: str, source: str) -> PairChange:
    """What flipping `expert` × `source` means under `rules` (overrides included)."""
    cid = next((c.id for c in candidates if c.source == source), None)
    if cid is None:  # the entry left the round since the matrix was shown
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Panel", "申报“{source}”已不在本轮评审中"),
            source=source))
    sources = {c.source for c in candidates} | {r.value for r in rules.assign if r.override}
    plan = resolve(rules, roster, candidates, rubric, sources)
    others = [r for r in rules.assign
              if not (r.override and r.expert == expert and r.value in (source, cid))]
    base = resolve(replace(rules, assign=others), roster, candidates, rubric, sources)
    before = cid in plan.assignments.get(expert, [])
    after = not before
    followed = cid in base.assignments.get(expert, [])
    return PairChange(expert, source, before, after, None if after == followed else after,
                      plan.conflicted.get((expert, cid), ""))
