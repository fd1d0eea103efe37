"""The "Place, date" line above the signatures, when the opening gives no date.

"Surabaya, 27 Maret 2019" on its own line, right above the parties' columns,
is the last dated line of the document; a line that cites a decree or another
agreement is not it.
"""

from __future__ import annotations

import datetime as dt
import re

from extractor.rules.base import Finding
from extractor.rules.date_forms import DateMention
from extractor.text import DocText

CITATION = re.compile(
    r"\b(?:nomor|no\.|keputusan|peraturan|undang|surat|sk|tahun\s+\d{4}|kesepahaman|kesepakatan"
    r"|perjanjian|mou|memorandum)\b",
    re.IGNORECASE,
)
_SIGN_LINE = re.compile(r"^\s*[A-Z][A-Za-z .'-]{2,40},\s*$")


def mention_confidence(mention: DateMention, base: float) -> float:
    """The rule's base confidence, lowered when the written forms of the date disagree."""
    conf = base
    if mention.conflicts:
        conf -= 0.25
    return max(0.05, min(1.0, conf))


def sign_line_date(
    text: DocText, dates: list[DateMention]
) -> tuple[Finding[dt.date | None], int | None] | None:
    """The last 'Place, date' line of the document, or None."""
    body = text.text
    for mention in reversed(dates):
        line_start = body.rfind("\n", 0, mention.start) + 1
        line_end = body.find("\n", mention.end)
        line_end = len(body) if line_end < 0 else line_end
        before = body[line_start : mention.start]
        after = body[mention.end : line_end].strip(" .")
        if _SIGN_LINE.match(before) and not after and not CITATION.search(before):
            rule = "place and date line above the signatures"
            return Finding(
                mention.value,
                mention_confidence(mention, 0.7),
                [text.evidence(line_start, mention.end, rule)],
                list(mention.conflicts),
            ), None
    return None
