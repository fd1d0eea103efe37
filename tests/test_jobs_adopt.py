"""A data folder of the huey release still starts: its jobs move into the one
job store, a job that was in flight runs with the bytes huey kept, and keys
stay where they were."""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import sqlite3
from pathlib import Path

from test_api_support import add_key, agreement_pdf, client, make_settings, running_server, wait_job

from service.servicedb import migrate


def _old_release(data: Path, queued: bytes) -> None:
    """service.db jobs (migrations 0201-0203) and huey's queue.db, as that release left them."""
    migrate(data / "service.db")
    at = dt.datetime(2026, 11, 30, 8, tzinfo=dt.UTC).isoformat()
    with sqlite3.connect(data / "service.db") as db:
        db.executemany(
            "insert into jobs (id, file, sha256, size, mime, status, attempts, user, created_at,"
            " finished_at, outcome, agreement_id, error, message, task_id)"
            " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                ("a" * 32, "lama.pdf", "1" * 64, 10, "application/pdf", "failed", 1, "rina",
                 at, at, None, None, "corrupt_file", "Berkas rusak.", "t1"),
                ("b" * 32, "antre.pdf", hashlib.sha256(queued).hexdigest(), len(queued),
                 "application/pdf", "running", 1, "rina", at, None, None, None, None, None, "t2"),
                ("c" * 32, "hilang.pdf", "3" * 64, 10, "application/pdf", "queued", 0, "rina",
                 at, None, None, None, None, None, "t3"),
            ],
        )  # fmt: skip
    with sqlite3.connect(data / "queue.db") as db:
        db.execute(
            "create table kv (queue text not null, key text not null, value blob not null,"
            " primary key(queue, key))"
        )
        db.execute(
            "insert into kv values ('kerjasama', ?, ?)",
            ("kerjasama:blob:" + "b" * 32, pickle.dumps(queued, pickle.HIGHEST_PROTOCOL)),
        )


def test_an_old_data_folder_starts_and_its_jobs_move_into_the_registry(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, embedded_worker=True)
    queued = agreement_pdf("dari antrean lama")
    _old_release(settings.data_dir, queued)
    key = add_key(settings, "staff")  # keys stay in service.db
    with running_server(settings) as base, client(base, key) as http:
        done = wait_job(http, "b" * 32, timeout=180)  # in flight at the upgrade: runs now
        assert done["status"] == "done" and done["agreement_id"], done
        old = http.get("/api/v1/jobs/" + "a" * 32).json()
        assert (old["status"], old["error"], old["user"]) == ("failed", "corrupt_file", "rina")
        lost = http.get("/api/v1/jobs/" + "c" * 32).json()  # its bytes were never kept
        assert lost["status"] == "failed" and lost["error"] == "upload_lost", lost
        assert len(http.get("/api/v1/jobs").json()["items"]) == 3
    with sqlite3.connect(settings.data_dir / "service.db") as db:
        tables = {r[0] for r in db.execute("select name from sqlite_master where type='table'")}
    assert "jobs" not in tables and "api_keys" in tables
    assert not (settings.data_dir / "queue.db").exists()
    with sqlite3.connect(settings.database) as db:
        assert db.execute("select count(*) from jobs").fetchone()[0] == 3
