"""The place and date printed above the signatures.

Two shapes: the "Place, date" line ("Surabaya, 27 Maret 2019" on its own line,
right above the parties' columns, the last dated line of the document) and the
sign block ("Dibuat di : Sukabumi / Pada tanggal : 12 April 2019", also
"Ditandatangani di" and "Ditetapkan di", on one line or two). They date the
agreement when the opening does not, and check the opening's date when it
does: two printings that disagree make the signing date worth a look. A line
that cites a decree or another agreement is not a sign line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from extractor.rules.base import Finding
from extractor.rules.date_forms import DateMention
from extractor.text import DocText

CITATION = re.compile(
    r"\b(?:nomor|no\.|keputusan|peraturan|undang|surat|sk|tahun\s+\d{4}|kesepahaman|kesepakatan"
    r"|perjanjian|mou|memorandum)\b",
    re.IGNORECASE,
)
SIGN_BLOCK_CONFIDENCE = 0.85
DECREE_BLOCK_CONFIDENCE = 0.7
"""'Ditetapkan di' is how decrees close: in an agreement it is the sign block, but less surely."""
REPAIR_PENALTY = 0.1
"""A date read only after repairing look-alike digits ('2O19') is worth a look."""
_SIGN_LINE = re.compile(r"^\s*[A-Z][A-Za-z .'-]{2,40},\s*$")


def mention_confidence(mention: DateMention, base: float) -> float:
    """The rule's base confidence, lowered when the written forms of the date disagree."""
    conf = base
    if mention.conflicts:
        conf -= 0.25
    if mention.repairs:
        conf -= REPAIR_PENALTY
    return max(0.05, min(1.0, conf))


_SIGN_PLACE = re.compile(
    r"^[ \t]*(?P<verb>dibuat|ditandatangani|ditanda\s*tangani|ditetapkan)\s+di\s*[:;]?[ \t]*"
    r"(?P<place>[A-Za-z][^\n,:;]{1,60}?)"
    r"(?=[ \t]*(?:,|\n|$)|\s+(?:pada|tanggal|tgl)\b)",
    re.IGNORECASE | re.MULTILINE,
)
_TO_DATE = re.compile(
    r"[ \t]*,?\s*(?:pada\s+)?(?:(?:hari\s+\S+\s+)?tanggal|tgl\.?)?\s*[:;]?\s*", re.I
)


@dataclass(frozen=True)
class SignBlock:
    """'Dibuat di : <place>' and, when printed, the date under or after it."""

    verb: str
    place: str
    place_start: int
    place_end: int
    date: DateMention | None


def find_sign_block(text: DocText, dates: list[DateMention]) -> SignBlock | None:
    """The last sign block of the document (the one above the signatures)."""
    body = text.text
    found: SignBlock | None = None
    for m in _SIGN_PLACE.finditer(body):
        place = m.group("place").strip(" .")
        if len(place) < 3 or place.lower().startswith(("bawah", "atas", "hadapan", "sini")):
            continue
        after = _TO_DATE.match(body, m.end())
        at = after.end() if after is not None else m.end()
        date = next((d for d in dates if 0 <= d.start - at <= 1), None)
        found = SignBlock(m.group("verb").lower(), place, m.start("place"), m.end("place"), date)
    return found


@dataclass(frozen=True)
class SignLine:
    """'Surabaya, 27 Maret 2019' above the signatures: the place and the date."""

    place: str
    start: int
    date: DateMention


def find_sign_line(text: DocText, dates: list[DateMention]) -> SignLine | None:
    """The last 'Place, date' line of the document, or None."""
    body = text.text
    for mention in reversed(dates):
        line_start = body.rfind("\n", 0, mention.start) + 1
        line_end = body.find("\n", mention.end)
        line_end = len(body) if line_end < 0 else line_end
        before = body[line_start : mention.start]
        after = body[mention.end : line_end].strip(" .")
        if _SIGN_LINE.match(before) and not after and not CITATION.search(before):
            return SignLine(before.strip(" ,"), line_start, mention)
    return None


def sign_block_date(
    text: DocText, dates: list[DateMention]
) -> tuple[Finding[dt.date | None], int | None] | None:
    """The date of the sign block ('Dibuat di : X / Pada tanggal : D'), or None."""
    block = find_sign_block(text, before_annex(text, dates))
    if block is None or block.date is None:
        return None
    mention = block.date
    base = SIGN_BLOCK_CONFIDENCE if block.verb != "ditetapkan" else DECREE_BLOCK_CONFIDENCE
    rule = f"sign block '{block.verb} di ... pada tanggal' above the signatures"
    return Finding(
        mention.value,
        mention_confidence(mention, base),
        [text.evidence(block.place_start, mention.end, rule)],
        mention.conflicts + mention.repairs,
    ), mention.end


_ANNEX = re.compile(r"^[ \t]*LAMPIRAN\b", re.MULTILINE)


def before_annex(text: DocText, dates: list[DateMention]) -> list[DateMention]:
    """The dates before the first 'LAMPIRAN' heading (all of them when there is none)."""
    annex = _ANNEX.search(text.text)
    return [d for d in dates if annex is None or d.end <= annex.start()]


def second_printing(text: DocText, dates: list[DateMention]) -> DateMention | None:
    """The date above the signatures (sign block, else sign line), to check the opening's.

    Only before an annex ('LAMPIRAN ...'): a letter or table annexed after the
    signatures carries dates of its own.
    """
    body_dates = before_annex(text, dates)
    block = find_sign_block(text, body_dates)
    if block is not None and block.date is not None:
        return block.date
    line = find_sign_line(text, body_dates)
    return line.date if line is not None else None


def sign_line_date(
    text: DocText, dates: list[DateMention]
) -> tuple[Finding[dt.date | None], int | None] | None:
    """The date of the last 'Place, date' line before any annex, or None."""
    line = find_sign_line(text, before_annex(text, dates))
    if line is None:
        return None
    mention = line.date
    rule = "place and date line above the signatures"
    return Finding(
        mention.value,
        mention_confidence(mention, 0.7),
        [text.evidence(line.start, mention.end, rule)],
        mention.conflicts + mention.repairs,
    ), None
