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

import cv2
import numpy as np
from PIL import Image
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from extractor.ocr.engine import LineReading, OcrEngine, get_engine
from extractor.rules.number_blanks import SUSPECT_MARK, UNREAD_MARK
from extractor.rules.number_grammar import check, only_lookalikes, repairs, same_number
from extractor.rules.numbers import clean_number, numbers_from_line
from extractor.secondlook_names import look_at_names
from models import Box, Document, Extraction, Page, Settings

WEAK = 0.9
"""Numbers below this confidence get a second look (the rules give 0.9 to a clean read)."""
SCALE = 2.0
"""Crops are enlarged twice: Tesseract's LSTM reads best at ~30 px x-height."""
PAD = 0.35
"""Padding around the evidence box, as a share of its height."""
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


RULE_SHARE = 5
"""A run of ink at least a fifth of the crop's width on one row is a rule, not a letter."""


def line_only(part: np.ndarray) -> np.ndarray:
    """The crop with printed rules taken out and cut to the band of the line itself.

    A number filled in by hand sits on a dotted or solid rule, often under the
    heading's double line and over the next 'Nomor' line; read as one line
    (single-line segmentation) Tesseract then reads nothing at all. Long
    horizontal runs of ink are whitened, and the rows are cut where the ink
    around the crop's middle (the box's line) stops.
    """
    h, w = part.shape
    _, ink = cv2.threshold(part, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (max(20, w // RULE_SHARE), 1))
    rules = cv2.dilate(cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel), np.ones((3, 3), np.uint8))
    out = part.copy()
    out[rules > 0] = 255
    rows = ((ink > 0) & (rules == 0)).sum(axis=1)
    floor = max(1, w // 100)
    top = bottom = h // 2
    while top > 0 and rows[top - 1] > floor:
        top -= 1
    while bottom < h - 1 and rows[bottom + 1] > floor:
        bottom += 1
    if bottom - top < 0.15 * h:  # the middle is a gap (a box off the line): keep it all
        return out
    margin = max(4, h // 25)
    return out[max(0, top - margin) : min(h, bottom + margin + 1)]


def crop(page: Page, box: Box) -> np.ndarray | None:
    raster = page.raster
    if raster is None:
        return None
    pad = PAD * max(1.0, box.bottom - box.top)
    padded = Box(x0=box.x0 - pad, top=box.top - pad, x1=box.x1 + pad, bottom=box.bottom + pad)
    region = raster.crop(padded)  # a page restored from a checkpoint renders only this box
    if region is None:
        return None
    part = np.frombuffer(region.pixels, dtype=np.uint8).reshape(region.height, region.width)
    big = cv2.resize(part, None, fx=SCALE, fy=SCALE, interpolation=cv2.INTER_CUBIC)
    return line_only(big)


def variants(part: np.ndarray) -> list[np.ndarray]:
    """Grey, global Otsu and local (adaptive) binarisation: each fails on different damage."""
    _, otsu = cv2.threshold(part, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    block = max(15, (part.shape[0] // 2) | 1)
    local = cv2.adaptiveThreshold(
        part, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C, cv2.THRESH_BINARY, block, 15
    )
    return [part, otsu, local]


def reread(engine: OcrEngine, page: Page, box: Box, chars: str) -> list[LineReading]:
    part = crop(page, box)
    if part is None or page.raster is None:
        return []
    dpi = round(page.raster.dpi * SCALE)
    return [engine.line(Image.fromarray(v), dpi, chars) for v in variants(part)]


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


_STROKES = set("I1l|!")


def stroke_stutter(a: str, b: str) -> bool:
    """Do two readings differ only by vertical strokes put in or left out ('SMKNIPACET' and
    'SMKN1IPACET')? One serifed '1' or 'I' is read as one stroke or two; no reading
    decides how many were printed."""
    if len(a) == len(b):
        return False
    ops = Levenshtein.opcodes(a, b)
    changed = [op for op in ops if op.tag != "equal"]
    for op in changed:
        removed, added = a[op.src_start : op.src_end], b[op.dest_start : op.dest_end]
        if not set(removed + added) <= _STROKES:
            return False
    return bool(changed)


def _look_at_numbers(document: Document, extraction: Extraction, engine: OcrEngine) -> Look:
    look = Look("numbers")
    confidence = extraction.confidence.get("numbers", 0.0)
    if confidence >= WEAK or not extraction.numbers:
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
        readings = reread(engine, page, box, NUMBER_CHARS)
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
    if dropped:  # unread: out of the values, their lines kept as evidence after the rest
        kept = [i for i in range(len(numbers)) if i not in dropped]
        moved = [evidence[i] for i in dropped]
        rest = [evidence[i] for i in kept if i < len(evidence)]
        numbers = [numbers[i] for i in kept]
        extraction.evidence["numbers"] = [*rest, *evidence[len(numbers) + len(dropped) :], *moved]
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
