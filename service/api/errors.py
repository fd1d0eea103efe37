"""Errors to HTTP, in one place.

Every error leaves the service as ``{"error": code, "message": text}`` with
the status its typed error carries (``models.errors``); nothing else in the
API picks status codes. The review pages get the same errors as a small HTML
page (or a redirect to the login form), since a browser user cannot read JSON.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from models import KerjasamaError

log = logging.getLogger("kerjasama.api")

WEB_PREFIX = "/review"

HtmlRenderer = Callable[[Request, int, str, str], Response]
"""Renders an error as a page: (request, status, code, message). Given by the app factory."""

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    411: "length_required",
    412: "precondition_failed",
    413: "payload_too_large",
    415: "unsupported_type",
    422: "invalid_input",
    428: "precondition_required",
    429: "too_many_requests",
    503: "not_ready",
}


def error_body(code: str, message: str, detail: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"error": code, "message": message}
    if detail:
        body["detail"] = detail
    return body


def _respond(
    request: Request, status: int, code: str, message: str, detail: dict[str, Any] | None = None
) -> Response:
    render: HtmlRenderer | None = getattr(request.app.state, "render_error_page", None)
    if render is not None and request.url.path.startswith(WEB_PREFIX):
        if status == 401:
            return RedirectResponse(f"{WEB_PREFIX}/login", status_code=303)
        return render(request, status, code, message)
    return JSONResponse(error_body(code, message, detail), status_code=status)


async def _kerjasama_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, KerjasamaError)
    if exc.status >= 500:
        log.error("%s: %s", exc.code, exc.message)
    detail = {k: v for k, v in exc.detail.items() if isinstance(v, str | int | float | bool)}
    return _respond(request, exc.status, exc.code, exc.message, detail)


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if any(err.get("type") == "json_invalid" for err in exc.errors()):
        # Not JSON at all is a malformed request (400), not invalid values (422).
        return _respond(request, 400, "malformed_body", "Isi permintaan bukan JSON yang sah.")
    problems = []
    for err in exc.errors()[:10]:
        where = ".".join(str(p) for p in err.get("loc", ()))
        problems.append(f"{where}: {err.get('msg', 'invalid')}")
    return _respond(request, 422, "invalid_input", "; ".join(problems) or "invalid input")


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    response = _respond(request, exc.status_code, code, str(exc.detail))
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _unexpected(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return _respond(request, 500, "internal_error", "Terjadi kesalahan tak terduga; sudah dicatat.")


def install(app: FastAPI, render_html: HtmlRenderer | None = None) -> None:
    """Every error handler; ``render_html`` answers browsers under ``/review`` with a page."""
    app.state.render_error_page = render_html
    app.add_exception_handler(KerjasamaError, _kerjasama_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
