"""The whole extractor as two calls: read a file, then apply the field rules.

Kept apart from ``ingest`` and ``fields`` so that callers who already hold a
``Document`` (re-extraction with a newer rule set, the benchmark) skip OCR.
"""

from __future__ import annotations

import time
from pathlib import Path

from extractor import __version__
from extractor.fields import extract_fields
from extractor.ingest import read_document
from models import Document, Extraction, Settings


def extract_document(document: Document) -> Extraction:
    """Apply the field rules to an already-read document."""
    extraction = extract_fields(document)  # times itself: ``seconds`` is the rules' time
    extraction.extractor_version = __version__
    return extraction


def extract_file(
    source: Path | bytes, *, name: str | None = None, settings: Settings | None = None
) -> tuple[Document, Extraction]:
    """Read one file and extract its fields; raises ``models.ExtractionError`` subclasses."""
    started = time.perf_counter()
    document = read_document(source, name=name, settings=settings)
    extraction = extract_document(document)
    extraction.seconds = round(time.perf_counter() - started, 4)
    return document, extraction
