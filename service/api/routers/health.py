"""Liveness and readiness, for load balancers and `make run` users (no key needed)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from models.errors import AuthError
from service.api.deps import ServiceState, State
from service.api.errors import error_body
from service.api.schemas import ErrorBody, Health, Readiness

router = APIRouter(tags=["health"])


def _known_caller(state: ServiceState, request: Request) -> bool:
    if not state.settings.require_auth:
        return True
    auth = request.headers.get("authorization", "")
    key = auth[7:].strip() if auth.lower().startswith("bearer ") else None
    try:
        state.keys.authenticate(key or request.headers.get("x-api-key"))
    except AuthError:
        return False
    return True


@router.get("/health", response_model=Health, summary="The process answers")
def health() -> Health:
    return Health(status="ok")


@router.get(
    "/ready",
    response_model=Readiness,
    responses={503: {"model": ErrorBody}},
    summary="The registry and the job queue answer",
)
async def ready(state: State, request: Request) -> JSONResponse:
    """Registry and job counts only for a caller with a valid key."""

    def probe() -> Readiness:
        worker = "external"
        if state.worker is not None:
            worker = "running" if state.worker.process.is_alive() else "stopped"
        stats = state.registry.stats()
        pending = state.queue.pending_count()
        counts = state.jobs.counts()
        if not _known_caller(state, request):
            return Readiness(status="ready", worker=worker)
        return Readiness(
            status="ready", registry=stats, queue_pending=pending, jobs=counts, worker=worker
        )

    try:
        readiness = await run_in_threadpool(probe)
    except Exception as exc:  # readiness reports any dependency failure as 503
        return JSONResponse(error_body("not_ready", f"{type(exc).__name__}: {exc}"), 503)
    return JSONResponse(readiness.model_dump(mode="json"))
