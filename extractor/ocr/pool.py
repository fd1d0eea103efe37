"""Worker processes for OCR: one per core, each keeping its Tesseract loaded.

Tesseract with ``OMP_THREAD_LIMIT=1`` uses one core well; two processes on
two cores beat any threading inside one (0.74 s/page vs 1.41 s on one core).
Pages, not documents, are the unit of work, so one long scan and a queue of
short ones both keep every core busy. The pool knows only page tasks -> pages;
which pages of which document to read is ``extractor.ingest``'s business.

A page that runs past ``settings.ocr_page_timeout`` is stopped by the engine
itself; if a worker hangs or dies anyway (a native crash), it is killed and
replaced and only that page is marked ``failed``.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from typing import Any

from extractor.lifetime import die_with_parent
from extractor.ocr.page import PageTask, failed_page, has_file, run_task
from models import Page

KILL_GRACE = 5.0
"""Seconds past the page timeout before a worker that did not answer is killed."""


def _worker_main(conn: Connection) -> None:
    # The parent is the forkserver, which exits when this pool's process does.
    die_with_parent()  # so a pool owner killed with -9 leaves no OCR process behind
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        if not task.data and not has_file(task.key):
            conn.send(("need", None))
            continue
        conn.send(("page", run_task(task)))


@dataclass
class _Worker:
    process: Any
    conn: Connection
    key: str = ""
    job: tuple[int, PageTask] | None = None
    started: float = 0.0


class OcrPool:
    """A fixed set of OCR worker processes; use as a context manager."""

    def __init__(self, workers: int | None = None) -> None:
        self.size = max(1, workers or os.cpu_count() or 1)
        self._ctx = mp.get_context("forkserver")
        self._workers: list[_Worker] = []
        self._closed = False
        self._lock = threading.Lock()
        self._owner: int | None = None

    # -- lifecycle

    def __enter__(self) -> OcrPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, args=(child,), daemon=True)
        process.start()
        child.close()
        return _Worker(process=process, conn=parent)

    def _ensure(self) -> None:
        if self._closed:
            raise RuntimeError("the OCR pool is closed")
        while len(self._workers) < self.size:
            self._workers.append(self._start())

    def _kill(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        self._workers.remove(worker)

    def close(self) -> None:
        for worker in list(self._workers):
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in list(self._workers):
            worker.process.join(2)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(2)
            worker.conn.close()
        self._workers.clear()
        self._closed = True

    def pids(self) -> list[int]:
        """Worker process ids (for measuring memory)."""
        self._ensure()
        return [int(w.process.pid) for w in self._workers]

    # -- work

    def _send(self, worker: _Worker, job: tuple[int, PageTask]) -> None:
        task = job[1]
        if worker.key == task.key:
            task = replace(task, data=b"")
        worker.job = job
        worker.started = time.monotonic()
        try:
            worker.conn.send(task)
        except OSError:  # the worker died between pages: the run loop replaces it
            worker.process.kill()
            return
        worker.key = task.key

    def run(self, jobs: Iterable[tuple[int, PageTask]]) -> Iterator[tuple[int, Page]]:
        """Read pages over all workers; yields ``(job id, Page)`` as pages finish.

        One caller at a time (others wait): the workers' answers are matched to jobs.
        """
        if self._owner == threading.get_ident():
            raise RuntimeError("this OcrPool is already reading in this thread (nested use)")
        with self._lock:
            self._owner = threading.get_ident()
            try:
                yield from self._run(jobs)
            finally:
                self._owner = None

    def _run(self, jobs: Iterable[tuple[int, PageTask]]) -> Iterator[tuple[int, Page]]:
        try:
            yield from self._dispatch(jobs)
        finally:
            # a caller that stopped early leaves pages in flight: their answers must not
            # reach the next caller, so those workers are replaced
            for worker in [w for w in self._workers if w.job is not None]:
                self._kill(worker)

    def _dispatch(self, jobs: Iterable[tuple[int, PageTask]]) -> Iterator[tuple[int, Page]]:
        self._ensure()
        source = iter(jobs)
        pending: deque[tuple[int, PageTask]] = deque()
        exhausted = False
        while True:
            for worker in self._workers:
                if worker.job is None:
                    if not pending and not exhausted:
                        nxt = next(source, None)
                        if nxt is None:
                            exhausted = True
                        else:
                            pending.append(nxt)
                    if pending:
                        self._send(worker, pending.popleft())
            busy = [w for w in self._workers if w.job is not None]
            if not busy:
                return
            now = time.monotonic()
            limits = [
                w.started + w.job[1].settings.ocr_page_timeout + KILL_GRACE for w in busy if w.job
            ]
            ready = wait(
                [w.conn for w in busy] + [w.process.sentinel for w in busy],
                timeout=max(0.0, min(limits) - now),
            )
            for worker in busy:
                job = worker.job
                assert job is not None
                tid, task = job
                if worker.conn in ready:
                    try:
                        kind, page = worker.conn.recv()
                    except (EOFError, OSError):
                        kind, page = "dead", None
                    if kind == "page":
                        worker.job = None
                        yield tid, page
                        continue
                    if kind == "need":
                        worker.key = ""
                        self._send(worker, (tid, task))  # the job keeps the bytes
                        continue
                elif worker.process.sentinel not in ready and time.monotonic() < (
                    worker.started + task.settings.ocr_page_timeout + KILL_GRACE
                ):
                    continue
                crashed = not worker.process.is_alive()
                seconds = time.monotonic() - worker.started
                self._kill(worker)
                self._workers.append(self._start())
                reason = (
                    "the OCR process crashed on this page"
                    if crashed
                    else "OCR of the page ran past its time limit of "
                    f"{task.settings.ocr_page_timeout:g} s and was stopped."
                )
                yield tid, failed_page(task.index + 1, reason, seconds, (0.0, 0.0))
