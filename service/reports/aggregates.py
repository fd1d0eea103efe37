"""Evaluations that aggregate: averages per criterion by province, by partner
kind and by signing year; the agreements never evaluated at all; and the
agreements flagged as praktik baik (good practice), listed for replication
with the evaluation that flagged them.

Read over one body's portfolio (``service.reports.yearly.body_rows``), so a
province sees its own aggregates and the ministry everyone's.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from service.reports.criteria import CRITERIA
from service.reports.evaluations import Evaluation, EvaluationStore
from service.reports.portfolio import MonevRow
from service.reports.yearly import body_rows, mean, report_body

if TYPE_CHECKING:
    from service.registry import Registry


class Group(BaseModel):
    key: str
    agreements: int
    evaluated: int
    average: float | None
    criteria: dict[str, float | None] = Field(..., description="criterion code -> mean score")


class GoodPractice(BaseModel):
    agreement_id: int
    title: str | None
    parties: list[str]
    evaluation: Evaluation


class EvaluationAggregates(BaseModel):
    body: str
    fiscal_year: int
    agreements: int
    evaluated: int
    by_province: list[Group]
    by_party_kind: list[Group]
    by_signing_year: list[Group]
    never_evaluated: list[int] = Field(..., description="agreements with no evaluation in any year")
    good_practice: list[GoodPractice]


def _groups(
    rows: list[MonevRow], keys: dict[int, list[str]], current: dict[int, Evaluation]
) -> list[Group]:
    members: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        for key in keys[row.id]:
            members[key].append(row.id)
    out = []
    for key, ids in sorted(members.items()):
        sheets = [current[i] for i in ids if i in current]
        out.append(
            Group(
                key=key,
                agreements=len(ids),
                evaluated=len(sheets),
                average=mean([e.average for e in sheets]),
                criteria={c.code: mean([e.scores[c.code].score for e in sheets]) for c in CRITERIA},
            )
        )
    return out


def aggregates(
    registry: Registry, fiscal_year: int, *, scope: str | None, body: str | None = None
) -> EvaluationAggregates:
    target = report_body(scope, body)
    rows = body_rows(registry, target)
    store = EvaluationStore(registry)
    current = store.current_for_year(fiscal_year, (r.id for r in rows))
    with registry.read() as conn:
        ever = {r[0] for r in conn.execute("SELECT DISTINCT agreement_id FROM evaluations")}
    provinces = {r.id: sorted({c.split(".")[0] for c in r.region_codes}) for r in rows}
    kinds = {r.id: sorted({p.kind for p in r.parties if p.kind}) or ["lainnya"] for r in rows}
    years = {r.id: [str(r.signing_date.year)] if r.signing_date else ["tanpa tahun"] for r in rows}
    by_id = {r.id: r for r in rows}
    good = [
        GoodPractice(
            agreement_id=e.agreement_id,
            title=by_id[e.agreement_id].title,
            parties=by_id[e.agreement_id].party_names,
            evaluation=e,
        )
        for e in current.values()
        if e.good_practice
    ]
    return EvaluationAggregates(
        body=target.code,
        fiscal_year=fiscal_year,
        agreements=len(rows),
        evaluated=len(current),
        by_province=_groups(rows, provinces, current),
        by_party_kind=_groups(rows, kinds, current),
        by_signing_year=_groups(rows, years, current),
        never_evaluated=[r.id for r in rows if r.id not in ever],
        good_practice=sorted(good, key=lambda g: -g.evaluation.average),
    )
