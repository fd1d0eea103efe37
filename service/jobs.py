"""Uploads become jobs; workers read them; the API process files the results.

The queue is huey: SQLite in ``data_dir/queue.db`` by default, Redis when
``KERJASAMA_QUEUE_URL`` names one, so OCR workers can run on many machines.
Workers only ever talk to the queue: they take the file bytes from huey's
key-value store, run the extractor and hand back the Document and Extraction
as JSON through huey's result store. The API process is the single writer of
the registry: its :class:`Collector` files each result, so no worker opens the
SQLite registry (which must never be shared over a network).

huey removes a task from the queue when a worker takes it, so a worker that
dies mid-way would lose the job. Each running task therefore writes a
heartbeat; the collector runs a job again when its heartbeat stops for
``job_lease_seconds`` (the extractor is deterministic and filing is
idempotent by sha256, so running twice is safe).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import multiprocessing
import os
import pickle
import signal
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any, Literal

from huey import RedisHuey, SqliteHuey
from huey.api import Huey, Task
from huey.constants import EmptyData
from huey.serializer import Serializer
from pydantic import BaseModel

from models import Document, Extraction, KerjasamaError, Settings
from models.errors import FileTooLargeError, ValidationFailedError
from service.servicedb import connect, service_db_path

log = logging.getLogger("kerjasama.jobs")

QUEUE_NAME = "kerjasama"
TASK_NAME = "kerjasama.extract"
JobStatus = Literal["queued", "running", "done", "failed"]


# --------------------------------------------------------------------- queue


class _QueueUnpickler(pickle.Unpickler):
    """Builds only what our queue carries: huey's message and error records,
    datetimes, and plain data (bytes, str, numbers, dicts, lists, tuples).

    huey pickles; whoever can write to the queue (a Redis reachable by others)
    could otherwise make every worker and the API run code of their choosing.
    """

    ALLOWED = frozenset(
        {
            ("huey.registry", "Message"),
            ("huey.utils", "Error"),
            ("datetime", "datetime"),
            ("datetime", "timedelta"),
            ("datetime", "timezone"),
        }
    )

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self.ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"the job queue refuses to load {module}.{name}")


class QueueSerializer(Serializer):
    def _deserialize(self, data: bytes) -> Any:
        return _QueueUnpickler(io.BytesIO(data)).load()


def make_huey(settings: Settings) -> Huey:
    url = settings.queue_url
    if url:
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ValidationFailedError(
                f"KERJASAMA_QUEUE_URL must be a redis:// URL (got {url!r}); "
                "leave it unset for the embedded SQLite queue."
            )
        return RedisHuey(QUEUE_NAME, url=url, results=True, serializer=QueueSerializer())
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(
        QUEUE_NAME,
        filename=str(settings.queue_path),
        results=True,
        serializer=QueueSerializer(),
    )


def _blob_key(job_id: str) -> str:
    return f"kerjasama:blob:{job_id}"


def _heartbeat_key(job_id: str) -> str:
    return f"kerjasama:heartbeat:{job_id}"


class JobQueue:
    """The huey instance with the one task both sides agree on by name."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.huey = make_huey(settings)
        self.extract = self.huey.task(name=TASK_NAME)(self._extract)

    # -- API side
    def new_task(self, job_id: str, name: str) -> Task:
        """A task not yet queued, so its id can be recorded before it runs."""
        task: Task = self.extract.s(job_id, name)
        return task

    def submit(self, task: Task, job_id: str, data: bytes) -> None:
        """Store the bytes for the workers, then enqueue."""
        self.huey.put(_blob_key(job_id), data)
        self.huey.enqueue(task)

    def enqueue(self, job_id: str, name: str) -> str:
        result = self.extract(job_id, name)
        return str(result.id)

    def has_blob(self, job_id: str) -> bool:
        return self.huey.get_raw(_blob_key(job_id), peek=True) is not EmptyData

    def blob(self, job_id: str) -> bytes | None:
        data = self.huey.get(_blob_key(job_id), peek=True)
        return data if isinstance(data, bytes) else None

    def result(self, task_id: str) -> dict[str, Any] | None:
        value = self.huey.get(task_id, peek=True)
        if value is None:
            return None
        if isinstance(value, dict):
            return value
        # huey stores an Error record when a task raised despite our catch-all.
        return {"ok": False, "code": "internal_error", "message": str(value)}

    def heartbeat(self, job_id: str) -> float | None:
        value = self.huey.get(_heartbeat_key(job_id), peek=True)
        return float(value) if isinstance(value, int | float) else None

    def pending_ids(self) -> set[str]:
        return {str(task.id) for task in self.huey.pending()}

    def pending_count(self) -> int:
        return int(self.huey.pending_count())

    def forget(self, job_id: str, task_id: str | None) -> None:
        self.huey.delete(_blob_key(job_id))
        self.huey.delete(_heartbeat_key(job_id))
        if task_id:
            self.huey.delete(task_id)

    def drop_heartbeat(self, job_id: str) -> None:
        self.huey.delete(_heartbeat_key(job_id))

    # -- worker side
    def _extract(self, job_id: str, name: str) -> dict[str, Any]:
        data = self.blob(job_id)
        if data is None:
            return {
                "ok": False,
                "code": "upload_lost",
                "message": "The uploaded bytes are no longer in the queue; upload the file again.",
            }
        with _Heartbeat(self, job_id):
            return run_extraction(data, name, self.settings)


def run_extraction(data: bytes, name: str, settings: Settings) -> dict[str, Any]:
    """The worker's whole job; never raises, so every failure has a reason."""
    from extractor.pipeline import extract_file

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        document, extraction = extract_file(data, name=name, settings=settings)
    except KerjasamaError as exc:
        return {"ok": False, "code": exc.code, "message": exc.message}
    except Exception as exc:  # a bug in one rule must fail the job, not the worker
        log.exception("extraction of %s crashed", name)
        # The same code service.filing gives a crashed extractor.
        return {"ok": False, "code": "extractor_crashed", "message": f"{type(exc).__name__}: {exc}"}
    return {
        "ok": True,
        "document": document.model_dump_json(),
        "extraction": extraction.model_dump_json(),
        "worker": f"{socket.gethostname()}:{os.getpid()}",
    }


class _Heartbeat:
    """Proves to the collector, every lease/4 seconds, that the job is alive."""

    def __init__(self, queue: JobQueue, job_id: str) -> None:
        self.queue = queue
        self.key = _heartbeat_key(job_id)
        self.interval = max(0.2, queue.settings.job_lease_seconds / 4)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._beat, daemon=True)

    def _beat(self) -> None:
        while True:
            self.queue.huey.put(self.key, time.time())
            if self.stop.wait(self.interval):
                return

    def __enter__(self) -> _Heartbeat:
        self.queue.huey.put(self.key, time.time())
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=5)


# ---------------------------------------------------------------- job table


class Job(BaseModel):
    """One uploaded file on its way into the registry."""

    id: str
    file: str
    sha256: str
    size: int
    mime: str
    status: JobStatus
    attempts: int = 0
    user: str = "system"
    created_at: dt.datetime
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    outcome: str | None = None
    agreement_id: int | None = None
    duplicate_of: int | None = None
    error: str | None = None
    message: str | None = None
    task_id: str | None = None


class JobStore:
    """The API process's own record of jobs (``data_dir/service.db``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute(
                "create table if not exists jobs ("
                " id text primary key, file text not null, sha256 text not null,"
                " size integer not null, mime text not null, status text not null,"
                " attempts integer not null default 0, user text not null,"
                " created_at text not null, started_at text, finished_at text,"
                " outcome text, agreement_id integer, duplicate_of integer,"
                " error text, message text, task_id text)"
            )
            db.execute("create index if not exists jobs_status on jobs (status)")
            db.execute("create index if not exists jobs_sha on jobs (sha256)")

    @classmethod
    def for_settings(cls, settings: Settings) -> JobStore:
        return cls(service_db_path(settings))

    def _db(self) -> AbstractContextManager[sqlite3.Connection]:
        return connect(self.path)

    def create(
        self,
        *,
        file: str,
        sha256: str,
        size: int,
        mime: str,
        user: str,
        status: JobStatus,
        job_id: str | None = None,
        task_id: str | None = None,
    ) -> Job:
        job = Job(
            id=job_id or uuid.uuid4().hex,
            task_id=task_id,
            file=file,
            sha256=sha256,
            size=size,
            mime=mime,
            status=status,
            user=user,
            created_at=_now(),
        )
        with self._db() as db:
            db.execute(
                "insert into jobs (id, file, sha256, size, mime, status, user, created_at,"
                " task_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    job.id,
                    file,
                    sha256,
                    size,
                    mime,
                    status,
                    user,
                    job.created_at.isoformat(),
                    task_id,
                ),
            )
        return job

    def update(self, job_id: str, **values: Any) -> Job:
        cols = ", ".join(f"{k} = ?" for k in values)
        params = [v.isoformat() if isinstance(v, dt.datetime) else v for v in values.values()]
        with self._db() as db:
            db.execute(f"update jobs set {cols} where id = ?", (*params, job_id))
        job = self.get(job_id)
        assert job is not None
        return job

    def get(self, job_id: str) -> Job | None:
        with self._db() as db:
            row = db.execute("select * from jobs where id = ?", (job_id,)).fetchone()
        return Job.model_validate(dict(row)) if row else None

    def active_for(self, sha256: str) -> Job | None:
        with self._db() as db:
            row = db.execute(
                "select * from jobs where sha256 = ? and status in ('queued', 'running')"
                " order by created_at limit 1",
                (sha256,),
            ).fetchone()
        return Job.model_validate(dict(row)) if row else None

    def active(self) -> list[Job]:
        with self._db() as db:
            rows = db.execute(
                "select * from jobs where status in ('queued', 'running') order by created_at"
            ).fetchall()
        return [Job.model_validate(dict(r)) for r in rows]

    def recent(
        self,
        *,
        status: str | None = None,
        user: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[Job]:
        sql = "select * from jobs where 1 = 1"
        params: list[Any] = []
        if status:
            sql += " and status = ?"
            params.append(status)
        if user:
            sql += " and user = ?"
            params.append(user)
        sql += " order by created_at desc, id limit ? offset ?"
        with self._db() as db:
            rows = db.execute(sql, (*params, limit, offset)).fetchall()
        return [Job.model_validate(dict(r)) for r in rows]

    def counts(self) -> dict[str, int]:
        with self._db() as db:
            rows = db.execute("select status, count(*) from jobs group by status").fetchall()
        return {str(r[0]): int(r[1]) for r in rows}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ----------------------------------------------------------------- submitting


FileFn = Callable[[bytes, str, Document, Extraction, str], Any]
"""Files one extracted document into the registry; returns a FileResult."""


class Intake:
    """Turns uploaded bytes into a job: checks, dedup by sha256, enqueue."""

    def __init__(
        self,
        settings: Settings,
        store: JobStore,
        queue: JobQueue,
        find_file: Callable[[str], Any],
    ) -> None:
        self.settings = settings
        self.store = store
        self.queue = queue
        self.find_file = find_file

    def submit(self, data: bytes, name: str, *, user: str) -> Job:
        from extractor.sniff import sniff_mime

        if len(data) > self.settings.max_file_bytes:
            raise FileTooLargeError(
                f"The file is larger than the limit of {self.settings.max_file_bytes} bytes.",
                detail={"limit": self.settings.max_file_bytes},
            )
        mime = sniff_mime(data)
        sha = hashlib.sha256(data).hexdigest()
        existing = self.find_file(sha)
        if existing is not None:
            job = self.store.create(
                file=name, sha256=sha, size=len(data), mime=mime, user=user, status="done"
            )
            return self.store.update(
                job.id,
                outcome="exact_duplicate",
                agreement_id=existing.agreement_id,
                duplicate_of=existing.agreement_id,
                finished_at=_now(),
            )
        running = self.store.active_for(sha)
        if running is not None:
            return running
        # The job row (with its task id) first: a crash before the enqueue leaves
        # a row the collector queues again, never a task nobody collects.
        job_id = uuid.uuid4().hex
        task = self.queue.new_task(job_id, name)
        job = self.store.create(
            file=name,
            sha256=sha,
            size=len(data),
            mime=mime,
            user=user,
            status="queued",
            job_id=job_id,
            task_id=str(task.id),
        )
        self.queue.submit(task, job_id, data)
        return job


# ------------------------------------------------------------------ collector


class Collector:
    """In the API process: files finished jobs, runs interrupted ones again."""

    def __init__(
        self,
        settings: Settings,
        store: JobStore,
        queue: JobQueue,
        file_fn: FileFn,
        fail_fn: Callable[[str, str, str, str], None],
    ) -> None:
        self.settings = settings
        self.store = store
        self.queue = queue
        self.file_fn = file_fn
        self.fail_fn = fail_fn
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
                if (_now() - job.created_at).total_seconds() > 5:
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
                    self.store.update(job.id, status="running", started_at=_now())
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
            self._fail(job, "worker_lost", f"Gave up after {job.attempts + 1} attempts: {why}.")
            return
        if not self.queue.has_blob(job.id):
            self._fail(job, "upload_lost", "The uploaded bytes are gone; upload the file again.")
            return
        log.warning("job %s runs again: %s", job.id, why)
        self.queue.drop_heartbeat(job.id)
        task_id = self.queue.enqueue(job.id, job.file)
        self.store.update(
            job.id, status="queued", task_id=task_id, attempts=job.attempts + 1, started_at=None
        )

    def _finish(self, job: Job, result: dict[str, Any]) -> None:
        self._seen.pop(job.id, None)
        if not result.get("ok"):
            self._fail(job, str(result.get("code")), str(result.get("message")))
            return
        data = self.queue.blob(job.id)
        if data is None:
            self._fail(job, "upload_lost", "The uploaded bytes are gone; upload the file again.")
            return
        try:
            document = Document.model_validate_json(result["document"])
            extraction = Extraction.model_validate_json(result["extraction"])
            filed = self.file_fn(data, job.file, document, extraction, job.user)
        except KerjasamaError as exc:
            self._fail(job, exc.code, exc.message)
            return
        except Exception as exc:  # a filing bug must not retry forever in the loop
            log.exception("filing job %s failed", job.id)
            self._fail(job, "filing_failed", f"{type(exc).__name__}: {exc}")
            return
        finished = _now()
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

    def _fail(self, job: Job, code: str, message: str) -> None:
        self._seen.pop(job.id, None)
        try:
            self.fail_fn(job.sha256, job.file, code, message)
        except Exception:  # the job still ends failed; the registry row is a nicety
            log.exception("could not record the failure of job %s", job.id)
        self.store.update(
            job.id,
            status="failed",
            finished_at=_now(),
            error=code,
            message=message,
            attempts=job.attempts + 1,
        )
        self.queue.forget(job.id, job.task_id)


# -------------------------------------------------------------------- workers


def worker_count(settings: Settings) -> int:
    return settings.workers or os.cpu_count() or 1


def run_worker(settings: Settings, *, workers: int | None = None, warm: bool = True) -> None:
    """Run a huey consumer until SIGINT/SIGTERM (``kerjasama worker``)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if warm:
        warm_up()
    queue = JobQueue(settings)
    n = workers or worker_count(settings)
    consumer = queue.huey.create_consumer(
        workers=n,
        worker_type="process" if n > 1 else "thread",
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


def _worker_main(settings_json: str, workers: int | None, warm: bool) -> None:
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
            args=(settings.model_dump_json(), workers, warm),
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
