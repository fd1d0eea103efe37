"""The job rows: the one record of every upload on its way into the registry.

They live in ``registry.db`` under the registry's own migrations
(``0700_jobs``), beside the files they become, so a job and its agreement are
in one database. On the SQLite backend the rows are the queue too
(``jobs.leases`` claims and renews them); on Redis the stream holds the lease
and the collector mirrors it here. Each call opens its own connection (the API
threads, the embedded worker and a standalone worker all write here); writes
take ``BEGIN IMMEDIATE`` so a writer queues on SQLite's busy timeout instead
of failing half-way.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from models import Settings
from service.registry.connection import BUSY_TIMEOUT_S, RegistryConnection

JobStatus = Literal["queued", "running", "done", "failed"]
IN_FLIGHT = ("queued", "running")


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
    lease_owner: str | None = None
    """The worker that holds the job now (``host:pid:tag``), while it runs."""
    lease_expires_at: dt.datetime | None = None
    """When another worker may take the job over unless the holder renews."""
    heartbeat_at: dt.datetime | None = None
    queue_ref: str | None = Field(default=None, exclude=True)
    """The Redis stream entry that carries the job (internal)."""
    result_ref: str | None = Field(default=None, exclude=True)
    """Where the worker left its result for the writer (internal)."""


_migrated: set[Path] = set()
_migrate_lock = threading.Lock()


class JobStore:
    """The job rows in the registry database."""

    def __init__(self, database: Path, files_dir: Path) -> None:
        self.path = database
        with _migrate_lock:
            if database not in _migrated:  # the registry's migrations, 0700_jobs among them
                RegistryConnection.open_path(database, files_dir).close()
                _migrated.add(database)

    @classmethod
    def for_settings(cls, settings: Settings) -> JobStore:
        return cls(settings.database, settings.files_dir)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        db.row_factory = sqlite3.Row
        try:
            yield db
        finally:
            db.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, the write lock taken up front."""
        with self.read() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

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
    ) -> Job:
        """A new job row; for a job in flight (queued, running) the one already in
        flight for the same file when there is one (one statement decides: the
        unique index ``jobs_one_in_flight``), so simultaneous uploads make one job."""
        job = Job(
            id=job_id or uuid.uuid4().hex,
            file=file,
            sha256=sha256,
            size=size,
            mime=mime,
            status=status,
            user=user,
            created_at=utc_now(),
        )
        with self.write() as db:
            try:
                db.execute(
                    "insert into jobs (id, file, sha256, size, mime, status, user, created_at)"
                    " values (?, ?, ?, ?, ?, ?, ?, ?)",
                    (job.id, file, sha256, size, mime, status, user, job.created_at.isoformat()),
                )
            except sqlite3.IntegrityError:
                # the same transaction reads the job in flight: it cannot finish meanwhile
                row = db.execute(
                    "select * from jobs where sha256 = ? and status in ('queued', 'running')",
                    (sha256,),
                ).fetchone()
                if row is None:  # the id itself was taken: a caller's bug, not a race
                    raise
                return _job(row)
        return job

    def update(self, job_id: str, **values: Any) -> Job:
        cols = ", ".join(f"{k} = ?" for k in values)
        params = [_column(v) for v in values.values()]
        with self.write() as db:
            row = db.execute(
                f"update jobs set {cols} where id = ? returning *", (*params, job_id)
            ).fetchone()
        if row is None:
            raise KeyError(job_id)
        return _job(row)

    def get(self, job_id: str) -> Job | None:
        with self.read() as db:
            row = db.execute("select * from jobs where id = ?", (job_id,)).fetchone()
        return _job(row) if row else None

    def active(self) -> list[Job]:
        with self.read() as db:
            rows = db.execute(
                "select * from jobs where status in ('queued', 'running') order by created_at"
            ).fetchall()
        return [_job(r) for r in rows]

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
        with self.read() as db:
            rows = db.execute(sql, (*params, limit, offset)).fetchall()
        return [_job(r) for r in rows]

    def counts(self) -> dict[str, int]:
        with self.read() as db:
            rows = db.execute("select status, count(*) from jobs group by status").fetchall()
        return {str(r[0]): int(r[1]) for r in rows}


def _column(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.datetime) else value


def _job(row: sqlite3.Row) -> Job:
    return Job.model_validate(dict(row))


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
