"""Monev review pages: agreements about to expire, the yearly summary, and the
evaluation form on one agreement.

Same rules as the other review pages (``service.web.shared``): Jinja2 with
autoescaping, the key in the HttpOnly cookie, a form token on every post.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from models.errors import ValidationFailedError
from service.api.deps import CurrentPrincipal, RecordId, State, visible_agreement
from service.auth import Role
from service.reports.criteria import CRITERIA, SCORE_MAX, SCORE_MIN
from service.reports.deadline import deadline_info, due_fiscal_year
from service.reports.evaluations import YEAR_MAX, YEAR_MIN, EvaluationInput, EvaluationStore
from service.reports.expiring import MAX_DAYS, expiring_agreements
from service.reports.yearly import yearly_from_registry
from service.web.shared import check_csrf, page

router = APIRouter(prefix="/review/monev", include_in_schema=False)

Year = Annotated[int | None, Query(ge=YEAR_MIN, le=YEAR_MAX)]


@router.get("")
def monev_page(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    days: Annotated[int, Query(ge=0, le=MAX_DAYS)] = 90,
    year: Year = None,
) -> HTMLResponse:
    fiscal_year = year if year is not None else due_fiscal_year(dt.date.today())
    return page(
        request,
        "monev.html",
        principal,
        days=days,
        year=fiscal_year,
        expiring=expiring_agreements(state.registry, days, region_scope=principal.region),
        report=yearly_from_registry(state.registry, fiscal_year, region_scope=principal.region),
        deadline=deadline_info(fiscal_year),
    )


@router.get("/agreements/{agreement_id}")
def evaluation_page(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    agreement_id: RecordId,
    year: Year = None,
) -> HTMLResponse:
    view = visible_agreement(state, principal, agreement_id)
    fiscal_year = year if year is not None else due_fiscal_year(dt.date.today())
    history = EvaluationStore(state.registry).history(agreement_id)
    current = next((e for e in history if e.current and e.fiscal_year == fiscal_year), None)
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
        can_edit=principal.role >= Role.reviewer,
    )


@router.post("/agreements/{agreement_id}/evaluations")
async def record_evaluation(
    request: Request, state: State, principal: CurrentPrincipal, agreement_id: RecordId
) -> Response:
    form = await request.form()
    check_csrf(request, str(form.get("csrf", "")))
    principal.require(Role.reviewer)
    visible_agreement(state, principal, agreement_id)
    scores = {}
    for criterion in CRITERIA:
        raw = str(form.get(f"s_{criterion.code}", "")).strip()
        if not raw:
            continue
        scores[criterion.code] = {
            "score": raw,
            "note": str(form.get(f"n_{criterion.code}", "")).strip(),
        }
    try:
        sheet = EvaluationInput.model_validate(
            {
                "fiscal_year": str(form.get("fiscal_year", "")).strip(),
                "scores": scores,
                "summary": str(form.get("summary", "")).strip() or None,
            }
        )
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()[:7]
        ]
        raise ValidationFailedError("; ".join(problems)) from None
    EvaluationStore(state.registry).record(agreement_id, sheet, evaluator=principal.user)
    return RedirectResponse(
        f"/review/monev/agreements/{agreement_id}?year={sheet.fiscal_year}", status_code=303
    )
