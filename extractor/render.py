"""Page images: what OCR reads and what the review pages show.

A scanned PDF page is usually one embedded image; taking that image out at its
own resolution is faster than rendering and never adds a second lossy
encoding. Everything else (vector pages, several images, turned pages) is
rendered with pdfium. Images without DPI metadata get a DPI estimated from the
paper they were most likely scanned from, because Tesseract's idea of text
size (and our boxes in points) depends on it.
"""

from __future__ import annotations

import io
import math
import re
import threading
import warnings
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageOps

from extractor.sniff import IMAGE_TYPES, PDF, sniff_mime
from models import get_settings
from models.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedPdfError,
    ExtractionError,
    ImageTooLargeError,
    UnsupportedFileTypeError,
)

# Long side / short side of the paper sizes agreements are printed on, in inches.
_A4 = (8.27, 11.69)
_F4 = (8.46, 12.99)
_MIN_TRUSTED_DPI = 100
"""Phones write 72 (or 96) dpi into photos of pages; that is no scan resolution."""

_NO_PAGES = re.compile(rb"/Count\s*0\b")
_SOME_PAGES = re.compile(rb"/Count\s*[1-9]")

_DOMINANT_SHARE = 0.75
"""An image covering this share of the page is the page (a scan)."""


@dataclass
class PageImage:
    """A greyscale page image and where its pixels sit on the page (in points)."""

    image: Image.Image
    dpi: float
    page_width: float
    page_height: float
    x0: float = 0.0
    top: float = 0.0
    scale_x: float = 1.0
    """Points per pixel, horizontally and vertically."""
    scale_y: float = 1.0
    source: str = "render"
    """``embedded`` (image taken out of the PDF), ``render`` or ``image`` (an image file)."""


def set_pixel_limit(max_pixels: int) -> None:
    """PIL raises its own bomb error at twice its limit; ours is checked before decoding."""
    Image.MAX_IMAGE_PIXELS = max_pixels


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """Open a PDF with pdfium, turning its error codes into typed errors."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        text = str(exc)
        if _NO_PAGES.search(data) and not _SOME_PAGES.search(data):
            # pdfium refuses a page tree without pages (as a format or password error)
            raise EmptyFileError("PDF ini tidak punya halaman.") from exc
        if "password" in text.lower():
            raise EncryptedPdfError(
                "PDF ini dilindungi kata sandi (terenkripsi); unggah salinan tanpa kata sandi."
            ) from exc
        raise CorruptFileError(
            "PDF ini rusak atau terpotong dan tidak dapat dibuka.",
            detail={"pdfium": text},
        ) from exc


def check_pixels(width: int, height: int, max_pixels: int) -> None:
    if width * height > max_pixels:
        raise ImageTooLargeError(
            f"The image is {width}×{height} pixels ({width * height:,}), over the limit of "
            f"{max_pixels:,} pixels; scan at a lower resolution (300 dpi is enough).",
            detail={"width": width, "height": height, "limit": max_pixels},
        )


def estimate_dpi(width_px: int, height_px: int) -> float:
    """DPI of a page image without metadata, assuming A4 or F4 paper by aspect ratio.

    Phone photos and cropped scans are the usual case; both papers are common
    in Indonesian offices and differ by aspect (1.41 vs 1.54).
    """
    short, long = sorted((width_px, height_px))
    if short == 0:
        return 300.0
    aspect = long / short
    paper = _F4 if abs(aspect - _F4[1] / _F4[0]) < abs(aspect - _A4[1] / _A4[0]) else _A4
    return max(50.0, min(1200.0, long / paper[1]))


def _image_dpi(img: Image.Image) -> float | None:
    dpi = img.info.get("dpi")
    if isinstance(dpi, tuple) and dpi and dpi[0]:
        value = float(dpi[0])
        if value >= _MIN_TRUSTED_DPI:
            return value
    return None


def open_image(data: bytes, max_pixels: int) -> Image.Image:
    """Open an image file lazily (header only), enforcing the pixel limit first."""
    set_pixel_limit(max_pixels)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageTooLargeError(
            f"The image is over the limit of {max_pixels:,} pixels and too large to read "
            f"safely ({exc}); scan at a lower resolution (300 dpi is enough).",
            detail={"limit": max_pixels},
        ) from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise CorruptFileError(f"Berkas gambar rusak dan tidak dapat dibuka ({exc}).") from exc
    check_pixels(img.width, img.height, max_pixels)
    return img


def image_dpi(data: bytes, index: int, max_pixels: int) -> float:
    """The resolution ``image_page`` reads frame ``index`` at, from the header only."""
    img = open_image(data, max_pixels)
    if index:
        img.seek(index)
    width, height = img.size
    if (img.getexif().get(0x0112) or 1) in (5, 6, 7, 8):  # EXIF turns it a quarter
        width, height = height, width
    return _image_dpi(img) or estimate_dpi(width, height)


def image_frame_count(data: bytes, max_pixels: int) -> int:
    """Frames in an image file; decodes the first one so that a truncated file fails here,
    with a typed error, rather than as a failed page later."""
    img = open_image(data, max_pixels)
    try:
        count = int(getattr(img, "n_frames", 1))
        img.load()
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise CorruptFileError(
            "Gambar ini rusak atau terpotong.", detail={"pillow": str(exc)}
        ) from exc
    return count


def image_page(data: bytes, index: int, max_pixels: int) -> PageImage:
    """Frame ``index`` (0-based) of an image file as a greyscale page."""
    img = open_image(data, max_pixels)
    try:
        if index:
            img.seek(index)
        check_pixels(img.width, img.height, max_pixels)
        dpi = _image_dpi(img)
        img.load()
        img = ImageOps.exif_transpose(img) or img
        grey = img.convert("L")
    except ExtractionError:
        raise
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise CorruptFileError(
            "Gambar ini rusak atau terpotong.", detail={"pillow": str(exc)}
        ) from exc
    dpi = dpi or estimate_dpi(grey.width, grey.height)
    scale = 72.0 / dpi
    return PageImage(
        image=grey,
        dpi=dpi,
        page_width=grey.width * scale,
        page_height=grey.height * scale,
        scale_x=scale,
        scale_y=scale,
        source="image",
    )


def _dominant_image(page: pdfium.PdfPage) -> pdfium.PdfImage | None:
    """The one upright image that covers most of the page, if there is one."""
    if page.get_rotation() % 360:
        return None
    width, height = page.get_size()
    best = None
    best_area = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1):
        m = obj.get_matrix()
        if abs(m.b) > 1e-6 or abs(m.c) > 1e-6 or m.a <= 0 or m.d <= 0:
            continue
        left, bottom, right, top = obj.get_bounds()
        area = max(0.0, min(right, width) - max(left, 0.0)) * max(
            0.0, min(top, height) - max(bottom, 0.0)
        )
        if area > best_area:
            best, best_area = obj, area
    if best is None or best_area < _DOMINANT_SHARE * width * height:
        return None
    return best


def _native_dpi(obj: pdfium.PdfImage) -> float:
    px_w, _ = obj.get_px_size()
    left, _, right, _ = obj.get_bounds()
    return float(px_w / max((right - left) / 72.0, 1e-6))


def ocr_dpi(page: pdfium.PdfPage, *, dpi: int, max_pixels: int) -> float:
    """The resolution ``pdf_page_image`` reads this page at, without decoding it."""
    obj = _dominant_image(page)
    if obj is not None:
        px_w, px_h = obj.get_px_size()
        native = _native_dpi(obj)
        if px_w * px_h <= max_pixels and native >= 150:
            return dpi if native > dpi * 1.3 else native
    width, height = page.get_size()
    return bounded_scale(width, height, dpi / 72.0, max_pixels) * 72.0


def pdf_page_image(pdf: pdfium.PdfDocument, index: int, *, dpi: int, max_pixels: int) -> PageImage:
    """Page ``index`` (0-based) as a greyscale image for OCR.

    The embedded scan is used as it is when its resolution is between 150 dpi
    and 1.3 × ``dpi`` (resampling a 200-dpi scan to 300 dpi adds no detail but
    more than doubles Tesseract's time); larger ones are scaled down to ``dpi``.
    """
    page = pdf[index]
    width, height = page.get_size()
    obj = _dominant_image(page)
    if obj is not None:
        px_w, px_h = obj.get_px_size()
        left, bottom, right, top = obj.get_bounds()
        native = _native_dpi(obj)
        if px_w * px_h <= max_pixels and native >= 150:
            try:
                img = obj.get_bitmap(render=False).to_pil().convert("L")
            except (pdfium.PdfiumError, OSError, ValueError):
                img = None
            if img is not None and img.size == (px_w, px_h):
                if native > dpi * 1.3:
                    factor = dpi / native
                    img = img.resize(
                        (round(px_w * factor), round(px_h * factor)), Image.Resampling.BOX
                    )
                    native = dpi
                return PageImage(
                    image=img,
                    dpi=native,
                    page_width=width,
                    page_height=height,
                    x0=left,
                    top=height - top,
                    scale_x=(right - left) / img.width,
                    scale_y=(top - bottom) / img.height,
                    source="embedded",
                )
    scale = dpi / 72.0
    if width * scale * height * scale > max_pixels:
        scale = (max_pixels / (width * height)) ** 0.5
    img = page.render(scale=scale, grayscale=True).to_pil().convert("L")
    width_r, height_r = page.get_size()
    if page.get_rotation() % 180:
        width_r, height_r = height_r, width_r
    return PageImage(
        image=img,
        dpi=scale * 72.0,
        page_width=width_r,
        page_height=height_r,
        scale_x=width_r / img.width,
        scale_y=height_r / img.height,
    )


def bounded_scale(width: float, height: float, scale: float, max_pixels: int | None) -> float:
    """The scale, lowered so that ``width x height`` (points or pixels) stays under the limit.

    Checked from the page size alone, before anything is rendered or decoded:
    a 14400 pt square page at 100 dpi would otherwise be a 400 megapixel bitmap.
    """
    if max_pixels is None or width <= 0 or height <= 0:
        return scale
    if width * scale * height * scale <= max_pixels:
        return scale
    scale = math.sqrt(max_pixels / (width * height))
    while math.ceil(width * scale) * math.ceil(height * scale) > max_pixels:
        scale *= 0.999  # the renderer rounds the bitmap's sides up
    return scale


PDFIUM_LOCK = threading.RLock()
"""pdfium is not thread-safe: the service renders review images from many request
threads at once (two at a time crashed with a double free), and a backfill plans
documents in its reading thread while its filing thread renders second-look crops.
Every pdfium call outside an OCR worker process holds this lock."""


def page_png(data: bytes, page: int, dpi: int = 110, *, max_pixels: int | None = None) -> bytes:
    """PNG of page ``page`` (1-based) of a stored PDF or image file, for the review pages.

    ``max_pixels`` caps the image: a larger page is drawn at a lower scale.
    """
    mime = sniff_mime(data)
    if mime == PDF:
        with PDFIUM_LOCK:
            pdf = open_pdf(data)
            try:
                if not 1 <= page <= len(pdf):
                    raise ExtractionError(
                        f"Halaman {page} tidak ada (berkas ini {len(pdf)} halaman)."
                    )
                width, height = pdf[page - 1].get_size()
                scale = bounded_scale(width, height, dpi / 72.0, max_pixels)
                img = pdf[page - 1].render(scale=scale).to_pil()
            finally:
                pdf.close()
    elif mime in IMAGE_TYPES:
        limit = get_settings().max_image_pixels
        count = image_frame_count(data, limit)
        if not 1 <= page <= count:
            raise ExtractionError(f"Halaman {page} tidak ada (berkas ini {count} halaman).")
        img = open_image(data, limit)
        img.seek(page - 1)
        factor = dpi / (_image_dpi(img) or estimate_dpi(img.width, img.height))
        factor = bounded_scale(img.width, img.height, factor, max_pixels)
        img = (ImageOps.exif_transpose(img) or img).convert("RGB")
        if factor < 1:
            img = img.resize((round(img.width * factor), round(img.height * factor)))
    else:  # pragma: no cover - sniff_mime raises first
        raise UnsupportedFileTypeError(f"Halaman berkas {mime} tidak dapat ditampilkan.")
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=False)
    return out.getvalue()
