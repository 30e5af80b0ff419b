"""The expert's review window and its parts (docs/architecture.md)."""
