"""The whole extractor as two calls: read a file, then apply the field rules.

Kept apart from ``ingest`` and ``fields`` so that callers who already hold a
``Document`` (re-extraction with a newer rule set, the benchmark) skip OCR.
"""

from __future__ import annotations

import time
from pathlib import Path

from extractor import __version__
from extractor.calibrate import calibrate
from extractor.doubts import apply_doubts
from extractor.fields import extract_fields
from extractor.ingest import read_document
from extractor.rules.number_blanks import cap_unread
from extractor.secondlook import second_look
from models import Document, Extraction, Settings, get_settings


def extract_document(document: Document, settings: Settings | None = None) -> Extraction:
    """The field rules on an already-read document, the second look, calibration, the doubts."""
    settings = settings or get_settings()
    extraction = extract_fields(document)  # times itself: ``seconds`` is the rules' time
    extraction, _ = second_look(document, extraction, settings)
    if settings.calibrated_confidence:
        extraction = calibrate(document, extraction)
    extraction = cap_unread(extraction)  # after calibration: its model must not raise it back
    extraction = apply_doubts(extraction)  # after calibration: the model cannot raise them back
    extraction.seconds = round(extraction.seconds + extraction.second_look_seconds, 4)
    extraction.extractor_version = __version__
    return extraction


def extract_file(
    source: Path | bytes, *, name: str | None = None, settings: Settings | None = None
) -> tuple[Document, Extraction]:
    """Read one file and extract its fields; raises ``models.ExtractionError`` subclasses."""
    started = time.perf_counter()
    document = read_document(source, name=name, settings=settings)
    extraction = extract_document(document, settings)
    extraction.seconds = round(time.perf_counter() - started, 4)
    return document, extraction
