"""List filters as SQL: what ``AgreementQuery`` asks, over the derived columns.

Region codes nest (Kemendagri: ``35`` province ⊃ ``35.15`` kabupaten ⊃
``35.15.01`` kecamatan), so a code matches itself and every code under it.
Full-text queries are quoted token by token (sqlite-utils' ``quote_fts``):
a records clerk's ``NOT`` or stray quote is a word, never FTS5 syntax. They
search the current values; the page text is a second, separate search.

Every clause is written so an index answers it (migration ``0003_list_indexes``):
an agreement row is wide (its ``current`` JSON alone is kilobytes), so reading
one costs a page, and a filter or sort that touches every row is slow at
20,000 agreements. A page is therefore chosen among ids read from indexes only,
and just its rows are read whole (see ``page_sql``).
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


ABBREVIATIONS = {
    "kab": "kabupaten",
    "pemkab": "kabupaten",
    "pemkot": "kota",
    "pemprov": "provinsi",
    "prov": "provinsi",
    "pemda": "pemerintah",
    "kemendagri": "kementerian dalam negeri",
    "univ": "universitas",
}
"""How clerks write institutions, mapped to how agreements spell them out."""


def _words(text: str) -> list[str]:
    words: list[str] = []
    for word in re.findall(r"\w+", text.lower()):
        words.extend(ABBREVIATIONS.get(word, word).split())
    return words


def search_terms(text: str) -> str:
    """A clerk's words as an FTS5 query: abbreviations spelled out, each word a prefix.

    ``Pemkab Sukabu`` finds "Pemerintah Kabupaten Sukabumi"; every word is quoted
    (``quote_fts``), so ``NOT`` or a stray quote stays a word, never FTS5 syntax.
    """
    return " ".join(f"{_FTS.quote_fts(w)}*" for w in _words(text))


FIELD_COLUMNS = "{title parties scope}"
"""The ``search`` columns that hold current values; ``text`` holds the pages."""
_IN_SEARCH = "a.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)"


def search_clause(text: str, where_in: str) -> tuple[str, list[Any]]:
    """``fields``: the current values (corrections win). ``text``: agreements only the
    page text mentions, minus those where a word of the query is one a reviewer
    replaced (``search_index``): OCR's misread number stays in the page text, but no
    longer finds the agreement once corrected."""
    terms = search_terms(text)
    if not re.search(r"\w", terms):  # only quotes or punctuation: nothing matches
        return "0", []
    fields = f"{FIELD_COLUMNS} : ({terms})"
    if where_in == "fields":
        return _IN_SEARCH, [fields]
    exact = " OR ".join(_FTS.quote_fts(w) for w in _words(text))
    return (
        f"{_IN_SEARCH} AND NOT {_IN_SEARCH} AND a.id NOT IN "
        "(SELECT rowid FROM search_replaced WHERE search_replaced MATCH ?)",
        [f"text : ({terms})", fields, exact],
    )


def region_clause(code: str) -> tuple[str, list[Any]]:
    """The code itself, and every code under it as a range on ``parties_region_agreement``:
    ``'35.' <= c < '35/'`` ('/' follows '.') is exactly the codes starting ``35.``,
    where ``LIKE '35.%'`` (case-insensitive) would scan every party."""
    code = code.strip().rstrip(".")
    prefix = code.replace("%", "").replace("_", "")
    return (
        "a.id IN (SELECT agreement_id FROM parties WHERE region_code = ? "
        "OR (region_code >= ? AND region_code < ?))",
        [code, prefix + ".", prefix + "/"],
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
        clause, extra = search_clause(query.q, query.search_in)
        clauses.append(clause)
        params.extend(extra)
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


def page_sql(where_sql: str, sort: str) -> str:
    """The page's rows for ``where_sql``, ``sort``, then ``LIMIT ? OFFSET ?``.

    The inner SELECT reads only ids and the indexed filter and sort columns, so
    skipping ``offset`` rows or sorting a thousand matches never reads the wide
    rows; the outer one reads the ``limit`` rows it returns and orders them again
    (the ``IN`` list carries no order)."""
    order = SORTS[sort]
    return (
        f"SELECT {SUMMARY_COLUMNS} FROM agreements a WHERE a.id IN ("
        f"SELECT a.id FROM agreements a WHERE {where_sql} ORDER BY {order} LIMIT ? OFFSET ?"
        f") ORDER BY {order}"
    )


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
        party_kinds=[str(p["kind"]) for p in parties if p.get("kind")],
        signing_date=dt.date.fromisoformat(signing) if signing else None,
        start_date=_day(values.get("start_date")),
        start_date_source=values.get("start_date_source"),
        end_date=dt.date.fromisoformat(end) if end else None,
        end_date_source=values.get("end_date_source"),
        min_confidence=confidence,
    )


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
