"""PanelDesk application core (Qt-free): packets, intake, keys, stores, files, CLI."""

__version__ = "0.1.0"
