"""Results: from the accepted score sheets to rankings, a workbook, a report and JSON.

Rooms, each importing only the ones listed before it (docs/aggregation.md):

- `panel`: `load_panel` reads the packet and the organizer database once into a `Panel`;
- `model`: the result types (`Results`, its rows and the row flags) — values, no logic;
- `stats`: method-independent figures (expert statistics, agreement, score bands);
- `engine`: `ResultsEngine(panel)` applies the `scoring` statistics per category —
  `results(method)`, `compare(methods)` — computing the method-independent parts once;
- `explain`: the plain-Chinese wording shared by the files and the GUI;
- `outputs/`: `write_outputs` and one writer per file (`xlsx`, `docx_report`,
  `json_out`; docs/formats.md §8); they take a `Results` and never call the engine.

Qt-free; used by the CLI and the GUI's 结果 screen.
"""
