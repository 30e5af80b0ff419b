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
    # Windows: backslashes, and PySide6 keeps its plugins and translations without Qt/
    assert keep("PySide6\\plugins\\platforms\\qwindows.dll")
    assert keep("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll")
    assert keep("PySide6\\translations\\qtbase_zh_CN.qm")
    assert not keep("PySide6\\translations\\qtbase_fr.qm")
    assert not keep("PySide6\\opengl32sw.dll")
    assert keep("resources/translations/paneldesk_en.qm")


def test_build_spec_takes_its_decisions_from_bundle_spec() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    for call in ("resource_datas(", "hidden_imports()", "excluded_modules()", "filter_toc(a.binaries)",
                 "filter_toc(a.datas)", "compile_translations(", "executable_names()"):
        assert call in spec
    assert "app.cli_" not in spec  # the stale hand-written hidden imports are gone
    assert "upx=False" in spec


def test_pyinstallers_qtcore_importing_hook_is_replaced_by_ours() -> None:
    scripts = [("pyi_rth_inspect", "a.py", "PYSOURCE"), ("pyi_rth_pyside6", "b.py", "PYSOURCE"),
               ("entry", "ui/entry.py", "PYSOURCE")]
    assert [s[0] for s in bundle_spec.without_eager_qt_hook(scripts)] == ["pyi_rth_inspect", "entry"]
    hook = Path(bundle_spec.runtime_hooks()[0])
    assert hook.is_file()
    text = hook.read_text(encoding="utf-8")
    assert "QT_PLUGIN_PATH" in text and "import PySide6" not in text
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "without_eager_qt_hook(a.scripts)" in spec and "runtime_hooks()" in spec


def test_each_system_gets_its_executables() -> None:
    names = bundle_spec.executable_names()
    assert names[0][0] == "PanelDesk"
    if len(names) > 1:  # Windows: a console twin for the command line and the self-test
        assert names[1] == ("PanelDesk-cli", True)
