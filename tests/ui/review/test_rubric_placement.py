"""The rubric panel is built inside the right column, where the placeholder (or the
previous packet's panel) was, and the column keeps the shares the expert gave it."""

from __future__ import annotations

from tests.ui.review_helpers import Calls, write_review_packet


def test_rubric_panel_takes_the_placeholders_place_and_share(make_window, packet_path,
                                                            tmp_path):
    window = make_window(Calls())
    window.resize(1400, 900)
    window.show()
    splitter = window.right_splitter
    splitter.setSizes([300, 500])
    before = splitter.sizes()
    window.open_path(packet_path)
    first = window.rubric_panel
    assert splitter.count() == 2 and splitter.widget(1) is first
    assert splitter.sizes() == before
    window.open_path(write_review_packet(tmp_path / "other.panelpack", packet_id="UI-OTHER"))
    assert window.rubric_panel is not first and splitter.widget(1) is window.rubric_panel
    assert splitter.count() == 2 and splitter.sizes() == before
