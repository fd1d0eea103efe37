"""The generic approach the extractor must beat, scored by the same scorer.

What general document tools do with an agreement: the first date found in the
text (as ``dateparser.search`` would: the first "DD Month YYYY", Indonesian or
English month names), every token after "Nomor", and a keyword for the type
(whichever type keyword comes first in the text). Nothing else is filled, so
fields that are null in the truth score as correct for it too, as for the
extractor. dateparser itself is not a dependency; this plain version reads
the same dates it would read and misses the same spelled-out ones.
"""

from __future__ import annotations

import datetime as dt
import re

from models import DocType, Document, Extraction

_MONTHS = {
    name: index + 1
    for index, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "pebruari", "february", "feb"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nopember", "nov"),
            ("desember", "december", "des", "dec"),
        ]
    )
    for name in names
}
_DATE = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{4})\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\bNomor\s*:?\s*([^\s,;]+)", re.IGNORECASE)
_TYPES: tuple[tuple[str, DocType], ...] = (
    ("NOTA KESEPAHAMAN", "NK"),
    ("MEMORANDUM OF UNDERSTANDING", "NK"),
    ("KESEPAKATAN BERSAMA", "NK"),
    ("PERJANJIAN KERJA", "PKS"),
    ("ADENDUM", "ADENDUM"),
    ("ADDENDUM", "ADENDUM"),
)


def first_date(text: str) -> dt.date | None:
    for match in _DATE.finditer(text):
        day, month, year = match.groups()
        try:
            return dt.date(int(year), _MONTHS[month.casefold()], int(day))
        except ValueError:
            continue
    return None


def first_type(text: str) -> DocType:
    upper = text.upper()
    found = [(upper.find(key), kind) for key, kind in _TYPES if key in upper]
    if not found:
        return "other"
    return min(found, key=lambda pair: pair[0])[1]


def extract(document: Document) -> Extraction:
    text = document.text
    return Extraction(
        file=document.file,
        sha256=document.sha256,
        pages=len(document.pages),
        ocr_pages=document.ocr_pages,
        doc_type=first_type(text),
        numbers=[m.group(1).strip(".:") for m in _NUMBER.finditer(text)],
        signing_date=first_date(text),
        extractor_version="baseline",
    )
