"""Corrections teach the extractor: a reviewer's fix of a party's institution, signatory
or jabatan becomes an alias the next filing applies, so a misread is corrected once.

Only exact (case- and space-normalised) matches are replaced, and each use is
shown as evidence "dipelajari dari koreksi #N" with the alias's own confidence,
so a reviewer can tell a learned value from a read one.
"""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from models import Evidence, Extraction
from service.indonesian import format_number

LEARNED_KEYS = ("institution", "signatory", "title")
LEARNED_CONFIDENCE = 0.9
"""A reviewer said so once; below a second look, above most OCR reads."""


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def learn(conn: sqlite3.Connection, correction_id: int, old: Any, new: Any, now: str) -> None:
    """Record the party keys a correction changed (same position, both sides non-empty)."""
    if not isinstance(old, list) or not isinstance(new, list):
        return
    for before, after in zip(old, new, strict=False):
        if not isinstance(before, dict) or not isinstance(after, dict):
            continue
        for key in LEARNED_KEYS:
            wrong, right = before.get(key), after.get(key)
            if not (isinstance(wrong, str) and isinstance(right, str) and wrong and right):
                continue
            if _norm(wrong) != _norm(right):
                conn.execute(
                    "INSERT INTO learned_aliases (key, wrong, right, correction_id,"
                    " confidence, at) VALUES (?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT(key, wrong) DO UPDATE SET right = excluded.right,"
                    " correction_id = excluded.correction_id, at = excluded.at",
                    [key, _norm(wrong), right, correction_id, LEARNED_CONFIDENCE, now],
                )


def apply_learned(conn: sqlite3.Connection, extraction: Extraction) -> Extraction:
    """The extraction with learned aliases applied to its parties (a filing-time step)."""
    if not extraction.parties:
        return extraction
    aliases = {
        (key, wrong): (right, correction_id, confidence)
        for key, wrong, right, correction_id, confidence in conn.execute(
            "SELECT key, wrong, right, correction_id, confidence FROM learned_aliases"
        )
    }
    if not aliases:
        return extraction
    parties, notes = [], []
    for party in extraction.parties:
        update = {}
        for key in LEARNED_KEYS:
            value = getattr(party, key)
            hit = aliases.get((key, _norm(value))) if isinstance(value, str) else None
            if hit is not None:
                right, correction_id, confidence = hit
                update[key] = right
                notes.append(
                    Evidence(
                        page=_page_of(extraction),
                        text=f"{value} → {right}",
                        rule=f"dipelajari dari koreksi #{correction_id} "
                        f"(keyakinan {format_number(float(confidence))})",
                    )
                )
        parties.append(party.model_copy(update=update) if update else party)
    if not notes:
        return extraction
    evidence = dict(extraction.evidence)
    evidence["parties"] = [*evidence.get("parties", []), *notes]
    return extraction.model_copy(update={"parties": parties, "evidence": evidence})


def _page_of(extraction: Extraction) -> int:
    first = extraction.evidence.get("parties") or []
    return first[0].page if first else 1
