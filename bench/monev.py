"""Monev figures: the yearly report (JSON, XLSX, PDF) and the ministry's
coordination view with 20,000 agreements over all provinces (goal: each under
5 s).

The registry is the API sub-benchmark's (``bench/out/api/registry-N``, built
through ``Registry.file_document`` once and kept), so the two never build it
twice; a tenth of its agreements get an evaluation for the year the first
time, in the registry's own evaluations table.
"""

from __future__ import annotations

import os
import random
import re
import time
from pathlib import Path
from typing import Any

from bench.api import build_registry
from models import Settings
from service.registry import Registry
from service.reports.coordination import coordination
from service.reports.criteria import CRITERIA
from service.reports.evaluations import CriterionScore, EvaluationInput, EvaluationStore
from service.reports.pdf import report_pdf
from service.reports.xlsx import report_xlsx
from service.reports.yearly import yearly_from_registry

YEAR = 2024


def _evaluate(registry: Registry, share: float = 0.1) -> int:
    store = EvaluationStore(registry)
    if store.current_for_year(YEAR):
        return 0
    rng = random.Random(YEAR)
    with registry.read() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM agreements ORDER BY id")]
    chosen = rng.sample(ids, k=int(len(ids) * share))
    for agreement_id in chosen:
        scores = {c.code: CriterionScore(score=rng.randint(1, 5)) for c in CRITERIA}
        sheet = EvaluationInput(fiscal_year=YEAR, scores=scores)
        store.record(agreement_id, sheet, evaluator="bench")
    return len(chosen)


_CPU: dict[str, float] = {}


def _timed(step: Any, name: str = "") -> tuple[Any, float]:
    """Wall seconds; the process's CPU seconds go to ``_CPU[name]``, which a
    loaded machine (2 cores shared) inflates far less than the wall clock."""
    started, cpu = time.perf_counter(), time.process_time()
    value = step()
    if name:
        _CPU[name] = _CPU.get(name, 0.0) + time.process_time() - cpu
    return value, round(time.perf_counter() - started, 2)


def run(out_dir: Path, *, n_agreements: int = 20000) -> dict[str, Any]:
    data_dir = out_dir.parent / "api" / f"registry-{n_agreements}"
    settings = Settings(data_dir=data_dir, embedded_worker=False)
    figures: dict[str, Any] = {"registry": build_registry(settings, n_agreements)}
    with Registry.open(settings) as registry:
        figures["evaluations_added"] = _evaluate(registry)
        figures["load_average_before"] = round(os.getloadavg()[0], 1)
        report, load = _timed(lambda: yearly_from_registry(registry, YEAR), "json")
        text, dump = _timed(report.model_dump_json, "json")
        figures["report_rows"] = len(report.rows)
        figures["json_seconds"] = round(load + dump, 2)
        xlsx, figures["xlsx_seconds"] = _timed(lambda: report_xlsx(report), "xlsx")
        pdf, figures["pdf_seconds"] = _timed(lambda: report_pdf(report), "pdf")
        for name, seconds in _CPU.items():
            figures[f"{name}_cpu_seconds"] = round(seconds, 2)
        figures["load_average_after"] = round(os.getloadavg()[0], 1)
        _, figures["coordination_seconds"] = _timed(
            lambda: coordination(registry, YEAR, scope=None)
        )
        _, figures["province_report_seconds"] = _timed(
            lambda: yearly_from_registry(registry, YEAR, body="35")
        )
    (out_dir / f"monev-{YEAR}.xlsx").write_bytes(xlsx)
    (out_dir / f"monev-{YEAR}.pdf").write_bytes(pdf)
    figures["json_mb"] = round(len(text) / 1e6, 1)
    figures["xlsx_mb"] = round(len(xlsx) / 1e6, 1)
    figures["pdf_mb"] = round(len(pdf) / 1e6, 1)
    figures["pdf_pages"] = len(re.findall(rb"/Type /Page\b(?!s)", pdf))
    figures["goal_seconds"] = 5
    return figures
