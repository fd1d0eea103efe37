"""Evaluations that aggregate (by province, partner kind, year), never-evaluated
agreements, praktik baik, evidence files and success indicators, over a real
registry made in the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_registry_support import make_document, make_extraction

from models.errors import NotFoundError, ValidationFailedError
from service.registry import Registry
from service.reports.aggregates import aggregates
from service.reports.criteria import CRITERIA
from service.reports.evaluations import CriterionScore, EvaluationInput, EvaluationStore
from service.reports.indicators import Indicator, IndicatorInput, IndicatorStore


def _file(registry: Registry, n: int, region: str, signed: dt.date, scope: list[str]) -> int:
    data, document = make_document([f"perjanjian {n}"], name=f"{n}.pdf")
    extraction = make_extraction(
        document,
        number=f"{n}/EV/2024",
        title=f"Kerja sama {n}",
        parties=(("Pemerintah Provinsi", region.split(".")[0]), ("Pemda", region)),
        signed=signed,
        scope=scope,
    )
    return registry.file_document(data, document.file, document, extraction).agreement_id


def _sheet(score: int, *, good: bool = False, story: str | None = None) -> EvaluationInput:
    scores = {c.code: CriterionScore(score=score, note=f"nilai {score}") for c in CRITERIA}
    return EvaluationInput(fiscal_year=2024, scores=scores, good_practice=good, story=story)


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    return Registry.open_path(tmp_path / "r.db", tmp_path / "files")


def test_aggregates_never_evaluated_and_good_practice(registry: Registry) -> None:
    a = _file(registry, 1, "35.15", dt.date(2022, 1, 1), ["pengelolaan sampah"])
    b = _file(registry, 2, "35.78", dt.date(2023, 1, 1), ["beasiswa"])
    c = _file(registry, 3, "32.01", dt.date(2023, 5, 1), ["jalan"])
    d = _file(registry, 4, "32.01", dt.date(2023, 6, 1), ["jalan"])
    store = EvaluationStore(registry)
    store.record(a, _sheet(2), evaluator="ani")
    store.record(a, _sheet(4, good=True, story="Sampah jadi energi"), evaluator="ani")
    store.record(b, _sheet(3), evaluator="budi")
    store.record(c, _sheet(5).model_copy(update={"fiscal_year": 2023}), evaluator="budi")
    result = aggregates(registry, 2024, scope=None)
    assert (result.agreements, result.evaluated) == (4, 2)
    provinces = {g.key: g for g in result.by_province}
    assert provinces["35"].evaluated == 2 and provinces["35"].average == 3.5
    assert provinces["32"].agreements == 2 and provinces["32"].average is None
    years = {g.key: (g.agreements, g.evaluated) for g in result.by_signing_year}
    assert years == {"2022": (1, 1), "2023": (3, 1)}
    assert result.never_evaluated == [d]  # c was evaluated, in 2023
    [good] = result.good_practice
    assert good.agreement_id == a and good.evaluation.story == "Sampah jadi energi"
    assert len(store.history(a)) == 2  # the earlier sheet stays as history
    scoped = aggregates(registry, 2024, scope="35")
    assert {g.key for g in scoped.by_province} == {"35"}
    with pytest.raises(NotFoundError):
        aggregates(registry, 2024, scope="35", body="32")


def test_evidence_files_per_score(registry: Registry) -> None:
    a = _file(registry, 1, "35.15", dt.date(2022, 1, 1), ["pengelolaan sampah"])
    store = EvaluationStore(registry)
    evaluation = store.record(a, _sheet(4), evaluator="ani")
    item = store.add_evidence(evaluation.id, "kualitas_hasil", "foto.jpg", "image/jpeg", b"JPEG")
    agreement_id, record, data = store.evidence_file(item.id)
    assert (agreement_id, record.name, data) == (a, "foto.jpg", b"JPEG")
    [again] = store.history(a)
    assert [(e.criterion, e.size) for e in again.evidence] == [("kualitas_hasil", 4)]
    with pytest.raises(ValidationFailedError):
        store.add_evidence(evaluation.id, "tidak_ada", "x.pdf", "application/pdf", b"x")


def test_indicators_from_scope_then_versions(registry: Registry) -> None:
    a = _file(registry, 1, "35.15", dt.date(2022, 1, 1), ["pengangkutan sampah", "pelatihan"])
    store = IndicatorStore(registry)
    proposed = store.current(a)
    assert proposed.version == 0
    assert [(i.output, i.source) for i in proposed.items] == [
        ("pengangkutan sampah", "scope"),
        ("pelatihan", "scope"),
    ]
    first = IndicatorInput(
        items=[
            Indicator(output="pengangkutan sampah", target="20 ton/hari", source="scope"),
            Indicator(output="pelatihan", target="100 petugas"),
        ]
    )
    saved = store.save(a, first, user="ani")
    assert saved.version == 1 and saved.user == "ani"
    done = first.model_copy(
        update={"items": [first.items[0].model_copy(update={"achieved": "18 ton/hari"})]}
    )
    latest = store.save(a, done, user="budi")
    assert latest.version == 2 and [i.achieved for i in latest.items] == ["18 ton/hari"]
    assert store.versions(a) == 2
    with pytest.raises(ValidationFailedError):
        store.save(a, IndicatorInput(items=[]), user="ani")
    with pytest.raises(NotFoundError):
        store.current(999)
