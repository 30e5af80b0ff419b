"""The organizer's review reads an entry exactly as the builder does: the same fields and
the same warnings (but the duplicate check, which needs every entry), with or without edits."""

from __future__ import annotations

from pathlib import Path

from app.assembly.builder import BuildOptions, build_packet
from app.assembly.scan import effective, entry_stamp, scan_entry, scan_folder
from app.intake.roster import default_roster
from app.keys import demo_signing_key
from app.organizer.decisions import EntryDecision, IntakeDecisions
from app.rubrics import load_default_rubric
from tests.app.assembly.test_builder import intake  # noqa: F401 — the shared fixture

RUBRIC = load_default_rubric()


def test_review_and_build_agree(intake: Path, tmp_path: Path) -> None:  # noqa: F811
    edits = {"05 某县热线.zip": {"category": RUBRIC.categories[0], "title": "新标题"},
             "03 低分辨率与身份证": {"highlights": ""}}
    decisions = IntakeDecisions({s: EntryDecision(fields=f) for s, f in edits.items()})
    options = BuildOptions(rubric=RUBRIC, roster=default_roster(), title="t",
                           keep_contacts=True, decisions=decisions)
    report = build_packet(intake, tmp_path / "p.panelpack", demo_signing_key(), options)
    for result in report.entries:
        scanned = scan_entry(intake / result.source, RUBRIC)
        if result.status == "rejected":
            assert scanned.rejected == result.reason
            continue
        fields, warnings = effective(scanned, edits.get(result.source, {}), RUBRIC)
        built = result.submission
        assert fields == built.fields
        assert [w.code for w in warnings] == [w.code for w in built.warnings
                                             if w.code != "duplicate"]
        assert [w.message for w in warnings if not w.file] == [
            w.message for w in built.warnings if not w.file and w.code != "duplicate"]
    zipped = scan_entry(intake / "05 某县热线.zip", RUBRIC)
    assert "unsafe_archive" in [w.code for w in zipped.evidence_warnings]


def test_rescan_reads_only_new_or_changed_entries(intake: Path) -> None:  # noqa: F811
    seen: list[str] = []
    names = scan_folder(intake, RUBRIC, {}, lambda e: seen.append(e.source))
    assert seen == names and len(names) == 6
    known = {name: entry_stamp(intake / name) for name in names}
    (intake / "01 某市热线-感动瞬间" / "补充.txt").write_text("补充说明", encoding="utf-8")
    seen.clear()
    progress: list[tuple[int, int, str]] = []
    scan_folder(intake, RUBRIC, known, lambda e: seen.append(e.source),
                progress=lambda *p: progress.append(p))
    assert seen == ["01 某市热线-感动瞬间"] and progress[-1] == (1, 1, "")
    seen.clear()
    scan_folder(intake, RUBRIC, {}, lambda e: seen.append(e.source), cancelled=lambda: True)
    assert seen == []
