"""The API process's own record of jobs (``service.db``)."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import uuid
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from models import Settings
from service.jobs.queue import JobStatus
from service.servicedb import connect, migrate, service_db_path

log = logging.getLogger("kerjasama.jobs")


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
        migrate(path)  # the table and its one-in-flight index: servicedb.MIGRATIONS

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
            created_at=utc_now(),
        )
        """A new job row; for a job in flight (queued, running) the one already in
        flight for the same file when there is one (one statement decides: the
        unique index ``jobs_one_in_flight``), so simultaneous uploads make one job."""
        try:
            self._insert(job)
        except sqlite3.IntegrityError:
            running = self.active_for(sha256)
            if running is None:  # it finished between the insert and the read: a new one
                return self.create(
                    file=file, sha256=sha256, size=size, mime=mime, user=user,
                    status=status, job_id=job_id, task_id=task_id,
                )  # fmt: skip
            return running
        return job

    def _insert(self, job: Job) -> None:
        with self._db() as db:
            db.execute(
                "insert into jobs (id, file, sha256, size, mime, status, user, created_at,"
                " task_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    job.id,
                    job.file,
                    job.sha256,
                    job.size,
                    job.mime,
                    job.status,
                    job.user,
                    job.created_at.isoformat(),
                    job.task_id,
                ),
            )

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


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
