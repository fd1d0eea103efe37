"""File bytes to a ``Document``: limits, type, text layer, and OCR where needed.

The cheap work (type, limits, text layer of every page) happens here, in the
calling process, and decides which pages need OCR; those pages go to
``extractor.ocr`` (in-process, or spread over an ``OcrPool``). Every way a
file can be bad ends in a typed ``ExtractionError`` subclass, never a crash.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractor.ocr.page import PageTask, run_task
from extractor.pages import pdfplumber_lines, text_layer_lines, text_layer_usable
from extractor.render import image_frame_count, open_pdf, set_pixel_limit
from extractor.sniff import PDF, sniff_mime
from models import Document, Page, Settings, get_settings
from models.errors import EmptyFileError, FileTooLargeError, TooManyPagesError

if TYPE_CHECKING:
    from extractor.ocr.pool import OcrPool

log = logging.getLogger(__name__)

_SCAN_SHARE = 0.75
"""An image covering this share of a page makes its text layer 'a layer over a scan'."""


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
            raise EmptyFileError(f"The file {path.name} cannot be read ({exc}).") from exc
        _check_size(size, settings)
        data = path.read_bytes()
    _check_size(len(data), settings)
    return data


def _check_size(size: int, settings: Settings) -> None:
    if size == 0:
        raise EmptyFileError("The file is empty (0 bytes).")
    if size > settings.max_file_bytes:
        raise FileTooLargeError(
            f"The file is {size / 1_048_576:.1f} MB, over the limit of "
            f"{settings.max_file_bytes / 1_048_576:.1f} MB.",
            detail={"size": size, "limit": settings.max_file_bytes},
        )


def _check_pages(count: int, settings: Settings) -> None:
    if count == 0:
        raise EmptyFileError("The PDF has no pages.")
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


def plan_document(source: Path | bytes, *, name: str | None = None, settings: Settings) -> Plan:
    """Check the file and read its text layer; list the pages that need OCR."""
    data = _read_source(source, settings)
    if name is None:
        name = source.name if isinstance(source, Path) else "upload"
    mime = sniff_mime(data)
    set_pixel_limit(settings.max_image_pixels)
    plan = Plan(
        name=name, sha256=hashlib.sha256(data).hexdigest(), mime=mime, size=len(data), pages=[]
    )
    if mime == PDF:
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
) -> Document:
    """Read a PDF or image file into a ``Document``.

    Without ``pool`` the OCR pages are read one after another in this process
    (the engine stays loaded for the next call); with one they spread over its
    workers. Raises ``models.ExtractionError`` subclasses for unreadable files;
    a page that fails OCR (timeout, engine crash) comes back ``failed``.
    """
    settings = settings or get_settings()
    plan = plan_document(source, name=name, settings=settings)
    if pool is not None:
        for _, document in pool.read_pages([plan]):
            return document
    for i, task in enumerate(plan.tasks):
        plan.accept(i, run_task(task))
    return plan.document()
