"""All review pages on one app: the static files and each group's router."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from service.web import agreement, monev, routes
from service.web.shared import HERE


def mount(app: FastAPI) -> None:
    app.mount("/review/static", StaticFiles(directory=str(HERE / "static")), name="review-static")
    app.include_router(routes.router)
    app.include_router(agreement.router)
    app.include_router(monev.router)
