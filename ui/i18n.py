"""Interface language: Chinese by default, English as the second language.

Source strings in the code are Chinese, so zh_CN needs no translation file; only Qt's
own dialogs (file chooser, message-box buttons) get Qt's `qtbase_zh_CN.qm`, completed
with the few Qt 6 strings it lacks (`resources/translations/qt_gaps_zh_CN.ts`: the file
dialog said "Look in:").  Messages
the core makes with values in them (`app.i18n.Message`) are said in the interface
language by `render`.  English
comes from `resources/translations/paneldesk_en.ts` compiled to `.qm` with Qt's
`lrelease`.  A bundle ships the `.qm` (built at build time, `compile_ts`); in a source
checkout the `.qm` is not committed, so on first use it is compiled into the user data
folder's cache.  If neither works the interface silently stays Chinese — a missing
translation must never stop the app.

The choice is the QSettings key `ui/language` ("zh_CN" or "en").
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QSettings, QTranslator

from app.i18n import Marked, Message, said
from app.paths import resource_path, user_data_dir

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"
DEFAULT_LANGUAGE = "zh_CN"
# Language code → its name in that language (what the language menu shows).
LANGUAGES = {"zh_CN": "中文", "en": "English"}
TRANSLATION_STEM = "paneldesk"
LRELEASE_TIMEOUT_S = 60

# How a list inside a message is joined, in the interface language.
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Message", "、")

# Qt's own strings that qtbase_<language>.qm lacks (Qt 6 gave them mnemonics), in a
# catalogue of ours.  Not a QTranslator subclass in Python: Qt calls translators from any
# thread, also while it holds its own locks (loading an image plugin), and a Python
# translator waiting there for the interpreter lock deadlocked the window.
QT_GAPS_STEM = "qt_gaps"

# Installed translators must outlive the call that installed them.
_installed: list[QTranslator] = []


def language_from_settings(settings: QSettings) -> str:
    """The configured language, or the default for a missing or unknown value."""
    value = settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def store_language(settings: QSettings, language: str) -> None:
    """Remember `language` for the next start (it takes effect on restart)."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def render(text: str) -> str:
    """An `app.i18n.Message` in the interface language; any other text as it is.

    Its values are translated too where they are marked words of the same context (a
    field's name, a flag), and lists are joined the interface language's way.  A
    translation that does not fit the values falls back to the Chinese text."""
    if isinstance(text, Marked):  # a marked text without values
        return QCoreApplication.translate(text.context, text)
    if not isinstance(text, Message):
        return text
    template = QCoreApplication.translate(text.context, text.template)
    values = {name: _value(text.context, value) for name, value in text.args.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return str(text)


def error_text(err: BaseException) -> str:
    """What an error says, in the interface language when the core raised it with a
    `Message` (`str(err)` would give its Chinese text)."""
    message = said(err)
    return render(message) if isinstance(message, Message | Marked) else str(err)


def join_list(items: Any) -> str:
    """Items listed the interface language's way: "S001、S002" / "S001, S002"."""
    return QCoreApplication.translate("Message", LIST_SEPARATOR).join(str(i) for i in items)


def _value(context: str, value: Any) -> str:
    if isinstance(value, Message | Marked):  # a Marked word is said in its own context
        return render(value)
    if isinstance(value, BaseException):  # "…: {err}" with the error the core raised
        return error_text(value)
    if isinstance(value, list | tuple):
        return join_list(_value(context, item) for item in value)
    text = str(value)
    return QCoreApplication.translate(context, text) if text else text


def find_lrelease() -> Path | None:
    """Qt's lrelease as shipped with PySide6 (the package dir or the `pyside6-lrelease` script)."""
    try:
        import PySide6

        candidates = [Path(PySide6.__file__).parent / name for name in ("lrelease", "lrelease.exe")]
    except ImportError:  # pragma: no cover — PySide6 is a hard dependency
        candidates = []
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    script = shutil.which("pyside6-lrelease")
    return Path(script) if script else None


def compile_ts(ts_file: Path, qm_file: Path) -> bool:
    """Compile a Qt Linguist .ts into .qm; True on success.  Never raises."""
    tool = find_lrelease()
    if tool is None or not ts_file.is_file():
        return False
    try:
        qm_file.parent.mkdir(parents=True, exist_ok=True)
        # Compile to a temporary name and rename, so a half-written .qm is never loaded.
        partial = qm_file.with_name(qm_file.name + ".part")
        result = subprocess.run([str(tool), str(ts_file), "-qm", str(partial)],
                                capture_output=True, timeout=LRELEASE_TIMEOUT_S, check=False)
        if result.returncode != 0 or not partial.is_file():
            log.warning("lrelease 编译 %s 失败：%s", ts_file, result.stderr.decode(errors="replace"))
            partial.unlink(missing_ok=True)
            return False
        os.replace(partial, qm_file)
        return True
    except (OSError, subprocess.SubprocessError) as err:
        log.warning("无法编译翻译文件 %s：%s", ts_file, err)
        return False


def translation_file(language: str) -> Path | None:
    """The .qm file for `language` (None for Chinese, or when none can be had)."""
    if language == DEFAULT_LANGUAGE or language not in LANGUAGES:
        return None
    return compiled_catalogue(f"{TRANSLATION_STEM}_{language}")


def translate_in(language: str, context: str, text: str) -> str:
    """`text` said in `language`, whatever language is installed (the source if untranslated)."""
    qm = translation_file(language)
    if qm is None:
        return text
    translator = QTranslator()
    if not translator.load(qm.stem, str(qm.parent)):
        return text
    return translator.translate(context, text) or text


def compiled_catalogue(name: str) -> Path | None:
    """The .qm of `resources/translations/<name>.ts`: shipped, cached, or compiled now."""
    ts_file = resource_path("translations", name + ".ts")
    shipped = resource_path("translations", name + ".qm")
    if shipped.is_file() and not _older(shipped, ts_file):
        return shipped
    cached = user_data_dir() / "cache" / "translations" / (name + ".qm")
    if cached.is_file() and not _older(cached, ts_file):
        return cached
    if compile_ts(ts_file, cached):
        return cached
    return shipped if shipped.is_file() else None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install PanelDesk's and Qt's translators for `language`; returns those installed."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    own = translation_file(language)
    if own is not None:
        _load_into(app, str(own.parent), own.stem)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _load_into(app, qt_dir, f"qtbase_{language}")
    gaps_ts = resource_path("translations", f"{QT_GAPS_STEM}_{language}.ts")
    gaps = compiled_catalogue(gaps_ts.stem) if gaps_ts.is_file() else None
    if gaps is not None:
        _load_into(app, str(gaps.parent), gaps.stem)
    return list(_installed)


def _load_into(app: QCoreApplication, directory: str, stem: str) -> None:
    translator = QTranslator(app)
    if translator.load(stem, directory) and app.installTranslator(translator):
        _installed.append(translator)
    else:
        log.info("未加载翻译 %s（目录 %s）", stem, directory)


def _older(target: Path, source: Path) -> bool:
    """True if `source` exists and was modified after `target` (so `target` is stale)."""
    try:
        return source.stat().st_mtime > target.stat().st_mtime
    except OSError:
        return False
