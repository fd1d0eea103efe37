"""The review pages' session cookie: who, until when, signed with the service's secret.

The cookie names an account (``u``) or, for programs that still sign in with
an API key, the key's id (``k``); it never carries a password or a key, and a
revoked key or removed user ends the session at the next request.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Literal

from models import Settings
from models.errors import AuthError
from service.servicedb import connect, service_db_path

COOKIE_NAME = "kerjasama_session"


@dataclass(frozen=True)
class Session:
    kind: Literal["u", "k"]
    id: int
    expires: int


def session_secret(settings: Settings) -> bytes:
    """The configured secret, or one made once and kept in the service database."""
    if settings.session_secret:
        return settings.session_secret.encode()
    path = service_db_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    with connect(path) as db:
        db.execute("create table if not exists service_secrets (name text primary key, value text)")
        db.execute(
            "insert or ignore into service_secrets values ('session', ?)", (secrets.token_hex(32),)
        )
        row = db.execute("select value from service_secrets where name = 'session'").fetchone()
    return str(row[0]).encode()


def _sign(secret: bytes, payload: str) -> str:
    mac = hmac.new(secret, payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def issue(settings: Settings, kind: Literal["u", "k"], ident: int) -> str:
    expires = int(time.time() + settings.session_hours * 3600)
    payload = f"{kind}.{ident}.{expires}.{secrets.token_hex(8)}"
    return f"{payload}.{_sign(session_secret(settings), payload)}"


def verify(settings: Settings, token: str) -> Session:
    payload, _, mac = token.rpartition(".")
    parts = payload.split(".")
    if (
        len(parts) != 4
        or parts[0] not in ("u", "k")
        or not parts[1].isdigit()
        or not parts[2].isdigit()
        or not hmac.compare_digest(mac, _sign(session_secret(settings), payload))
    ):
        raise AuthError("Sesi tidak sah; silakan masuk kembali.")
    if int(parts[2]) < time.time():
        raise AuthError("Sesi sudah berakhir; silakan masuk kembali.")
    kind: Literal["u", "k"] = "u" if parts[0] == "u" else "k"
    return Session(kind=kind, id=int(parts[1]), expires=int(parts[2]))
