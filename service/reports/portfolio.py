"""The registry as monev reads it: one typed row per agreement with what the
reports group by (parties with kind and region, scope, the bodies it belongs
to, NK/PKS/addendum links), from current values (corrections win).

Read in one query with ``json_extract`` over the ``current`` column, so the
wide evidence lists are never parsed, and (for a yearly report) only the
agreements in force during the year: at 20,000 agreements a report's
portfolio loads in well under a second. Rows are slotted dataclasses rather
than pydantic models: they come from the registry's own validated records,
and building 20,000 models (with their parties) again costs seconds.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from service.registry.queries import where
from service.registry.records import AgreementQuery
from service.reports.bodies import body_for_party

if TYPE_CHECKING:
    from service.registry import Registry


@dataclass(slots=True)
class PartyRef:
    institution: str | None = None
    kind: str | None = None
    region_code: str | None = None
    region_name: str | None = None


@dataclass(slots=True)
class MonevRow:
    id: int
    status: str
    doc_type: str | None = None
    title: str | None = None
    numbers: list[str] = field(default_factory=list)
    parties: list[PartyRef] = field(default_factory=list)
    signing_date: dt.date | None = None
    end_date: dt.date | None = None
    scope: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    """Reporting bodies it belongs to."""
    parents: list[int] = field(default_factory=list)
    """NKs this PKS implements."""
    children: list[int] = field(default_factory=list)
    """PKS implementing this NK."""
    amended_by: list[int] = field(default_factory=list)
    """Addenda amending it."""

    @property
    def party_names(self) -> list[str]:
        return [p.institution or p.region_name or "" for p in self.parties]

    @property
    def region_codes(self) -> list[str]:
        return [p.region_code for p in self.parties if p.region_code]


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _list(raw: str | None) -> list[Any]:
    value = json.loads(raw) if raw else None
    return value if isinstance(value, list) else []


def load_rows(
    registry: Registry,
    *,
    region_scope: str | None = None,
    in_force: tuple[dt.date, dt.date] | None = None,
) -> list[MonevRow]:
    """Every agreement but merged copies that ``region_scope`` covers, id order;
    with ``in_force`` (first, last day) only those whose term may touch that
    span (no end date, or ending on or after the first day; unsigned, or
    signed by the last day)."""
    clause, params = where(AgreementQuery(), region_scope=region_scope)
    if in_force is not None:
        clause += (
            " AND (a.end_date IS NULL OR a.end_date >= ?)"
            " AND (a.signing_date IS NULL OR a.signing_date <= ?)"
        )
        params = [*params, in_force[0].isoformat(), in_force[1].isoformat()]
    sql = (
        "SELECT a.id, a.status, a.signing_date, a.end_date, "
        "json_extract(a.current, '$.doc_type.value'), json_extract(a.current, '$.title.value'), "
        "json_extract(a.current, '$.numbers.value'), json_extract(a.current, '$.parties.value'), "
        "json_extract(a.current, '$.scope.value') "
        f"FROM agreements a WHERE {clause} ORDER BY a.id"
    )
    links: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    with registry.read() as conn:
        raw = conn.execute(sql, params).fetchall()
        for source, target, kind in conn.execute(
            "SELECT from_agreement, to_agreement, kind FROM links "
            "WHERE kind IN ('implements', 'amends') AND status != 'rejected'"
        ):
            if kind == "implements":
                links["parents"][source].append(target)
                links["children"][target].append(source)
            else:
                links["amended_by"][target].append(source)
    rows = []
    for agreement_id, status, signing, end, doc_type, title, numbers, parties, scope in raw:
        refs = [
            PartyRef(
                p.get("institution"), p.get("kind"), p.get("region_code"), p.get("region_name")
            )
            for p in _list(parties)
            if isinstance(p, dict)
        ]
        bodies = {body_for_party(p.kind, p.region_code, p.institution) for p in refs}
        rows.append(
            MonevRow(
                id=agreement_id,
                status=status,
                doc_type=doc_type,
                title=title,
                numbers=[str(n) for n in _list(numbers)],
                parties=refs,
                signing_date=_date(signing),
                end_date=_date(end),
                scope=[str(s) for s in _list(scope)],
                bodies=sorted(b for b in bodies if b),
                parents=links["parents"].get(agreement_id, []),
                children=links["children"].get(agreement_id, []),
                amended_by=links["amended_by"].get(agreement_id, []),
            )
        )
    return rows
