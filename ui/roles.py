"""The item-data roles PanelDesk's models share, defined once.

Views sort on `SORT_ROLE` (numbers as numbers, ids in natural order) and find a row's
record by `ID_ROLE` or `KEY_ROLE`; giving each role one value keeps a proxy written for one
model working on another.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # the value a column sorts by
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the id of the row's submission
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # the row's own key where it is not a submission
ROW_ROLE = Qt.ItemDataRole.UserRole + 4  # the row's whole record
