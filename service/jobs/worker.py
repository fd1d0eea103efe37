"""OCR workers: a huey consumer, standalone (``kerjasama worker``) or embedded."""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from multiprocessing.process import BaseProcess

from extractor.lifetime import die_with_parent
from extractor.ocr.pool import OcrPool
from models import Document, Settings
from service.checkpoints import PageCheckpoints
from service.jobs.queue import JobQueue

log = logging.getLogger("kerjasama.jobs")


def worker_count(settings: Settings) -> int:
    return settings.workers or os.cpu_count() or 1


def run_worker(settings: Settings, *, workers: int | None = None, warm: bool = True) -> None:
    """Run a huey consumer until SIGINT/SIGTERM (``kerjasama worker``).

    ``workers`` OCR processes form one pool shared by every job this worker
    takes: the pages of one document spread over all of them (both cores on
    one upload), and never more Tesseracts than processes. One consumer
    thread: pdfium (the text layer, in this process) is not thread-safe."""
    if warm:
        warm_up()
    n = workers or worker_count(settings)
    with OcrPool(workers=n) as pool:
        pool.pids()  # start the OCR processes now, not on the first upload
        queue = JobQueue(settings, pool=pool, cache=PageCheckpoints.for_settings(settings))
        consumer = queue.huey.create_consumer(
            workers=1,
            worker_type="thread",
            periodic=False,
            initial_delay=0.1,
            max_delay=1.0,
            backoff=1.15,
        )
        consumer.run()


def warm_up() -> None:
    """Load the rules' data once, before forking workers, so they share it and
    the first upload does not wait for it."""
    from extractor.pipeline import extract_document
    from models import Line, Page

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
    """A consumer in a child process, started and stopped with the API."""

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
        """Interrupt running tasks: the collector runs them again after restart."""
        if self.process.pid is None or not self.process.is_alive():
            return
        os.kill(self.process.pid, signal.SIGTERM)
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
