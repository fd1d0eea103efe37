"""Read every sample (all cores, cached), extract its fields, score both it and the baseline.

Ingest (text layer and OCR) is the slow part and does not change when a rule
changes, so each file's ``Document`` is cached under
``bench/out/cache/<sha256>-<ingest version>.json``: the ingest version is
``extractor.ingest.INGEST_VERSION`` when the ingest module declares one, else
``extractor.__version__``, plus a digest of the ingest stage's own source
(ingest, pages, sniff, render, ocr/ but its pool): the version is rarely bumped while the
code moves, and a stale cached OCR text would silently skew the figures. The
rules' source is not in the key, which is the point of the cache.

Ingest runs in one spawned process per worker (``OMP_THREAD_LIMIT=1`` in
each, ``read_document`` without an OCR pool so processes do not nest); the
rules run in this process, one document after the other, so their time per
page is measured without competition from our own workers.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import multiprocessing
import os
import pickle
import resource
import time
import traceback
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from bench import baseline
from bench.samples import Sample
from bench.score import DocScores, score_document
from models import Document, Extraction, Settings


@dataclass
class Ingested:
    document: Document | None
    seconds: float
    cached: bool
    error: str | None = None
    maxrss_mb: float = 0.0
    rasters: str | None = None
    """Sidecar file of the page images (for the second look), kept out of memory until used."""


def _raster_file(cache_file: str) -> Path:
    return Path(cache_file).with_suffix(".rasters")


def _strip_rasters(document: Document, cache_file: str) -> Document:
    """Write the page images beside the cached JSON and hand back the document without them:
    the parent holds every document at once, images of 200 pages would not fit."""
    rasters = {p.number: p.raster for p in document.pages if p.raster is not None}
    tmp = Path(f"{cache_file}.{os.getpid()}.rtmp")
    tmp.write_bytes(pickle.dumps(rasters, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(_raster_file(cache_file))
    pages = [p.model_copy(update={"raster": None}) for p in document.pages]
    return document.model_copy(update={"pages": pages})


def with_rasters(document: Document, rasters: str | None) -> Document:
    """The cached document with its page images back, for one extraction."""
    if not rasters or not Path(rasters).exists():
        return document
    images = pickle.loads(Path(rasters).read_bytes())  # our own cache file, written above
    pages = [p.model_copy(update={"raster": images.get(p.number)}) for p in document.pages]
    return document.model_copy(update={"pages": pages})


@dataclass
class Outcome:
    """Everything measured for one sample, as it goes into results.json."""

    sample: Sample
    pages: int = 0
    ocr_pages: int = 0
    ingest_seconds: float = 0.0
    ocr_seconds: float = 0.0
    rules_seconds: float = 0.0
    cached: bool = False
    maxrss_mb: float = 0.0
    error: str | None = None
    scores: DocScores = field(default_factory=dict)
    baseline_scores: DocScores = field(default_factory=dict)
    prediction: dict[str, Any] = field(default_factory=dict)

    def as_json(self, root: Path) -> dict[str, Any]:
        try:
            shown = str(self.sample.path.resolve().relative_to(root.resolve()))
        except ValueError:
            shown = self.sample.path.name
        return {
            "source": self.sample.source,
            "id": self.sample.doc_id,
            "file": shown,
            "kind": self.sample.kind,
            "family": self.sample.family,
            "split": self.sample.split,
            "pages": self.pages,
            "ocr_pages": self.ocr_pages,
            "ingest_seconds": round(self.ingest_seconds, 4),
            "ocr_seconds": round(self.ocr_seconds, 4),
            "rules_seconds": round(self.rules_seconds, 4),
            "cached": self.cached,
            "maxrss_mb": round(self.maxrss_mb, 1),
            "error": self.error,
            "scored_fields": self.sample.fields,
            "scores": self.scores,
            "baseline_scores": self.baseline_scores,
            "prediction": self.prediction,
        }


INGEST_SOURCES = ("ingest.py", "pages.py", "sniff.py", "render.py", "ocr")


def ingest_version() -> str:
    import extractor
    import extractor.ingest

    version = str(getattr(extractor.ingest, "INGEST_VERSION", None) or extractor.__version__)
    root = Path(extractor.__file__).parent
    digest = hashlib.sha256()
    for name in INGEST_SOURCES:
        target = root / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for path in files:
            if path.is_file() and path.name != "pool.py":  # the bench reads without a pool
                digest.update(path.name.encode() + path.read_bytes())
    return f"{version}-{digest.hexdigest()[:10]}"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _short_error(exc: BaseException) -> str:
    code = getattr(exc, "code", None)
    name = type(exc).__name__
    return f"{name}[{code}]: {exc}" if code else f"{name}: {exc}"


def _ingest_worker(path: str, cache_file: str | None) -> Ingested:
    """Runs in a worker process: one file to a Document, written to the cache."""
    from service.consume import Context, preflight, read_pages, run

    started = time.perf_counter()
    try:  # the production pipeline's reading stages, as an upload or the backfill runs them
        data = Path(path).read_bytes()
        ctx = run(Context(name=Path(path).name, data=data, settings=Settings(workers=1)),
                  (preflight, read_pages))  # fmt: skip
        document: Document | None = ctx.document
        error = _short_error(ctx.error) if ctx.error is not None else None
    except Exception as exc:
        document, error = None, _short_error(exc)
    seconds = time.perf_counter() - started
    usage = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    maxrss_mb = usage / 1024
    if document is not None and cache_file:
        record = {
            "seconds": seconds,
            "maxrss_mb": maxrss_mb,
            "document": document.model_dump(mode="json"),
        }
        document = _strip_rasters(document, cache_file)
        tmp = Path(f"{cache_file}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(record), encoding="utf-8")
        tmp.replace(cache_file)
        return Ingested(document, seconds, False, error, maxrss_mb, str(_raster_file(cache_file)))
    return Ingested(document, seconds, False, error, maxrss_mb)


def _quiet_worker(log_path: str) -> None:
    """Send a worker's stderr (Leptonica's C-level chatter, ingest warnings) to a log file."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    handle = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(handle, 2)
    os.close(handle)


def _from_cache(cache_file: Path) -> Ingested | None:
    try:
        record = json.loads(cache_file.read_text(encoding="utf-8"))
        document = Document.model_validate(record["document"])
    except (OSError, ValueError, KeyError):
        return None
    rasters = _raster_file(str(cache_file))
    return Ingested(
        document,
        float(record["seconds"]),
        True,
        None,
        float(record["maxrss_mb"]),
        str(rasters) if rasters.exists() else None,
    )


def ingest_all(
    samples: list[Sample],
    *,
    workers: int,
    cache_dir: Path | None,
    console: Console,
    log_path: Path,
) -> tuple[list[Ingested], float]:
    """Documents for every sample (cache first), and the wall time of the fresh part."""
    results: list[Ingested | None] = [None] * len(samples)
    todo: list[tuple[int, str | None]] = []
    version = ingest_version()
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
    for index, sample in enumerate(samples):
        cache_file = None
        if cache_dir is not None:
            cache_path = cache_dir / f"{file_sha256(sample.path)}-{version}.json"
            cached = _from_cache(cache_path) if cache_path.exists() else None
            if cached is not None:
                results[index] = cached
                continue
            cache_file = str(cache_path)
        todo.append((index, cache_file))
    started = time.perf_counter()
    if todo:
        context = multiprocessing.get_context("spawn")
        with (
            ProcessPoolExecutor(
                max_workers=workers,
                mp_context=context,
                initializer=_quiet_worker,
                initargs=(str(log_path),),
            ) as pool,
            Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            ) as progress,
        ):
            task = progress.add_task(f"ingest ({workers} workers)", total=len(todo))
            futures: dict[Future[Ingested], int] = {
                pool.submit(_ingest_worker, str(samples[i].path), cache): i for i, cache in todo
            }
            for future in as_completed(futures):
                index = futures[future]
                try:
                    results[index] = future.result()
                except Exception as exc:  # a worker died: record it, go on
                    results[index] = Ingested(None, 0.0, False, _short_error(exc))
                progress.advance(task)
    wall = time.perf_counter() - started
    return [r if r is not None else Ingested(None, 0.0, False, "not read") for r in results], wall


def _empty(sample: Sample, sha: str = "0" * 64) -> Extraction:
    return Extraction(file=sample.path.name, sha256=sha, pages=0, ocr_pages=0)


def _prediction(extraction: Extraction) -> dict[str, Any]:
    data = extraction.model_dump(
        mode="json", exclude={"evidence", "file", "sha256", "warnings", "extractor_version"}
    )
    data["parties"] = [
        {k: v for k, v in party.items() if v is not None} for party in data["parties"]
    ]
    return data


@dataclass
class RulesRun:
    outcomes: list[Outcome]
    import_error: str | None
    warmup_seconds: float | None
    """The first call's one-off start-up (spaCy, region tables), kept out of ms/page."""


def _warm_up(extract_document: Any, ingested: list[Ingested]) -> float | None:
    first = next((r.document for r in ingested if r.document is not None), None)
    if first is None:
        return None
    started = time.perf_counter()
    with contextlib.suppress(Exception):
        extract_document(first)
    return time.perf_counter() - started


def extract_and_score(
    samples: list[Sample], ingested: list[Ingested], console: Console
) -> RulesRun:
    """Rules over every read document (after one untimed warm-up call), scored."""
    extract_document: Any = None
    import_error: str | None = None
    warmup: float | None = None
    try:
        extract_document = importlib.import_module("extractor.pipeline").extract_document
        warmup = _warm_up(extract_document, ingested)
    except Exception as exc:
        import_error = _short_error(exc)
    outcomes: list[Outcome] = []
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("rules + scoring", total=len(samples))
        for sample, read in zip(samples, ingested, strict=True):
            outcome = Outcome(sample, cached=read.cached, maxrss_mb=read.maxrss_mb)
            outcome.ingest_seconds = read.seconds
            outcome.error = read.error
            document = read.document
            prediction = _empty(sample)
            base = _empty(sample)
            if document is not None:
                outcome.pages = len(document.pages)
                outcome.ocr_pages = document.ocr_pages
                outcome.ocr_seconds = sum(p.seconds for p in document.pages if p.method == "ocr")
                base = baseline.extract(document)
                if extract_document is None:
                    outcome.error = f"extractor not importable: {import_error}"
                else:
                    document = with_rasters(document, read.rasters)  # untimed: cache I/O
                    started = time.perf_counter()
                    try:
                        prediction = extract_document(document)
                    except Exception as exc:
                        outcome.error = _short_error(exc)
                        if not isinstance(exc, NotImplementedError):
                            outcome.error += " | " + traceback.format_exc(limit=-2)[-400:]
                    outcome.rules_seconds = time.perf_counter() - started
            real = sample.kind == "real"
            outcome.scores = score_document(
                prediction, sample.truth, real=real, fields=sample.fields
            )
            outcome.baseline_scores = score_document(
                base, sample.truth, real=real, fields=sample.fields
            )
            outcome.prediction = _prediction(prediction)
            outcomes.append(outcome)
            progress.advance(task)
    return RulesRun(outcomes, import_error, warmup)
