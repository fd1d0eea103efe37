"""The SQLite backend: the job rows are the queue, a lease is two columns of a row.

A claim is one ``UPDATE ... WHERE id = (SELECT ...) RETURNING`` inside
``BEGIN IMMEDIATE``: SQLite lets one writer in at a time, so two workers never
take the same row. The holder renews ``lease_expires_at`` while it reads; a
row whose lease lapsed (a worker killed with -9, a machine that lost power) is
claimed again by the next worker, ``attempts`` counting up, until
``job_max_attempts``; then the collector fails it (``WorkerLostError``).

The uploaded bytes and the worker's result wait in ``data_dir/jobs/`` (spool
files named by job id, written to a temporary name and renamed), so the
registry database never carries a 100 MB upload; ``result_ref`` names the
result file once a worker has handed it in.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from models import Settings
from service.consume import ReadResult
from service.jobs.queue import Claim, Finished
from service.jobs.store import Job, JobStore, utc_now

_CLAIM = """
UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = :owner,
    lease_expires_at = :until, heartbeat_at = :now, started_at = coalesce(started_at, :at)
WHERE id = (
    SELECT id FROM jobs
    WHERE result_ref IS NULL AND (status = 'queued'
        OR (status = 'running' AND lease_expires_at < :now AND attempts < :max))
    ORDER BY created_at LIMIT 1)
RETURNING id, file, sha256, mime, attempts
"""


class SqliteQueue:
    """``JobQueue`` over the job rows and a spool folder."""

    def __init__(self, settings: Settings, store: JobStore) -> None:
        self.settings = settings
        self.store = store
        self.spool = settings.spool_dir

    # -- spool files
    def _path(self, job_id: str, suffix: str) -> Path:
        if not job_id.isalnum():  # ids are uuid hex: never a path of someone's choosing
            raise ValueError(f"not a job id: {job_id!r}")
        return self.spool / f"{job_id}.{suffix}"

    def _write(self, target: Path, data: bytes) -> Path:
        """The bytes under a temporary name beside ``target`` (renamed by the caller)."""
        self.spool.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.spool, prefix=".incoming-")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        return Path(tmp)

    # -- the API side
    def put_blob(self, job_id: str, data: bytes) -> None:
        target = self._path(job_id, "upload")
        os.replace(self._write(target, data), target)

    def drop_blob(self, job_id: str) -> None:
        self._path(job_id, "upload").unlink(missing_ok=True)

    def blob(self, job_id: str) -> bytes | None:
        try:
            return self._path(job_id, "upload").read_bytes()
        except FileNotFoundError:
            return None

    def enqueue(self, job: Job) -> str | None:
        return None  # the queued row is already claimable

    def sync(self, active: list[Job]) -> None:
        return None  # the rows are the leases

    def exhausted(self, active: list[Job]) -> list[Job]:
        """Rows no worker may claim again (attempts used up) whose lease lapsed.
        Only the collector touches them, so reading the rows it holds is enough."""
        now = utc_now()
        return [
            job
            for job in active
            if job.status == "running"
            and job.result_ref is None
            and job.lease_expires_at is not None
            and job.lease_expires_at < now
            and job.attempts >= self.settings.job_max_attempts
        ]

    def results(self) -> list[Finished]:
        with self.store.read() as db:
            rows = db.execute(
                "select id, attempts, result_ref from jobs"
                " where status = 'running' and result_ref is not null order by created_at"
            ).fetchall()
        found = []
        for row in rows:
            try:
                text = (self.spool / str(row["result_ref"])).read_text(encoding="utf-8")
            except FileNotFoundError:  # the result file went missing: read it again
                self.store.update(str(row["id"]), status="queued", result_ref=None)
                continue
            result = ReadResult.model_validate_json(text)
            found.append(Finished(str(row["id"]), result, int(row["attempts"]), str(row["id"])))
        return found

    def ack(self, finished: Finished) -> None:
        self._path(finished.job_id, "result.json").unlink(missing_ok=True)

    def forget(self, job: Job) -> None:
        self.drop_blob(job.id)
        self._path(job.id, "result.json").unlink(missing_ok=True)

    def pending_count(self) -> int:
        with self.store.read() as db:
            row = db.execute("select count(*) from jobs where status = 'queued'").fetchone()
        return int(row[0])

    # -- the worker side
    def claim(self, owner: str, wait: float) -> Claim | None:
        deadline = time.monotonic() + wait
        while True:
            claim = self._claim(owner)
            if claim is not None or time.monotonic() >= deadline:
                return claim
            time.sleep(min(0.2, max(0.0, deadline - time.monotonic())))

    def _claim(self, owner: str) -> Claim | None:
        now = time.time()
        params = {
            "owner": owner,
            "now": now,
            "until": now + self.settings.job_lease_seconds,
            "at": utc_now().isoformat(),
            "max": self.settings.job_max_attempts,
        }
        with self.store.write() as db:
            row = db.execute(_CLAIM, params).fetchone()
        if row is None:
            return None
        return Claim(
            job_id=str(row["id"]),
            name=str(row["file"]),
            sha256=str(row["sha256"]),
            mime=str(row["mime"]),
            attempt=int(row["attempts"]),
            owner=owner,
            ref=str(row["id"]),
        )

    def renew(self, claim: Claim) -> bool:
        now = time.time()
        with self.store.write() as db:
            changed = db.execute(
                "update jobs set lease_expires_at = ?, heartbeat_at = ?"
                " where id = ? and lease_owner = ? and status = 'running' and result_ref is null",
                (now + self.settings.job_lease_seconds, now, claim.job_id, claim.owner),
            ).rowcount
        return changed == 1

    def complete(self, claim: Claim, result: ReadResult) -> bool:
        """The result file is renamed into place inside the transaction that names
        it, and only while this worker still holds the lease: a worker that lost
        its lease (another one took over) hands nothing in."""
        target = self._path(claim.job_id, "result.json")
        tmp = self._write(target, result.model_dump_json().encode("utf-8"))
        try:
            with self.store.write() as db:
                changed = db.execute(
                    "update jobs set result_ref = ?, lease_owner = null, lease_expires_at = null,"
                    " heartbeat_at = ? where id = ? and lease_owner = ? and status = 'running'",
                    (target.name, time.time(), claim.job_id, claim.owner),
                ).rowcount
                if changed == 1:
                    os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        return changed == 1
