"""Request and response bodies that belong to the API rather than the registry."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from service.jobs.store import Job


class ErrorBody(BaseModel):
    error: str = Field(..., description="stable machine-readable code")
    message: str
    detail: dict[str, Any] | None = None


class UploadItem(BaseModel):
    file: str = Field(..., description="the name the file was sent with (display only)")
    job: Job | None = None
    error: str | None = None
    message: str | None = None


class UploadResponse(BaseModel):
    items: list[UploadItem]


class JobList(BaseModel):
    items: list[Job]


class CorrectionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    changes: dict[str, Any] = Field(
        ...,
        min_length=1,
        description="field name -> new value, in the extraction contract's JSON shape",
        examples=[{"signing_place": "Surabaya", "signing_date": "2019-03-27"}],
    )
    reason: str = Field(..., min_length=1, max_length=2000)


class LinkDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["confirm", "reject"]


class KeyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Literal["viewer", "staff", "reviewer", "admin"]
    region: str | None = Field(None, max_length=20, description="Kemendagri code, e.g. 35")
    label: str | None = Field(None, max_length=100)


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    """Counts only for a caller with a valid key: anonymous probes learn up or down."""

    status: str
    registry: dict[str, int] | None = None
    queue_pending: int | None = None
    jobs: dict[str, int] | None = None
    worker: str


MALFORMED: dict[str, Any] = {"model": ErrorBody, "description": "the body is not valid JSON"}
"""Declared by every router whose routes take a body (OpenAPI would show only 422)."""
