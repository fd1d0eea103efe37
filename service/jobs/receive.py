"""The upload loop both doors share (``POST /api/v1/uploads`` and the upload page).

Each uploaded part is read up to the size limit, named for display and handed
to the intake; a refused file becomes a typed refusal beside the accepted
ones instead of failing the whole request.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from models import KerjasamaError
from models.errors import FileTooLargeError
from service.jobs.intake import Intake
from service.jobs.store import Job, utc_now


def display_name(raw: str | None) -> str:
    """A name to show: no directories, no control characters, bounded length.

    Never used as a path; stored files are named by their sha256.
    """
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"\s+", " ", name).strip()
    return name[:200] or "upload"


@dataclass(frozen=True)
class Received:
    """One uploaded part: the job it became, or why it was refused."""

    file: str
    job: Job | None = None
    error: KerjasamaError | None = None


def _keep_refusal(intake: Intake, name: str, data: bytes, exc: KerjasamaError, user: str) -> None:
    """A refused file stays in the job list as failed, with its reason, instead of vanishing."""
    job = intake.store.create(
        file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        mime="",
        user=user,
        status="failed",
    )
    intake.store.update(job.id, error=exc.code, message=exc.message, finished_at=utc_now())


async def receive_uploads(intake: Intake, parts: Iterable[object], *, user: str) -> list[Received]:
    limit = intake.settings.max_file_bytes
    results: list[Received] = []
    for part in parts:
        if not isinstance(part, UploadFile):
            continue
        name = display_name(part.filename)
        data = b""
        try:
            data = await part.read(limit + 1)
            if len(data) > limit:
                raise FileTooLargeError(
                    f"{name} lebih besar dari batas {limit} bajt.", detail={"limit": limit}
                )
            job = await run_in_threadpool(intake.submit, data, name, user=user)
        except KerjasamaError as exc:
            await run_in_threadpool(_keep_refusal, intake, name, data[:limit], exc, user)
            results.append(Received(file=name, error=exc))
            continue
        finally:
            await part.close()
        results.append(Received(file=name, job=job))
    return results
