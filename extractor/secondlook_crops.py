"""Crops of the page image OCR read, cleaned to one line and read again in variants.

The second look's eyes: the evidence box is cut from ``Page.raster`` (nothing is
rendered twice), enlarged, stripped of printed rules and of the neighbouring
lines, and read as one line in three binarisations. Shared by the numbers'
and the names' second look.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from extractor.ocr.engine import LineReading, OcrEngine
from models import Box, Page

SCALE = 2.0
"""Crops are enlarged twice: Tesseract's LSTM reads best at ~30 px x-height."""
PAD = 0.35
"""Padding around the evidence box, as a share of its height."""
RULE_SHARE = 5
"""A run of ink at least a fifth of the crop's width on one row is a rule, not a letter."""


def line_only(part: np.ndarray) -> np.ndarray:
    """The crop with printed rules taken out and cut to the band of the line itself.

    A number filled in by hand sits on a dotted or solid rule, often under the
    heading's double line and over the next 'Nomor' line; read as one line
    (single-line segmentation) Tesseract then reads nothing at all. Long
    horizontal runs of ink are whitened, and the rows are cut where the ink
    around the crop's middle (the box's line) stops.
    """
    h, w = part.shape
    _, ink = cv2.threshold(part, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(20, w // RULE_SHARE), 1))
    rules = cv2.dilate(cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel), np.ones((3, 3), np.uint8))
    out = part.copy()
    out[rules > 0] = 255
    rows = ((ink > 0) & (rules == 0)).sum(axis=1)
    floor = max(1, w // 100)
    top = bottom = h // 2
    while top > 0 and rows[top - 1] > floor:
        top -= 1
    while bottom < h - 1 and rows[bottom + 1] > floor:
        bottom += 1
    if bottom - top < 0.15 * h:  # the middle is a gap (a box off the line): keep it all
        return out
    margin = max(4, h // 25)
    return out[max(0, top - margin) : min(h, bottom + margin + 1)]


def crop(page: Page, box: Box) -> np.ndarray | None:
    raster = page.raster
    if raster is None:
        return None
    pad = PAD * max(1.0, box.bottom - box.top)
    padded = Box(x0=box.x0 - pad, top=box.top - pad, x1=box.x1 + pad, bottom=box.bottom + pad)
    region = raster.crop(padded)  # a page restored from a checkpoint renders only this box
    if region is None:
        return None
    part = np.frombuffer(region.pixels, dtype=np.uint8).reshape(region.height, region.width)
    big = cv2.resize(part, None, fx=SCALE, fy=SCALE, interpolation=cv2.INTER_CUBIC)
    return line_only(big)


def variants(part: np.ndarray) -> list[np.ndarray]:
    """Grey, global Otsu and local (adaptive) binarisation: each fails on different damage."""
    _, otsu = cv2.threshold(part, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    block = max(15, (part.shape[0] // 2) | 1)
    local = cv2.adaptiveThreshold(
        part, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, block, 15
    )
    return [part, otsu, local]


def reread(
    engine: OcrEngine, page: Page, box: Box, chars: str, stop_on_agreement: bool = False
) -> list[LineReading]:
    """The crop read in each variant; with ``stop_on_agreement`` the third is skipped when
    the first two read the same (a clean typed line, the usual case: a third of the cost)."""
    part = crop(page, box)
    if part is None or page.raster is None:
        return []
    dpi = round(page.raster.dpi * SCALE)
    out: list[LineReading] = []
    for v in variants(part):
        if stop_on_agreement and len(out) == 2 and out[0].text and out[0].text == out[1].text:
            break
        out.append(engine.line(Image.fromarray(v), dpi, chars))
    return out
