"""The FastAPI application: routers under /api/v1, review pages under /review.

``create_app(settings)`` builds everything from settings alone; the lifespan
opens the registry (this process is its single writer), starts the collector
that files worker results, and on the embedded deployment a worker process.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import RedirectResponse

from models import Settings, get_settings
from service.api import errors
from service.api.deps import ServiceState
from service.api.middleware import BodySizeLimit, SecurityHeaders
from service.api.routers import agreements, export, files, health, jobs, keys, links, monev, uploads
from service.auth import KeyStore
from service.checkpoints import PageCheckpoints
from service.consume import Filer
from service.jobs.adopt import adopt_jobs
from service.jobs.backends import make_queue
from service.jobs.collector import Collector
from service.jobs.intake import Intake
from service.jobs.store import JobStore
from service.jobs.worker import EmbeddedWorker
from service.users import UserStore
from service.web.mount import mount as mount_web
from service.web.shared import render_error

log = logging.getLogger("kerjasama.api")

API_PREFIX = "/api/v1"


def _open_state(settings: Settings) -> ServiceState:
    from service.registry import Registry

    registry = Registry.open(settings)
    store = JobStore.for_settings(settings)
    queue = make_queue(settings, store)
    adopt_jobs(settings, store, queue)
    filer = Filer(registry, forget_pages=PageCheckpoints.for_settings(settings).forget)
    collector = Collector(settings, store, queue, filer)
    return ServiceState(
        settings=settings,
        registry=registry,
        keys=KeyStore.for_settings(settings),
        users=UserStore.for_settings(settings),
        jobs=store,
        queue=queue,
        intake=Intake(settings, store, queue, registry.find_file),
        collector=collector,
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = _open_state(settings)
        new_key = state.keys.ensure_admin(settings) if settings.require_auth else None
        if new_key is not None:
            # the terminal only, never a logger: log files are kept and shipped
            print(
                "Belum ada kunci API, jadi kunci admin dibuat (hanya ditampilkan sekali): "
                f"{new_key.key}",
                file=sys.stderr,
                flush=True,
            )
        state.collector.start()
        if settings.embedded_worker:
            state.worker = EmbeddedWorker(settings)
            state.worker.start()
        app.state.kerjasama = state
        try:
            yield
        finally:
            if state.worker is not None:
                state.worker.stop()
            state.collector.stop()
            state.registry.close()

    app = FastAPI(
        title="Registri Kerja Sama",
        version="1",
        summary="Upload cooperation agreements (NK, PKS, adendum), review their metadata.",
        description=(
            "Every request needs an API key (`Authorization: Bearer <key>` or `X-API-Key`), "
            "except health and readiness. Roles: viewer (read) < staff (upload) < "
            "reviewer (correct, decide duplicates) < admin (keys). Errors are "
            '`{"error": code, "message": text}`.'
        ),
        lifespan=lifespan,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    errors.install(app, render_error)
    app.add_middleware(BodySizeLimit, limit=settings.request_limit())
    app.add_middleware(SecurityHeaders, api_prefix=API_PREFIX)
    for module in (health, uploads, jobs, agreements, links, files, export, keys, monev):
        app.include_router(module.router, prefix=API_PREFIX)

    mount_web(app)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/review", status_code=307)

    return app
