"""`tools/dev.py run`: a missing system library of Qt's xcb plugin becomes an apt-get line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tools import qt_platform_check as check

ROOT = Path(__file__).resolve().parents[2]

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibweird-thing.so.3 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
"""


def test_not_found_libraries_are_read_from_ldd_once_each() -> None:
    assert check.missing_libraries(LDD) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                                            "libxcb-cursor.so.0", "libxkbcommon-x11.so.0",
                                            "libweird-thing.so.3"]
    assert check.missing_libraries("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


def test_libraries_map_to_debian_packages_and_the_rest_is_named() -> None:
    packages, unknown = check.packages_for(check.missing_libraries(LDD))
    assert packages == ["libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0",
                        "libxkbcommon-x11-0"]
    assert unknown == ["libweird-thing.so.3"]


def test_the_message_gives_the_exact_apt_get_line() -> None:
    text = check.message(check.missing_libraries(LDD))
    assert ("sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 "
            "libxkbcommon-x11-0") in text
    assert "libweird-thing.so.3" in text and "apt-file" in text
    assert "could not load the Qt platform plugin" not in text


@pytest.mark.parametrize(("platform", "env", "wanted"), [
    ("linux", {}, True), ("linux", {"QT_QPA_PLATFORM": "xcb"}, True),
    ("linux", {"QT_QPA_PLATFORM": "offscreen"}, False),
    ("linux", {"QT_QPA_PLATFORM": "wayland"}, False),
    ("win32", {}, False), ("darwin", {}, False),
])
def test_only_linux_with_xcb_is_checked(platform: str, env: dict, wanted: bool) -> None:
    assert check.needs_check(platform, env) is wanted


def test_the_venv_plugin_is_found_and_its_libraries_are_here() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the xcb plugin exists on Linux only")
    plugin = check.xcb_plugin(Path(sys.executable))
    assert plugin is not None and plugin.name == "libqxcb.so"
    assert check.check_xcb(Path(sys.executable)) is None  # CI installs the GUI packages


def test_every_mapped_package_and_the_readme_agree() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for package in check.GUI_PACKAGES:
        assert package in readme, f"README does not name {package}"
        assert package in check.DEBIAN_PACKAGES.values()
