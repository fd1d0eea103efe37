"""Evaluations that aggregate: averages per criterion by region, by partner
kind and by signing year; the agreements never evaluated at all; and the
agreements flagged as praktik baik (good practice), listed for replication
with the evaluation that flagged them.

A projection of the body's yearly report (``service.reports.yearly``), read
over the agreements in force during the year, so the aggregates API, the
monev page and the PDF show the same groups: a province sees its own
aggregates and the ministry everyone's.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from service.reports.bodies import all_bodies
from service.reports.evaluation_groups import GoodPractice, Group, Scored, group_scores
from service.reports.yearly import YearlyReport, yearly_from_registry

if TYPE_CHECKING:
    from service.registry import Registry


class EvaluationAggregates(BaseModel):
    body: str
    fiscal_year: int
    agreements: int
    evaluated: int
    by_province: list[Group]
    by_region: list[Group] = Field(
        default_factory=list, description="one level below the body (provinces or kab/kota)"
    )
    by_party_kind: list[Group]
    by_signing_year: list[Group]
    never_evaluated: list[int] = Field(..., description="agreements with no evaluation in any year")
    good_practice: list[GoodPractice]


def aggregates_of(report: YearlyReport) -> EvaluationAggregates:
    bodies = all_bodies()
    return EvaluationAggregates(
        body=report.body,
        fiscal_year=report.fiscal_year,
        agreements=len(report.rows),
        evaluated=report.evaluation.evaluated,
        by_province=group_scores(
            (Scored(r.provinces, r.scores, r.evaluation_average) for r in report.rows),
            lambda c: bodies[c].name if c in bodies else c,
        ),
        by_region=report.evaluation_by_region,
        by_party_kind=report.evaluation_by_party_kind,
        by_signing_year=report.evaluation_by_signing_year,
        never_evaluated=report.never_evaluated,
        good_practice=report.good_practice,
    )


def aggregates(
    registry: Registry,
    fiscal_year: int,
    *,
    scope: str | None,
    body: str | None = None,
    today: dt.date | None = None,
) -> EvaluationAggregates:
    report = yearly_from_registry(registry, fiscal_year, region_scope=scope, body=body, today=today)
    return aggregates_of(report)
