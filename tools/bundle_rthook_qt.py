"""PyInstaller run-time hook of the PanelDesk bundle: where Qt finds its plugins.

Replaces PyInstaller's own `pyi_rth_pyside6`, which imports `PySide6.QtCore` in every
process the bundle starts — to check for an embedded `qt.conf` that PySide6's wheels
already register when QtCore is imported.  That cost every command-line call and every
PDF render worker ~0.1 s and Qt's libraries (ICU's 30 MB of data among them) although
neither uses Qt.  What the hook did that still matters is done here without Qt: the
plugin folder, and on Windows the bundle folder on PATH for Qt's DLLs.  The self-test's
translations step checks that Qt still finds its own files (its prefix comes from that
`qt.conf`).
"""

import os
import sys


def _point_qt_at_the_bundle() -> None:
    base = sys._MEIPASS  # noqa: SLF001 — PyInstaller's documented bundle folder
    if sys.platform.startswith("win"):
        qt_dir = os.path.join(base, "PySide6")
        os.environ["PATH"] = base + os.pathsep + os.environ.get("PATH", "")
    else:
        qt_dir = os.path.join(base, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_dir, "plugins")


_point_qt_at_the_bundle()
