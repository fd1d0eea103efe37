"""Every other place this agreement's number is printed, compared with the reading chosen.

A number is often printed more than once: a cover page and page 1, a running
header on every page, the opening sentence ("... Perjanjian Kerja Sama Nomor
119/123/KDN/2019 ..."), a Lampiran, the second signed copy bound into the same
PDF. Each printing is read by OCR on its own, so two printings that agree are
independent evidence, and two that differ show where OCR damaged one of them.

Not every similar number is a printing of this one: a PKS cites its parent
NK's numbers in its recitals ("sebagai tindak lanjut Kesepakatan Bersama ...
Nomor 500/4-KB/IV/2019 ..."), an addendum the agreement it amends, a party
clause the decree of an official. Those are told apart by the sentence they
stand in (citation words, another agreement's type) and by the parent rule's
own finding, and never count.

The verdict per number is typed (``Verdict``): ``agree`` (printed the same
elsewhere: confidence up a little), ``settled`` (the printings differ only in
look-alike characters and the grammar or the majority of printings decides:
the reading may be replaced, the reason written in the evidence),
``disagree`` (a printing differs in a way no look-alike explains, or the
look-alikes stay undecided: confidence down, written in the evidence) and
``alone`` (printed nowhere else: nothing changes).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from extractor.rules.number_grammar import (
    candidates,
    check,
    only_lookalikes,
    repairs,
    roman_readings,
    segments,
)
from extractor.text import DocText
from models import Evidence

Verdict = Literal["agree", "settled", "disagree", "alone"]

AGREE_BONUS = 0.05
"""An identical printing elsewhere: independent, but OCR of the same type face."""
DISAGREE_PENALTY = 0.25
CLOSE = 80.0
"""fuzz.ratio from which a token may be a printing of the number (else another number)."""
MAX_EDITS = 3
"""A printing that differs in more characters is another number, not a damaged copy."""

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9./\-|&()_!]*[A-Za-z0-9)]")
_SQUEEZE = re.compile(r"\s*([/|])\s*")
_LABEL = re.compile(r"^(?:nomor|no)[.:]?(?=\d)", re.IGNORECASE)
_CITATION = re.compile(
    r"\b(?:berdasarkan|tindak\s*lanjut|menindaklanjuti|pelaksanaan\s+dari|mengacu|merujuk"
    r"|sebagaimana|perubahan\s+atas|keputusan|peraturan|undang|surat\s+kuasa|akta|npwp"
    r"|tanggal\s+\d)",
    re.IGNORECASE,
)
_PARENT_KINDS = re.compile(
    r"\b(?:nota\s+kesepahaman|nota\s+kesepakatan|kesepakatan\s+bersama|memorandum|mou"
    r"|piagam)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[a-z]{3,}\.\s|;\s|\n\s*(?:\d{1,2}|[a-z])[.)]\s")
"""Where the sentence a token stands in begins (not 'No. ', 'PT. ' or 'Nomor : ')."""


@dataclass(frozen=True)
class Printing:
    """One more place a number like this one is printed."""

    text: str
    page: int
    line: int
    cited: bool
    """in a citation of another agreement or act: never a printing of this number"""


@dataclass(frozen=True)
class Crosscheck:
    """What the other printings say about one number."""

    read: str
    number: str
    """the reading after the check: ``read``, or the one a settled verdict chose"""
    verdict: Verdict
    printings: tuple[Printing, ...]
    reason: str

    @property
    def delta(self) -> float:
        """What the verdict does to the field's confidence."""
        if self.verdict == "agree":
            return AGREE_BONUS
        if self.verdict == "disagree":
            return -DISAGREE_PENALTY
        return 0.0


def _key(number: str) -> str:
    return re.sub(r"\s+", "", number).replace("|", "/")


def _in_citation(text: DocText, start: int, parent: str | None, token: str, nk_cited: bool) -> bool:
    """Is the token at ``start`` inside a citation of another agreement or act?"""
    if parent and _key(token).upper() in _key(parent).upper():
        return True
    window = text.text[max(0, start - 260) : start]
    cuts = [m.end() for m in _SENTENCE_END.finditer(window)]
    sentence = window[cuts[-1] :] if cuts else window
    if _CITATION.search(sentence):
        return True
    return nk_cited and bool(_PARENT_KINDS.search(sentence))


def printings(
    text: DocText, skip: set[int], parent: str | None = None, nk_cited: bool = False
) -> list[Printing]:
    """Number-shaped tokens of every line but ``skip`` (where the numbers were read).

    ``nk_cited``: this agreement is a PKS or an addendum, so a sentence naming a
    Nota Kesepahaman / Kesepakatan Bersama cites another agreement's number.
    A number cut at the end of a line ('Nomor 119/123/' + 'KDN/2019') is joined.
    """
    out: list[Printing] = []
    for i, ref in enumerate(text.lines):
        if i in skip:
            continue
        line = text.text[ref.start : ref.end]
        if i + 1 < len(text.lines) and re.search(r"[/.\-]$", line):
            nxt = text.text[text.lines[i + 1].start : text.lines[i + 1].end].split(" ")[0]
            line = line + nxt
        squeezed = _SQUEEZE.sub(r"\1", line)
        for m in _TOKEN.finditer(squeezed):
            token = _LABEL.sub("", m.group())
            if len(token) < 5 or not re.search(r"\d", token) or not re.search(r"[/|]", token):
                continue
            at = ref.start + min(m.start(), ref.end - ref.start)
            cited = _in_citation(text, at, parent, token, nk_cited)
            out.append(Printing(token, ref.page, i, cited))
    return out


def _lookalike(a: str, b: str, month: int | None, year: int | None) -> bool:
    """Do ``a`` and ``b`` differ only where OCR confuses characters?"""
    if a.upper() == b.upper() or only_lookalikes(a, b) or only_lookalikes(a.upper(), b.upper()):
        return True
    fixes = {
        r.number
        for n in (a, b)
        for r in [*repairs(n, month, year), *repairs(n, None, None), *candidates(n)]
    }
    if a in fixes or b in fixes:
        return True
    sa, sb = segments(a), segments(b)
    if len(sa) != len(sb):
        return False
    differ = [(x, y) for x, y in zip(sa, sb, strict=True) if x != y]
    return len(differ) == 1 and bool(
        (roman_readings(differ[0][0]) | {differ[0][0]})
        & (roman_readings(differ[0][1]) | {differ[0][1]})
    )


def _close(number: str, token: str) -> bool:
    a, b = _key(number).upper(), _key(token).upper()
    return fuzz.ratio(a, b) >= CLOSE and Levenshtein.distance(a, b) <= MAX_EDITS


def _decide(readings: Counter[str], month: int | None, year: int | None) -> tuple[str | None, str]:
    """The reading the grammar or the majority of printings picks among look-alikes."""
    valid = [r for r in readings if check(r, year).valid]
    fixes = {x.number for n in readings for x in repairs(n, month, year) if x.backed}
    backed = [r for r in valid if r in fixes]
    if len(valid) == 1:
        return valid[0], "the only reading the number grammar accepts"
    if len(backed) == 1:
        return backed[0], "the signing date backs it"
    if not valid:
        common = [f for f in fixes if check(f, year).valid]
        if len(common) == 1:
            return common[0], "every printing repairs to it, the signing date backs it"
    pool = valid or list(readings)
    ranked = sorted(pool, key=lambda r: -readings[r])
    ahead = len(ranked) == 1 or readings[ranked[0]] > readings[ranked[1]]
    if ahead and readings[ranked[0]] >= 2:
        return ranked[0], f"{readings[ranked[0]]} of {sum(readings.values())} printings"
    return None, "the grammar allows both and no majority decides"


def crosscheck(
    number: str,
    found: list[Printing],
    others: list[str],
    month: int | None = None,
    year: int | None = None,
) -> Crosscheck:
    """The verdict of the printings ``found`` on ``number`` (``others``: the agreement's
    other numbers, which claim the tokens closer to them)."""
    mine = []
    for p in found:
        if p.cited or not _close(number, p.text):
            continue
        mine_ratio = fuzz.ratio(_key(number).upper(), _key(p.text).upper())
        if any(fuzz.ratio(_key(o).upper(), _key(p.text).upper()) > mine_ratio for o in others):
            continue
        mine.append(p)
    if not mine:
        return Crosscheck(number, number, "alone", (), "printed nowhere else")
    where = ", ".join(f"'{p.text}' p.{p.page}" for p in mine[:4])
    same = [p for p in mine if _key(p.text) == _key(number)]
    look = [p for p in mine if p not in same and _lookalike(number, _key(p.text), month, year)]
    differ = [p for p in mine if p not in same and p not in look]
    if look:
        votes: Counter[str] = Counter({number: 1 + len(same)})
        votes.update(_key(p.text) for p in look)
        winner, why = _decide(votes, month, year)
        if winner is None:
            return Crosscheck(
                number,
                number,
                "disagree",
                tuple(mine),
                f"crosscheck: look-alike printings disagree ({where}); {why}",
            )
        verb = "kept" if winner == number else f"'{number}' -> '{winner}'"
        return Crosscheck(
            number, winner, "settled", tuple(mine), f"crosscheck: {verb} ({why}; {where})"
        )
    if differ and not (same and len(same) >= 2 * len(differ)):
        return Crosscheck(
            number,
            number,
            "disagree",
            tuple(mine),
            f"crosscheck: printed differently elsewhere, readings disagree ({where})",
        )
    return Crosscheck(number, number, "agree", tuple(mine), f"crosscheck: agree ({where})")


def skip_lines(text: DocText, evidence: list[Evidence]) -> set[int]:
    """The lines the numbers were read from (their evidence), not other printings."""
    wanted = {(ev.page, ev.text) for ev in evidence}
    out = set()
    for i, ref in enumerate(text.lines):
        if (ref.page, text.text[ref.start : ref.end].strip()[:500]) in wanted:
            out.add(i)
    return out


def check_numbers(
    text: DocText,
    numbers: list[str],
    evidence: list[Evidence],
    parent: str | None = None,
    nk_cited: bool = False,
    month: int | None = None,
    year: int | None = None,
) -> list[Crosscheck]:
    """One verdict per number; a verdict other than ``alone`` is written into its evidence."""
    found = printings(text, skip_lines(text, evidence), parent, nk_cited)
    out = []
    for i, number in enumerate(numbers):
        others = [n for j, n in enumerate(numbers) if j != i]
        result = crosscheck(number, found, others, month, year)
        out.append(result)
        if result.verdict != "alone" and i < len(evidence):
            ev = evidence[i]
            ev.rule = f"{ev.rule}; {result.reason}" if ev.rule else result.reason
    return out
