"""Tests for app.render.pool: real worker processes, and fake ones that crash, hang or lie."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import pytest

from app.errors import PanelDeskError
from app.render import OPEN_DOCUMENTS, pdf
from app.render.pool import CRASHED, RenderPool
from tests.app.render.helpers import make_pdf as make_any_pdf

ROOT = Path(__file__).resolve().parents[3]


def make_pdf(pages: int, label: str = "") -> bytes:
    return make_any_pdf(pages, label, width=300, height=400)  # small pages render quickly


@pytest.fixture
def pool():
    pool = RenderPool(size=2)
    yield pool
    pool.close()


def fake_worker(body: str) -> list[str]:
    """A command running `body` as a worker that misbehaves (reads one request first)."""
    code = ("import sys, time\n"
            f"sys.path.insert(0, {str(ROOT)!r})\n"
            "from app.render.frames import read_frame, write_frame\n"
            "read_frame(sys.stdin.buffer)\n") + body
    return [sys.executable, "-c", code]


def test_pages_rendered_by_a_worker_equal_the_in_process_render(pool) -> None:
    data = make_pdf(3, "same")
    assert pool.page_count(data) == 3
    page = pool.render_page(data, 2, 1.5)
    local = pdf.render_pdf_page(data, 2, 1.5)
    assert (page.width, page.height, page.stride) == (local.width, local.height, local.stride)
    assert page.samples == local.samples
    assert pool.worker_pids and os.getpid() not in pool.worker_pids


def test_the_worker_reason_for_a_broken_pdf_reaches_the_caller(pool) -> None:
    with pytest.raises(PanelDeskError, match="PDF 文件已损坏"):
        pool.page_count(b"%PDF-1.4 garbage" * 20)
    with pytest.raises(PanelDeskError, match="第 5 页"):
        pool.render_page(make_pdf(2), 4, 1.0)
    assert pool.page_count(make_pdf(1)) == 1  # the worker carries on


def test_documents_the_worker_dropped_are_sent_again(pool) -> None:
    docs = [make_pdf(n + 1, f"doc{n}") for n in range(OPEN_DOCUMENTS + 3)]
    for _ in range(2):  # the second round finds the first documents evicted in the worker
        for n, data in enumerate(docs):
            assert pool.page_count(data) == n + 1
            assert pool.render_page(data, n, 0.5).samples == pdf.render_pdf_page(data, n, 0.5).samples


def test_parallel_requests_share_at_most_size_workers(pool) -> None:
    docs = [make_pdf(2, f"t{n}") for n in range(6)]
    expected = [pdf.render_pdf_page(d, 1, 1.0).samples for d in docs]
    results: dict[int, bytes] = {}
    errors: list[BaseException] = []

    def render(n: int) -> None:
        try:
            results[n] = pool.render_page(docs[n], 1, 1.0).samples
        except BaseException as err:  # noqa: BLE001 — reported below
            errors.append(err)

    threads = [threading.Thread(target=render, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert [results[n] for n in range(6)] == expected
    assert len(pool.worker_pids) <= 2


def test_a_crashing_worker_fails_the_request_and_the_next_starts_afresh() -> None:
    pool = RenderPool(size=1, command=fake_worker("import os\nos._exit(139)\n"))
    try:
        with pytest.raises(PanelDeskError) as caught:
            pool.render_page(make_pdf(1), 0, 1.0)
        assert str(caught.value) == CRASHED
        assert pool.worker_pids == []  # the dead worker is dropped …
        with pytest.raises(PanelDeskError):
            pool.render_page(make_pdf(1), 0, 1.0)  # … and the next request starts another
    finally:
        pool.close()


def test_a_worker_killed_between_requests_is_replaced(pool) -> None:
    data = make_pdf(2)
    assert pool.page_count(data) == 2
    for pid in pool.worker_pids:
        os.kill(pid, 9)
    with pytest.raises(PanelDeskError):  # the dead worker's request fails …
        pool.render_page(data, 0, 1.0)
    assert pool.render_page(data, 1, 1.0).width == 300  # … and a fresh one takes over


def test_a_hanging_worker_is_killed_after_the_timeout() -> None:
    pool = RenderPool(size=1, timeout_s=0.5, command=fake_worker("time.sleep(60)\n"))
    try:
        with pytest.raises(PanelDeskError, match="超过 0.5 秒"):
            pool.page_count(make_pdf(1))
        assert pool.worker_pids == []
    finally:
        pool.close()


def test_a_document_that_ran_out_of_time_is_refused_at_once_after() -> None:
    """Thumbnail, page and look-ahead of one hostile PDF (60 000 full-page strokes: MuPDF
    draws it for over 30 s) would each hold the only worker for the whole time limit:
    after one timeout its renders are refused at once, and other PDFs still render."""
    import time

    from tests.hostile.test_intake_more import LINES, pages, stream

    slow = pages(1, stream(LINES * 60_000))
    pool = RenderPool(size=1, timeout_s=1.0)
    try:
        with pytest.raises(PanelDeskError, match="超过 1 秒"):
            pool.render_page(slow, 0, 1.0)
        started = time.monotonic()
        with pytest.raises(PanelDeskError, match="超过 1 秒"):
            pool.render_page(bytes(slow), 0, 0.5)  # the same document, another bytes object
        assert time.monotonic() - started < 0.5
        assert pool.render_page(make_pdf(1, "other"), 0, 1.0).width > 0
    finally:
        pool.close()


@pytest.mark.parametrize("answer", [
    "sys.stdout.buffer.write(b'not a frame at all'); sys.stdout.flush(); time.sleep(5)\n",
    # claims a 2 GB frame: refused before anything is allocated
    "import struct\nsys.stdout.buffer.write(struct.pack('>IQ', 2, 2**31) + b'{}')\n"
    "sys.stdout.flush(); time.sleep(5)\n",
    "write_frame(sys.stdout.buffer, {'ok': True, 'width': 10, 'height': 10, 'stride': 30},"
    " b'short')\n",
    "write_frame(sys.stdout.buffer, {'ok': True, 'pages': 'many'})\n",
    "write_frame(sys.stdout.buffer, {'ok': True, 'width': 100000, 'height': 100000,"
    " 'stride': 300000})\n",
])
def test_nonsense_from_a_worker_is_an_error_not_a_crash(answer: str) -> None:
    pool = RenderPool(size=1, timeout_s=10, command=fake_worker(answer))
    try:
        with pytest.raises(PanelDeskError):
            if "pages" in answer:
                pool.page_count(make_pdf(1))
            else:
                pool.render_page(make_pdf(1), 0, 1.0)
    finally:
        pool.close()


def test_closed_pool_refuses_and_its_workers_end() -> None:
    pool = RenderPool(size=1)
    pool.warm()
    worker = pool._all[0]  # to see the process end
    pool.close()
    assert worker.process.poll() is not None
    with pytest.raises(PanelDeskError, match="已停止"):
        pool.page_count(make_pdf(1))
