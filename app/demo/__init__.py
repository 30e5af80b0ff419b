"""The demo intake folder: realistic, fictional application mails for the 2026 call.

`write_demo_intake(out_dir)` writes them; `DEMO_SUBMISSION_COUNT` and
`DEMO_EXPECTATIONS` describe what a packet built from them should contain.
"""

from app.demo.intake import DEMO_EXPECTATIONS, DEMO_SUBMISSION_COUNT, write_demo_intake

__all__ = ["DEMO_EXPECTATIONS", "DEMO_SUBMISSION_COUNT", "write_demo_intake"]
