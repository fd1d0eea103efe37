"""List filters as SQL: what ``AgreementQuery`` asks, over the derived columns.

Region codes nest (Kemendagri: ``35`` province ⊃ ``35.15`` kabupaten ⊃
``35.15.01`` kecamatan), so a code matches itself and every code under it.
Full-text queries are quoted token by token (sqlite-utils' ``quote_fts``):
a records clerk's ``NOT`` or stray quote is a word, never FTS5 syntax.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from sqlite_utils import Database

from service.registry.records import AgreementQuery, AgreementSummary

SORTS = {
    "id": "a.id",
    "-id": "a.id DESC",
    "signing_date": "a.signing_date IS NULL, a.signing_date, a.id",
    "-signing_date": "a.signing_date IS NULL, a.signing_date DESC, a.id DESC",
    "end_date": "a.end_date IS NULL, a.end_date, a.id",
    "confidence": "COALESCE(a.min_confidence, -1), a.id",
}

_FTS = Database(memory=True)
"""Only for ``quote_fts``, which never touches its connection."""

SUMMARY_COLUMNS = (
    "a.id, a.version, a.status, a.signing_date, a.end_date, a.min_confidence, a.current"
)


def region_clause(code: str) -> tuple[str, list[Any]]:
    code = code.strip().rstrip(".")
    return (
        "a.id IN (SELECT agreement_id FROM parties WHERE region_code = ? OR region_code LIKE ?)",
        [code, code.replace("%", "").replace("_", "") + ".%"],
    )


def where(
    query: AgreementQuery, *, region_scope: str | None, today: dt.date | None = None
) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.status:
        clauses.append("a.status = ?")
        params.append(query.status)
    else:
        clauses.append("a.status != 'merged'")
    if query.q and query.q.strip():
        quoted = _FTS.quote_fts(query.q.strip())
        if re.search(r"\w", quoted):
            clauses.append("a.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
            params.append(quoted)
        else:  # nothing searchable (only quotes or punctuation): nothing matches
            clauses.append("0")
    if query.doc_type:
        clauses.append("a.doc_type = ?")
        params.append(query.doc_type)
    if query.party:
        like = f"%{query.party.strip()}%"
        clauses.append(
            "a.id IN (SELECT agreement_id FROM parties WHERE institution LIKE ? "
            "OR region_name LIKE ? OR region_code = ?)"
        )
        params.extend([like, like, query.party.strip()])
    for code in (query.region_code, region_scope):
        if code:
            clause, extra = region_clause(code)
            clauses.append(clause)
            params.extend(extra)
    if query.year is not None:
        clauses.append("a.signing_year = ?")
        params.append(query.year)
    if query.expires_within_days is not None:
        start = today or dt.date.today()
        clauses.append("a.end_date BETWEEN ? AND ?")
        params.extend(
            [
                start.isoformat(),
                (start + dt.timedelta(days=query.expires_within_days)).isoformat(),
            ]
        )
    return " AND ".join(clauses) or "1", params


def summary(row: tuple[Any, ...]) -> AgreementSummary:
    agreement_id, version, status, signing, end, confidence, current = row
    values = {k: v.get("value") for k, v in json.loads(current).items()}
    parties = [p for p in values.get("parties") or [] if isinstance(p, dict)]
    return AgreementSummary(
        id=agreement_id,
        version=version,
        status=status,
        doc_type=values.get("doc_type"),
        title=values.get("title"),
        numbers=[str(n) for n in values.get("numbers") or []],
        parties=[str(p.get("institution") or p.get("region_name") or "") for p in parties],
        region_codes=[str(p["region_code"]) for p in parties if p.get("region_code")],
        signing_date=dt.date.fromisoformat(signing) if signing else None,
        end_date=dt.date.fromisoformat(end) if end else None,
        min_confidence=confidence,
    )
