"""The correction form: browser fields in, contract-shaped values and Indonesian errors out.

Each field is read from plain inputs (party cards, rows of numbers and scope,
number + unit, date inputs), compared with the current value and checked with
the registry's own validator. A mistake is reported next to its field and the
whole submission is handed back, so the page can show every edit again.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, get_args

from starlette.datastructures import FormData

from models import DurationUnit, PartyKind
from models.errors import ValidationFailedError
from service.registry.records import FieldValue
from service.registry.review import validate_field
from service.web.region_picker import regions

TEXT_FIELDS = ("title", "signing_place", "purpose", "parent_agreement")
DATE_FIELDS = ("signing_date", "start_date", "end_date")
CHOICE_FIELDS = {
    "doc_type": ("NK", "PKS", "ADENDUM"),
    "start_date_source": ("stated", "signing_date"),
    "end_date_source": ("stated", "computed"),
}
LIST_FIELDS = ("numbers", "scope")
PARTY_KEYS = ("role", "institution", "kind", "region_code", "signatory", "title")
PARTY_KINDS: tuple[str, ...] = get_args(PartyKind)
UNITS: tuple[str, ...] = get_args(DurationUnit)
_CODE = re.compile(r"^\s*(\d{2}(?:\.\d{2}){0,3})\b")


@dataclass
class FormResult:
    values: dict[str, Any]
    """What the form shows again: parsed where it could be, as typed where not."""
    changes: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def form_values(current: dict[str, FieldValue]) -> dict[str, Any]:
    """The current values in the shape the form's inputs take."""
    values: dict[str, Any] = {name: fv.value for name, fv in current.items()}
    duration = values.get("duration")
    values["duration"] = (
        {"value": str(duration.get("value", "")), "unit": duration.get("unit") or ""}
        if isinstance(duration, dict)
        else {"value": "", "unit": ""}
    )
    values["parties"] = [
        {**{k: (p.get(k) or "") for k in PARTY_KEYS}, "orig": str(i)}
        for i, p in enumerate(values.get("parties") or [])
        if isinstance(p, dict)
    ]
    for name in LIST_FIELDS:
        values[name] = [str(v) for v in values.get(name) or []]
    return values


def _text(form: FormData, name: str) -> str:
    return str(form.get(name, "")).replace("\r\n", "\n").strip()


def _date(raw: str) -> str | None:
    if not raw:
        return None
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(raw, pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueError


def _parties(form: FormData, current: list[Any], result: FormResult) -> list[dict[str, Any]] | None:
    shown: list[dict[str, str]] = []
    parsed: list[dict[str, Any]] = []
    bad = False
    for position, ident in enumerate(form.getlist("party")):
        ident = str(ident)
        card = {k: _text(form, f"p{ident}_{k}") for k in PARTY_KEYS}
        if f"p{ident}_province" in form:  # the picker: a province, then one of its kab/kota
            province, code = _text(form, f"p{ident}_province"), card["region_code"]
            inside = province and (code == province or code.startswith(province + "."))
            card["region_code"] = code if inside else province
        orig = _text(form, f"p{ident}_orig")
        card["orig"] = orig
        if not any(card[k] for k in PARTY_KEYS if k != "role"):
            continue
        shown.append(card)
        base: dict[str, Any] = {}
        if orig.isdigit() and int(orig) < len(current) and isinstance(current[int(orig)], dict):
            base = dict(current[int(orig)])
        party = dict(base)
        for key in ("role", "institution", "signatory", "title"):
            if card[key] != (base.get(key) or ""):
                party[key] = card[key] or None
        if card["kind"] and card["kind"] not in PARTY_KINDS:
            result.errors[f"parties.{position}.kind"] = "Pilih jenis pihak dari daftar."
            bad = True
        elif card["kind"] != (base.get("kind") or ""):
            party["kind"] = card["kind"] or None
        if card["region_code"] != (base.get("region_code") or ""):
            match = _CODE.match(card["region_code"])
            if not card["region_code"]:
                party["region_code"] = party["region_name"] = None
            elif match is None or match.group(1) not in regions():
                result.errors[f"parties.{position}.region_code"] = (
                    f"Wilayah “{card['region_code']}” tidak dikenal; pilih dari daftar."
                )
                bad = True
            else:
                party["region_code"] = match.group(1)
                party["region_name"] = regions()[match.group(1)]
                card["region_code"] = match.group(1)
        parsed.append(party)
    result.values["parties"] = shown
    return None if bad else parsed


def parse_form(form: FormData, current: dict[str, FieldValue]) -> FormResult:
    result = FormResult(values=form_values(current))
    proposed: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if name in form:
            raw = _text(form, name)
            result.values[name] = raw
            proposed[name] = raw or None
    for name, choices in CHOICE_FIELDS.items():
        if name in form:
            raw = _text(form, name)
            result.values[name] = raw
            if raw and raw not in choices:
                result.errors[name] = "Pilih salah satu dari daftar."
            else:
                proposed[name] = raw or None
    for name in DATE_FIELDS:
        if name in form:
            raw = _text(form, name)
            result.values[name] = raw
            try:
                proposed[name] = _date(raw)
            except ValueError:
                result.errors[name] = "Tanggal tidak sah; tulis seperti 17-08-2024."
    for name in LIST_FIELDS:
        if f"{name}_present" in form:
            rows = [str(v).strip() for v in form.getlist(name)]
            result.values[name] = [r for r in rows if r]
            proposed[name] = [r for r in rows if r]
    if "duration_value" in form:
        raw_value, unit = _text(form, "duration_value"), _text(form, "duration_unit")
        result.values["duration"] = {"value": raw_value, "unit": unit}
        if not raw_value and not unit:
            proposed["duration"] = None
        elif not raw_value.isdigit() or int(raw_value) > 1000:
            result.errors["duration"] = "Jangka waktu harus bilangan bulat 0–1000."
        elif unit not in UNITS:
            result.errors["duration"] = "Pilih satuan: tahun, bulan atau hari."
        else:
            proposed["duration"] = {"value": int(raw_value), "unit": unit}
    if "parties_present" in form:
        current_parties = current["parties"].value if "parties" in current else None
        parties = _parties(
            form, current_parties if isinstance(current_parties, list) else [], result
        )
        if parties is not None:
            proposed["parties"] = parties
    start, end = proposed.get("start_date"), proposed.get("end_date")
    if isinstance(start, str) and isinstance(end, str) and end < start:
        result.errors["end_date"] = "Tanggal berakhir tidak boleh sebelum tanggal mulai."
    for name, value in proposed.items():
        if name in result.errors or name not in current:
            continue
        old = current[name].value
        if _same(name, old, value):
            continue
        try:
            result.changes[name] = validate_field(name, value)
        except ValidationFailedError:
            result.errors[name] = "Nilai ini tidak dapat disimpan; periksa isinya."
    return result


def _same(name: str, old: Any, new: Any) -> bool:
    if name in LIST_FIELDS:
        return [str(v) for v in old or []] == list(new or [])
    if old in (None, "", []) and new in (None, "", []):
        return True
    return bool(old == new)
