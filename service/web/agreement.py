"""One agreement on the workbench: the page viewer beside the fields, the correction
form, review marks, link decisions and the side-by-side compare of a duplicate.

Every save goes through ``service.web.forms``: a mistake or a version conflict
shows the page again with every edit the reviewer made, never a bare error.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from models.errors import NotFoundError, PreconditionFailedError, ValidationFailedError
from service import authz
from service.api.deps import CurrentPrincipal, RecordId, ServiceState, State
from service.auth import Principal, Role
from service.indonesian import PARTY_KIND_LABELS, SOURCE_LABELS
from service.registry.derive import CURRENT_FIELDS
from service.registry.records import AgreementView, FieldValue
from service.web import forms, region_picker, shared
from service.web.forms import FormResult
from service.web.history import history_entries
from service.web.shared import check_csrf

router = APIRouter(prefix="/review", include_in_schema=False)

COLOURS = (
    "#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457",
    "#4e342e", "#283593", "#558b2f", "#d84315", "#00695c", "#5d4037", "#37474f",
)  # fmt: skip
"""One colour per field, the same on its row and on its boxes."""
FIELDS: tuple[str, ...] = CURRENT_FIELDS
COLOUR = {name: COLOURS[i % len(COLOURS)] for i, name in enumerate(FIELDS)}


def merged_into(state: ServiceState, agreement_id: int) -> int | None:
    with state.registry.read() as conn:
        row = conn.execute(
            "SELECT merged_into FROM agreements WHERE id = ? AND status = 'merged'",
            [agreement_id],
        ).fetchone()
    return int(row[0]) if row and row[0] else None


def institutions(state: ServiceState) -> list[str]:
    """The registry's own institution names, for the party cards' suggestions."""
    with state.registry.read() as conn:
        rows = conn.execute(
            "SELECT DISTINCT institution FROM parties WHERE institution IS NOT NULL "
            "AND institution != '' ORDER BY institution LIMIT 1000"
        ).fetchall()
    return [str(r[0]) for r in rows]


def _evidence(view: AgreementView) -> list[dict[str, Any]]:
    boxes = []
    for name, fv in view.fields.items():
        for ev in fv.evidence:
            if ev.box is not None:
                boxes.append({"field": name, "page": ev.page, "box": list(ev.box)})
    return boxes


def learned_marks(parties: FieldValue) -> dict[tuple[int, str], str]:
    """(party index, key) -> "dipelajari dari koreksi #N (keyakinan …)" for each value a
    learned alias put there (its evidence reads "wrong → right"), shown beside the input."""
    marks: dict[tuple[int, str], str] = {}
    values = parties.value if isinstance(parties.value, list) else []
    for ev in parties.evidence:
        if not (ev.rule or "").startswith("dipelajari") or " → " not in (ev.text or ""):
            continue
        right = (ev.text or "").split(" → ", 1)[1]
        for i, party in enumerate(values):
            for key in ("institution", "signatory", "title"):
                if isinstance(party, dict) and party.get(key) == right:
                    marks[(i, key)] = ev.rule or ""
    return marks


def _first_page(fv: FieldValue) -> int | None:
    return min((ev.page for ev in fv.evidence), default=None)


def _next_in_queue(state: ServiceState, principal: Principal, agreement_id: int) -> int | None:
    queue = state.registry.review_queue(3, 0, region_scope=principal.region)
    return next((item.id for item in queue.items if item.id != agreement_id), None)


def agreement_page(
    request: Request,
    state: ServiceState,
    principal: Principal,
    view: AgreementView,
    *,
    page: int = 1,
    file: str | None = None,
    form: FormResult | None = None,
    flash: str | None = None,
    flash_kind: str | None = None,
    status: int = 200,
    reason: str = "",
) -> HTMLResponse:
    chosen = next(
        (f for f in view.files if f.sha256 == file), view.files[0] if view.files else None
    )
    if chosen is not None:
        page = min(max(page, 1), max(chosen.pages, 1))
    current = {name: view.fields.get(name) or FieldValue() for name in FIELDS}
    can_edit = principal.role >= Role.reviewer and view.status != "merged"
    return shared.page(
        request,
        "agreement.html",
        principal,
        status=status,
        a=view,
        file=chosen,
        page=page,
        fields=FIELDS,
        current=current,
        first_page={name: _first_page(fv) for name, fv in current.items()},
        colour=COLOUR,
        values=form.values if form else forms.form_values(current),
        errors=form.errors if form else {},
        evidence_json=json.dumps(_evidence(view)),
        history=history_entries(state.registry.history(view.id)),
        learned=learned_marks(current["parties"]),
        can_edit=can_edit,
        districts_json=region_picker.districts_json() if can_edit else "{}",
        institutions=region_picker.institution_suggestions(institutions(state)) if can_edit else [],
        kinds=PARTY_KIND_LABELS,
        units=forms.UNITS,
        sources=SOURCE_LABELS,
        choices=forms.CHOICE_FIELDS,
        next_id=_next_in_queue(state, principal, view.id),
        reason=reason,
        flash=flash,
        flash_kind=flash_kind,
    )


@router.get("/agreements/{agreement_id}", response_model=None)
def agreement(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    agreement_id: RecordId,
    file: Annotated[str | None, Query(max_length=64)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    view = authz.agreement(state.registry, principal, agreement_id)
    survivor = merged_into(state, agreement_id)
    if survivor is not None:
        return RedirectResponse(f"/review/agreements/{survivor}?dari={agreement_id}", 303)
    flash = None
    merged_from = request.query_params.get("dari", "")
    if merged_from.isdigit():
        flash = f"Perjanjian #{merged_from} sudah digabung ke perjanjian ini (#{agreement_id})."
    return agreement_page(request, state, principal, view, page=page, file=file, flash=flash)


@router.post("/agreements/{agreement_id}/correct")
async def correct(
    request: Request, state: State, principal: CurrentPrincipal, agreement_id: RecordId
) -> Response:
    form = await request.form()
    check_csrf(request, str(form.get("csrf", "")))
    principal.require(Role.reviewer)
    view = authz.agreement(state.registry, principal, agreement_id)
    if view.status == "merged":
        raise ValidationFailedError("Perjanjian ini sudah digabung; koreksi perjanjian induknya.")
    current = {name: view.fields.get(name) or FieldValue() for name in FIELDS}
    result = forms.parse_form(form, current)
    if not result.errors and result.changes:
        authz.correction(principal, view, result.changes)
    reason = str(form.get("reason", "")).strip()
    page = int(str(form.get("page", "1"))) if str(form.get("page", "1")).isdigit() else 1

    def again(message: str, status: int) -> HTMLResponse:
        return agreement_page(
            request, state, principal, view, page=page, form=result,
            flash=message, flash_kind="error", status=status, reason=reason,
        )  # fmt: skip

    if result.errors:
        return again("Ada isian yang perlu diperbaiki; semua perubahan Anda masih di sini.", 422)
    if not result.changes:
        return agreement_page(
            request, state, principal, view, page=page, flash="Tidak ada yang berubah."
        )
    if not reason:
        result.errors["reason"] = "Tulis alasan koreksi."
        return again("Koreksi perlu alasan; perubahan Anda belum disimpan.", 422)
    version = str(form.get("version", ""))
    try:
        state.registry.correct(
            agreement_id,
            result.changes,
            reason=reason,
            user=principal.user,
            expected_version=int(version) if version.isdigit() else -1,
        )
    except PreconditionFailedError:
        view = authz.agreement(state.registry, principal, agreement_id)
        return again(
            "Orang lain mengubah perjanjian ini sementara Anda menyunting; perubahan Anda belum "
            "disimpan. Periksa nilai terbaru di riwayat, lalu simpan lagi.",
            412,
        )
    return RedirectResponse(f"/review/agreements/{agreement_id}?page={page}", status_code=303)


@router.post("/agreements/{agreement_id}/reviewed")
def reviewed(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    agreement_id: RecordId,
    csrf: Annotated[str, Form()] = "",
    version: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    principal.require(Role.reviewer)
    authz.agreement(state.registry, principal, agreement_id)
    state.registry.mark_reviewed(
        agreement_id,
        user=principal.user,
        expected_version=int(version) if version.isdigit() else None,
    )
    following = _next_in_queue(state, principal, agreement_id)
    return RedirectResponse(
        f"/review/agreements/{following}" if following else "/review", status_code=303
    )


@router.post("/agreements/{agreement_id}/links/{link_id}")
def decide_link(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    agreement_id: RecordId,
    link_id: RecordId,
    decision: Annotated[str, Form(pattern="^(confirm|reject)$")],
    csrf: Annotated[str, Form()] = "",
) -> Response:
    check_csrf(request, csrf)
    principal.require(Role.reviewer)
    authz.link(state.registry, principal, agreement_id, link_id)
    link = state.registry.resolve_link(link_id, confirm=decision == "confirm", user=principal.user)
    target = link.to_agreement if link.kind == "duplicate" else agreement_id
    return RedirectResponse(f"/review/agreements/{target}", status_code=303)


@router.get("/agreements/{agreement_id}/thumb.png")
def thumbnail(state: State, principal: CurrentPrincipal, agreement_id: RecordId) -> Response:
    """The first page, small, for the list; cached by the browser."""
    from extractor.render import page_png

    view = authz.agreement(state.registry, principal, agreement_id)
    if not view.files:
        raise NotFoundError(f"Perjanjian #{agreement_id} tidak punya berkas.")
    _info, path = state.registry.get_file(view.files[0].sha256)
    png = page_png(path.read_bytes(), 1, 14)
    return Response(
        png, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"}
    )


@router.get("/agreements/{agreement_id}/compare/{other_id}")
def compare(
    request: Request,
    state: State,
    principal: CurrentPrincipal,
    agreement_id: RecordId,
    other_id: RecordId,
) -> HTMLResponse:
    left = authz.agreement(state.registry, principal, agreement_id)
    right = authz.agreement(state.registry, principal, other_id)
    link = next(
        (k for k in left.links if {k.from_agreement, k.to_agreement} == {left.id, right.id}),
        None,
    )
    rows = []
    for name in FIELDS:
        a = left.fields.get(name) or FieldValue()
        b = right.fields.get(name) or FieldValue()
        rows.append({"name": name, "left": a.value, "right": b.value, "same": a.value == b.value})
    return shared.page(
        request,
        "compare.html",
        principal,
        left=left,
        right=right,
        link=link,
        rows=rows,
        can_edit=principal.role >= Role.reviewer and link is not None,
    )
