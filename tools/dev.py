"""One-command set-up for developers and new users.

    python3 tools/dev.py run [ARGS...]   install what is needed, then open PanelDesk
                                         (with no ARGS: the built-in demo packet)
    python3 tools/dev.py test [PYTEST ARGS...]
                                         install what is needed, then run ruff,
                                         the import-layer contracts and the test suite
    python3 tools/dev.py bundle          install the build extra (PyInstaller), build
                                         dist/PanelDesk/, self-test it, and write the
                                         archive and its .sha256 beside it

Everything is installed into `.venv/` next to this repository (standard library
`venv` + pip only), so a fresh machine needs nothing but Python 3.11.  The venv is
reinstalled only when `pyproject.toml` changes (its hash is kept in the venv).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("PANELDESK_VENV", ROOT / ".venv"))
MARKER = VENV / ".paneldesk-installed"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_venv() -> Path:
    """Create the venv and install the project (with dev extras) if needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 — this script may be started by an older Python
        sys.exit(f"PanelDesk needs Python 3.11 or newer (found {sys.version.split()[0]})")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    python = venv_python()
    if python.exists() and MARKER.exists() and MARKER.read_text().strip() == wanted:
        return python
    if not python.exists():
        print(f"[dev] creating virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    print("[dev] installing PanelDesk and its dependencies (first run takes a few minutes)",
          flush=True)
    pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", f"{ROOT}[dev]"], check=True)
    MARKER.write_text(wanted)
    return python


def run_app(python: Path, args: list[str]) -> int:
    import qt_platform_check  # tools/, next to this script

    # Qt's own message for a missing system library blames the plugin; name the packages.
    if qt_platform_check.needs_check():
        problem = qt_platform_check.check_xcb(python)
        if problem is not None and opens_window(args):
            print(problem, file=sys.stderr)
            return 1
    return subprocess.call([str(python), "-m", "ui.entry", *args], cwd=ROOT)


def opens_window(args: list[str]) -> bool:
    """Whether `paneldesk ARGS` shows a window (the command line and the offscreen
    self-test need no display libraries)."""
    if not args:
        return True
    first = args[0]
    if first in ("-h", "--help", "--self-test"):
        return False
    return first.startswith("-") or first.lower().endswith(".panelpack") or Path(first).exists()


def ensure_build_extra(python: Path) -> None:
    """PyInstaller (the `build` extra) in the venv, installed on first use."""
    probe = subprocess.run([str(python), "-c", "import PyInstaller"], capture_output=True,
                           check=False)
    if probe.returncode != 0:
        print("[dev] installing the build extra (PyInstaller)", flush=True)
        subprocess.run([str(python), "-m", "pip", "--disable-pip-version-check", "-q",
                        "install", "-e", f"{ROOT}[build]"], check=True)


def build_bundle(python: Path) -> int:
    import bundle  # tools/, next to this script

    ensure_build_extra(python)
    return bundle.build(python)


def run_tests(python: Path, args: list[str]) -> int:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps = [
        ("ruff", [str(python), "-m", "ruff", "check", "app", "ui", "scoring", "tests",
                  "tools", "bench"]),
        ("import layers", [str(python.parent / "lint-imports")]),
    ]
    for name, cmd in steps:
        print(f"[dev] {name}", flush=True)
        code = subprocess.call(cmd, cwd=ROOT, env=env)
        if code != 0:
            print(f"[dev] {name} failed (exit {code})", flush=True)
            return code
    print("[dev] pytest", flush=True)
    code = subprocess.call([str(python), "-m", "pytest", *args], cwd=ROOT, env=env)
    if code == 5:  # pytest: no tests collected — not a failure of the code under test
        print("[dev] pytest collected no tests", flush=True)
        return 0
    return code


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "bundle"}:
        print(__doc__)
        return 2
    python = ensure_venv()
    if argv[0] == "run":
        return run_app(python, argv[1:])
    if argv[0] == "bundle":
        return build_bundle(python)
    return run_tests(python, argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
