"""Results: from the accepted score sheets to rankings, a workbook, a report and JSON.

`panel.load_panel` reads the packet and the organizer database once; `compute` applies
the `scoring` statistics per category; `xlsx`, `docx_report` and `json_out` write the
three files (docs/formats.md §8, docs/aggregation.md).  Qt-free, used by the CLI and the GUI's 结果 screen.
"""
