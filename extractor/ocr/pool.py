"""Worker processes for OCR: one per core, each keeping its Tesseract loaded.

Tesseract with ``OMP_THREAD_LIMIT=1`` uses one core well; two processes on
two cores beat any threading inside one (0.74 s/page vs 1.41 s on one core).
Pages, not documents, are the unit of work, so one long scan and a queue of
short ones both keep every core busy.

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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models import Document, Page, Settings, get_settings
from models.errors import KerjasamaError

if TYPE_CHECKING:
    from extractor.ingest import Plan
    from extractor.ocr.page import PageTask

KILL_GRACE = 5.0
"""Seconds past the page timeout before a worker that did not answer is killed."""


def _worker_main(conn: Connection) -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    from extractor.ocr.page import has_file, run_task

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
        self._files: dict[str, bytes] = {}
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
        from extractor.ocr.page import failed_page

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
                        self._send(worker, (tid, replace(task, data=self._data(task))))
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

    def _data(self, task: PageTask) -> bytes:
        return self._files.get(task.key, task.data)

    def read_pages(self, plans: Iterable[Plan]) -> Iterator[tuple[Plan, Document]]:
        """Finish plans (documents whose text pages are read) by OCR of their other pages."""
        open_plans: dict[int, Plan] = {}
        waiting: dict[int, int] = {}
        ready: deque[Plan] = deque()
        counter = 0

        def jobs() -> Iterator[tuple[int, PageTask]]:
            nonlocal counter
            for plan in plans:
                if not plan.tasks:
                    ready.append(plan)
                    continue
                pid = counter
                counter += 1
                open_plans[pid] = plan
                waiting[pid] = len(plan.tasks)
                self._files[plan.sha256] = plan.tasks[0].data
                for i, task in enumerate(plan.tasks):
                    yield pid * 100_000 + i, task

        for tid, page in self.run(jobs()):
            while ready:
                done = ready.popleft()
                yield done, done.document()
            pid, i = divmod(tid, 100_000)
            plan = open_plans[pid]
            plan.accept(i, page)
            waiting[pid] -= 1
            if not waiting[pid]:
                del open_plans[pid], waiting[pid]
                self._files.pop(plan.sha256, None)
                yield plan, plan.document()
        while ready:
            done = ready.popleft()
            yield done, done.document()

    def read_many(
        self, paths: Iterable[Path | str], *, settings: Settings | None = None
    ) -> Iterator[tuple[str, Document | KerjasamaError]]:
        """Read many files with the pages of all of them spread over the workers.

        Yields ``(name, Document)`` as documents finish (not in input order), or
        ``(name, error)`` for a file that cannot be read.
        """
        from extractor.ingest import plan_document

        settings = settings or get_settings()
        failures: deque[tuple[str, KerjasamaError]] = deque()

        def plans() -> Iterator[Plan]:
            for path in paths:
                path = Path(path)
                try:
                    yield plan_document(path, name=str(path), settings=settings)
                except KerjasamaError as exc:
                    failures.append((str(path), exc))

        for plan, document in self.read_pages(plans()):
            while failures:
                yield failures.popleft()
            yield plan.name, document
        while failures:
            yield failures.popleft()
