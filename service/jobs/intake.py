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

    def submit(
        self,
        data: bytes,
        name: str,
        *,
        user: str,
        can_see: Callable[[int], bool] | None = None,
    ) -> Job:
        """The pipeline's preflight and "already filed? in flight?", then enqueue.

        ``can_see`` says whether the uploader may know an agreement: bytes
        already filed under an agreement outside its region answer a finished
        duplicate job without the agreement's id."""
        ctx = run(Context(name=name, data=data, settings=self.settings, user=user), (preflight,))
        if ctx.error is not None:
            raise ctx.error
        sha, mime = ctx.sha256, ctx.mime
        existing = self.find_file(sha)
        if existing is not None:
            shown = existing.agreement_id
            if can_see is not None and not can_see(shown):
                shown = None
            job = self.store.create(
                file=name, sha256=sha, size=len(data), mime=mime, user=user, status="done"
            )
            return self.store.update(
                job.id,
                outcome="exact_duplicate",
                agreement_id=shown,
                duplicate_of=shown,
                finished_at=utc_now(),
            )
        # The bytes first, then the row: a worker may claim the row the moment it
        # exists. The row is refused when a job for these bytes is in flight (one
        # atomic insert), and the bytes kept for it are dropped again.
        job_id = uuid.uuid4().hex
        self.queue.put_blob(job_id, data)
        job = self.store.create(
            file=name,
            sha256=sha,
            size=len(data),
            mime=mime,
            user=user,
            status="queued",
            job_id=job_id,
        )
        if job.id != job_id:
            self.queue.drop_blob(job_id)
            return job  # already in flight
        ref = self.queue.enqueue(job)
        return self.store.update(job.id, queue_ref=ref) if ref is not None else job
