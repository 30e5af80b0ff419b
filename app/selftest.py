"""The product's self-test, Qt-free part: the whole expert and organizer flow on the demo.

`PanelDesk --self-test` (see `ui.selftest`, which adds the steps that need Qt) proves that
an installed copy works end to end: the shipped demo packet verifies, a PDF page renders
in a worker process, the CJK fallback font is there, one submission is scored in a
temporary workspace, a sheet is exported and signed with a temporary key, imported and
verified into a temporary organizer database, and results are computed and written.

Every step runs in a temporary folder: `isolate_home()` points `PANELDESK_HOME` at it
before anything reads the user's data folder, so the user's keys, workspaces and
settings are never touched.  A step is a name and a function returning one line of
detail; the first step that raises ends the run, and the exit status is non-zero.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Any

from app.errors import PanelDeskError
from app.paths import resource_path

HOME_ENV = "PANELDESK_HOME"
SHEET_SCORE_SHARE = Decimal("0.8")  # a plausible mark: 80 % of each criterion's maximum
SELF_TEST_COMMENT = "自检评语"
PDF_ZOOM = 0.5
PASSED, FAILED = 0, 1


def demo_packet_path() -> Path:
    return resource_path("demo", "demo.panelpack")


def isolate_home() -> Path:
    """A new temporary folder; `PANELDESK_HOME` points into it from now on (also for the
    render workers, which inherit the environment).  Returns the folder."""
    work = Path(tempfile.mkdtemp(prefix="paneldesk-selftest-"))
    home = work / "home"
    home.mkdir()
    os.environ[HOME_ENV] = str(home)
    return work


@dataclass
class SelfTest:
    """What the steps share: the temporary folder, the packet, and what earlier steps made."""

    work: Path
    packet_path: Path = field(default_factory=demo_packet_path)
    packet: Any = None
    session: Any = None
    expert_id: str = ""
    submission_id: str = ""
    sheet: Path | None = None
    closers: list[Callable[[], None]] = field(default_factory=list)

    @property
    def home(self) -> Path:
        return self.work / "home"

    @property
    def db_url(self) -> str:
        return f"sqlite:///{(self.work / 'organizer.db').as_posix()}"

    def opened_packet(self) -> Any:
        if self.packet is None:
            from app.packet import open_packet

            self.packet = open_packet(self.packet_path)
            self.closers.append(self.packet.close)
        return self.packet

    def member(self, suffixes: tuple[str, ...]) -> tuple[str, bytes]:
        """The first packet file whose name ends with one of `suffixes`, and its bytes."""
        packet = self.opened_packet()
        for name in packet.manifest.files():
            if name.lower().endswith(suffixes):
                return name, packet.read(name)
        raise PanelDeskError(f"评审包中没有 {'/'.join(suffixes)} 文件")

    def close(self) -> None:
        """Close what the steps opened (newest first) and delete the temporary folder."""
        while self.closers:
            try:
                self.closers.pop()()
            except Exception:  # noqa: BLE001 — cleaning up must not hide the test's outcome
                pass
        shutil.rmtree(self.work, ignore_errors=True)


@dataclass(frozen=True)
class Step:
    """One check: `name` is printed, and named when it fails; `run` returns a detail line."""

    name: str
    run: Callable[[SelfTest], str]


def run_steps(steps: Iterable[Step], state: SelfTest,
              out: Callable[[str], None] = print) -> int:
    """Run `steps` in order, one line each; stop at the first failure.  The exit status."""
    for step in steps:
        started = time.perf_counter()
        try:
            detail = step.run(state)
        except Exception as err:  # noqa: BLE001 — any failure is reported, named by its step
            out(f"[失败] {step.name}：{type(err).__name__}: {err}")
            out(f"自检失败：步骤 {step.name}")
            return FAILED
        out(f"[通过] {step.name}：{detail}（{time.perf_counter() - started:.2f} s）")
    out("自检通过")
    return PASSED


# ------------------------------------------------------------------ the steps

def check_packet(state: SelfTest) -> str:
    packet = state.opened_packet()
    packet.verify_all()
    files = packet.manifest.files()
    return (f"{state.packet_path.name} 签名与 {len(files)} 个文件的哈希均有效，"
            f"{len(packet.manifest.submissions)} 份申报")


def check_font(_state: SelfTest) -> str:
    from app.fonts import bundled_cjk_font

    data = bundled_cjk_font()
    if len(data) < 1_000_000:  # Droid Sans Fallback is ~3.5 MB; less is not the CJK font
        raise PanelDeskError(f"中文备用字体只有 {len(data)} 字节")
    return f"中文备用字体 {len(data) // 1024} KB"


def check_render(state: SelfTest) -> str:
    from app.render.pool import RenderPool

    name, data = state.member((".pdf",))
    pool = RenderPool(size=1)
    try:
        pages = pool.page_count(data)
        page = pool.render_page(data, 0, PDF_ZOOM)
        workers = pool.worker_pids
    finally:
        pool.close()
    if not workers or os.getpid() in workers:
        raise PanelDeskError("PDF 没有在单独的渲染进程中渲染")
    if page.width <= 0 or len(page.samples) < page.stride * page.height:
        raise PanelDeskError("渲染结果不完整")
    return f"{name} 共 {pages} 页，第 1 页 {page.width}×{page.height} 像素（渲染进程 {workers[0]}）"


def check_scoring(state: SelfTest) -> str:
    from app.workspace import ReviewSession, decimal_text

    packet = state.opened_packet()
    manifest = packet.manifest
    expert = next(e for e in manifest.roster if manifest.assignments.get(e.id))
    state.expert_id = expert.id
    state.submission_id = manifest.assignments[expert.id][0]
    session = ReviewSession(packet, expert.id, state.home)
    state.session = session
    state.closers.append(session.close)
    values = {c.id: _plausible(c.max, session.rubric.step) for c in session.rubric.criteria}
    session.set_scores(state.submission_id, values)
    if session.comment_required(state.submission_id):
        session.set_comment(state.submission_id, SELF_TEST_COMMENT)
    total = session.total(state.submission_id)
    if total is None:
        raise PanelDeskError("评分已保存，但总分未算出")
    return (f"专家 {expert.id} 为申报 {state.submission_id} 评分，总分 {decimal_text(total)}"
            f"（临时工作区）")


def _plausible(maximum: Decimal, step: Decimal) -> str:
    steps = (Decimal(maximum) * SHEET_SCORE_SHARE / step).to_integral_value(ROUND_FLOOR)
    return str(steps * step)


def check_export(state: SelfTest) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.keys import fingerprint, format_fingerprint, public_key_bytes
    from app.sheets.export import export_sheet

    if state.session is None:
        raise PanelDeskError("没有可导出的评分（评分步骤未完成）")
    key = Ed25519PrivateKey.generate()  # a throw-away key: the user's own is never unlocked
    result = export_sheet(state.session, key, state.work / "self-test-sheet.xlsx",
                          allow_partial=True)
    state.sheet = result.path
    fp = format_fingerprint(fingerprint(public_key_bytes(key)))
    return f"已签名导出第 {result.version} 版评分表，{result.rows} 行（临时密钥 {fp[:9]}…）"


def check_import(state: SelfTest) -> str:
    from app.sheets.importer import VALID, import_sheets
    from app.sheets.orgdb import OrgDB

    if state.sheet is None:
        raise PanelDeskError("没有可导入的评分表（导出步骤未完成）")
    with OrgDB(state.db_url) as db:
        outcome = import_sheets([state.sheet], state.opened_packet(), db,
                                accept_keys=[state.expert_id])[0]
    if outcome.outcome != VALID:
        raise PanelDeskError(f"评分表导入结果为 {outcome.outcome}：{outcome.explanation}")
    return f"签名核验通过并导入临时组织方数据库（{outcome.outcome}）"


def check_results(state: SelfTest) -> str:
    from app.results.engine import ResultsEngine
    from app.results.outputs import write_outputs
    from app.results.panel import load_panel

    panel = load_panel(state.packet_path, state.db_url)
    engine = ResultsEngine(panel)
    results = engine.results(panel.rubric.aggregation.method)
    ranked = [row.id for rows in results.rankings.values() for row in rows]
    if state.submission_id not in ranked:
        raise PanelDeskError(f"结果中没有已评分的申报 {state.submission_id}")
    written = write_outputs(panel, results, state.work / "results", comparison=engine.compare())
    return (f"{len(panel.marks)} 条有效评分，按 {results.method} 汇总；写出 "
            + "、".join(p.name for p in written))


# The order is the flow: packet → evidence → marks → sheet → organizer → results.  The GUI
# adds its steps around these (`ui.selftest`).
PACKET_STEP = Step("packet", check_packet)
EVIDENCE_STEPS = (Step("font", check_font), Step("render", check_render))
FLOW_STEPS = (Step("score", check_scoring), Step("export", check_export),
              Step("import", check_import), Step("results", check_results))


def core_steps() -> list[Step]:
    """Every Qt-free step, in order."""
    return [PACKET_STEP, *EVIDENCE_STEPS, *FLOW_STEPS]
