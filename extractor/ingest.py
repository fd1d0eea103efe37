"""File bytes to a Document (placeholder until the ingest issue lands)."""

from __future__ import annotations

from pathlib import Path

from models import Document, Settings


def read_document(
    source: Path | bytes, *, name: str | None = None, settings: Settings | None = None
) -> Document:
    raise NotImplementedError("ingest is being built (issue 3)")
