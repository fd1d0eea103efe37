"""Indonesian date wording, the way agreements print the signing day.

Numbers are spelled with ``num2words(lang="id")`` (the extractor parses them
back); the generator adds the capitalisation habits seen on real documents.
"""

from __future__ import annotations

import datetime as dt
import random

from num2words import num2words

from corpusgen.dating import EXTRA_FORMS, extra_opening_date
from models.calendar_id import MONTHS

DATE_FORMS = ("words", "words+numeric", "mixed", "plain", "numeric")


def spell(n: int) -> str:
    return str(num2words(n, lang="id"))


def cased(text: str, mode: str) -> str:
    if mode == "title":
        return " ".join(w.capitalize() for w in text.split())
    if mode == "upper":
        return text.upper()
    return text


def long_date(d: dt.date) -> str:
    """'27 Maret 2019'."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def opening_date(d: dt.date, form: str, weekday: str, case: str, rng: random.Random) -> str:
    """The date part of 'Pada hari ini ...' in one of the printed forms."""
    month = MONTHS[d.month - 1]
    if form == "words":
        return (
            f"{weekday} tanggal {cased(spell(d.day), case)} bulan {month} "
            f"tahun {cased(spell(d.year), case)}"
        )
    if form == "words+numeric":
        return (
            f"{weekday} tanggal {cased(spell(d.day), case)} bulan {month} "
            f"tahun {cased(spell(d.year), case)} ({d:%d-%m-%Y})"
        )
    if form == "mixed":
        return (
            f"{weekday} tanggal {d.day} ({cased(spell(d.day), case)}) bulan {month} "
            f"tahun {d.year} ({cased(spell(d.year), case)})"
        )
    if form in EXTRA_FORMS:
        return extra_opening_date(d, form, weekday)
    if form == "plain":
        return (
            f"{weekday}, tanggal {long_date(d)}"
            if rng.random() < 0.5
            else f"{weekday}, {long_date(d)}"
        )
    return f"{weekday} tanggal {d:%d-%m-%Y}"


def count_words(n: int) -> str:
    """'5 (lima)'."""
    return f"{n} ({spell(n)})"
