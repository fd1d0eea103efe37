"""Agreements: list and search, one agreement, corrections, history, review."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

from models.errors import ValidationFailedError
from service import authz
from service.api.deps import (
    RecordId,
    Reviewer,
    State,
    Viewer,
    etag,
    parse_if_match,
)
from service.api.schemas import MALFORMED, CorrectionRequest, ErrorBody
from service.registry.derive import CURRENT_FIELDS
from service.registry.records import AgreementPage, AgreementQuery, AgreementView, Correction

router = APIRouter(
    tags=["agreements"],
    responses={
        400: MALFORMED,
        401: {"model": ErrorBody},
        403: {"model": ErrorBody},
        422: {"model": ErrorBody},
    },
)

EDITABLE = frozenset(CURRENT_FIELDS)
"""Every field a reviewer may correct: the contract's fields and their date sources."""


@router.get("/agreements", response_model=AgreementPage, summary="List and search agreements")
def list_agreements(
    state: State, principal: Viewer, query: Annotated[AgreementQuery, Query()]
) -> AgreementPage:
    """Full-text ``q`` (FTS5 syntax), filters, sorting and paging; a region-scoped
    key sees only agreements with a party in its region."""
    return state.registry.list_agreements(query, region_scope=principal.region)


@router.get(
    "/review-queue",
    response_model=AgreementPage,
    summary="Agreements needing review, lowest confidence first",
)
def review_queue(
    state: State,
    principal: Viewer,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> AgreementPage:
    return state.registry.review_queue(limit, offset, region_scope=principal.region)


@router.get(
    "/agreements/{agreement_id}",
    response_model=AgreementView,
    responses={404: {"model": ErrorBody}},
    summary="One agreement: every field with value, confidence, evidence and source",
)
def get_agreement(
    state: State, principal: Viewer, agreement_id: RecordId, response: Response
) -> AgreementView:
    """The ``ETag`` header is the agreement's version: send it back as
    ``If-Match`` when correcting. Each file's pages are images at
    ``/api/v1/files/{sha256}/pages/{n}.png``; evidence boxes are in PDF points
    from the page's top-left corner."""
    view = authz.agreement(state.registry, principal, agreement_id)
    response.headers["ETag"] = etag(view.version)
    return view


@router.patch(
    "/agreements/{agreement_id}",
    response_model=AgreementView,
    responses={
        404: {"model": ErrorBody},
        412: {"model": ErrorBody, "description": "If-Match is not the current version"},
        428: {"model": ErrorBody, "description": "If-Match missing"},
    },
    summary="Correct one or several fields (reviewer), with a reason",
)
def correct_agreement(
    state: State,
    principal: Reviewer,
    agreement_id: RecordId,
    body: CorrectionRequest,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> AgreementView:
    """Optimistic concurrency: a stale ``If-Match`` answers 412 and changes
    nothing. The audit trail is written in the same transaction."""
    unknown = sorted(set(body.changes) - EDITABLE)
    if unknown:
        raise ValidationFailedError(
            f"Isian tidak dikenal: {', '.join(unknown)}.", detail={"fields": ", ".join(unknown)}
        )
    expected = parse_if_match(if_match)
    view = authz.agreement(state.registry, principal, agreement_id)
    authz.correction(principal, view, body.changes)
    updated = state.registry.correct(
        agreement_id,
        body.changes,
        reason=body.reason,
        user=principal.user,
        expected_version=view.version if expected is None else expected,
    )
    response.headers["ETag"] = etag(updated.version)
    return updated


@router.get(
    "/agreements/{agreement_id}/history",
    response_model=list[Correction],
    responses={404: {"model": ErrorBody}},
    summary="The audit trail: every correction with who, when and why",
)
def history(state: State, principal: Viewer, agreement_id: RecordId) -> list[Correction]:
    authz.agreement(state.registry, principal, agreement_id)
    return state.registry.history(agreement_id)


@router.post(
    "/agreements/{agreement_id}/reviewed",
    response_model=AgreementView,
    responses={404: {"model": ErrorBody}, 412: {"model": ErrorBody}},
    summary="Mark an agreement reviewed (reviewer)",
)
def mark_reviewed(
    state: State,
    principal: Reviewer,
    agreement_id: RecordId,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> AgreementView:
    expected = parse_if_match(if_match, required=False)
    authz.agreement(state.registry, principal, agreement_id)
    updated = state.registry.mark_reviewed(
        agreement_id, user=principal.user, expected_version=expected
    )
    response.headers["ETag"] = etag(updated.version)
    return updated
