"""What search reads: the current values, the page text, and the words reviewers replaced.

Search answers from the *current* values (corrections win), because that is what
the registry says an agreement is. The page text is searched too, but apart
(``service.registry.queries``): OCR wrote it, so it still holds the misread
number a reviewer corrected. The words a reviewer took out of a value (and that
no current value still holds) are kept per agreement in ``search_replaced``, so
a query naming one of them never finds the agreement through its page text
either: the wrong number stops finding the agreement the moment it is corrected.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from typing import Any

from service.registry.queries import ABBREVIATIONS

SEARCHED_FIELDS = (
    "title",
    "numbers",
    "parties",
    "scope",
    "purpose",
    "signing_place",
    "parent_agreement",
)
"""The corrected fields whose replaced words stop a page-text match."""

_WORD = re.compile(r"\w+")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key in ("institution", "region_name", "signatory", "title"):
            yield from _strings(value.get(key))


def words(value: Any) -> set[str]:
    return {w.casefold() for text in _strings(value) for w in _WORD.findall(text)}


def spelled_out(text: str) -> str:
    """``text`` with the spelled-out form of each abbreviation it uses added, so "PEMKAB
    SUKABUMI" is found by "Kabupaten Sukabumi" as "Pemerintah Kabupaten Sukabumi" is by
    "Pemkab Sukabumi" (the query side spells out the same table)."""
    extra = [ABBREVIATIONS[w] for w in (m.casefold() for m in _WORD.findall(text))
             if w in ABBREVIATIONS]  # fmt: skip
    return " ".join([text, *extra]) if extra else text


def replaced_words(conn: sqlite3.Connection, agreement_id: int, values: dict[str, Any]) -> str:
    """Words of the values reviewers replaced that no current value holds any more."""
    old: set[str] = set()
    marks = ",".join("?" * len(SEARCHED_FIELDS))
    for (raw,) in conn.execute(
        f"SELECT old_value FROM corrections WHERE agreement_id = ? AND field IN ({marks})",
        [agreement_id, *SEARCHED_FIELDS],
    ):
        if raw is not None:
            old |= words(json.loads(raw))
    current = set().union(*(words(values.get(name)) for name in SEARCHED_FIELDS))
    return " ".join(sorted(old - current))


def refresh_search(
    conn: sqlite3.Connection, agreement_id: int, values: dict[str, Any], parties: list[dict]
) -> None:
    """Rewrite the agreement's search rows from its current values and its pages."""
    text = "\n".join(
        row[0]
        for row in conn.execute(
            """
            SELECT p.text FROM pages p JOIN files f ON f.sha256 = p.sha256
            WHERE f.agreement_id = ? ORDER BY f.added_at, p.number
            """,
            [agreement_id],
        )
    )
    names = "\n".join(
        spelled_out(
            " ".join(
                str(p.get(k))
                for k in ("institution", "region_name", "signatory", "title")
                if p.get(k)
            )
        )
        for p in parties
    )
    scope = values.get("scope") or []
    scope = scope if isinstance(scope, list) else [scope]
    heading = [
        values.get("title") or "",
        *(str(n) for n in values.get("numbers") or []),
        str(values.get("parent_agreement") or ""),
        str(values.get("signing_place") or ""),
    ]
    about = [*(str(s) for s in scope), str(values.get("purpose") or "")]
    conn.execute(
        """
        INSERT INTO search (agreement_id, title, parties, scope, text) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(agreement_id) DO UPDATE SET title = excluded.title,
            parties = excluded.parties, scope = excluded.scope, text = excluded.text
        """,
        [agreement_id, "\n".join(heading), names, "\n".join(about), text],
    )
    conn.execute("DELETE FROM search_replaced WHERE rowid = ?", [agreement_id])
    replaced = replaced_words(conn, agreement_id, values)
    if replaced:
        conn.execute(
            "INSERT INTO search_replaced (rowid, words) VALUES (?, ?)", [agreement_id, replaced]
        )


def forget(conn: sqlite3.Connection, agreement_id: int) -> None:
    """A merged agreement is found through the one it was merged into, never itself."""
    conn.execute("DELETE FROM search WHERE agreement_id = ?", [agreement_id])
    conn.execute("DELETE FROM search_replaced WHERE rowid = ?", [agreement_id])
