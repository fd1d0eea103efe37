"""Typed records shared by every part of Registri Kerja Sama.

The extractor produces them, the service stores and serves them; nothing in
this package imports from ``extractor`` or ``service`` so the arrows stay one
way (service -> extractor -> models).
"""

from models.document import Box, Document, Line, Page, PageMethod, PageRaster, Word
from models.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedPdfError,
    ExtractionError,
    FileTooLargeError,
    ImageTooLargeError,
    KerjasamaError,
    NotFoundError,
    OcrTimeoutError,
    TooManyPagesError,
    UnsupportedFileTypeError,
)
from models.extraction import (
    FIELD_NAMES,
    DocType,
    Duration,
    DurationUnit,
    Evidence,
    Extraction,
    Party,
    PartyKind,
)
from models.settings import Settings, get_settings

__all__ = [
    "FIELD_NAMES",
    "Box",
    "CorruptFileError",
    "DocType",
    "Document",
    "Duration",
    "DurationUnit",
    "EmptyFileError",
    "EncryptedPdfError",
    "Evidence",
    "Extraction",
    "ExtractionError",
    "FileTooLargeError",
    "ImageTooLargeError",
    "KerjasamaError",
    "Line",
    "NotFoundError",
    "OcrTimeoutError",
    "Page",
    "PageMethod",
    "PageRaster",
    "Party",
    "PartyKind",
    "Settings",
    "TooManyPagesError",
    "UnsupportedFileTypeError",
    "Word",
    "get_settings",
]
