"""The organizer's screens for `tools/screenshots.py`: import and results.

Seven demo experts score the demo packet with a fixed pseudo-random pattern (the same
pictures every run), export signed sheets, and the organizer window imports them into a
throw-away database: the 导入评分表 page after the import (one sheet's key not yet
checked, so the fingerprint step shows) and the 结果 page's rankings and distribution.
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable
from pathlib import Path

PASSPHRASE = "demo"
SIZE = (1366, 820)


def _sheets(packet_path: Path, work: Path) -> list[Path]:
    """Every roster expert's signed sheet, scored with a per-expert leniency."""
    from app.keys import KeyStore
    from app.packet import open_packet
    from app.sheets.export import export_sheet
    from app.workspace import ReviewSession

    rnd = random.Random(2026)
    sheets = []
    saved_home = os.environ.get("PANELDESK_HOME")
    with open_packet(packet_path) as packet:
        for expert in packet.manifest.roster:
            os.environ["PANELDESK_HOME"] = str(work / f"expert-{expert.id}")
            store = KeyStore()
            store.create(PASSPHRASE)
            lenient = rnd.uniform(-0.06, 0.06)
            with ReviewSession(packet, expert.id) as session:
                for sid in sorted(session.assigned):
                    quality = rnd.uniform(0.6, 0.92) + lenient
                    session.set_scores(sid, {
                        c.id: str(round(float(c.max) * min(1.0, quality + rnd.uniform(-.08, .08))
                                        * 2) / 2) for c in session.rubric.criteria})
                    session.set_comment(sid, "事例具体，佐证较充分。")
                sheets.append(export_sheet(session, store.unlock(PASSPHRASE),
                                           work / "sheets" / f"{expert.id}.xlsx").path)
    if saved_home is not None:
        os.environ["PANELDESK_HOME"] = saved_home
    return sheets


def organizer_shots(packet_path: Path, out: Path, work: Path,
                    settle: Callable[..., None], grab: Callable[..., Path]) -> None:
    from PySide6.QtCore import QCoreApplication

    from app.packet import open_packet
    from app.results.panel import panel_from
    from app.sheets.importer import import_sheets
    from app.sheets.orgdb import OrgDB
    from ui.organizer.results_page import ResultsPage
    from ui.organizer.window import OrganizerWindow
    from ui.task_runner import SyncTaskRunner

    (work / "sheets").mkdir(parents=True, exist_ok=True)
    sheets = _sheets(packet_path, work)
    url = f"sqlite:///{work / 'organizer.db'}"
    packet = open_packet(packet_path)
    with OrgDB(url) as db:  # all keys but the first checked already, as after a phone call
        import_sheets(sheets[1:], packet, db, accept_keys=[s.stem for s in sheets[1:]])

    def load_panel():
        with OrgDB(url) as db:
            return panel_from(packet, db)

    runner = SyncTaskRunner()
    results = ResultsPage(runner, load_panel)
    window = OrganizerWindow(runner, packet, lambda: OrgDB(url),
                             pages_extra=[(QCoreApplication.translate("OrganizerLaunch", "结果"),
                                           results)])
    window.resize(*SIZE)
    window.show()
    window.import_page.import_paths([sheets[0], *sheets[1:3]])
    settle()
    grab(window, out / "organizer_import.png")
    results.refresh()
    window.tabs.setCurrentWidget(results)
    settle()
    grab(window, out / "organizer_results.png")
    results.tabs.setCurrentIndex(2)
    settle()
    grab(window, out / "organizer_experts.png")
    window.close()
    packet.close()
