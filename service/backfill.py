"""Load a whole archive into the registry in one resumable run.

The pages of every file are read over one shared ``OcrPool`` (one Tesseract
per core, a hung page killed and marked failed while the rest is read): the
pages of one long scan spread over all cores and the next file starts on a
worker the moment one is free, so no core waits for another's document. A
reading thread plans files (text layer) and feeds the pool; the main thread
applies the rules (with the second look) and is the registry's single writer,
filing each result in its own transaction while the pool reads on. The
registry itself is the checkpoint: a file whose bytes are already filed is
skipped, so a run killed at any moment (``kill -9`` included) is resumed by
running it again, and a second complete run files nothing. A file that failed
is remembered with its reason and skipped on reruns unless ``retry_failed``.
Within a file, the pages read by OCR are checkpointed (``service.checkpoints``),
so a run killed in the middle of a long scan goes on from the page it stopped
at. OCR processes die with the run (``extractor.lifetime``). Reading, rules and
filing are the stages of the one consume pipeline (``service.consume``).

Memory stays flat: files are planned only when a worker is free for their
pages, at most ``READ_AHEAD`` read documents wait for the writer, results are
written to the CSV report as they come and only counters are kept; OCR workers
are replaced after ``extractor.ocr.pool.PAGES_PER_WORKER`` pages.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import os
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from extractor.ocr.pool import OcrPool
from models import Settings
from models.errors import InternalError, UnreadableFileError
from service.backfill_report import LOW_CONFIDENCE, REPORT_COLUMNS, Progress, Row, Summary
from service.checkpoints import PageCheckpoints
from service.consume import Context, Filer, apply_rules, read_stream, run
from service.registry import Registry

SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".bmp"}
READ_AHEAD = 2
"""Read documents waiting for the writer; the reading thread pauses beyond this."""


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
    pool: OcrPool | None = None,
) -> Summary:
    """File every PDF and image under ``root``; see the module docstring.

    ``pool`` lets a caller share its OCR pool; without one the run starts its
    own with ``workers`` processes."""
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
            _read_and_file(todo, filer, settings=settings, workers=workers, emit=emit, pool=pool)
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


def _read_and_file(
    todo: list[_Job],
    filer: Filer,
    *,
    settings: Settings,
    workers: int,
    emit: Any,
    pool: OcrPool | None,
) -> None:
    cache = PageCheckpoints.for_settings(settings)

    def contexts() -> Iterator[Context]:
        for job in todo:
            ctx = Context(
                name=job.name,
                data=b"",
                settings=settings,
                user="backfill",
                source="backfill",
                sha256=job.sha256,
            )
            try:
                ctx.data = job.path.read_bytes()
            except OSError as exc:
                ctx.error = UnreadableFileError(str(exc))
            yield ctx

    with contextlib.ExitStack() as stack:
        if pool is None:
            pool = stack.enter_context(OcrPool(workers=workers))
        ahead = stack.enter_context(_ReadAhead(read_stream(contexts(), pool=pool, cache=cache)))
        for ctx in ahead:
            run(ctx, (apply_rules, filer.file))
            _report(ctx, filer, emit)


class _ReadAhead:
    """Runs the reading stages in a thread, at most ``READ_AHEAD`` documents ahead,
    so the pool reads on while the main thread applies rules and files."""

    _END = object()

    def __init__(self, source: Iterator[Context]) -> None:
        self._source = source
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=READ_AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, name="backfill-read", daemon=True)

    def __enter__(self) -> _ReadAhead:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        while self._thread.is_alive():  # unblock a reader waiting on a full queue
            with contextlib.suppress(queue.Empty):
                self._queue.get(timeout=0.1)
        self._thread.join()

    def _put(self, item: Any) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def _read(self) -> None:
        try:
            for ctx in self._source:
                if not self._put(ctx):
                    return
            self._put(self._END)
        except BaseException as exc:  # handed to the main thread, which raises it
            self._put(exc)
        finally:
            close = getattr(self._source, "close", None)
            if close is not None:
                close()  # leaves the pool's stream, so the pool can be used again

    def __iter__(self) -> Iterator[Context]:
        while True:
            item = self._queue.get()
            if item is self._END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item


def _report(ctx: Context, filer: Filer, emit: Any) -> None:
    """One row of the report for a file through the pipeline (filed or failed)."""
    seconds = round(sum(ctx.seconds.values()), 3)
    if ctx.error is not None or ctx.filed is None or ctx.document is None:
        error = ctx.error or InternalError("Tidak ada hasil pembacaan.")
        ctx.error = error
        filer.record_failure(ctx)
        emit(
            Row(
                path=ctx.name,
                sha256=ctx.sha256,
                outcome="failed",
                error_code=error.code,
                message=error.message,
                seconds=seconds,
            )
        )
        return
    filed, document = ctx.filed, ctx.document
    low = filed.min_confidence is None or filed.min_confidence < LOW_CONFIDENCE
    emit(
        Row(
            path=ctx.name,
            sha256=filed.sha256,
            outcome=filed.outcome,
            agreement_id=filed.agreement_id,
            duplicate_of=filed.duplicate_of,
            score=filed.score,
            pages=len(document.pages),
            ocr_pages=document.ocr_pages,
            min_confidence=filed.min_confidence,
            needs_review=filed.outcome == "duplicate_candidate" or low,
            seconds=seconds,
        )
    )


def default_report(settings: Settings) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    return settings.data_dir / f"backfill-{stamp}.csv"
