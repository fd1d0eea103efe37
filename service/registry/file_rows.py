"""Every row of one filing, written inside the caller's transaction.

Kept apart from the ``Registry`` facade so the benchmark can file many
documents in one transaction (``with registry.write() as conn: file_rows(...)``).
"""

from __future__ import annotations

import sqlite3

from models import Document, Extraction
from service import dedup, dedup_candidates
from service.registry import derive
from service.registry.connection import now_iso
from service.registry.linking import add_link, link_references
from service.registry.records import FieldValue, FileResult


def file_rows(
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
    now = now_iso()
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
    insert_extraction(conn, agreement_id, extraction, now)
    fields = derive.refresh(conn, agreement_id, fingerprint=text_fingerprint)
    conn.execute("DELETE FROM failures WHERE sha256 = ?", [sha])
    result = FileResult(
        outcome="filed",
        agreement_id=agreement_id,
        sha256=sha,
        min_confidence=derive.min_confidence(fields),
    )
    match = best_duplicate(
        conn, agreement_id, fields, text_fingerprint, [page.text for page in document.pages]
    )
    if match is not None:
        add_link(
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
    link_references(conn, agreement_id)  # after the duplicate link: see _link_source
    return result


def insert_extraction(
    conn: sqlite3.Connection, agreement_id: int, extraction: Extraction, now: str
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


def best_duplicate(
    conn: sqlite3.Connection,
    agreement_id: int,
    fields: dict[str, FieldValue],
    text_fingerprint: str,
    pages: list[str] | None = None,
) -> dedup.Match | None:
    values = {name: f.value for name, f in fields.items()}
    matches = [
        m
        for m in dedup_candidates.find_matches(
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
