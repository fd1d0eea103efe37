"""One consume pipeline from file bytes to a registry row, as named stages over a typed context.

Every entry point runs these stages (as OCRmyPDF runs its pipeline): the
upload jobs (``jobs.intake`` runs the preflight, a worker reads, the
collector files), the backfill (its processes read, its main process files),
``kerjasama extract`` (preflight and read only) and the benchmark.

    preflight      size, type, sha256: each once, for every later stage
    check_filed    the registry already holds these bytes: answered, not read
    (in flight?)   the job store's one-in-flight index (``jobs.store``)
    read_pages     text layer, then OCR page-level parallel over the shared
                   ``OcrPool`` (a hung page is killed and marked failed);
                   pages already read come from the checkpoints
    apply_rules    the field rules: ``models.Extraction``
    file           the single writer: dedup, links, audit, in one transaction
    record_failure a typed failure row the rerun and the pages can show

A stage that fails sets ``ctx.error`` (always a ``models.errors`` class) and the
stages after it are skipped; only ``record_failure`` runs then.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from extractor.ingest import PageCache, Plan, check_size, plan_document, read_plans
from extractor.ocr.pool import OcrPool
from extractor.pipeline import extract_document
from extractor.sniff import sniff_mime
from models import Document, Extraction, KerjasamaError, Settings
from models.errors import (
    ExtractorCrashError,
    FilingFailedError,
    UnreadableFileError,
    error_for_code,
)
from service.registry import FileResult, Registry

log = logging.getLogger("kerjasama.consume")


@dataclass
class Context:
    """One file on its way through the stages."""

    name: str
    data: bytes
    settings: Settings
    user: str = "system"
    source: str = "upload"
    sha256: str = ""
    mime: str = ""
    pool: OcrPool | None = None
    cache: PageCache | None = None
    plan: Plan | None = None
    document: Document | None = None
    extraction: Extraction | None = None
    filed: FileResult | None = None
    error: KerjasamaError | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return self.error is not None or self.filed is not None


Stage = Callable[[Context], None]


def preflight(ctx: Context) -> None:
    check_size(len(ctx.data), ctx.settings)
    ctx.mime = sniff_mime(ctx.data)
    ctx.sha256 = ctx.sha256 or hashlib.sha256(ctx.data).hexdigest()  # known: not again


def plan_pages(ctx: Context) -> None:
    """The text layer of every page, and the list of pages OCR must read (``ctx.plan``)."""
    with _fails_the_file(ctx):
        ctx.plan = plan_document(
            ctx.data,
            name=ctx.name,
            settings=ctx.settings,
            sha256=ctx.sha256 or None,
            mime=ctx.mime or None,
        )


def read_pages(ctx: Context) -> None:
    """``plan_pages``, then the OCR pages over ``ctx.pool`` (checkpointed in ``ctx.cache``)."""
    plan_pages(ctx)
    assert ctx.plan is not None
    with _fails_the_file(ctx):
        for _, document in read_plans([ctx.plan], pool=ctx.pool, cache=ctx.cache):
            ctx.plan, ctx.document, ctx.sha256 = None, document, document.sha256


@contextmanager
def _fails_the_file(ctx: Context) -> Iterator[None]:
    """A bug reading one file fails that file (typed), never the worker or the run."""
    try:
        yield
    except KerjasamaError:
        raise
    except Exception as exc:
        log.exception("reading %s crashed", ctx.name)
        raise ExtractorCrashError(f"{type(exc).__name__}: {exc}") from exc


def read_stream(
    contexts: Iterable[Context], *, pool: OcrPool | None, cache: PageCache | None = None
) -> Iterator[Context]:
    """``preflight`` and ``read_pages`` for many files over one pool, yielding each
    context as its pages are read (in the order documents finish) or as it fails.

    The pages of every document in flight share the pool: one document's pages
    spread over all workers and the next document starts on a worker the moment
    one is free, never more Tesseracts than workers. A file is planned only when a
    worker is free for its pages, so a long run holds only the few documents in
    flight (the backfill, ``kerjasama extract`` with several files)."""
    failed: deque[Context] = deque()
    owner: dict[int, Context] = {}

    def plans() -> Iterator[Plan]:
        for ctx in contexts:
            run(ctx, (preflight, plan_pages))
            if ctx.error is not None or ctx.plan is None:
                failed.append(ctx)
                continue
            owner[id(ctx.plan)] = ctx
            yield ctx.plan

    try:
        for plan, document in read_plans(plans(), pool=pool, cache=cache):
            while failed:
                yield failed.popleft()
            ctx = owner.pop(id(plan))
            ctx.plan, ctx.document, ctx.sha256 = None, document, document.sha256
            yield ctx
    except KerjasamaError:
        raise
    except Exception as exc:  # the pool itself broke: what is in flight fails, typed
        log.exception("reading crashed")
        for ctx in owner.values():
            ctx.error = ExtractorCrashError(f"{type(exc).__name__}: {exc}")
            failed.append(ctx)
        owner.clear()
    while failed:
        yield failed.popleft()


def extract_files(
    paths: Sequence[Path], *, settings: Settings, pool: OcrPool | None
) -> Iterator[Context]:
    """``kerjasama extract``: the reading stages and the rules for each file, their
    pages over one pool; yielded in the order given (a file read early waits)."""
    position: dict[int, int] = {}

    def contexts() -> Iterator[Context]:
        for i, path in enumerate(paths):
            ctx = Context(name=path.name, data=b"", settings=settings)
            position[id(ctx)] = i
            try:
                ctx.data = path.read_bytes()
            except OSError as exc:
                ctx.error = UnreadableFileError(str(exc))
            yield ctx

    waiting: dict[int, Context] = {}
    following = 0
    for ctx in read_stream(contexts(), pool=pool):
        run(ctx, (apply_rules,))
        waiting[position.pop(id(ctx))] = ctx
        while following in waiting:
            yield waiting.pop(following)
            following += 1


def apply_rules(ctx: Context) -> None:
    assert ctx.document is not None
    try:
        ctx.extraction = extract_document(ctx.document, ctx.settings)
    except KerjasamaError:
        raise
    except Exception as exc:  # a bug in one rule must fail the file, not the worker
        log.exception("the rules crashed on %s", ctx.name)
        raise ExtractorCrashError(f"{type(exc).__name__}: {exc}") from exc
    ctx.extraction.seconds = round(sum(ctx.seconds.values()) + ctx.extraction.seconds, 4)


def run(ctx: Context, stages: Iterable[Stage]) -> Context:
    """Run stages in order until one fails or the file is answered; never raises
    a ``KerjasamaError`` (it lands in ``ctx.error``)."""
    for stage in stages:
        if ctx.done:
            break
        started = time.perf_counter()
        try:
            stage(ctx)
        except KerjasamaError as exc:
            ctx.error = exc
        ctx.seconds[stage.__name__] = round(time.perf_counter() - started, 4)
    return ctx


READ: tuple[Stage, ...] = (read_pages, apply_rules)
"""What a worker process runs (no registry there)."""


class Filer:
    """The registry side of the pipeline: ``check_filed``, ``file``,
    ``record_failure``. Only the registry's single writer holds one."""

    def __init__(
        self,
        registry: Registry,
        *,
        settings: Settings | None = None,
        forget_pages: Callable[[str], None] | None = None,
    ) -> None:
        self.registry = registry
        self.settings = settings or Settings()
        self.forget_pages = forget_pages

    def check_filed(self, ctx: Context) -> None:
        ctx.filed = self.registry.find_file(ctx.sha256)

    def file(self, ctx: Context) -> None:
        assert ctx.document is not None and ctx.extraction is not None
        try:
            ctx.filed = self.registry.file_document(
                ctx.data, ctx.name, ctx.document, ctx.extraction, user=ctx.user, source=ctx.source
            )
        except KerjasamaError:
            raise
        except Exception as exc:  # a filing bug must fail this file, not the run
            log.exception("filing %s failed", ctx.name)
            raise FilingFailedError(f"{type(exc).__name__}: {exc}") from exc
        if self.forget_pages is not None:
            self.forget_pages(ctx.sha256)  # the pages are in the registry now

    def record_failure(self, ctx: Context) -> None:
        if ctx.error is None or not ctx.sha256:
            return
        try:
            self.registry.record_failure(ctx.sha256, ctx.name, ctx.error.code, ctx.error.message)
        except Exception:  # the caller still reports the failure; the row is a nicety
            log.exception("could not record the failure of %s", ctx.name)

    def consume(self, ctx: Context) -> Context:
        """The whole pipeline in one process (CLI, tests, a bench run)."""
        run(ctx, (preflight, self.check_filed, *READ, self.file))
        self.record_failure(ctx)
        return ctx


class ReadResult(BaseModel):
    """What a worker hands back to the single writer (through the queue, as JSON)."""

    document: Document | None = None
    extraction: Extraction | None = None
    error: str | None = None
    message: str | None = None
    worker: str = ""
    seconds: float = 0.0

    @classmethod
    def of(cls, ctx: Context) -> ReadResult:
        return cls(
            document=ctx.document if ctx.error is None else None,
            extraction=ctx.extraction if ctx.error is None else None,
            error=ctx.error.code if ctx.error else None,
            message=ctx.error.message if ctx.error else None,
            worker=f"{socket.gethostname()}:{os.getpid()}",
            seconds=round(sum(ctx.seconds.values()), 4),
        )

    def into(self, ctx: Context) -> Context:
        """Put a worker's result into the writer's context for ``file``."""
        if self.error is not None:
            ctx.error = error_for_code(self.error, self.message or "")
        else:
            ctx.document, ctx.extraction = self.document, self.extraction
        return ctx
