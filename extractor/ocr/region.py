"""Page images for pages restored from an OCR checkpoint, rendered one box at a time.

A page read by OCR carries the image Tesseract read (``Page.raster``) to the
second look, which crops the evidence of weak fields from it. A page taken
from a checkpoint (a resumed backfill or job) has only its text and boxes:
the pixels are never stored. Rendering the whole page again for a crop or two
would read every restored page twice, so ``RegionRaster`` renders only the box
asked for, at the resolution OCR read the page at, turned and levelled as OCR
turned it (``Page.rotation``, ``Page.skew``). The crop is the grey page without
the flat-field step OCR applied to grey photos; the second look binarises its
crops itself (Otsu and adaptive), which is what that step was for. Nothing is
rendered on the normal path, where the page keeps the image OCR read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extractor.ocr.page import MIN_SKEW
from extractor.ocr.preprocess import rotate
from extractor.render import PDFIUM_LOCK, image_dpi, image_page, ocr_dpi, open_pdf
from extractor.sniff import PDF
from models import Box, Page, PageRaster, Settings
from models.document import PixelCrop


@dataclass(frozen=True)
class RegionRaster(PageRaster):
    """A ``PageRaster`` without pixels: ``crop`` renders the box from the file."""

    data: bytes = b""
    mime: str = PDF
    index: int = 0
    """0-based page index in the file."""
    rotation: int = 0
    skew: float = 0.0
    max_pixels: int = 0

    def crop(self, box: Box) -> PixelCrop | None:
        x0, y0, x1, y1 = self.box_to_pixels(box)
        if x1 - x0 < 4 or y1 - y0 < 4:
            return None
        try:
            arr = self._render(x0, y0, x1, y1)
        except Exception:  # a crop that cannot be rendered is a crop the second look skips
            return None
        k = (self.rotation // 90) % 4
        if k:
            arr = np.ascontiguousarray(np.rot90(arr, k))
        if abs(self.skew) >= MIN_SKEW:
            arr = rotate(arr, self.skew)
        height, width = arr.shape
        return PixelCrop(pixels=arr.tobytes(), width=int(width), height=int(height))

    def _render(self, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
        if self.mime != PDF:
            image = image_page(self.data, self.index, self.max_pixels).image
            return np.asarray(image.crop((x0, y0, x1, y1)).convert("L"))
        scale = self.dpi / 72.0
        with PDFIUM_LOCK:
            pdf = open_pdf(self.data)
            try:
                page = pdf[self.index]
                width, height = page.get_size()
                if page.get_rotation() % 180:
                    width, height = height, width
                crop = (  # points cut off the page: left, bottom, right, top (after /Rotate)
                    x0 / scale,
                    max(0.0, height - y1 / scale),
                    max(0.0, width - x1 / scale),
                    y0 / scale,
                )
                bitmap = page.render(scale=scale, grayscale=True, crop=crop)
                return np.asarray(bitmap.to_pil().convert("L"))
            finally:
                pdf.close()


def restored_raster(page: Page, data: bytes, mime: str, index: int, settings: Settings) -> Page:
    """``page`` (from a checkpoint) with a raster that renders second-look crops on demand."""
    if page.method != "ocr" or page.raster is not None or not data:
        return page
    try:
        if mime == PDF:
            with PDFIUM_LOCK:
                pdf = open_pdf(data)
                try:
                    dpi = ocr_dpi(
                        pdf[index], dpi=settings.ocr_dpi, max_pixels=settings.max_image_pixels
                    )
                finally:
                    pdf.close()
        else:
            dpi = image_dpi(data, index, settings.max_image_pixels)
    except Exception:  # the page reads as it was stored; only the second look goes without
        return page
    scale = dpi / 72.0
    raster = RegionRaster(
        pixels=b"",
        width=max(1, round(page.width * scale)),
        height=max(1, round(page.height * scale)),
        dpi=float(dpi),
        to_pixels=(scale, 0.0, 0.0, 0.0, scale, 0.0, 0.0, 0.0, 1.0),
        data=data,
        mime=mime,
        index=index,
        rotation=page.rotation,
        skew=page.skew,
        max_pixels=settings.max_image_pixels,
    )
    return page.model_copy(update={"raster": raster})
