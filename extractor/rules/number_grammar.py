"""A grammar of Indonesian agreement numbers, to judge and repair OCR readings.

Numbers are written by secretariats after one pattern: segments parted by
"/", "." or "-" (``119/123/KDN/2019``, ``KPS.HCS/PKS.055/2021``,
``B-12/UN48/KS/III/2021``): serial digits, unit codes of letters (or letters
and digits, ``UN48``), often a Roman month I–XII directly before the year, and
a year close to the signing year. OCR damages exactly those slots: Roman
months read with digits ("111" for III, "XI1", "1IV", "VU" for VII), "/" read
as "|", "O" for zero inside the year. The grammar names the damage; the
repairs it proposes are only candidates: the second look decides among them
with independent readings, the signing date and other printings of the number,
and keeps the reading as it was when nothing decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
SEPARATORS = "/.-"
ALLOWED = re.compile(r"^[A-Za-z0-9./\-()&_]+$")
_SPLIT = re.compile(r"([/.\-])")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_ROMAN_LOOK = re.compile(r"^[IVXl1!|U]+$")
_DIGIT_LOOK = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_I_LOOK = str.maketrans({"1": "I", "l": "I", "!": "I", "|": "I"})


@dataclass(frozen=True)
class NumberCheck:
    """What the grammar says about one reading: its slots and what is wrong with it."""

    number: str
    segments: tuple[str, ...]
    year: int | None
    month: int | None
    """Roman month of the slot before the year, when there is one."""
    problems: tuple[str, ...]

    @property
    def valid(self) -> bool:
        return not self.problems


def segments(number: str) -> list[str]:
    """The parts between separators ('' for a doubled separator)."""
    return [part for i, part in enumerate(_SPLIT.split(number)) if i % 2 == 0]


def _roman_value(segment: str) -> int | None:
    return ROMAN_MONTHS.index(segment) + 1 if segment in ROMAN_MONTHS else None


def _is_debris(segment: str) -> bool:
    """Letters and digits mixed as no unit code is written: '1IV', 'XI1', '2O21', '4l2'.

    Unit codes do mix them ('UN48', 'SMKN1PACET', 'PKS055', '12A'): only a Roman
    month mixed with digits, or a look-alike letter between digits, is debris.
    """
    if segment.isdigit() or segment.isalpha() or not segment:
        return False
    if (
        _ROMAN_LOOK.match(segment)
        and re.search(r"[IVXU]", segment)
        and re.search(r"[1l!|]", segment)
    ):
        return True
    return bool(re.search(r"\d[OolIS|!]+\d", segment))


def check(number: str, signing_year: int | None = None) -> NumberCheck:
    """The number's slots and every rule of the grammar it breaks."""
    problems: list[str] = []
    parts = segments(number)
    if not ALLOWED.match(number):
        problems.append("holds characters numbers do not use")
    if len(parts) < 2:
        problems.append("has no separator")
    if any(not p for p in parts):
        problems.append("has an empty segment")
    for part in parts:
        if _is_debris(part):
            problems.append(f"segment '{part}' mixes letters and digits like OCR debris")
    years = [i for i, p in enumerate(parts) if _YEAR.match(p)]
    year = int(parts[years[-1]]) if years else None
    month = None
    if years:
        idx = years[-1]
        if signing_year is not None and abs(year - signing_year) > 1:  # type: ignore[operator]
            problems.append(f"year {year} is not the signing year {signing_year}")
        if idx > 0:
            before = parts[idx - 1]
            month = _roman_value(before)
            if (
                before.lower() != before.upper()
                and before.islower()
                and before.upper() in ROMAN_MONTHS
            ):
                problems.append(f"'{before}' before the year: a Roman month in lower case (OCR)")
            elif month is None and _ROMAN_LOOK.match(before) and not before.isdigit():
                problems.append(f"'{before}' before the year is no Roman month")
    return NumberCheck(number, tuple(parts), year, month, tuple(problems))


def _roman_readings(segment: str) -> set[str]:
    """Roman months a damaged segment may stand for ('1' or 'l' for I, 'U' for II, a stray 1)."""
    if not _ROMAN_LOOK.match(segment):
        return set()
    base = segment.replace("U", "II")
    readings = {base.translate(_I_LOOK)}
    stripped = base.rstrip("1l!|")
    if stripped and stripped != base:
        readings.add(stripped.translate(_I_LOOK))
    return {r for r in readings if r in ROMAN_MONTHS}


def _join(parts: list[str], template: str) -> str:
    """Parts put back with the separators of ``template``."""
    seps = [m.group() for m in re.finditer(r"[/.\-]", template)]
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return out


@dataclass(frozen=True)
class Repair:
    number: str
    reason: str


def repairs(number: str, signing_month: int | None, signing_year: int | None) -> list[Repair]:
    """Grammatical readings of a damaged number, each with the reason; none for a valid one.

    A Roman-month slot is only repaired to the signing month (a number is
    issued in the month it is signed, or close to it): 'XI1' in November is XI,
    in December XII, in any other month it stays a doubt.
    """
    fixed = number.replace("|", "/").replace("\\", "/")
    reasons = ["'|' read for '/'"] if fixed != number else []
    if check(fixed, signing_year).valid and not reasons:
        return []
    parts = segments(fixed)
    years = [i for i, p in enumerate(parts) if _YEAR.match(p.translate(_DIGIT_LOOK))]
    if years:
        i = years[-1]
        digits = parts[i].translate(_DIGIT_LOOK)
        if digits != parts[i]:
            reasons.append(f"year '{parts[i]}' read as {digits}")
            parts[i] = digits
        if i > 0 and signing_month is not None:
            slot = parts[i - 1]
            target = ROMAN_MONTHS[signing_month - 1]
            arabic = slot.isdigit() and int(slot) == signing_month
            if slot != target and target in _roman_readings(slot) and not arabic:
                reasons.append(f"month '{slot}' taken as Roman {target}, the signing month")
                parts[i - 1] = target
    for j, part in enumerate(parts):
        if years and j >= years[-1] - 1:
            continue
        readings = _roman_readings(part)
        if _is_debris(part) and len(readings) == 1:
            (reading,) = readings
            reasons.append(f"segment '{part}' read as Roman {reading}")
            parts[j] = reading
    candidate = _join(parts, fixed)
    if candidate == number or not reasons:
        return []
    return [Repair(candidate, "; ".join(reasons))]


_LOOKALIKES = (set("B8"), set("O0D"), set("S5"), set("I1l|"), set("Z2"), set("G6"), set("/l1|"))


def only_lookalikes(a: str, b: str) -> bool:
    """Two readings that differ only where a letter and a digit look alike ('B/422' and
    '8/422'): no reading decides between them, only a grammar slot can."""
    if len(a) != len(b) or a == b:
        return False
    pairs = zip(a, b, strict=True)
    return all(x == y or any({x, y} <= group for group in _LOOKALIKES) for x, y in pairs)


def same_number(a: str, b: str) -> bool:
    """Two printings of one number: equal after spaces and look-alike separators."""

    def key(s: str) -> str:
        return re.sub(r"\s+", "", s).replace("|", "/").upper()

    return key(a) == key(b)
