"""Number lines nobody can vouch for: a dotted blank, a fill written by hand, OCR junk.

Agreements are printed with the number line left open ("Nomor : ..........")
and numbered later: by a records office with a stamp or a typewriter, very
often by hand in pen. A blank gives no entry (one party left its number
empty, or it was filled after this copy). A handwritten fill is read by
Tesseract as a string that looks like a number and is not one
('100/Pem/Pawt/34(tx/20', '480118-KB/x/2019'): letters and digits a
secretariat never writes, the Roman month in lower case, no year, and words
the engine itself is unsure of. Such a reading is worse than none: it is the
registry's key, and a confident wrong key files the agreement under another.

So a fill is judged before it becomes a value (``judge_fill``): its mean word
confidence from OCR and whether the number grammar accepts it. An unread fill
gives no value; its line stays in the evidence (box included, so the reviewer
is taken to the place to read it by eye), marked ``UNREAD_MARK``, and the
field's confidence is held at ``UNREAD_CAP`` or below. The calibration stage
must not raise it back: ``cap_unread`` runs after it (``pipeline``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from extractor.rules.number_grammar import check
from extractor.text import DocText, LineRef
from models import Evidence, Extraction

UNREAD_MARK = "unread number fill"
"""Opens the evidence rule of a number line whose fill was not taken as a value."""
UNREAD_CAP = 0.3
"""The numbers field's confidence while one of its fills is unread: the reviewer reads it."""
VERY_LOW = 0.35
"""Mean word confidence under which a fill is unread whatever it looks like."""
LOW = 0.62
"""Mean word confidence under which a fill the grammar rejects is unread (handwriting)."""
BLANK_MARK = "dotted number blank"
"""Opens the evidence rule of a number line left dotted: no entry, but the signed copy
may carry the number by pen (records offices number copies after signing)."""
BLANK_CAP = 0.6
"""The numbers' confidence with a dotted blank: its emptiness is not known for sure."""
RECOVERED_MARK = "recovered number fill"
"""Opens the evidence rule of an unread fill the second look read twice the same way."""
RECOVERED_CAP = 0.6
"""The numbers' confidence with a recovered fill: the page's OCR doubted it once."""
SUSPECT_MARK = "low word confidence"
"""In the evidence rule of a number that parses but OCR was unsure of: the second look
re-reads it, and takes it as unread when its re-readings disagree among themselves."""
SUSPECT_CAP = 0.6
"""The field's rule confidence with a suspect number: low enough for the second look."""

FillKind = Literal["number", "blank", "unread"]
DOTTED = "a dotted blank: no number typed on this copy (one written by pen is not seen)"

_DOTS = re.compile(r"^[\s.·•…_\-:;,'\"`~°]*$")
"""What an unfilled line holds: dots, underscores, an ellipsis, stray colons."""
_LABEL_WORD = re.compile(
    r"^\W*(?:n\s?[o0]\s?(?:m|rn|rr)\s?[o0e]\s?r\W*|no\.?|number|pihak|para|pertama|kesatu"
    r"|kedua|ketiga|keempat|[ivx]+)?\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Fill:
    """What one number line holds after its label, judged."""

    kind: FillKind
    text: str
    """the fill as read (after the label)"""
    conf: float | None
    """mean OCR word confidence of the fill; None for a text layer or plain text"""
    reason: str


def fill_confidence(ref: LineRef | None) -> float | None:
    """Mean OCR confidence of the line's words after its label (None without OCR words).

    A text layer's words all carry 1.0, so a digital page is never taken for handwriting.
    """
    if ref is None or not ref.words:
        return None
    words = list(ref.words)
    while words and _LABEL_WORD.match(words[0].text):
        words.pop(0)
    if not words:
        return None
    return sum(w.conf for w in words) / len(words)


_YEAR_END = re.compile(r"(?:^|[/.\-])(?:19|20)\d{2}$")


def _problem(number: str, signing_year: int | None) -> str:
    """What is wrong with a reading, for a fill read with low confidence ('' when nothing).

    Beyond the grammar: no year at the end, or a bracket left open ('34(tx'), which
    typed numbers may show but a pen read by OCR nearly always does.
    """
    problems = check(number, signing_year).problems
    if problems:
        return problems[0]
    if not _YEAR_END.search(number):
        return "does not end in a year"
    if number.count("(") != number.count(")"):
        return "holds an unclosed bracket"
    return ""


def judge_fill(fill: str, numbers: list[str], conf: float | None, signing_year: int | None) -> Fill:
    """Blank, unread, or a number to take: from the fill, the numbers read from it, the
    OCR word confidence and the number grammar.

    Unread: something is written there (three letters or digits or more, with a
    '/' or read by OCR with low confidence; not a law's 'Nomor 12 Tahun 2019') and
    no number was read from it; or the engine was unsure (``LOW``) and the reading
    breaks the grammar, the mark of a pen: a typed number read with low
    confidence still parses. A reading that parses with very low word confidence
    (``VERY_LOW``) is kept but marked suspect (``SUSPECT_MARK``): Tesseract gives a
    typed number printed as one word a low confidence for one odd character
    ('XI1'), so only the second look, whose re-readings of a pen disagree among
    themselves, can tell.
    """
    text = fill.strip()
    if re.search(r"[._…]{3,}", text) and _DOTS.match(text):
        return Fill("blank", text, conf, DOTTED)
    if _DOTS.match(text) or (not numbers and len(re.findall(r"[A-Za-z0-9]", text)) < 3):
        return Fill("blank", text, conf, "nothing written on the line")
    shown = f"{conf:.2f}" if conf is not None else "?"
    if not numbers:
        written = "/" in text or "|" in text or (conf is not None and conf < LOW)
        if not written or re.search(r"\btahun\b", text, re.IGNORECASE):
            return Fill("blank", text, conf, "no agreement number on this line")
        return Fill("unread", text, conf, f"read '{text}', which holds no number (handwriting?)")
    if conf is None:
        return Fill("number", text, conf, "")
    broken = [n for n in numbers if _problem(n, signing_year)]
    if broken and conf < LOW:
        problem = _problem(broken[0], signing_year)
        return Fill(
            "unread",
            text,
            conf,
            f"read '{text}' with word confidence {shown}; '{broken[0]}' {problem} (handwriting?)",
        )
    if conf < LOW:  # one odd character lowers a glued typed number's word this much too
        return Fill("number", text, conf, f"{SUSPECT_MARK} {shown}: the second look decides")
    return Fill("number", text, conf, "")


def unread_evidence(text: DocText, ref: LineRef, fill: Fill) -> Evidence:
    """The unread line as evidence: its box takes the reviewer to the place to read."""
    return text.evidence(ref.start, ref.end, f"{UNREAD_MARK}: {fill.reason}")


def unread_lines(evidence: list[Evidence] | dict[str, list[Evidence]]) -> list[Evidence]:
    """The numbers' evidence of unread fills (from the list, or an extraction's map)."""
    evs = evidence.get("numbers", []) if isinstance(evidence, dict) else evidence
    return [ev for ev in evs if (ev.rule or "").startswith(UNREAD_MARK)]


def cap_unread(extraction: Extraction) -> Extraction:
    """Hold the numbers' confidence at ``UNREAD_CAP`` while a fill is unread.

    Runs after calibration, whose model sees a clean-looking list of numbers
    (or an empty one on a page where blanks are common) and would raise it. A fill
    the second look recovered is held at ``RECOVERED_CAP``, a dotted blank at ``BLANK_CAP``.
    """
    evidence = extraction.evidence.get("numbers", [])
    cap = None
    if unread_lines(evidence):
        cap = UNREAD_CAP
    elif any((ev.rule or "").startswith((RECOVERED_MARK, BLANK_MARK)) for ev in evidence):
        cap = min(RECOVERED_CAP, BLANK_CAP)
    if cap is not None:
        current = extraction.confidence.get("numbers", cap)
        extraction.confidence["numbers"] = round(min(current, cap), 3)
    return extraction
