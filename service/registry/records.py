"""The registry's typed records: what it returns to the API, CLI and reports.

These are the shared contract between ``service.registry`` (which fills them)
and ``service.api`` / ``service.backfill`` (which use them).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from models import Evidence

ValueSource = Literal["extraction", "correction"]
LinkKind = Literal["implements", "amends", "duplicate_candidate", "duplicate"]
LinkStatus = Literal["candidate", "confirmed", "rejected"]
FileOutcome = Literal["filed", "exact_duplicate", "duplicate_candidate"]


class FieldValue(BaseModel):
    """The current value of one field and where it came from."""

    value: Any = None
    confidence: float | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    source: ValueSource = "extraction"
    corrected_by: str | None = None
    corrected_at: dt.datetime | None = None


class FileInfo(BaseModel):
    sha256: str
    name: str
    mime: str
    size: int
    pages: int
    ocr_pages: int
    added_at: dt.datetime


class Link(BaseModel):
    id: int
    kind: LinkKind
    status: LinkStatus
    from_agreement: int
    to_agreement: int
    score: float | None = None
    reasons: list[str] = Field(default_factory=list)


class AgreementView(BaseModel):
    """One agreement as a reviewer sees it."""

    id: int
    version: int = Field(..., description="bumped on every correction; the API's ETag")
    status: Literal["needs_review", "reviewed", "merged"]
    fields: dict[str, FieldValue]
    files: list[FileInfo]
    links: list[Link]
    min_confidence: float | None = None
    created_at: dt.datetime
    updated_at: dt.datetime


class AgreementSummary(BaseModel):
    """A row of a list, search result or export."""

    id: int
    version: int
    status: str
    doc_type: str | None = None
    title: str | None = None
    numbers: list[str] = Field(default_factory=list)
    parties: list[str] = Field(default_factory=list)
    region_codes: list[str] = Field(default_factory=list)
    party_kinds: list[str] = Field(default_factory=list)
    signing_date: dt.date | None = None
    start_date: dt.date | None = None
    start_date_source: str | None = None
    end_date: dt.date | None = None
    end_date_source: str | None = None
    min_confidence: float | None = None


SIGNING_YEAR_MIN, SIGNING_YEAR_MAX = 1945, 2100
EXPIRY_DAYS_MAX = 36_500
"""A century: beyond it the date arithmetic would overflow (issue 9.4)."""
OFFSET_MAX = 1_000_000


class AgreementQuery(BaseModel):
    q: str | None = Field(
        None,
        max_length=500,
        description="words (each a prefix; Kab., Pemkab, Kota spelled out) over current values",
    )
    search_in: Literal["fields", "text"] = Field(
        "fields",
        description="fields: current values (corrections win); text: agreements only the "
        "page text mentions, never through a value a reviewer replaced",
    )
    doc_type: str | None = Field(None, max_length=40)
    party: str | None = Field(None, max_length=200)
    region_code: str | None = Field(
        None, max_length=20, description="a province code also matches its kab/kota"
    )
    year: int | None = Field(None, ge=SIGNING_YEAR_MIN, le=SIGNING_YEAR_MAX)
    expires_within_days: int | None = Field(None, ge=0, le=EXPIRY_DAYS_MAX)
    status: str | None = Field(None, max_length=40)
    sort: Literal["id", "-id", "signing_date", "-signing_date", "end_date", "confidence"] = "-id"
    limit: int = Field(50, ge=1, le=500)
    offset: int = Field(0, ge=0, le=OFFSET_MAX)


class AgreementPage(BaseModel):
    total: int
    items: list[AgreementSummary]


class Correction(BaseModel):
    id: int
    agreement_id: int
    field: str
    old_value: Any = None
    new_value: Any = None
    reason: str
    user: str
    at: dt.datetime


class FileResult(BaseModel):
    """What filing one file did."""

    outcome: FileOutcome
    agreement_id: int
    sha256: str
    duplicate_of: int | None = None
    score: float | None = None
    reasons: list[str] = Field(default_factory=list)
    min_confidence: float | None = Field(
        None, description="lowest field confidence of the filed extraction (None if nothing read)"
    )
