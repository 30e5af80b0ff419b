"""The demo's data files under resources/demo/: every one is read, used and valid, and a
typo in any of them fails loudly with a message that names the file.

The typo tests copy resources/demo/ to a temporary folder, break one file there and
load the copy; the shipped files are never touched.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

from app.demo.content import DemoDataError, load_demo, load_demo_from
from app.demo.intake import ENTRIES, EVIDENCE_MAKERS, check_evidence, render_evidence
from app.paths import resource_path
from app.rubrics import load_default_rubric

DEMO_ROOT = resource_path("demo")
APPLICATIONS = DEMO_ROOT / "applications"


def test_every_application_file_is_one_entry_in_file_name_order() -> None:
    files = sorted(APPLICATIONS.iterdir())
    assert files and all(re.fullmatch(r"\d\d-[a-z-]+\.toml", p.name) for p in files)
    assert [Path(e.data_file).name for e in ENTRIES] == [p.name for p in files]
    assert len({e.source for e in ENTRIES}) == len(ENTRIES)


def test_the_shared_demo_facts_are_read() -> None:
    demo = load_demo()
    assert demo.packet_id and demo.title and demo.form_title
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", demo.created)
    assert len(demo.roster) >= 5 and len({e.id for e in demo.roster}) == len(demo.roster)
    assert all(e.name and e.organization for e in demo.roster)
    assert demo.categories == load_default_rubric().categories


def test_entries_use_the_rubric_categories_and_every_evidence_maker() -> None:
    categories = set(load_default_rubric().categories)
    assert {e.category for e in ENTRIES} - {None} == categories
    assert {ev.kind for e in ENTRIES for ev in e.evidence} == set(EVIDENCE_MAKERS)
    check_evidence(load_demo())


def test_the_resent_mail_is_the_original_under_another_subject() -> None:
    resent = [e for e in ENTRIES if "based_on" in Path(e.data_file).read_text(encoding="utf-8")]
    assert len(resent) == 1
    original = next(e for e in ENTRIES if e.title == resent[0].title and e is not resent[0])
    assert resent[0].source != original.source
    assert resent[0].body == original.body and resent[0].evidence == original.evidence


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(DEMO_ROOT, root, ignore=shutil.ignore_patterns("*.panelpack"))
    return root


def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path.name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _load(root: Path):
    demo = load_demo_from(root, load_default_rubric().categories)
    check_evidence(demo)
    return demo


def test_the_copy_loads_like_the_shipped_demo(demo_copy: Path) -> None:
    assert _load(demo_copy).entries == load_demo().entries


@pytest.mark.parametrize(("file", "old", "new", "field"), [
    ("03-beihai.toml", "\ntitle = ", "\ntitel = ", "titel"),
    ("03-beihai.toml", 'category = "', 'category = "X', "category"),
    ("03-beihai.toml", 'warnings = ["image_format"]', 'warnings = ["image_fromat"]', "warnings"),
    ("03-beihai.toml", 'style = "table"', 'style = "tabel"', "style"),
    ("03-beihai.toml", 'packing = "folder"', 'packing = "zip"', "packing"),
    ("03-beihai.toml", 'marker = "■"', 'marker = "[x]"', "marker"),
    ("03-beihai.toml", "highlights = ", "highlight = ", "highlight"),
    ("09-donghu.toml", 'form = "申报书.pdf"', 'form = "申报书.docx"', "form"),
    ("03-beihai.toml", 'kind = "workstation"', 'kind = "workstaton"', "evidence[1]"),
    ("03-beihai.toml", 'slogan = "', 'slogn = "', "evidence[1]"),
    ("03-beihai.toml", '\nkind = "workstation"', '\nkind = "workstation"\ntruncated = "yes"',
     "evidence[1].truncated"),
    ("12-tongchuan.toml", '{ unmasked_id = "3205', '{ unmasked_id = "X205', "unmasked_id"),
    ("12-tongchuan.toml", "{unmasked_id}，", "{unmasked_ID}，", "unmasked_id"),
    ("06-linjiang.toml", "body = \"\"\"\n", "body = \"\"\"\n{name}", "body"),
    ("14-yunxi-resent.toml", "based_on = \"【", "based_on = \"X【", "based_on"),
    ("14-yunxi-resent.toml", "\nsource = \"", "\nsorce = \"", "sorce"),
    ("13-nangang.toml", "\nsource = \"", "\nsource = = \"", "TOML"),
    ("demo.toml", "packet_id = ", "packetid = ", "packetid"),
    ("demo.toml", 'organization = "某智库"', 'organisation = "某智库"', "roster[5].organization"),
    ("demo.toml", "[evidence_defaults.ticket]", "[evidence_defaults.tickets]",
     "evidence_defaults"),
])
def test_a_typo_names_the_file_and_the_field(demo_copy: Path, file: str, old: str, new: str,
                                             field: str) -> None:
    path = demo_copy / file if file == "demo.toml" else demo_copy / "applications" / file
    _break(path, old, new)
    with pytest.raises(DemoDataError) as caught:
        _load(demo_copy)
    assert (file in str(caught.value)) and (field in str(caught.value)), str(caught.value)


def test_a_stray_file_among_the_applications_is_refused(demo_copy: Path) -> None:
    (demo_copy / "applications" / "15-draft.tml").write_text("", encoding="utf-8")
    with pytest.raises(DemoDataError, match="15-draft.tml"):
        _load(demo_copy)


def test_a_typo_inside_nested_evidence_data_names_the_file(demo_copy: Path) -> None:
    path = demo_copy / "applications" / "02-shangyu.toml"
    _break(path, 'heading = "三、保障措施"', 'headng = "三、保障措施"')
    entry = next(e for e in _load(demo_copy).entries if e.data_file == str(path))
    policy = next(ev for ev in entry.evidence if ev.kind == "policy")
    with pytest.raises(DemoDataError, match="02-shangyu.toml"):
        render_evidence(policy, entry, random.Random(0))
