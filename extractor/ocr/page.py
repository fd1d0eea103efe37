"""One page through OCR: a list of named stages over a page context.

Stages: image (taken out of the PDF or the image file) → flat field (grey
photos only) → orientation (only when the page looks turned, or read badly)
→ deskew → Tesseract → lines in reading order, boxes mapped back to points.
Everything here runs inside a worker process (or in-process without a pool);
it never raises for a bad page: the page comes back ``failed`` with the reason.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from itertools import groupby

import numpy as np
import pypdfium2 as pdfium
from PIL import Image

from extractor.ocr import preprocess
from extractor.ocr.engine import OcrEngine, OcrWord, get_engine
from extractor.pages import layout_lines, word_share
from extractor.render import PageImage, image_page, open_pdf, pdf_page_image, set_pixel_limit
from extractor.sniff import PDF
from models import Box, Line, Page, PageRaster, Settings, Word
from models.errors import KerjasamaError, OcrTimeoutError

LOW_CONFIDENCE = 0.6
"""Below this mean word confidence (or few known words) a page may be upside down: ask OSD."""
MIN_SKEW = 0.5
"""Degrees; Tesseract copes with smaller angles itself; rotating a 300-dpi page costs ~30 ms."""
OSD_MIN_CONF = 1.5


@dataclass(frozen=True)
class PageTask:
    """What a worker needs to read one page; the file bytes travel with it."""

    key: str
    """sha256 of the file: workers keep the last opened PDF per key."""
    data: bytes
    """Empty when the worker already holds the file (see ``has_file``)."""
    mime: str
    index: int
    """0-based page index."""
    settings: Settings


@dataclass
class _Context:
    arr: np.ndarray
    dpi: float
    matrix: np.ndarray = field(default_factory=lambda: np.eye(3))
    """Maps pixels of the source page image to pixels of ``arr``."""
    rotation: int = 0
    skew: float = 0.0
    words: list[OcrWord] = field(default_factory=list)

    def turn(self, degrees: int) -> None:
        """Turn the image counter-clockwise by a multiple of 90 degrees."""
        k = (degrees // 90) % 4
        if not k:
            return
        h, w = self.arr.shape
        self.arr = np.ascontiguousarray(np.rot90(self.arr, k))
        step = {
            1: [[0, 1, 0], [-1, 0, w - 1], [0, 0, 1]],
            2: [[-1, 0, w - 1], [0, -1, h - 1], [0, 0, 1]],
            3: [[0, -1, h - 1], [1, 0, 0], [0, 0, 1]],
        }[k]
        self.matrix = np.asarray(step, dtype=np.float64) @ self.matrix

    def level(self, angle: float) -> None:
        import cv2

        h, w = self.arr.shape
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        self.arr = preprocess.rotate(self.arr, angle)
        self.matrix = np.vstack([m, [0, 0, 1]]) @ self.matrix
        self.skew = angle


class _FileCache:
    """The last file a process read: pages of one document arrive one after another,
    so the bytes travel once per worker and the PDF is parsed once."""

    key: str = ""
    data: bytes = b""
    pdf: pdfium.PdfDocument | None = None

    def get(self, task: PageTask) -> tuple[bytes, pdfium.PdfDocument | None]:
        if task.key != self.key:
            if self.pdf is not None:
                self.pdf.close()
            self.key, self.data, self.pdf = task.key, task.data, None
        if task.mime == PDF and self.pdf is None:
            self.pdf = open_pdf(self.data)
        return self.data, self.pdf


_cache = _FileCache()


def has_file(key: str) -> bool:
    return bool(key) and _cache.key == key


def load_page_image(task: PageTask) -> PageImage:
    s = task.settings
    set_pixel_limit(s.max_image_pixels)
    data, pdf = _cache.get(task)
    if pdf is None:
        return image_page(data, task.index, s.max_image_pixels)
    return pdf_page_image(pdf, task.index, dpi=s.ocr_dpi, max_pixels=s.max_image_pixels)


def _recognise(ctx: _Context, engine: OcrEngine, deadline: float) -> None:
    timeout = deadline - time.monotonic()
    if timeout <= 0:
        raise OcrTimeoutError("OCR of the page ran out of its time limit before Tesseract started.")
    ctx.words = engine.words(Image.fromarray(ctx.arr), round(ctx.dpi), timeout)


def _mean_conf(words: list[OcrWord]) -> float:
    weights = sum(len(w.text) for w in words)
    return sum(w.conf * len(w.text) for w in words) / weights if weights else 0.0


def _reads_badly(words: list[OcrWord]) -> bool:
    if not words:
        return False  # a blank page is not an upside-down one
    text = " ".join(w.text for w in words)
    return _mean_conf(words) < LOW_CONFIDENCE or (len(text) > 80 and word_share(text) < 0.4)


def _orient(ctx: _Context, engine: OcrEngine) -> int:
    degrees, conf = engine.orientation(Image.fromarray(ctx.arr), round(ctx.dpi))
    if degrees and conf >= OSD_MIN_CONF:
        ctx.turn(degrees)
        ctx.rotation = (ctx.rotation + degrees) % 360
        return degrees
    return 0


def _lines(ctx: _Context, pimg: PageImage) -> list[Line]:
    """Lay out in the upright image (where rows are rows), then map boxes to the page."""
    units = [
        [
            Word(
                text=w.text,
                box=Box(x0=w.left, top=w.top, x1=w.left + w.width, bottom=w.top + w.height),
                conf=round(w.conf, 3),
            )
            for w in group
        ]
        for _, group in groupby(ctx.words, key=lambda w: w.line)
    ]
    inverse = np.linalg.inv(ctx.matrix)

    def to_page(box: Box) -> Box:
        corners = np.array(
            [
                [box.x0, box.top, 1],
                [box.x1, box.top, 1],
                [box.x0, box.bottom, 1],
                [box.x1, box.bottom, 1],
            ],
            dtype=np.float64,
        ).T
        src = inverse @ corners
        xs = src[0] * pimg.scale_x + pimg.x0
        ys = src[1] * pimg.scale_y + pimg.top
        return Box(
            x0=round(float(xs.min()), 2),
            top=round(float(ys.min()), 2),
            x1=round(float(xs.max()), 2),
            bottom=round(float(ys.max()), 2),
        )

    lines = []
    for line in layout_lines(units):
        words = [w.model_copy(update={"box": to_page(w.box)}) for w in line.words]
        box = words[0].box
        for w in words[1:]:
            box = box.union(w.box)
        lines.append(Line(text=line.text, box=box, words=words))
    return lines


def _raster(ctx: _Context, pimg: PageImage) -> PageRaster:
    """The image Tesseract read, handed on so the second look crops it instead of rendering."""
    points_to_source = np.array(
        [
            [1.0 / pimg.scale_x, 0.0, -pimg.x0 / pimg.scale_x],
            [0.0, 1.0 / pimg.scale_y, -pimg.top / pimg.scale_y],
            [0.0, 0.0, 1.0],
        ]
    )
    m = ctx.matrix @ points_to_source
    h, w = ctx.arr.shape
    return PageRaster(
        pixels=np.ascontiguousarray(ctx.arr, dtype=np.uint8).tobytes(),
        width=int(w),
        height=int(h),
        dpi=float(ctx.dpi),
        to_pixels=tuple(float(v) for v in m.ravel()),
    )


def ocr_page_image(pimg: PageImage, number: int, settings: Settings, started: float) -> Page:
    """Read one page image; ``started`` is when the page's clock started (monotonic)."""
    engine = get_engine(settings.ocr_engine, settings.ocr_languages, settings.tessdata_dir)
    deadline = started + settings.ocr_page_timeout
    ctx = _Context(arr=preprocess.to_array(pimg.image), dpi=pimg.dpi)
    small = preprocess.small_copy(ctx.arr)
    if settings.ocr_flat_field and preprocess.needs_flat_field(small):
        ctx.arr = preprocess.flat_field(ctx.arr, small)
        small = preprocess.small_copy(ctx.arr)
    oriented = False
    if preprocess.looks_sideways(small):
        oriented = True
        if _orient(ctx, engine):
            small = preprocess.small_copy(ctx.arr)
    skew = preprocess.find_skew(small) if settings.ocr_deskew else 0.0
    if abs(skew) >= MIN_SKEW:
        ctx.level(skew)
    _recognise(ctx, engine, deadline)
    if not oriented and _reads_badly(ctx.words) and _orient(ctx, engine):
        _recognise(ctx, engine, deadline)
    lines = _lines(ctx, pimg)
    return Page(
        number=number,
        width=round(pimg.page_width, 2),
        height=round(pimg.page_height, 2),
        method="ocr" if lines else "empty",
        lines=lines,
        rotation=ctx.rotation,
        skew=round(ctx.skew, 2),
        ocr_confidence=round(_mean_conf(ctx.words), 3) if ctx.words else None,
        seconds=round(time.monotonic() - started, 3),
        raster=_raster(ctx, pimg) if lines else None,
    )


def failed_page(number: int, error: str, seconds: float, size: tuple[float, float]) -> Page:
    return Page(
        number=number,
        width=round(size[0], 2),
        height=round(size[1], 2),
        method="failed",
        error=error,
        seconds=round(seconds, 3),
    )


def run_task(task: PageTask) -> Page:
    """Read one page of a file; a page that cannot be read comes back ``failed``."""
    started = time.monotonic()
    number = task.index + 1
    try:
        pimg = load_page_image(task)
    except KerjasamaError as exc:
        return failed_page(number, exc.message, time.monotonic() - started, (0.0, 0.0))
    except Exception as exc:  # pdfium or PIL choking on one page: that page fails
        error = f"The page image could not be read: {type(exc).__name__}: {exc}"
        return failed_page(number, error, time.monotonic() - started, (0.0, 0.0))
    try:
        return ocr_page_image(pimg, number, task.settings, started)
    except KerjasamaError as exc:
        error = exc.message
    except Exception as exc:  # an engine crash must not take the document down
        error = f"OCR failed: {type(exc).__name__}: {exc}"
    return failed_page(
        number, error, time.monotonic() - started, (pimg.page_width, pimg.page_height)
    )
