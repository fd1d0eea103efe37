"""Export: the list's filters, every matching row, CSV or XLSX."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse

from service.api.deps import State, Viewer
from service.api.schemas import ErrorBody
from service.export import iter_csv, xlsx_bytes
from service.registry.records import AgreementQuery

router = APIRouter(
    tags=["export"], responses={401: {"model": ErrorBody}, 422: {"model": ErrorBody}}
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get(
    "/export/agreements.csv",
    summary="Export agreements as CSV (filtered as the list; paging ignored)",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}}},
)
def export_csv(
    state: State, principal: Viewer, query: Annotated[AgreementQuery, Query()]
) -> StreamingResponse:
    # Read every row in this thread: a registry cursor must not hop between the
    # threads a streaming response iterates in.
    rows = list(state.registry.iter_agreements(query, region_scope=principal.region))
    return StreamingResponse(
        iter_csv(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="kerjasama.csv"'},
    )


@router.get(
    "/export/agreements.xlsx",
    summary="Export agreements as XLSX (filtered as the list; paging ignored)",
    responses={200: {"content": {XLSX: {}}}},
)
async def export_xlsx(
    state: State, principal: Viewer, query: Annotated[AgreementQuery, Query()]
) -> Response:
    def build() -> bytes:
        return xlsx_bytes(state.registry.iter_agreements(query, region_scope=principal.region))

    return Response(
        await run_in_threadpool(build),
        media_type=XLSX,
        headers={"Content-Disposition": 'attachment; filename="kerjasama.xlsx"'},
    )
