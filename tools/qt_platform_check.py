"""Can Qt's xcb platform plugin load?  If not, which Debian packages are missing.

When a system library of `libqxcb.so` is missing, Qt says only that it "could not load the
Qt platform plugin 'xcb' even though it was found" and suggests reinstalling the
application — which does not help.  `tools/dev.py run` asks `ldd` instead: every
"not found" shared library is mapped to the Debian/Ubuntu package that ships it, and the
user gets the one `apt-get install` line that fixes it.  Standard library only (dev.py
runs on the system Python before the venv exists).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

# The system libraries Qt's xcb plugin (and Qt's GUI libraries it loads) link against,
# by soname → the Debian/Ubuntu package that ships them.
DEBIAN_PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}
# The packages a fresh Debian/Ubuntu desktop may lack for the GUI: the README names them
# (a test keeps the two lists the same).
GUI_PACKAGES = ("libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0", "libxcb-image0",
                "libxcb-render-util0", "libxcb-xkb1", "libxcb-randr0", "libxcb-shape0",
                "libxkbcommon-x11-0", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3")
_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
XCB = "xcb"


def needs_check(platform: str = sys.platform, env: Mapping[str, str] = os.environ) -> bool:
    """Only on Linux, and only when Qt is going to use xcb (the default there)."""
    return platform.startswith("linux") and env.get("QT_QPA_PLATFORM", "") in ("", XCB)


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames `ldd` reports as "not found", each once, in order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def packages_for(sonames: Iterable[str]) -> tuple[list[str], list[str]]:
    """(Debian packages that provide `sonames`, sonames we know no package for)."""
    packages: list[str] = []
    unknown: list[str] = []
    for soname in sonames:
        package = DEBIAN_PACKAGES.get(soname)
        if package is None:
            unknown.append(soname)
        elif package not in packages:
            packages.append(package)
    return packages, unknown


def apt_line(packages: Iterable[str]) -> str:
    return "sudo apt-get install -y " + " ".join(packages)


def message(sonames: list[str]) -> str:
    """What to tell the user about the missing libraries (English, like dev.py)."""
    packages, unknown = packages_for(sonames)
    lines = ["[dev] PanelDesk's window cannot open: Qt's xcb platform plugin is missing "
             "system libraries: " + ", ".join(sonames) + "."]
    if packages:
        lines += ["[dev] Install them with:", "", "    " + apt_line(packages), ""]
    if unknown:
        lines.append("[dev] No package known for " + ", ".join(unknown)
                     + " — `apt-file search NAME` finds the package that ships it.")
    lines.append("[dev] (The command line works without them: "
                 "python3 tools/dev.py run --help)")
    return "\n".join(lines)


def xcb_plugin(python: Path) -> Path | None:
    """Where the venv's PySide6 keeps libqxcb.so (None if PySide6 is not importable)."""
    code = "import os, PySide6; print(os.path.dirname(PySide6.__file__))"
    try:
        out = subprocess.run([str(python), "-c", code], capture_output=True, text=True,
                             timeout=60, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    plugin = Path(out) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def check_xcb(python: Path) -> str | None:
    """None when the xcb plugin's libraries are all there (or it cannot be checked),
    else the message with the `apt-get install` line."""
    plugin = xcb_plugin(python)
    if plugin is None:
        return None
    try:
        result = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                                timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):  # no ldd (not glibc): let Qt try
        return None
    missing = missing_libraries(result.stdout)
    return message(missing) if missing else None
