"""The bundle's contents (`tools/bundle_spec.py`, used by build.spec), checked without building."""

from __future__ import annotations

from pathlib import Path

from app.cli import COMMAND_MODULES
from tools import bundle_spec

ROOT = Path(__file__).resolve().parents[2]


def test_every_file_under_resources_is_in_the_data_list(tmp_path: Path) -> None:
    datas = bundle_spec.resource_datas(tmp_path)
    shipped = {(Path(src).name, dest) for src, dest in datas}
    resources = ROOT / "resources"
    for path in (p for p in resources.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        dest = "/".join(("resources", *path.parent.relative_to(resources).parts))
        name = path.stem + ".qm" if path.suffix == ".ts" else path.name
        assert (name, dest) in shipped, f"{path.relative_to(ROOT)} is not bundled"
    assert len(datas) == len(shipped)


def test_translations_ship_compiled_and_their_sources_stay_out(tmp_path: Path) -> None:
    datas = bundle_spec.resource_datas(tmp_path)
    assert not [src for src, _ in datas if src.endswith(".ts")]
    qm = [Path(src) for src, _ in datas if src.endswith(".qm")]
    assert qm and all(p.parent == tmp_path for p in qm)
    assert [p.stem for p in qm] == [p.stem for p in bundle_spec.translation_sources()]


def test_translations_compile_into_the_build_folder(tmp_path: Path) -> None:
    written = bundle_spec.compile_translations(tmp_path)
    assert written and all(p.is_file() and p.stat().st_size > 0 for p in written)


def test_hidden_imports_are_derived_from_the_packages() -> None:
    names = set(bundle_spec.hidden_imports())
    assert set(COMMAND_MODULES) <= names
    assert {"app.render.worker", "ui.selftest", "app.selftest", "scoring.aggregate"} <= names
    assert not [n for n in names if n.startswith(("tests", "tools"))]
    on_disk = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
               for package in bundle_spec.OUR_PACKAGES for p in (ROOT / package).rglob("*.py")}
    assert on_disk == names


def test_unused_qt_modules_and_the_postgres_driver_are_excluded() -> None:
    excluded = set(bundle_spec.excluded_modules())
    assert {"PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtQuick",
            "PySide6.QtMultimedia", "PySide6.Qt3DCore", "psycopg"} <= excluded
    assert not {f"PySide6.{m}" for m in bundle_spec.QT_MODULES_USED} & excluded


def test_the_file_filter_keeps_what_the_app_needs_and_drops_the_rest() -> None:
    keep = bundle_spec.keep_file
    qt = "PySide6/Qt"
    for needed in (f"{qt}/plugins/platforms/libqxcb.so", f"{qt}/plugins/platforms/qwindows.dll",
                   f"{qt}/plugins/platforms/libqoffscreen.so", f"{qt}/plugins/imageformats/libqjpeg.so",
                   f"{qt}/plugins/imageformats/qwebp.dll", f"{qt}/translations/qtbase_zh_CN.qm",
                   f"{qt}/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
                   f"{qt}/lib/libQt6Widgets.so.6", f"{qt}/lib/libicuuc.so.73", "libpython3.11.so",
                   "resources/demo/demo.panelpack"):
        assert keep(needed), needed
    for dropped in (f"{qt}/plugins/platformthemes/libqgtk3.so", f"{qt}/translations/qtbase_de.qm",
                    f"{qt}/translations/qt_help_zh_CN.qm", f"{qt}/plugins/imageformats/libqpdf.so",
                    f"{qt}/plugins/sqldrivers/libqsqlpsql.so", f"{qt}/plugins/tls/libqopensslbackend.so",
                    f"{qt}/lib/libQt6Pdf.so.6", "libpq.so.5", "libgtk-3.so.0"):
        assert not keep(dropped), dropped
    assert keep("PySide6\\Qt\\plugins\\platforms\\qwindows.dll")  # Windows separators


def test_build_spec_takes_its_decisions_from_bundle_spec() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    for call in ("resource_datas(", "hidden_imports()", "excluded_modules()", "filter_toc(a.binaries)",
                 "filter_toc(a.datas)", "compile_translations(", "executable_names()"):
        assert call in spec
    assert "app.cli_" not in spec  # the stale hand-written hidden imports are gone
    assert "upx=False" in spec
