"""The chart images' report cache: the same report while the registry is
unchanged, a new one as soon as an agreement, a review or an evaluation lands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_registry_support import make_document, make_extraction

from service.registry import Registry
from service.reports.criteria import CRITERIA
from service.reports.evaluations import CriterionScore, EvaluationInput, EvaluationStore
from service.reports.report_cache import cached_yearly

YEAR = dt.date.today().year


def _file(registry: Registry, n: int) -> int:
    data, document = make_document([f"perjanjian {n}"], name=f"{n}.pdf")
    extraction = make_extraction(
        document,
        number=f"{n}/CACHE/{YEAR}",
        title=f"Kerja sama {n}",
        parties=(("Pemerintah Provinsi Jawa Timur", "35"), ("Pemda Sidoarjo", "35.15")),
        signed=dt.date(YEAR - 1, 1, 5),
        scope=["pengelolaan sampah"],
    )
    return registry.file_document(data, document.file, document, extraction).agreement_id


def test_kept_until_the_registry_changes(tmp_path: Path) -> None:
    registry = Registry.open_path(tmp_path / "r.db", tmp_path / "files")
    first = _file(registry, 1)
    report = cached_yearly(registry, YEAR, region_scope=None, body="35")
    assert cached_yearly(registry, YEAR, region_scope=None, body="35") is report
    assert cached_yearly(registry, YEAR, region_scope="35", body=None) is not report  # scoped
    assert cached_yearly(registry, YEAR, region_scope="35", body="35") is cached_yearly(
        registry, YEAR, region_scope="35", body=None
    )  # the default body is the caller's region: one report
    assert [r.id for r in report.rows] == [first]

    second = _file(registry, 2)
    grown = cached_yearly(registry, YEAR, region_scope=None, body="35")
    assert [r.id for r in grown.rows] == [first, second]

    scores = {c.code: CriterionScore(score=5) for c in CRITERIA}
    EvaluationStore(registry).record(
        second, EvaluationInput(fiscal_year=YEAR, scores=scores), evaluator="ani"
    )
    evaluated = cached_yearly(registry, YEAR, region_scope=None, body="35")
    assert evaluated.evaluation.evaluated == 1
    # Another caller's scope is another report.
    assert cached_yearly(registry, YEAR, region_scope="35.15", body=None).body == "35.15"
    registry.close()
