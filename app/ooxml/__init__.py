"""Reading Office files (.xlsx, .docx) that may be hostile, with every cost bounded.

Score sheets come back from experts and evidence comes from applicants: a 20 MB file
can hold 170 MB of shared strings, a row of ten million cells or millions of
paragraphs.  General libraries (openpyxl, python-docx) load such parts whole before
anything can be checked, so PanelDesk reads the few parts it needs itself
(`parts`: one zip part, size-capped, streamed through expat with a budget of elements
and no DTD at all), and stops — or cuts and says so — as soon as a bound is reached
(`xlsx`: workbook, shared strings, rows and cells; `docx`: paragraphs and characters).
Limits are documented in docs/formats.md ("Limits").
"""

from app.ooxml.parts import OoxmlError, open_zip

__all__ = ["OoxmlError", "open_zip"]
