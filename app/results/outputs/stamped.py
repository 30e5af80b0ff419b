"""Office packages written so that the same results give the same bytes on the same day.

A zip member records the time it was written (to two seconds), and openpyxl's
`save_workbook` stamps a workbook's "modified" with the current second, so two runs on the
same accepted sheets gave different results.xlsx and report.docx (docs/aggregation.md §6:
without decisions, results are reproducible byte for byte).  The files print the day of
the run; every time inside them is that day at midnight too.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from typing import IO, Any


def stamped(write: Callable[[IO[bytes]], Any], day: date) -> Callable[[IO[bytes]], None]:
    """`write` (e.g. `Document.save`), with `day` at midnight as every member's time."""
    when = (day.year, day.month, day.day, 0, 0, 0)

    def write_stamped(fh: IO[bytes]) -> None:
        package = io.BytesIO()
        write(package)
        with zipfile.ZipFile(package) as source, \
                zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                member = zipfile.ZipInfo(info.filename, when)
                member.compress_type, member.external_attr = info.compress_type, info.external_attr
                target.writestr(member, source.read(info))
    return write_stamped


def workbook_writer(wb: Any) -> Callable[[IO[bytes]], None]:
    """Write `wb` as `openpyxl.save_workbook` does, keeping the "modified" it was given."""
    from openpyxl.writer.excel import ExcelWriter

    def write(fh: IO[bytes]) -> None:
        ExcelWriter(wb, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return write
