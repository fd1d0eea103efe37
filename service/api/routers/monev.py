"""Monev (monitoring and evaluation): evaluations against the seven criteria,
agreements about to expire, the yearly report and its deadline."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel

from service.api.deps import RecordId, Reviewer, State, Viewer, visible_agreement
from service.api.routers.export import XLSX
from service.api.schemas import ErrorBody
from service.reports.criteria import CRITERIA
from service.reports.deadline import DeadlineInfo, deadline_info, due_fiscal_year
from service.reports.evaluations import (
    YEAR_MAX,
    YEAR_MIN,
    Evaluation,
    EvaluationInput,
    EvaluationStore,
)
from service.reports.expiring import MAX_DAYS, ExpiringList, expiring_agreements
from service.reports.yearly import YearlyReport, report_xlsx, yearly_from_registry

router = APIRouter(
    prefix="/monev",
    tags=["monev"],
    responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 422: {"model": ErrorBody}},
)

Year = Annotated[int, Query(ge=YEAR_MIN, le=YEAR_MAX, description="fiscal year (Jan-Dec)")]


class CriterionInfo(BaseModel):
    code: str
    label: str
    gloss: str


@router.get("/criteria", response_model=list[CriterionInfo], summary="The seven criteria")
def criteria(principal: Viewer) -> list[CriterionInfo]:
    return [CriterionInfo(code=c.code, label=c.label, gloss=c.gloss) for c in CRITERIA]


@router.post(
    "/agreements/{agreement_id}/evaluations",
    response_model=Evaluation,
    status_code=201,
    responses={404: {"model": ErrorBody}, 409: {"model": ErrorBody}},
    summary="Record an evaluation of one agreement for one fiscal year (reviewer)",
)
def record_evaluation(
    state: State, principal: Reviewer, agreement_id: RecordId, body: EvaluationInput
) -> Evaluation:
    """All seven criteria are required, each a score 1..5 and a note. An
    evaluation is never changed: a new one for the same year becomes current."""
    visible_agreement(state, principal, agreement_id)
    return EvaluationStore(state.registry).record(agreement_id, body, evaluator=principal.user)


@router.get(
    "/agreements/{agreement_id}/evaluations",
    response_model=list[Evaluation],
    responses={404: {"model": ErrorBody}},
    summary="Every evaluation of one agreement, newest first",
)
def list_evaluations(
    state: State,
    principal: Viewer,
    agreement_id: RecordId,
    year: Annotated[int | None, Query(ge=YEAR_MIN, le=YEAR_MAX)] = None,
) -> list[Evaluation]:
    visible_agreement(state, principal, agreement_id)
    return EvaluationStore(state.registry).history(agreement_id, year)


@router.get(
    "/expiring",
    response_model=ExpiringList,
    summary="Agreements whose end date falls within N days from today",
)
def expiring(
    state: State,
    principal: Viewer,
    days: Annotated[int, Query(ge=0, le=MAX_DAYS)] = 90,
) -> ExpiringList:
    return expiring_agreements(state.registry, days, region_scope=principal.region)


@router.get(
    "/reports/yearly",
    response_model=YearlyReport,
    responses={200: {"content": {XLSX: {}}}},
    summary="The yearly monev report (JSON, or ?format=xlsx for the workbook)",
)
async def yearly(
    state: State,
    principal: Viewer,
    year: Year,
    format: Annotated[Literal["json", "xlsx"], Query()] = "json",
) -> Response:
    """Agreements in force during the year by state, the legal deadline, and
    evaluation coverage and average per criterion; a region-scoped key gets
    its region's report."""

    def build() -> YearlyReport:
        return yearly_from_registry(state.registry, year, region_scope=principal.region)

    report = await run_in_threadpool(build)
    if format == "xlsx":
        name = f"monev-{year}{'-' + principal.region if principal.region else ''}.xlsx"
        return Response(
            await run_in_threadpool(report_xlsx, report),
            media_type=XLSX,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return Response(report.model_dump_json(), media_type="application/json")


@router.get(
    "/deadline",
    response_model=DeadlineInfo,
    summary="When the yearly report is due (7 working days after 31 December)",
)
def deadline(
    principal: Viewer,
    year: Annotated[
        int | None, Query(ge=YEAR_MIN, le=YEAR_MAX, description="default: the report due next")
    ] = None,
) -> DeadlineInfo:
    return deadline_info(year if year is not None else due_fiscal_year(dt.date.today()))
