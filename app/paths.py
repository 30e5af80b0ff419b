"""Where PanelDesk reads its assets and keeps its user data.

`resource_path()` is the single way to reach files under `resources/`, both from a
source checkout and inside a PyInstaller bundle (`sys._MEIPASS`).  `user_data_dir()`
is the per-user data folder (keys, expert workspaces, organizer databases); the
environment variable `PANELDESK_HOME` overrides it, which tests and scripts use.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message

APP_DIR_NAME = "PanelDesk"


def resource_path(*parts: str) -> Path:
    """Absolute path of a file under `resources/`, in a checkout or a frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parent.parent
    return base.joinpath("resources", *parts)


def user_data_dir() -> Path:
    """The user's PanelDesk folder, created on first use."""
    override = os.environ.get("PANELDESK_HOME")
    if override:
        path = Path(override).expanduser()
    elif sys.platform == "win32":
        path = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / APP_DIR_NAME
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        xdg = os.environ.get("XDG_DATA_HOME")
        path = (Path(xdg) if xdg else Path.home() / ".local" / "share") / "paneldesk"
    problem = ""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        problem = err.strerror or str(err)
    if not problem and not os.access(path, os.W_OK | os.X_OK):
        problem = QT_TRANSLATE_NOOP("Files", "没有写入权限")
    if problem:
        source = QT_TRANSLATE_NOOP("Files", "（由环境变量 PANELDESK_HOME 指定）") if override else ""
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Files", "无法使用数据文件夹 {path}{source}：{problem}。请确认该文件夹存在且可写，或改用其他文件夹"),
            path=path, source=source, problem=problem))
    return path
