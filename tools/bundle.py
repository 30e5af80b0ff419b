"""`python3 tools/dev.py bundle`: build dist/PanelDesk/, self-test it, archive it.

Steps, each printed with its time: PyInstaller on `build.spec` (the venv's, with the
`build` extra); the bundle's own `--self-test` (offscreen, in a temporary data folder);
a compressed archive beside the folder — `.tar.gz` on Linux and macOS (on macOS of the
`PanelDesk.app` experts double-click), `.zip` on Windows — and its SHA-256 in a
`.sha256` file that `sha256sum -c` / `shasum -a 256 -c` read.  Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build"
NAME = "PanelDesk"
GZIP_LEVEL = 6  # 9 takes twice as long for ~1 % less
CHUNK = 1 << 20


def version(root: Path = ROOT) -> str:
    with open(root / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]["version"]


def system_name() -> str:
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)


def archive_path(dist: Path = DIST) -> Path:
    """dist/PanelDesk-<version>-<system>-<machine>.tar.gz (.zip on Windows)."""
    machine = platform.machine().lower() or "unknown"
    suffix = ".zip" if sys.platform == "win32" else ".tar.gz"
    return dist / f"{NAME}-{version()}-{system_name()}-{machine}{suffix}"


def bundle_executable(dist: Path = DIST) -> Path:
    """The executable to self-test: what experts get, and one that prints — on Windows
    the console twin, on macOS the program inside the .app."""
    if sys.platform == "win32":
        return dist / NAME / f"{NAME}-cli.exe"
    if sys.platform == "darwin":
        return dist / f"{NAME}.app" / "Contents" / "MacOS" / NAME
    return dist / NAME / NAME


def shipped_folder(dist: Path = DIST) -> Path:
    """What the experts get: the .app on macOS, else the folder."""
    app = dist / f"{NAME}.app"
    return app if sys.platform == "darwin" and app.is_dir() else dist / NAME


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def write_archive(folder: Path, archive: Path) -> Path:
    """`folder` (as its own top-level entry) into `archive`, .zip or .tar.gz by suffix."""
    archive.unlink(missing_ok=True)
    partial = archive.with_name(archive.name + ".part")
    if archive.suffix == ".zip":
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=GZIP_LEVEL) as z:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    z.write(path, path.relative_to(folder.parent).as_posix())
    else:
        # tar keeps the executable bits and the symbolic links of a macOS .app.
        with tarfile.open(partial, "w:gz", compresslevel=GZIP_LEVEL) as tar:
            tar.add(folder, arcname=folder.name)
    os.replace(partial, archive)
    return archive


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_checksum(archive: Path) -> Path:
    """`<archive>.sha256`: "<hex>  <name>", the format of sha256sum and shasum."""
    target = archive.with_name(archive.name + ".sha256")
    target.write_text(f"{sha256_of(archive)}  {archive.name}\n", encoding="utf-8")
    return target


def run_pyinstaller(python: Path) -> None:
    subprocess.run([str(python), "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(DIST), "--workpath", str(WORK), str(ROOT / "build.spec")],
                   cwd=ROOT, check=True)


def self_test(executable: Path) -> int:
    """The bundle's `--self-test`, offscreen, with a throw-away data folder."""
    with tempfile.TemporaryDirectory(prefix="paneldesk-bundle-home-") as home:
        env = dict(os.environ, PANELDESK_HOME=home, QT_QPA_PLATFORM="offscreen")
        return subprocess.call([str(executable), "--self-test"], env=env, cwd=home)


def build(python: Path) -> int:
    """The whole `dev.py bundle`; the exit status."""
    started = time.monotonic()
    print("[dev] PyInstaller (build.spec)", flush=True)
    for stale in (DIST / NAME, DIST / f"{NAME}.app"):
        shutil.rmtree(stale, ignore_errors=True)
    run_pyinstaller(python)
    built = time.monotonic()
    print(f"[dev] built {DIST / NAME} in {built - started:.0f} s", flush=True)
    code = self_test(bundle_executable())
    if code != 0:
        print(f"[dev] the bundle's self-test failed (exit {code}); no archive written")
        return code
    archive = write_archive(shipped_folder(), archive_path())
    checksum = write_checksum(archive)
    mb = 1024 * 1024
    print(f"[dev] folder  {shipped_folder()}  {folder_size(shipped_folder()) / mb:.0f} MB")
    print(f"[dev] archive {archive}  {archive.stat().st_size / mb:.0f} MB "
          f"({time.monotonic() - built:.0f} s incl. self-test)")
    print(f"[dev] sha256  {checksum.read_text(encoding='utf-8').split()[0]}  ({checksum.name})")
    return 0
