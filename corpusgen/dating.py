"""Date forms and places of the signing date beyond the opening sentence.

Archives print the signing date as "27 - 03 - 2019", "27/3/2019", "tgl.
5-8-2020" or with a Roman month ("27 III 2019"), and many agreements date
themselves only above the signatures: a sign block ("Dibuat di : Sukabumi /
Pada tanggal : 12 April 2019", "Ditandatangani di", "Ditetapkan di", on one
line or two) or a "Sukabumi, 12 April 2019" line, with an opening that says
only "Yang bertanda tangan di bawah ini". Some print the date twice, and now
and then the two disagree (the opening's is the truth; the extractor must
lower its confidence).
"""

from __future__ import annotations

import datetime as dt
import random

from corpusgen.numbering import roman_month
from models.calendar_id import MONTHS

EXTRA_FORMS = ("numeric-spaced", "numeric-slash", "roman", "tgl")
SIGN_MODES = (
    "opening",
    "sign-block",
    "sign-line",
    "sign-block-only",
    "sign-line-only",
    "sign-line-disagree",
)
"""opening: the date in the opening only; sign-*: also (or, -only, only) above the signatures."""


def long_date(d: dt.date) -> str:
    """'27 Maret 2019' (as dates_id.long_date, which imports this module)."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def extra_opening_date(d: dt.date, form: str, weekday: str) -> str:
    """The date part of 'Pada hari ini ...' in a numeric or Roman-month form."""
    if form == "numeric-spaced":
        return f"{weekday} tanggal {d.day:02d} - {d.month:02d} - {d.year}"
    if form == "numeric-slash":
        return f"{weekday} tanggal {d.day}/{d.month}/{d.year}"
    if form == "roman":
        return f"{weekday} tanggal {d.day} {roman_month(d.month)} {d.year}"
    return f"{weekday} tgl. {d.day}-{d.month}-{d.year}"


def sign_date_text(rng: random.Random, d: dt.date) -> str:
    """The date as printed above the signatures."""
    return rng.choice(
        (long_date(d), long_date(d), f"{d:%d-%m-%Y}", f"{d.day} {roman_month(d.month)} {d.year}")
    )


def sign_lead(rng: random.Random, mode: str, place: str, d: dt.date) -> tuple[list[str], str]:
    """The lines above the signature columns for a sign mode, and a note for the truth."""
    if mode == "sign-line-disagree":
        other = d + dt.timedelta(days=rng.randint(1, 20))
        return [f"{place}, {long_date(other)}"], (
            f"the date above the signatures ({other.isoformat()}) disagrees with the opening"
        )
    when = sign_date_text(rng, d)
    if mode in ("sign-line", "sign-line-only"):
        return [f"{place}, {when}"], "signing place and date on the line above the signatures"
    verb = rng.choice(("Dibuat di", "Ditandatangani di", "Ditetapkan di"))
    shape = rng.randrange(3)
    if shape == 2 and len(place) > 14:
        shape = 1  # one line only for a short place: the lead sits in the right half
    if shape == 0:
        lines = [f"{verb} : {place}", f"Pada tanggal : {when}"]
    elif shape == 1:
        lines = [f"{verb} {place}", f"pada tanggal {when}"]
    else:
        lines = [f"{verb} {place} pada tanggal {when}"]
    return lines, f"sign block '{verb}' above the signatures"


END_FORMS = ("sampai-long", "sd-numeric", "hingga-slash", "sampai-roman")


def end_phrase(form: str, end: dt.date) -> str:
    """How the term article states its last day ('s.d. tanggal 31-12-2025', ...)."""
    if form == "sd-numeric":
        return f"s.d. tanggal {end:%d-%m-%Y}"
    if form == "hingga-slash":
        return f"hingga tanggal {end.day}/{end.month}/{end.year}"
    if form == "sampai-roman":
        return f"sampai dengan tanggal {end.day} {roman_month(end.month)} {end.year}"
    return f"sampai dengan tanggal {long_date(end)}"


def dateless_opening() -> str:
    """An opening that gives no date: the agreement is dated above the signatures."""
    return "Yang bertanda tangan di bawah ini:"
