"""ASGI middleware around the whole app: a streaming body-size limit and
security headers.

The size limit counts the bytes of ``http.request`` messages as they arrive,
so a chunked upload without Content-Length is stopped as soon as it passes the
limit instead of being spooled to disk by the multipart parser. When the
limit is passed, whatever the app answers (the body parser sees a broken
stream and would say 400) is replaced by the typed 413.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from models.errors import RequestTooLargeError

CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

DOCS_CSP = (
    "default-src 'self'; img-src 'self' data: https://fastapi.tiangolo.com; "
    "style-src 'self' https://cdn.jsdelivr.net; "
    "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; frame-ancestors 'none'"
)
"""The interactive API docs load Swagger UI from its CDN."""


class BodySizeLimit:
    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        error = RequestTooLargeError(
            f"Permintaan lebih besar dari {self.limit} bita; kirim berkas lebih sedikit "
            "atau lebih kecil."
        )
        body = {"error": error.code, "message": error.message, "detail": {"limit": self.limit}}
        await JSONResponse(body, status_code=error.status)(scope, receive, send)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.limit:
            await self._refuse(scope, receive, send)
            return
        received = 0
        exceeded = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    exceeded = True
                    raise RequestTooLargeError("request body over the limit")
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded and not started:
                return  # the app's answer to a cut-off body is replaced by the 413
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except RequestTooLargeError:
            if started:
                raise
        if exceeded and not started:
            await self._refuse(scope, receive, send)


class SecurityHeaders:
    """Headers every answer carries; API JSON is never cached by a browser or proxy."""

    def __init__(self, app: ASGIApp, *, api_prefix: str) -> None:
        self.app = app
        self.api_prefix = api_prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        is_api = scope["path"].startswith(self.api_prefix)
        is_docs = scope["path"] == self.api_prefix + "/docs"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", DOCS_CSP if is_docs else CSP)
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                content_type = headers.get("content-type", "")
                if is_api and content_type.startswith("application/json"):
                    headers["Cache-Control"] = "no-store"
                if "server" in headers:
                    del headers["server"]
            await send(message)

        await self.app(scope, receive, with_headers)
