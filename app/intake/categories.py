"""The 实践类别 of a 申报书: which of the rubric's categories the applicant chose.

The categories and the other spellings forms use for them come from the rubric
(`categories`, `category_variants`; docs/formats.md §1) — nothing here names one.  A
form gives its category as plain text ("<类别>类") or as a row of check boxes
("☑A □B", "A（√）B（ ）", "√ A"), under the 实践类别 label or, in some templates, as a
line of boxes with no label at all.  `CategorySet.resolve` reads it into the parsed form;
`CategorySet.problem` says, for the intake checks, why a value is not a category.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from app.intake.form_fields import join_single
from app.intake.messages import (
    CATEGORY_GUESS,
    CATEGORY_NONE,
    CATEGORY_SEVERAL,
    CATEGORY_UNKNOWN,
    warning,
)

if TYPE_CHECKING:
    from app.intake.form_fields import ParsedForm

_CHECKED = "☑☒■√✓✔✅⊠▣●◉▪⬛🗹"
_UNCHECKED = "□☐○◯▢⬜◻"
_BOX_GLYPHS = "☑☒■✅⊠▣●◉▪⬛🗹□☐○◯▢⬜◻"  # conventionally written before the name
# Instructions inside the value ("（请在所选类别前打√）") must not count as a mark.
_HINT_RE = re.compile(r"[（(【\[][^）)】\]]*(?:请|打|勾|选|填)[^）)】\]]*[）)】\]]")
_MAX_MARK_GAP = 3  # characters between a mark and the name it belongs to
_BLANKS = re.compile(r"\s")

Token = tuple[str, int, int, str]  # kind ("name", "on", "off"), start, end, text


class CategorySet:
    """A rubric's categories with their accepted spellings, and how forms write them."""

    def __init__(self, names: Sequence[str],
                 variants: Mapping[str, Sequence[str]] | None = None) -> None:
        self.names = tuple(names)
        # Any spelling, blanks removed ("治 理 成 效" is common in forms) → the category.
        self._canonical = {_BLANKS.sub("", name): name for name in self.names}
        for name, others in (variants or {}).items():
            self._canonical.update({_BLANKS.sub("", other): name for other in others})
        spellings = sorted(self._canonical, key=len, reverse=True)  # longest first
        alternatives = "|".join(r"\s*".join(re.escape(ch) for ch in s) for s in spellings)
        self._token_re = re.compile(
            rf"(?P<name>{alternatives})(?:\s*类)?"
            rf"|(?P<on>[{_CHECKED}]|[（(【\[]\s*[{_CHECKED}]\s*[）)】\]])"
            rf"|(?P<off>[{_UNCHECKED}]|[（(【\[][ \u3000]*[）)】\]])")

    @classmethod
    def of(cls, rubric: Any) -> CategorySet:
        """The categories of a `scoring.rubric.Rubric`."""
        return cls(rubric.categories, rubric.category_variants)

    # -- reading a form ----------------------------------------------------------------

    def resolve(self, form: ParsedForm) -> None:
        """Set `form.fields["category"]` from the form's 实践类别 value or, without that
        label, from a line of check boxes anywhere in its text; a remark on an unclear
        choice goes first among the form's notes, the names ticked to its candidates."""
        value = form.category_raw
        if value is None:
            value = self.find_line(form.text)
            if value is None:
                return  # the form says nothing about its category
        category, candidates, note = self.detect(value)
        form.fields["category"] = category or ""
        form.category_candidates = candidates
        if note:
            form.notes.insert(0, note)

    def detect(self, value: str) -> tuple[str | None, list[str], str | None]:
        """(category, candidates, note) from a 实践类别 value.

        Check boxes: each mark belongs to the name it touches; a mark between two names
        goes to the nearer one, and on a tie to the side most other marks are on.  Exactly
        one checked name is the category; none or several give None and a note (several
        also as candidates).  Without marks the value must name exactly one category.
        """
        text = _HINT_RE.sub(lambda m: " " * len(m.group()), value)
        tokens = self._tokens(text)
        names = [t for t in tokens if t[0] == "name"]
        shown = join_single(value)
        if not names:
            if not shown:
                return None, [], None
            return None, [], f"实践类别“{shown}”不是{'、'.join(self.names)}之一，请核对"
        if not any(t[0] != "name" for t in tokens):
            found = list(dict.fromkeys(self._name_of(t[3]) for t in names))
            if len(found) == 1:
                return found[0], [], None
            return None, found, f"实践类别填写了多项：{'、'.join(found)}，请与申报单位确认"
        checked = self._checked_names(tokens)
        if len(checked) == 1:
            return checked[0], [], None
        if not checked:
            return None, [], "实践类别未勾选任何一项"
        return None, checked, f"实践类别勾选了多项：{'、'.join(checked)}，请与申报单位确认"

    def find_line(self, text: str) -> str | None:
        """The first line holding two or more category names and a check mark, if any."""
        for line in text.split("\n"):
            kinds = [token[0] for token in self._tokens(line)]
            if kinds.count("name") >= 2 and ("on" in kinds or "off" in kinds):
                return line
        return None

    # -- checking a value ----------------------------------------------------------------

    def problem(self, value: str) -> str | None:
        """Why `value` (a submission's category field) is not one category, or None."""
        if value in self.names:
            return None
        allowed = list(self.names)
        if not value:
            return warning(CATEGORY_NONE, allowed=allowed)
        named = [c for c in self.names if c in value]
        if len(named) > 1:
            return warning(CATEGORY_SEVERAL, named=named)
        if named:
            return warning(CATEGORY_GUESS, value=value, guess=named[0])
        return warning(CATEGORY_UNKNOWN, value=value, allowed=allowed)

    # -- helpers -------------------------------------------------------------------------

    def _tokens(self, text: str) -> list[Token]:
        out: list[Token] = []
        for m in self._token_re.finditer(text):
            kind = m.lastgroup or ""
            # A name's text without the "类" suffix, so it maps back to its category.
            out.append((kind, m.start(), m.end(), m.group("name") if kind == "name" else m.group()))
        return out

    def _name_of(self, text: str) -> str:
        return self._canonical[_BLANKS.sub("", text)]

    def _checked_names(self, tokens: list[Token]) -> list[str]:
        sides: dict[int, str | None] = {}  # mark index → "before" (its name follows) / "after"
        for i, (kind, start, end, _) in enumerate(tokens):
            if kind == "name":
                continue
            gap_prev = start - tokens[i - 1][2] if i > 0 and tokens[i - 1][0] == "name" else None
            gap_next = (tokens[i + 1][1] - end
                        if i + 1 < len(tokens) and tokens[i + 1][0] == "name" else None)
            gap_prev = gap_prev if gap_prev is not None and gap_prev <= _MAX_MARK_GAP else None
            gap_next = gap_next if gap_next is not None and gap_next <= _MAX_MARK_GAP else None
            if gap_prev is None and gap_next is None:
                continue
            if gap_prev is None or (gap_next is not None and gap_next < gap_prev):
                sides[i] = "before"
            elif gap_next is None or gap_prev < gap_next:
                sides[i] = "after"
            else:
                sides[i] = None
        before = sum(1 for s in sides.values() if s == "before")
        after = sum(1 for s in sides.values() if s == "after")
        checked: list[str] = []
        for i, side in sides.items():
            if side is None:
                glyph = tokens[i][3].strip("（(【[ ）)】]")
                side = ("before" if before > after else "after" if after > before
                        else "before" if glyph and glyph in _BOX_GLYPHS else "after")
            if tokens[i][0] == "on":
                name = tokens[i + 1] if side == "before" else tokens[i - 1]
                checked.append(self._name_of(name[3]))
        return list(dict.fromkeys(checked))
