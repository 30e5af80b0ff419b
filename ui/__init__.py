"""PanelDesk desktop interface — the only package that imports Qt (PySide6)."""
