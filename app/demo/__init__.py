"""The built-in demo: fictional application mails and the packet built from them.

The demo's content is data under `resources/demo/` (`demo.toml` and one file per
application in `applications/`), read and checked by `content`.  `intake` draws the
mails' files (with `forms` and the `media*` modules) and writes them as an intake
folder; `packet.build_demo` writes that folder and the signed demo packet.

`write_demo_intake(out_dir)` writes the mails; `DEMO_SUBMISSION_COUNT` and
`DEMO_EXPECTATIONS` describe what a packet built from them should contain.
"""

from app.demo.intake import DEMO_EXPECTATIONS, DEMO_SUBMISSION_COUNT, write_demo_intake

__all__ = ["DEMO_EXPECTATIONS", "DEMO_SUBMISSION_COUNT", "write_demo_intake"]
