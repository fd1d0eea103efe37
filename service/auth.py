"""API keys: who may read, upload, correct, or manage keys.

Only the sha256 of a key is stored, so a copy of the database does not hand
out access; the key itself is shown once, when it is made. Keys live in the
service database (``data_dir/service.db``) beside the job table, not in the
registry, so that the registry stays a record of agreements only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from pydantic import BaseModel

from models import Settings
from models.errors import AuthError, ForbiddenError, NotFoundError, ValidationFailedError
from service.indonesian import ROLE_LABELS
from service.servicedb import connect, service_db_path

KEY_PREFIX = "ksk_"


class Role(IntEnum):
    """Ordered: each role may do everything the roles below it may."""

    viewer = 1
    staff = 2
    reviewer = 3
    admin = 4

    @classmethod
    def parse(cls, name: str) -> Role:
        try:
            return cls[name]
        except KeyError:
            allowed = ", ".join(r.name for r in cls)
            raise ValidationFailedError(
                f"Peran {name!r} tidak dikenal; gunakan salah satu dari {allowed}."
            ) from None


@dataclass(frozen=True)
class Principal:
    """The caller of one request, as the key says."""

    user: str
    role: Role
    region: str | None = None
    key_id: int | None = None
    user_id: int | None = None

    def require(self, role: Role) -> None:
        if self.role < role:
            raise ForbiddenError(
                f"Ini memerlukan peran {ROLE_LABELS[role.name]}; "
                f"peran Anda {ROLE_LABELS[self.role.name]}.",
                detail={"needed": role.name, "have": self.role.name},
            )


class KeyInfo(BaseModel):
    id: int
    prefix: str
    role: str
    region: str | None
    label: str | None
    created_at: dt.datetime
    revoked_at: dt.datetime | None


class NewKey(KeyInfo):
    key: str
    """Shown once; only its hash is kept."""


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def valid_region(code: str) -> str:
    """Kemendagri codes are digits in dotted groups (``35``, ``35.15``)."""
    parts = code.strip().split(".")
    if not code.strip() or not all(p.isdigit() and 1 <= len(p) <= 4 for p in parts):
        raise ValidationFailedError(f"{code!r} is not a region code like 35 or 35.15.")
    return code.strip()


class KeyStore:
    """The key table; a connection per call keeps it safe across threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.execute(
                "create table if not exists api_keys ("
                " id integer primary key, prefix text not null, hash text not null unique,"
                " role text not null, region text, label text,"
                " created_at text not null, revoked_at text)"
            )

    @classmethod
    def for_settings(cls, settings: Settings) -> KeyStore:
        return cls(service_db_path(settings))

    def _db(self) -> AbstractContextManager[sqlite3.Connection]:
        return connect(self.path)

    def create(
        self,
        role: Role,
        *,
        region: str | None = None,
        label: str | None = None,
        key: str | None = None,
    ) -> NewKey:
        region = valid_region(region) if region else None
        key = key or KEY_PREFIX + secrets.token_urlsafe(32)
        if len(key) < 16:
            raise ValidationFailedError("Kunci API paling sedikit 16 karakter.")
        now = dt.datetime.now(dt.UTC)
        with self._db() as db:
            cur = db.execute(
                "insert into api_keys (prefix, hash, role, region, label, created_at)"
                " values (?, ?, ?, ?, ?, ?)",
                (key[:8], hash_key(key), role.name, region, label, now.isoformat()),
            )
            key_id = int(cur.lastrowid or 0)
        return NewKey(
            id=key_id,
            prefix=key[:8],
            role=role.name,
            region=region,
            label=label,
            created_at=now,
            revoked_at=None,
            key=key,
        )

    def revoke(self, key_id: int) -> KeyInfo:
        with self._db() as db:
            cur = db.execute(
                "update api_keys set revoked_at = ? where id = ? and revoked_at is null",
                (dt.datetime.now(dt.UTC).isoformat(), key_id),
            )
            if (
                cur.rowcount == 0
                and not db.execute("select 1 from api_keys where id = ?", (key_id,)).fetchone()
            ):
                raise NotFoundError(f"Kunci API {key_id} tidak ada.")
        return self.get(key_id)

    def get(self, key_id: int) -> KeyInfo:
        with self._db() as db:
            row = db.execute("select * from api_keys where id = ?", (key_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"Kunci API {key_id} tidak ada.")
        return _info(row)

    def list(self) -> list[KeyInfo]:
        with self._db() as db:
            rows = db.execute("select * from api_keys order by id").fetchall()
        return [_info(row) for row in rows]

    def active_count(self) -> int:
        with self._db() as db:
            row = db.execute("select count(*) from api_keys where revoked_at is null").fetchone()
        return int(row[0])

    def authenticate(self, key: str | None) -> Principal:
        if not key:
            raise AuthError("Diperlukan kunci API (Authorization: Bearer <kunci> atau X-API-Key).")
        with self._db() as db:
            row = db.execute(
                "select * from api_keys where hash = ? and revoked_at is null", (hash_key(key),)
            ).fetchone()
        if row is None:
            raise AuthError("Kunci API tidak dikenal atau sudah dicabut.")
        return _key_principal(row)

    def principal_for_key(self, key_id: int) -> Principal:
        """The caller a session made from a key stands for, while the key is not revoked."""
        with self._db() as db:
            row = db.execute(
                "select * from api_keys where id = ? and revoked_at is null", (key_id,)
            ).fetchone()
        if row is None:
            raise AuthError("Kunci API ini sudah dicabut; silakan masuk kembali.")
        return _key_principal(row)

    def ensure_admin(self, settings: Settings) -> NewKey | None:
        """First start: make sure some admin can get in.

        ``bootstrap_admin_key`` is honoured (stored hashed) when set; otherwise
        an admin key is made only while no key exists at all, and returned so
        the caller can print it once.
        """
        if settings.bootstrap_admin_key:
            with self._db() as db:
                known = db.execute(
                    "select 1 from api_keys where hash = ?",
                    (hash_key(settings.bootstrap_admin_key),),
                ).fetchone()
            if not known:
                self.create(Role.admin, label="bootstrap", key=settings.bootstrap_admin_key)
            return None
        if self.active_count() == 0:
            return self.create(Role.admin, label="first-start")
        return None


def _key_principal(row: sqlite3.Row) -> Principal:
    name = row["label"] or row["prefix"]
    return Principal(
        user=f"key:{row['id']}:{name}",
        role=Role[row["role"]],
        region=row["region"],
        key_id=int(row["id"]),
    )


def _info(row: sqlite3.Row) -> KeyInfo:
    return KeyInfo(
        id=row["id"],
        prefix=row["prefix"],
        role=row["role"],
        region=row["region"],
        label=row["label"],
        created_at=dt.datetime.fromisoformat(row["created_at"]),
        revoked_at=dt.datetime.fromisoformat(row["revoked_at"]) if row["revoked_at"] else None,
    )


def region_contains(scope: str | None, code: str | None) -> bool:
    """Codes nest: scope ``35`` contains ``35`` and ``35.15``, not ``3515``."""
    if scope is None:
        return True
    if not code:
        return False
    return code == scope or code.startswith(scope + ".")
