"""Reading the registry: agreements, files, pages, links, failures, counts."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from models import Extraction, NotFoundError
from service.registry import queries
from service.registry.connection import RegistryConnection
from service.registry.records import (
    AgreementPage,
    AgreementQuery,
    AgreementSummary,
    AgreementView,
    FieldValue,
    FileInfo,
    FileResult,
    Link,
)


class RegistryReader(RegistryConnection):
    def find_file(self, sha256: str) -> FileResult | None:
        row = (
            self._conn()
            .execute("SELECT agreement_id FROM files WHERE sha256 = ?", [sha256])
            .fetchone()
        )
        if row is None:
            return None
        return FileResult(
            outcome="exact_duplicate", agreement_id=row[0], sha256=sha256, duplicate_of=row[0]
        )

    def failure(self, sha256: str) -> dict[str, Any] | None:
        row = (
            self._conn()
            .execute(
                "SELECT sha256, name, error_code, message, attempts, at FROM failures "
                "WHERE sha256 = ?",
                [sha256],
            )
            .fetchone()
        )
        if row is None:
            return None
        return dict(
            zip(("sha256", "name", "error_code", "message", "attempts", "at"), row, strict=True)
        )

    def _require(self, conn: sqlite3.Connection, agreement_id: int) -> tuple[Any, ...]:
        row = conn.execute(
            "SELECT id, version, status, min_confidence, current, created_at, updated_at "
            "FROM agreements WHERE id = ?",
            [agreement_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"Perjanjian #{agreement_id} tidak ditemukan.")
        return tuple(row)

    def get_agreement(self, agreement_id: int) -> AgreementView:
        with self.read() as conn:
            return self._view(conn, agreement_id)

    def _view(self, conn: sqlite3.Connection, agreement_id: int) -> AgreementView:
        _id, version, status, confidence, current, created, updated = self._require(
            conn, agreement_id
        )
        files = [
            file_info_row(row)
            for row in conn.execute(
                "SELECT sha256, name, mime, size, pages, ocr_pages, added_at FROM files "
                "WHERE agreement_id = ? ORDER BY added_at, sha256",
                [agreement_id],
            )
        ]
        links = [
            link_row(row)
            for row in conn.execute(
                f"SELECT {LINK_COLUMNS} FROM links WHERE from_agreement = ? OR to_agreement = ? "
                "ORDER BY id",
                [agreement_id, agreement_id],
            )
        ]
        return AgreementView(
            id=agreement_id,
            version=version,
            status=status,
            fields={k: FieldValue.model_validate(v) for k, v in json.loads(current).items()},
            files=files,
            links=links,
            min_confidence=confidence,
            created_at=dt.datetime.fromisoformat(created),
            updated_at=dt.datetime.fromisoformat(updated),
        )

    def list_agreements(
        self, query: AgreementQuery, *, region_scope: str | None = None
    ) -> AgreementPage:
        where, params = queries.where(query, region_scope=region_scope)
        with self.read() as conn:
            total = conn.execute(
                f"SELECT COUNT(*) FROM agreements a WHERE {where}", params
            ).fetchone()[0]
            rows = conn.execute(
                queries.page_sql(where, query.sort), [*params, query.limit, query.offset]
            ).fetchall()
        return AgreementPage(total=total, items=[queries.summary(r) for r in rows])

    def iter_agreements(
        self, query: AgreementQuery, *, region_scope: str | None = None
    ) -> Iterator[AgreementSummary]:
        """Every matching agreement (no paging), read in batches by id."""
        where, params = queries.where(query, region_scope=region_scope)
        conn = self._conn()
        last = -1
        while True:
            rows = conn.execute(
                f"SELECT {queries.SUMMARY_COLUMNS} FROM agreements a WHERE {where} AND a.id > ? "
                "ORDER BY a.id LIMIT 500",
                [*params, last],
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield queries.summary(row)
            last = rows[-1][0]

    def review_queue(
        self, limit: int = 50, offset: int = 0, *, region_scope: str | None = None
    ) -> AgreementPage:
        return self.list_agreements(
            AgreementQuery(status="needs_review", sort="confidence", limit=limit, offset=offset),
            region_scope=region_scope,
        )

    def get_file(self, sha256: str) -> tuple[FileInfo, Path]:
        row = (
            self._conn()
            .execute(
                "SELECT sha256, name, mime, size, pages, ocr_pages, added_at, path FROM files "
                "WHERE sha256 = ?",
                [sha256],
            )
            .fetchone()
        )
        if row is None:
            raise NotFoundError(f"Berkas {sha256} tidak ditemukan.")
        return file_info_row(row[:7]), self.store.root / row[7]

    def page_text(self, sha256: str, page: int) -> str:
        row = (
            self._conn()
            .execute("SELECT text FROM pages WHERE sha256 = ? AND number = ?", [sha256, page])
            .fetchone()
        )
        if row is None:
            raise NotFoundError(f"Halaman {page} dari berkas {sha256} tidak ditemukan.")
        return str(row[0])

    def pages(self, sha256: str) -> list[dict[str, Any]]:
        """Every page of a file: text and how it was read."""
        cols = ("number", "method", "text", "ocr_confidence", "rotation", "skew", "error")
        return [
            dict(zip(cols, row, strict=True))
            for row in self._conn().execute(
                f"SELECT {', '.join(cols)} FROM pages WHERE sha256 = ? ORDER BY number", [sha256]
            )
        ]

    def extractions(self, agreement_id: int) -> list[Extraction]:
        """Every machine output kept for an agreement, oldest first."""
        return [
            Extraction.model_validate_json(row[0])
            for row in self._conn().execute(
                "SELECT data FROM extractions WHERE agreement_id = ? ORDER BY id", [agreement_id]
            )
        ]

    def get_link(self, link_id: int) -> Link:
        row = (
            self._conn()
            .execute(f"SELECT {LINK_COLUMNS} FROM links WHERE id = ?", [link_id])
            .fetchone()
        )
        if row is None:
            raise NotFoundError(f"Tautan #{link_id} tidak ditemukan.")
        return link_row(row)

    def pending_duplicates(self, limit: int = 50, offset: int = 0) -> list[Link]:
        return [
            link_row(row)
            for row in self._conn().execute(
                f"SELECT {LINK_COLUMNS} FROM links WHERE kind = 'duplicate_candidate' "
                "AND status = 'candidate' ORDER BY score DESC, id LIMIT ? OFFSET ?",
                [limit, offset],
            )
        ]

    def stats(self) -> dict[str, int]:
        conn = self._conn()
        one = lambda sql: int(conn.execute(sql).fetchone()[0] or 0)  # noqa: E731
        return {
            "agreements": one("SELECT COUNT(*) FROM agreements WHERE status != 'merged'"),
            "needs_review": one("SELECT COUNT(*) FROM agreements WHERE status = 'needs_review'"),
            "reviewed": one("SELECT COUNT(*) FROM agreements WHERE status = 'reviewed'"),
            "merged": one("SELECT COUNT(*) FROM agreements WHERE status = 'merged'"),
            "files": one("SELECT COUNT(*) FROM files"),
            "pages": one("SELECT COUNT(*) FROM pages"),
            "ocr_pages": one("SELECT COUNT(*) FROM pages WHERE method = 'ocr'"),
            "extractions": one("SELECT COUNT(*) FROM extractions"),
            "corrections": one("SELECT COUNT(*) FROM corrections"),
            "duplicate_candidates": one(
                "SELECT COUNT(*) FROM links WHERE kind = 'duplicate_candidate' "
                "AND status = 'candidate'"
            ),
            "links": one("SELECT COUNT(*) FROM links WHERE status != 'rejected'"),
            "failures": one("SELECT COUNT(*) FROM failures"),
        }


LINK_COLUMNS = "id, kind, status, from_agreement, to_agreement, score, reasons"


def link_row(row: tuple[Any, ...]) -> Link:
    return Link(
        id=row[0],
        kind=row[1],
        status=row[2],
        from_agreement=row[3],
        to_agreement=row[4],
        score=row[5],
        reasons=json.loads(row[6] or "[]"),
    )


def file_info_row(row: tuple[Any, ...]) -> FileInfo:
    return FileInfo(
        sha256=row[0],
        name=row[1],
        mime=row[2],
        size=row[3],
        pages=row[4],
        ocr_pages=row[5],
        added_at=dt.datetime.fromisoformat(row[6]),
    )
