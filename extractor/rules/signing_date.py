"""Which date is the signing date.

The signing date is chosen by context (the opening "Pada hari ini ...", a
dated title block, the "Place, date" line above the signatures) and never from
a citation ("Keputusan ... Nomor ... tanggal ..."), because PKS cite the date
of their Nota Kesepahaman and regulations carry years.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from extractor.rules.base import Finding
from extractor.rules.date_forms import find_dates, tokenize, weekday_of
from extractor.rules.sign_line_date import CITATION as _CITATION
from extractor.rules.sign_line_date import (
    find_sign_block,
    second_printing,
    sign_block_date,
    sign_line_date,
)
from extractor.rules.sign_line_date import mention_confidence as _confidence
from extractor.text import DocText

_OPENING = re.compile(
    r"\b(?:pada\s+hari\s+ini|hari\s+ini|pada\s+hari|dibuat\s+(?:dan\s+ditandatangani\s+)?pada"
    r"|pada\s+tanggal|on\s+this\s+day)\b",
    re.IGNORECASE,
)
_DATED_BLOCK = re.compile(r"^\s*tanggal\s*[:;.]?\s*", re.IGNORECASE | re.MULTILINE)
_DECREE = re.compile(
    r"\b(?:nomor|no\.|keputusan|peraturan|undang|surat|sk|ditetapkan|diundangkan|diangkat)\b",
    re.IGNORECASE,
)
DISAGREE_CAP = 0.6
"""Two printings of the signing date that disagree: one of them is wrong, a person decides."""
OPENING_WINDOW = 160
"""Characters between 'Pada hari ini' and the date it introduces (weekday, 'tanggal', OCR junk)."""


def _weekday_check(text: str, start: int, end: int, value: dt.date) -> tuple[int | None, str]:
    """Weekday named between the opening phrase and the date, and its source word."""
    for tok in tokenize(text[start:end]):
        if tok.text.isalpha() and tok.low not in ("hari", "ini", "pada", "tanggal"):
            wd = weekday_of(tok.text)
            if wd is not None:
                return wd, tok.text
    return None, ""


def find_signing_date(text: DocText) -> Finding[dt.date | None]:
    """The signing date by context: opening sentence, dated title block, signature line."""
    return locate_signing_date(text)[0]


def locate_signing_date(text: DocText) -> tuple[Finding[dt.date | None], int | None]:
    """The signing date and the offset where its written form ends (the place may follow)."""
    body = text.text
    dates = find_dates(body)
    sign_block = find_sign_block(text, dates)
    block_span = (
        (sign_block.place_start, sign_block.date.end)
        if sign_block is not None and sign_block.date is not None
        else (-1, -1)
    )
    # 1. the opening sentence: "Pada hari ini Senin tanggal ..."
    unreadable_opening = False
    for op in _OPENING.finditer(body):
        if block_span[0] <= op.start() < block_span[1]:
            continue  # 'Pada tanggal :' of the sign block above the signatures (step 2)
        weak = "ini" not in op.group().lower() and "dibuat" not in op.group().lower()
        if weak and _DECREE.search(body[max(0, op.start() - 100) : op.start()]):
            continue  # '... Keputusan Nomor 5 yang ditetapkan pada tanggal ...'
        if not any(0 <= m.start - op.end() <= OPENING_WINDOW for m in dates):
            unreadable_opening = unreadable_opening or not weak
            continue
        for mention in dates:
            if mention.start < op.end() or mention.start - op.end() > OPENING_WINDOW:
                continue
            between = body[op.end() : mention.start]
            if _CITATION.search(between):
                break
            warnings = mention.conflicts + mention.repairs
            spelled = mention.form not in ("numeric", "roman")
            conf = _confidence(mention, 0.95 if spelled else 0.85)
            rule = f"opening sentence '{op.group()}', date in {mention.form}"
            wd, word = _weekday_check(body, op.end(), mention.start, mention.value)
            if wd is not None:
                if wd != mention.value.weekday():
                    conf = min(conf, 0.55)
                    actual = calendar.day_name[mention.value.weekday()]
                    warnings.append(
                        f"weekday '{word}' does not match {mention.value} (a {actual}); "
                        "the date is kept as written"
                    )
                    rule += "; weekday disagrees"
                else:
                    rule += "; weekday agrees"
            if unreadable_opening and weak:
                conf = min(conf, 0.6)
                warnings.append(
                    "the 'Pada hari ini' sentence has no readable date; a later one used"
                )
            second = second_printing(text, dates)
            if second is not None and second.start > mention.end and second.value != mention.value:
                conf = min(conf, DISAGREE_CAP)
                warnings.append(
                    f"the date above the signatures says {second.value}; the opening's is kept"
                )
                rule += "; the date above the signatures disagrees"
            evidence = [text.evidence(op.start(), mention.end, rule)]
            return Finding(mention.value, conf, evidence, warnings), mention.end
    # 2. the sign block: "Dibuat di : Sukabumi / Pada tanggal : 12 April 2019"
    signed = sign_block_date(text, dates)
    if signed is not None:
        return signed
    # 3. a dated title block / cover: "Tanggal : 21 Mei 2021"
    heading_pages = min(text.page_starts, default=1) + 1
    for block in _DATED_BLOCK.finditer(body):
        if text.page_of(block.start()) > heading_pages:
            break  # 'Tanggal :' in an annex table is not the agreement's date
        labelled = re.search(r"[:;]", block.group()) is not None
        if not labelled and _CITATION.search(body[max(0, block.start() - 80) : block.start()]):
            continue  # '... Akta Pendirian Nomor 66 / tanggal 16 Mei 2008': a wrapped citation
        for mention in dates:
            if mention.start == block.end() or 0 <= mention.start - block.end() <= 2:
                rule = "dated title block 'Tanggal :'"
                return Finding(
                    mention.value,
                    _confidence(mention, 0.8),
                    [text.evidence(block.start(), mention.end, rule)],
                    mention.conflicts + mention.repairs,
                ), None
    # 4. "Surabaya, 27 Maret 2019" above the signatures (the last one in the document)
    found = sign_line_date(text, dates)
    if found is not None:
        return found
    missing = "no signing date found in the opening, title block or signatures"
    return Finding(None, 0.2, [], [missing]), None
