"""The three results files, written together: results.xlsx, report.docx and results.json.

Each writer is one module (`xlsx`, `docx_report`, `json_out`) that reads a `Panel` and
its `Results` (app/results/model.py) and nothing of the engine; `write_outputs` puts the
three side by side in one folder (docs/formats.md §8).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from app.results.model import Results
from app.results.outputs.docx_report import write_report
from app.results.outputs.json_out import write_json
from app.results.outputs.xlsx import write_workbook
from app.results.panel import Panel


def write_outputs(panel: Panel, results: Results, out_dir: Path, *,
                  comparison: dict[str, dict[str, int]] | None = None,
                  generated: date | None = None) -> list[Path]:
    """Write results.xlsx, report.docx and results.json into `out_dir`; their paths.

    `comparison` (from `ResultsEngine.compare`) adds the 方法对比 sheet; `generated` is the
    date printed in the files (default today) — the only thing that differs between
    two runs on the same accepted sheets.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Results", "输出位置 {out_dir} 已存在且不是文件夹"),
            out_dir=out_dir))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Results", "无法创建输出文件夹 {out_dir}：{reason}"),
            out_dir=out_dir, reason=err.strerror or err)) from None
    return [write_workbook(panel, results, out_dir / "results.xlsx", generated=generated,
                           comparison=comparison),
            write_report(panel, results, out_dir / "report.docx", generated=generated),
            write_json(panel, results, out_dir / "results.json")]
