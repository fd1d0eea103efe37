"""The service's own small database (API keys, users, session secret, page checkpoints).

Kept out of ``registry.db`` because it changes at request rate (a row per OCR
page read) and is not part of the record the ministry keeps. Jobs lived here
until the job store moved into the registry (``0700_jobs``); migrations
0201-0202 stay for the databases that still walk through them, and
``service.jobs.adopt`` moves their rows and drops the table. A
connection per call keeps it safe across the API's threads; WAL lets readers
run beside the writer. Its schema is an ordered sqlite-utils ``Migrations``
list like the registry's (same rules: never edit a shipped one). The first one
adopts the tables earlier releases made with ``create table if not exists``.
"""

from __future__ import annotations

import fcntl
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database, Migrations

from models import Settings

MIGRATIONS = Migrations("kerjasama_service")


@MIGRATIONS(name="0201_jobs")
def _jobs(db: Database) -> None:
    """The job table as the first release made it (kept if it exists)."""
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS jobs (
            id TEXT PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL,
            size INTEGER NOT NULL, mime TEXT NOT NULL, status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0, user TEXT NOT NULL,
            created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT,
            outcome TEXT, agreement_id INTEGER, duplicate_of INTEGER,
            error TEXT, message TEXT, task_id TEXT);
        CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status);
        CREATE INDEX IF NOT EXISTS jobs_sha ON jobs (sha256);
        """
    )


@MIGRATIONS(name="0202_one_job_in_flight")
def _one_job_in_flight(db: Database) -> None:
    """At most one queued or running job per file: the check "is one in flight?"
    and the insert become one atomic statement (five simultaneous uploads of one
    file made five jobs). Older duplicates in flight are ended first."""
    db.executescript(
        """
        UPDATE jobs SET status = 'failed', error = 'duplicate_job',
            message = 'Another job for the same file was already in flight.'
        WHERE status IN ('queued', 'running') AND rowid NOT IN (
            SELECT MIN(rowid) FROM jobs WHERE status IN ('queued', 'running') GROUP BY sha256);
        CREATE UNIQUE INDEX jobs_one_in_flight ON jobs (sha256)
            WHERE status IN ('queued', 'running');
        """
    )


@MIGRATIONS(name="0203_page_checkpoints")
def _page_checkpoints(db: Database) -> None:
    """Pages read by OCR, kept until their file is filed (``service.checkpoints``)."""
    db.executescript(
        """
        CREATE TABLE page_checkpoints (
            key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, page TEXT NOT NULL, at TEXT NOT NULL);
        CREATE INDEX page_checkpoints_sha ON page_checkpoints (sha256);
        """
    )


_migrated: set[Path] = set()


def service_db_path(settings: Settings) -> Path:
    return settings.data_dir / "service.db"


def migrate(path: Path) -> None:
    """Apply pending migrations (once per process and path; a lock file keeps
    two processes from racing)."""
    if path in _migrated:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".migrate-lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            conn = sqlite3.connect(path, timeout=30)
            try:
                conn.execute("pragma journal_mode=wal")
                db = Database(conn)
                if MIGRATIONS.pending(db):
                    MIGRATIONS.apply(db)
            finally:
                conn.close()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    _migrated.add(path)


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """One transaction on the service database: committed on success, rolled back on error."""
    migrate(path)
    db = sqlite3.connect(path, timeout=30)
    db.row_factory = sqlite3.Row
    try:
        with db:
            yield db
    finally:
        db.close()
