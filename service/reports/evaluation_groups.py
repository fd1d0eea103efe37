"""Evaluation scores grouped (by region, partner kind, signing year): how many
agreements each group holds, how many were evaluated, their mean per
criterion and overall.

One function for every face that shows them (the yearly report's JSON, PDF
and charts, the aggregates API, the monev page), so a group's average never
differs between two places.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pydantic import BaseModel, Field

from service.reports.criteria import CRITERIA
from service.reports.evaluations import Evaluation


class Group(BaseModel):
    key: str
    label: str = Field("", description="the group as a person reads it")
    agreements: int
    evaluated: int
    average: float | None
    criteria: dict[str, float | None] = Field(..., description="criterion code -> mean score")


class GoodPractice(BaseModel):
    agreement_id: int
    title: str | None
    parties: list[str]
    evaluation: Evaluation


@dataclass(frozen=True, slots=True)
class Scored:
    """One agreement as the grouping reads it: its group keys and current scores."""

    keys: list[str]
    scores: dict[str, int] | None
    average: float | None


def mean(values: list[int] | list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def group_scores(items: Iterable[Scored], label: Callable[[str], str] = str) -> list[Group]:
    """Groups in key order; an agreement counts in every group it has a key of."""
    members: dict[str, list[Scored]] = defaultdict(list)
    for item in items:
        for key in item.keys:
            members[key].append(item)
    out = []
    for key, group in sorted(members.items()):
        scored = [m for m in group if m.scores is not None]
        out.append(
            Group(
                key=key,
                label=label(key),
                agreements=len(group),
                evaluated=len(scored),
                average=mean([m.average for m in scored if m.average is not None]),
                criteria={
                    c.code: mean(
                        [m.scores[c.code] for m in scored if m.scores and c.code in m.scores]
                    )
                    for c in CRITERIA
                },
            )
        )
    return out
