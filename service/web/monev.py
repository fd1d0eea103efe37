"""Monev review pages: the yearly report of a body with its charts and expiry
lists, the province/ministry coordination page with the report records, and
the evaluation form (scale described per criterion, evidence files, praktik
baik, success indicators) on one agreement.

Same rules as the other review pages (``service.web.shared``): Jinja2 with
autoescaping, the key in the HttpOnly cookie, a form token on every post.
Charts are the API's PNGs (``/api/v1/monev/reports/yearly/charts/...``), which
the cookie authorises: no front-end build.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.datastructures import FormData

from models.errors import ValidationFailedError
from service import authz, indonesian
from service.api.deps import CurrentPrincipal, RecordId, State
from service.auth import Principal, Role
from service.reports.aggregates import aggregates_of
from service.reports.charts import CHART_TITLES, EVALUATION_CHARTS
from service.reports.coordination import coordination
from service.reports.criteria import CRITERIA, SCORE_MAX, SCORE_MIN
from service.reports.deadline import deadline_info, due_fiscal_year
from service.reports.evaluations import YEAR_MAX, YEAR_MIN, EvaluationInput, EvaluationStore
from service.reports.expiring import EXPIRY_LISTS, MAX_DAYS, expiry_actions
from service.reports.indicators import MAX_ITEMS, IndicatorInput, IndicatorStore
from service.reports.report_cache import cached_yearly
from service.reports.row_filter import Evaluated, RowFilter, rows_link
from service.reports.submissions import SubmissionStore
from service.reports.yearly import body_rows, report_body
from service.web.shared import check_csrf, page

router = APIRouter(prefix="/review/monev", include_in_schema=False)

Year = Annotated[int | None, Query(ge=YEAR_MIN, le=YEAR_MAX)]
Body = Annotated[str | None, Query(max_length=40)]
LABELS: dict[str, Any] = {
    "ind": indonesian,
    "EXPIRY_LISTS": EXPIRY_LISTS,
    "CHART_TITLES": CHART_TITLES,
    "EVALUATION_CHARTS": EVALUATION_CHARTS,
    "rows_link": rows_link,
}


def _problems(exc: ValidationError) -> ValidationFailedError:
    return ValidationFailedError(
        "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:7])
    )


Short = Annotated[str | None, Query(max_length=60)]


@router.get("")
def monev_page(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    days: Annotated[int, Query(ge=0, le=MAX_DAYS)] = 90,
    year: Year = None,
    body: Body = None,
    keadaan: Short = None,
    jenis: Short = None,
    aktif: Short = None,
    wilayah: Short = None,
    mitra: Short = None,
    tahun: Short = None,
    bidang: Short = None,
    nilai: Annotated[Evaluated | None, Query()] = None,
    status: Short = None,
    saved: bool = False,
) -> HTMLResponse:
    today = dt.date.today()
    fiscal_year = year if year is not None else due_fiscal_year(today)
    # The chart images this page loads read the same kept report.
    report = cached_yearly(state.registry, fiscal_year, region_scope=principal.region, body=body)
    target = report_body(principal.region, report.body)
    narrow = RowFilter(keadaan, jenis, aktif, wilayah, mitra, tahun, bidang, nilai, status)
    [record] = SubmissionStore(state.registry).reports(fiscal_year, [target])
    return page(
        request,
        "monev.html",
        principal,
        days=days,
        year=fiscal_year,
        body=target,
        narrow=narrow,
        report=report,
        rows=narrow.apply(report),
        record=record,
        actions=expiry_actions(body_rows(state.registry, target), days, today),
        evaluation=aggregates_of(report),
        deadline=deadline_info(fiscal_year),
        can_act=principal.role >= Role.staff,
        flash="Laporan tersimpan." if saved else None,
        **LABELS,
    )


@router.get("/koordinasi")
def coordination_page(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    year: Year = None,
    body: Body = None,
    days: Annotated[int, Query(ge=0, le=MAX_DAYS)] = 90,
    saved: bool = False,
) -> HTMLResponse:
    fiscal_year = year if year is not None else due_fiscal_year(dt.date.today())
    view = coordination(state.registry, fiscal_year, scope=principal.region, body=body, days=days)
    return page(
        request,
        "monev_coordination.html",
        principal,
        view=view,
        year=fiscal_year,
        days=days,
        can_act=principal.role >= Role.staff,
        can_decide=principal.role >= Role.reviewer,
        flash="Laporan tersimpan." if saved else None,
        **LABELS,
    )


@router.post("/laporan")
async def report_action(request: Request, state: State, principal: CurrentPrincipal) -> Response:
    form = await request.form()
    check_csrf(request, str(form.get("csrf", "")))
    action = str(form.get("action", ""))
    principal.require(Role.reviewer if action in ("accept", "return") else Role.staff)
    if action not in ("draft", "submit", "accept", "return"):
        raise ValidationFailedError(f"Tindakan {action!r} tidak dikenal.")
    try:
        year = int(str(form.get("year", "")))
    except ValueError:
        raise ValidationFailedError("Tahun anggaran tidak sah.") from None
    code = str(form.get("body", ""))
    SubmissionStore(state.registry).act(
        code,
        year,
        action,  # type: ignore[arg-type]
        user=principal.user,
        scope=principal.region,
        note=str(form.get("note", "")),
    )
    back = str(form.get("back", "")) or code.split(".")[0]
    if back == "laporan":  # the body's own page: back to its report
        return RedirectResponse(
            f"/review/monev?year={year}&body={code}&saved=1#laporan", status_code=303
        )
    return RedirectResponse(
        f"/review/monev/koordinasi?year={year}&body={back}&saved=1", status_code=303
    )


@router.get("/agreements/{agreement_id}")
def evaluation_page(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    agreement_id: RecordId,
    year: Year = None,
    saved: Annotated[str | None, Query(max_length=20)] = None,
) -> HTMLResponse:
    view = authz.agreement(state.registry, principal, agreement_id)
    fiscal_year = year if year is not None else due_fiscal_year(dt.date.today())
    history = EvaluationStore(state.registry).history(agreement_id)
    current = next((e for e in history if e.current and e.fiscal_year == fiscal_year), None)
    flash = {
        "evaluasi": f"Evaluasi {fiscal_year} tersimpan.",
        "bukti": "Berkas bukti tersimpan.",
        "indikator": "Indikator keberhasilan tersimpan.",
    }.get(saved or "")
    return page(
        request,
        "evaluation.html",
        principal,
        a=view,
        year=fiscal_year,
        criteria=CRITERIA,
        scores=range(SCORE_MIN, SCORE_MAX + 1),
        current=current,
        history=history,
        indicators=IndicatorStore(state.registry).current(agreement_id),
        can_edit=principal.role >= Role.reviewer,
        flash=flash,
        **LABELS,
    )


def _sheet(form: Any) -> EvaluationInput:
    scores = {}
    for criterion in CRITERIA:
        raw = str(form.get(f"s_{criterion.code}", "")).strip()
        if raw:
            scores[criterion.code] = {
                "score": raw,
                "note": str(form.get(f"n_{criterion.code}", "")).strip(),
            }
    try:
        return EvaluationInput.model_validate(
            {
                "fiscal_year": str(form.get("fiscal_year", "")).strip(),
                "scores": scores,
                "summary": str(form.get("summary", "")).strip() or None,
                "good_practice": form.get("good_practice") == "1",
                "story": str(form.get("story", "")).strip() or None,
            }
        )
    except ValidationError as exc:
        raise _problems(exc) from None


async def _reviewer_form(
    request: Request, state: State, principal: Principal, agreement_id: int
) -> FormData:
    """A reviewer's post on one agreement they may see, its form token checked."""
    form = await request.form()
    check_csrf(request, str(form.get("csrf", "")))
    principal.require(Role.reviewer)
    authz.agreement(state.registry, principal, agreement_id)
    return form


@router.post("/agreements/{agreement_id}/evaluations")
async def record_evaluation(
    request: Request, state: State, principal: CurrentPrincipal, agreement_id: RecordId
) -> Response:
    form = await _reviewer_form(request, state, principal, agreement_id)
    sheet = _sheet(form)
    store = EvaluationStore(state.registry)
    evaluation = store.record(agreement_id, sheet, evaluator=principal.user)
    for criterion in CRITERIA:
        upload = form.get(f"f_{criterion.code}")
        if upload is not None and not isinstance(upload, str) and upload.filename:
            data = await upload.read(state.settings.max_file_bytes + 1)
            if len(data) > state.settings.max_file_bytes:
                raise ValidationFailedError("Berkas bukti terlalu besar.")
            store.add_evidence(
                evaluation.id,
                criterion.code,
                upload.filename,
                upload.content_type or "application/octet-stream",
                data,
            )
    return RedirectResponse(
        f"/review/monev/agreements/{agreement_id}?year={sheet.fiscal_year}&saved=evaluasi",
        status_code=303,
    )


@router.post("/agreements/{agreement_id}/indicators")
async def save_indicators(
    request: Request, state: State, principal: CurrentPrincipal, agreement_id: RecordId
) -> Response:
    form = await _reviewer_form(request, state, principal, agreement_id)
    items = []
    raw_count = str(form.get("count", "0"))
    count = min(int(raw_count), MAX_ITEMS) if raw_count.isdigit() else 0
    for n in range(count + 1):
        output = str(form.get(f"o_{n}", "")).strip()
        if output:
            items.append(
                {
                    "output": output,
                    "target": str(form.get(f"t_{n}", "")).strip() or None,
                    "achieved": str(form.get(f"c_{n}", "")).strip() or None,
                    "source": "scope" if form.get(f"src_{n}") == "scope" else "reviewer",
                }
            )
    try:
        body = IndicatorInput.model_validate({"items": items})
    except ValidationError as exc:
        raise _problems(exc) from None
    IndicatorStore(state.registry).save(agreement_id, body, user=principal.user)
    return RedirectResponse(
        f"/review/monev/agreements/{agreement_id}?saved=indikator", status_code=303
    )
