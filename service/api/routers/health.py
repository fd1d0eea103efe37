"""Liveness and readiness, for load balancers and `make run` users (no key needed)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from service.api.deps import State
from service.api.errors import error_body
from service.api.schemas import ErrorBody, Health, Readiness

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="The process answers")
def health() -> Health:
    return Health(status="ok")


@router.get(
    "/ready",
    response_model=Readiness,
    responses={503: {"model": ErrorBody}},
    summary="The registry and the job queue answer",
)
async def ready(state: State) -> JSONResponse:
    def probe() -> Readiness:
        worker = "external"
        if state.worker is not None:
            worker = "running" if state.worker.process.is_alive() else "stopped"
        return Readiness(
            status="ready",
            registry=state.registry.stats(),
            queue_pending=state.queue.pending_count(),
            jobs=state.jobs.counts(),
            worker=worker,
        )

    try:
        readiness = await run_in_threadpool(probe)
    except Exception as exc:  # readiness reports any dependency failure as 503
        return JSONResponse(error_body("not_ready", f"{type(exc).__name__}: {exc}"), 503)
    return JSONResponse(readiness.model_dump(mode="json"))
