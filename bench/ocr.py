"""OCR benchmark: accuracy per kind of file, speed against plain Tesseract, memory.

Figures (all in one run, so machine noise hits them alike):
- character error rate of every OCR page against the corpus ground truth
  (``truth/<id>.json`` "page_texts"), per kind: scan, hard, photo, image;
- seconds per OCR page with all workers busy (wall time / pages) for the
  pipeline, and for plain ``tesseract IMG - -l ind`` (OMP_THREAD_LIMIT=1, as
  many processes as workers) on the very page images the pipeline started
  from: the ratio is what orientation, deskew, clean-up and our plumbing cost;
- the same pipeline with the other engine (pytesseract vs tesserocr), and with
  deskew / flat field switched off, so each step shows what it earns;
- digital pages per second on one core (text layer only);
- peak RSS of each worker process while reading a 10-page 300-dpi scan.

Without a corpus (``corpus_dir/manifest.json``) a small one is generated in
``out_dir`` with ``corpusgen``.

The files, their truth and the CER are in ``bench.ocr_corpus``, the timed runs
in ``bench.ocr_runs``; this module runs them in order and writes ``ocr.json``.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
from pathlib import Path
from typing import Any

from bench.ocr_corpus import (
    GROUPS,
    VARIANT_FILES,
    OcrFile,
    cer,
    generate_corpus,
    load_corpus,
    norm,
    ocr_pages,
    per_kind,
    score,
)
from bench.ocr_runs import (
    digital_speed,
    peak_rss,
    read_all,
    save_page_images,
    ten_page_scan,
    tesseract_cli,
)
from extractor.ocr.engine import available_engines
from models import Document, Settings

__all__ = [
    "GROUPS",
    "VARIANT_FILES",
    "OcrFile",
    "cer",
    "generate_corpus",
    "load_corpus",
    "norm",
    "run",
]


def run(corpus_dir: Path, out_dir: Path, *, workers: int, limit: int | None = None) -> dict:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    out_dir.mkdir(parents=True, exist_ok=True)
    if (corpus_dir / "manifest.json").exists():
        files, source = load_corpus(corpus_dir), str(corpus_dir)
    else:
        files, source = generate_corpus(out_dir / "corpus", n=limit or 3), "generated"
    files = [f for f in files if f.path.exists()]
    ocr_files = per_kind([f for f in files if f.group != "digital"], limit)
    digital = per_kind([f for f in files if f.group == "digital"], limit)
    settings = Settings()
    paths = [f.path for f in ocr_files]
    figures: dict[str, Any] = {"corpus": source, "workers": workers, "ocr_files": len(paths)}

    results, wall, cpu = read_all(paths, settings, workers)
    pages = ocr_pages(results)
    per_page = wall / max(1, pages)
    cpu_per_page = cpu / max(1, pages)
    figures["pipeline"] = {
        "engine": settings.ocr_engine,
        "pages": pages,
        "seconds_per_page_all_cores": round(per_page, 3),
        "cpu_seconds_per_page": round(cpu_per_page, 3),
        "mean_page_seconds": round(
            sum(p.seconds for d in results.values() if isinstance(d, Document) for p in d.pages)
            / max(1, pages),
            3,
        ),
        "rotated_pages": sum(
            1 for d in results.values() if isinstance(d, Document) for p in d.pages if p.rotation
        ),
        "accuracy": score(ocr_files, results),
    }

    with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
        images = save_page_images(ocr_files, settings, Path(tmp))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cli_wall, cli_texts = tesseract_cli(images, workers)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cli_per_page = cli_wall / max(1, len(images))
    cli_cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / max(
        1, len(images)
    )
    figures["tesseract_cli"] = {
        "pages": len(images),
        "seconds_per_page_all_cores": round(cli_per_page, 3),
        "cpu_seconds_per_page": round(cli_cpu, 3),
    }
    figures["ratio_pipeline_to_cli"] = round(per_page / cli_per_page, 3) if cli_per_page else None
    figures["cpu_ratio_pipeline_to_cli"] = round(cpu_per_page / cli_cpu, 3) if cli_cpu else None
    cli_edits = cli_chars = 0
    by_name = {f.path.stem: f for f in ocr_files}
    for path, text in cli_texts.items():
        stem, _, number = path.stem.rpartition("-")
        f = by_name.get(stem)
        if f and int(number) <= len(f.page_texts):
            e, n = cer(text, f.page_texts[int(number) - 1])
            cli_edits, cli_chars = cli_edits + e, cli_chars + n
    figures["tesseract_cli"]["cer"] = round(cli_edits / max(1, cli_chars), 4)

    variants = {
        "engine_pytesseract": Settings(ocr_engine="pytesseract"),
        "engine_tesserocr": Settings(ocr_engine="tesserocr"),
        "no_deskew": Settings(ocr_deskew=False),
        "no_flat_field": Settings(ocr_flat_field=False),
    }
    default_engine = (
        available_engines()[0] if settings.ocr_engine == "auto" else settings.ocr_engine
    )
    figures["pipeline"]["engine"] = default_engine
    for name, variant in variants.items():
        if variant.ocr_engine == default_engine:
            continue
        # the comparisons need a few files per kind, not the whole corpus again
        chosen = per_kind(ocr_files, min(limit or VARIANT_FILES, VARIANT_FILES))
        if name == "no_deskew":
            chosen = [f for f in chosen if f.group in ("hard", "scan")]
        elif name == "no_flat_field":
            chosen = [f for f in chosen if f.group in ("photo", "image")]
        res, w, c = read_all([f.path for f in chosen], variant, workers)
        n = ocr_pages(res)
        figures[name] = {
            "pages": n,
            "seconds_per_page_all_cores": round(w / max(1, n), 3),
            "cpu_seconds_per_page": round(c / max(1, n), 3),
            "accuracy": score(chosen, res),
            "default_pipeline_on_same_files": score(chosen, results),
        }

    figures["digital"] = digital_speed(digital, settings)
    figures["memory"] = peak_rss(ten_page_scan(out_dir), settings, workers)
    (out_dir / "ocr.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return figures


if __name__ == "__main__":  # pragma: no cover - `python -m bench.ocr` for a quick look
    import sys

    root = Path(__file__).resolve().parent.parent
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    result = run(root / "corpus_samples", root / "bench" / "out" / "ocr", workers=2, limit=limit)
    print(json.dumps(result, indent=2))
