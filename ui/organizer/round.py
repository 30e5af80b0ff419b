"""The organizer's round as the workbench sees it: one project folder (Qt-free).

A thin adapter over the engine's organizer project: the pages speak only to `Round`, so
the engine's storage can change without touching a widget.  A decision travels as the
decisions file's own shape for one entry (`{"exclude": …, "duplicate_of": …, "fields":
{…}, "acknowledge": {code: note}, "keep_warnings": [code]}`, docs/formats.md), and every
change goes through `decide`, which records it in the audit log.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import PanelDeskError
from app.model import Expert
from app.sheets.orgdb import OrgDB

PROJECT_FILE = "project.json"
DATABASE_FILE = "organizer.db"
DECISIONS_FILE = "decisions.json"
INTAKE_SCOPE = "intake"


def who_am_i() -> str:
    """The name the audit log records for decisions taken on this machine."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers): still record something
        return "organizer"


@dataclass
class Round:
    """An open organizer project: settings in project.json, decisions, the database."""

    folder: Path
    settings: dict[str, Any]
    decisions: dict[str, dict[str, Any]]

    # -- opening -------------------------------------------------------------------

    @classmethod
    def is_project(cls, folder: Path) -> bool:
        return (Path(folder) / PROJECT_FILE).is_file()

    @classmethod
    def create(cls, folder: Path, intake_dir: Path | None = None) -> Round:
        folder = Path(folder)
        if cls.is_project(folder):
            return cls.open(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise PanelDeskError(f"无法创建项目文件夹 {folder}：{err.strerror or err}") from err
        project = cls(folder, {"version": 1}, {})
        if intake_dir is not None:
            project.settings["intake"] = str(intake_dir)
        project._save_settings()
        with project.open_db():
            pass  # the database exists from the start, so reopening finds it
        return project

    @classmethod
    def open(cls, folder: Path) -> Round:
        folder = Path(folder)
        path = folder / PROJECT_FILE
        try:
            settings = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise PanelDeskError(f"{folder} 不是组织方项目文件夹（缺少 {PROJECT_FILE}）") from None
        except (OSError, ValueError) as err:
            raise PanelDeskError(f"无法读取项目文件 {path}：{err}") from err
        if not isinstance(settings, dict):
            raise PanelDeskError(f"项目文件 {path} 格式不正确")
        decisions = _load_decisions(folder / DECISIONS_FILE)
        return cls(folder, settings, decisions)

    # -- settings ------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def intake_dir(self) -> Path | None:
        text = self.settings.get("intake")
        return Path(text) if text else None

    def set_intake_dir(self, path: Path) -> None:
        self.settings["intake"] = str(path)
        self._save_settings()

    def setting(self, key: str, default: Any = None) -> Any:
        return self.settings.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self.settings[key] = value
        self._save_settings()

    @property
    def roster(self) -> list[Expert]:
        return [Expert.from_dict(e) for e in self.settings.get("roster", [])]

    def set_roster(self, experts: list[Expert], reason: str = "") -> None:
        old = self.settings.get("roster", [])
        new = [e.to_dict() for e in experts]
        if new == old:
            return
        self.settings["roster"] = new
        self._save_settings()
        self._record("panel", "roster", "roster", reason, old, new)

    def _save_settings(self) -> None:
        _write_json(self.folder / PROJECT_FILE, self.settings)

    # -- decisions -----------------------------------------------------------------

    def decision(self, source: str) -> dict[str, Any]:
        return dict(self.decisions.get(source, {}))

    def decide(self, source: str, decision: dict[str, Any], action: str,
               reason: str = "") -> None:
        """Replace the decision on `source`, save the file, append to the audit log."""
        old = self.decisions.get(source, {})
        new = {k: v for k, v in decision.items() if v not in (None, {}, [])}
        if new == old:
            return
        if new:
            self.decisions[source] = new
        else:
            self.decisions.pop(source, None)
        _write_json(self.folder / DECISIONS_FILE,
                    {"version": 1, "entries": dict(sorted(self.decisions.items()))})
        self._record(INTAKE_SCOPE, action, source, reason, old, new)

    def audit(self) -> list[dict[str, Any]]:
        with self.open_db() as db:
            return db.audit(INTAKE_SCOPE) + db.audit("panel")

    def _record(self, scope: str, action: str, subject: str, reason: str,
                old: Any, new: Any) -> None:
        with self.open_db() as db:
            db.record(scope, who_am_i(), action, subject, reason,
                      json.dumps(old, ensure_ascii=False, sort_keys=True) if old else None,
                      json.dumps(new, ensure_ascii=False, sort_keys=True) if new else None)

    # -- the database --------------------------------------------------------------

    @property
    def database_url(self) -> str:
        return f"sqlite:///{(self.folder / DATABASE_FILE).as_posix()}"

    def open_db(self) -> OrgDB:
        return OrgDB(self.database_url)

    @property
    def decisions_path(self) -> Path:
        return self.folder / DECISIONS_FILE


def _load_decisions(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as err:
        raise PanelDeskError(f"无法读取决定文件 {path}：{err}") from err
    entries = data.get("entries", {}) if isinstance(data, dict) else {}
    return {str(k): dict(v) for k, v in entries.items() if isinstance(v, dict)}


def _write_json(path: Path, data: Any) -> None:
    from app.atomic import save_atomic

    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    save_atomic(lambda fh: fh.write(text.encode("utf-8")), path, path.name)
