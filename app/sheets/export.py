"""Expert side: check, then write the signed score workbook (docs/formats.md §5).

`check_before_export()` lists what is missing; `export_sheet()` refuses an incomplete
sheet unless `allow_partial`, and then marks it 部分评分（未完成） in the sheet and in the
signed payload.  The workbook is meant to be printed: a title block, 评分表 with a frozen
header and number formats, 说明 with the rubric summary, the key fingerprint and a line
for a hand signature.  The hidden sheet 签名 and the custom document properties carry
the signed payload, the signature and the public key (conveniences, not security: the
signature is what protects the content).

Layout (shared with `verify.py`): 评分表 title block rows 1–5, header on row 6, one row
per submission from row 7; columns 编号, 类别, 标题, each criterion (rubric order), 总分,
标记, 评语, 回避, 回避理由.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.atomic import save_atomic
from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message, recognise
from app.keys import b64, fingerprint, format_fingerprint, public_key_bytes, sign
from app.rubrics import COMMENT_RULES
from app.sheets.payload import (
    PARTIAL_MARK,
    build_payload,
    canonical_rows,
    normalize_text,
    now_iso,
    payload_hash,
    record_export,
    reserve_version,
    session_rows,
    signed_bytes,
)
from app.sheets.values import ValueProblem, explain, sheet_problems, stored_problems
from app.workspace.flags import FLAG_CONTEXT, FLAG_LABELS
from scoring.totals import canonical_decimal

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.workspace import ReviewSession

SCORE_SHEET, NOTES_SHEET, SIGNATURE_SHEET = "评分表", "说明", "签名"
HEADER_ROW = 6
FIRST_ROW = HEADER_ROW + 1
LEAD_HEADERS = ("编号", "类别", "标题")
TAIL_HEADERS = ("总分", "标记", "评语", "回避", "回避理由")
CHUNK = 30000  # below Excel's 32 767-character cell limit
CELL_LIMIT = 32767
FIELD_TEXT = {"title": "标题", "comment": "评语", "recusal_reason": "回避理由"}
SIG_FORMAT = "paneldesk-sheet-signature"
PROP_PREFIX = "paneldesk."
# What the pre-export check finds missing, one line each (the interface translates them).
CHECK = "ExportCheck"
NOT_SCORED = QT_TRANSLATE_NOOP("ExportCheck", "{sid} 尚未评分")
MISSING_CRITERIA = QT_TRANSLATE_NOOP("ExportCheck", "{sid} 缺少评分项：{criteria}")
COMMENT_MISSING = QT_TRANSLATE_NOOP("ExportCheck", "{sid} {reason}")
NO_CATEGORY = QT_TRANSLATE_NOOP("ExportCheck", "{sid} 标记了“类别不符”但未写明建议类别")
FLAG_UNEXPLAINED = QT_TRANSLATE_NOOP("ExportCheck", "{sid} 标记了“{flags}”但评语中未作说明")
IMPOSSIBLE_VALUES = QT_TRANSLATE_NOOP("ExportCheck", "工作区 {path} 中有 {count} 处数值不符合评审细则，"
                                      "不能导出评分表：{problems}")


def headers(criteria: list[tuple[str, Any]]) -> list[str]:
    """The 评分表 header row for criteria given as (name, max)."""
    return [*LEAD_HEADERS, *(f"{n}（满分{canonical_decimal(m)}）" for n, m in criteria),
            *TAIL_HEADERS]


@dataclass
class ExportResult:
    path: Path
    version: int
    partial: bool
    missing: list[str]
    payload_hash: str
    rows: int


def check_before_export(session: ReviewSession) -> list[str]:
    """What is missing, one Chinese line each: unscored, missing required comments,
    flags without an explanation.  Recused submissions need nothing more.  A stored
    score the rubric does not allow (a workspace changed outside PanelDesk) is refused
    first, every such cell named."""
    ws = session.workspace
    _refuse(session, stored_problems(ws.stored_scores(), session.rubric, session.assigned))
    all_scores, comments, all_flags = ws.all_scores(), ws.all_comments(), ws.all_flags()
    recusals = ws.recusals()
    problems: list[str] = []
    for sid in sorted(session.assigned):
        if sid in recusals:
            continue
        scores = all_scores.get(sid, {})
        missing = [c.name for c in session.rubric.criteria if c.id not in scores]
        if len(missing) == len(session.rubric.criteria):
            problems.append(Message(CHECK, NOT_SCORED, sid=sid))
        elif missing:
            problems.append(Message(CHECK, MISSING_CRITERIA, sid=sid, criteria=missing))
        reason = session.comment_required(sid)
        if reason and not comments.get(sid):
            problems.append(Message(CHECK, COMMENT_MISSING, sid=sid,
                                    reason=recognise(reason, COMMENT_RULES)))
        flags = all_flags.get(sid, {})
        if "wrong_category" in flags and not flags["wrong_category"]:
            problems.append(Message(CHECK, NO_CATEGORY, sid=sid))
        if flags and not comments.get(sid):
            labels = [Message(FLAG_CONTEXT, FLAG_LABELS[f]) for f in flags]
            problems.append(Message(CHECK, FLAG_UNEXPLAINED, sid=sid, flags=labels))
    return problems


def export_sheet(session: ReviewSession, key: Ed25519PrivateKey, out_path: Path | str, *,
                 allow_partial: bool = False) -> ExportResult:
    """Write the signed workbook to `out_path` atomically; returns what was written."""
    out_path = Path(out_path)
    missing = check_before_export(session)
    if missing and not allow_partial:
        shown = "；".join(missing[:10]) + ("……" if len(missing) > 10 else "")
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Sheets", "评分尚未完成，不能导出正式评分表（共 {count} 项）：{shown}。如确需提交，请以“部分评分”方式导出（--partial）"),
            count=len(missing), shown=shown))
    partial = bool(missing)
    public = public_key_bytes(key)
    fp = fingerprint(public)
    if session.expert.fingerprint and session.expert.fingerprint != fp:
        raise PanelDeskError(
            Message(QT_TRANSLATE_NOOP(
            "Sheets", "本机密钥（指纹 {fp}）与评审包中为专家 {expert_id} 登记的指纹（{fingerprint}）不一致，组织方将无法认可此评分表；请使用登记的密钥，或联系组织方重新登记"),
            fp=format_fingerprint(fp), expert_id=session.expert_id, fingerprint=format_fingerprint(session.expert.fingerprint)))
    rows = session_rows(session)
    _refuse_overlong_cells(rows)
    canonical = canonical_rows(rows)
    _refuse_impossible_values(session, canonical)
    version = reserve_version(session)
    exported_at = now_iso()
    payload = build_payload(session, canonical, version=version, key_fingerprint=fp,
                            partial=partial, exported_at=exported_at)
    data = signed_bytes(payload)
    signature = sign(key, data)
    wb = _workbook_or_refuse(session, rows, payload, data, signature, public)
    save_atomic(wb.save, out_path, "评分表")
    digest = payload_hash(payload)
    record_export(session, version, digest, out_path.name)
    return ExportResult(out_path, version, partial, missing, digest, len(rows))


# ------------------------------------------------------------------ workbook

def _workbook(session: ReviewSession, rows: list[dict[str, Any]], payload: dict[str, Any],
              data: bytes, signature: bytes, public: bytes) -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = SCORE_SHEET
    _score_sheet(ws, session, rows, payload)
    _notes_sheet(wb.create_sheet(NOTES_SHEET), session, payload)
    _signature_sheet(wb, data, signature, public, payload)
    wb.properties.title = f"评分表 {session.packet_id} {session.expert_id} v{payload['version']}"
    wb.properties.creator = "PanelDesk 评审台"
    return wb


def _workbook_or_refuse(session: ReviewSession, rows: list[dict[str, Any]],
                        payload: dict[str, Any], data: bytes, signature: bytes,
                        public: bytes) -> Any:
    """The workbook; a packet whose texts hold control characters no cell may contain
    (ESC, NUL …) cannot be exported: say so rather than fail inside openpyxl."""
    from openpyxl.utils.exceptions import IllegalCharacterError

    try:
        return _workbook(session, rows, payload, data, signature, public)
    except IllegalCharacterError as err:
        shown = repr(str(err).split(" cannot be used")[0])[:80]
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Sheets", "评审包“{packet_id}”中的文字含有评分表无法保存的控制字符（{shown}），不能导出评分表；请联系组织方"),
            packet_id=session.packet_id, shown=shown)) from None


def _text(cell: Any, value: Any) -> None:
    # Force a string cell: a title such as "=HYPERLINK(…)" must never become a formula.
    cell.value = value
    if value is not None:
        cell.data_type = "s"


def _score_sheet(ws: Any, session: ReviewSession, rows: list[dict[str, Any]],
                 payload: dict[str, Any]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    criteria = list(session.rubric.criteria)
    head = headers([(c.name, c.max) for c in criteria])
    for row, line in enumerate(title_lines(session.manifest, session.expert, payload), 1):
        _text(ws.cell(row, 1), line)
    ws.cell(1, 1).font = Font(size=16, bold=True)
    if payload["partial"]:
        ws.cell(5, 1).font = Font(bold=True, color="C00000")
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, text in enumerate(head, 1):
        cell = ws.cell(HEADER_ROW, col)
        _text(cell, text)
        cell.font, cell.fill, cell.border = Font(bold=True), fill, border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    n_crit = len(criteria)
    total_col = len(LEAD_HEADERS) + n_crit + 1
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, FIRST_ROW):
        values: list[Any] = [row["id"], row["category"], row["title"],
                             *(row["scores"][c.id] for c in criteria), row["total"],
                             row["flags"], row["comment"], row["recused"], row["recusal_reason"]]
        for col, value in enumerate(values, 1):
            cell = ws.cell(r, col)
            if len(LEAD_HEADERS) < col <= total_col:
                cell.value = value  # Decimal: written as a number
                cell.number_format = "0.0"
            else:
                _text(cell, normalize_text(value))
            cell.border = border
            cell.alignment = wrap
    widths = [8, 10, 30, *([9] * n_crit), 8, 16, 40, 6, 20]
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(FIRST_ROW, len(LEAD_HEADERS) + 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight = 0


def _notes_sheet(ws: Any, session: ReviewSession, payload: dict[str, Any]) -> None:
    from openpyxl.styles import Alignment, Font

    lines = notes_lines(session.manifest, session.expert, session.rubric, payload)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 90
    _text(ws.cell(1, 1), NOTES_TITLE)
    ws.cell(1, 1).font = Font(size=14, bold=True)
    for r, (label, text) in enumerate(lines, 3):
        _text(ws.cell(r, 1), label or None)
        _text(ws.cell(r, 2), text or None)
        ws.cell(r, 1).font = Font(bold=True)
        ws.cell(r, 2).alignment = Alignment(wrap_text=True, vertical="top")


# ------------------------------------------------------------------ printed, not signed
# What the title block and the 说明 sheet say follows from the packet and the signed
# payload; the importer compares a returned sheet with these, so an edit there is
# noticed although those cells are not signed (docs/formats.md §5).

NOTES_TITLE = "评分说明"


def title_lines(manifest: Any, expert: Any, payload: dict[str, Any]) -> list[str]:
    """Rows 1–5 of the 评分表 (column A)."""
    lines = [f"{manifest.title} · 专家评分表",
             f"评审专家：{expert.name}（{expert.organization}） 专家编号：{expert.id}",
             f"评审包：{manifest.title}（编号 {manifest.packet_id}）",
             f"导出时间：{payload['exported_at']}  版本：第 {payload['version']} 版"]
    return lines + ([PARTIAL_MARK] if payload["partial"] else [])


def notes_lines(manifest: Any, expert: Any, rubric: Any,
                payload: dict[str, Any]) -> list[tuple[str, str]]:
    """The 说明 sheet from row 3: (label in A, text in B)."""
    lines: list[tuple[str, str]] = [
        ("评审包", f"{manifest.title}（编号 {manifest.packet_id}）"),
        ("评审专家", f"{expert.name}（{expert.organization}），编号 {expert.id}"),
        ("导出时间", payload["exported_at"]),
        ("版本", f"第 {payload['version']} 版"),
        ("状态", PARTIAL_MARK if payload["partial"] else "评分完成"),
        ("密钥指纹", format_fingerprint(payload["key_fingerprint"])),
        ("评分细则", f"{rubric.name}（{rubric.version}），步长 {canonical_decimal(rubric.step)} 分"),
    ]
    for c in rubric.criteria:
        lines.append((f"  {c.name}", f"满分 {canonical_decimal(c.max)}：{c.description}"))
    lines += [
        ("说明", "本表由评审台导出并以专家密钥电子签名；评分表中的分值、评语、标记和回避"
                 "如被改动，组织方导入时将逐格指出差异。请勿修改后再提交。"),
        ("", ""),
        ("专家签字", "________________________    日期：____________"),
    ]
    return lines


def expected_printed(manifest: Any, expert: Any, rubric: Any,
                     payload: dict[str, Any]) -> dict[str, str]:
    """Every printed, unsigned cell an export writes: "评分表!A2" / "说明!B8" → text."""
    from openpyxl.utils import get_column_letter

    out = {f"{SCORE_SHEET}!A{row}": line
           for row, line in enumerate(title_lines(manifest, expert, payload), 1)}
    head = headers([(c.name, c.max) for c in rubric.criteria])
    out.update({f"{SCORE_SHEET}!{get_column_letter(col)}{HEADER_ROW}": text
                for col, text in enumerate(head, 1)})
    out[f"{NOTES_SHEET}!A1"] = NOTES_TITLE
    for row, (label, text) in enumerate(notes_lines(manifest, expert, rubric, payload), 3):
        if label:
            out[f"{NOTES_SHEET}!A{row}"] = label
        if text:
            out[f"{NOTES_SHEET}!B{row}"] = text
    return out


def _signature_sheet(wb: Any, data: bytes, signature: bytes, public: bytes,
                     payload: dict[str, Any]) -> None:
    from openpyxl.packaging.custom import StringProperty

    ws = wb.create_sheet(SIGNATURE_SHEET)
    ws.sheet_state = "hidden"
    text = b64(data)
    chunks = [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]
    items = [("format", SIG_FORMAT), ("public_key", b64(public)),
             ("signature", b64(signature)), ("fingerprint", payload["key_fingerprint"]),
             ("payload_chunks", str(len(chunks)))]
    items += [("payload", chunk) for chunk in chunks]
    for r, (name, value) in enumerate(items, 1):
        _text(ws.cell(r, 1), name)
        _text(ws.cell(r, 2), value)
    for name, value in (("format", SIG_FORMAT), ("payload", text),
                        ("signature", b64(signature)), ("public_key", b64(public)),
                        ("expert_id", payload["expert_id"]),
                        ("version", str(payload["version"]))):
        wb.custom_doc_props.append(StringProperty(name=PROP_PREFIX + name, value=value))


def _refuse_impossible_values(session: ReviewSession, canonical: list[dict[str, Any]]) -> None:
    """A workspace changed outside PanelDesk (1000 points, a total that does not add up)
    cannot produce a signed sheet: the same checks the organizer's import makes."""
    categories = {sid: session.submission(sid).category for sid in session.assigned}
    _refuse(session, sheet_problems({"criteria": [c.id for c in session.rubric.criteria],
                                     "rows": canonical}, session.rubric, categories))


def _refuse(session: ReviewSession, problems: list[ValueProblem]) -> None:
    if problems:
        raise PanelDeskError(Message(CHECK, IMPOSSIBLE_VALUES, path=session.workspace.path,
                                     count=len(problems), problems=explain(problems)))


def _refuse_overlong_cells(rows: list[dict[str, Any]]) -> None:
    """A text longer than a cell holds would be cut when written and the sheet would not
    verify: say so instead (a workspace of an older version may hold such a comment)."""
    for row in rows:
        for key in ("title", "comment", "recusal_reason"):
            value = row.get(key)
            if isinstance(value, str) and len(value) > CELL_LIMIT:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "Sheets", "申报 {row} 的{field_text}过长（{count} 字），评分表单元格最多容纳 {cell_limit} 字，不能导出；请精简后再导出"),
                    row=row['id'], field_text=FIELD_TEXT[key], count=len(value), cell_limit=CELL_LIMIT))
