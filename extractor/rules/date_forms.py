"""Dates as agreements write them: month words, tokens and every form of a date.

Forms seen: "tanggal dua puluh tujuh bulan Maret tahun dua ribu sembilan
belas", "tanggal 27 (dua puluh tujuh) bulan Maret tahun 2019 (dua ribu
sembilan belas)", "26 Agustus 2021", "(20-12-2021)", "Tanggal : 21 Mei 2021".
Every date is found by its month (a month word, fuzzily, or "bulan <digits>")
and read outwards: the day before it, the year after it. Which of them is the
signing date is decided later (signing_date.py); this stage only reads forms.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from extractor.rules.date_numeric import numeric_dates, repair_digits, safe_date
from extractor.rules.numbers_id import is_number_word, words_to_int

MONTHS: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "pebruari": 2,
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "nopember": 11,
    "desember": 12,
    # English (bilingual agreements) and the usual abbreviations
    "january": 1,
    "february": 2,
    "march": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "october": 10,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "peb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "agust": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "nop": 11,
    "des": 12,
}
_LONG_MONTHS = tuple(name for name in MONTHS if len(name) >= 5)
MONTH_CUTOFF = 80.0
"""rapidfuzz ratio bound for month words of 5+ letters: one OCR error ('Agustvs', 'Oktaber')."""

WEEKDAYS: dict[str, int] = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
}
WEEKDAY_CUTOFF = 75.0
"""Bound for weekdays: 'Kami' for 'Kamis' and 'Jum'at' for 'Jumat' are seen on real scans."""

_TOKEN = re.compile(r"\d+|[A-Za-z]+(?:'[A-Za-z]+)?|[^\sA-Za-z\d]")
_SKIP = {"bulan", "tahun", "tanggal", "tgl", ",", "."}


class Token(NamedTuple):
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass
class DateMention:
    """One date found in the text, with how it was written."""

    value: dt.date
    start: int
    end: int
    form: str  # "words", "digits", "mixed", "numeric", "roman"
    conflicts: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)
    """OCR look-alikes repaired in its digits ('2O19'): the date is right if the repair is."""


@lru_cache(maxsize=2048)
def month_of(token: str) -> int | None:
    """Month number of a word, tolerating one OCR error in names of 5+ letters."""
    word = token.lower().replace("'", "")
    if word in MONTHS:
        return MONTHS[word]
    if "rn" in word:  # 'rn' read for 'm' ('Nopernber')
        return month_of(word.replace("rn", "m"))
    if len(word) < 5 or not word.isalpha():
        return None
    best = process.extractOne(word, _LONG_MONTHS, scorer=fuzz.ratio, score_cutoff=MONTH_CUTOFF)
    return MONTHS[str(best[0])] if best else None


@lru_cache(maxsize=512)
def weekday_of(token: str) -> int | None:
    word = token.lower().replace("'", "")
    if word in WEEKDAYS:
        return WEEKDAYS[word]
    if len(word) < 4 or not word.isalpha():
        return None
    best = process.extractOne(word, tuple(WEEKDAYS), scorer=fuzz.ratio, score_cutoff=WEEKDAY_CUTOFF)
    return WEEKDAYS[str(best[0])] if best else None


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _paren_words(tokens: list[Token], i: int) -> tuple[int | None, int]:
    """If tokens[i] opens '( number words )', its value and the index after ')'."""
    if i >= len(tokens) or tokens[i].text != "(":
        return None, i
    j = i + 1
    words: list[str] = []
    while j < len(tokens) and tokens[j].text != ")" and j - i <= 9:
        words.append(tokens[j].text)
        j += 1
    if j >= len(tokens) or tokens[j].text != ")":
        return None, i
    return words_to_int(" ".join(words)), j + 1


def _read_day(tokens: list[Token], m: int) -> tuple[int | None, int, str, list[str]]:
    """The day before the month token at index m: value, first index, form, conflicts."""
    i = m - 1
    while i >= 0 and tokens[i].low in ("bulan", ","):
        i -= 1
    if i < 0:
        return None, m, "", []
    conflicts: list[str] = []
    if tokens[i].text == ")":
        j = i - 1
        while j >= 0 and tokens[j].text != "(" and i - j <= 9:
            j -= 1
        if j >= 1 and tokens[j].text == "(" and tokens[j - 1].text.isdigit():
            digits = int(tokens[j - 1].text)
            spelled = words_to_int(" ".join(t.text for t in tokens[j + 1 : i]))
            if spelled is not None and spelled != digits:
                conflicts.append(f"day written {digits} but spelled {spelled}")
            return digits, j - 1, "mixed", conflicts
        return None, m, "", []
    if tokens[i].text.isdigit() and len(tokens[i].text) <= 2:
        return int(tokens[i].text), i, "digits", []
    j = i
    while j >= 0 and j > i - 4 and tokens[j].text.isalpha() and is_number_word(tokens[j].text):
        j -= 1
    if j == i:
        return None, m, "", []
    # the longest run of words that parses: a stray number word before the day is dropped
    for first in range(j + 1, i + 1):
        value = words_to_int(" ".join(t.text for t in tokens[first : i + 1]))
        if value is not None:
            return value, first, "words", []
    return None, j + 1, "words", []


def _read_year(tokens: list[Token], m: int) -> tuple[int | None, int, str, list[str]]:
    """The year after the month token at index m: value, index after it, form, conflicts."""
    i = _year_start(tokens, m)
    if i >= len(tokens):
        return None, m + 1, "", []
    if tokens[i].text.isdigit() and len(tokens[i].text) == 4:
        digits = int(tokens[i].text)
        spelled, after = _paren_words(tokens, i + 1)
        if after > i + 1:
            conflicts = []
            if spelled is not None and spelled != digits:
                conflicts.append(f"year written {digits} but spelled {spelled}")
            return digits, after, "mixed", conflicts
        return digits, i + 1, "digits", []
    j = _word_run(tokens, i)
    if j == i:
        return None, m + 1, "", []
    value = words_to_int(" ".join(t.text for t in tokens[i:j]))
    if _gap_after(tokens, j):  # 'dua ribd Ha puluh satu': the year goes on past a lost word
        return value, j, "words", [f"{YEAR_GAP} '{tokens[j].text}'"]
    # no shortening: 'Dua Ribu Puluh' must fail, not read as 2000
    return value, j, "words", []


def _year_start(tokens: list[Token], m: int) -> int:
    """Where the year begins after the month token at index m ('tahun', commas skipped)."""
    i = m + 1
    while i < len(tokens) and tokens[i].low in ("tahun", ",", "."):
        i += 1
    return i


def _word_run(tokens: list[Token], i: int) -> int:
    """The index after the number words from ``i`` (at most seven: a year's length)."""
    j = i
    while j < len(tokens) and j < i + 7 and tokens[j].text.isalpha():
        if not is_number_word(tokens[j].text):
            break
        j += 1
    return j


YEAR_GAP = "year words go on past an unread word"
_UNITS = ("satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def _gap_after(tokens: list[Token], j: int) -> list[str]:
    """The number words after one unread short word at ``j`` (none when the year ends)."""
    if j + 1 >= len(tokens) or not tokens[j].text.isalpha() or len(tokens[j].text) > 4:
        return []
    return [t.text for t in tokens[j + 1 : _word_run(tokens, j + 1)]]


def gap_years(tokens: list[Token], m: int) -> list[int]:
    """Every year the words after month ``m`` can say with their unread word read as a unit
    word: the weekday named before the date chooses among them."""
    i = _year_start(tokens, m)
    j = _word_run(tokens, i)
    head, tail = [t.text for t in tokens[i:j]], _gap_after(tokens, j)
    years = {words_to_int(" ".join([*head, unit, *tail])) for unit in _UNITS}
    latest = dt.date.today().year + 1  # no agreement is signed further ahead
    return sorted(y for y in years if y is not None and 1945 <= y <= latest)


def _weekday_before(tokens: list[Token], first: int) -> tuple[int | None, str]:
    """The weekday named just before a date ('hari ini Minggu tanggal tiga ...')."""
    for tok in tokens[max(0, first - 4) : first]:
        wd = weekday_of(tok.text) if tok.text.isalpha() else None
        if wd is not None:
            return wd, tok.text
    return None, ""


def _numeric_after(text: str, pos: int) -> tuple[dt.date | None, int]:
    """A '(dd-mm-yyyy)' printed right after a spelled date, as a check."""
    m = re.match(r"\s*\(\s*(\d{1,2})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{4})\s*\)", text[pos:])
    if not m:
        return None, pos
    return safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1))), pos + m.end()


def find_dates(text: str) -> list[DateMention]:
    """Every calendar date written in the text, in order."""
    return list(_find_dates(text))


@lru_cache(maxsize=8)
def _find_dates(printed: str) -> tuple[DateMention, ...]:
    """Cached: the signing-date and term rules both read all dates of the same text.

    Read from a copy with look-alike digits repaired (same offsets); a date that
    needed a repair says so in ``repairs``.
    """
    repaired = repair_digits(printed)
    text = repaired.text
    tokens = tokenize(text)
    found: list[DateMention] = []
    covered: list[tuple[int, int]] = []
    for m, tok in enumerate(tokens):
        month: int | None = None
        if tok.text.isalpha():
            month = month_of(tok.text)
        elif tok.text.isdigit() and m > 0 and tokens[m - 1].low == "bulan" and len(tok.text) <= 2:
            month = int(tok.text)
        if month is None:
            continue
        day, first, day_form, c1 = _read_day(tokens, m)
        year, after, year_form, c2 = _read_year(tokens, m)
        if day_form == "" or year_form == "":
            continue
        start = tokens[first].start
        end = tokens[after - 1].end
        check, check_end = _numeric_after(text, end)
        value = safe_date(year, month, day)
        conflicts = c1 + c2
        notes = repaired.inside(start, end)
        if any(c.startswith(YEAR_GAP) for c in c2) and day is not None:
            wd, word = _weekday_before(tokens, first)
            fits = [
                y
                for y in gap_years(tokens, m)
                if (d := safe_date(y, month, day)) and d.weekday() == wd
            ]
            if len(fits) == 1:  # one reading of the lost word puts the date on its weekday
                value = safe_date(fits[0], month, day)
                conflicts = c1
                notes = [*notes, f"the weekday '{word}' reads the lost year word: {fits[0]}"]
        if value is None and check is not None:
            conflicts.append("spelled date is defective; the digits beside it were used")
            value = check
        elif value is not None and check is not None and check != value:
            conflicts.append(f"spelled date {value} but digits beside it say {check}")
        if value is None:
            continue
        forms = {day_form, year_form}
        form = "words" if forms == {"words"} else "digits" if forms == {"digits"} else "mixed"
        end = max(end, check_end)
        found.append(DateMention(value, start, end, form, conflicts, notes))
        covered.append((start, end))
    for num in numeric_dates(text):
        if any(a <= num.start < b for a, b in covered):
            continue
        notes = repaired.inside(num.start, num.end)
        found.append(DateMention(num.value, num.start, num.end, num.form, [], notes))
    found.sort(key=lambda d: d.start)
    return tuple(found)


def parse_date(text: str) -> dt.date | None:
    """The first date written in a short text, in any supported form."""
    dates = find_dates(text)
    return dates[0].value if dates else None
