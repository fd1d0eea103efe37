"""Job status: where an upload is, and why it failed if it did."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from models.errors import NotFoundError
from service.api.deps import State, Viewer
from service.api.schemas import ErrorBody, JobList
from service.jobs.store import Job

router = APIRouter(tags=["jobs"], responses={401: {"model": ErrorBody}})


@router.get("/jobs", response_model=JobList, summary="Recent jobs, newest first")
def list_jobs(
    state: State,
    principal: Viewer,
    status: Annotated[Literal["queued", "running", "done", "failed"] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> JobList:
    """A region-scoped key sees only the jobs it made (file names are not public)."""
    mine = principal.user if principal.region else None
    return JobList(items=state.jobs.recent(status=status, user=mine, limit=limit, offset=offset))


@router.get(
    "/jobs/{job_id}",
    response_model=Job,
    responses={404: {"model": ErrorBody}},
    summary="One job: status, the agreement it was filed as, or the failure reason",
)
def get_job(state: State, principal: Viewer, job_id: str) -> Job:
    job = state.jobs.get(job_id)
    if job is None or (principal.region and job.user != principal.user):
        raise NotFoundError(f"Pekerjaan {job_id!r} tidak ada.")
    return job
