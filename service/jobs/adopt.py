"""Jobs of earlier releases move into the one job store when the API starts.

Earlier releases kept job rows in ``service.db`` and the queued bytes in huey's
``queue.db``. A migration sees one database only, so the move is done here,
once, before the collector starts: every row is copied into ``registry.db``
(``INSERT OR IGNORE`` by id, so a move cut short is finished by the next
start), a job that was in flight gets its bytes back from huey's key-value
table (unpickled with nothing allowed but bytes) and is queued again, or fails
as ``upload_lost`` when they are gone; then the old table is dropped and
huey's file removed. Keys, users, sessions and page checkpoints stay in
``service.db``: they are the service's own state, not the ministry's record,
and change at request rate.
"""

from __future__ import annotations

import fcntl
import io
import logging
import pickle
import sqlite3
from pathlib import Path
from typing import Any

from models import Settings
from models.errors import UploadLostError
from service.jobs.queue import JobQueue
from service.jobs.store import IN_FLIGHT, JobStore, utc_now
from service.servicedb import migrate, service_db_path

log = logging.getLogger("kerjasama.jobs")

COLUMNS = (
    "id", "file", "sha256", "size", "mime", "status", "attempts", "user", "created_at",
    "started_at", "finished_at", "outcome", "agreement_id", "duplicate_of", "error", "message",
)  # fmt: skip
HUEY_QUEUE = "kerjasama"


class _BytesOnly(pickle.Unpickler):
    """huey pickled each value; a queued file is plain bytes, so no class may load."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"not a queued file: {module}.{name}")


def _huey_blob(queue_db: Path, job_id: str) -> bytes | None:
    if not queue_db.exists():
        return None
    try:
        with sqlite3.connect(queue_db, timeout=30) as db:
            row = db.execute(
                "select value from kv where queue = ? and key = ?",
                (HUEY_QUEUE, f"kerjasama:blob:{job_id}"),
            ).fetchone()
        value = _BytesOnly(io.BytesIO(row[0])).load() if row else None
    except (sqlite3.Error, pickle.UnpicklingError, EOFError):
        log.warning("the queued bytes of job %s could not be read from %s", job_id, queue_db)
        return None
    return value if isinstance(value, bytes) else None


def adopt_jobs(settings: Settings, store: JobStore, queue: JobQueue) -> int:
    """Move ``service.db``'s jobs into the registry; returns how many rows moved."""
    old = service_db_path(settings)
    if not old.exists():
        return 0
    migrate(old)  # an old service.db first reaches the last shape its jobs had
    with open(old.with_name("jobs-adopt.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            return _adopt(settings, old, store, queue)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _adopt(settings: Settings, old: Path, store: JobStore, queue: JobQueue) -> int:
    source = sqlite3.connect(old, timeout=60)
    source.row_factory = sqlite3.Row
    try:
        exists = source.execute(
            "select 1 from sqlite_master where type = 'table' and name = 'jobs'"
        ).fetchone()
        if not exists:
            return 0
        rows = [dict(r) for r in source.execute("select * from jobs order by created_at")]
        queue_db = settings.data_dir / "queue.db"
        for row in rows:
            if row["status"] in IN_FLIGHT:
                _requeue(row, queue, _huey_blob(queue_db, row["id"]))
        marks = ", ".join("?" for _ in COLUMNS)
        with store.write() as db:
            db.executemany(
                f"insert or ignore into jobs ({', '.join(COLUMNS)}) values ({marks})",
                [tuple(row[c] for c in COLUMNS) for row in rows],
            )
        # copied and committed first; a crash before the drop copies nothing twice
        with source:
            source.execute("drop table jobs")
    finally:
        source.close()
    for leftover in settings.data_dir.glob("queue.db*"):
        leftover.unlink(missing_ok=True)  # huey's queue: its jobs are in the registry now
    if rows:
        log.warning("moved %d job(s) from %s into the registry", len(rows), old)
    return len(rows)


def _requeue(row: dict[str, Any], queue: JobQueue, data: bytes | None) -> None:
    """An old job in flight: queued again with its bytes, or failed when they are gone."""
    if data is None:
        lost = UploadLostError("Berkas unggahan hilang saat pembaruan layanan; unggah ulang.")
        row.update(
            status="failed",
            error=lost.code,
            message=lost.message,
            finished_at=utc_now().isoformat(),
        )
        return
    queue.put_blob(row["id"], data)
    row.update(status="queued", started_at=None)
