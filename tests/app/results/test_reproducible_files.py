"""Two results runs on the same accepted sheets on the same day give the same bytes (issue 12).

Found by the held-out CLI scenario "run twice, compare files": results.json matched, but
results.xlsx and report.docx differed — every zip member carried the time of writing and
openpyxl stamped the workbook's "modified" with the current second.  Only the date printed
in the files (the day of the run) may differ between runs.
"""

from __future__ import annotations

import time
import zipfile
from datetime import date

from app.results.engine import ResultsEngine
from app.results.outputs import write_outputs
from tests.app.results.helpers import make_panel

DAY = date(2026, 4, 1)


def test_the_same_day_gives_byte_identical_files(tmp_path, db, monkeypatch) -> None:
    marks = {e: {"S1": 90 - i, "S2": 70 + i, "S3": 80} for i, e in enumerate(("E1", "E2", "E3"))}
    panel = make_panel(tmp_path, db, marks)[1]
    engine = ResultsEngine(panel)
    first = write_outputs(panel, engine.results(), tmp_path / "a", comparison=engine.compare(),
                          generated=DAY)
    # An hour later by the clock zip members are stamped with (not waited for).
    later = time.time() + 3600
    monkeypatch.setattr(time, "time", lambda: later)
    second = write_outputs(panel, engine.results(), tmp_path / "b", comparison=engine.compare(),
                           generated=DAY)
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    for path in first[:2]:
        with zipfile.ZipFile(path) as archive:
            assert {m.date_time for m in archive.infolist()} == {(2026, 4, 1, 0, 0, 0)}
            assert "2026-04-01T00:00:00Z" in archive.read("docProps/core.xml").decode()
