"""Does confidence point at the errors? AUROC and the share of wrong fields caught.

A reviewer opens the lowest-confidence fields first, so confidence is worth as
much as accuracy. Two figures per group, over every scored field of every
document (a party sub-field takes its own confidence, ``parties.signatory``,
when the extraction gives one, else the ``parties`` confidence):

- AUROC of confidence against correctness: the chance that a right field has
  a higher confidence than a wrong one (ties count half);
- caught at 20 %: of all wrong fields, the share among the lowest-confidence
  20 % of fields. Ties at the cut count in proportion, so a constant
  confidence catches 20 %, never more.

Goals (issue 11): AUROC >= 0.85 and >= 80 % caught.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

CORRECT = 0.999
"""A field scoring at least this is right; partial credit counts as wrong for review."""
REVIEW_SHARE = 0.2


@dataclass(frozen=True)
class Judged:
    confidence: float
    correct: bool


def judged_fields(scores: Mapping[str, float], confidence: Mapping[str, Any]) -> list[Judged]:
    out = []
    for key, value in scores.items():
        conf = confidence.get(key, confidence.get(key.split(".", 1)[0]))
        if conf is None:
            continue
        out.append(Judged(float(conf), value >= CORRECT))
    return out


def auroc(items: Iterable[Judged]) -> float | None:
    """Mann-Whitney estimate; None when every field is right (or every one wrong)."""
    listed = sorted(items, key=lambda j: j.confidence)
    right = sum(1 for j in listed if j.correct)
    wrong = len(listed) - right
    if not right or not wrong:
        return None
    rank_sum = 0.0
    i = 0
    while i < len(listed):
        k = i
        while k < len(listed) and listed[k].confidence == listed[i].confidence:
            k += 1
        mean_rank = (i + 1 + k) / 2  # 1-based ranks i+1..k share their mean
        rank_sum += mean_rank * sum(1 for j in listed[i:k] if j.correct)
        i = k
    return (rank_sum - right * (right + 1) / 2) / (right * wrong)


def caught(items: Iterable[Judged], share: float = REVIEW_SHARE) -> float | None:
    """Share of wrong fields among the lowest-confidence ``share`` of all fields."""
    listed = sorted(items, key=lambda j: j.confidence)
    wrong = sum(1 for j in listed if not j.correct)
    if not wrong:
        return None
    budget = share * len(listed)
    found = 0.0
    i = 0
    while i < len(listed) and budget > 0:
        k = i
        while k < len(listed) and listed[k].confidence == listed[i].confidence:
            k += 1
        group = listed[i:k]
        take = min(1.0, budget / len(group))
        found += take * sum(1 for j in group if not j.correct)
        budget -= len(group)
        i = k
    return found / wrong


def calibration(items: Iterable[Judged]) -> dict[str, float | None]:
    listed = list(items)
    return {
        "fields": float(len(listed)),
        "wrong": float(sum(1 for j in listed if not j.correct)),
        "auroc": auroc(listed),
        "caught_at_20": caught(listed),
    }
