"""What the ingest stage hands to the rules: pages of text with geometry.

Coordinates are in PDF points (1/72 inch) from the top-left corner of the page,
whatever the page was read from, so that evidence boxes from a text layer and
from OCR can be drawn over the same page image by the review pages.
"""

from __future__ import annotations

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
