"""API keys (admin): make, list, revoke. A new key is shown once."""

from __future__ import annotations

from fastapi import APIRouter, Response

from service.api.deps import Admin, RecordId, State
from service.api.schemas import MALFORMED, ErrorBody, KeyRequest
from service.auth import KeyInfo, NewKey, Role

router = APIRouter(
    tags=["keys"],
    responses={
        400: MALFORMED,
        401: {"model": ErrorBody},
        403: {"model": ErrorBody},
        422: {"model": ErrorBody},
    },
)


@router.get("/keys", response_model=list[KeyInfo], summary="All keys (hashes never shown)")
def list_keys(state: State, principal: Admin) -> list[KeyInfo]:
    return state.keys.list()


@router.post("/keys", response_model=NewKey, status_code=201, summary="Make a key")
def create_key(state: State, principal: Admin, body: KeyRequest) -> NewKey:
    return state.keys.create(Role.parse(body.role), region=body.region, label=body.label)


@router.delete(
    "/keys/{key_id}",
    status_code=204,
    responses={404: {"model": ErrorBody}},
    summary="Revoke a key",
)
def revoke_key(state: State, principal: Admin, key_id: RecordId) -> Response:
    state.keys.revoke(key_id)
    return Response(status_code=204)
