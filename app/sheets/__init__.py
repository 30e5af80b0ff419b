"""Signed score sheets: the expert's export and the organizer's verified import (issue 4).

`export.export_sheet` writes the workbook, `verify.verify_sheet` reads one safely and
compares it with its signature, `importer.import_sheets` turns files into outcomes and
organizer-database rows (`orgdb`).  See docs/formats.md §5–7.
"""
