"""Another call, end to end through the command line: a rubric with three categories and
eight criteria drives intake, review, export, import and results — nothing in the code
knows the default rubric's categories or that it has six criteria."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

from app.cli import main
from scoring.rubric_file import load_rubric
from tests.app.intake import form_factory as ff

RUBRIC = Path(__file__).parent / "fixtures" / "rubrics" / "community-2027.toml"
EXPERTS = ("E1", "E2", "E3")
# Entry → how its form gives the category (check boxes, plain text, another spelling).
ENTRIES = {
    "01-银发食堂": ("☑为老服务 □儿童友好 □邻里互助", "为老服务"),
    "02-老年助浴": ("老年服务", "为老服务"),  # the rubric's other spelling
    "03-四点半课堂": ("□为老服务 ☑儿童友好 □邻里互助", "儿童友好"),
    "04-童趣步道": ("儿童友好类", "儿童友好"),
    "05-楼道议事会": ("□为老服务 □儿童友好 ■邻里互助", "邻里互助"),
    "06-共享工具屋": ("邻 里 互 助", "邻里互助"),
}


def photo(shade: int) -> bytes:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 320, 240), 0)
    pix.clear_with(shade)
    return pix.tobytes("jpeg")


def write_intake(folder: Path) -> Path:
    for i, (name, (category, _expected)) in enumerate(ENTRIES.items()):
        entry = folder / name
        entry.mkdir(parents=True)
        rows = [("申报单位", f"某市某街道社区服务中心{i + 1}"), ("联系人及联系方式", "王芳 13800000000"),
                ("实践类别", category), ("实践标题", f"案例{i + 1}：{name[3:]}"),
                ("核心亮点", "居民参与设计，每周开放。"),
                ("详细内容", "社区调查居民需求后，与物业和志愿者一起设计并运行这项服务，已坚持一年。")]
        (entry / "申报书.docx").write_bytes(ff.table_form(rows))
        (entry / "现场照片.jpg").write_bytes(photo(60 + 20 * i))
    return folder


def scores_for(expert: int, submission: int, criteria: list[str]) -> list[str]:
    # Every expert sees a different but consistent quality; the sum stays within 30..75,
    # so no comment is required.
    return [f"{name}={4 + (submission * 3 + expert + k) % 5}" for k, name in enumerate(criteria)]


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PANELDESK_PASSPHRASE", "correct horse battery")

    def use(who: str) -> Path:
        home = tmp_path / "homes" / who
        monkeypatch.setenv("PANELDESK_HOME", str(home))
        return home

    return use


def run(*argv: str) -> None:
    assert main([str(a) for a in argv]) == 0, argv


def write_roster(tmp_path: Path) -> Path:
    roster = tmp_path / "roster.csv"
    roster.write_text("编号,姓名,单位\n" + "".join(f"{e},专家{e},某研究院\n" for e in EXPERTS),
                      encoding="utf-8")
    return roster


def score_import(homes, tmp_path: Path, packet: Path, db: str, subs: list[str],
                 criteria: list[str]) -> None:
    """Every expert scores every submission with their own key and exports a signed
    sheet; the organizer imports them all, accepting each key."""
    sheets = []
    for e, expert in enumerate(EXPERTS):
        homes(expert)
        run("key", "init")
        for s, sid in enumerate(subs):
            run("review", "set", "--packet", packet, "--expert", expert, sid,
                *scores_for(e, s, criteria))
        sheet = tmp_path / f"{expert}.xlsx"
        run("review", "export", "--packet", packet, "--expert", expert, "-o", sheet)
        sheets.append(sheet)
    homes("organizer")
    run("sheets", "import", *sheets, "--packet", packet, "--db", db,
        *[arg for e in EXPERTS for arg in ("--accept-key", e)])


def test_another_rubric_runs_from_intake_to_results(tmp_path: Path, homes, capsys) -> None:
    rubric = load_rubric(RUBRIC)
    criteria = [c.name for c in rubric.criteria]
    assert len(rubric.categories) == 3 and len(criteria) == 8
    packet, db = tmp_path / "community.panelpack", f"sqlite:///{tmp_path / 'org.db'}"
    roster = write_roster(tmp_path)

    homes("organizer")
    run("key", "init")
    run("packet", "build", write_intake(tmp_path / "intake"), "-o", packet, "--rubric", RUBRIC,
        "--roster", roster, "--report", tmp_path / "report.json")
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["title"] == rubric.packet_title
    assert {e["source"]: e["category"] for e in report["entries"]} == {
        name: expected for name, (_raw, expected) in ENTRIES.items()}
    assert not [w for e in report["entries"] for w in e["warnings"]
                if w in ("category_missing", "image_count", "image_format")]

    capsys.readouterr()
    run("packet", "info", packet, "--json")
    manifest = json.loads(capsys.readouterr().out)
    subs = [s["id"] for s in manifest["submissions"]]
    assert len(subs) == 6

    score_import(homes, tmp_path, packet, db, subs, criteria)
    out = tmp_path / "results"
    run("results", "--packet", packet, "--db", db, "-o", out)
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert data["method"] == "mean"  # the rubric's own method
    assert list(data["categories"]) == list(rubric.categories)
    for rows in data["categories"].values():
        assert [r["place"] for r in rows] == [1, 2] and all(r["n"] == 3 for r in rows)
        assert rows[0]["award"] == "金奖" and rows[1]["award"] == "入围"
        assert float(rows[0]["score"]) <= rubric.max_total()
