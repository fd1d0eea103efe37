"""The extraction contract: what ``kerjasama extract --json`` prints per file.

Every field has a value, a ``confidence`` (0..1, low means "a reviewer should
look") and ``evidence`` (where in the document the value came from). The
registry stores this record as is; reviewer corrections are kept beside it,
never written into it.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

DocType = Literal["NK", "PKS", "ADENDUM", "other"]
DurationUnit = Literal["tahun", "bulan", "hari"]
PartyKind = Literal[
    "kementerian",
    "lembaga",
    "pemprov",
    "pemkab",
    "pemkot",
    "dprd",
    "universitas",
    "bumn",
    "bumd",
    "swasta",
    "lainnya",
]
EndDateSource = Literal["stated", "computed"]
StartDateSource = Literal["stated", "signing_date"]

FIELD_NAMES: tuple[str, ...] = (
    "doc_type",
    "title",
    "numbers",
    "parties",
    "signing_date",
    "signing_place",
    "duration",
    "start_date",
    "end_date",
    "scope",
    "purpose",
    "parent_agreement",
)
"""The fields that carry confidence and evidence and that the benchmark scores."""


class Evidence(BaseModel):
    """Where a value was read: the reviewer's way back to the page."""

    page: int = Field(..., ge=1)
    text: str = Field(..., description="the source text the value came from")
    box: tuple[float, float, float, float] | None = Field(
        None, description="x0, top, x1, bottom in points, when the page has word boxes"
    )
    rule: str | None = Field(None, description="which rule decided, and why")


class Party(BaseModel):
    role: str | None = Field(
        None, description="PIHAK PERTAMA / KESATU / KEDUA / KETIGA, as written"
    )
    institution: str | None = None
    kind: PartyKind | None = None
    region_code: str | None = Field(None, description="Kemendagri code, e.g. 35.15")
    region_name: str | None = Field(None, description="canonical region name for the code")
    signatory: str | None = Field(None, description="name with academic titles as written")
    title: str | None = Field(None, description="the signatory's jabatan")


class Duration(BaseModel):
    value: int = Field(..., ge=0)
    unit: DurationUnit


class Extraction(BaseModel):
    """One file's machine-read metadata (the extraction contract)."""

    file: str
    sha256: str
    pages: int
    ocr_pages: int
    doc_type: DocType = "other"
    title: str | None = None
    numbers: list[str] = Field(default_factory=list)
    parties: list[Party] = Field(default_factory=list)
    signing_date: dt.date | None = None
    signing_place: str | None = None
    duration: Duration | None = None
    start_date: dt.date | None = None
    start_date_source: StartDateSource | None = Field(
        None, description="stated in the text, or the signing date because the text says so"
    )
    end_date: dt.date | None = None
    end_date_source: EndDateSource | None = Field(
        None, description="stated in the text, or computed as start + duration - 1 day"
    )
    scope: list[str] = Field(default_factory=list)
    purpose: str | None = None
    parent_agreement: str | None = None
    confidence: dict[str, float] = Field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)
    extractor_version: str = ""
    seconds: float = Field(0.0, description="wall time of ingest + rules")
    second_look_seconds: float = Field(
        0.0, description="of which the second look at weak fields (re-reading page crops)"
    )
