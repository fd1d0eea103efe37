"""In the API process: files finished jobs, fails those whose attempts ran out.

The API process is the single writer of the registry: the collector files each
result a worker hands back, so no worker files anything (and a Redis worker
never opens a database). Leases are the queue backend's business; the
collector only mirrors them into the rows (Redis), fails a job whose last
lease lapsed with no attempt left (``WorkerLostError``) and files results.
Filing is idempotent by sha256, so a result handed in twice files once.
"""

from __future__ import annotations

import logging
import threading

from models import KerjasamaError, Settings
from models.errors import InternalError, UploadLostError, WorkerLostError
from service.consume import Context, Filer, run
from service.jobs.queue import Finished, JobQueue, exhausted_message
from service.jobs.store import IN_FLIGHT, Job, JobStore, utc_now

log = logging.getLogger("kerjasama.jobs")


class Collector:
    """In the API process: files finished jobs, fails exhausted ones."""

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
        """One pass; returns how many jobs are still in flight."""
        active = self.store.active()
        self.queue.sync(active)
        for job in self.queue.exhausted(active):
            log.warning("job %s failed after %d attempts", job.id, job.attempts)
            self._fail(job, WorkerLostError(exhausted_message(job.attempts)))
        for finished in self.queue.results():
            row = self.store.get(finished.job_id)
            if row is not None and row.status in IN_FLIGHT:
                self._finish(row, finished)
            self.queue.ack(finished)  # a late second result of a finished job: dropped
        return len(self.store.active())

    def _context(self, job: Job, data: bytes) -> Context:
        return Context(
            name=job.file,
            data=data,
            settings=self.settings,
            user=job.user,
            sha256=job.sha256,
            mime=job.mime,
        )

    def _finish(self, job: Job, finished: Finished) -> None:
        """The writer's part of the consume pipeline: file, or record the failure."""
        attempts = max(job.attempts, finished.attempt)
        job = job.model_copy(update={"attempts": attempts})
        data = self.queue.blob(job.id)
        result = finished.result
        if data is None and result.error is None:
            self._fail(job, UploadLostError("Berkas unggahan hilang; unggah ulang berkasnya."))
            return
        ctx = run(result.into(self._context(job, data or b"")), (self.filer.file,))
        if ctx.error is not None or ctx.filed is None:
            self._fail(job, ctx.error or InternalError("Pekerjaan berakhir tanpa hasil."), ctx)
            return
        filed = ctx.filed
        finished_at = utc_now()
        self.store.update(
            job.id,
            status="done",
            started_at=job.started_at or finished_at,
            finished_at=finished_at,
            outcome=filed.outcome,
            agreement_id=filed.agreement_id,
            duplicate_of=filed.duplicate_of,
            attempts=attempts,
            **_released(),
        )
        self.queue.forget(job)

    def _fail(self, job: Job, error: KerjasamaError, ctx: Context | None = None) -> None:
        ctx = ctx or self._context(job, b"")
        ctx.error = error
        self.filer.record_failure(ctx)
        self.store.update(
            job.id,
            status="failed",
            finished_at=utc_now(),
            error=error.code,
            message=error.message,
            attempts=job.attempts,
            **_released(),
        )
        self.queue.forget(job)


def _released() -> dict[str, None]:
    """A job that is over holds no lease and waits for no result."""
    return {"lease_owner": None, "lease_expires_at": None, "result_ref": None}
