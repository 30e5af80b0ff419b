"""How the roster changes when it is not typed in: a roster file imported (merged into the
roster, or replacing it once the organizer has seen who goes).  Each returns the new
roster (or None: nothing to save) and the words for the audit log; `PanelPage` saves it
through `Round.set_roster`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.model import Expert
from app.organizer.panel import merged_roster, replaced_roster
from ui.organizer.panel_dialogs import MERGE, REPLACE


def imported_roster(questions: Any, parent: QWidget, current: list[Expert],
                    from_file: list[Expert], file_name: str, packet_built: bool
                    ) -> tuple[list[Expert], str] | None:
    """(the roster, the audit reason) after importing `from_file` as the organizer chooses,
    or None when they cancel the question or the confirmation of 替换."""
    mode = questions.roster_import(parent, file_name, len(from_file), packet_built)
    if mode == MERGE:
        return merged_roster(current, from_file), f"import {file_name} (merge)"
    if mode == REPLACE:
        roster, removed = replaced_roster(current, from_file)
        if not removed or questions.confirm_replace(parent, removed):
            return roster, f"import {file_name} (replace)"
    return None

