"""Dates written with digits only, and OCR repairs of the digits of any date.

Agreements print dates as "27-03-2019", "27/3/2019", "27 - 03 - 2019",
"tgl. 5-8-2020" and, on some regional forms, with the month in Roman numerals
("27 III 2019", "27-III-2019"). Scans read digits as look-alike letters
("2O19", "l2 April", "20l9", "Z9 Desember"); those are repaired only when the run is
plainly a number (at least one real digit, only O/o/l/I/Z/S besides, no letters around it) and
the repaired value has the shape of a day or a year: anything else is left as
printed, so a word is never turned into a number.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

ROMAN_MONTHS: dict[str, int] = {
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6,
    "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12,
}  # fmt: skip

NUMERIC = re.compile(
    r"(?<![\w/.\-])(\d{1,2})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\w/])",
)
"""dd-mm-yyyy with one separator kind, spaces around it allowed ('27 - 03 - 2019')."""
_R = r"(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
ROMAN = re.compile(
    r"(?<![\w/.\-])(\d{1,2})(?:\s?([-.])\s?" + _R + r"\s?\2\s?|[ \t]+" + _R + r"\s+)(\d{4})"
    r"(?![\w/])",
)
"""dd-<Roman month>-yyyy ('27-III-2019', '27 III 2019', the year perhaps wrapped to the next
line) as regional offices print it; never with '/', which is how agreement numbers carry
their Roman month ('12/III/2019' is a number, not a date)."""

_LOOKALIKE = re.compile(r"(?<![A-Za-z\d])[\dOoIlZS]{2,4}(?![A-Za-z\d])")
_TRANSLATE = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "Z": "2", "S": "5"})


@dataclass(frozen=True)
class Repair:
    """One digit run read with look-alike letters, and what it was repaired to."""

    start: int
    end: int
    printed: str
    repaired: str


@dataclass(frozen=True)
class Repaired:
    """The text with look-alike digits repaired (same length, same offsets)."""

    text: str
    repairs: tuple[Repair, ...]

    def inside(self, start: int, end: int) -> list[str]:
        """Notes for the repairs inside a span, for the evidence of a date read there."""
        return [
            f"OCR look-alikes repaired: '{r.printed}' read as {r.repaired}"
            for r in self.repairs
            if start <= r.start and r.end <= end
        ]


def _plausible(value: str) -> bool:
    if len(value) <= 2:
        return 1 <= int(value) <= 31
    return len(value) == 4 and 1900 <= int(value) <= 2100


def repair_digits(text: str) -> Repaired:
    """Look-alike letters in digit runs made digits, when unambiguous (see module doc)."""
    repairs: list[Repair] = []
    chars: list[str] | None = None
    for m in _LOOKALIKE.finditer(text):
        run = m.group()
        if run.isdigit() or not any(c.isdigit() for c in run):
            continue
        fixed = run.translate(_TRANSLATE)
        if not _plausible(fixed):
            continue
        if chars is None:
            chars = list(text)
        chars[m.start() : m.end()] = fixed
        repairs.append(Repair(m.start(), m.end(), run, fixed))
    return Repaired("".join(chars) if chars is not None else text, tuple(repairs))


@dataclass(frozen=True)
class NumericDate:
    value: dt.date
    start: int
    end: int
    form: str  # "numeric" | "roman"


def safe_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    """The calendar date, or None for an impossible one (31 April, a year outside 1900-2100)."""
    if year is None or month is None or day is None:
        return None
    if not (1900 <= year <= 2100 and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def numeric_dates(text: str) -> list[NumericDate]:
    """Every all-digit or Roman-month date in the text."""
    found: list[NumericDate] = []
    for num in NUMERIC.finditer(text):
        value = safe_date(int(num.group(4)), int(num.group(3)), int(num.group(1)))
        if value is not None:
            found.append(NumericDate(value, num.start(), num.end(), "numeric"))
    for num in ROMAN.finditer(text):
        month = ROMAN_MONTHS[num.group(3) or num.group(4)]
        value = safe_date(int(num.group(5)), month, int(num.group(1)))
        if value is not None:
            found.append(NumericDate(value, num.start(), num.end(), "roman"))
    return found
