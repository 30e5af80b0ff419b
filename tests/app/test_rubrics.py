"""The application's view of rubrics: the built-in file, the pinned hash, user errors."""

from __future__ import annotations

import json
import sys

import pytest

from app import rubrics
from app.errors import PanelDeskError
from app.paths import resource_path
from app.rubrics import DEFAULT_RUBRIC, load_default_rubric, load_rubric_file, rubric_hash
from scoring.rubric import Rubric
from scoring.rubric_schema import parse_rubric


@pytest.fixture
def fresh_default_cache():
    load_default_rubric.cache_clear()
    yield
    load_default_rubric.cache_clear()


def test_default_rubric_is_the_2026_hotline_rubric():
    rubric = load_default_rubric()
    assert isinstance(rubric, Rubric)
    assert rubric.id == "hotline-2026"
    assert [c.name for c in rubric.criteria] == ["温度", "效能", "真实性", "典型性", "故事性", "合规性"]
    assert rubric.max_total() == 100
    assert load_default_rubric() is rubric  # immutable, so safely cached


def test_default_rubric_file_is_a_resource():
    assert resource_path("rubrics", DEFAULT_RUBRIC).is_file()


def test_rubric_hash_is_stable_and_content_based(tmp_path):
    rubric = load_default_rubric()
    digest = rubric_hash(rubric)
    assert digest.startswith("sha256:") and len(digest) == len("sha256:") + 64
    assert rubric_hash(parse_rubric(rubric.to_dict())) == digest
    # The same rubric written as JSON (different bytes, same meaning) pins the same hash.
    as_json = tmp_path / "same.json"
    as_json.write_text(json.dumps(rubric.to_dict(), ensure_ascii=False, indent=1),
                       encoding="utf-8")
    assert rubric_hash(load_rubric_file(as_json)) == digest
    # Reformatting the TOML (comments, spacing) does not change it either.
    source = resource_path("rubrics", DEFAULT_RUBRIC).read_text(encoding="utf-8")
    reformatted = tmp_path / "reformatted.toml"
    reformatted.write_text("# 注释\n" + source.replace("step = 0.5", "step   =   0.50"),
                           encoding="utf-8")
    assert rubric_hash(load_rubric_file(reformatted)) == digest


def test_rubric_hash_changes_with_any_meaningful_edit():
    data = load_default_rubric().to_dict()
    digest = rubric_hash(load_default_rubric())
    data["criteria"][0]["levels"][0]["descriptor"] += "。"
    assert rubric_hash(parse_rubric(data)) != digest
    data = load_default_rubric().to_dict()
    data["comment_required"]["below"] = "59.5"
    assert rubric_hash(parse_rubric(data)) != digest


def test_load_rubric_file_turns_errors_into_panel_desk_errors(tmp_path):
    data = load_default_rubric().to_dict()
    data["criteria"][0]["max"] = "30.25"
    path = tmp_path / "坏细则.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(PanelDeskError) as caught:
        load_rubric_file(path)
    message = str(caught.value)
    assert "坏细则.json" in message and "criteria[0].max" in message
    with pytest.raises(PanelDeskError, match="missing.toml.*找不到该文件"):
        load_rubric_file(tmp_path / "missing.toml")


def test_default_rubric_loads_from_a_frozen_bundle(tmp_path, monkeypatch, fresh_default_cache):
    # Inside the PyInstaller bundle resources live under sys._MEIPASS.
    bundled = tmp_path / "resources" / "rubrics"
    bundled.mkdir(parents=True)
    text = resource_path("rubrics", DEFAULT_RUBRIC).read_text(encoding="utf-8")
    (bundled / DEFAULT_RUBRIC).write_text(text.replace('version = "1.0"', 'version = "bundle"'),
                                          encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert load_default_rubric().version == "bundle"


def test_broken_default_rubric_is_a_user_error(tmp_path, monkeypatch, fresh_default_cache):
    bundled = tmp_path / "resources" / "rubrics"
    bundled.mkdir(parents=True)
    (bundled / DEFAULT_RUBRIC).write_text("id = ", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(PanelDeskError, match=f"{DEFAULT_RUBRIC}.*TOML 格式错误"):
        rubrics.load_default_rubric()
