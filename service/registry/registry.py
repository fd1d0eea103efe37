"""The registry: where extraction results are filed, kept, corrected and found.

One SQLite database (``connection``) and a content-addressed store of original
bytes beside it. Every write method is one transaction: filing a file either
lands completely (agreement, file row, pages, extraction, links, search and
dedup index, in ``file_rows``) or not at all. Reading is in ``reading``,
review decisions in ``review``, NK<->PKS links in ``linking``.
"""

from __future__ import annotations

from models import Document, Extraction
from service.registry.connection import now_iso
from service.registry.file_rows import file_rows
from service.registry.learned import apply_learned
from service.registry.records import FileResult
from service.registry.review import RegistryReviewer
from service.registry.store import sha256_of


class Registry(RegistryReviewer):
    def file_document(
        self,
        data: bytes,
        name: str,
        document: Document,
        extraction: Extraction,
        *,
        user: str = "system",
        source: str = "upload",
    ) -> FileResult:
        """File one read file: a new agreement, or a candidate duplicate of one.

        The original bytes are stored first (idempotent, content-addressed); the
        rows follow in one transaction, so a crash at any point leaves the file
        either fully filed or absent (and then filed again by the next try)."""
        sha = sha256_of(data)
        existing = self.find_file(sha)
        if existing is not None:
            return existing
        relative = self.store.put(data, sha)
        with self.write() as conn:
            extraction = apply_learned(conn, extraction)
            return file_rows(
                conn, sha, relative, len(data), name, document, extraction, user, source
            )

    def record_failure(self, sha256: str, name: str, error_code: str, message: str) -> None:
        """Remember a file that could not be filed, so a rerun can skip or retry it."""
        with self.write() as conn:
            if conn.execute("SELECT 1 FROM files WHERE sha256 = ?", [sha256]).fetchone():
                return
            conn.execute(
                """
                INSERT INTO failures (sha256, name, error_code, message, at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(sha256) DO UPDATE SET name = excluded.name,
                    error_code = excluded.error_code, message = excluded.message,
                    at = excluded.at, attempts = attempts + 1
                """,
                [sha256, name, error_code, message[:2000], now_iso()],
            )
