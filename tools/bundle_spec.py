"""What goes into the PyInstaller bundle: the rules `build.spec` applies, kept testable.

`build.spec` is executed by PyInstaller, not imported, so everything it decides lives here
as plain functions the tests can call:

- `resource_datas()` — every file under `resources/` goes in (the tree is mirrored, so
  `app.paths.resource_path()` finds it under `sys._MEIPASS/resources`), except Qt Linguist
  sources: a `.ts` goes in compiled, as the `.qm` that `compile_translations()` wrote;
- `hidden_imports()` — every module of our packages (commands are imported by name from
  `app.cli.COMMAND_MODULES`, viewers and methods from registries), derived, never listed;
- `excluded_modules()` — Python modules that must not come along: Qt modules PanelDesk does
  not use, the PostgreSQL drivers (an optional extra for organizers' servers), test tools;
- `keep_file()` — the filter over what PyInstaller's hooks collected: only Qt's own zh_CN
  translations, no plugins that drag in GTK, PDF, SQL drivers, TLS or virtual keyboards.
"""

from __future__ import annotations

import pkgutil
import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
OUR_PACKAGES = ("app", "ui", "scoring")
TRANSLATION_SOURCE_SUFFIX = ".ts"

# The Qt modules `ui` imports.  Everything else in PySide6 (WebEngine, 3D, Multimedia,
# QML/Quick, and the Python side of QtOpenGL, which QtCharts' C++ library links against
# but our code never calls) stays out; the C++ libraries Qt needs come along by
# PyInstaller's dependency analysis.
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtCharts")
# Python packages that are installed in a developer's venv but are no part of the product.
NOT_SHIPPED = ("tkinter", "_tkinter", "psycopg", "psycopg_binary", "psycopg_c", "psycopg2",
               "pytest", "_pytest", "pytestqt", "hypothesis", "importlinter", "grimp",
               "IPython", "numpy", "PIL", "setuptools", "pip", "pydoc_data",
               # python-docx and openpyxl use lxml.etree only
               "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.cssselect")

# Qt's translations: only the one our language menu installs besides our own catalogue.
QT_TRANSLATIONS_KEPT = ("qtbase_zh_CN.qm",)
# Qt plugin folders (or single plugins) that PanelDesk does not need.  Platform themes
# would pull the build machine's GTK into the bundle; the PDF image format plugin pulls in
# QtPdf (PDFs are rendered by PyMuPDF); TLS and network information: PanelDesk is
# offline; SQL drivers pull in PostgreSQL/MySQL client libraries; no evidence kind or icon
# is SVG (QtSvg).
QT_PLUGINS_DROPPED = ("platformthemes/libqgtk3", "imageformats/libqpdf", "imageformats/qpdf",
                      "imageformats/libqsvg", "imageformats/qsvg", "iconengines",
                      "tls", "networkinformation", "sqldrivers", "egldeviceintegrations",
                      "platforminputcontexts/libqtvirtualkeyboardplugin",
                      "platforminputcontexts/qtvirtualkeyboardplugin",
                      "platforms/libqeglfs", "platforms/libqlinuxfb", "platforms/libqvnc",
                      "platforms/libqvkkhrdisplay", "platforms/libqminimalegl",
                      "platforms/libqwayland", "generic", "position", "multimedia",
                      "qmltooling", "wayland-")
# Shared libraries that the dropped plugins or unused Qt modules would have brought.
LIBRARIES_DROPPED = ("libQt6Pdf", "Qt6Pdf", "libQt6Qml", "Qt6Qml", "libQt6Quick", "Qt6Quick",
                     "libQt6Network", "Qt6Network", "libQt6VirtualKeyboard",
                     "Qt6VirtualKeyboard", "libQt6WaylandClient", "libQt6WaylandEgl",
                     "libQt6Wayland", "libgtk-3", "libgdk-3", "libgdk_pixbuf", "libatk",
                     "libpango", "libcairo", "libharfbuzz-gobject", "libpq", "libmysql",
                     "libQt6Sql", "Qt6Sql", "libQt6Svg", "Qt6Svg", "libQt6EglFS",
                     "libQt6EglFs", "libQt6WlShellIntegration",
                     "opengl32sw")  # Windows: Qt's 20 MB software OpenGL; nothing uses OpenGL


def resource_datas(qm_dir: Path, root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for every file under resources/.

    A `.ts` is replaced by its compiled `.qm` from `qm_dir` (which must exist there)."""
    resources = root / "resources"
    datas: list[tuple[str, str]] = []
    for path in sorted(p for p in resources.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        folder = PurePosixPath("resources", *path.parent.relative_to(resources).parts)
        if path.suffix == TRANSLATION_SOURCE_SUFFIX:
            path = qm_dir / (path.stem + ".qm")
        datas.append((str(path), str(folder)))
    return datas


def translation_sources(root: Path = ROOT) -> list[Path]:
    return sorted((root / "resources").rglob("*" + TRANSLATION_SOURCE_SUFFIX))


def compile_translations(qm_dir: Path, root: Path = ROOT) -> list[Path]:
    """Compile every .ts under resources/ into `qm_dir`; SystemExit if one fails (a bundle
    without its English catalogue must not be built)."""
    from ui.i18n import compile_ts  # Qt's lrelease, found next to PySide6

    written = []
    for ts_file in translation_sources(root):
        qm_file = qm_dir / (ts_file.stem + ".qm")
        if not compile_ts(ts_file, qm_file):
            raise SystemExit(f"lrelease could not compile {ts_file} (is PySide6 installed?)")
        written.append(qm_file)
    return written


def hidden_imports(root: Path = ROOT) -> list[str]:
    """Every module of app, ui and scoring, found by walking the packages on disk."""
    names: list[str] = []
    for package in OUR_PACKAGES:
        names.append(package)
        path = [str(root / package)]
        for info in pkgutil.walk_packages(path, prefix=package + "."):
            names.append(info.name)
    return sorted(names)


def excluded_modules() -> list[str]:
    """Python modules kept out: unused Qt modules and packages that are not the product."""
    unused_qt = []
    try:
        import PySide6

        for info in pkgutil.iter_modules(PySide6.__path__):
            if info.name.startswith("Qt") and info.name not in QT_MODULES_USED:
                unused_qt.append(f"PySide6.{info.name}")
    except ImportError:  # no PySide6: nothing of it to exclude
        pass
    return [*NOT_SHIPPED, *unused_qt]


def keep_file(dest: str) -> bool:
    """False for a collected file (its path inside the bundle) that must not ship."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    name = parts[-1] if parts else ""
    if "translations" in parts and "PySide6" in parts:  # PySide6/Qt/translations, or on
        return name in QT_TRANSLATIONS_KEPT                 # Windows PySide6/translations
    if "plugins" in parts:
        inner = "/".join(parts[parts.index("plugins") + 1:])
        return not any(inner.startswith(prefix) for prefix in QT_PLUGINS_DROPPED)
    return not any(name.startswith(prefix) for prefix in LIBRARIES_DROPPED)


# PyInstaller's run-time hook for PySide6 imports QtCore in every process (see
# tools/bundle_rthook_qt.py, which replaces it).
EAGER_QT_HOOK = "pyi_rth_pyside6"
RUNTIME_HOOK = ROOT / "tools" / "bundle_rthook_qt.py"


def runtime_hooks() -> list[str]:
    return [str(RUNTIME_HOOK)]


def without_eager_qt_hook(scripts: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """The bundle's start-up scripts without PyInstaller's QtCore-importing PySide6 hook."""
    return [entry for entry in scripts if entry[0] != EAGER_QT_HOOK]


def filter_toc(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A PyInstaller TOC (dest, source, kind) without the files `keep_file` rejects."""
    return [entry for entry in toc if keep_file(entry[0])]


def executable_names() -> list[tuple[str, bool]]:
    """(name, console) of the executables: one everywhere; on Windows a console twin.

    A Windows GUI program has no console, so its output (the command line, the self-test)
    would vanish; `PanelDesk-cli.exe` is the same program built as a console program.
    """
    if sys.platform == "win32":
        return [("PanelDesk", False), ("PanelDesk-cli", True)]
    if sys.platform == "darwin":
        # Windowed, for the .app (BUNDLE); run from a terminal it still prints, as macOS
        # programs have no console subsystem.
        return [("PanelDesk", False)]
    return [("PanelDesk", True)]  # Linux makes no distinction
