"""File bytes to a ``Document``: limits, type, text layer, and OCR where needed.

The cheap work (type, limits, text layer of every page) happens here, in the
calling process, and decides which pages need OCR; those pages go to
``extractor.ocr`` (in-process, or spread over an ``OcrPool``, which knows only
page tasks -> pages: the planning of documents stays here). Pages already read
by an earlier, interrupted run come from a ``PageCache`` (checkpoints keyed by
file sha256, page and OCR settings) so a killed run goes on from the page it
stopped at. Every way a file can be bad ends in a typed ``ExtractionError``
subclass, never a crash.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractor import __version__
from extractor.ocr.page import PageTask, run_task
from extractor.ocr.pool import OcrPool
from extractor.ocr.region import restored_raster
from extractor.pages import pdfplumber_lines, text_layer_lines, text_layer_usable
from extractor.render import PDFIUM_LOCK, image_frame_count, open_pdf, set_pixel_limit
from extractor.sniff import PDF, sniff_mime
from models import Document, Page, Settings, get_settings
from models.errors import EmptyFileError, FileTooLargeError, KerjasamaError, TooManyPagesError

log = logging.getLogger(__name__)

_SCAN_SHARE = 0.75
"""An image covering this share of a page makes its text layer 'a layer over a scan'."""
_TASKS_PER_PLAN = 100_000
"""Page job ids are ``plan number * this + task number`` (more than any page limit)."""


class PageCache(Protocol):
    """Where read pages are kept until their document is filed (``service.checkpoints``)."""

    def get(self, key: str) -> Page | None: ...

    def put(self, key: str, sha256: str, page: Page) -> None: ...


def checkpoint_key(task: PageTask) -> str:
    """A page read with other OCR settings (or another extractor) is another page."""
    s = task.settings
    return ":".join(
        str(part)
        for part in (
            task.key,
            task.index,
            __version__,
            s.ocr_engine,
            s.ocr_languages,
            s.ocr_dpi,
            int(s.ocr_flat_field),
            int(s.ocr_deskew),
            s.tessdata_dir,
        )
    )


@dataclass
class Plan:
    """A document half read: text pages done, OCR pages still to do."""

    name: str
    sha256: str
    mime: str
    size: int
    pages: list[Page | None]
    tasks: list[PageTask] = field(default_factory=list)

    sizes: dict[int, tuple[float, float]] = field(default_factory=dict)
    """Page sizes in points known before OCR, for pages that fail before they are measured."""

    def accept(self, task_no: int, page: Page) -> None:
        index = self.tasks[task_no].index
        if not page.width and index in self.sizes:
            width, height = self.sizes[index]
            page = page.model_copy(update={"width": round(width, 2), "height": round(height, 2)})
        self.pages[index] = page

    def document(self) -> Document:
        missing = [i + 1 for i, p in enumerate(self.pages) if p is None]
        if missing:  # pragma: no cover - every task yields a page
            raise RuntimeError(f"pages {missing} were never read")
        return Document(
            file=self.name,
            sha256=self.sha256,
            mime=self.mime,
            size=self.size,
            pages=[p for p in self.pages if p is not None],
        )


def _read_source(source: Path | bytes, settings: Settings) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        path = Path(source)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise EmptyFileError(f"Berkas {path.name} tidak dapat dibaca ({exc}).") from exc
        check_size(size, settings)
        data = path.read_bytes()
    check_size(len(data), settings)
    return data


def check_size(size: int, settings: Settings) -> None:
    if size == 0:
        raise EmptyFileError("Berkas kosong (0 bita).")
    if size > settings.max_file_bytes:
        raise FileTooLargeError(
            f"The file is {size / 1_048_576:.1f} MB, over the limit of "
            f"{settings.max_file_bytes / 1_048_576:.1f} MB.",
            detail={"size": size, "limit": settings.max_file_bytes},
        )


def _check_pages(count: int, settings: Settings) -> None:
    if count == 0:
        raise EmptyFileError("PDF ini tidak punya halaman.")
    if count > settings.max_pages:
        raise TooManyPagesError(
            f"The file has {count} pages, more than the limit of {settings.max_pages}.",
            detail={"pages": count, "limit": settings.max_pages},
        )


def _covered_by_image(page: pdfium.PdfPage) -> tuple[bool, bool]:
    """(page has any content, one image covers most of it) from pdfium's object list."""
    if pdfium_c.FPDFPage_CountObjects(page.raw) <= 0:
        return False, False
    width, height = page.get_size()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (top - bottom) >= _SCAN_SHARE * width * height:
            return True, True
    return True, False


def _plan_pdf(plan: Plan, data: bytes, settings: Settings) -> None:
    pdf = open_pdf(data)
    try:
        count = len(pdf)
        _check_pages(count, settings)
        plan.pages = [None] * count
        for index in range(count):
            started = time.perf_counter()
            page = pdf[index]
            has_content, over_scan = _covered_by_image(page)
            width, height = page.get_size()
            if page.get_rotation() % 180:
                width, height = height, width
            lines = []
            try:
                if settings.text_layer_engine == "pdfplumber":
                    lines = pdfplumber_lines(data, index)
                else:
                    lines = text_layer_lines(page)
            except Exception as exc:  # a broken text layer: read the page by OCR
                log.warning("text layer of %s page %d unreadable: %s", plan.name, index + 1, exc)
            text = "\n".join(line.text for line in lines)
            usable, share = text_layer_usable(text, over_scan=over_scan)
            if usable:
                plan.pages[index] = Page(
                    number=index + 1,
                    width=round(width, 2),
                    height=round(height, 2),
                    method="text",
                    lines=lines,
                    seconds=round(time.perf_counter() - started, 4),
                )
            elif not has_content:
                plan.pages[index] = Page(
                    number=index + 1,
                    width=round(width, 2),
                    height=round(height, 2),
                    method="empty",
                )
            else:
                plan.sizes[index] = (width, height)
                if text:
                    log.info(
                        "%s page %d: text layer rejected (known-word share %.2f), OCR",
                        plan.name,
                        index + 1,
                        share,
                    )
                plan.tasks.append(
                    PageTask(key=plan.sha256, data=data, mime=PDF, index=index, settings=settings)
                )
    finally:
        pdf.close()


def plan_document(
    source: Path | bytes,
    *,
    name: str | None = None,
    settings: Settings,
    sha256: str | None = None,
    mime: str | None = None,
) -> Plan:
    """Check the file and read its text layer; list the pages that need OCR.

    ``sha256`` and ``mime`` come from a caller that checked the bytes already
    (the consume pipeline's preflight), so they are hashed and sniffed once."""
    data = _read_source(source, settings)
    if name is None:
        name = source.name if isinstance(source, Path) else "upload"
    mime = mime or sniff_mime(data)
    set_pixel_limit(settings.max_image_pixels)
    plan = Plan(
        name=name,
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        mime=mime,
        size=len(data),
        pages=[],
    )
    if mime == PDF:
        with PDFIUM_LOCK:  # a backfill plans in one thread and crops in another
            _plan_pdf(plan, data, settings)
    else:
        count = image_frame_count(data, settings.max_image_pixels)
        _check_pages(count, settings)
        plan.pages = [None] * count
        plan.tasks = [
            PageTask(key=plan.sha256, data=data, mime=mime, index=i, settings=settings)
            for i in range(count)
        ]
    return plan


def read_document(
    source: Path | bytes,
    *,
    name: str | None = None,
    settings: Settings | None = None,
    pool: OcrPool | None = None,
    cache: PageCache | None = None,
    sha256: str | None = None,
    mime: str | None = None,
) -> Document:
    """Read a PDF or image file into a ``Document``.

    Without ``pool`` the OCR pages are read one after another in this process
    (the engine stays loaded for the next call); with one they spread over its
    workers (both cores on one document). Raises ``models.ExtractionError``
    subclasses for unreadable files; a page that fails OCR (timeout, engine
    crash, a hung worker killed) comes back ``failed``.
    """
    settings = settings or get_settings()
    plan = plan_document(source, name=name, settings=settings, sha256=sha256, mime=mime)
    for _, document in read_plans([plan], pool=pool, cache=cache):
        return document
    raise RuntimeError("read_plans yielded no document")  # pragma: no cover


def read_plans(
    plans: Iterable[Plan], *, pool: OcrPool | None = None, cache: PageCache | None = None
) -> Iterator[tuple[Plan, Document]]:
    """Finish plans by OCR of their other pages; yields documents as they finish.

    The next plan is taken only when a worker is free, and a plan with nothing
    left to read (a digital file, or every page checkpointed) is yielded at
    once, so a long run holds only the documents whose pages are in flight.
    Checkpointed pages are taken from ``cache``; each page read is put there
    as soon as it is read (a failed page is not: a later run tries it again)."""
    open_plans: dict[int, tuple[Plan, list[int]]] = {}

    def todo_of(plan: Plan) -> list[int]:
        todo = []
        for i, task in enumerate(plan.tasks):
            cached = cache.get(checkpoint_key(task)) if cache is not None else None
            if cached is not None:
                plan.accept(
                    i, restored_raster(cached, task.data, task.mime, task.index, task.settings)
                )
            else:
                todo.append(i)
        return todo

    def accept(tid: int, page: Page) -> Plan | None:
        pid, i = divmod(tid, _TASKS_PER_PLAN)
        plan, todo = open_plans[pid]
        plan.accept(i, page)
        if cache is not None and page.method != "failed":
            cache.put(checkpoint_key(plan.tasks[i]), plan.sha256, page)
        todo.remove(i)
        if todo:
            return None
        del open_plans[pid]
        return plan

    if pool is None:  # in this process, one page after another
        for plan in plans:
            for i in todo_of(plan):
                page = run_task(plan.tasks[i])
                plan.accept(i, page)
                if cache is not None and page.method != "failed":
                    cache.put(checkpoint_key(plan.tasks[i]), plan.sha256, page)
            yield plan, plan.document()
        return

    with pool.stream() as stream:
        for pid, plan in enumerate(plans):
            todo = todo_of(plan)
            if not todo:
                yield plan, plan.document()
                continue
            open_plans[pid] = (plan, list(todo))
            for i in todo:
                while not stream.free():
                    for tid, page in stream.collect():
                        finished = accept(tid, page)
                        if finished is not None:
                            yield finished, finished.document()
                stream.submit(pid * _TASKS_PER_PLAN + i, plan.tasks[i])
            for tid, page in stream.collect(block=False):  # hand finished documents on now
                finished = accept(tid, page)
                if finished is not None:
                    yield finished, finished.document()
        while stream.busy():
            for tid, page in stream.collect():
                finished = accept(tid, page)
                if finished is not None:
                    yield finished, finished.document()


def read_many(
    paths: Iterable[Path | str], *, pool: OcrPool, settings: Settings | None = None
) -> Iterator[tuple[str, Document | KerjasamaError]]:
    """Read many files with the pages of all of them spread over the pool.

    Yields ``(name, Document)`` as documents finish (not in input order), or
    ``(name, error)`` for a file that cannot be read.
    """
    settings = settings or get_settings()
    failures: deque[tuple[str, KerjasamaError]] = deque()

    def plans() -> Iterator[Plan]:
        for path in paths:
            path = Path(path)
            try:
                yield plan_document(path, name=str(path), settings=settings)
            except KerjasamaError as exc:
                failures.append((str(path), exc))

    for plan, document in read_plans(plans(), pool=pool):
        while failures:
            yield failures.popleft()
        yield plan.name, document
    while failures:
        yield failures.popleft()
