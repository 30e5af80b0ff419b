"""The organizer's round as the workbench sees it: a thin adapter over `app.organizer.Project`.

The pages speak only to `Round`.  Decisions travel in the decisions file's own shape for
one entry (`{"exclude": …, "duplicate_of": …, "fields": {…}, "acknowledge": {code: note},
"keep_warnings": [code]}`) and go through `Project.decide`, which saves decisions.json and
appends to the audit log.  What the engine's project has no place for yet is kept here:
the roster edited in the window is written as `roster.csv` in the project folder (the
project points at it, as the CLI's `--roster`), roster changes are audited under the
project's `panel:` scope — the per-category panels and the organizer's adjustments of
single pairs (`set_pair`) share the project's `assignments.csv`, exactly as
`--assignments` reads it — and the window's own state (the round's last packet) lives in
`workbench.json`.
"""

from __future__ import annotations

import csv
import getpass
import io
import json
from pathlib import Path
from typing import Any

from app.assembly.assignments import ASSIGN
from app.atomic import save_atomic
from app.errors import PanelDeskError
from app.model import Expert
from app.organizer.decisions import EntryDecision
from app.organizer.panel import PairChange
from app.organizer.project import DATABASE_FILE, PROJECT_FILE, Project
from app.sheets.orgdb import OrgDB
from scoring.rubric import Rubric

ROSTER_FILE = "roster.csv"
ASSIGNMENTS_FILE = "assignments.csv"
CONFLICTS_FILE = "conflicts.csv"
STATE_FILE = "workbench.json"
ROSTER_HEADER = ("编号", "姓名", "单位", "公钥指纹")  # what app.intake.roster reads


def who_am_i() -> str:
    """The name the audit log records for decisions taken on this machine."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers): still record something
        return "organizer"


class Round:
    """An open organizer project."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self._state = _read_json(project.folder / STATE_FILE)

    # -- opening -------------------------------------------------------------------

    @staticmethod
    def is_project(folder: Path) -> bool:
        return (Path(folder) / PROJECT_FILE).is_file()

    @classmethod
    def create(cls, folder: Path, intake_dir: Path) -> Round:
        return cls(Project.create(folder, intake_dir))

    @classmethod
    def open(cls, folder: Path) -> Round:
        return cls(Project.open(folder))

    def close(self) -> None:
        self.project.close()

    # -- settings ------------------------------------------------------------------

    @property
    def folder(self) -> Path:
        return self.project.folder

    @property
    def name(self) -> str:
        return self.project.settings.title or self.folder.name

    @property
    def intake_dir(self) -> Path:
        return self.project.settings.intake

    def set_intake_dir(self, path: Path) -> None:
        self.project.settings.intake = Path(path).absolute()
        self.project.save_settings()

    def rubric(self) -> Rubric:
        return self.project.rubric()

    def set_rubric(self, path: Path | None) -> None:
        self.project.settings.rubric = Path(path).absolute() if path else None
        self.project.save_settings()

    def state(self, key: str, default: Any = None) -> Any:
        """The window's own remembered value (e.g. the round's last packet)."""
        return self._state.get(key, default)

    def set_state(self, key: str, value: Any) -> None:
        self._state[key] = value
        _write(self.folder / STATE_FILE, json.dumps(self._state, ensure_ascii=False,
                                                     indent=2, sort_keys=True) + "\n")

    # -- decisions -----------------------------------------------------------------

    @property
    def decisions(self) -> dict[str, dict[str, Any]]:
        return {s: d.to_dict() for s, d in self.project.decisions.entries.items()}

    def decide(self, source: str, decision: dict[str, Any], reason: str = "") -> None:
        """Replace the decision on `source`; saved and recorded by the project."""
        whole = EntryDecision.from_dict(
            {k: v for k, v in decision.items() if v not in (None, {}, [])}, source)
        self.project.decide(source, whole, who_am_i(), reason)

    def audit(self) -> list[dict[str, Any]]:
        return self.project.audit()

    # -- the panel -----------------------------------------------------------------

    @property
    def panel_scope(self) -> str:
        return self.project.panel_scope

    def roster(self) -> list[Expert]:
        return self.project.roster() or []

    def set_roster(self, experts: list[Expert], reason: str = "",
                   renamed: dict[str, str] | None = None) -> None:
        """Write the roster file, point the project at it, record the change; `renamed`
        (old id → new id) carries an expert's panel, conflict and pair rows over."""
        old = [e.to_dict() for e in self.roster()]
        new = [e.to_dict() for e in experts]
        if old == new and self.project.settings.roster is not None:
            return
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(ROSTER_HEADER)
        for expert in experts:
            writer.writerow([expert.id, expert.name, expert.organization, expert.fingerprint or ""])
        path = self.folder / ROSTER_FILE
        _write(path, out.getvalue())
        self.project.settings.roster = path
        self.project.save_settings()
        self.project.db.record(self.panel_scope, who_am_i(), "roster", ROSTER_FILE, reason,
                               json.dumps(old, ensure_ascii=False),
                               json.dumps(new, ensure_ascii=False))
        self._forget_experts({e.id for e in experts}, reason, renamed or {})

    def _forget_experts(self, kept: set[str], reason: str, renamed: dict[str, str]) -> None:
        """Drop the panel, conflict and pair rows of experts no longer on the roster (the
        build refuses a row naming an unknown expert); a renamed expert's rows follow."""
        panels, conflicts = self.panels()
        overrides = self.pair_overrides()

        def new_id(expert: str) -> str:
            return renamed.get(expert, expert)

        new_panels = [(new_id(e), v) for e, v in panels if new_id(e) in kept]
        new_conflicts = [(new_id(e), v) for e, v in conflicts if new_id(e) in kept]
        new_overrides = {(new_id(e), s): v for (e, s), v in overrides.items() if new_id(e) in kept}
        if (new_panels, new_conflicts, new_overrides) == (panels, conflicts, overrides):
            return
        settings = self.project.settings
        settings.assignments = self._write_assignments(new_panels, new_overrides)
        settings.conflicts = self._write_rows(CONFLICTS_FILE, ("expert", "unit"), new_conflicts)
        self.project.save_settings()
        self.project.db.record(self.panel_scope, who_am_i(), "assignments", ASSIGNMENTS_FILE,
                               reason, json.dumps([panels, conflicts], ensure_ascii=False),
                               json.dumps([new_panels, new_conflicts], ensure_ascii=False))

    def panels(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(expert, category) rows of the per-category panels and (expert, unit) conflicts."""
        rules = self.project.assignment_rules()
        if rules is None:
            return [], []
        return ([(r.expert, r.value) for r in rules.assign if r.kind == "category"],
                [(r.expert, r.value) for r in rules.conflicts])

    def pair_overrides(self) -> dict[tuple[str, str], bool]:
        """(expert, intake source) → assigned, for every pair the organizer adjusted."""
        rules = self.project.assignment_rules()
        return {} if rules is None else {
            (r.expert, r.value): r.override == ASSIGN for r in rules.assign if r.override}

    def set_panels(self, panels: list[tuple[str, str]], conflicts: list[tuple[str, str]],
                   reason: str = "") -> None:
        """Write the assignments (expert,category) and conflicts (expert,unit) files."""
        old = self.panels()
        if (panels, conflicts) == old:
            return
        settings = self.project.settings
        settings.assignments = self._write_assignments(panels, self.pair_overrides())
        settings.conflicts = self._write_rows(CONFLICTS_FILE, ("expert", "unit"), conflicts)
        self.project.save_settings()
        self.project.db.record(self.panel_scope, who_am_i(), "assignments", ASSIGNMENTS_FILE,
                               reason, json.dumps(old, ensure_ascii=False),
                               json.dumps([panels, conflicts], ensure_ascii=False))

    def set_pair(self, change: PairChange, reason: str = "") -> None:
        """Store the override of one pair (or drop it) and record the change: who, when,
        the pair's state and override before and after, the reason."""
        overrides = self.pair_overrides()
        key = (change.expert, change.submission)
        previous = overrides.pop(key, None)
        if change.override is not None:
            overrides[key] = change.override
        self.project.settings.assignments = self._write_assignments(self.panels()[0], overrides)
        self.project.save_settings()

        def state(assigned: bool, override: bool | None) -> str:
            named = None if override is None else ("assign" if override else "unassign")
            return json.dumps({"assigned": assigned, "override": named}, ensure_ascii=False)

        self.project.db.record(self.panel_scope, who_am_i(),
                               "assign" if change.after else "unassign",
                               f"{change.expert} × {change.submission}", reason,
                               state(change.before, previous), state(change.after, change.override))

    def _write_assignments(self, panels: list[tuple[str, str]],
                           overrides: dict[tuple[str, str], bool]) -> Path | None:
        """The project's assignments file: category rows, and the override rows only when
        there are some (a file of panels alone keeps its two columns)."""
        rules = self.project.assignment_rules()
        # Explicit pairs of a file written by hand are kept, though the window shows none.
        pairs = [] if rules is None else [(r.expert, r.value) for r in rules.assign
                                          if r.kind == "submission" and not r.override]
        if not pairs and not overrides:
            return self._write_rows(ASSIGNMENTS_FILE, ("expert", "category"), panels)
        rows = [(e, c, "", "") for e, c in panels] + [(e, "", s, "") for e, s in pairs] + [
            (e, "", s, "assign" if assigned else "unassign")
            for (e, s), assigned in overrides.items()]
        return self._write_rows(ASSIGNMENTS_FILE, ("expert", "category", "submission", "override"),
                                rows)

    def _write_rows(self, name: str, header: tuple[str, ...],
                    rows: list[tuple[str, ...]]) -> Path | None:
        if not rows:
            return None  # no file: every expert reviews every submission
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        _write(self.folder / name, out.getvalue())
        return self.folder / name

    def build_problem(self) -> str | None:
        return self.project.build_problem()

    # -- the database --------------------------------------------------------------

    @property
    def database_url(self) -> str:
        return self.project.settings.database or \
            f"sqlite:///{(self.folder / DATABASE_FILE).as_posix()}"

    def open_db(self) -> OrgDB:
        """A connection of its own, for work on another thread (the import page)."""
        return OrgDB(self.database_url)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {}  # only the window's convenience state: start afresh rather than fail
    return data if isinstance(data, dict) else {}


def _write(path: Path, text: str) -> None:
    try:
        save_atomic(lambda fh: fh.write(text.encode("utf-8")), path, path.name)
    except OSError as err:
        raise PanelDeskError(f"无法写入 {path}：{err}") from err
