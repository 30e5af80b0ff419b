"""An organizer project: one folder that holds a judging round (docs/formats.md §14).

```
<project>/
  project.json     settings: id, title, intake folder, rubric (or the built-in one),
                   roster, assignments and conflicts files, database URL (optional)
  decisions.json   the intake decisions (app.organizer.decisions)
  organizer.db     the organizer database (SQLite) unless project.json names another URL
```

Paths in `project.json` are stored relative to the project folder when they are inside
it, so a project folder can be moved or copied with its intake.  `Project.open` treats
the file as hostile (bounded size, every key and type checked).  Every decision goes
through `Project.decide`, which writes `decisions.json` atomically and appends the change
(old and new JSON, who, reason) to the database's audit log under `Project.scope`.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.assembly.assignments import AssignmentRules, read_assignments, read_conflicts
from app.atomic import save_atomic
from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.model import Expert
from app.organizer.decisions import EntryDecision, IntakeDecisions
from app.organizer.panel import roster_problem
from app.sheets.orgdb import OrgDB
from scoring.rubric import Rubric

PROJECT_FILE = "project.json"
DECISIONS_FILE = "decisions.json"
DATABASE_FILE = "organizer.db"
VERSION = 1
MAX_PROJECT_BYTES = 64 * 1024
_PATH_KEYS = ("intake", "rubric", "roster", "assignments", "conflicts")
_KEYS = ("version", "id", "title", "database", *_PATH_KEYS)


@dataclass
class ProjectSettings:
    """The content of `project.json` (paths absolute once read)."""

    id: str
    title: str
    intake: Path
    rubric: Path | None = None  # None: the built-in rubric
    roster: Path | None = None
    assignments: Path | None = None
    conflicts: Path | None = None
    database: str | None = None  # an SQLAlchemy URL; None: organizer.db in the folder

    def to_dict(self, folder: Path) -> dict[str, Any]:
        data: dict[str, Any] = {"version": VERSION, "id": self.id, "title": self.title}
        for key in _PATH_KEYS:
            value = getattr(self, key)
            data[key] = None if value is None else _relative(Path(value), folder)
        data["database"] = self.database
        return data

    @classmethod
    def from_dict(cls, data: Any, folder: Path) -> ProjectSettings:
        label = Message(QT_TRANSLATE_NOOP("OrganizerProject", "项目文件 {name}"),
                        name=f"{folder.name}/{PROJECT_FILE}")
        if not isinstance(data, dict):
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "{label}：顶层应为 JSON 对象"), label=label))
        unknown = [k for k in data if k not in _KEYS]
        if unknown:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "{label} 含有未知的键“{unknown}”"),
                label=label, unknown=str(unknown[0])[:60]))
        if data.get("version") != VERSION or type(data.get("version")) is not int:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "{label}：version 应为 {version}"), label=label, version=VERSION))
        pid = data.get("id")
        if not isinstance(pid, str) or not pid.isalnum() or not 1 <= len(pid) <= 64:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP("OrganizerProject", "{label}：id 无效"),
                label=label))
        title = data.get("title")
        if not isinstance(title, str) or len(title) > 200:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "{label}：title 应为不超过 200 个字符的文本"), label=label))
        paths: dict[str, Path | None] = {}
        for key in _PATH_KEYS:
            value = data.get(key)
            if value is not None and (not isinstance(value, str) or not value or len(value) > 4096
                                      or "\x00" in value):
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "OrganizerProject", "{label}：{key} 应为路径文本或 null"), label=label, key=key))
            paths[key] = None if value is None else (folder / value)
        if paths["intake"] is None:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "{label}：缺少 intake（申报材料文件夹）"), label=label))
        database = data.get("database")
        if database is not None and (not isinstance(database, str) or len(database) > 4096):
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "{label}：database 应为数据库地址文本或 null"), label=label))
        return cls(id=pid, title=title, database=database, **paths)  # type: ignore[arg-type]


@dataclass
class Project:
    """An open organizer project; `close()` (or `with`) releases the database."""

    folder: Path
    settings: ProjectSettings
    decisions: IntakeDecisions = field(default_factory=IntakeDecisions)
    _db: OrgDB | None = field(default=None, repr=False)

    # ------------------------------------------------------------ create and open

    @classmethod
    def create(cls, folder: Path, intake_dir: Path, *, title: str = "",
               rubric: Path | None = None, roster: Path | None = None,
               database: str | None = None) -> Project:
        """A new project in `folder` (created if missing; must not hold a project yet)."""
        folder = Path(folder).absolute()
        if (folder / PROJECT_FILE).exists():
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "文件夹 {folder} 中已有评审项目"), folder=folder))
        if not Path(intake_dir).is_dir():
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "申报材料文件夹不存在：{intake_dir}"), intake_dir=intake_dir))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "无法创建项目文件夹 {folder}：{reason}"),
                folder=folder, reason=err.strerror or err)) from None
        settings = ProjectSettings(id=secrets.token_hex(8), title=title,
                                   intake=Path(intake_dir).absolute(), rubric=rubric,
                                   roster=roster, database=database)
        project = cls(folder, settings)
        project.save_settings()
        return project

    @classmethod
    def open(cls, folder: Path) -> Project:
        """The project in `folder`; any malformed file is a PanelDeskError naming it."""
        folder = Path(folder).absolute()
        path = folder / PROJECT_FILE
        try:
            if path.stat().st_size > MAX_PROJECT_BYTES:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "OrganizerProject", "项目文件 {path} 过大，不像是 PanelDesk 项目"), path=path))
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "文件夹 {folder} 不是评审项目（缺少 {project_file}）"),
                folder=folder, project_file=PROJECT_FILE)) from None
        except (OSError, UnicodeDecodeError) as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "项目文件 {path} 无法读取：{err}"), path=path, err=err)) from None
        try:
            data = json.loads(text)
        except ValueError as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "项目文件 {path} 不是有效的 JSON：{err}"), path=path, err=err)) from None
        settings = ProjectSettings.from_dict(data, folder)
        return cls(folder, settings, IntakeDecisions.load(folder / DECISIONS_FILE))

    def save_settings(self) -> None:
        """Write `project.json` atomically (after changing `settings`)."""
        text = json.dumps(self.settings.to_dict(self.folder), ensure_ascii=False, indent=2,
                          sort_keys=True) + "\n"
        save_atomic(lambda fh: fh.write(text.encode("utf-8")), self.folder / PROJECT_FILE,
                    QT_TRANSLATE_NOOP("OrganizerProject", "项目文件"))

    # ------------------------------------------------------------------ parts

    @property
    def scope(self) -> str:
        """The audit log scope of this project's intake decisions."""
        return f"intake:{self.settings.id}"

    @property
    def panel_scope(self) -> str:
        """The audit log scope of the roster, panels, conflicts and assignments."""
        return f"panel:{self.settings.id}"

    @property
    def decisions_path(self) -> Path:
        return self.folder / DECISIONS_FILE

    @property
    def db(self) -> OrgDB:
        """The organizer database, opened on first use."""
        if self._db is None:
            url = self.settings.database or f"sqlite:///{self.folder / DATABASE_FILE}"
            self._db = OrgDB(url)
        return self._db

    def rubric(self) -> Rubric:
        from app.rubrics import load_default_rubric, load_rubric_file

        return load_rubric_file(self.settings.rubric) if self.settings.rubric \
            else load_default_rubric()

    def roster(self) -> list[Expert] | None:
        """The experts of the roster file, or None when the project has none yet."""
        from app.intake.roster import read_roster

        return read_roster(self.settings.roster) if self.settings.roster else None

    def assignment_rules(self) -> AssignmentRules | None:
        """The project's assignments and conflicts files, read; None when it has neither."""
        if self.settings.assignments is None and self.settings.conflicts is None:
            return None
        return AssignmentRules(
            assign=read_assignments(self.settings.assignments) if self.settings.assignments
            else [],
            conflicts=read_conflicts(self.settings.conflicts) if self.settings.conflicts
            else [])

    def build_problem(self) -> str | None:
        """Why the organizer's window must not build yet (no roster), or None."""
        return roster_problem(self.roster())

    def audit(self) -> list[dict[str, Any]]:
        """Every decision of this project — intake, roster and assignments — oldest first."""
        rows = self.db.audit(self.scope) + self.db.audit(self.panel_scope)
        return sorted(rows, key=lambda row: row["id"])

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------- decisions

    def decide(self, source: str, change: EntryDecision | dict[str, Any], who: str,
               reason: str) -> EntryDecision:
        """Change the decision about `source`, save it and record it in the audit log.

        `change` is either the whole new `EntryDecision` or a partial update in the file's
        shape: `{"exclude": "理由"}`, `{"exclude": None}` (include again), `{"duplicate_of":
        "<source>"}`, `{"fields": {"category": "…"}}` (a field set to None drops the
        override), `{"acknowledge": {"<code>": "note"}}`, `{"keep_warnings": [...]}`.
        """
        old = self.decisions.get(source)
        new = change if isinstance(change, EntryDecision) else _merged(old, change, source)
        self._check(source, new)
        candidate = IntakeDecisions(dict(self.decisions.entries))
        candidate.set(source, new)
        candidate.check_duplicates()
        previous_text = self.decisions.to_json()
        candidate.save(self.decisions_path)
        try:
            self.db.record(self.scope, who, _action(old, new), source, reason,
                           old=json.dumps(old.to_dict(), ensure_ascii=False, sort_keys=True),
                           new=json.dumps(new.to_dict(), ensure_ascii=False, sort_keys=True))
        except PanelDeskError:
            # The file must not hold a decision the audit log does not: put it back.
            IntakeDecisions.parse(previous_text, DECISIONS_FILE).save(self.decisions_path)
            raise
        self.decisions = candidate
        return candidate.get(source)

    def _check(self, source: str, decision: EntryDecision) -> None:
        category = decision.fields.get("category")
        if category:
            categories = self.rubric().categories
            if category not in categories:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "OrganizerProject", "类别“{category}”不是评审细则的类别（可用：{categories}）"),
                    category=category, categories=list(categories)))
        if decision.duplicate_of == source:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "OrganizerProject", "“{source}”不能是自己的重复"), source=source))


def _merged(old: EntryDecision, change: dict[str, Any], source: str) -> EntryDecision:
    data = old.to_dict()
    for key, value in change.items():
        if key in ("fields", "acknowledge") and isinstance(value, dict):
            part = dict(data.get(key, {}))
            for name, text in value.items():
                if text is None:
                    part.pop(name, None)
                else:
                    part[name] = text
            data[key] = part
        elif value is None:
            data.pop(key, None)
        else:
            data[key] = value
    if "exclude" in change and change["exclude"] is not None:
        data.pop("duplicate_of", None)  # one reason to leave an entry out
    if "duplicate_of" in change and change["duplicate_of"] is not None:
        data.pop("exclude", None)
    data["keep_warnings"] = [c for c in data.get("keep_warnings", [])
                             if c in data.get("acknowledge", {})]
    return EntryDecision.from_dict(data, f"对“{source}”的决定")


def _action(old: EntryDecision, new: EntryDecision) -> str:
    """A short name of what changed, for the audit log (e.g. "exclude", "edit+acknowledge";
    "unacknowledge" when an acknowledgement is taken back)."""
    parts = []
    if old.exclude != new.exclude:
        parts.append("exclude" if new.exclude is not None else "include")
    if old.duplicate_of != new.duplicate_of:
        parts.append("duplicate" if new.duplicate_of is not None else "not_duplicate")
    if old.fields != new.fields:
        parts.append("edit")
    given = any(old.acknowledge.get(code) != note for code, note in new.acknowledge.items())
    withdrawn = any(code not in new.acknowledge for code in old.acknowledge)
    if given or (not withdrawn and old.keep_warnings != new.keep_warnings):
        parts.append("acknowledge")
    if withdrawn:
        parts.append("unacknowledge")
    return "+".join(parts) or "unchanged"


def _relative(path: Path, folder: Path) -> str:
    try:
        return Path(path).absolute().relative_to(folder).as_posix()
    except ValueError:
        return str(Path(path).absolute())

