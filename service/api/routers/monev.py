"""Monev (monitoring and evaluation): evaluations against the seven criteria,
agreements about to expire, the yearly report and its deadline."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Form, Query, Response, UploadFile
from fastapi import Path as FastAPIPath
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from models.errors import FileTooLargeError
from service import authz
from service.api.deps import RecordId, Reviewer, Staff, State, Viewer
from service.api.routers.export import XLSX
from service.api.schemas import MALFORMED, ErrorBody
from service.auth import Role
from service.reports.aggregates import EvaluationAggregates, aggregates
from service.reports.bodies import visible_bodies
from service.reports.charts import ChartName, chart
from service.reports.coordination import CoordinationView, coordination
from service.reports.criteria import CRITERIA
from service.reports.deadline import DeadlineInfo, deadline_info, due_fiscal_year
from service.reports.digest import Digest, build_digest
from service.reports.evaluations import (
    YEAR_MAX,
    YEAR_MIN,
    Evaluation,
    EvaluationInput,
    EvaluationStore,
    EvidenceFile,
)
from service.reports.expiring import (
    MAX_DAYS,
    ExpiringList,
    ExpiryActions,
    expiring_agreements,
    expiry_actions,
)
from service.reports.indicators import IndicatorInput, IndicatorSet, IndicatorStore
from service.reports.pdf import report_pdf
from service.reports.report_cache import cached_yearly
from service.reports.submissions import NOTE_MAX, BodyReport, SubmissionStore
from service.reports.xlsx import report_xlsx
from service.reports.yearly import YearlyReport, body_rows, report_body, yearly_from_registry

router = APIRouter(
    prefix="/monev",
    tags=["monev"],
    responses={
        400: MALFORMED,
        401: {"model": ErrorBody},
        403: {"model": ErrorBody},
        422: {"model": ErrorBody},
    },
)

Year = Annotated[int, Query(ge=YEAR_MIN, le=YEAR_MAX, description="fiscal year (Jan-Dec)")]
BodyCode = Annotated[
    str | None,
    Query(max_length=40, description="reporting body: 35, 35.15 or kemendagri[.unit]"),
]
Days = Annotated[int, Query(ge=0, le=MAX_DAYS)]
PDF = "application/pdf"


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
    authz.agreement(state.registry, principal, agreement_id)
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
    authz.agreement(state.registry, principal, agreement_id)
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
    responses={200: {"content": {XLSX: {}, PDF: {}}}, 404: {"model": ErrorBody}},
    summary="The yearly monev report of one body (JSON, ?format=xlsx or ?format=pdf)",
)
async def yearly(
    state: State,
    principal: Viewer,
    year: Year,
    body: BodyCode = None,
    format: Annotated[Literal["json", "xlsx", "pdf"], Query()] = "json",
) -> Response:
    """Agreements in force during the year by state, by partner kind and by
    field, the legal deadline, and evaluation coverage and average per
    criterion, for ``body`` (default: the key's region, or the ministry)."""

    def build() -> YearlyReport:
        return yearly_from_registry(state.registry, year, region_scope=principal.region, body=body)

    report = await run_in_threadpool(build)
    name = f"monev-{year}-{report.body}"
    if format == "xlsx":
        return Response(
            await run_in_threadpool(report_xlsx, report),
            media_type=XLSX,
            headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'},
        )
    if format == "pdf":
        return Response(
            await run_in_threadpool(report_pdf, report),
            media_type=PDF,
            headers={"Content-Disposition": f'inline; filename="{name}.pdf"'},
        )
    return Response(report.model_dump_json(), media_type="application/json")


@router.get(
    "/reports/yearly/charts/{name}.png",
    responses={200: {"content": {"image/png": {}}}, 404: {"model": ErrorBody}},
    summary="One chart of the yearly report as PNG (the pages and the PDF draw the same)",
)
async def yearly_chart(
    state: State, principal: Viewer, name: ChartName, year: Year, body: BodyCode = None
) -> Response:
    def build() -> bytes:
        report = cached_yearly(state.registry, year, region_scope=principal.region, body=body)
        return chart(name, report)

    return Response(await run_in_threadpool(build), media_type="image/png")


class BodyInfo(BaseModel):
    code: str
    name: str
    level: str
    parent: str | None


@router.get("/bodies", response_model=list[BodyInfo], summary="Reporting bodies the key sees")
def bodies(principal: Viewer) -> list[BodyInfo]:
    return [
        BodyInfo(code=b.code, name=b.name, level=b.level, parent=b.parent)
        for b in visible_bodies(principal.region)
    ]


@router.get(
    "/reports/status",
    response_model=list[BodyReport],
    summary="Each visible body's yearly report: status, deadline, days left or late",
)
def report_status(
    state: State,
    principal: Viewer,
    year: Year,
    parent: Annotated[str | None, Query(max_length=40, description="only bodies under it")] = None,
) -> list[BodyReport]:
    wanted = [b for b in visible_bodies(principal.region) if parent is None or b.parent == parent]
    return SubmissionStore(state.registry).reports(year, wanted)


class ActionBody(BaseModel):
    note: str | None = Field(None, max_length=NOTE_MAX, description="required to return")


@router.post(
    "/bodies/{code}/reports/{year}/{action}",
    response_model=BodyReport,
    responses={404: {"model": ErrorBody}, 409: {"model": ErrorBody}},
    summary="Draft or submit a body's report (staff); accept or return it (reviewer above)",
)
def report_action(
    state: State,
    principal: Staff,
    code: Annotated[str, FastAPIPath(max_length=40)],
    year: Annotated[int, FastAPIPath(ge=YEAR_MIN, le=YEAR_MAX)],
    action: Literal["draft", "submit", "accept", "return"],
    body: ActionBody | None = None,
) -> BodyReport:
    if action in ("accept", "return"):
        principal.require(Role.reviewer)
    return SubmissionStore(state.registry).act(
        code,
        year,
        action,
        user=principal.user,
        scope=principal.region,
        note=(body or ActionBody()).note,
    )


@router.get(
    "/coordination",
    response_model=CoordinationView,
    responses={404: {"model": ErrorBody}},
    summary="A province over its kab/kota, or the ministry over the provinces",
)
async def coordination_view(
    state: State, principal: Viewer, year: Year, body: BodyCode = None, days: Days = 90
) -> CoordinationView:
    return await run_in_threadpool(
        coordination, state.registry, year, scope=principal.region, body=body, days=days
    )


@router.get(
    "/expiry",
    response_model=ExpiryActions,
    responses={404: {"model": ErrorBody}},
    summary="Expiring, lapsed, NKs outlived by their PKS, PKS without NK, no end date",
)
async def expiry(
    state: State, principal: Viewer, body: BodyCode = None, days: Days = 90
) -> ExpiryActions:
    def build() -> ExpiryActions:
        target = report_body(principal.region, body)
        return expiry_actions(body_rows(state.registry, target), days, dt.date.today())

    return await run_in_threadpool(build)


@router.get(
    "/digest",
    response_model=Digest,
    responses={404: {"model": ErrorBody}},
    summary="The daily digest of one body (report status and what to act on)",
)
async def digest(state: State, principal: Viewer, body: BodyCode = None, days: Days = 30) -> Digest:
    return await run_in_threadpool(
        build_digest, state.registry, scope=principal.region, body=body, days=days
    )


@router.post(
    "/evaluations/{evaluation_id}/evidence",
    response_model=EvidenceFile,
    status_code=201,
    responses={404: {"model": ErrorBody}, 413: {"model": ErrorBody}},
    summary="Attach an evidence file to one score of an evaluation (reviewer)",
)
async def add_evidence(
    state: State,
    principal: Reviewer,
    evaluation_id: RecordId,
    criterion: Annotated[str, Form(max_length=40)],
    file: UploadFile,
) -> EvidenceFile:
    store = EvaluationStore(state.registry)
    authz.agreement(state.registry, principal, store.agreement_of(evaluation_id))
    data = await file.read(state.settings.max_file_bytes + 1)
    if len(data) > state.settings.max_file_bytes:
        raise FileTooLargeError(
            f"Berkas bukti lebih dari {state.settings.max_file_bytes} byte.",
        )
    return await run_in_threadpool(
        store.add_evidence,
        evaluation_id,
        criterion,
        file.filename or "bukti",
        file.content_type or "application/octet-stream",
        data,
    )


@router.get(
    "/evidence/{evidence_id}",
    responses={200: {"content": {"application/octet-stream": {}}}, 404: {"model": ErrorBody}},
    summary="Download one evidence file",
)
def evidence(state: State, principal: Viewer, evidence_id: RecordId) -> Response:
    agreement_id, record, data = EvaluationStore(state.registry).evidence_file(evidence_id)
    authz.agreement(state.registry, principal, agreement_id)
    safe = "".join(ch for ch in record.name if ch.isalnum() or ch in "._- ") or "bukti"
    return Response(
        data,
        media_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="{safe}"'},
    )


@router.get(
    "/evaluations/aggregates",
    response_model=EvaluationAggregates,
    responses={404: {"model": ErrorBody}},
    summary="Evaluation averages by province, partner kind and year; never evaluated; praktik baik",
)
async def evaluation_aggregates(
    state: State, principal: Viewer, year: Year, body: BodyCode = None
) -> EvaluationAggregates:
    return await run_in_threadpool(
        aggregates, state.registry, year, scope=principal.region, body=body
    )


@router.get(
    "/agreements/{agreement_id}/indicators",
    response_model=IndicatorSet,
    responses={404: {"model": ErrorBody}},
    summary="Success indicators: promised outputs (from the scope until saved), achieved",
)
def get_indicators(state: State, principal: Viewer, agreement_id: RecordId) -> IndicatorSet:
    authz.agreement(state.registry, principal, agreement_id)
    return IndicatorStore(state.registry).current(agreement_id)


@router.put(
    "/agreements/{agreement_id}/indicators",
    response_model=IndicatorSet,
    responses={404: {"model": ErrorBody}},
    summary="Save the success indicators as a new version (reviewer); earlier versions stay",
)
def put_indicators(
    state: State, principal: Reviewer, agreement_id: RecordId, body: IndicatorInput
) -> IndicatorSet:
    authz.agreement(state.registry, principal, agreement_id)
    return IndicatorStore(state.registry).save(agreement_id, body, user=principal.user)


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
