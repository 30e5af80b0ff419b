"""The manifest's optional organizer records (`duplicates`, `decisions`, `excluded`):
round-tripped when present, absent (so older packets hash the same) when not, and
checked when read from a packet."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.canonical import canonical_json
from app.model import DuplicateInfo
from app.packet.manifest import Manifest, ManifestError
from tests.app.test_packet_roundtrip import sample_files, sample_manifest


def with_parts() -> Manifest:
    manifest = sample_manifest(sample_files())
    first = manifest.submissions[0]
    first.duplicates = DuplicateInfo(flagged=[], excluded=["07 重发"], decided=True)
    first.decisions = {"source": "01 某单位", "fields": {"title": {"old": "a", "new": "b"}}}
    manifest.excluded = [{"source": "07 重发", "reason": "重复", "duplicate_of": first.id}]
    return manifest


def test_round_trip_and_absence() -> None:
    manifest = with_parts()
    again = Manifest.from_dict(json.loads(canonical_json(manifest.to_dict())))
    assert again.to_dict() == manifest.to_dict()
    assert again.submissions[0].duplicates == manifest.submissions[0].duplicates
    plain = sample_manifest(sample_files()).to_dict()
    assert "excluded" not in plain
    assert not any("duplicates" in s or "decisions" in s for s in plain["submissions"])


@pytest.mark.parametrize(("edit", "message"), [
    (lambda d: d["submissions"][0]["duplicates"].update(decided="yes"), "decided"),
    (lambda d: d["submissions"][0]["duplicates"].update(flagged=[1]), "duplicates"),
    (lambda d: d["submissions"][0]["duplicates"].pop("excluded"), "excluded"),
    (lambda d: d["submissions"][0].update(duplicates=[]), "duplicates"),
    (lambda d: d["submissions"][0].update(decisions="x"), "decisions"),
    (lambda d: d.update(excluded={"a": 1}), "excluded"),
    (lambda d: d.update(excluded=[{"source": 5}]), "excluded[0]"),
])
def test_malformed_parts_are_refused_by_name(edit: Any, message: str) -> None:
    data = json.loads(canonical_json(with_parts().to_dict()))
    edit(data)
    with pytest.raises(ManifestError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Manifest.from_dict(data)
