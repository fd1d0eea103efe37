"""What every review page shares: the templates, the page helper, the form token.

Lives apart from the routes so that each group of pages (review, monev, ...)
builds on it without importing another group's module, and so the API's
error handler can be handed ``render_error`` by the app factory instead of
importing the pages.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from models.errors import ForbiddenError
from service import indonesian
from service.auth import Principal
from service.evidence_reasons import evidence_reason
from service.sessions import COOKIE_NAME
from service.web import region_picker

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
PRELOGIN_COOKIE = "kerjasama_prelogin"
"""Binds the login form's token before there is a session."""


def show(value: Any) -> str:
    """A value as a person reads it: a dash for nothing, dates the Indonesian way."""
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def conf_class(conf: float | None) -> str:
    if conf is None:
        return ""
    return "low" if conf < 0.5 else "mid" if conf < 0.8 else ""


templates.env.globals.update(
    show=show,
    conf_class=conf_class,
    fmt_date=indonesian.format_date,
    fmt_datetime=indonesian.format_datetime,
    fmt_number=indonesian.format_number,
    label=indonesian.label,
    party_label=indonesian.party_label,
    link_reason=indonesian.link_reason,
    evidence_reason=evidence_reason,
    STATUS_LABELS=indonesian.STATUS_LABELS,
    DOC_TYPE_LABELS=indonesian.DOC_TYPE_LABELS,
    FIELD_LABELS=indonesian.FIELD_LABELS,
    LINK_KIND_LABELS=indonesian.LINK_KIND_LABELS,
    LINK_STATUS_LABELS=indonesian.LINK_STATUS_LABELS,
    ROLE_LABELS=indonesian.ROLE_LABELS,
    SOURCE_LABELS=indonesian.SOURCE_LABELS,
    JOB_STATUS_LABELS=indonesian.JOB_STATUS_LABELS,
    PARTY_KIND_LABELS=indonesian.PARTY_KIND_LABELS,
    provinces=region_picker.provinces,
    districts=region_picker.districts,
    split_code=region_picker.split_code,
)


def csrf_token(request: Request, basis: str | None = None) -> str:
    """A token bound to the session cookie: another site cannot read it, so cannot post."""
    session = basis or request.cookies.get(COOKIE_NAME) or request.cookies.get(PRELOGIN_COOKIE, "")
    return hmac.new(b"kerjasama-csrf", session.encode(), hashlib.sha256).hexdigest()


def check_csrf(request: Request, token: str) -> None:
    bound = request.cookies.get(COOKIE_NAME) or request.cookies.get(PRELOGIN_COOKIE)
    if not bound or not hmac.compare_digest(token, csrf_token(request)):
        raise ForbiddenError("Formulir sudah kedaluwarsa; muat ulang halaman lalu coba lagi.")


def page(
    request: Request,
    name: str,
    principal: Principal | None,
    status: int = 200,
    csrf_basis: str | None = None,
    **context: Any,
) -> HTMLResponse:
    context.update(principal=principal, csrf=csrf_token(request, csrf_basis))
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error(request: Request, status: int, code: str, message: str) -> Response:
    """The HTML face of an API error, handed to ``service.api.errors.install``."""
    context = {"principal": None, "csrf": "", "status": status, "code": code, "message": message}
    return templates.TemplateResponse(request, "error.html", context, status_code=status)
