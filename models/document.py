"""What the ingest stage hands to the rules: pages of text with geometry.

Coordinates are in PDF points (1/72 inch) from the top-left corner of the page,
whatever the page was read from, so that evidence boxes from a text layer and
from OCR can be drawn over the same page image by the review pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

PageMethod = Literal["text", "ocr", "empty", "failed"]
"""How a page was read: its text layer, OCR, nothing to read, or OCR failed
(timeout, engine crash). ``failed`` pages keep their ``error`` message."""


class Box(BaseModel):
    """An axis-aligned rectangle in points, top-left origin."""

    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: Box) -> Box:
        return Box(
            x0=min(self.x0, other.x0),
            top=min(self.top, other.top),
            x1=max(self.x1, other.x1),
            bottom=max(self.bottom, other.bottom),
        )


class Word(BaseModel):
    text: str
    box: Box
    conf: float = Field(1.0, ge=0.0, le=1.0, description="1.0 for a text layer")


class Line(BaseModel):
    """One line in reading order; ``words`` may be empty for plain text."""

    text: str
    box: Box | None = None
    words: list[Word] = Field(default_factory=list)


@dataclass(frozen=True)
class PageRaster:
    """The greyscale image OCR read (upright, levelled, flattened), kept for a second look.

    Plain bytes and numbers so that a ``Page`` stays picklable across the OCR
    process pool and ``models`` needs no imaging library. ``to_pixels`` is the
    row-major 3x3 affine map from page points to pixels of this image, so an
    evidence box (points) can be cropped without rendering the page again.
    """

    pixels: bytes
    width: int
    height: int
    dpi: float
    to_pixels: tuple[float, ...]

    def box_to_pixels(self, box: Box) -> tuple[int, int, int, int]:
        """Bounding rectangle (x0, y0, x1, y1) in pixels of a box in points, clipped."""
        m = self.to_pixels
        xs, ys = [], []
        for x, y in (
            (box.x0, box.top),
            (box.x1, box.top),
            (box.x0, box.bottom),
            (box.x1, box.bottom),
        ):
            xs.append(m[0] * x + m[1] * y + m[2])
            ys.append(m[3] * x + m[4] * y + m[5])
        x0 = max(0, int(min(xs)))
        y0 = max(0, int(min(ys)))
        x1 = min(self.width, int(max(xs)) + 1)
        y1 = min(self.height, int(max(ys)) + 1)
        return x0, y0, x1, y1

    def crop(self, box: Box) -> PixelCrop | None:
        """The pixels under a box in points (clipped); None when under 4 pixels a side.

        A page restored from an OCR checkpoint has no pixels kept: its raster
        (``extractor.render.RegionRaster``) renders just this box instead."""
        x0, y0, x1, y1 = self.box_to_pixels(box)
        if x1 - x0 < 4 or y1 - y0 < 4:
            return None
        rows = b"".join(
            self.pixels[y * self.width + x0 : y * self.width + x1] for y in range(y0, y1)
        )
        return PixelCrop(pixels=rows, width=x1 - x0, height=y1 - y0)


@dataclass(frozen=True)
class PixelCrop:
    """Greyscale pixels, row-major, one byte each."""

    pixels: bytes
    width: int
    height: int


class Page(BaseModel):
    number: int = Field(..., ge=1, description="1-based page number in the file")
    width: float = Field(..., description="points")
    height: float = Field(..., description="points")
    method: PageMethod
    lines: list[Line] = Field(default_factory=list)
    rotation: int = Field(0, description="degrees turned before OCR (0/90/180/270)")
    skew: float = Field(0.0, description="degrees of small-angle deskew applied")
    ocr_confidence: float | None = Field(None, description="mean word confidence 0..1")
    seconds: float = 0.0
    error: str | None = None
    raster: PageRaster | None = Field(
        None,
        exclude=True,
        description="the image OCR read, for the second look; never serialised",
    )

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class Document(BaseModel):
    """A file read into pages: the single input of the rules stage."""

    file: str = Field(..., description="name the file was given (display only)")
    sha256: str
    mime: str
    size: int
    pages: list[Page]

    @property
    def text(self) -> str:
        return "\n\f\n".join(page.text for page in self.pages)

    @property
    def ocr_pages(self) -> int:
        return sum(1 for page in self.pages if page.method == "ocr")
