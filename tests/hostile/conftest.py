"""The hostile suite reuses the score-sheet fixtures: a small signed packet, E1's
filled workspace, a signed sheet, the organizer database."""

from tests.app.sheets.conftest import (  # noqa: F401 — fixtures, found by name
    db,
    filled,
    home,
    key,
    packet,
    packet_path,
    session,
    sheet,
)
