"""OCR workers: claim a job, read it under a renewed lease, hand the result back.

Standalone (``kerjasama worker``) or embedded (a child of ``kerjasama serve``).
A worker never files: it reads pages and applies the rules (``consume.READ``)
and the API's collector files. While it reads, a thread renews the lease every
quarter lease; a worker killed with -9 stops renewing, its lease lapses and the
next worker takes the job over (``jobs.leases``, ``jobs.streams``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
from multiprocessing.process import BaseProcess
from types import FrameType

from extractor.ingest import PageCache
from extractor.lifetime import die_with_parent
from extractor.ocr.pool import OcrPool
from extractor.pipeline import extract_document
from models import Document, Line, Page, Settings
from models.errors import UploadLostError
from service.checkpoints import PageCheckpoints
from service.consume import READ, Context, ReadResult, run
from service.jobs.backends import make_queue
from service.jobs.queue import Claim, JobQueue, owner_tag

log = logging.getLogger("kerjasama.jobs")


def worker_count(settings: Settings) -> int:
    return settings.workers or os.cpu_count() or 1


def run_worker(
    settings: Settings,
    *,
    workers: int | None = None,
    warm: bool = True,
    stop: threading.Event | None = None,
) -> None:
    """Take jobs until SIGINT/SIGTERM (or ``stop``).

    ``workers`` OCR processes form one pool shared by every job this worker
    takes: the pages of one document spread over all of them (both cores on
    one upload), and never more Tesseracts than processes. One job at a time:
    pdfium (the text layer, in this process) is not thread-safe."""
    if warm:
        warm_up()
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _exit)
    n = workers or worker_count(settings)
    owner = owner_tag()
    with OcrPool(workers=n) as pool:
        pool.pids()  # start the OCR processes now, not on the first upload
        queue = make_queue(settings)
        cache = PageCheckpoints.for_settings(settings)
        log.info("worker %s takes jobs with %d OCR process(es)", owner, n)
        while not stop.is_set():
            claim = queue.claim(owner, settings.job_poll_seconds)
            if claim is not None:
                read_claim(queue, claim, settings, pool, cache)


def _exit(signum: int, frame: FrameType | None) -> None:
    """SIGTERM ends the worker at once; a job it held runs again when its lease lapses."""
    sys.exit(0)


def read_claim(
    queue: JobQueue, claim: Claim, settings: Settings, pool: OcrPool, cache: PageCache
) -> None:
    """A worker's part of the consume pipeline, under a renewed lease.
    Never raises for the file: a typed failure travels back in the ``ReadResult``."""
    data = queue.blob(claim.job_id)
    if data is None:
        lost = UploadLostError(
            "Berkas unggahan sudah tidak ada di antrean; unggah ulang berkasnya."
        )
        queue.complete(claim, ReadResult(error=lost.code, message=lost.message))
        return
    ctx = Context(
        name=claim.name,
        data=data,
        settings=settings,
        sha256=claim.sha256,
        mime=claim.mime,
        pool=pool,
        cache=cache,
    )
    with _Renewal(queue, claim, settings.job_lease_seconds):
        run(ctx, READ)
    if not queue.complete(claim, ReadResult.of(ctx)):
        log.warning("job %s was taken over by another worker; result dropped", claim.job_id)


class _Renewal:
    """Renews the lease every quarter lease while the job is read."""

    def __init__(self, queue: JobQueue, claim: Claim, lease: float) -> None:
        self.queue, self.claim = queue, claim
        self.interval = max(0.1, lease / 4)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._renew, name="kerjasama-lease", daemon=True)

    def _renew(self) -> None:
        while not self.stop.wait(self.interval):
            try:
                if not self.queue.renew(self.claim):
                    log.warning("lost the lease on job %s", self.claim.job_id)
                    return
            except Exception:  # a busy database or a Redis hiccup: try again next beat
                log.exception("renewing the lease on job %s failed", self.claim.job_id)

    def __enter__(self) -> _Renewal:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=5)


def warm_up() -> None:
    """Load the rules' data once, before forking workers, so they share it and
    the first upload does not wait for it."""
    page = Page(
        number=1,
        width=595,
        height=842,
        method="text",
        lines=[Line(text="NOTA KESEPAHAMAN"), Line(text="PEMERINTAH KABUPATEN SIDOARJO")],
    )
    try:
        extract_document(Document(file="warm-up", sha256="0" * 64, mime="", size=0, pages=[page]))
    except Exception:  # warming is an optimisation; a real job reports real errors
        log.warning("warm-up of the extractor failed", exc_info=True)


def _worker_main(settings_json: str, workers: int | None, warm: bool, parent: int) -> None:
    die_with_parent(parent)  # a serve killed with -9 takes its worker (and OCR) along
    logging.basicConfig(level=logging.WARNING)
    run_worker(Settings.model_validate_json(settings_json), workers=workers, warm=warm)


class EmbeddedWorker:
    """A worker in a child process, started and stopped with the API."""

    def __init__(
        self, settings: Settings, *, workers: int | None = None, warm: bool = True
    ) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.process: BaseProcess = ctx.Process(
            target=_worker_main,
            args=(settings.model_dump_json(), workers, warm, os.getpid()),
            name="kerjasama-worker",
            daemon=False,
        )

    def start(self) -> None:
        self.process.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Interrupt the job in hand: it runs again once its lease lapses."""
        if self.process.pid is None or not self.process.is_alive():
            return
        os.kill(self.process.pid, signal.SIGTERM)
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
