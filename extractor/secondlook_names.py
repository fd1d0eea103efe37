"""The second look at signatories and jabatan: the printed name re-read under the stamp.

A name in a signature block is where stamps, meterai and signatures land, so
it is the part of the parties OCR reads worst ("2 SUTRISNO", "DR. SU", a name
lost under the ink). When the parties field is weak, each party whose value
came from the block alone, or whose name the name grammar doubts, has its
name line cropped from the page image OCR already read (``Page.raster``) and
read again as one line, enlarged, in three binarisations, with the characters
a name holds. The readings are cleaned by the grammar of ``names.py`` and
compared with what the rules chose: a fuller form backed by two readings
replaces it (a name cut after its first title), readings that agree confirm
it, readings that disagree or cannot be read lower the confidence instead of
guessing. Every decision is written into the evidence's ``rule``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from extractor.ocr.engine import LineReading, OcrEngine
from extractor.rules.names import clean_jabatan, clean_signatory, core_name
from extractor.rules.party_clause import JOB_HEADS_START
from models import Box, Document, Evidence, Extraction, Page, Party

Reread = Callable[[OcrEngine, Page, Box, str], list[LineReading]]

WEAK = 0.9
"""Parties below this confidence get a second look at their names."""
NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.,'- "
"""What a printed name with titles holds: no digits, no '|' or '!' (stamp rings read as those)."""
UNREADABLE = 0.45
"""Mean Tesseract confidence below which a name line is taken as lost under ink."""
AMBIGUOUS_PENALTY = 0.15
AGREE = 90.0
"""token_sort_ratio of two readings' cores for them to be the same name."""
_JOB = re.compile(rf"^\W*{JOB_HEADS_START}", re.IGNORECASE)
_BLOCK = re.compile(r"^signature block of (PIHAK [A-Z ]+): (name slot|name|jabatan)$")
SLOT_CONFIDENCE = 0.6
"""A name read only by the second look, in the slot the page's OCR left empty."""


@dataclass
class NameDecision:
    value: str | None
    confidence_cap: float | None
    """lower the field's confidence to this, or None to leave it"""
    rule: str
    changed: bool = False


def name_fits(value: str | None) -> bool:
    """The name grammar's verdict: titles and name words only, nothing cut, nothing stray."""
    if not value or re.search(r"\d", value):
        return False
    cleaned = clean_signatory(value)
    return not cleaned.doubtful and len(core_name(cleaned.value)) >= 4


def _shown(readings: list[LineReading]) -> str:
    return ", ".join(f"'{r.text}'" for r in readings if r.text) or "nothing"


def decide_name(
    current: str | None, readings: list[LineReading], confidence: float
) -> NameDecision:
    """Choose between the rules' name and the re-readings of its line."""
    texts = [r for r in readings if r.text.strip()]
    shown = _shown(readings)
    if not texts or max(r.conf for r in texts) < UNREADABLE:
        if name_fits(current):
            return NameDecision(current, None, f"second look: the name line reads {shown}")
        cap = max(0.0, confidence - AMBIGUOUS_PENALTY)
        return NameDecision(
            current, cap, f"second look: the name line cannot be read ({shown}): ink over it?"
        )
    cleaned = [clean_signatory(r.text).value for r in texts]
    fitting = [c for c in cleaned if c and name_fits(c)]
    votes: Counter[str] = Counter(core_name(c).upper() for c in fitting)
    if not votes:
        cap = max(0.0, confidence - AMBIGUOUS_PENALTY)
        return NameDecision(current, cap, f"second look read {shown}; no reading fits a name")
    best_core, count = votes.most_common(1)[0]
    here = core_name(current).upper()
    if here and fuzz.token_sort_ratio(here, best_core) >= AGREE:
        return NameDecision(current, None, f"second look read {shown}: confirmed")
    fuller = bool(here) and best_core.startswith(here) and len(best_core) > len(here)
    if count >= 2 and (fuller or not name_fits(current)):
        chosen = max((c for c in fitting if core_name(c).upper() == best_core), key=len)
        why = "the rules' name was cut" if fuller else "the rules' name does not fit the grammar"
        return NameDecision(
            chosen,
            max(0.0, confidence - AMBIGUOUS_PENALTY / 2),
            f"second look: '{current}' -> '{chosen}' ({why}); read {shown}",
            changed=True,
        )
    cap = max(0.0, confidence - AMBIGUOUS_PENALTY)
    return NameDecision(
        current, cap, f"second look read {shown}; readings disagree with '{current}'"
    )


def decide_jabatan(
    current: str | None, readings: list[LineReading], confidence: float
) -> NameDecision:
    """A jabatan read from the block must open with a job word ("Kepala", "Direktur")."""
    texts = [r for r in readings if r.text.strip() and r.conf >= UNREADABLE]
    shown = _shown(readings)
    if current and _JOB.match(current):
        return NameDecision(current, None, f"second look read {shown}")
    jobs = [clean_jabatan(r.text.strip(" ,.")).value for r in texts]
    jobs = [j for j in jobs if j and _JOB.match(j)]
    agreed = Counter(j.upper() for j in jobs if j).most_common(1)
    if agreed and agreed[0][1] >= 2:
        chosen = next(j for j in jobs if j and j.upper() == agreed[0][0])
        return NameDecision(
            chosen, None, f"second look: jabatan '{current}' -> '{chosen}'; read {shown}", True
        )
    cap = max(0.0, confidence - AMBIGUOUS_PENALTY)
    return NameDecision(current, cap, f"second look read {shown}; no reading is a jabatan")


def _needs_look(party: Party, evidence: list[Evidence]) -> bool:
    rules = " ".join(e.rule or "" for e in evidence)
    from_block = "from the signature block" in rules
    return from_block or not name_fits(party.signatory)


def look_at_names(
    document: Document,
    extraction: Extraction,
    engine: OcrEngine,
    reread: Reread,
) -> tuple[int, int, list[str]]:
    """Re-read weak parties' names and jabatan; (changed, doubted, notes).

    ``reread`` is ``secondlook.reread`` (crop, enlarge, read in variants), passed in so
    that this module and the numbers' second look share one cropping routine.
    """
    confidence = extraction.confidence.get("parties", 1.0)
    if confidence >= WEAK or not extraction.parties:
        return 0, 0, []
    pages = {p.number: p for p in document.pages}
    evidence = extraction.evidence.get("parties", [])
    by_role = {p.role: k for k, p in enumerate(extraction.parties)}
    changed = doubted = 0
    notes: list[str] = []
    cap = confidence
    for ev in evidence:
        m = _BLOCK.match(ev.rule or "")
        page = pages.get(ev.page)
        if m is None or ev.box is None or page is None or page.raster is None:
            continue
        index = by_role.get(m.group(1))
        if index is None:
            continue
        party = extraction.parties[index]
        mine = [e for e in evidence if (e.rule or "").find(m.group(1)) >= 0]
        if m.group(2) == "name" and not _needs_look(party, mine):
            continue
        if m.group(2) == "name slot" and party.signatory is not None:
            continue
        if m.group(2) == "jabatan" and (
            "jabatan from the signature block" not in " ".join(e.rule or "" for e in mine)
        ):
            continue
        if m.group(2) == "jabatan" and ev.box[3] - ev.box[1] > 24:
            continue  # more than one line: a single-line re-read would garble it
        box = Box(x0=ev.box[0], top=ev.box[1], x1=ev.box[2], bottom=ev.box[3])
        readings = reread(engine, page, box, NAME_CHARS)
        if m.group(2) == "name slot":
            d = decide_name(None, readings, confidence)
            if d.changed:  # two readings agree on a name where the OCR read none
                d.confidence_cap = min(d.confidence_cap or confidence, SLOT_CONFIDENCE)
                d.rule = f"{d.rule} (the name the page's OCR lost under the ink)"
            update = {"signatory": d.value}
        elif m.group(2) == "name":
            d = decide_name(party.signatory, readings, confidence)
            update = {"signatory": d.value}
        else:
            d = decide_jabatan(party.title, readings, confidence)
            update = {"title": d.value}
        if d.changed:
            extraction.parties[index] = party.model_copy(update=update)
            changed += 1
        if d.confidence_cap is not None:
            cap = min(cap, d.confidence_cap)
            doubted += 1
        ev.rule = f"{ev.rule}; {d.rule}"
        notes.append(f"{m.group(1)}: {d.rule}")
    extraction.confidence["parties"] = round(cap, 3)
    return changed, doubted, notes
