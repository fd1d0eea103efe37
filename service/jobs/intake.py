"""Uploaded bytes become a job: checks, dedup by sha256, enqueue."""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable
from typing import Any

from models import Document, Extraction, Settings
from models.errors import FileTooLargeError
from service.jobs.queue import JobQueue
from service.jobs.store import Job, JobStore, utc_now

log = logging.getLogger("kerjasama.jobs")


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
                finished_at=utc_now(),
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
