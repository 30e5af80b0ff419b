"""How the roster changes when it is not typed in: a roster file imported (merged into the
roster, or replacing it once the organizer has seen who goes) and a key accepted at
导入评分表.  Each returns the new roster (or None: nothing to save) and the words for the
audit log or the status bar; `PanelPage` saves it through `Round.set_roster`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.keys import format_fingerprint
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


def with_accepted_key(current: list[Expert], expert_id: str, fingerprint: str
                      ) -> tuple[list[Expert] | None, str]:
    """(the roster with the key enrolled, or None to leave it; what to tell the organizer).

    An expert without a fingerprint gets it; one with a different fingerprint keeps it —
    never overwritten unseen — and the organizer is told to compare and enrol by hand."""
    old = next((e for e in current if e.id == expert_id), None)
    if old is None or old.fingerprint == fingerprint:
        return None, ""
    if old.fingerprint:
        return None, QCoreApplication.translate(
            "RosterChanges", "名单中 {id} {name} 已登记另一个指纹（{enrolled}），未改为导入时接受的指纹"
            "（{accepted}）；如需更换，请核对后用“登记指纹…”。").format(
                id=old.id, name=old.name, enrolled=format_fingerprint(old.fingerprint),
                accepted=format_fingerprint(fingerprint))
    new = Expert(old.id, old.name, old.organization, fingerprint)
    return [new if e is old else e for e in current], QCoreApplication.translate(
        "RosterChanges", "已把导入时接受的指纹登记到名单：{id} {name}").format(id=old.id, name=old.name)
