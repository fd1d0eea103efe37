"""The numbers a citation of the parent agreement prints, read again by the number grammar.

A PKS cites its Nota Kesepahaman with the NK's numbers and often its date ("Nomor
194/UKG/HK.09/III/2025 dan Nomor 130/175/Kesra/III/2025 tentang ... tanggal 20 Maret
2025"). OCR damages those numbers as it damages the agreement's own ('!ll' for III),
and the same grammar repairs them, backed by the cited agreement's own date (its
Roman month and year slots), never by this agreement's: the NK was signed earlier.
Without a date in the citation only the repairs the grammar alone backs are made.
"""

from __future__ import annotations

import re

from extractor.rules.date_forms import find_dates
from extractor.rules.number_grammar import backed_repair

_CITED = re.compile(r"(?<![\w/])[\w.!|\-]*\d[\w.!|\-]*(?:/[\w.!|\-]+)+")
"""A number-shaped token: segments joined by '/', a digit in one of them."""


def repair_cited(reference: str) -> tuple[str, list[str]]:
    """The citation with its numbers repaired where the grammar backs it, and the notes."""
    dates = find_dates(reference)
    month = dates[-1].value.month if dates else None
    year = dates[-1].value.year if dates else None
    notes: list[str] = []

    def fix(m: re.Match[str]) -> str:
        number, note = backed_repair(m.group(), month, year)
        if note is not None:
            notes.append(f"cited number {note}")
        return number

    return _CITED.sub(fix, reference), notes
