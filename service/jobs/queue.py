"""The job queue: huey on SQLite (``data_dir/queue.db``) by default, Redis when
``KERJASAMA_QUEUE_URL`` names one, so OCR workers can run on many machines.

Workers only ever talk to the queue: they take the file bytes from huey's
key-value store, run the extractor and hand back the result through huey's
result store. huey removes a task from the queue when a worker takes it, so
each running task writes a heartbeat the collector watches (see ``collector``).
"""

from __future__ import annotations

import io
import logging
import pickle
import threading
import time
from typing import Any, Literal

from huey import RedisHuey, SqliteHuey
from huey.api import Huey, Task
from huey.constants import EmptyData
from huey.serializer import Serializer

from extractor.ingest import PageCache
from extractor.ocr.pool import OcrPool
from models import Settings
from models.errors import InternalError, UploadLostError, ValidationFailedError
from service.consume import READ, Context, ReadResult, run

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

    def __init__(
        self, settings: Settings, *, pool: OcrPool | None = None, cache: PageCache | None = None
    ) -> None:
        """``pool`` and ``cache`` only on the worker side: pages of each document
        spread over the pool's processes; pages read are checkpointed."""
        self.settings = settings
        self.pool = pool
        self.cache = cache
        self.huey = make_huey(settings)
        self.extract = self.huey.task(name=TASK_NAME)(self._extract)

    # -- API side
    def new_task(self, job_id: str, name: str, sha256: str = "", mime: str = "") -> Task:
        """A task not yet queued, so its id can be recorded before it runs."""
        task: Task = self.extract.s(job_id, name, sha256, mime)
        return task

    def submit(self, task: Task, job_id: str, data: bytes) -> None:
        """Store the bytes for the workers, then enqueue."""
        self.huey.put(_blob_key(job_id), data)
        self.huey.enqueue(task)

    def enqueue(self, job_id: str, name: str, sha256: str = "", mime: str = "") -> str:
        result = self.extract(job_id, name, sha256, mime)
        return str(result.id)

    def has_blob(self, job_id: str) -> bool:
        return self.huey.get_raw(_blob_key(job_id), peek=True) is not EmptyData

    def blob(self, job_id: str) -> bytes | None:
        data = self.huey.get(_blob_key(job_id), peek=True)
        return data if isinstance(data, bytes) else None

    def result(self, task_id: str) -> ReadResult | None:
        value = self.huey.get(task_id, peek=True)
        if value is None:
            return None
        if isinstance(value, str):
            return ReadResult.model_validate_json(value)
        # huey stores an Error record when a task raised despite our catch-all.
        return ReadResult(error=InternalError.code, message=str(value))

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
    def _extract(self, job_id: str, name: str, sha256: str = "", mime: str = "") -> str:
        """A worker's part of the consume pipeline: read pages, apply rules.
        Never raises: the typed failure travels back in the ``ReadResult``."""
        data = self.blob(job_id)
        if data is None:
            lost = UploadLostError(
                "The uploaded bytes are no longer in the queue; upload the file again."
            )
            return ReadResult(error=lost.code, message=lost.message).model_dump_json()
        ctx = Context(
            name=name,
            data=data,
            settings=self.settings,
            sha256=sha256,
            mime=mime,
            pool=self.pool,
            cache=self.cache,
        )
        with _Heartbeat(self, job_id):
            run(ctx, READ)
        return ReadResult.of(ctx).model_dump_json()


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
