"""`tools/dev.py bundle` and `run`: archive, checksum, names; which runs need a window."""

from __future__ import annotations

import hashlib
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tools import bundle, dev


def folder(tmp_path: Path) -> Path:
    root = tmp_path / "dist" / "PanelDesk"
    (root / "_internal").mkdir(parents=True)
    (root / "PanelDesk").write_bytes(b"#!binary")
    (root / "PanelDesk").chmod(0o755)
    (root / "_internal" / "data.txt").write_text("数据", encoding="utf-8")
    return root


@pytest.mark.parametrize("suffix", [".tar.gz", ".zip"])
def test_the_archive_holds_the_folder_under_its_name(tmp_path: Path, suffix: str) -> None:
    root = folder(tmp_path)
    archive = bundle.write_archive(root, tmp_path / f"PanelDesk-x{suffix}")
    if suffix == ".zip":
        names = set(zipfile.ZipFile(archive).namelist())
    else:
        with tarfile.open(archive) as tar:
            names = set(tar.getnames())
            assert tar.getmember("PanelDesk/PanelDesk").mode & 0o111  # still executable
    assert {"PanelDesk/PanelDesk", "PanelDesk/_internal/data.txt"} <= names
    assert not list(tmp_path.glob("*.part"))


def test_the_checksum_file_is_what_sha256sum_checks(tmp_path: Path) -> None:
    archive = bundle.write_archive(folder(tmp_path), tmp_path / "PanelDesk-x.tar.gz")
    line = bundle.write_checksum(archive).read_text(encoding="utf-8")
    assert line == f"{hashlib.sha256(archive.read_bytes()).hexdigest()}  {archive.name}\n"


def test_the_archive_is_named_by_version_system_and_machine() -> None:
    name = bundle.archive_path(Path("dist")).name
    assert name.startswith(f"PanelDesk-{bundle.version()}-{bundle.system_name()}-")
    assert name.endswith(".zip" if sys.platform == "win32" else ".tar.gz")


@pytest.mark.parametrize(("args", "window"), [
    ([], True), (["demo.panelpack"], True), (["-platform", "xcb"], True),
    (["--help"], False), (["--self-test"], False), (["packet", "verify", "x.panelpack"], False),
])
def test_only_runs_that_open_a_window_check_the_display_libraries(args: list[str],
                                                                  window: bool) -> None:
    assert dev.opens_window(args) is window
