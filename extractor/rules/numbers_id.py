"""Indonesian number words to integers: the one parser every rule uses.

Agreements spell out days, years and terms ("dua puluh tujuh", "Dua Ribu
Sembilan Belas", "5 (lima) tahun") and OCR damages the words ("Befas",
"Duaribu"). Generic date libraries give up on these, so the grammar is written
out here: strict enough that a defective phrase ("Dua Ribu Puluh", seen on a
real scan) yields ``None`` instead of a wrong number, so callers can fall back
to digits printed beside it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

UNITS: dict[str, int] = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
WHOLE: dict[str, int] = {"nol": 0, "sepuluh": 10, "sebelas": 11}
SE_FORMS: dict[str, int] = {"seratus": 100, "seribu": 1000, "sejuta": 1_000_000}
MULTIPLIERS = ("belas", "puluh", "ratus", "ribu", "juta")
VOCABULARY: tuple[str, ...] = (*UNITS, *WHOLE, *SE_FORMS, *MULTIPLIERS)

FUZZY_MIN_LENGTH = 4
"""Words shorter than this are matched exactly only: 'dua' is one edit from too much."""
FUZZY_CUTOFF_SHORT = 75.0
"""rapidfuzz ratio bound for 4-letter words: one substituted letter ('satv' -> 'satu')."""
FUZZY_CUTOFF = 80.0
"""rapidfuzz ratio bound for longer words: one OCR error in 5+ letters ('Befas' -> 'belas')."""

_WORD = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=4096)
def canonical_word(token: str, fuzzy: bool = True) -> str | None:
    """The vocabulary word a token stands for, tolerating one OCR error in long words."""
    word = token.lower()
    if word in UNITS or word in WHOLE or word in SE_FORMS or word in MULTIPLIERS:
        return word
    if not fuzzy:
        return None
    if "rn" in word:  # the commonest OCR confusion: 'rn' read for 'm' ('Lirna', 'ernpat')
        return canonical_word(word.replace("rn", "m"), fuzzy)
    if len(word) < FUZZY_MIN_LENGTH:
        return None
    cutoff = FUZZY_CUTOFF_SHORT if len(word) == FUZZY_MIN_LENGTH else FUZZY_CUTOFF
    best = process.extractOne(word, VOCABULARY, scorer=fuzz.ratio, score_cutoff=cutoff)
    if best is None:
        return None
    # a 4-letter token may only stand for a 4-letter word ('lima'), never 'limapuluh'
    if abs(len(best[0]) - len(word)) > 1:
        return None
    return str(best[0])


def _split_compound(word: str) -> list[str] | None:
    """'duaribu' -> ['dua', 'ribu']: scans glue words when the space is lost."""
    if not word:
        return []
    for size in range(min(len(word), 8), 2, -1):
        head = word[:size]
        if head in UNITS or head in WHOLE or head in SE_FORMS or head in MULTIPLIERS:
            rest = _split_compound(word[size:])
            if rest is not None:
                return [head, *rest]
    return None


def to_words(text: str, fuzzy: bool = True) -> list[str] | None:
    """Canonical number words of a phrase, or None when any token is not one."""
    out: list[str] = []
    tokens = _WORD.findall(text)
    if not tokens:
        return None
    for token in tokens:
        canon = canonical_word(token, fuzzy)
        if canon is not None:
            out.append(canon)
            continue
        parts = _split_compound(token.lower())
        if not parts:
            return None
        out.extend(parts)
    return out


def words_value(words: list[str]) -> int | None:
    """Value of canonical number words under the Indonesian grammar; None if malformed.

    Within each group below a thousand, places must be filled from high to
    low (ratus, then puluh/belas, then the unit), and groups descend (juta,
    ribu, the rest), so 'dua ribu puluh' and 'dua tiga' are rejected.
    """
    if not words:
        return None
    if words == ["nol"]:
        return 0
    total = 0
    group = 0
    slot = 1000  # smallest place already filled inside the group
    big = 10**9  # smallest group multiplier already used
    unit: int | None = None
    for word in words:
        if word in UNITS:
            if unit is not None or slot <= 1:
                return None
            unit = UNITS[word]
        elif word in ("sepuluh", "sebelas"):
            if unit is not None or slot <= 10:
                return None
            group += WHOLE[word]
            slot = 10 if word == "sepuluh" else 1
        elif word == "belas":
            if unit is None or slot <= 10:
                return None
            group += 10 + unit
            unit, slot = None, 1
        elif word == "puluh":
            if unit is None or unit < 2 or slot <= 10:
                return None
            group += unit * 10
            unit, slot = None, 10
        elif word in ("ratus", "seratus"):
            if group or slot <= 100:
                return None
            if word == "seratus":
                if unit is not None:
                    return None
                group = 100
            else:
                if unit is None or unit < 2:
                    return None
                group = unit * 100
            unit, slot = None, 100
        elif word in ("ribu", "juta", "seribu", "sejuta"):
            mult = 1000 if word in ("ribu", "seribu") else 1_000_000
            if mult >= big:
                return None
            if word.startswith("se"):
                if group or unit is not None:
                    return None
                value = 1
            else:
                value = group + (unit or 0)
                if value == 0 or (mult == 1000 and value == 1):
                    return None  # 'satu ribu' is written 'seribu'
            total += value * mult
            group, unit, slot, big = 0, None, 1000, mult
        else:  # 'nol' inside a phrase
            return None
    return total + group + (unit or 0)


def words_to_int(text: str, fuzzy: bool = True) -> int | None:
    """'dua puluh tujuh' -> 27; 'Dua Ribu Sembilan Befas' -> 2019; malformed -> None."""
    words = to_words(text, fuzzy)
    return words_value(words) if words else None


def is_number_word(token: str, fuzzy: bool = True) -> bool:
    """True for one token that is (or OCR-damages) a number word, glued compounds included."""
    if canonical_word(token, fuzzy) is not None:
        return True
    return bool(_split_compound(token.lower()))
