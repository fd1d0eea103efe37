"""The Redis backend: a stream and a consumer group hold the lease, not our code.

Redis Streams already are a queue with acknowledgements and a visibility
timeout: ``XREADGROUP`` delivers an entry to one consumer and keeps it in the
group's pending list until ``XACK``; an entry idle longer than the lease is
taken over with ``XAUTOCLAIM``, which counts the delivery. A worker renews its
lease by claiming its own entry again (``XCLAIM ... JUSTID``: the idle time
resets, the count does not), in a script that first checks it still holds it.
Results go back on a second stream, read by the API's collector in its own
group, so a result is acknowledged only once it is filed. Everything crosses
Redis as bytes and JSON (never pickles): whoever can write to Redis cannot
make a worker or the API run code.
"""

from __future__ import annotations

import time
from typing import Any

import redis

from models import Settings
from models.errors import WorkerLostError
from service.consume import ReadResult
from service.jobs.queue import Claim, Finished, exhausted_message
from service.jobs.store import Job, JobStore, utc_now

JOBS = "kerjasama:jobs"
WORKERS = "workers"
RESULTS = "kerjasama:results"
WRITER = "writer"
WRITER_NAME = "api"

_RENEW = """
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1)
if p[1] and p[1][2] == ARGV[3] then
  redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[2], 'JUSTID')
  return 1
end
return 0
"""


def _blob_key(job_id: str) -> str:
    return f"kerjasama:blob:{job_id}"


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


class RedisQueue:
    """``JobQueue`` on Redis Streams (``KERJASAMA_QUEUE_URL``)."""

    def __init__(self, settings: Settings, url: str, store: JobStore | None = None) -> None:
        """``store`` on the API side only: a worker never opens a database."""
        self.settings = settings
        self.store = store
        self.redis = redis.Redis.from_url(url)
        self.lease_ms = int(settings.job_lease_seconds * 1000)
        self._renew = self.redis.register_script(_RENEW)
        for stream, group in ((JOBS, WORKERS), (RESULTS, WRITER)):
            try:
                self.redis.xgroup_create(stream, group, id="0", mkstream=True)
            except redis.ResponseError as exc:
                if "BUSYGROUP" not in str(exc):
                    raise

    # -- the API side
    def put_blob(self, job_id: str, data: bytes) -> None:
        self.redis.set(_blob_key(job_id), data)

    def drop_blob(self, job_id: str) -> None:
        self.redis.delete(_blob_key(job_id))

    def blob(self, job_id: str) -> bytes | None:
        data = self.redis.get(_blob_key(job_id))
        return data if isinstance(data, bytes) else None

    def enqueue(self, job: Job) -> str | None:
        fields = {"job_id": job.id, "name": job.file, "sha256": job.sha256, "mime": job.mime}
        return _text(self.redis.xadd(JOBS, fields))

    def _pending(self, **filters: Any) -> list[dict[str, Any]]:
        entries = self.redis.xpending_range(JOBS, WORKERS, "-", "+", 10_000, **filters)
        return list(entries)

    def sync(self, active: list[Job]) -> None:
        """The pending list into the rows: who holds each job, which attempt, until when.
        A queued row that never reached the stream (the API died in between) goes on it."""
        store = self.store
        if store is None:
            return
        by_ref = {job.queue_ref: job for job in active if job.queue_ref}
        now = time.time()
        for entry in self._pending():
            job = by_ref.get(_text(entry["message_id"]))
            if job is None:
                continue
            owner = _text(entry["consumer"])
            attempts = int(entry["times_delivered"])
            idle = int(entry["time_since_delivered"]) / 1000
            expires = now - idle + self.settings.job_lease_seconds
            known = job.lease_expires_at.timestamp() if job.lease_expires_at else 0.0
            if (job.status, job.attempts, job.lease_owner) == ("running", attempts, owner) and (
                abs(known - expires) < self.settings.job_lease_seconds / 4
            ):
                continue
            store.update(
                job.id,
                status="running",
                attempts=attempts,
                lease_owner=owner,
                lease_expires_at=expires,
                heartbeat_at=now - idle,
                started_at=job.started_at or utc_now(),
            )
        for job in active:
            late = (utc_now() - job.created_at).total_seconds() > 5
            if job.queue_ref is None and late and self.blob(job.id) is not None:
                store.update(job.id, queue_ref=self.enqueue(job))

    def exhausted(self, active: list[Job]) -> list[Job]:
        by_ref = {job.queue_ref: job for job in active if job.queue_ref}
        gone = []
        for entry in self._pending(idle=self.lease_ms):
            job = by_ref.get(_text(entry["message_id"]))
            if job is not None and int(entry["times_delivered"]) >= self.settings.job_max_attempts:
                gone.append(job.model_copy(update={"attempts": int(entry["times_delivered"])}))
        return gone

    def results(self) -> list[Finished]:
        found: dict[str, Finished] = {}
        for start in ("0", ">"):  # first what this writer read but never acknowledged
            reply = self.redis.xreadgroup(WRITER, WRITER_NAME, {RESULTS: start}, count=100)
            for _stream, entries in reply or []:
                for entry_id, fields in entries:
                    if not fields:
                        continue
                    ref = _text(entry_id)
                    result = ReadResult.model_validate_json(fields[b"result"])
                    job_id, attempt = _text(fields[b"job_id"]), int(fields[b"attempt"])
                    found[ref] = Finished(job_id, result, attempt, ref)
        return list(found.values())

    def ack(self, finished: Finished) -> None:
        pipe = self.redis.pipeline()
        pipe.xack(RESULTS, WRITER, finished.ref)
        pipe.xdel(RESULTS, finished.ref)
        pipe.execute()

    def forget(self, job: Job) -> None:
        pipe = self.redis.pipeline()
        pipe.delete(_blob_key(job.id))
        if job.queue_ref:
            pipe.xack(JOBS, WORKERS, job.queue_ref)
            pipe.xdel(JOBS, job.queue_ref)
        pipe.execute()

    def pending_count(self) -> int:
        """Entries on the stream no worker holds yet."""
        held = self.redis.xpending(JOBS, WORKERS)
        return max(0, int(self.redis.xlen(JOBS)) - int(held["pending"]))

    # -- the worker side
    def claim(self, owner: str, wait: float) -> Claim | None:
        while True:
            # a lapsed lease first: a job another worker started and never finished
            _next, entries, *_ = self.redis.xautoclaim(
                JOBS, WORKERS, owner, self.lease_ms, "0-0", count=1
            )
            if entries:
                entry_id, fields = entries[0]
                if not fields:  # deleted meanwhile (Redis 6 reports it so)
                    self.redis.xack(JOBS, WORKERS, entry_id)
                    continue
                claim = self._taken_over(owner, _text(entry_id), fields)
                if claim is None:
                    continue  # that one was out of attempts; look again
                return claim
            reply = self.redis.xreadgroup(
                WORKERS, owner, {JOBS: ">"}, count=1, block=max(1, int(wait * 1000))
            )
            for _stream, new in reply or []:
                entry_id, fields = new[0]
                return _claim(owner, _text(entry_id), fields, attempt=1)
            return None

    def _taken_over(self, owner: str, ref: str, fields: dict[bytes, bytes]) -> Claim | None:
        [entry] = self.redis.xpending_range(JOBS, WORKERS, ref, ref, 1)
        attempt = int(entry["times_delivered"])
        claim = _claim(owner, ref, fields, attempt=attempt)
        if attempt <= self.settings.job_max_attempts:
            return claim
        lost = WorkerLostError(exhausted_message(attempt - 1))
        self.complete(claim, ReadResult(error=lost.code, message=lost.message))
        return None

    def renew(self, claim: Claim) -> bool:
        return bool(self._renew(keys=[JOBS], args=[WORKERS, claim.ref, claim.owner]))

    def complete(self, claim: Claim, result: ReadResult) -> bool:
        """Result on the writer's stream and the delivery acknowledged, in one
        transaction. A worker that lost its lease still hands its result in:
        reading is deterministic and filing idempotent by sha256."""
        pipe = self.redis.pipeline(transaction=True)
        fields = {
            "job_id": claim.job_id,
            "attempt": str(claim.attempt),
            "result": result.model_dump_json(),
        }
        pipe.xadd(RESULTS, fields)
        pipe.xack(JOBS, WORKERS, claim.ref)
        pipe.xdel(JOBS, claim.ref)
        pipe.execute()
        return True


def _claim(owner: str, ref: str, fields: dict[bytes, bytes], *, attempt: int) -> Claim:
    return Claim(
        job_id=_text(fields[b"job_id"]),
        name=_text(fields[b"name"]),
        sha256=_text(fields[b"sha256"]),
        mime=_text(fields[b"mime"]),
        attempt=attempt,
        owner=owner,
        ref=ref,
    )
