"""Review pages around the agreements: signing in and out, the list, the upload page.

Server-rendered with Jinja2 (autoescaping on: document text is untrusted). A
person signs in with a name and password (``service.users``); the browser
then holds a signed, expiring session cookie (``service.sessions``), HttpOnly
and SameSite=Strict, and every form carries a token bound to it, so a page on
another site cannot post in the reviewer's name. Programs keep their API keys.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from models.errors import AuthError
from service import authz, sessions
from service.api.deps import CurrentPrincipal, State
from service.api.routers.uploads import upload_item
from service.api.schemas import UploadItem
from service.auth import Principal, Role
from service.indonesian import ERROR_LABELS, JOB_STATUS_LABELS, OUTCOME_LABELS, format_datetime
from service.jobs.receive import receive_uploads
from service.registry.queries import SORTS
from service.registry.records import AgreementQuery
from service.sessions import COOKIE_NAME
from service.web import region_picker, shared
from service.web.shared import PRELOGIN_COOKIE, check_csrf

router = APIRouter(prefix="/review", include_in_schema=False)

PAGE_SIZE = 50


def _landing(principal: Principal) -> str:
    """Records staff upload; everyone else starts at the review queue."""
    return "/review/upload" if principal.role == Role.staff else "/review"


@router.get("/login")
def login_form(request: Request) -> HTMLResponse:
    if request.cookies.get(PRELOGIN_COOKIE) or request.cookies.get(COOKIE_NAME):
        return shared.page(request, "login.html", None)
    token = secrets.token_urlsafe(24)
    response = shared.page(request, "login.html", None, csrf_basis=token)
    response.set_cookie(
        PRELOGIN_COOKIE, token, httponly=True, samesite="strict", path="/review", max_age=3600
    )
    return response


@router.post("/login")
def login(
    request: Request,
    state: State,
    csrf: Annotated[str, Form(max_length=200)] = "",
    name: Annotated[str, Form(max_length=100)] = "",
    password: Annotated[str, Form(max_length=500)] = "",
    key: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    check_csrf(request, csrf)
    try:
        if key.strip():
            principal = state.keys.authenticate(key.strip())
            token = sessions.issue(state.settings, "k", principal.key_id or 0)
        else:
            principal = state.users.authenticate(name, password)
            token = sessions.issue(state.settings, "u", principal.user_id or 0)
    except AuthError:
        return shared.page(
            request,
            "login.html",
            None,
            status=401,
            login_name=name,
            flash="Nama pengguna, kata sandi atau kunci tidak cocok.",
            flash_kind="error",
        )
    response = RedirectResponse(_landing(principal), status_code=303)
    response.set_cookie(
        COOKIE_NAME,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=int(state.settings.session_hours * 3600),
        path="/",
    )
    return response


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form(max_length=200)] = "") -> Response:
    check_csrf(request, csrf)
    response = RedirectResponse("/review/login", status_code=303)
    response.delete_cookie(COOKIE_NAME, path="/")
    return response


Sort = Literal["id", "-id", "signing_date", "-signing_date", "end_date", "confidence"]


@router.get("")
def agreements_list(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    view: Annotated[str, Query(pattern="^(queue|all)$")] = "queue",
    q: Annotated[str | None, Query(max_length=200)] = None,
    wilayah: Annotated[str | None, Query(max_length=20, pattern=r"^[0-9.]*$")] = None,
    kabkota: Annotated[str | None, Query(max_length=20, pattern=r"^[0-9.]*$")] = None,
    jenis: Annotated[str | None, Query(pattern="^(|NK|PKS|ADENDUM)$")] = None,
    tahun: Annotated[str | None, Query(pattern=r"^(|\d{4})$")] = None,
    status: Annotated[str | None, Query(pattern="^(|needs_review|reviewed)$")] = None,
    berakhir: Annotated[str | None, Query(pattern=r"^(|\d{1,4})$")] = None,
    urut: Annotated[Sort | None, Query()] = None,
    dalam: Annotated[str | None, Query(pattern="^(|teks)$")] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> HTMLResponse:
    if wilayah and "." in wilayah and not kabkota:  # a kab/kota code: both steps at once
        wilayah, kabkota = wilayah.split(".")[0], wilayah
    filters = {
        "q": q or "",
        "dalam": dalam if q else "",
        "wilayah": wilayah or "",
        # the picker's second step counts only inside the chosen province
        "kabkota": kabkota if kabkota and wilayah and kabkota.startswith(wilayah + ".") else "",
        "jenis": jenis or "",
        "tahun": tahun or "",
        "status": status or "",
        "berakhir": berakhir or "",
    }
    also_in_text = 0  # agreements only the page text mentions: searched apart, a second list
    if view == "queue" and not any(filters.values()) and urut is None:
        page = state.registry.review_queue(PAGE_SIZE, offset, region_scope=principal.region)
        sort = "confidence"
    else:
        view = "all"
        sort = urut or "-id"
        query = AgreementQuery(
            q=q or None,
            search_in="text" if filters["dalam"] else "fields",
            region_code=filters["kabkota"] or wilayah or None,
            doc_type=jenis or None,
            year=int(tahun) if tahun else None,
            status=status or None,
            expires_within_days=int(berakhir) if berakhir else None,
            sort=sort,
            limit=PAGE_SIZE,
            offset=offset,
        )
        page = state.registry.list_agreements(query, region_scope=principal.region)
        if q and not filters["dalam"]:
            also_in_text = state.registry.list_agreements(
                query.model_copy(update={"search_in": "text", "limit": 1, "offset": 0}),
                region_scope=principal.region,
            ).total

    def url(**change: str | int) -> str:
        params = {"view": view, **filters, "urut": sort, "offset": offset, **change}
        return "/review?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})

    return shared.page(
        request,
        "list.html",
        principal,
        page=page,
        also_in_text=also_in_text,
        view=view,
        filters=filters,
        districts_json=region_picker.districts_json(),
        sort=sort,
        sorts=SORTS,
        url=url,
        offset=offset,
        limit=PAGE_SIZE,
        prev_url=url(offset=max(offset - PAGE_SIZE, 0)) if offset > 0 else None,
        next_url=url(offset=offset + PAGE_SIZE) if offset + PAGE_SIZE < page.total else None,
    )


def _jobs(state: State, principal: Principal) -> list[dict[str, object]]:
    mine = principal.user if principal.region or principal.role == Role.staff else None
    return [
        {
            "id": job.id,
            "file": job.file,
            "status": job.status,
            "status_label": JOB_STATUS_LABELS.get(job.status, job.status),
            "outcome": OUTCOME_LABELS.get(job.outcome or "", job.outcome or ""),
            "agreement_id": job.agreement_id,
            "reason": ERROR_LABELS.get(job.error or "", job.message or "") if job.error else "",
            "at": format_datetime(job.created_at),
        }
        for job in state.jobs.recent(user=mine, limit=30)
    ]


def _upload_page(
    request: Request, state: State, principal: Principal, results: list[UploadItem] | None = None
) -> HTMLResponse:
    return shared.page(
        request,
        "upload.html",
        principal,
        jobs=_jobs(state, principal),
        results=results,
        errors=ERROR_LABELS,
        can_upload=principal.role >= Role.staff,
    )


@router.get("/upload")
def upload_form(request: Request, state: State, principal: CurrentPrincipal) -> HTMLResponse:
    return _upload_page(request, state, principal)


@router.get("/upload/jobs")
def upload_jobs(state: State, principal: CurrentPrincipal) -> JSONResponse:
    """The job list the upload page refreshes itself from."""
    return JSONResponse({"jobs": _jobs(state, principal)})


@router.post("/upload")
async def upload(request: Request, state: State, principal: CurrentPrincipal) -> HTMLResponse:
    """The browser's way to the same intake as ``POST /api/v1/uploads``."""
    form = await request.form(max_files=state.settings.max_upload_files)
    check_csrf(request, str(form.get("csrf", "")))
    principal.require(Role.staff)
    received = await receive_uploads(
        state.intake,
        form.getlist("files"),
        user=principal.user,
        can_see=authz.sees(state.registry, principal),
    )
    results = [upload_item(r) for r in received]
    state.collector.wake()
    return _upload_page(request, state, principal, results)
