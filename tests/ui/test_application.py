"""create_application: names, High-DPI policy, font fallback, style sheet, error hook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui import style
from ui.application import (
    CJK_FAMILY_PROPERTY,
    create_application,
    open_settings,
    show_unexpected_error,
)

ROOT = Path(__file__).resolve().parents[2]


def test_configures_the_existing_application(qapp):
    app = create_application(["paneldesk"])
    assert app is qapp
    assert QCoreApplication.applicationName() == "PanelDesk"
    assert QCoreApplication.organizationName() == "PanelDesk"
    family = app.property(CJK_FAMILY_PROPERTY)
    assert family
    assert family in app.font().families()
    assert app.font().pointSizeF() == style.BASE_POINT_SIZE
    sheet = app.styleSheet()
    assert style.FONT_TOKEN not in sheet
    assert f'"{family}"' in sheet and '"Microsoft YaHei"' in sheet
    assert "font-size: 10pt" in sheet


def test_fresh_process_sets_pass_through_dpi_rounding(paneldesk_home):
    code = (
        "from PySide6.QtGui import QGuiApplication\n"
        "from PySide6.QtCore import Qt\n"
        "from ui.application import create_application\n"
        "app = create_application(['paneldesk'])\n"
        "policy = QGuiApplication.highDpiScaleFactorRoundingPolicy()\n"
        "assert policy == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough, policy\n"
        "print('family=' + app.property('paneldeskCjkFamily'))\n"
    )
    env = dict(os.environ, PANELDESK_HOME=str(paneldesk_home), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join([*sys.path]))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "family=" in result.stdout and result.stdout.strip() != "family="


def test_settings_live_in_the_paneldesk_home(paneldesk_home):
    settings = open_settings()
    settings.setValue("ui/test", "值")
    settings.sync()
    assert Path(settings.fileName()).parent == paneldesk_home
    assert open_settings().value("ui/test") == "值"


def test_style_sheet_missing_file_gives_plain_look(monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(style, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert style.load_style_sheet("Droid Sans Fallback") == ""
    assert "app.qss" in caplog.text


def test_style_sheet_font_list_is_quoted_safely():
    sheet = style.load_style_sheet('Evil"; } QWidget { color: red')
    assert '"Evil; } QWidget { color: red"' in sheet


def test_unexpected_error_becomes_a_dialog_not_a_traceback(qapp, dialogs, capsys, monkeypatch):
    monkeypatch.delenv("PANELDESK_DEBUG", raising=False)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as err:
        show_unexpected_error(type(err), err, err.__traceback__)
    assert len(dialogs) == 1
    kind, title, text = dialogs[0]
    assert kind == "critical" and title == "内部错误"
    assert "ZeroDivisionError" in text and "PANELDESK_DEBUG" in text
    assert "Traceback" not in capsys.readouterr().err


def test_unexpected_error_prints_traceback_in_debug_mode(qapp, dialogs, capsys, monkeypatch):
    monkeypatch.setenv("PANELDESK_DEBUG", "1")
    try:
        raise KeyError("S001")
    except KeyError as err:
        show_unexpected_error(type(err), err, err.__traceback__)
    assert "Traceback" in capsys.readouterr().err
    assert dialogs
