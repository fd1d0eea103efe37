"""People who sign in to the review pages: a name, an argon2 password hash, a role, a region.

API keys stay for programs; a person gets a named account so the history says
who corrected what, and the browser holds a signed, expiring session
(``service.sessions``), never a password or a key.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel

from models import Settings
from models.errors import AuthError, ConflictError, NotFoundError, ValidationFailedError
from service.auth import Principal, Role, valid_region
from service.servicedb import connect, service_db_path

_HASHER = PasswordHasher()
MIN_PASSWORD = 8
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


class UserInfo(BaseModel):
    id: int
    name: str
    role: str
    region: str | None
    created_at: dt.datetime


class UserStore:
    """The user table in the service database; a connection per call, as the key table."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute(
                "create table if not exists users ("
                " id integer primary key, name text not null unique, password_hash text not null,"
                " role text not null, region text, created_at text not null, disabled_at text)"
            )

    @classmethod
    def for_settings(cls, settings: Settings) -> UserStore:
        return cls(service_db_path(settings))

    def _db(self) -> AbstractContextManager[sqlite3.Connection]:
        return connect(self.path)

    def create(
        self, name: str, password: str, role: Role, *, region: str | None = None
    ) -> UserInfo:
        name = name.strip().lower()
        if not _NAME.match(name):
            raise ValidationFailedError(
                "Nama pengguna 2–40 huruf kecil, angka, titik, garis bawah atau tanda hubung."
            )
        if len(password) < MIN_PASSWORD:
            raise ValidationFailedError(f"Kata sandi sedikitnya {MIN_PASSWORD} karakter.")
        region = valid_region(region) if region else None
        now = dt.datetime.now(dt.UTC)
        try:
            with self._db() as db:
                cur = db.execute(
                    "insert into users (name, password_hash, role, region, created_at)"
                    " values (?, ?, ?, ?, ?)",
                    (name, _HASHER.hash(password), role.name, region, now.isoformat()),
                )
        except sqlite3.IntegrityError:
            raise ConflictError(f"Pengguna {name!r} sudah ada.") from None
        return UserInfo(
            id=int(cur.lastrowid or 0), name=name, role=role.name, region=region, created_at=now
        )

    def authenticate(self, name: str, password: str) -> Principal:
        with self._db() as db:
            row = db.execute(
                "select * from users where name = ? and disabled_at is null",
                (name.strip().lower(),),
            ).fetchone()
        try:
            if row is None:
                raise VerificationError
            _HASHER.verify(row["password_hash"], password)
        except (VerificationError, InvalidHashError):
            raise AuthError("Nama pengguna atau kata sandi salah.") from None
        return _principal(row)

    def principal(self, user_id: int) -> Principal:
        with self._db() as db:
            row = db.execute(
                "select * from users where id = ? and disabled_at is null", (user_id,)
            ).fetchone()
        if row is None:
            raise AuthError("Akun ini tidak ada lagi; silakan masuk kembali.")
        return _principal(row)

    def get(self, name: str) -> UserInfo:
        with self._db() as db:
            row = db.execute("select * from users where name = ?", (name,)).fetchone()
        if row is None:
            raise NotFoundError(f"Tidak ada pengguna {name!r}.")
        return UserInfo(
            id=row["id"],
            name=row["name"],
            role=row["role"],
            region=row["region"],
            created_at=dt.datetime.fromisoformat(row["created_at"]),
        )


def _principal(row: sqlite3.Row) -> Principal:
    return Principal(
        user=row["name"], role=Role[row["role"]], region=row["region"], user_id=row["id"]
    )
