"""A render worker: `python -m app.render.worker`, answering frames on stdin/stdout.

Requests: `{"op": "count" | "render", "doc": N, "page": i, "zoom": z}` with the PDF's
bytes as payload the first time document N is used (the worker keeps the last few); a
request for a document it no longer holds is answered `{"need_data": true}` and the
client sends it again with the bytes.  Answers: `{"ok": true, "pages": n}`,
`{"ok": true, "width", "height", "stride"}` with the RGB888 samples as payload, or
`{"ok": false, "error": "中文说明"}`.  The loop ends when stdin closes, so a worker never
outlives the window that started it.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from typing import Any, BinaryIO

from app.errors import PanelDeskError
from app.i18n import Message, said
from app.render import OPEN_DOCUMENTS
from app.render.frames import read_frame, write_frame
from app.render.pdf import pdf_page_count, render_pdf_page


def serve(requests: BinaryIO, answers: BinaryIO) -> int:
    documents: OrderedDict[int, bytes] = OrderedDict()
    while True:
        frame = read_frame(requests)
        if frame is None:
            return 0
        header, payload = frame
        doc = header.get("doc")
        if payload:
            documents[doc] = payload
            while len(documents) > OPEN_DOCUMENTS:
                documents.popitem(last=False)
        data = documents.get(doc)
        if data is None:
            write_frame(answers, {"need_data": True})
            continue
        documents.move_to_end(doc)
        answer, samples = answer_request(header, data)
        write_frame(answers, answer, samples)


def answer_request(header: dict[str, Any], data: bytes) -> tuple[dict[str, Any], bytes]:
    try:
        if header.get("op") == "count":
            return {"ok": True, "pages": pdf_page_count(data)}, b""
        if header.get("op") == "render":
            page = render_pdf_page(data, int(header["page"]), float(header["zoom"]))
            return ({"ok": True, "width": page.width, "height": page.height,
                     "stride": page.stride}, page.samples)
        return {"ok": False, "error": f"渲染进程不认识的请求：{header.get('op')!r}"}, b""
    except PanelDeskError as err:
        return {"ok": False, "error": str(err), "message": _portable(err)}, b""
    except Exception as err:  # noqa: BLE001 — one bad page must not end the worker
        return {"ok": False, "error": f"PDF 无法显示（渲染时发生意外错误：{type(err).__name__}）"}, b""


def _portable(err: PanelDeskError) -> dict[str, Any] | None:
    """The error's translatable message as JSON (values as text), for the window's language."""
    message = said(err)
    if not isinstance(message, Message):
        return None
    return {"context": message.context, "template": message.template,
            "args": {name: str(value) for name, value in message.args.items()}}


def main() -> int:
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must never corrupt the protocol
    try:
        return serve(requests, answers)
    except (BrokenPipeError, KeyboardInterrupt):
        return 0  # the window went away


if __name__ == "__main__":
    sys.exit(main())
