"""Fit the confidence calibration on generated TRAINING families; write its coefficients.

``python -m bench.fit_calibration`` (after ``make bench`` has generated
``bench/out/corpus``; documents come from the bench cache, so nothing is
OCR'd twice) reads every document of a tuned family (never a held-out
family, never real-dev), runs the rules and the second look without
calibration, describes each field by ``extractor.calibrate``'s features,
labels it right or wrong with the bench's own scorer, and fits one L2
logistic regression per field (scikit-learn, a dev dependency). The result
is ``extractor/data/calibration.json``: means, scales, coefficients and
intercept per field, read at runtime without scikit-learn.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from rich.console import Console
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from bench.calibration import CORRECT
from bench.runner import ingest_all, with_rasters
from bench.samples import Sample, load_manifest
from bench.score import score_document
from extractor.calibrate import FEATURES, MODEL_FILE, calibration_features
from extractor.fields import extract_fields
from extractor.secondlook import second_look
from models import Settings

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "extractor" / "data" / MODEL_FILE
C = 0.5
"""L2 strength (inverse): generated documents are mostly right, so few wrong rows per field."""


def training_samples(corpora: list[Path]) -> list[Sample]:
    samples: list[Sample] = []
    for corpus in corpora:
        if (corpus / "manifest.json").exists():
            found = load_manifest(corpus, corpus.name)
            samples += [s for s in found if s.held_out is False and s.path.exists()]
    return samples


def rows(samples: list[Sample], console: Console) -> dict[str, tuple[list[list[float]], list[int]]]:
    ingested, _ = ingest_all(
        samples,
        workers=1,
        cache_dir=ROOT / "bench" / "out" / "cache",
        console=console,
        log_path=ROOT / "bench" / "out" / "fit.log",
    )
    settings = Settings(calibrated_confidence=False)
    data: dict[str, tuple[list[list[float]], list[int]]] = defaultdict(lambda: ([], []))
    for sample, read in zip(samples, ingested, strict=True):
        if read.document is None:
            continue
        document = with_rasters(read.document, read.rasters)
        extraction, _ = second_look(document, extract_fields(document), settings)
        scores = score_document(extraction, sample.truth, real=False, fields=sample.fields)
        for key, score in scores.items():
            if score is None or key == "parties":  # the product of its parts at runtime
                continue
            x, y = data[key]
            x.append(list(calibration_features(document, extraction, key)))
            y.append(1 if score >= CORRECT else 0)
    return dict(data)


def fit(
    data: dict[str, tuple[list[list[float]], list[int]]], console: Console
) -> dict[str, object]:
    fields: dict[str, object] = {}
    for name, (x_rows, y_rows) in sorted(data.items()):
        x, y = np.array(x_rows, dtype=float), np.array(y_rows)
        mean, scale = x.mean(axis=0), x.std(axis=0)
        scale[scale == 0] = 1.0
        z = (x - mean) / scale
        if y.min() == y.max():  # never wrong (or never right) in training: the base rate only
            coef, intercept = (
                np.zeros(x.shape[1]),
                float(np.log((y.sum() + 1) / (len(y) - y.sum() + 1))),
            )
        else:
            model = LogisticRegression(C=C, max_iter=2000).fit(z, y)
            coef, intercept = model.coef_[0], float(model.intercept_[0])
        p = 1 / (1 + np.exp(-(z @ coef + intercept)))
        auc = roc_auc_score(y, p) if 0 < y.sum() < len(y) else float("nan")
        console.print(f"{name:18} rows {len(y):5} wrong {len(y) - y.sum():4} train AUROC {auc:.3f}")
        fields[name] = {
            "mean": [round(v, 6) for v in mean],
            "scale": [round(v, 6) for v in scale],
            "coef": [round(v, 6) for v in coef],
            "intercept": round(intercept, 6),
            "rows": len(y),
            "wrong": int(len(y) - y.sum()),
        }
    return fields


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fit_calibration", description=__doc__)
    parser.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="generated corpora to fit on (tuned families only); "
        "default bench/out/corpus and corpus_samples",
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    console = Console()
    corpora = args.corpus or [ROOT / "bench" / "out" / "corpus", ROOT / "corpus_samples"]
    samples = training_samples(corpora)
    if not samples:
        console.print("no training documents: run `make bench` first (it generates the corpus)")
        return 1
    console.print(f"{len(samples)} documents of tuned families")
    fields = fit(rows(samples, console), console)
    model = {
        "features": list(FEATURES),
        "fitted": dt.date.today().isoformat(),
        "command": "python -m bench.fit_calibration",
        "training": f"{len(samples)} documents of tuned families from "
        + ", ".join(str(c.relative_to(ROOT)) for c in corpora if c.is_relative_to(ROOT)),
        "C": C,
        "fields": fields,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    console.print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
