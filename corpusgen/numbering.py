"""Agreement numbers in the shapes each kind of institution uses.

Government numbers start with a filing code from the Kemendagri classification
(e.g. 119, 415.4, 075) followed by a serial, a unit code and the year;
universities and companies use their own unit abbreviations and often a Roman
month. A few shapes contain spaces-free punctuation that tokenizers split.
"""

from __future__ import annotations

import random

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_CLASS_CODES = ("119", "120", "130", "075", "180", "415.4", "050", "005", "100", "000.5")


def roman_month(month: int) -> str:
    return _ROMAN[month - 1]


def government(rng: random.Random, unit: str, year: int, month: int) -> str:
    code = rng.choice(_CLASS_CODES)
    shape = rng.randrange(4)
    if shape == 0:
        return f"{code}/{rng.randint(1, 999)}/{unit}/{year}"
    if shape == 1:
        return f"{code}/{rng.randint(1, 9)}.{rng.randint(100, 999)}/{unit}/{year}"
    if shape == 2:
        return f"{code}/{rng.randint(10, 450)}/{unit}/{roman_month(month)}/{year}"
    unit_code = f"{rng.randint(100, 499)}.{rng.randint(1, 9)}.{rng.randint(1, 9)}"
    return f"{code}/{rng.randint(1, 99)}/{unit_code}/{year}"


def campus(rng: random.Random, unit: str, year: int, month: int) -> str:
    if rng.random() < 0.5:
        return f"{rng.randint(100, 3999)}/{unit}/KS/{year}"
    series = f"{rng.choice(('HK', 'KS', 'KL'))}.{rng.randint(0, 9):02d}"
    return f"{rng.randint(1, 299):03d}/{unit}/{series}/{roman_month(month)}/{year}"


def company(rng: random.Random, unit: str, year: int, month: int) -> str:
    shape = rng.randrange(3)
    if shape == 0:
        return f"{rng.randint(1, 250):03d}/PKS-{unit}/{roman_month(month)}/{year}"
    if shape == 1:
        desk = rng.choice(("HCS", "LGL", "DIR", "CSR"))
        return f"{unit}.{desk}/PKS.{rng.randint(1, 120):03d}/{year}"
    return f"No.{rng.randint(10, 999)}/{unit}/{rng.choice(('DIR', 'SEKPER', 'LEGAL'))}/{year}"


def school(rng: random.Random, unit: str, year: int, month: int) -> str:
    """A school numbers its letters under the education filing codes (421, 422), 'B/' for
    a letter of ordinary class, sometimes with the provincial branch office's code."""
    code = rng.choice(("421", "422", "421.5", "415.4"))
    serial = rng.randint(10, 899)
    shape = rng.randrange(3)
    if shape == 0:
        return f"B/{code}/{serial:03d}/{unit}/{year}"
    if shape == 1:
        branch = f"CADISDIKWIL.{roman_month(rng.randint(1, 12))}"
        return f"{code}/{serial}/{unit}/{branch}/{roman_month(month)}/{year}"
    return f"{code}/{serial}/{unit}/{roman_month(month)}/{year}"


def number_for(rng: random.Random, style: str, unit: str, year: int, month: int) -> str:
    if style == "school":
        return school(rng, unit, year, month)
    if style == "campus":
        return campus(rng, unit, year, month)
    if style == "company":
        return company(rng, unit, year, month)
    return government(rng, unit, year, month)
