"""The evidence kind registry is complete: every kind declares a label (translated), a
badge, how it is recognised and previewed and whether it has a thumbnail, and every
payload type a preview returns has a registered viewer that can show it."""

from __future__ import annotations

import dataclasses
import os
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QColor

from app.errors import PanelDeskError
from app.evidence import kinds
from app.evidence.kinds import FALLBACK, KINDS, LABEL_CONTEXT, Kind, kind_named
from app.evidence.probe import Probe
from app.model import PacketFile
from app.paths import resource_path
from ui.evidence import EvidencePanel
from ui.evidence.loading import has_thumbnail, load_evidence, load_thumbnail
from ui.evidence.viewers import VIEWERS, viewer_for, viewers_of
from ui.task_runner import SyncTaskRunner

VIEWER_METHODS = ("show_payload", "release", "zoom_in", "zoom_out", "reset_zoom")


def english_labels() -> dict[str, str]:
    tree = ET.parse(resource_path("translations", "paneldesk_en.ts"))
    return {msg.findtext("source"): msg.findtext("translation")
            for ctx in tree.iter("context") if ctx.findtext("name") == LABEL_CONTEXT
            for msg in ctx.iter("message")}


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_every_kind_declares_everything(kind: Kind) -> None:
    assert kind.name and kind.name == kind.name.strip()
    assert isinstance(kind.label, str) and kind.label.strip()
    assert (english_labels().get(kind.label) or "").strip(), (
        f"{kind.label!r} needs QT_TRANSLATE_NOOP({LABEL_CONTEXT!r}, …) and an English text")
    # Latin badges: QPainter does not get the style sheet's CJK fallback font.
    assert kind.badge.text and kind.badge.text.isascii()
    assert QColor(kind.badge.colour).isValid()
    assert callable(kind.recognise)
    assert kind.preview is None or callable(kind.preview)  # None: "cannot be previewed"
    assert isinstance(kind.thumbnail, bool)


@pytest.mark.parametrize("kind", [k for k in KINDS if k.preview is not None],
                         ids=lambda kind: kind.name)
def test_every_preview_payload_has_a_viewer(kind: Kind) -> None:
    assert kind.payload_types, f"{kind.name}: annotate what its preview returns"
    for payload_type in kind.payload_types:
        assert dataclasses.is_dataclass(payload_type)
        assert viewer_for(payload_type).payload is payload_type
    if kind.thumbnail:
        assert any(viewer.thumbnail for viewer in viewers_of(kind)), (
            f"{kind.name} declares a thumbnail its viewer cannot make")


def test_names_are_unique_and_the_fallback_is_last() -> None:
    names = [kind.name for kind in KINDS]
    assert len(set(names)) == len(names)
    assert KINDS[-1].name == FALLBACK and KINDS[-1].preview is None
    assert kind_named("a kind from a newer version") is KINDS[-1]
    assert all(kind_named(kind.name) is kind for kind in KINDS)


def test_the_last_kind_claims_any_file() -> None:
    for name, data in (("x.bin", os.urandom(512)), ("x.jpg", b"\x00" * 64),
                       ("x", b"PK\x03\x04" + os.urandom(64)), ("x.txt", b"\x01\x02")):
        info = KINDS[-1].recognise(Probe(name, data, 80_000_000))
        assert info is not None and info.kind == FALLBACK


def test_viewers_are_complete_and_used() -> None:
    payloads = [viewer.payload for viewer in VIEWERS]
    attributes = [viewer.attribute for viewer in VIEWERS]
    assert len(set(payloads)) == len(payloads) and len(set(attributes)) == len(attributes)
    previewed = {payload for kind in KINDS for payload in kind.payload_types}
    assert set(payloads) == previewed  # no viewer for a payload no kind returns
    for viewer in VIEWERS:
        for member in (*VIEWER_METHODS, "status", "shown"):
            assert hasattr(viewer.widget, member), f"{viewer.widget.__name__} lacks {member}"


def test_the_panel_builds_its_stack_from_the_registry(qtbot: object) -> None:
    panel = EvidencePanel(SyncTaskRunner(), lambda _name: b"")
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    for viewer in VIEWERS:
        widget = getattr(panel, viewer.attribute)
        assert isinstance(widget, viewer.widget) and panel.stack.indexOf(widget) >= 0
        assert panel.viewers[viewer.payload] is widget


def test_a_kind_declared_only_in_the_registry_is_shown(monkeypatch: pytest.MonkeyPatch,
                                                       qapp: object) -> None:
    """A new kind whose preview is an existing payload type needs nothing but its Kind."""
    csv = Kind("table-text", "逗号分隔文本", kinds.Badge("CSV", "#3f7d4e"),
               recognise=lambda _probe: None, preview=kinds.preview_text, thumbnail=False)
    monkeypatch.setitem(kinds._BY_NAME, csv.name, csv)
    pf = PacketFile(name="S1/E1.csv", original_name="a.csv", role="evidence", kind=csv.name,
                    media_type="text/csv", size=9, sha256="0" * 64)
    loaded = load_evidence(lambda _name: "月份,工单量\n".encode(), pf)
    assert loaded.viewer.payload is kinds.TextPayload and loaded.content.text == "月份,工单量\n"
    assert not has_thumbnail(pf)
    with pytest.raises(PanelDeskError, match="没有缩略图"):
        load_thumbnail(lambda _name: b"x", pf, 96)
