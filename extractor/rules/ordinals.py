"""Indonesian ordinals of party roles, from PIHAK PERTAMA to PIHAK KEDUA PULUH DELAPAN.

Agreements between a province and all its kabupaten/kota define one role per
party ("selanjutnya disebut PIHAK KEDUA PULUH DELAPAN") and sign in a grid, so
an ordinal is one to three words: a head ("KEDUA", "KESEBELAS"), then "BELAS"
or "PULUH" and a unit ("DELAPAN"). OCR damages and glues the words
("PERTAMAdan", "KEDU", "PULUl"), so each word is matched fuzzily, with the
bound of ``ROLE_CUTOFF``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

ROLE_CUTOFF = 80.0
"""ratio for one ordinal word ("KESATOS" -> KESATU, "KEDU" -> KEDUA)."""

HEADS = {
    "PERTAMA": 1,
    "KESATU": 1,
    "KEDUA": 2,
    "KETIGA": 3,
    "KEEMPAT": 4,
    "KELIMA": 5,
    "KEENAM": 6,
    "KETUJUH": 7,
    "KEDELAPAN": 8,
    "KESEMBILAN": 9,
    "KESEPULUH": 10,
    "KESEBELAS": 11,
}
UNITS = {
    "SATU": 1,
    "DUA": 2,
    "TIGA": 3,
    "EMPAT": 4,
    "LIMA": 5,
    "ENAM": 6,
    "TUJUH": 7,
    "DELAPAN": 8,
    "SEMBILAN": 9,
}
_HEAD_OF = {1: "KESATU", **{v: k for k, v in HEADS.items() if v > 1}}
_UNIT_OF = {v: k for k, v in UNITS.items()}


@dataclass(frozen=True)
class Ordinal:
    value: int
    words: str
    """the ordinal as printed in canonical spelling, e.g. "KEDUA PULUH DELAPAN"."""
    consumed: int
    """how many words of the input it took."""


def _best(word: str, table: dict[str, int]) -> tuple[str | None, float]:
    up = re.sub(r"[^A-Z]", "", word.upper())
    if len(up) < 3:
        return None, 0.0
    best, score = None, 0.0
    for key in table:
        s = fuzz.ratio(up, key)
        if len(up) > len(key):  # glued to the next word: "PERTAMAdan"
            s = max(s, fuzz.ratio(up[: len(key)], key) - 1)
        if s > score:
            best, score = key, s
    return best, score


def head_key(word: str) -> str | None:
    """The head ordinal word an OCR-read word stands for ("KESATOS" -> "KESATU")."""
    if len(re.sub(r"[^A-Za-z]", "", word)) < 4:
        return None
    key, score = _best(word, HEADS)
    return key if score >= ROLE_CUTOFF else None


def read_ordinal(words: list[str], i: int = 0) -> Ordinal | None:
    """The ordinal starting at ``words[i]``: "KEDUA", "KEDUA BELAS", "KEDUA PULUH DELAPAN"."""
    if i >= len(words):
        return None
    key = head_key(words[i])
    if key is None:
        return None
    value, spelled, used = HEADS[key], [key], 1
    nxt = re.sub(r"[^A-Z]", "", words[i + 1].upper()) if i + 1 < len(words) else ""
    if 2 <= value <= 9 and nxt != "BELAH" and fuzz.ratio(nxt, "BELAS") >= ROLE_CUTOFF:
        return Ordinal(10 + value, f"{key} BELAS", 2)
    if 2 <= value <= 9 and fuzz.ratio(nxt, "PULUH") >= ROLE_CUTOFF:
        value, used = value * 10, 2
        spelled.append("PULUH")
        if i + 2 < len(words):
            unit, score = _best(words[i + 2], UNITS)
            if unit is not None and score >= ROLE_CUTOFF + 5:
                value += UNITS[unit]
                spelled.append(unit)
                used = 3
    return Ordinal(value, " ".join(spelled), used)


def ordinal_words(n: int) -> str:
    """The canonical spelling of role ``n``: 1 -> KESATU, 12 -> KEDUA BELAS, 28 -> KEDUA PULUH
    DELAPAN."""
    if n < 1 or n > 99:
        return str(n)
    if n in _HEAD_OF:
        return _HEAD_OF[n]
    if n < 20:
        return f"{_HEAD_OF[n - 10]} BELAS"
    tens, unit = divmod(n, 10)
    out = f"{_HEAD_OF[tens]} PULUH"
    return f"{out} {_UNIT_OF[unit]}" if unit else out


def role_rank(role: str | None) -> int | None:
    """1.. for a role as written ("PIHAK KEDUA PULUH", "Pihak Pertama"), else None."""
    words = re.findall(r"[A-Za-z]+", role or "")
    for k, w in enumerate(words):
        if w.upper() == "PIHAK" and k + 1 < len(words):
            found = read_ordinal(words, k + 1)
            return found.value if found else None
    found = read_ordinal(words, 0)
    return found.value if found else None


def role_word(n: int) -> str:
    """The ordinal word of role ``n`` as the first four are most often printed (PERTAMA, not
    KESATU), for parties read without a clause."""
    return "PERTAMA" if n == 1 else ordinal_words(n)
