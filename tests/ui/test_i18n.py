"""Interface language: settings, .ts → .qm compilation, installing, and .ts completeness."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt

from app.paths import resource_path
from ui import i18n
from ui.application import open_settings
from ui.review.window import ReviewWindow
from ui.task_runner import SyncTaskRunner

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = resource_path("translations", "paneldesk_en.ts")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@pytest.fixture
def chinese_again(qapp):
    """Whatever a test installs, the next test starts in Chinese."""
    yield
    i18n.install_translators(qapp, "zh_CN")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    return {(ctx.findtext("name"), msg.findtext("source")): msg.find("translation")
            for ctx in tree.iter("context") for msg in ctx.iter("message")}


def test_language_setting_defaults_and_validates(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.language_from_settings(settings) == "zh_CN"
    settings.setValue(i18n.LANGUAGE_KEY, "fr")
    assert i18n.language_from_settings(settings) == "zh_CN"
    i18n.store_language(settings, "en")
    reread = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert i18n.language_from_settings(reread) == "en"
    with pytest.raises(ValueError):
        i18n.store_language(settings, "de")


def test_lrelease_is_found():
    tool = i18n.find_lrelease()
    assert tool is not None and tool.is_file()


def test_chinese_needs_no_translation_file():
    assert i18n.translation_file("zh_CN") is None


def test_english_is_compiled_into_the_user_cache_once(paneldesk_home):
    qm = i18n.translation_file("en")
    assert qm is not None and qm.is_file() and qm.stat().st_size > 100
    assert paneldesk_home in qm.parents  # never written into the installation
    stamp = qm.stat().st_mtime_ns
    assert i18n.translation_file("en") == qm
    assert qm.stat().st_mtime_ns == stamp  # reused, not recompiled


def test_stale_cache_is_recompiled(tmp_path, monkeypatch):
    resources = tmp_path / "resources"
    (resources / "translations").mkdir(parents=True)
    ts = resources / "translations" / TS_FILE.name
    shutil.copy(TS_FILE, ts)
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: resources.joinpath(*parts))
    qm = i18n.translation_file("en")
    old = qm.stat().st_mtime - 100
    os.utime(qm, (old, old))
    assert i18n.translation_file("en") == qm
    assert qm.stat().st_mtime > old + 50


def test_missing_tool_falls_back_to_chinese_silently(qapp, monkeypatch, chinese_again):
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)
    assert i18n.translation_file("en") is None
    i18n.install_translators(qapp, "en")  # must not raise
    assert QCoreApplication.translate("ReviewWindow", "打开评审包(&O)…") == "打开评审包(&O)…"


def test_compile_failure_is_reported_not_raised(tmp_path):
    broken = tmp_path / "broken.ts"
    broken.write_text("<TS><context><name>x", encoding="utf-8")
    assert i18n.compile_ts(broken, tmp_path / "out.qm") is False
    assert not (tmp_path / "out.qm").exists()
    assert not (tmp_path / "out.qm.part").exists()


def test_english_translator_changes_the_interface(qapp, qtbot, chinese_again):
    installed = i18n.install_translators(qapp, "en")
    assert installed
    assert QCoreApplication.translate("ReviewWindow", "打开评审包(&O)…") == "&Open packet…"
    window = ReviewWindow(runner=SyncTaskRunner(), writer=SyncTaskRunner(),
                          settings=open_settings())
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "&File" and menus[-2:] == ["&Settings", "&Help"]
    assert set(window.menus.languages) == {"zh_CN", "en"}
    assert window.list_panel.model.headerData(0, Qt.Orientation.Horizontal) == "ID"


def test_chinese_installs_qt_own_dialog_translations(qapp, chinese_again):
    installed = i18n.install_translators(qapp, "zh_CN")
    assert len(installed) == 2  # qtbase_zh_CN and the strings it lacks (qt_gaps_zh_CN)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("ReviewWindow", "打开评审包(&O)…") == "打开评审包(&O)…"


def test_ts_file_covers_every_string_in_the_code(tmp_path):
    """lupdate over app/ and ui/ finds nothing our .ts lacks; every entry is translated."""
    lupdate = Path(i18n.find_lrelease()).with_name(
        "lupdate" + (".exe" if os.name == "nt" else ""))
    generated = tmp_path / "generated.ts"
    # The interface (ui/) and the strings the core marks for it (QT_TRANSLATE_NOOP in app/
    # and scoring/, see scoring/wording.py).
    sources = sorted(str(p) for folder in ("app", "ui", "scoring")
                     for p in (ROOT / folder).rglob("*.py"))
    result = subprocess.run([str(lupdate), *sources, "-ts", str(generated)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    needed = messages(generated)
    ours = messages(TS_FILE)
    assert len(needed) > 30
    # A bare module-level tr("…") reaches lupdate without a context, and nothing ever
    # asks for a translation without one: such a string would stay Chinese in English.
    contextless = sorted(source for context, source in needed if not context)
    assert contextless == [], f"give these a translation context: {contextless}"
    missing = sorted(set(needed) - set(ours))
    assert missing == [], f"add these to {TS_FILE.name}: {missing}"
    for key, translation in ours.items():
        assert translation is not None and (translation.text or "").strip(), key
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), key
        # "{name}" placeholders must survive translation, or .format() breaks.
        assert sorted(PLACEHOLDER.findall(key[1])) == sorted(
            PLACEHOLDER.findall(translation.text)), key


def test_language_notice_is_also_said_in_the_language_chosen(qapp, tmp_path, dialogs,
                                                             chinese_again):
    # Who switches to English may not read the Chinese notice, and the other way round.
    from PySide6.QtWidgets import QMainWindow

    from ui.common_menus import choose_language
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = QMainWindow()
    choose_language(window, settings, "en")
    assert dialogs[-1][2].splitlines() == [
        "界面语言将在重新启动 PanelDesk 后生效。",
        "The interface language changes the next time PanelDesk starts."]
    choose_language(window, settings, "zh_CN")
    assert dialogs[-1][2] == "界面语言将在重新启动 PanelDesk 后生效。"
    i18n.install_translators(qapp, "en")
    choose_language(window, settings, "zh_CN")
    assert dialogs[-1][2].splitlines() == [
        "The interface language changes the next time PanelDesk starts.",
        "界面语言将在重新启动 PanelDesk 后生效。"]
    window.deleteLater()


def test_no_string_is_translated_in_a_variable_s_context():
    # parent.tr("…") gave lupdate the context "parent", which nothing asks for at run time:
    # the file dialogs' titles stayed Chinese in English.
    contexts = {context for context, _source in messages(TS_FILE)}
    assert "parent" not in contexts
    assert all(c[0].isupper() or c == "cli" for c in contexts), sorted(contexts)
