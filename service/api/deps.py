"""What every route needs, in one module: the service state, the caller, roles.

The caller's key may come as ``Authorization: Bearer``, ``X-API-Key`` or (for
reads only under ``/api``) the review pages' cookie, so the page images load in
the browser with the same check as the API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request, Security
from fastapi import Path as FastAPIPath
from fastapi.security import APIKeyCookie, APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from models import Settings
from models.errors import PreconditionFailedError, PreconditionRequiredError
from service import sessions
from service.auth import KeyStore, Principal, Role
from service.jobs.collector import Collector
from service.jobs.intake import Intake
from service.jobs.queue import JobQueue
from service.jobs.store import JobStore
from service.jobs.worker import EmbeddedWorker
from service.sessions import COOKIE_NAME
from service.users import UserStore

if TYPE_CHECKING:
    from service.registry import Registry


@dataclass
class ServiceState:
    settings: Settings
    registry: Registry
    keys: KeyStore
    users: UserStore
    jobs: JobStore
    queue: JobQueue
    intake: Intake
    collector: Collector
    worker: EmbeddedWorker | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def get_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.kerjasama
    return state


State = Annotated[ServiceState, Depends(get_state)]

_bearer = HTTPBearer(auto_error=False, description="an API key from `kerjasama keys create`")
_header = APIKeyHeader(name="X-API-Key", auto_error=False)
_cookie = APIKeyCookie(
    name=COOKIE_NAME, auto_error=False, description="the session set by /review/login"
)


SAFE_METHODS = frozenset({"GET", "HEAD"})


def current_principal(
    request: Request,
    state: State,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_bearer)],
    header: Annotated[str | None, Security(_header)],
    cookie: Annotated[str | None, Security(_cookie)],
) -> Principal:
    """The API takes the page cookie for reads only (page images in the browser):
    a state change under ``/api`` needs the key header, so a cross-site form
    riding on the cookie cannot change anything. The pages check their own
    form token on every post."""
    if not state.settings.require_auth:
        return Principal(user="anonymous", role=Role.admin)
    if request.url.path.startswith("/api/") and request.method not in SAFE_METHODS:
        cookie = None
    key = (bearer.credentials if bearer else None) or header
    if key or not cookie:
        return state.keys.authenticate(key)
    session = sessions.verify(state.settings, cookie)
    if session.kind == "u":
        return state.users.principal(session.id)
    return state.keys.principal_for_key(session.id)


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def _needs(role: Role) -> Any:
    def check(principal: CurrentPrincipal) -> Principal:
        principal.require(role)
        return principal

    return Depends(check)


Viewer = Annotated[Principal, _needs(Role.viewer)]
Staff = Annotated[Principal, _needs(Role.staff)]
Reviewer = Annotated[Principal, _needs(Role.reviewer)]
Admin = Annotated[Principal, _needs(Role.admin)]


def etag(version: int) -> str:
    return f'"{version}"'


def parse_if_match(value: str | None, *, required: bool = True) -> int | None:
    """The version a client last saw, from ``If-Match: "7"`` (weak tags accepted)."""
    if value is None or not value.strip():
        if required:
            raise PreconditionRequiredError(
                "Kirim If-Match berisi ETag perjanjian (versinya) untuk mengubahnya."
            )
        return None
    tag = value.strip()
    if tag == "*":
        return None
    tag = tag.removeprefix("W/").strip().strip('"')
    if not tag.isdigit() or len(tag) > 12:
        raise PreconditionFailedError(
            f"If-Match {value!r} bukan versi yang dikeluarkan layanan ini."
        )
    return int(tag)


RecordId = Annotated[int, FastAPIPath(ge=1, le=2**53, description="a record id")]
