"""The registry's connections and transactions.

One SQLite database in WAL mode (readers never wait for the writer). Each
thread gets its own connection; writes take a process lock and ``BEGIN
IMMEDIATE`` (so two processes, say the API and a backfill, queue on SQLite's
busy timeout instead of failing half-way). ``write()`` and ``read()`` are the
public transaction helpers: the evaluations and the benchmark use them for
their own tables and queries instead of reaching into the registry.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Self

from sqlite_utils import Database

from models import Settings
from models.errors import ConflictError
from service.registry import derive
from service.registry.schema import MIGRATIONS
from service.registry.store import FileStore

BUSY_TIMEOUT_S = 60.0
DEDUP_MIGRATION = "0002_dedup_blocking"
"""Its tables are filled for older agreements by ``derive`` right after it is applied."""
SEARCH_MIGRATION = "0401_search_replaced"
"""Likewise: the search rows of older agreements are rebuilt right after it."""


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


class RegistryConnection:
    def __init__(self, database: Path, files_dir: Path) -> None:
        self.database = database
        self.store = FileStore(files_dir)
        self._local = threading.local()
        self._lock = threading.RLock()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, settings: Settings) -> Self:
        """Open (creating or upgrading) the registry that ``settings`` names."""
        return cls.open_path(settings.database, settings.files_dir)

    @classmethod
    def open_path(cls, database: Path, files_dir: Path) -> Self:
        database.parent.mkdir(parents=True, exist_ok=True)
        registry = cls(database, files_dir)
        registry._migrate()
        return registry

    def _migrate(self) -> None:
        """Apply pending migrations; a lock file keeps two processes from racing."""
        lock_path = self.database.with_name(self.database.name + ".migrate-lock")
        with open(lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                conn = self._conn()
                conn.execute("PRAGMA journal_mode=WAL")
                db = Database(conn)
                pending = {m.name for m in MIGRATIONS.pending(db)}
                if pending:
                    with self._lock:
                        MIGRATIONS.apply(db)
                        rebuilds = (
                            (DEDUP_MIGRATION, derive.rebuild_dedup_index),
                            (SEARCH_MIGRATION, derive.rebuild_search_index),
                        )
                        for name, rebuild in rebuilds:
                            if name in pending:
                                conn.execute("BEGIN IMMEDIATE")
                                rebuild(db)
                                conn.execute("COMMIT")
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def applied_migrations(self) -> list[str]:
        return [m.name for m in MIGRATIONS.applied(Database(self._conn()))]

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
                raise ConflictError("Registri sudah ditutup.")
            conn = sqlite3.connect(
                self.database,
                timeout=BUSY_TIMEOUT_S,
                isolation_level=None,
                check_same_thread=False,
            )
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            self._closed = True
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken up front so it never has to upgrade a read lock."""
        with self._lock:
            conn = self._conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextlib.contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: several SELECTs see one snapshot."""
        conn = self._conn()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")
