"""Pages read by OCR, kept until their file is filed, so a killed run resumes.

A backfill or a job killed in the middle of a 40-page scan used to throw away
every page it had read (nine kills in a row made no progress at all). Each
page read is written here as soon as it is read, keyed by file sha256, page
and OCR settings (``extractor.ingest.checkpoint_key``); the next run takes it
from here and reads only the pages that are missing. Filing the file deletes
its rows: from then on the registry holds the pages. Rows live in the service
database (``servicedb``, table ``page_checkpoints``), one short write per page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models import Page, Settings
from service.servicedb import connect, service_db_path


class PageCheckpoints:
    """``extractor.ingest.PageCache`` over the service database."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def for_settings(cls, settings: Settings) -> PageCheckpoints:
        return cls(service_db_path(settings))

    def get(self, key: str) -> Page | None:
        with connect(self.path) as db:
            row = db.execute("select page from page_checkpoints where key = ?", (key,)).fetchone()
        return Page.model_validate_json(row[0]) if row else None

    def put(self, key: str, sha256: str, page: Page) -> None:
        with connect(self.path) as db:
            db.execute(
                "insert or replace into page_checkpoints (key, sha256, page, at) "
                "values (?, ?, ?, ?)",
                (key, sha256, page.model_dump_json(), dt.datetime.now(dt.UTC).isoformat()),
            )

    def forget(self, sha256: str) -> None:
        with connect(self.path) as db:
            db.execute("delete from page_checkpoints where sha256 = ?", (sha256,))

    def count(self, sha256: str) -> int:
        with connect(self.path) as db:
            row = db.execute(
                "select count(*) from page_checkpoints where sha256 = ?", (sha256,)
            ).fetchone()
        return int(row[0])
