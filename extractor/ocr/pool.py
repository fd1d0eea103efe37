"""Worker processes for OCR: one per core, each keeping its Tesseract loaded.

Tesseract with ``OMP_THREAD_LIMIT=1`` uses one core well; two processes on
two cores beat any threading inside one (0.74 s/page vs 1.41 s on one core).
Pages, not documents, are the unit of work, so one long scan and a queue of
short ones both keep every core busy. The pool knows only page tasks -> pages;
which pages of which document to read is ``extractor.ingest``'s business.
A caller holds the pool through a ``PageStream``: it pushes a page whenever a
worker is free and collects pages as they finish, so it can plan the next
document (or hand a finished one on) between pages without the pool pulling
whole documents ahead.

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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from typing import Any

from extractor.lifetime import die_with_parent
from extractor.ocr.page import PageTask, failed_page, has_file, run_task
from models import Page

KILL_GRACE = 5.0
"""Seconds past the page timeout before a worker that did not answer is killed."""
PAGES_PER_WORKER = 2000
"""An idle worker that has read this many pages is replaced, so a slow leak in an
OCR engine cannot grow with a long backfill (a new worker starts in ~0.3 s)."""


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
    pages: int = 0


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

    def stream(self) -> PageStream:
        """One caller's session: push page tasks while workers are free, collect the
        pages as they finish. One caller at a time (others wait on the lock)."""
        return PageStream(self)

    def run(self, jobs: Iterable[tuple[int, PageTask]]) -> Iterator[tuple[int, Page]]:
        """Read pages over all workers; yields ``(job id, Page)`` as pages finish.

        The next job is taken from ``jobs`` only when a worker is free."""
        with self.stream() as stream:
            for tid, task in jobs:
                while not stream.free():
                    yield from stream.collect()
                stream.submit(tid, task)
            while stream.busy():
                yield from stream.collect()

    def _send(self, worker: _Worker, job: tuple[int, PageTask]) -> None:
        task = job[1]
        if worker.key == task.key:
            task = replace(task, data=b"")
        worker.job = job
        worker.started = time.monotonic()
        try:
            worker.conn.send(task)
        except OSError:  # the worker died between pages: ``collect`` replaces it
            worker.process.kill()
            return
        worker.key = task.key

    def _idle_worker(self) -> _Worker | None:
        for worker in self._workers:
            if worker.job is None:
                if worker.pages >= PAGES_PER_WORKER:  # bounds a leak in the engine
                    self._retire(worker)
                    return self._idle_worker()
                return worker
        return None

    def _retire(self, worker: _Worker) -> None:
        with contextlib.suppress(OSError):
            worker.conn.send(None)
        worker.process.join(2)
        self._kill(worker)
        self._workers.append(self._start())

    def _collect(self, block: bool) -> list[tuple[int, Page]]:
        """Pages finished now (waiting for the first one when ``block``); a worker
        past its page's time limit, or dead, is killed, replaced and its page failed."""
        busy = [w for w in self._workers if w.job is not None]
        if not busy:
            return []
        now = time.monotonic()
        limits = [
            w.started + w.job[1].settings.ocr_page_timeout + KILL_GRACE for w in busy if w.job
        ]
        ready = wait(
            [w.conn for w in busy] + [w.process.sentinel for w in busy],
            timeout=max(0.0, min(limits) - now) if block else 0.0,
        )
        done: list[tuple[int, Page]] = []
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
                    worker.pages += 1
                    done.append((tid, page))
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
            done.append((tid, failed_page(task.index + 1, reason, seconds, (0.0, 0.0))))
        return done


class PageStream:
    """A caller's hold on the pool (see ``OcrPool.stream``); use as a context manager.

    Leaving it with pages still in flight (a caller that stopped early) replaces
    those workers, so their answers never reach the next caller."""

    def __init__(self, pool: OcrPool) -> None:
        self._pool = pool

    def __enter__(self) -> PageStream:
        pool = self._pool
        if pool._owner == threading.get_ident():
            raise RuntimeError("this OcrPool is already reading in this thread (nested use)")
        pool._lock.acquire()
        pool._owner = threading.get_ident()
        return self

    def __exit__(self, *exc: object) -> None:
        pool = self._pool
        try:
            for worker in [w for w in pool._workers if w.job is not None]:
                pool._kill(worker)
        finally:
            pool._owner = None
            pool._lock.release()

    def free(self) -> bool:
        """A worker can take a page now (the pool starts its processes on first use)."""
        self._pool._ensure()
        return any(w.job is None for w in self._pool._workers)

    def busy(self) -> bool:
        return any(w.job is not None for w in self._pool._workers)

    def submit(self, tid: int, task: PageTask) -> None:
        """Send one page to a free worker (call ``free`` first)."""
        self._pool._ensure()
        worker = self._pool._idle_worker()
        if worker is None:
            raise RuntimeError("no free OCR worker: collect pages first")
        self._pool._send(worker, (tid, task))

    def collect(self, block: bool = True) -> list[tuple[int, Page]]:
        """Pages that finished; with ``block``, waits until at least one has
        (or a worker was killed for its page)."""
        while True:
            done = self._pool._collect(block)
            if done or not block or not self.busy():
                return done
