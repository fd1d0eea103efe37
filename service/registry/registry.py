"""The registry: where extraction results are filed, kept, corrected and found.

One SQLite database in WAL mode (readers never wait for the writer) and a
content-addressed store of original bytes beside it. Each thread gets its own
connection; writes take a process lock and ``BEGIN IMMEDIATE`` (so two
processes, say the API and a backfill, queue on SQLite's busy timeout instead
of failing half-way). Every write method is one transaction: filing a file
either lands completely (agreement, file row, pages, extraction, links, search
and dedup index) or not at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from pydantic import TypeAdapter, ValidationError
from sqlite_utils import Database

from models import Document, Extraction, NotFoundError, Settings
from models.errors import ConflictError, PreconditionFailedError, ValidationFailedError
from service import dedup
from service.registry import derive, queries
from service.registry.records import (
    AgreementPage,
    AgreementQuery,
    AgreementSummary,
    AgreementView,
    Correction,
    FieldValue,
    FileInfo,
    FileResult,
    Link,
)
from service.registry.schema import MIGRATIONS
from service.registry.store import FileStore, sha256_of

BUSY_TIMEOUT_S = 60.0
_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    name: TypeAdapter(cast(Any, Extraction.model_fields[name].annotation))
    for name in derive.CURRENT_FIELDS
}
_RELINK_FIELDS = {"doc_type", "numbers", "parent_agreement", "parties"}


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


class Registry:
    def __init__(self, database: Path, files_dir: Path) -> None:
        self.database = database
        self.store = FileStore(files_dir)
        self._local = threading.local()
        self._lock = threading.RLock()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, settings: Settings) -> Registry:
        """Open (creating or upgrading) the registry that ``settings`` names."""
        return cls.open_path(settings.database, settings.files_dir)

    @classmethod
    def open_path(cls, database: Path, files_dir: Path) -> Registry:
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
                if MIGRATIONS.pending(db):
                    with self._lock:
                        MIGRATIONS.apply(db)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def applied_migrations(self) -> list[str]:
        return [m.name for m in MIGRATIONS.applied(Database(self._conn()))]

    def _conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
                raise ConflictError("the registry is closed")
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

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
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
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: several SELECTs see one snapshot."""
        conn = self._conn()
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")

    # ------------------------------------------------------------------ filing

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
        with self._write() as conn:
            return self._file_rows(
                conn, sha, relative, len(data), name, document, extraction, user, source
            )

    def _file_rows(
        self,
        conn: sqlite3.Connection,
        sha: str,
        relative: str,
        size: int,
        name: str,
        document: Document,
        extraction: Extraction,
        user: str,
        source: str,
    ) -> FileResult:
        """Every row of one filing, inside the caller's transaction."""
        if extraction.sha256 != sha:
            extraction = extraction.model_copy(update={"sha256": sha})
        text_fingerprint = dedup.fingerprint(document.text)
        row = conn.execute("SELECT agreement_id FROM files WHERE sha256 = ?", [sha]).fetchone()
        if row is not None:
            return FileResult(
                outcome="exact_duplicate",
                agreement_id=row[0],
                sha256=sha,
                duplicate_of=row[0],
            )
        now = _now()
        agreement_id = int(
            conn.execute(
                "INSERT INTO agreements (created_at, updated_at) VALUES (?, ?)", [now, now]
            ).lastrowid
            or 0
        )
        conn.execute(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                sha,
                agreement_id,
                name,
                document.mime,
                size,
                len(document.pages),
                document.ocr_pages,
                relative,
                source,
                user,
                now,
            ],
        )
        conn.executemany(
            "INSERT INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    sha,
                    page.number,
                    page.method,
                    page.text,
                    page.ocr_confidence,
                    page.rotation,
                    page.skew,
                    page.seconds,
                    page.error,
                )
                for page in document.pages
            ],
        )
        self._insert_extraction(conn, agreement_id, extraction, now)
        fields = derive.refresh(conn, agreement_id, fingerprint=text_fingerprint)
        conn.execute("DELETE FROM failures WHERE sha256 = ?", [sha])
        result = FileResult(
            outcome="filed",
            agreement_id=agreement_id,
            sha256=sha,
            min_confidence=derive.min_confidence(fields),
        )
        match = self._best_duplicate(
            conn, agreement_id, fields, text_fingerprint, [page.text for page in document.pages]
        )
        if match is not None:
            self._add_link(
                conn,
                "duplicate_candidate",
                "candidate",
                agreement_id,
                match.agreement_id,
                match.score,
                match.reasons,
            )
            result.outcome = "duplicate_candidate"
            result.duplicate_of = match.agreement_id
            result.score = match.score
            result.reasons = match.reasons
        self._link_references(conn, agreement_id)  # after the duplicate link: see _link_source
        return result

    def _insert_extraction(
        self, conn: sqlite3.Connection, agreement_id: int, extraction: Extraction, now: str
    ) -> None:
        conn.execute(
            "INSERT INTO extractions (agreement_id, sha256, extractor_version, data, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                agreement_id,
                extraction.sha256,
                extraction.extractor_version,
                extraction.model_dump_json(),
                now,
            ],
        )

    def _best_duplicate(
        self,
        conn: sqlite3.Connection,
        agreement_id: int,
        fields: dict[str, FieldValue],
        text_fingerprint: str,
        pages: list[str] | None = None,
    ) -> dedup.Match | None:
        values = {name: f.value for name, f in fields.items()}
        matches = [
            m
            for m in dedup.find_matches(
                conn, dedup.profile(values, text_fingerprint, pages or ()), exclude=agreement_id
            )
            if m.duplicate
        ]
        if not matches:
            return None
        pending_copies = {
            r[0]
            for r in conn.execute(
                "SELECT from_agreement FROM links WHERE kind = 'duplicate_candidate' "
                "AND status = 'candidate'"
                f" AND from_agreement IN ({','.join('?' * len(matches))})",
                [m.agreement_id for m in matches],
            )
        }
        # A third copy points at the original, not at a copy still awaiting review.
        matches.sort(key=lambda m: (m.agreement_id in pending_copies, -m.score))
        return matches[0]

    def _add_link(
        self,
        conn: sqlite3.Connection,
        kind: str,
        status: str,
        from_agreement: int,
        to_agreement: int,
        score: float | None,
        reasons: list[str],
    ) -> None:
        conn.execute(
            """
            INSERT INTO links (kind, status, from_agreement, to_agreement, score, reasons,
                created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (kind, from_agreement, to_agreement) DO UPDATE SET
                status = excluded.status, reasons = excluded.reasons,
                resolved_by = NULL, resolved_at = NULL
            WHERE links.resolved_by = 'system'
            """,
            [
                kind,
                status,
                from_agreement,
                to_agreement,
                score,
                json.dumps(reasons, ensure_ascii=False),
                _now(),
            ],
        )

    def _link_references(self, conn: sqlite3.Connection, agreement_id: int) -> None:
        """Link a PKS to the NK it implements and an addendum to what it amends,
        in whichever order the two were filed.

        A PKS cites its NK's numbers (one per party); the NK citing the most of
        them wins. Number reuse (another agreement printing one of those numbers)
        loses on count; a tie leaves every tied agreement as a *candidate* for a
        reviewer. Automatic links that stop holding (a better NK arrived, a
        reviewer corrected a number) are rejected by ``system``, never deleted;
        a reviewer's own decision is never undone here."""
        sources = {agreement_id}
        sources.update(
            r[0]
            for r in conn.execute(
                """
                SELECT c.agreement_id FROM citations c JOIN numbers n ON n.norm = c.norm
                WHERE n.agreement_id = ?
                UNION SELECT from_agreement FROM links
                WHERE to_agreement = ? AND kind IN ('implements', 'amends')
                """,
                [agreement_id, agreement_id],
            )
        )
        for source in sorted(sources):
            self._link_source(conn, source)

    def _link_source(self, conn: sqlite3.Connection, source: int) -> None:
        row = conn.execute(
            "SELECT doc_type, status FROM agreements WHERE id = ?", [source]
        ).fetchone()
        desired: dict[tuple[str, int], tuple[str, list[str]]] = {}
        if row is not None and row[1] != "merged" and row[0] in ("PKS", "ADENDUM"):
            hits: dict[str, list[tuple[int, int]]] = {}
            for target, target_type, count in conn.execute(
                """
                SELECT n.agreement_id, a.doc_type, COUNT(DISTINCT n.norm)
                FROM citations c JOIN numbers n ON n.norm = c.norm
                JOIN agreements a ON a.id = n.agreement_id
                WHERE c.agreement_id = ? AND n.agreement_id != ? AND a.status != 'merged'
                GROUP BY n.agreement_id
                """,
                [source, source],
            ):
                kind = _reference_kind(row[0], target_type)
                if kind:
                    hits.setdefault(kind, []).append((target, count))
            copies = (
                {
                    r[0]: r[1]
                    for r in conn.execute(
                        "SELECT from_agreement, to_agreement FROM links "
                        "WHERE kind = 'duplicate_candidate' AND status = 'candidate'"
                        f" AND from_agreement IN ({','.join('?' * len(found_ids))})",
                        found_ids,
                    )
                }
                if (found_ids := [t for found in hits.values() for t, _c in found])
                else {}
            )
            for kind, found in hits.items():
                # a copy still awaiting review stands behind its original, not beside it
                ids = {t for t, _c in found}
                found = [(t, c) for t, c in found if copies.get(t) not in ids]
                best = max(count for _t, count in found)
                tied = [t for t, count in found if count == best]
                status = "confirmed" if len(tied) == 1 else "candidate"
                reason = (
                    f"cites {best} number(s) of it"
                    if len(tied) == 1
                    else f"cites {best} number(s) shared by {len(tied)} agreements"
                )
                for target in tied:
                    desired[(kind, target)] = (status, [reason])
        now = _now()
        for link_id, kind, target, status, resolved_by in conn.execute(
            "SELECT id, kind, to_agreement, status, resolved_by FROM links "
            "WHERE from_agreement = ? AND kind IN ('implements', 'amends')",
            [source],
        ).fetchall():
            if resolved_by not in (None, "system"):
                desired.pop((kind, target), None)  # a reviewer decided this one
                continue
            want = desired.pop((kind, target), None)
            if want is None:
                if status != "rejected":
                    conn.execute(
                        "UPDATE links SET status = 'rejected', resolved_by = 'system', "
                        "resolved_at = ? WHERE id = ?",
                        [now, link_id],
                    )
            elif want[0] != status or resolved_by is not None:
                conn.execute(
                    "UPDATE links SET status = ?, reasons = ?, resolved_by = NULL, "
                    "resolved_at = NULL WHERE id = ?",
                    [want[0], json.dumps(want[1]), link_id],
                )
        for (kind, target), (status, reasons) in desired.items():
            self._add_link(conn, kind, status, source, target, None, reasons)

    def record_failure(self, sha256: str, name: str, error_code: str, message: str) -> None:
        """Remember a file that could not be filed, so a rerun can skip or retry it."""
        with self._write() as conn:
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
                [sha256, name, error_code, message[:2000], _now()],
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

    def reextract(self, agreement_id: int, extraction: Extraction) -> AgreementView:
        """Keep a newer extractor's output beside the old; corrections still win."""
        with self._write() as conn:
            self._require(conn, agreement_id)
            owner = conn.execute(
                "SELECT agreement_id FROM files WHERE sha256 = ?", [extraction.sha256]
            ).fetchone()
            if owner is None or owner[0] != agreement_id:
                raise ValidationFailedError(
                    "the extraction is not of a file of this agreement",
                    detail={"sha256": extraction.sha256, "agreement_id": agreement_id},
                )
            now = _now()
            self._insert_extraction(conn, agreement_id, extraction, now)
            derive.refresh(conn, agreement_id)
            self._link_references(conn, agreement_id)
            self._bump(conn, agreement_id, now)
        return self.get_agreement(agreement_id)

    # ------------------------------------------------------------------ reading

    def _require(self, conn: sqlite3.Connection, agreement_id: int) -> tuple[Any, ...]:
        row = conn.execute(
            "SELECT id, version, status, min_confidence, current, created_at, updated_at "
            "FROM agreements WHERE id = ?",
            [agreement_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"agreement {agreement_id} not found")
        return tuple(row)

    def get_agreement(self, agreement_id: int) -> AgreementView:
        with self._read() as conn:
            return self._view(conn, agreement_id)

    def _view(self, conn: sqlite3.Connection, agreement_id: int) -> AgreementView:
        _id, version, status, confidence, current, created, updated = self._require(
            conn, agreement_id
        )
        files = [
            _file_info(row)
            for row in conn.execute(
                "SELECT sha256, name, mime, size, pages, ocr_pages, added_at FROM files "
                "WHERE agreement_id = ? ORDER BY added_at, sha256",
                [agreement_id],
            )
        ]
        links = [
            _link(row)
            for row in conn.execute(
                f"SELECT {_LINK_COLUMNS} FROM links WHERE from_agreement = ? OR to_agreement = ? "
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
        with self._read() as conn:
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
            raise NotFoundError(f"file {sha256} not found")
        return _file_info(row[:7]), self.store.root / row[7]

    def page_text(self, sha256: str, page: int) -> str:
        row = (
            self._conn()
            .execute("SELECT text FROM pages WHERE sha256 = ? AND number = ?", [sha256, page])
            .fetchone()
        )
        if row is None:
            raise NotFoundError(f"page {page} of file {sha256} not found")
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
            .execute(f"SELECT {_LINK_COLUMNS} FROM links WHERE id = ?", [link_id])
            .fetchone()
        )
        if row is None:
            raise NotFoundError(f"link {link_id} not found")
        return _link(row)

    def pending_duplicates(self, limit: int = 50, offset: int = 0) -> list[Link]:
        return [
            _link(row)
            for row in self._conn().execute(
                f"SELECT {_LINK_COLUMNS} FROM links WHERE kind = 'duplicate_candidate' "
                "AND status = 'candidate' ORDER BY score DESC, id LIMIT ? OFFSET ?",
                [limit, offset],
            )
        ]

    # ------------------------------------------------------------------ reviewing

    def correct(
        self,
        agreement_id: int,
        changes: dict[str, Any],
        *,
        reason: str,
        user: str,
        expected_version: int,
    ) -> AgreementView:
        """Apply a reviewer's changes; each changed field leaves an audit row."""
        if not changes:
            raise ValidationFailedError("no changes given")
        if not reason or not reason.strip():
            raise ValidationFailedError("a correction needs a reason")
        cleaned = {name: _validate(name, value) for name, value in changes.items()}
        with self._write() as conn:
            _id, version, *_rest = self._require(conn, agreement_id)
            if version != expected_version:
                raise PreconditionFailedError(
                    f"agreement {agreement_id} is at version {version}, not {expected_version}",
                    detail={"current_version": version},
                )
            current = derive.current_fields(conn, agreement_id)
            now = _now()
            changed = [name for name, value in cleaned.items() if current[name].value != value]
            for name in changed:
                conn.execute(
                    "INSERT INTO corrections (agreement_id, field, old_value, new_value, reason, "
                    "user, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        agreement_id,
                        name,
                        json.dumps(current[name].value, ensure_ascii=False),
                        json.dumps(cleaned[name], ensure_ascii=False),
                        reason.strip(),
                        user,
                        now,
                    ],
                )
            if changed:
                derive.refresh(conn, agreement_id)
                if _RELINK_FIELDS & set(changed):
                    self._link_references(conn, agreement_id)
                self._bump(conn, agreement_id, now)
            return self._view(conn, agreement_id)

    def _bump(self, conn: sqlite3.Connection, agreement_id: int, now: str) -> None:
        conn.execute(
            "UPDATE agreements SET version = version + 1, updated_at = ? WHERE id = ?",
            [now, agreement_id],
        )

    def history(self, agreement_id: int) -> list[Correction]:
        with self._read() as conn:
            self._require(conn, agreement_id)
            rows = conn.execute(
                "SELECT id, agreement_id, field, old_value, new_value, reason, user, at "
                "FROM corrections WHERE agreement_id = ? ORDER BY id",
                [agreement_id],
            ).fetchall()
        return [
            Correction(
                id=r[0],
                agreement_id=r[1],
                field=r[2],
                old_value=json.loads(r[3]) if r[3] is not None else None,
                new_value=json.loads(r[4]) if r[4] is not None else None,
                reason=r[5],
                user=r[6],
                at=dt.datetime.fromisoformat(r[7]),
            )
            for r in rows
        ]

    def mark_reviewed(
        self, agreement_id: int, *, user: str, expected_version: int | None = None
    ) -> AgreementView:
        with self._write() as conn:
            _id, version, status, *_rest = self._require(conn, agreement_id)
            if expected_version is not None and version != expected_version:
                raise PreconditionFailedError(
                    f"agreement {agreement_id} is at version {version}, not {expected_version}",
                    detail={"current_version": version},
                )
            if status == "merged":
                raise ConflictError(f"agreement {agreement_id} was merged into another")
            now = _now()
            if status != "reviewed":
                conn.execute(
                    "INSERT INTO corrections (agreement_id, field, old_value, new_value, reason, "
                    "user, at) VALUES (?, 'status', ?, '\"reviewed\"', 'marked reviewed', ?, ?)",
                    [agreement_id, json.dumps(status), user, now],
                )
                conn.execute(
                    "UPDATE agreements SET status = 'reviewed' WHERE id = ?", [agreement_id]
                )
                self._bump(conn, agreement_id, now)
            return self._view(conn, agreement_id)

    def resolve_link(self, link_id: int, *, confirm: bool, user: str) -> Link:
        """A reviewer's decision on a link. Confirming a duplicate merges: the
        copy's files join the original's agreement and the copy is kept with
        status ``merged`` (its extractions, corrections and links stay)."""
        with self._write() as conn:
            row = conn.execute(
                f"SELECT {_LINK_COLUMNS} FROM links WHERE id = ?", [link_id]
            ).fetchone()
            if row is None:
                raise NotFoundError(f"link {link_id} not found")
            link = _link(row)
            if link.status != "candidate" and link.kind == "duplicate":
                raise ConflictError(f"link {link_id} was already merged")
            now = _now()
            if not confirm:
                if link.kind in ("duplicate", "duplicate_candidate") and link.status != "candidate":
                    raise ConflictError(f"link {link_id} was already {link.status}")
                conn.execute(
                    "UPDATE links SET status = 'rejected', resolved_by = ?, resolved_at = ? "
                    "WHERE id = ?",
                    [user, now, link_id],
                )
            elif link.kind == "duplicate_candidate":
                if link.status != "candidate":
                    raise ConflictError(f"link {link_id} was already {link.status}")
                self._merge(conn, link.from_agreement, link.to_agreement, now)
                conn.execute(
                    "UPDATE links SET kind = 'duplicate', status = 'confirmed', resolved_by = ?, "
                    "resolved_at = ? WHERE id = ?",
                    [user, now, link_id],
                )
            else:
                conn.execute(
                    "UPDATE links SET status = 'confirmed', resolved_by = ?, resolved_at = ? "
                    "WHERE id = ?",
                    [user, now, link_id],
                )
            if link.kind == "duplicate_candidate":  # who is whose copy changed: relink both
                self._link_references(conn, link.from_agreement)
                self._link_references(conn, link.to_agreement)
            return _link(
                conn.execute(
                    f"SELECT {_LINK_COLUMNS} FROM links WHERE id = ?", [link_id]
                ).fetchone()
            )

    def _merge(self, conn: sqlite3.Connection, copy: int, original: int, now: str) -> None:
        status = conn.execute("SELECT status FROM agreements WHERE id = ?", [original]).fetchone()
        if status is None or status[0] == "merged":
            raise ConflictError(f"agreement {original} was itself merged; resolve that first")
        conn.execute("UPDATE files SET agreement_id = ? WHERE agreement_id = ?", [original, copy])
        conn.execute(
            "UPDATE agreements SET status = 'merged', merged_into = ? WHERE id = ?",
            [original, copy],
        )
        for column, other in (
            ("from_agreement", "to_agreement"),
            ("to_agreement", "from_agreement"),
        ):
            conn.execute(
                f"UPDATE OR IGNORE links SET {column} = ? WHERE {column} = ? AND {other} != ? "
                "AND kind IN ('implements', 'amends', 'duplicate_candidate')",
                [original, copy, original],
            )
        conn.execute("DELETE FROM search WHERE agreement_id = ?", [copy])
        derive.refresh(conn, copy)
        derive.refresh(conn, original)
        self._bump(conn, copy, now)
        self._bump(conn, original, now)

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


_LINK_COLUMNS = "id, kind, status, from_agreement, to_agreement, score, reasons"


def _link(row: tuple[Any, ...]) -> Link:
    return Link(
        id=row[0],
        kind=row[1],
        status=row[2],
        from_agreement=row[3],
        to_agreement=row[4],
        score=row[5],
        reasons=json.loads(row[6] or "[]"),
    )


def _file_info(row: tuple[Any, ...]) -> FileInfo:
    return FileInfo(
        sha256=row[0],
        name=row[1],
        mime=row[2],
        size=row[3],
        pages=row[4],
        ocr_pages=row[5],
        added_at=dt.datetime.fromisoformat(row[6]),
    )


def _reference_kind(source_type: str | None, target_type: str | None) -> str | None:
    """PKS -> NK is "implements"; an addendum -> anything but itself is "amends"."""
    if source_type == "PKS" and target_type == "NK":
        return "implements"
    if source_type == "ADENDUM" and target_type in ("NK", "PKS", "other", None):
        return "amends"
    return None


def _validate(name: str, value: Any) -> Any:
    """A reviewer's value, checked against the extraction contract's type for that field."""
    adapter = _ADAPTERS.get(name)
    if adapter is None:
        raise ValidationFailedError(
            f"unknown field {name!r}", detail={"field": name, "fields": list(_ADAPTERS)}
        )
    try:
        return adapter.dump_python(adapter.validate_python(value), mode="json")
    except ValidationError as exc:
        raise ValidationFailedError(
            f"invalid value for {name}: {exc.errors()[0]['msg']}",
            detail={"field": name, "errors": json.loads(exc.json())},
        ) from exc
