"""Heading variants of amendments and bilingual agreements, as archives print them.

An addendum opens with its own words before the agreement it amends
("PERUBAHAN PERTAMA ATAS / PERJANJIAN KERJA SAMA", "ADENDUM KEDUA / ATAS / ...",
"AMANDEMEN I", "ADDENDUM II", "FIRST AMENDMENT TO"), and agreements with a
foreign or national partner print each heading line with its English
translation under it. The title in the truth keeps the Indonesian lines only
(the registry files the Indonesian title); translation lines are printed only.
"""

from __future__ import annotations

import random

AMENDMENT_FORMS = (
    "adendum-ordinal",
    "perubahan-atas",
    "adendum-atas",
    "amandemen",
    "addendum-roman",
    "english",
)
_ROMAN = {"PERTAMA": "I", "KEDUA": "II"}
_ENGLISH_ORDINAL = {"PERTAMA": "FIRST", "KEDUA": "SECOND"}


def amendment_lines(form: str, ordinal: str, base_word: str) -> list[str]:
    """The opener lines of an addendum heading and the amended agreement's type line."""
    if form == "perubahan-atas":
        return [f"PERUBAHAN {ordinal} ATAS", base_word]
    if form == "adendum-atas":
        return [f"ADENDUM {ordinal}", "ATAS", base_word]
    if form == "amandemen":
        return [f"AMANDEMEN {_ROMAN[ordinal]}", base_word]
    if form == "addendum-roman":
        return [f"ADDENDUM {_ROMAN[ordinal]}", base_word]
    if form == "english":
        return [f"{_ENGLISH_ORDINAL[ordinal]} AMENDMENT TO", base_word]
    return [f"ADENDUM {ordinal}", base_word]


_TYPE_ENGLISH = {
    "NOTA KESEPAHAMAN": "MEMORANDUM OF UNDERSTANDING",
    "KESEPAKATAN BERSAMA": "JOINT AGREEMENT",
    "PERJANJIAN KERJA SAMA": "COOPERATION AGREEMENT",
    "PERJANJIAN KERJASAMA": "COOPERATION AGREEMENT",
    "NOTA KESEPAKATAN": "MEMORANDUM OF UNDERSTANDING",
}
_CONNECTOR_ENGLISH = {"ANTARA": "BETWEEN", "DAN": "AND", "DENGAN": "AND", "TENTANG": "ON"}
TOPIC_ENGLISH = (
    "COOPERATION IN EDUCATION, RESEARCH AND COMMUNITY SERVICE",
    "HUMAN RESOURCES DEVELOPMENT AND CAPACITY BUILDING",
    "STUDENT EXCHANGE AND JOINT RESEARCH",
    "IMPROVEMENT OF PUBLIC SERVICES",
    "REGIONAL DEVELOPMENT COOPERATION",
    "VOCATIONAL EDUCATION AND TRAINING",
)


def bilingual_lines(rng: random.Random, title_lines: list[str]) -> list[str]:
    """The heading as printed: each type line and connector followed by its translation,
    the topic followed by an English topic line. Party names are not translated."""
    printed: list[str] = []
    for i, line in enumerate(title_lines):
        printed.append(line)
        if line in _TYPE_ENGLISH:
            printed.append(_TYPE_ENGLISH[line])
        elif line in _CONNECTOR_ENGLISH:
            printed.append(_CONNECTOR_ENGLISH[line])
        elif i == 0 and line.startswith(("ADENDUM", "PERUBAHAN")):
            printed.append("AMENDMENT")
    printed.append(rng.choice(TOPIC_ENGLISH))
    return printed


DEBRIS = ("&", "|", "ken", "Sula", "aa Pemkab-", "? .", "| RUX", "Nata", "ii")
"""What OCR makes of the small caption or the ribbon of a logo printed beside a heading."""


def with_debris(rng: random.Random, printed: list[str]) -> tuple[list[str], set[int]]:
    """One or two logo-caption fragments after a connector where a party is due
    ('DAN / & / Nata / PEMERINTAH ...'), and the indexes of the fragments."""
    due = [i for i, line in enumerate(printed) if line in ("ANTARA", "DAN", "DENGAN")]
    if not due:
        return printed, set()
    at = rng.choice(due) + 1
    while at < len(printed) and printed[at] in ("BETWEEN", "AND"):
        at += 1  # after the translation of the connector, where the party name follows
    fragments = rng.sample(DEBRIS, rng.randint(1, 2))
    out = [*printed[:at], *fragments, *printed[at:]]
    return out, set(range(at, at + len(fragments)))
