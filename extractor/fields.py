"""Document to Extraction (placeholder until the rules issue lands)."""

from __future__ import annotations

from models import Document, Extraction


def extract_fields(document: Document) -> Extraction:
    raise NotImplementedError("rules are being built (issue 4)")
