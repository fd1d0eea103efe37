"""The service's own small database (API keys, jobs), apart from the registry.

Kept out of ``registry.db`` because it changes at request rate (job heartbeats)
and is not part of the record the ministry keeps. A connection per call keeps
it safe across the API's threads; WAL lets readers run beside the writer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from models import Settings


def service_db_path(settings: Settings) -> Path:
    return settings.data_dir / "service.db"


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """One transaction on the service database: committed on success, rolled back on error."""
    db = sqlite3.connect(path, timeout=30)
    db.row_factory = sqlite3.Row
    try:
        db.execute("pragma journal_mode=wal")
        with db:
            yield db
    finally:
        db.close()
