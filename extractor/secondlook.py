"""The second look: weak fields re-read from the page image, chosen by a field grammar.

Runs after the rules, before the record is final. For a field whose
confidence is low and whose evidence has a box on an OCR page, the box is
cropped from the image OCR already read (``Page.raster``: nothing is rendered
twice), enlarged, and read again as one line in variants (grey, Otsu and
adaptive binarisation) with the characters the field can hold. The readings,
the first reading and the grammar's repairs are candidates; one replaces the
first reading only when the grammar accepts it and something independent
backs it (two re-readings agree, or the same number is printed elsewhere in
the document). A field that stays ambiguous loses confidence instead; a
line the engine cannot read with any confidence (handwriting) is marked low.
Every change and every doubt is written into the evidence's ``rule``.

The numbers field (the registry's key and its weakest field) here; signatories and
jabatan in ``secondlook_names.py``, with this module's crops.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from extractor.ocr.engine import LineReading, OcrEngine, get_engine
from extractor.rules.number_blanks import RECOVERED_MARK, SUSPECT_MARK, UNREAD_MARK, unread_lines
from extractor.rules.number_grammar import check, only_lookalikes, repairs, same_number
from extractor.rules.numbers import clean_number, numbers_from_line
from extractor.secondlook_crops import crop, line_only, reread, variants
from extractor.secondlook_names import look_at_names
from models import Box, Document, Evidence, Extraction, Settings

WEAK = 0.9
"""Numbers below this confidence get a second look (the rules give 0.9 to a clean read)."""
__all__ = ["crop", "decide_number", "line_only", "reread", "second_look", "variants"]

NUMBER_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz./-:()& "
"""What a 'Nomor : ...' line holds: no '|', '!', ',' or quotes, the usual OCR confusions.
The space must be listed: without it Tesseract glues the words and reports confidence 0."""
UNREADABLE = 0.45
"""Mean Tesseract confidence below which a re-read line is taken as handwriting or a stamp."""
AGREED_CONFIDENCE = 0.85
ADOPTED_CONFIDENCE = 0.7
AMBIGUOUS_PENALTY = 0.2
HANDWRITING_CONFIDENCE = 0.3


@dataclass
class Look:
    """What one field's second look did (for the bench's time per page)."""

    name: str
    changed: int = 0
    confirmed: int = 0
    doubted: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def _numbers_in(reading: str) -> list[str]:
    found = numbers_from_line(reading)
    if found:
        return found
    value = clean_number(re.sub(r"^\W*(?:no\w*)\W*", "", reading, flags=re.IGNORECASE))
    return [value] if value else []


def _closest(numbers: list[str], target: str) -> str | None:
    """The reading's number that stands for ``target`` (lines may hold two numbers)."""
    scored = [(fuzz.ratio(n, target), n) for n in numbers]
    best = max(scored, default=None)
    return best[1] if best and best[0] >= 60 else None


def _printed_elsewhere(document: Document, number: str, page: int) -> bool:
    squeezed = re.sub(r"\s+", "", number)
    count = 0
    for p in document.pages:
        text = re.sub(r"\s+", "", p.text)
        count += text.count(squeezed)
    return count >= 2


@dataclass
class _Decision:
    number: str
    confidence: float
    rule: str
    unread: bool = False
    """the fill is taken as unread (handwriting): no value, the line kept as evidence"""


def _consistent(
    first: str, readings: list[LineReading], month: int | None, year: int | None
) -> bool:
    """Do two of the readings (the page's and the crop's) come to one number, repairs
    allowed? Type re-read comes out the same each time; a pen comes out different."""

    def forms(n: str) -> set[str]:
        out = {n, *(r.number for r in repairs(n, month, year))}
        return {re.sub(r"\s+", "", f).replace("|", "/").upper() for f in out}

    seen = [forms(first)]
    for r in readings:
        n = _closest(_numbers_in(r.text), first) if r.text else None
        if n is None:
            continue
        mine = forms(n)
        if any(mine & other for other in seen):
            return True
        seen.append(mine)
    return False


def decide_number(
    first: str,
    readings: list[LineReading],
    document: Document,
    page: int,
    signing_month: int | None,
    signing_year: int | None,
    confidence: float,
    suspect: bool = False,
) -> _Decision:
    """Choose among the first reading, the re-readings and their grammatical repairs.

    ``suspect``: the rules saw OCR unsure of the number's words. Such a number is
    taken as unread when no two readings come to one number: the mark of a pen.
    """
    texts = [r for r in readings if r.text]
    doubtful = suspect or len(texts) >= 2  # a clean crop of type reads the same twice
    if doubtful and readings and not _consistent(first, texts, signing_month, signing_year):
        shown = ", ".join(f"'{r.text}'" for r in texts) or "nothing"
        return _Decision(
            first,
            min(confidence, HANDWRITING_CONFIDENCE),
            f"second look read {shown}: no two readings agree (handwriting?)",
            unread=True,
        )
    if texts and max(r.conf for r in texts) < UNREADABLE:
        if check(first, signing_year).valid:
            return _Decision(first, confidence, "second look: the crop reads with no confidence")
        return _Decision(
            first,
            min(confidence, HANDWRITING_CONFIDENCE),
            "second look: the line reads with no confidence (handwriting or a stamp?)",
            unread=True,
        )
    votes: Counter[str] = Counter()
    for r in texts:
        n = _closest(_numbers_in(r.text), first)
        if n is not None:
            votes[n] += 1
    candidates: dict[str, list[str]] = {}
    for n in [first, *votes]:
        candidates.setdefault(n, [])
        for rep in repairs(n, signing_month, signing_year):
            candidates.setdefault(rep.number, []).append(rep.reason)
    support: Counter[str] = Counter()
    for n, count in votes.items():
        support[n] += count
        for rep in repairs(n, signing_month, signing_year):
            support[rep.number] += count
    support[first] += 1
    for rep in repairs(first, signing_month, signing_year):
        support[rep.number] += 1
    shown = ", ".join(f"'{r.text}'" for r in texts) or "nothing"
    valid = {n for n in candidates if check(n, signing_year).valid}
    backed = {
        n: support[n]
        + (2 if _printed_elsewhere(document, n, page) else 0)
        + (1 if check(n, signing_year).year is not None else 0)
        for n in valid
    }
    if not backed:  # every reading and every repair breaks the grammar: nothing to vouch for
        return _Decision(
            first,
            min(confidence - AMBIGUOUS_PENALTY, HANDWRITING_CONFIDENCE),
            f"second look read {shown}; no reading fits the number grammar",
            unread=bool(texts),
        )
    ranked = sorted(backed.items(), key=lambda kv: (-kv[1], kv[0] != first))
    best, score = ranked[0]
    tie = len(ranked) > 1 and ranked[1][1] == score
    if tie and not any(same_number(best, n) for n, s in ranked[1:] if s == score):
        return _Decision(
            first,
            max(0.0, confidence - AMBIGUOUS_PENALTY),
            f"second look read {shown}; readings disagree: "
            + " / ".join(f"'{n}'" for n, s in ranked if s == score),
        )
    if best == first:

        def comes_to_first(n: str) -> bool:  # '11', 'I1' and 'II' in February are one month
            if n == first or same_number(n, first):
                return True
            return any(
                r.backed and r.number == first for r in repairs(n, signing_month, signing_year)
            )

        agreeing = sum(c for n, c in votes.items() if comes_to_first(n))
        if agreeing >= 2:
            plain = votes[first] >= 2
            return _Decision(
                first,
                max(confidence, AGREED_CONFIDENCE),
                f"second look read {shown}: confirmed" + ("" if plain else " (with the repairs)"),
            )
        others = [n for n in votes if not comes_to_first(n)]
        if others:
            return _Decision(
                first,
                max(0.0, confidence - AMBIGUOUS_PENALTY / 2),
                f"second look read {shown}; readings disagree: '{first}' / "
                + " / ".join(f"'{n}'" for n in others),
            )
        return _Decision(first, confidence, f"second look read {shown}")
    if score < 2:
        return _Decision(
            first,
            max(0.0, confidence - AMBIGUOUS_PENALTY),
            f"second look read {shown}; '{best}' fits the grammar but nothing backs it",
        )
    why = "; ".join(candidates.get(best) or [])
    if not why and best != first and (first.endswith(best) or first.startswith(best)):
        return _Decision(  # a re-read that lost a part ('No.' read as a second label)
            first, confidence, f"second look read {shown}; '{best}' is only part of '{first}'"
        )
    if (
        not why
        and check(first, signing_year).valid
        and (only_lookalikes(first, best) or stroke_stutter(first, best))
    ):
        return _Decision(
            first,
            max(0.0, confidence - AMBIGUOUS_PENALTY),
            f"second look read {shown}; '{first}' or '{best}': look-alike characters, "
            "the grammar allows both",
        )
    why = why or "re-read at higher resolution"
    return _Decision(
        best,
        max(ADOPTED_CONFIDENCE, min(confidence + 0.1, AGREED_CONFIDENCE)),
        f"second look: '{first}' -> '{best}' ({why}); read {shown}",
    )


_STROKES = set("I1l|!.,'")


def stroke_stutter(a: str, b: str) -> bool:
    """Do two readings differ only by strokes or dots put in or left out ('SMKNIPACET' and
    'SMKN1IPACET', '075/2.151' and '075/2151')? One serifed '1' is read as one stroke
    or two, a small dot is lost in one binarisation; no reading decides what was printed."""
    if len(a) == len(b):
        return False
    ops = Levenshtein.opcodes(a, b)
    changed = [op for op in ops if op.tag != "equal"]
    for op in changed:
        removed, added = a[op.src_start : op.src_end], b[op.dest_start : op.dest_end]
        if not set(removed + added) <= _STROKES:
            return False
    return bool(changed)


def recover_unread(
    readings: list[LineReading], month: int | None, year: int | None
) -> _Decision | None:
    """A fill the rules took as unread, read again from its crop: the number when two
    re-readings come to it (the signing date's repairs allowed), the grammar accepts
    it and its year is the signing year's; else None (it stays unread).

    Type damaged on one scan ('Ekbang!!lI/2024' for 'Ekbang/III/2024') reads the
    same twice from a clean crop; a pen almost never does.
    """
    found: Counter[str] = Counter()
    for r in readings:
        if not r.text or r.conf < UNREADABLE:
            continue
        for n in set(_numbers_in(r.text)):
            backed = [x.number for x in repairs(n, month, year) if x.backed]
            found[backed[0] if len(backed) == 1 else n] += 1
    shown = ", ".join(f"'{r.text}'" for r in readings if r.text) or "nothing"
    for n, count in found.most_common():
        c = check(n, year)
        if count < 2 or not c.valid or c.year is None:
            continue
        if year is not None and abs(c.year - year) > 1:
            continue
        return _Decision(
            n, ADOPTED_CONFIDENCE, f"second look read {shown}: '{n}' twice, the grammar accepts it"
        )
    return None


def _look_at_numbers(document: Document, extraction: Extraction, engine: OcrEngine) -> Look:
    look = Look("numbers")
    confidence = extraction.confidence.get("numbers", 0.0)
    if confidence >= WEAK or not (extraction.numbers or unread_lines(extraction.evidence)):
        return look
    pages = {p.number: p for p in document.pages}
    month = extraction.signing_date.month if extraction.signing_date else None
    year = extraction.signing_date.year if extraction.signing_date else None
    evidence = extraction.evidence.get("numbers", [])
    numbers = list(extraction.numbers)
    confidences = []
    dropped: list[int] = []
    for i, number in enumerate(numbers):
        ev = evidence[i] if i < len(evidence) else None
        page = pages.get(ev.page) if ev is not None else None
        if ev is None or ev.box is None or page is None or page.raster is None:
            confidences.append(confidence)
            continue
        box = Box(x0=ev.box[0], top=ev.box[1], x1=ev.box[2], bottom=ev.box[3])
        readings = reread(engine, page, box, NUMBER_CHARS, stop_on_agreement=True)
        suspect = SUSPECT_MARK in (ev.rule or "")
        d = decide_number(number, readings, document, page.number, month, year, confidence, suspect)
        confidences.append(d.confidence)
        look.notes.append(d.rule)
        if d.unread:
            dropped.append(i)
            ev.rule = f"{UNREAD_MARK}: '{number}', {d.rule}; {ev.rule}"
            look.doubted += 1
            continue
        if d.number != number:
            numbers[i] = d.number
            look.changed += 1
        elif d.confidence > confidence:
            look.confirmed += 1
        elif d.confidence < confidence:
            look.doubted += 1
        ev.rule = f"{ev.rule}; {d.rule}" if ev.rule else d.rule
    kept = [i for i in range(len(numbers)) if i not in dropped]
    rest = [evidence[i] for i in kept if i < len(evidence)]
    moved = [evidence[i] for i in dropped if i < len(evidence)]
    earlier = evidence[len(numbers) :]  # the rules' unread fills
    numbers = [numbers[i] for i in kept]
    recovered: list[Evidence] = []
    for ev in unread_lines(earlier):
        page = pages.get(ev.page)
        if ev.box is None or page is None or page.raster is None:
            continue
        box = Box(x0=ev.box[0], top=ev.box[1], x1=ev.box[2], bottom=ev.box[3])
        got = recover_unread(
            reread(engine, page, box, NUMBER_CHARS, stop_on_agreement=True), month, year
        )
        if got is None or got.number in numbers:
            continue
        numbers.append(got.number)
        confidences.append(got.confidence)
        ev.rule = f"{RECOVERED_MARK}: {got.rule}; was {ev.rule}"
        recovered.append(ev)
        look.changed += 1
        look.notes.append(got.rule)
    left = [ev for ev in earlier if ev not in recovered]
    extraction.evidence["numbers"] = [*rest, *recovered, *left, *moved]
    extraction.numbers = numbers
    extraction.confidence["numbers"] = round(min(confidences, default=confidence), 3)
    return look


def second_look(
    document: Document, extraction: Extraction, settings: Settings
) -> tuple[Extraction, list[Look]]:
    """Re-read the weak fields of ``extraction`` from the page images of ``document``."""
    if not any(p.raster is not None for p in document.pages):
        return extraction, []
    engine = get_engine(settings.ocr_engine, settings.ocr_languages, settings.tessdata_dir)
    started = time.perf_counter()
    look = _look_at_numbers(document, extraction, engine)
    look.seconds = round(time.perf_counter() - started, 4)
    extraction.warnings.extend(f"numbers: {n}" for n in look.notes if "->" in n or "disagree" in n)
    started = time.perf_counter()
    changed, doubted, notes = look_at_names(document, extraction, engine, reread)
    names = Look("parties", changed=changed, doubted=doubted, notes=notes)
    names.seconds = round(time.perf_counter() - started, 4)
    extraction.warnings.extend(f"parties: {n}" for n in notes if "->" in n or "disagree" in n)
    extraction.second_look_seconds = round(look.seconds + names.seconds, 4)
    return extraction, [look, names]
