"""Load a whole archive into the registry in one resumable run.

Worker processes extract (OCR keeps every core busy); the main process is the
registry's single writer and files each result in its own transaction. The
registry itself is the checkpoint: a file whose bytes are already filed is
skipped, so a run killed at any moment (``kill -9`` included) is resumed by
running it again, and a second complete run files nothing. A file that failed
is remembered with its reason and skipped on reruns unless ``retry_failed``.
Within a file, the pages read by OCR are checkpointed (``service.checkpoints``),
so a run killed in the middle of a long scan goes on from the page it stopped
at. Workers die with the run (``extractor.lifetime``). Reading and filing are
the stages of the one consume pipeline (``service.consume``).

Memory stays flat: at most ``2 × workers`` files are in flight, results are
written to the CSV report as they come and only counters are kept; worker
processes are replaced every ``TASKS_PER_WORKER`` files so a leak in an OCR
engine cannot grow with the archive.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from extractor.lifetime import die_with_parent
from models import KerjasamaError, Settings
from models.errors import InternalError, UnreadableFileError, WorkerCrashedError
from service.backfill_report import LOW_CONFIDENCE, REPORT_COLUMNS, Progress, Row, Summary
from service.checkpoints import PageCheckpoints
from service.consume import READ, Context, Filer, ReadResult, preflight, run
from service.registry import Registry

SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".bmp"}
TASKS_PER_WORKER = 100
CRASHES_BEFORE_FAILING = 2
"""A file in flight during this many worker crashes is recorded as failed."""


def discover(root: Path) -> Iterator[Path]:
    """PDFs and images under ``root``, in a stable order (so ``--limit`` is repeatable)."""
    for directory, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            path = Path(directory) / name
            if path.suffix.lower() in SUFFIXES and not name.startswith("."):
                yield path


@dataclass
class _Job:
    path: Path
    name: str
    sha256: str
    crashes: int = 0


def _read(path: str, name: str, sha256: str, settings: Settings) -> ReadResult:
    """In a worker: the reading stages of the consume pipeline. Errors come back
    as values so one bad file never takes the pool down; pages read are
    checkpointed, so a run killed mid-file goes on from the page it stopped at."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return ReadResult(error=UnreadableFileError.code, message=str(exc))
    ctx = Context(
        name=name,
        data=data,
        settings=settings,
        sha256=sha256,
        cache=PageCheckpoints.for_settings(settings),
    )
    return ReadResult.of(run(ctx, (preflight, *READ)))


def run_backfill(
    root: Path,
    registry: Registry,
    *,
    settings: Settings,
    workers: int = 0,
    limit: int | None = None,
    dry_run: bool = False,
    retry_failed: bool = False,
    report: Path | None = None,
    progress: Progress | None = None,
) -> Summary:
    """File every PDF and image under ``root``; see the module docstring."""
    started = time.monotonic()
    summary = Summary(report=report)
    workers = workers or settings.workers or os.cpu_count() or 1
    handle: IO[str] | None = None
    writer: Any = None
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        handle = open(report, "w", newline="", encoding="utf-8")  # noqa: SIM115
        writer = csv.writer(handle)
        writer.writerow(REPORT_COLUMNS)

    def emit(row: Row) -> None:
        summary.add(row)
        if writer is not None and handle is not None:
            writer.writerow(row.as_csv())
            handle.flush()
        if progress is not None:
            progress.advance(row)

    try:
        todo, skipped = _plan(root, registry, limit=limit, retry_failed=retry_failed)
        if progress is not None:
            progress.start(len(todo) + len(skipped))
        for row in skipped:
            emit(row)
        if dry_run:
            for job in todo:
                emit(Row(path=job.name, sha256=job.sha256, outcome="would_file"))
        else:
            filer = Filer(
                registry,
                settings=settings,
                forget_pages=PageCheckpoints.for_settings(settings).forget,
            )
            _run_jobs(todo, filer, settings=settings, workers=workers, emit=emit)
    finally:
        if progress is not None:
            progress.stop()
        if handle is not None:
            handle.close()
        summary.seconds = time.monotonic() - started
    return summary


def _plan(
    root: Path, registry: Registry, *, limit: int | None, retry_failed: bool
) -> tuple[list[_Job], list[Row]]:
    """Hash every file and split: to extract, or answered already (filed, failed, a copy)."""
    todo: list[_Job] = []
    skipped: list[Row] = []
    first_of: dict[str, str] = {}
    for path in discover(root):
        name = path.relative_to(root).as_posix()
        try:
            with path.open("rb") as handle:  # streamed: memory stays flat on big scans
                sha = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError as exc:
            skipped.append(
                Row(
                    path=name,
                    sha256="",
                    outcome="failed",
                    error_code=UnreadableFileError.code,
                    message=str(exc),
                )
            )
            continue
        filed = registry.find_file(sha)
        if filed is not None:
            skipped.append(
                Row(path=name, sha256=sha, outcome="already_filed", agreement_id=filed.agreement_id)
            )
            continue
        if sha in first_of:
            skipped.append(
                Row(
                    path=name,
                    sha256=sha,
                    outcome="exact_duplicate",
                    message=f"same bytes as {first_of[sha]}",
                )
            )
            continue
        failure = registry.failure(sha)
        if failure is not None and not retry_failed:
            skipped.append(
                Row(
                    path=name,
                    sha256=sha,
                    outcome="skipped_failed",
                    error_code=str(failure["error_code"]),
                    message=str(failure["message"]),
                )
            )
            continue
        if limit is not None and len(todo) >= limit:
            continue
        first_of[sha] = name
        todo.append(_Job(path, name, sha))
    return todo, skipped


def _run_jobs(
    todo: list[_Job], filer: Filer, *, settings: Settings, workers: int, emit: Any
) -> None:
    queue: deque[_Job] = deque(todo)
    while queue:
        crashed = _run_pool(queue, filer, settings=settings, workers=workers, emit=emit)
        for job in crashed:
            job.crashes += 1
            if job.crashes >= CRASHES_BEFORE_FAILING:
                _fail(filer, job, WorkerCrashedError("the extraction process died"), emit)
            else:
                queue.appendleft(job)


def _run_pool(
    queue: deque[_Job], filer: Filer, *, settings: Settings, workers: int, emit: Any
) -> list[_Job]:
    """Run until the queue is empty or the pool breaks; returns the jobs in flight at a crash."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["service.backfill_warmup"])
    in_flight: dict[Future[ReadResult], _Job] = {}
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=die_with_parent,
        max_tasks_per_child=TASKS_PER_WORKER,
    ) as pool:
        try:
            while queue or in_flight:
                while queue and len(in_flight) < 2 * workers:
                    job = queue.popleft()
                    future = pool.submit(_read, str(job.path), job.name, job.sha256, settings)
                    in_flight[future] = job
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    job = in_flight.pop(future)
                    _collect(future.result(), job, filer, settings, emit)
        except BrokenProcessPool:
            return list(in_flight.values())
    return []


def _collect(result: ReadResult, job: _Job, filer: Filer, settings: Settings, emit: Any) -> None:
    """File one worker result (main process: the registry's single writer)."""
    ctx = Context(
        name=job.name,
        data=b"",
        settings=settings,
        user="backfill",
        source="backfill",
        sha256=job.sha256,
    )
    result.into(ctx)
    if ctx.error is None:
        try:
            ctx.data = job.path.read_bytes()
        except OSError as exc:
            ctx.error = UnreadableFileError(str(exc))
    run(ctx, (filer.file,))
    if ctx.error is not None or ctx.filed is None or ctx.document is None:
        _fail(filer, job, ctx.error or InternalError("no result"), emit, seconds=result.seconds)
        return
    filed, document = ctx.filed, ctx.document
    low = filed.min_confidence is None or filed.min_confidence < LOW_CONFIDENCE
    emit(
        Row(
            path=job.name,
            sha256=filed.sha256,
            outcome=filed.outcome,
            agreement_id=filed.agreement_id,
            duplicate_of=filed.duplicate_of,
            score=filed.score,
            pages=len(document.pages),
            ocr_pages=document.ocr_pages,
            min_confidence=filed.min_confidence,
            needs_review=filed.outcome == "duplicate_candidate" or low,
            seconds=round(result.seconds, 3),
        )
    )


def _fail(
    filer: Filer, job: _Job, error: KerjasamaError, emit: Any, *, seconds: float = 0.0
) -> None:
    ctx = Context(name=job.name, data=b"", settings=filer.settings, sha256=job.sha256, error=error)
    filer.record_failure(ctx)
    emit(
        Row(
            path=job.name,
            sha256=job.sha256,
            outcome="failed",
            error_code=error.code,
            message=error.message,
            seconds=round(seconds, 3),
        )
    )


def default_report(settings: Settings) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    return settings.data_dir / f"backfill-{stamp}.csv"
