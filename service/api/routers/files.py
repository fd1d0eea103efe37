"""Stored originals and their pages as images, for the reviewer's eye."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import FileResponse, PlainTextResponse, Response

from models.errors import NotFoundError
from service import authz
from service.api.deps import State, Viewer
from service.api.schemas import ErrorBody
from service.page_images import cached_page_png

router = APIRouter(
    tags=["files"],
    responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 404: {"model": ErrorBody}},
)

Sha = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$", description="sha256 of the file's bytes")]
PageNo = Annotated[int, Path(ge=1, le=100_000)]


@router.get(
    "/files/{sha256}",
    response_class=FileResponse,
    summary="The original bytes, exactly as uploaded",
    responses={
        200: {
            "content": {
                "application/pdf": {},
                "image/jpeg": {},
                "image/png": {},
                "image/tiff": {},
            }
        }
    },
)
def original(state: State, principal: Viewer, sha256: Sha) -> Response:
    info, path = authz.file(state.registry, principal, sha256)
    return FileResponse(path, media_type=info.mime, filename=info.name or sha256[:12])


@router.get(
    "/files/{sha256}/pages/{page}.png",
    summary="One page rendered as PNG (for review beside the fields)",
    responses={200: {"content": {"image/png": {}}}},
)
def page_image(
    state: State,
    principal: Viewer,
    sha256: Sha,
    page: PageNo,
    dpi: Annotated[
        int, Query(ge=1, le=1200, description="within the page_image_dpi_min..max settings")
    ] = 100,
) -> Response:
    """A page larger than ``page_image_max_pixels`` at this dpi is drawn smaller."""
    info, path = authz.file(state.registry, principal, sha256)
    if page > info.pages:
        raise NotFoundError(f"Berkas ini {info.pages} halaman; halaman {page} tidak ada.")
    png = cached_page_png(state.settings, sha256, path, page, dpi)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})


@router.get(
    "/files/{sha256}/pages/{page}/text",
    summary="The text read from one page",
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}}},
)
def page_text(state: State, principal: Viewer, sha256: Sha, page: PageNo) -> PlainTextResponse:
    authz.file(state.registry, principal, sha256)
    return PlainTextResponse(state.registry.page_text(sha256, page))
