"""In the API process: files finished jobs, runs interrupted ones again.

The API process is the single writer of the registry: the collector files each
result, so no worker opens the SQLite registry (which must never be shared over
a network). A job whose heartbeat stops for ``job_lease_seconds`` runs again
(the extractor is deterministic and filing is idempotent by sha256).
"""

from __future__ import annotations

import logging
import threading
import time

from models import KerjasamaError, Settings
from models.errors import InternalError, UploadLostError, WorkerLostError
from service.consume import Context, Filer, ReadResult, run
from service.jobs.queue import JobQueue
from service.jobs.store import Job, JobStore, utc_now

log = logging.getLogger("kerjasama.jobs")


class Collector:
    """In the API process: files finished jobs, runs interrupted ones again."""

    def __init__(
        self,
        settings: Settings,
        store: JobStore,
        queue: JobQueue,
        filer: Filer,
    ) -> None:
        self.settings = settings
        self.store = store
        self.queue = queue
        self.filer = filer
        self._seen: dict[str, tuple[float | None, float]] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._wake = threading.Event()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="kerjasama-collector", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def wake(self) -> None:
        self._wake.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                busy = self.run_once()
            except Exception:  # the collector must outlive a bad result or a queue hiccup
                log.exception("collector pass failed")
                busy = True
            self._wake.wait(0.2 if busy else 1.0)
            self._wake.clear()

    def run_once(self) -> int:
        """One pass over the active jobs; returns how many are still active."""
        active = self.store.active()
        pending: set[str] | None = None
        lease = self.settings.job_lease_seconds
        now = time.monotonic()
        still = 0
        for job in active:
            if job.task_id is None:
                # Crashed between the job row and the enqueue: enqueue now.
                if (utc_now() - job.created_at).total_seconds() > 5:
                    self._retry(job, "the job was never queued")
                still += 1
                continue
            result = self.queue.result(job.task_id)
            if result is not None:
                self._finish(job, result)
                continue
            still += 1
            beat = self.queue.heartbeat(job.id)
            last_value, last_change = self._seen.get(job.id, (None, now))
            if beat != last_value:
                self._seen[job.id] = (beat, now)
                last_change = now
            if beat is not None:
                if job.status == "queued":
                    self.store.update(job.id, status="running", started_at=utc_now())
                elif now - last_change > lease:
                    self._retry(job, "the worker stopped sending heartbeats")
                continue
            if now - last_change > lease:
                if pending is None:
                    pending = self.queue.pending_ids()
                if job.task_id not in pending:
                    self._retry(job, "the job left the queue but no worker reports it")
                else:
                    self._seen[job.id] = (None, now)
        return still

    def _retry(self, job: Job, why: str) -> None:
        self._seen.pop(job.id, None)
        if job.attempts + 1 >= self.settings.job_max_attempts:
            self._fail(job, WorkerLostError(f"Gave up after {job.attempts + 1} attempts: {why}."))
            return
        if not self.queue.has_blob(job.id):
            self._fail(job, UploadLostError("The uploaded bytes are gone; upload the file again."))
            return
        log.warning("job %s runs again: %s", job.id, why)
        self.queue.drop_heartbeat(job.id)
        task_id = self.queue.enqueue(job.id, job.file, job.sha256, job.mime)
        self.store.update(
            job.id, status="queued", task_id=task_id, attempts=job.attempts + 1, started_at=None
        )

    def _context(self, job: Job, data: bytes) -> Context:
        return Context(
            name=job.file,
            data=data,
            settings=self.settings,
            user=job.user,
            sha256=job.sha256,
            mime=job.mime,
        )

    def _finish(self, job: Job, result: ReadResult) -> None:
        """The writer's part of the consume pipeline: file, or record the failure."""
        self._seen.pop(job.id, None)
        data = self.queue.blob(job.id)
        if data is None and result.error is None:
            self._fail(job, UploadLostError("The uploaded bytes are gone; upload the file again."))
            return
        ctx = run(result.into(self._context(job, data or b"")), (self.filer.file,))
        if ctx.error is not None or ctx.filed is None:
            self._fail(job, ctx.error or InternalError("the job ended without a result"), ctx)
            return
        filed = ctx.filed
        finished = utc_now()
        self.store.update(
            job.id,
            status="done",
            started_at=job.started_at or finished,
            finished_at=finished,
            outcome=filed.outcome,
            agreement_id=filed.agreement_id,
            duplicate_of=filed.duplicate_of,
            attempts=job.attempts + 1,
        )
        self.queue.forget(job.id, job.task_id)

    def _fail(self, job: Job, error: KerjasamaError, ctx: Context | None = None) -> None:
        self._seen.pop(job.id, None)
        ctx = ctx or self._context(job, b"")
        ctx.error = error
        self.filer.record_failure(ctx)
        self.store.update(
            job.id,
            status="failed",
            finished_at=utc_now(),
            error=error.code,
            message=error.message,
            attempts=job.attempts + 1,
        )
        self.queue.forget(job.id, job.task_id)
