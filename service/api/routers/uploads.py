"""Uploads: accepted at once as jobs, read later by a worker."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from fastapi.responses import JSONResponse

from models.errors import ValidationFailedError
from service.api.deps import Staff, State
from service.api.errors import error_body
from service.api.schemas import ErrorBody, UploadItem, UploadResponse
from service.jobs.receive import Received, receive_uploads

router = APIRouter(tags=["uploads"])


@router.post(
    "/uploads",
    status_code=202,
    response_model=UploadResponse,
    responses={
        400: {"model": ErrorBody},
        401: {"model": ErrorBody},
        403: {"model": ErrorBody},
        413: {"model": ErrorBody},
        415: {"model": ErrorBody},
        422: {"model": ErrorBody},
    },
    summary="Upload one or several agreement files (PDF, JPEG, PNG, TIFF)",
)
async def upload(
    state: State,
    principal: Staff,
    files: Annotated[list[UploadFile], File(description="one or several files")],
) -> JSONResponse:
    """Each file becomes a job right away (202); a worker reads it later.

    Bytes already in the registry answer with a finished job pointing at the
    existing agreement. When every file is refused, the answer is the first
    refusal's status and code; otherwise refused files are listed beside the
    accepted ones.
    """
    if not files:
        raise ValidationFailedError("Kirim sedikitnya satu berkas di kolom 'files'.")
    most = state.settings.max_upload_files
    if len(files) > most:
        raise ValidationFailedError(f"Kirim paling banyak {most} berkas sekaligus.")
    received = await receive_uploads(state.intake, files, user=principal.user)
    items = [upload_item(r) for r in received]
    first_error = next((r.error for r in received if r.error is not None), None)
    state.collector.wake()
    if first_error is not None and all(item.job is None for item in items):
        body = error_body(first_error.code, first_error.message)
        body["items"] = [item.model_dump(mode="json") for item in items]
        return JSONResponse(body, status_code=first_error.status)
    return JSONResponse(UploadResponse(items=items).model_dump(mode="json"), status_code=202)


def upload_item(received: Received) -> UploadItem:
    if received.error is None:
        return UploadItem(file=received.file, job=received.job)
    return UploadItem(file=received.file, error=received.error.code, message=received.error.message)
