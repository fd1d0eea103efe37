"""Document to Extraction: run every field rule over one normalised text.

The text map (``DocText``) and the heading block are built once and shared:
type, title and numbers all read the same heading, so they cannot disagree
about which block is the agreement's own. Each rule's ``Finding`` becomes the
field's value, confidence and evidence; rule warnings are collected so a
reviewer sees why a confidence is low.
"""

from __future__ import annotations

import time
from typing import Any

from extractor.rules.base import Finding
from extractor.rules.doctype import find_doc_type
from extractor.rules.duration import find_term
from extractor.rules.heading import find_heading
from extractor.rules.numbers import find_numbers
from extractor.rules.parent import find_parent
from extractor.rules.parties import find_parties
from extractor.rules.place import find_place
from extractor.rules.purpose import find_purpose
from extractor.rules.scope import find_scope
from extractor.rules.signing_date import locate_signing_date
from extractor.rules.title import find_title
from extractor.text import DocText
from models import Document, Extraction
from models.extraction import FIELD_NAMES

EMPTY_DOCUMENT_CONFIDENCE = 0.0
"""A document without text: every field needs a reviewer."""


def _record(extraction: Extraction, name: str, finding: Finding[Any]) -> None:
    extraction.confidence[name] = round(max(0.0, min(1.0, finding.confidence)), 3)
    extraction.evidence[name] = list(finding.evidence)
    extraction.warnings.extend(f"{name}: {w}" for w in finding.warnings)


def extract_fields(document: Document) -> Extraction:
    started = time.perf_counter()
    extraction = Extraction(
        file=document.file,
        sha256=document.sha256,
        pages=len(document.pages),
        ocr_pages=document.ocr_pages,
    )
    text = DocText.from_document(document)
    if not text.text.strip():
        for name in FIELD_NAMES:
            extraction.confidence[name] = EMPTY_DOCUMENT_CONFIDENCE
            extraction.evidence[name] = []
        extraction.warnings.append("no text on any page: nothing to extract")
        extraction.seconds = round(time.perf_counter() - started, 4)
        return extraction

    heading = find_heading(text)
    doc_type = find_doc_type(text, heading)
    extraction.doc_type = doc_type.value
    _record(extraction, "doc_type", doc_type)

    title = find_title(text, heading)
    extraction.title = title.value
    _record(extraction, "title", title)

    signing, date_end = locate_signing_date(text)
    extraction.signing_date = signing.value

    # the parent agreement first: its numbers, cited in the recitals, are not this one's
    parent = find_parent(text, doc_type.value, heading, title.value)
    month = signing.value.month if signing.value is not None else None
    year = signing.value.year if signing.value is not None else None
    nk_cited = doc_type.value in ("PKS", "ADENDUM")
    numbers = find_numbers(text, heading, month, year, parent.value, nk_cited)
    extraction.numbers = numbers.value
    _record(extraction, "numbers", numbers)

    parties = find_parties(text)
    extraction.parties = parties.value
    _record(extraction, "parties", parties)

    _record(extraction, "signing_date", signing)

    place = find_place(text, date_end)
    extraction.signing_place = place.value
    _record(extraction, "signing_place", place)

    term = find_term(text, signing.value)
    extraction.duration = term.duration.value
    _record(extraction, "duration", term.duration)
    extraction.start_date = term.start.value
    extraction.start_date_source = term.start_source
    _record(extraction, "start_date", term.start)
    extraction.end_date = term.end.value
    extraction.end_date_source = term.end_source
    _record(extraction, "end_date", term.end)

    scope = find_scope(text)
    extraction.scope = scope.value
    _record(extraction, "scope", scope)

    purpose = find_purpose(text)
    extraction.purpose = purpose.value
    _record(extraction, "purpose", purpose)

    extraction.parent_agreement = parent.value
    _record(extraction, "parent_agreement", parent)

    extraction.seconds = round(time.perf_counter() - started, 4)
    return extraction
