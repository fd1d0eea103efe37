"""Where the agreement was signed, only when the text says so.

"bertempat di Surabaya", "ditandatangani ... di Jakarta", the opening
"... (20-12-2021) di Batam, yang bertanda tangan", the sign block "Dibuat di :
Sukabumi" / "Ditetapkan di" above the signatures, and last (less surely) the
"Sukabumi, 12 April 2019" line above them. Kept verbatim ("SMK Kota
Batam", "Tabanan dan Singaraja"); an address of a party ("berkedudukan di")
is not a signing place.
"""

from __future__ import annotations

import re

from extractor.rules.base import Finding
from extractor.rules.date_forms import find_dates
from extractor.rules.sign_line_date import find_sign_block, find_sign_line
from extractor.text import DocText

_STOP = (
    r"(?=\s*(?:[,.;:()]|\byang\b|\bkami\b|\bpada\b|\boleh\b|\bdalam\b|\bsebagaimana\b|\bdan\s+PARA\b"
    r"|\bdengan\b|\btelah\b|\bsecara\b|\bbertanda|\bmasing|\bdibuat\b|\bditandatangani\b"
    r"|\bmenandatangani\b|\bdiadakan\b|$))"
)
"""Where the place ends: punctuation (a comma OCR read as ')' too: 'di Luwu) kami'), or the
next word of the sentence."""
_PLACE = r"(?P<place>[A-Z0-9][\w'.-]*(?:[ \n]+[A-Za-z0-9][\w'.-]*){0,9}?)"
_BERTEMPAT = re.compile(r"\bbertempat\s+di\s*(?:\n\s*)?" + _PLACE + _STOP, re.IGNORECASE)
_SIGNED_AT = re.compile(
    r"\b(?:ditandatangani|dibuat|ditanda\s*tangani)\b[^.;]{0,90}?\bdi\s+" + _PLACE + _STOP,
    re.IGNORECASE,
)
_AFTER_DATE = re.compile(
    r"^\s*\)?\s*,?\s*di\s*(?:\n\s*)?" + _PLACE + r"(?=\s*,?\s*(?:yang|kami)\b)"
)


SIGN_BLOCK_PLACE = 0.8
DECREE_BLOCK_PLACE = 0.7
SIGN_LINE_PLACE = 0.5
"""'Surabaya, 27 Maret 2019' names where it was signed by convention, not in words: a look."""


def _clean(place: str) -> str:
    return re.sub(r"\s+", " ", place).strip(" ,.;:")


def find_place(text: DocText, date_end: int | None = None) -> Finding[str | None]:
    body = text.text
    m = _BERTEMPAT.search(body)
    if m is not None:
        place = _clean(m.group("place"))
        rule = "'bertempat di' in the opening"
        return Finding(place, 0.85, [text.evidence(m.start(), m.end(), rule)])
    if date_end is not None:
        m = _AFTER_DATE.match(body[date_end : date_end + 80])
        if m is not None:
            place = _clean(m.group("place"))
            start = date_end + m.start("place")
            rule = "'di <place>' right after the signing date"
            return Finding(place, 0.75, [text.evidence(start, date_end + m.end(), rule)])
    dates = find_dates(body)
    block = find_sign_block(text, dates)
    if block is not None:
        conf = SIGN_BLOCK_PLACE if block.verb != "ditetapkan" else DECREE_BLOCK_PLACE
        rule = f"sign block '{block.verb} di' above the signatures"
        evidence = [text.evidence(block.place_start, block.place_end, rule)]
        return Finding(_clean(block.place), conf, evidence)
    for m in _SIGNED_AT.finditer(body):
        place = _clean(m.group("place"))
        if place.lower().startswith(("bawah", "atas", "sini", "hadapan", "masing")):
            continue
        rule = "'ditandatangani ... di' names the place"
        return Finding(place, 0.6, [text.evidence(m.start(), m.end(), rule)])
    line = find_sign_line(text, dates)
    if line is not None and len(line.place.split()) <= 4:
        rule = "the 'Place, date' line above the signatures (by convention the signing place)"
        return Finding(
            _clean(line.place),
            SIGN_LINE_PLACE,
            [text.evidence(line.start, line.start + len(line.place), rule)],
            ["the place is read from the date line above the signatures only"],
        )
    return Finding(None, 0.7, [], [])
