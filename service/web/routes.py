"""Review pages: the queue, one agreement with its page image, the edit form.

Server-rendered with Jinja2 (autoescaping on: document text is untrusted).
The browser holds the API key in an HttpOnly, SameSite=Strict cookie set by
the login form; every form also carries a token derived from that cookie, so
a page on another site cannot post a correction in the reviewer's name.
"""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from models import FIELD_NAMES
from models.errors import (
    AuthError,
    PreconditionFailedError,
    ValidationFailedError,
)
from service import authz
from service.api.deps import (
    COOKIE_NAME,
    CurrentPrincipal,
    RecordId,
    State,
)
from service.api.routers.uploads import upload_item
from service.api.schemas import UploadItem
from service.auth import Principal, Role
from service.jobs.receive import receive_uploads
from service.registry.derive import CURRENT_FIELDS
from service.registry.records import AgreementQuery, AgreementView, FieldValue
from service.web import shared
from service.web.shared import check_csrf

router = APIRouter(prefix="/review", include_in_schema=False)

FIELDS: tuple[str, ...] = tuple(
    f for name in FIELD_NAMES for f in (name, f"{name}_source") if f in CURRENT_FIELDS
)
"""Display order: each date followed by where it came from."""
STRUCTURED = {"numbers", "parties", "duration", "scope"}
"""Edited as JSON in the extraction contract's shape."""
LIST_FIELDS = {"numbers", "parties", "scope"}


def edit_value(name: str, value: Any) -> str:
    if name in STRUCTURED:
        if value is None:
            return "[]" if name in LIST_FIELDS else ""
        return json.dumps(value, ensure_ascii=False, indent=1 if name == "parties" else None)
    return "" if value is None else str(value)


def parse_edit(name: str, raw: str) -> Any:
    text = raw.strip()
    if name in STRUCTURED:
        if not text:
            return [] if name in LIST_FIELDS else None
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValidationFailedError(f"{name}: not valid JSON ({exc.msg}).") from None
    return text or None


@router.get("/login")
def login_form(request: Request) -> HTMLResponse:
    return shared.page(request, "login.html", None)


@router.post("/login")
def login(request: Request, state: State, key: Annotated[str, Form(max_length=200)]) -> Response:
    try:
        state.keys.authenticate(key.strip())
    except AuthError as exc:
        return shared.page(
            request, "login.html", None, status=401, flash=exc.message, flash_kind="error"
        )
    response = RedirectResponse("/review", status_code=303)
    response.set_cookie(
        COOKIE_NAME,
        key.strip(),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=12 * 3600,
        path="/",
    )
    return response


@router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/review/login", status_code=303)
    response.delete_cookie(COOKIE_NAME, path="/")
    return response


@router.get("")
def agreements_list(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    view: Annotated[str, Query(pattern="^(queue|all)$")] = "queue",
    q: Annotated[str | None, Query(max_length=200)] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    limit = 50
    if view == "queue" and not q:
        page = state.registry.review_queue(limit, offset, region_scope=principal.region)
    else:
        view = "all"
        page = state.registry.list_agreements(
            AgreementQuery(q=q or None, limit=limit, offset=offset), region_scope=principal.region
        )

    def url(at: int) -> str:
        return "/review?" + urlencode({"view": view, "q": q or "", "offset": at})

    return shared.page(
        request,
        "list.html",
        principal,
        page=page,
        view=view,
        q=q,
        offset=offset,
        limit=limit,
        prev_url=url(max(offset - limit, 0)) if offset > 0 else None,
        next_url=url(offset + limit) if offset + limit < page.total else None,
    )


def _boxes(view: AgreementView, page: int, dpi: int) -> list[dict[str, Any]]:
    scale = dpi / 72
    boxes = []
    for name, fv in view.fields.items():
        for ev in fv.evidence:
            if ev.page == page and ev.box is not None:
                x0, top, x1, bottom = ev.box
                boxes.append(
                    {
                        "field": name,
                        "left": round(x0 * scale),
                        "top": round(top * scale),
                        "width": max(2, round((x1 - x0) * scale)),
                        "height": max(2, round((bottom - top) * scale)),
                    }
                )
    return boxes


def _agreement_page(
    request: Request,
    state: State,
    principal: Principal,
    agreement_id: int,
    *,
    file: str | None = None,
    page: int = 1,
    flash: str | None = None,
    flash_kind: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    view = authz.agreement(state.registry, principal, agreement_id)
    chosen = next(
        (f for f in view.files if f.sha256 == file), view.files[0] if view.files else None
    )
    if chosen is not None:
        page = min(max(page, 1), max(chosen.pages, 1))
    rows = []
    for name in FIELDS:
        fv = view.fields.get(name) or FieldValue()
        rows.append((name, fv, edit_value(name, fv.value), name in STRUCTURED))
    return shared.page(
        request,
        "agreement.html",
        principal,
        status=status,
        a=view,
        file=chosen,
        page=page,
        dpi=state.settings.page_image_dpi,
        boxes=_boxes(view, page, state.settings.page_image_dpi) if chosen is not None else [],
        rows=rows,
        history=state.registry.history(agreement_id),
        can_edit=principal.role >= Role.reviewer,
        flash=flash,
        flash_kind=flash_kind,
    )


@router.get("/agreements/{agreement_id}")
def agreement(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    agreement_id: RecordId,
    file: Annotated[str | None, Query(max_length=64)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> HTMLResponse:
    return _agreement_page(request, state, principal, agreement_id, file=file, page=page)


@router.post("/agreements/{agreement_id}/correct")
async def correct(
    request: Request, state: State, principal: CurrentPrincipal, agreement_id: RecordId
) -> Response:
    form = await request.form()
    check_csrf(request, str(form.get("csrf", "")))
    principal.require(Role.reviewer)
    reason = str(form.get("reason", "")).strip()
    version = str(form.get("version", ""))
    view = authz.agreement(state.registry, principal, agreement_id)
    changes: dict[str, Any] = {}
    for name in FIELDS:
        raw = form.get(f"f_{name}")
        if raw is None:
            continue
        current = view.fields.get(name) or FieldValue()
        if str(raw).replace("\r\n", "\n").strip() != edit_value(name, current.value).strip():
            changes[name] = parse_edit(name, str(raw))
    if not changes:
        return _agreement_page(
            request, state, principal, agreement_id, flash="Tidak ada yang berubah."
        )
    authz.correction(principal, view, changes)
    if not reason:
        raise ValidationFailedError("A correction needs a reason.")
    if not version.isdigit():
        raise PreconditionFailedError("The form lost the agreement's version; reload the page.")
    try:
        state.registry.correct(
            agreement_id,
            changes,
            reason=reason,
            user=principal.user,
            expected_version=int(version),
        )
    except PreconditionFailedError:
        return _agreement_page(
            request,
            state,
            principal,
            agreement_id,
            flash="Someone changed this agreement meanwhile; your edit was not saved. "
            "Check the current values and edit again.",
            flash_kind="error",
            status=412,
        )
    return RedirectResponse(f"/review/agreements/{agreement_id}", status_code=303)


@router.post("/agreements/{agreement_id}/reviewed")
def reviewed(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    agreement_id: RecordId,
    csrf: Annotated[str, Form()] = "",
    version: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    principal.require(Role.reviewer)
    authz.agreement(state.registry, principal, agreement_id)
    state.registry.mark_reviewed(
        agreement_id,
        user=principal.user,
        expected_version=int(version) if version.isdigit() else None,
    )
    return RedirectResponse("/review", status_code=303)


@router.post("/agreements/{agreement_id}/links/{link_id}")
def decide_link(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    agreement_id: RecordId,
    link_id: RecordId,
    decision: Annotated[str, Form(pattern="^(confirm|reject)$")],
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    principal.require(Role.reviewer)
    authz.link(state.registry, principal, agreement_id, link_id)
    state.registry.resolve_link(link_id, confirm=decision == "confirm", user=principal.user)
    return RedirectResponse(f"/review/agreements/{agreement_id}", status_code=303)


def _upload_page(
    request: Request, state: State, principal: Principal, results: list[UploadItem] | None = None
) -> HTMLResponse:
    mine = principal.user if principal.region else None
    return shared.page(
        request,
        "upload.html",
        principal,
        jobs=state.jobs.recent(user=mine, limit=30),
        results=results,
        can_upload=principal.role >= Role.staff,
    )


@router.get("/upload")
def upload_form(request: Request, state: State, principal: CurrentPrincipal) -> HTMLResponse:
    return _upload_page(request, state, principal)


@router.post("/upload")
async def upload(request: Request, state: State, principal: CurrentPrincipal) -> HTMLResponse:
    """The browser's way to the same intake as ``POST /api/v1/uploads``."""
    form = await request.form(max_files=state.settings.max_upload_files)
    check_csrf(request, str(form.get("csrf", "")))
    principal.require(Role.staff)
    received = await receive_uploads(state.intake, form.getlist("files"), user=principal.user)
    results = [upload_item(r) for r in received]
    state.collector.wake()
    return _upload_page(request, state, principal, results)
