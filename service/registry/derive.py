"""Current values and everything derived from them.

An agreement's *current* value of a field is the latest reviewer correction,
else the latest extraction. Lists, filters, search and dedup all read derived
rows (the ``agreements`` columns, ``parties``, ``numbers``, ``search`` and
``blocking_keys``), rebuilt here from the two sources of truth (extractions and
corrections) whenever either changes, inside the caller's transaction.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import sqlite3
from typing import Any

from sqlite_utils import Database

from models import FIELD_NAMES, Extraction
from service import dedup, dedup_candidates
from service.registry import search_index
from service.registry.records import FieldValue

SOURCE_FIELDS = ("start_date_source", "end_date_source")
CURRENT_FIELDS: tuple[str, ...] = (*FIELD_NAMES, *SOURCE_FIELDS)
"""Fields a reviewer can correct: the contract's fields plus the two date sources."""


def latest_extraction(conn: sqlite3.Connection, agreement_id: int) -> Extraction | None:
    row = conn.execute(
        "SELECT data FROM extractions WHERE agreement_id = ? ORDER BY id DESC LIMIT 1",
        [agreement_id],
    ).fetchone()
    return Extraction.model_validate_json(row[0]) if row else None


def current_fields(conn: sqlite3.Connection, agreement_id: int) -> dict[str, FieldValue]:
    extraction = latest_extraction(conn, agreement_id)
    machine = extraction.model_dump(mode="json") if extraction else {}
    fields: dict[str, FieldValue] = {}
    for name in CURRENT_FIELDS:
        fields[name] = FieldValue(
            value=machine.get(name),
            confidence=extraction.confidence.get(name) if extraction else None,
            evidence=list(extraction.evidence.get(name, [])) if extraction else [],
            source="extraction",
        )
    rows = conn.execute(
        """
        SELECT field, new_value, user, at FROM corrections
        WHERE id IN (SELECT MAX(id) FROM corrections WHERE agreement_id = ? GROUP BY field)
        """,
        [agreement_id],
    ).fetchall()
    for name, new_value, user, at in rows:
        if name not in fields:
            continue
        fields[name] = FieldValue(
            value=json.loads(new_value) if new_value is not None else None,
            confidence=1.0,
            evidence=fields[name].evidence,
            source="correction",
            corrected_by=user,
            corrected_at=dt.datetime.fromisoformat(at),
        )
    _recompute_start_date(fields)
    _recompute_end_date(fields)
    return fields


def _recompute_start_date(fields: dict[str, FieldValue]) -> None:
    """A start date read as "from signing" follows a corrected signing date."""
    start, signing = fields["start_date"], fields["signing_date"]
    if (
        signing.source == "correction"
        and start.source == "extraction"
        and fields["start_date_source"].value == "signing_date"
        and start.value != signing.value
    ):
        fields["start_date"] = start.model_copy(update={"value": signing.value})


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def computed_end_date(fields: dict[str, FieldValue]) -> dt.date | None:
    """start (or signing) date + duration - 1 day: how the agreements count their term."""
    duration = fields["duration"].value
    start = fields["start_date"].value or fields["signing_date"].value
    if not isinstance(duration, dict) or not isinstance(start, str):
        return None
    begin = dt.date.fromisoformat(start)
    value, unit = int(duration.get("value", 0)), duration.get("unit")
    if unit == "tahun":
        end = add_months(begin, 12 * value)
    elif unit == "bulan":
        end = add_months(begin, value)
    elif unit == "hari":
        end = begin + dt.timedelta(days=value)
    else:
        return None
    return end - dt.timedelta(days=1)


def _recompute_end_date(fields: dict[str, FieldValue]) -> None:
    """A computed end date follows a reviewer's change to what it was computed from;
    a stated or corrected end date is left alone."""
    end = fields["end_date"]
    inputs_corrected = any(
        fields[name].source == "correction" for name in ("duration", "start_date", "signing_date")
    )
    computed = end.value is None or (
        end.source == "extraction"
        and fields["end_date_source"].value == "computed"
        and inputs_corrected
    )
    if not computed:
        return
    value = computed_end_date(fields)
    if value is None:
        return
    fields["end_date"] = FieldValue(
        value=value.isoformat(),
        confidence=min(
            (c for c in (fields["duration"].confidence, end.confidence) if c is not None),
            default=None,
        ),
        evidence=fields["duration"].evidence,
        source=end.source if end.value is not None else "extraction",
    )
    if fields["end_date_source"].source != "correction":
        fields["end_date_source"] = FieldValue(value="computed", source="extraction")


def min_confidence(fields: dict[str, FieldValue]) -> float | None:
    values = [
        f.confidence
        for name, f in fields.items()
        if name in FIELD_NAMES and f.confidence is not None and f.value not in (None, [], "")
    ]
    return min(values) if values else None


def _values(fields: dict[str, FieldValue]) -> dict[str, Any]:
    return {name: f.value for name, f in fields.items()}


def refresh(
    conn: sqlite3.Connection, agreement_id: int, *, fingerprint: str | None = None
) -> dict[str, FieldValue]:
    """Recompute one agreement's current values and its derived rows."""
    fields = current_fields(conn, agreement_id)
    values = _values(fields)
    signing = values.get("signing_date")
    parent = values.get("parent_agreement")
    current = {name: f.model_dump(mode="json") for name, f in fields.items()}
    conn.execute(
        """
        UPDATE agreements SET doc_type = ?, title = ?, signing_date = ?, signing_year = ?,
            end_date = ?, min_confidence = ?, parent_norm = ?, current = ?,
            fingerprint = COALESCE(?, fingerprint)
        WHERE id = ?
        """,
        [
            values.get("doc_type"),
            values.get("title"),
            signing,
            int(signing[:4]) if isinstance(signing, str) else None,
            values.get("end_date"),
            min_confidence(fields),
            next(iter(dedup.cited_numbers(parent)), None) if isinstance(parent, str) else None,
            json.dumps(current, ensure_ascii=False),
            fingerprint,
            agreement_id,
        ],
    )
    conn.execute("DELETE FROM parties WHERE agreement_id = ?", [agreement_id])
    parties = [p for p in values.get("parties") or [] if isinstance(p, dict)]
    conn.executemany(
        "INSERT INTO parties VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                agreement_id,
                i,
                p.get("role"),
                p.get("institution"),
                p.get("kind"),
                p.get("region_code"),
                p.get("region_name"),
            )
            for i, p in enumerate(parties)
        ],
    )
    conn.execute("DELETE FROM numbers WHERE agreement_id = ?", [agreement_id])
    numbers = {dedup.norm_number(str(n)): str(n) for n in values.get("numbers") or []}
    conn.executemany(
        "INSERT INTO numbers VALUES (?, ?, ?)",
        [(agreement_id, raw, norm) for norm, raw in numbers.items() if norm],
    )
    _refresh_citations(conn, agreement_id, values)
    row = conn.execute(
        "SELECT status, fingerprint FROM agreements WHERE id = ?", [agreement_id]
    ).fetchone()
    if row[0] == "merged":
        search_index.forget(conn, agreement_id)
    else:
        search_index.refresh_search(conn, agreement_id, values, parties)
    _refresh_keys(conn, agreement_id, None if row[0] == "merged" else values, row[1])
    return fields


def _refresh_citations(conn: sqlite3.Connection, agreement_id: int, values: dict[str, Any]) -> None:
    conn.execute("DELETE FROM citations WHERE agreement_id = ?", [agreement_id])
    parent = values.get("parent_agreement")
    cited = dedup.cited_numbers(parent) if isinstance(parent, str) else []
    conn.executemany(
        "INSERT OR IGNORE INTO citations VALUES (?, ?)", [(agreement_id, n) for n in cited]
    )


def _refresh_keys(
    conn: sqlite3.Connection, agreement_id: int, values: dict[str, Any] | None, text: str
) -> None:
    """Replace the agreement's blocking keys; a merged agreement (``values`` None) has none."""
    conn.execute("DELETE FROM blocking_keys WHERE agreement_id = ?", [agreement_id])
    if values is None:
        return
    keys = dedup_candidates.blocking_keys(dedup.profile(values, text))
    conn.executemany(
        "INSERT OR IGNORE INTO blocking_keys VALUES (?, ?)", [(k, agreement_id) for k in keys]
    )


def agreement_fingerprint(conn: sqlite3.Connection, agreement_id: int) -> str:
    """The fingerprint of the file whose extraction is current."""
    row = conn.execute(
        "SELECT sha256 FROM extractions WHERE agreement_id = ? ORDER BY id DESC LIMIT 1",
        [agreement_id],
    ).fetchone()
    if row is None:
        return ""
    text = "\n".join(
        r[0]
        for r in conn.execute("SELECT text FROM pages WHERE sha256 = ? ORDER BY number", [row[0]])
    )
    return dedup.fingerprint(text)


def rebuild_dedup_index(db: Database) -> None:
    """Fingerprints, blocking keys and citations for every agreement (migration 0002).

    Writes only the columns that migration creates, so it stays valid however
    later migrations change the schema."""
    conn = db.conn
    ids = [r[0] for r in conn.execute("SELECT id FROM agreements WHERE status != 'merged'")]
    for agreement_id in ids:
        text = agreement_fingerprint(conn, agreement_id)
        conn.execute("UPDATE agreements SET fingerprint = ? WHERE id = ?", [text, agreement_id])
        values = _values(current_fields(conn, agreement_id))
        _refresh_keys(conn, agreement_id, values, text)
        _refresh_citations(conn, agreement_id, values)


def rebuild_search_index(db: Database) -> None:
    """Every agreement's search rows from its current values (migration 0401): the field
    columns now hold every current value and the replaced words are new."""
    conn = db.conn
    ids = [r[0] for r in conn.execute("SELECT id FROM agreements WHERE status != 'merged'")]
    for agreement_id in ids:
        values = _values(current_fields(conn, agreement_id))
        parties = [p for p in values.get("parties") or [] if isinstance(p, dict)]
        search_index.refresh_search(conn, agreement_id, values, parties)
