"""Lines inside a heading block that are not the heading: logo, stamp and OCR debris.

A scanned heading is printed beside logos, under a stamp or over a signature,
and Tesseract reads those as short lines of their own between the heading's
lines: "&", "Nata" between "DAN" and the second party, "| AER / aa Disraker- /
| TRANG" under "ANTARA", "? / sesali anihoma / batam" between two "Nomor"
lines. Stopping at the first such line cuts the title ("... ANTARA X DAN").
Debris is told apart by shape (short, few words, often lower case or bare
punctuation) and by position: it sits in a run of short lines that the heading
resumes after (a long capitalised line, a connector, a "Nomor" or "TENTANG"
line). A run that nothing resumes after ends the block as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

DEBRIS_MAX_CHARS = 16
"""Longest stripped line read as logo/stamp debris ('sesali anihoma', 'aa Disraker-')."""
DEBRIS_MAX_WORDS = 2
RESUME_LOOKAHEAD = 6
"""Lines a debris run may span before the heading must resume (a logo is 3-5 OCR lines)."""

_WORD = re.compile(r"[A-Za-z]+")
_CONNECTOR = re.compile(
    r"^\W*(?:ANTARA|DAN|DENGAN|TENTANG|SERTA|ATAS|BETWEEN|AND|WITH|ON|TO|OF|REGARDING|CONCERNING)\W*$"
)
_CUT_END = re.compile(r"\b(?:ANTARA|DAN|DENGAN|TENTANG|SERTA|ATAS|TERHADAP)\W*$", re.IGNORECASE)


def is_connector(line: str) -> bool:
    """'ANTARA', 'DAN', 'DENGAN', 'TENTANG' alone on a line: the heading goes on."""
    return bool(_CONNECTOR.match(line.strip()))


def is_short(line: str) -> bool:
    """Short enough to be a logo or stamp fragment (a real party line is longer)."""
    stripped = line.strip()
    return len(stripped) <= DEBRIS_MAX_CHARS and len(stripped.split()) <= DEBRIS_MAX_WORDS


def looks_like_debris(line: str) -> bool:
    """A short line that is plainly not heading text: no capitalised word of 3+ letters,
    lower case letters, bare punctuation, or a '|' bar from a logo's edge."""
    stripped = line.strip()
    if not stripped:
        return True
    if not is_short(stripped) or is_connector(stripped):
        return False
    words = _WORD.findall(stripped)
    if not words:
        return True
    if "|" in stripped or any(c.islower() for c in "".join(words)):
        return True
    return max(len(w) for w in words) < 3


@dataclass(frozen=True)
class DebrisRun:
    """Lines ``first`` .. ``resume - 1`` are debris; the heading resumes at ``resume``."""

    first: int
    resume: int


def debris_run(
    lines: list[str],
    j: int,
    continues: Callable[[str], bool],
    limit: int = RESUME_LOOKAHEAD,
) -> DebrisRun | None:
    """The run of debris lines starting at line ``j``, if the heading resumes after it.

    ``continues`` tells whether a line carries the heading on (a capitalised
    heading line, a connector, a 'Nomor' or 'TENTANG' line). A run that reaches
    the opening sentence, a body line or the lookahead limit is not skipped.
    """
    k = j
    while k < len(lines) and k - j < limit and looks_like_debris(lines[k]):
        k += 1
    if k == j or k >= len(lines) or k - j >= limit or not continues(lines[k]):
        return None
    return DebrisRun(j, k)


def logo_word_before(
    lines: list[str],
    j: int,
    previous: str,
    continues: Callable[[str], bool],
) -> DebrisRun | None:
    """A short capitalised fragment ('AER', 'LYAN') in a logo's debris right after a
    connector, when a long party line follows the debris: the fragment is logo text.

    Only right after 'ANTARA'/'DAN'/'DENGAN' (where a party line is due) and only
    when the line the heading resumes at is long, so a short party name followed
    by noise and the next connector ('PT PLN / & / DAN') is kept.
    """
    if not is_connector(previous) or not is_short(lines[j]) or is_connector(lines[j]):
        return None
    run = debris_run(lines, j + 1, continues)
    if run is None:
        return None
    resumed = lines[run.resume]
    if is_short(resumed) or is_connector(resumed):
        return None
    return DebrisRun(j, run.resume)


def is_cut(parts: list[str]) -> bool:
    """A title that ends on a connector ('... GANESHA DAN') or names only one party
    ('... ANTARA AER'): the heading went on and was not read."""
    if not parts:
        return False
    joined = " ".join(parts).upper()
    if _CUT_END.search(joined):
        return True
    between = re.search(r"\bANTARA\b(.*)$", joined)
    if between is None:
        return False
    return not re.search(r"\b(?:DAN|DENGAN|SERTA|AND|WITH)\b", between.group(1))


_ENDS_NOMOR = re.compile(r"\bNOMOR\s*:?\s*$", re.IGNORECASE)
_CITED_NUMBER = re.compile(r"^\W{0,2}[\w.\-]*\d[\w.\-]*(?:\s*/\s*[\w.&\-]+)+(?=\s|$)")


def continues_cited_number(previous: str, line: str) -> bool:
    """An amendment's title cites what it amends ("PERUBAHAN ATAS PERJANJIAN KERJA SAMA
    NOMOR" / "111/ITCU/KL.07/VI/2022 DAN 119/912/Diskominfo/2022 TENTANG" / "..."): the
    wrapped number line is part of the title, though a number line never looks like a
    heading line."""
    return bool(_ENDS_NOMOR.search(previous) and _CITED_NUMBER.match(line))
