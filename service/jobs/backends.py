"""Which queue backend a deployment runs, from settings alone."""

from __future__ import annotations

from typing import Literal

from models import Settings
from models.errors import ValidationFailedError
from service.jobs.leases import SqliteQueue
from service.jobs.queue import JobQueue
from service.jobs.store import JobStore
from service.jobs.streams import RedisQueue


def backend(settings: Settings) -> Literal["sqlite", "redis"]:
    """``auto`` is Redis exactly when a queue URL is set (what earlier releases did)."""
    if settings.queue_backend != "auto":
        return settings.queue_backend
    return "redis" if settings.queue_url else "sqlite"


def make_queue(settings: Settings, store: JobStore | None = None) -> JobQueue:
    """The configured backend. ``store`` matters on SQLite only (the rows are the
    queue); a Redis worker on another machine has none and opens no database."""
    if backend(settings) == "redis":
        url = settings.queue_url or ""
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ValidationFailedError(
                f"KERJASAMA_QUEUE_URL harus berupa URL redis:// (tertulis {url!r}); "
                "kosongkan untuk antrean SQLite bawaan."
            )
        return RedisQueue(settings, url, store)
    return SqliteQueue(settings, store or JobStore.for_settings(settings))


def describe(settings: Settings) -> str:
    """Where the queue is, for the start-up line (no password shown)."""
    if backend(settings) == "redis":
        url = settings.queue_url or ""
        host = url.rsplit("@", 1)[-1]
        return f"Redis {host.split('://', 1)[-1]}"
    return f"SQLite {settings.database}"
