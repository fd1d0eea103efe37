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
_ROMAN_LOOK = re.compile(r"^[IVXl1!|UW]+$")
_HEAD = r"^(?P<head>[A-Za-z][A-Za-z&]*)"
_GLUED_YEAR = re.compile(_HEAD + r"(?P<sep>)(?P<year>(?:19|20)\d{2})$")
_GLUED_YEAR_SEP = re.compile(_HEAD + r"(?P<sep>[17|])(?P<year>(?:19|20)\d{2})$")
"""A year glued to the segment before it ('XI2021', 'KS/2021' read 'KS2021', 'pem72019')."""
_GLUED_MONTH = re.compile(r"^(?P<unit>[A-Za-z]*[A-HJ-UWYZa-z])(?P<tail>[IVX]{2,})$")
"""A Roman month glued to the unit code before it, its '/' lost or read as 'I' ('PKS-PUDAIVI'
for PUDA/VI, 'PDGKIVIII' for PDGK/VIII): no unit code ends in a month's numeral."""
_ROMAN_ALTERNATIVES = {"1": "I", "l": "I", "!": "I", "|": "I", "I": "I", "V": "V", "X": "X"}
_STRAY = "1l!|"
_ROMAN_SHAPES = {"U": ("V", "II"), "W": ("V", "IV", "VI")}
"""Letters Tesseract reads for Roman numerals: 'U' for V or II ('VU' for VII), 'W' for V,
IV (a narrow I run into the V) or VI."""
_PEN_ROMAN = str.maketrans({"x": "X", "v": "V", "i": "I", "(": "I", ")": "I"})
"""A Roman month written by pen and read by OCR: in lower case ('ix', 'x'), its I read as a
bracket ('(x' for IX): the letters' shapes are the same in both cases, only their size
differs, and a pen keeps no size."""
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
    if re.fullmatch(r"\d{2,}[A-Za-z]\d+|\d+[A-Za-z]\d{2,}", segment):
        return True  # a lone letter inside a run of digits: a '/' or '.' misread ('475Y77')
    return bool(re.search(r"\d[OolIS|!]+\d", segment))


def glued_month(segment: str) -> tuple[str, str] | None:
    """(unit, Roman tail) of a unit code with a month glued to it, else None; the tail
    keeps an 'I' that may be the lost '/' ('IVI' for '/VI')."""
    m = _GLUED_MONTH.match(segment)
    if m is None or len(m.group("unit")) < 2:
        return None
    tail = m.group("tail")
    if tail in ROMAN_MONTHS or (tail[0] == "I" and tail[1:] in ROMAN_MONTHS):
        return m.group("unit"), tail
    return None


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
    if parts and (_GLUED_YEAR.match(parts[-1]) or _GLUED_YEAR_SEP.match(parts[-1])):
        problems.append(f"segment '{parts[-1]}': a year glued to the segment before it")
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
            elif (
                month is None
                and not before.isdigit()
                and (_ROMAN_LOOK.match(before) or roman_readings(before))
            ):
                problems.append(f"'{before}' before the year is no Roman month")
            elif month is None and glued_month(before):
                problems.append(f"'{before}': a Roman month glued to the unit code before it")
    return NumberCheck(number, tuple(parts), year, month, tuple(problems))


def roman_readings(segment: str) -> set[str]:
    """Roman months a damaged segment may stand for.

    '1', 'l', '!', '|' or a bracket read for I, a lower-case numeral; 'U' for V or II,
    'W' for V, IV or VI; a stray stroke ('1', 'l') before or after the numeral ('1IV',
    'XI1'). Only a reading that is a month I-XII is kept; which one is meant decides
    the signing month or another printing, never this function.
    """
    segment = segment.translate(_PEN_ROMAN)
    if not _ROMAN_LOOK.match(segment) or len(segment) > 6:
        return set()
    bodies = {segment}
    if re.search(r"[IVXUW]", segment):  # a stray stroke only beside a real numeral
        if segment[0] in _STRAY:
            bodies.add(segment[1:])
        if segment[-1] in _STRAY:
            bodies.add(segment[:-1])
    readings: set[str] = set()
    for body in bodies:
        options = [""]
        for ch in body:
            alternatives = _ROMAN_SHAPES.get(ch) or (_ROMAN_ALTERNATIVES.get(ch, ""),)
            options = [o + a for o in options for a in alternatives if a]
            if not options:
                break
        readings.update(o for o in options if o in ROMAN_MONTHS)
    return readings


def _join(parts: list[str], template: str, glued: bool = False) -> str:
    """Parts put back with the separators of ``template`` ('/' before a year split off)."""
    seps = [m.group() for m in re.finditer(r"[/.\-]", template)]
    if glued:
        seps.append("/")
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return out


@dataclass(frozen=True)
class Repair:
    """A grammatical reading of a damaged number, why, and what backs it.

    ``backed`` names the independent fact that decides the repair (the signing
    month for a Roman month slot, the signing year for a year slot, the grammar
    itself for a character numbers never hold); empty when only the shape
    suggests it and another printing or re-reading must decide.
    """

    number: str
    reason: str
    backed: str = ""


def _year_slot(parts: list[str], signing_year: int | None, reasons: list[str]) -> list[str]:
    """The year slot read with digit look-alikes ('2O21'), or split from the segment it is
    glued to ('XI2021', 'KS2021', 'pem72019'); ``reasons`` gets what was done."""
    last = parts[-1]
    glued = _GLUED_YEAR.match(last) or _GLUED_YEAR_SEP.match(last)
    if glued:
        head, year = glued.group("head"), glued.group("year")
        reasons.append(f"year {year} glued to '{head}{glued.group('sep')}' split off")
        return [*parts[:-1], head, year]
    years = [i for i, p in enumerate(parts) if _YEAR.match(p.translate(_DIGIT_LOOK))]
    if years:
        i = years[-1]
        digits = parts[i].translate(_DIGIT_LOOK)
        if digits != parts[i]:
            reasons.append(f"year '{parts[i]}' read as {digits}")
            parts[i] = digits
    return parts


def repairs(number: str, signing_month: int | None, signing_year: int | None) -> list[Repair]:
    """Grammatical readings of a damaged number, each with the reason; none for a valid one.

    A Roman-month slot is only repaired to the signing month (a number is
    issued in the month it is signed, or close to it): 'XI1' in November is XI,
    in December XII, in any other month it stays a doubt. The result is
    ``backed`` only when every change in it is: a year slot by the signing
    year, a month slot by the signing month, '|' for '/' by the grammar.
    """
    fixed = number.replace("|", "/").replace("\\", "/")
    reasons = ["'|' read for '/'"] if fixed != number else []
    unbacked: list[str] = []
    if check(fixed, signing_year).valid and not reasons:
        return []
    year_reasons: list[str] = []
    parts = _year_slot(segments(fixed), signing_year, year_reasons)
    glued = len(parts) > len(segments(fixed))
    years = [i for i, p in enumerate(parts) if _YEAR.match(p)]
    year = int(parts[years[-1]]) if years else None
    if year_reasons:
        reasons.extend(year_reasons)
        if signing_year is None or year is None or abs(year - signing_year) > 1:
            unbacked.extend(year_reasons)
    if years:
        i = years[-1]
        if i > 0 and signing_month is not None:
            slot = parts[i - 1]
            target = ROMAN_MONTHS[signing_month - 1]
            if slot != target and target in roman_readings(slot):
                reasons.append(f"month '{slot}' taken as Roman {target}, the signing month")
                parts[i - 1] = target
    if years and years[-1] > 0 and signing_month is not None:
        i = years[-1] - 1
        glued_at = glued_month(parts[i])
        target = ROMAN_MONTHS[signing_month - 1]
        if glued_at and glued_at[1] in (target, "I" + target):
            unit, tail = glued_at
            reasons.append(f"'{parts[i]}': the signing month {target} glued to '{unit}'")
            if tail in ROMAN_MONTHS:
                # a '/' lost, or a letter of the unit read as it ('PPML/XII' as 'PPMUXII');
                # or 'III' in February: '/II' or '/III', nothing in the number decides
                unbacked.append(reasons[-1])
            parts[i] = f"{unit}/{target}"
    for j, part in enumerate(parts):
        if years and j >= years[-1] - 1:
            continue
        readings = roman_readings(part)
        if _is_debris(part) and len(readings) == 1:
            (reading,) = readings
            reasons.append(f"segment '{part}' read as Roman {reading}")
            unbacked.append(reasons[-1])
            parts[j] = reading
    candidate = _join(parts, fixed, glued)
    if candidate == number or not reasons:
        return []
    backing = "" if unbacked else "the signing date and the grammar"
    return [Repair(candidate, "; ".join(reasons), backing)]


def backed_repair(
    number: str, signing_month: int | None, signing_year: int | None
) -> tuple[str, str | None]:
    """The number with its one backed repair adopted, and the note saying so (else None)."""
    found = [r for r in repairs(number, signing_month, signing_year) if r.backed]
    if len(found) != 1 or not check(found[0].number, signing_year).valid:
        return number, None
    return found[0].number, f"read '{number}'; {found[0].reason}"


_O_IN_DIGITS = re.compile(r"^[0-9Oo]*\d[0-9Oo]*$")
_SLASH_LOOK = re.compile(r"(?<=[0-9])[lI](?=[0-9])")
_PREFIX_LOOK = {"8": "B", "D": "B", "E": "B", "13": "B"}
"""A one-letter classification prefix ('B' for biasa) misread ('8/422', 'D-12')."""
STATE_SCHOOLS = r"SMKN|SMAN|SMPN|SDN|SLBN|MTsN|MTSN"
"""The codes of state schools (the 'N' of negeri last), which carry the school's number."""
_SCHOOL_I = re.compile(rf"(?<![A-Za-z])({STATE_SCHOOLS})[Il|](?=[A-Z]|$)")
"""A state school's code carries its number in Arabic digits ('SMKN1PACET', 'SDN4'): an 'I'
or 'l' right after the school type is OCR's reading of '1'. Only after the 'N' of negeri:
'SDIT' and 'SMPIT' (Islam Terpadu) are letters."""


def candidates(number: str) -> list[Repair]:
    """Readings OCR look-alikes suggest and nothing in the number itself decides.

    'O' for 0 in a serial ('2O5/UN48'), 'l' or 'I' for '/' between digits
    ('119l123/KDN'), the letter prefix misread ('8/422/...', 'D-12/...'). Never
    adopted on their own (``backed`` is empty): another printing of the number
    or two re-readings that agree must show the same reading.
    """
    out: list[Repair] = []
    parts = segments(number)
    digits = [p.replace("O", "0").replace("o", "0") if _O_IN_DIGITS.match(p) else p for p in parts]
    if digits != parts:
        out.append(Repair(_join(digits, number), "'O' read for 0 in a serial"))
    slashed = _SLASH_LOOK.sub("/", number)
    if slashed != number:
        out.append(Repair(slashed, "'l' read for '/' between digits"))
    schooled = [_SCHOOL_I.sub(r"\g<1>1", p) for p in parts]
    if schooled != parts:
        out.append(Repair(_join(schooled, number), "'I' read for the school's number 1"))
    first = parts[0] if parts else ""
    if first in _PREFIX_LOOK and len(parts) >= 3:
        out.append(
            Repair(_join([_PREFIX_LOOK[first], *parts[1:]], number), f"prefix '{first}' as 'B'")
        )
    return [r for r in out if r.number != number]


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
