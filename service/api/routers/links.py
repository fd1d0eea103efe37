"""Duplicate candidates: a reviewer confirms (merge, nothing deleted) or rejects.

Addressed under the agreement that shows the link, so a region-scoped key can
only decide links it can see.
"""

from __future__ import annotations

from fastapi import APIRouter

from service import authz
from service.api.deps import RecordId, Reviewer, State
from service.api.schemas import MALFORMED, ErrorBody, LinkDecision
from service.registry.records import Link

router = APIRouter(
    tags=["links"],
    responses={
        400: MALFORMED,
        401: {"model": ErrorBody},
        403: {"model": ErrorBody},
        404: {"model": ErrorBody},
    },
)


@router.post(
    "/agreements/{agreement_id}/links/{link_id}",
    response_model=Link,
    responses={409: {"model": ErrorBody}, 422: {"model": ErrorBody}},
    summary="Confirm or reject a duplicate candidate (reviewer)",
)
def resolve_link(
    state: State, principal: Reviewer, agreement_id: RecordId, link_id: RecordId, body: LinkDecision
) -> Link:
    authz.link(state.registry, principal, agreement_id, link_id)
    return state.registry.resolve_link(
        link_id, confirm=body.decision == "confirm", user=principal.user
    )
