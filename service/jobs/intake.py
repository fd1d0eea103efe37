"""Uploaded bytes become a job: checks, dedup by sha256, enqueue."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from models import Settings
from service.consume import Context, preflight, run
from service.jobs.queue import JobQueue
from service.jobs.store import Job, JobStore, utc_now

log = logging.getLogger("kerjasama.jobs")


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
        """The pipeline's preflight and "already filed? in flight?", then enqueue."""
        ctx = run(Context(name=name, data=data, settings=self.settings, user=user), (preflight,))
        if ctx.error is not None:
            raise ctx.error
        sha, mime = ctx.sha256, ctx.mime
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
                finished_at=utc_now(),
            )
        # The job row (with its task id) first: a crash before the enqueue leaves
        # a row the collector queues again, never a task nobody collects. The row
        # is refused when a job for these bytes is in flight (one atomic insert).
        job_id = uuid.uuid4().hex
        task = self.queue.new_task(job_id, name, sha, mime)
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
        if job.id != job_id:
            return job  # already in flight
        self.queue.submit(task, job_id, data)
        return job
