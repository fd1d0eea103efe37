"""Uploads: accepted at once as jobs, read later by a worker."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from models import KerjasamaError
from models.errors import FileTooLargeError, ValidationFailedError
from service.api.deps import Staff, State
from service.api.errors import error_body
from service.api.schemas import ErrorBody, UploadItem, UploadResponse

router = APIRouter(tags=["uploads"])


def display_name(raw: str | None) -> str:
    """A name to show: no directories, no control characters, bounded length.

    Never used as a path; stored files are named by their sha256.
    """
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"\s+", " ", name).strip()
    return name[:200] or "upload"


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
        raise ValidationFailedError("Send at least one file in the 'files' field.")
    if len(files) > state.settings.max_upload_files:
        raise ValidationFailedError(
            f"Send at most {state.settings.max_upload_files} files at once."
        )
    limit = state.settings.max_file_bytes
    items: list[UploadItem] = []
    first_error: KerjasamaError | None = None
    for upload_file in files:
        name = display_name(upload_file.filename)
        try:
            data = await upload_file.read(limit + 1)
            if len(data) > limit:
                raise FileTooLargeError(
                    f"{name} is larger than the limit of {limit} bytes.", detail={"limit": limit}
                )
            job = await run_in_threadpool(state.intake.submit, data, name, user=principal.user)
        except KerjasamaError as exc:
            first_error = first_error or exc
            items.append(UploadItem(file=name, error=exc.code, message=exc.message))
            continue
        finally:
            await upload_file.close()
        items.append(UploadItem(file=name, job=job))
    state.collector.wake()
    if first_error is not None and all(item.job is None for item in items):
        body = error_body(first_error.code, first_error.message)
        body["items"] = [item.model_dump(mode="json") for item in items]
        return JSONResponse(body, status_code=first_error.status)
    return JSONResponse(UploadResponse(items=items).model_dump(mode="json"), status_code=202)
