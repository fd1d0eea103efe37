"""This agreement's numbers: the "Nomor : ..." lines of its heading block.

One number per party, as written, with the whitespace OCR and typists put
inside it removed ("445/ 23/UHK/BRSUD/2021" -> "445/23/UHK/BRSUD/2021").
Regular expressions, not spaCy: its tokenizer splits "119/123/KDN/2019".
Numbers of laws, decrees, NIP/NPWP and parent agreements live in the body
and are never read. A misread character is kept as read: a reviewer fixes it,
the rule does not guess.
"""

from __future__ import annotations

import re

from extractor.rules.base import Finding
from extractor.rules.heading import Heading, damaged_nomor_label, find_heading, line_texts
from extractor.rules.number_blanks import (
    BLANK_CAP,
    BLANK_MARK,
    DOTTED,
    SUSPECT_CAP,
    UNREAD_CAP,
    UNREAD_MARK,
    fill_confidence,
    judge_fill,
    unread_evidence,
    unread_lines,
)
from extractor.rules.number_crosscheck import check_numbers
from extractor.rules.number_grammar import ROMAN_MONTHS, backed_repair, check, roman_readings
from extractor.rules.number_lines import later_number_lines
from extractor.rules.number_party_blocks import party_block_rows, party_roles
from extractor.text import DocText
from models import Evidence

_LABEL = re.compile(
    r"^\W{0,3}(?:n\s?[o0]\s?(?:m|rn|rr)\s?[o0e]\s?r|no\b\.?)"
    r"(?:\s*/\s*number)?"
    r"(?:\s+(?:pihak|para)[\s'\"’]+(?:pertama|kesatu|kedua|ketiga|keempat|[ivx]+|\d))?"
    r"(?:\s*[:;.,»=”“\"'’|])*\s*",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s+(?:dan\s+)?(?:nomor|no\.)\s*[:;]?\s*", re.IGNORECASE)
_CUT = re.compile(r"\s+(?:tanggal|tgl\.?|tentang|tahun\s+\d{4})\b.*$", re.IGNORECASE)
_VALID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./\-&()_!|,']*$")
_ODD = re.compile(r"[!|,']")


def clean_number(raw: str) -> str | None:
    """The number as written without inner whitespace; None for blanks and OCR debris."""
    value = _CUT.sub("", raw.strip())
    value = re.sub(r"\s+", "", value)
    value = value.strip(".,;:|»«_-'\"`~")
    if len(value) < 4 or not any(c.isdigit() for c in value):
        return None
    if not _VALID.match(value):
        return None
    separators = value.count("/") + value.count(".") + value.count("-")
    if "/" not in value and separators < 2:
        return None
    if re.search(r"\.{3,}|_{2,}|[oO.]{4,}|([A-Za-z.])\1{3,}", value):
        return None  # an unfilled dotted line, as typed or as OCR reads it ('5.o.oooooo')
    return value


_MONTH_SLOT = re.compile(r"(?<=/)([IVXUWl1!|]{1,5})(?=/\d{4}\b)")


def roman_month(number: str, signing_month: int | None) -> tuple[str, str | None]:
    """Repair a Roman month misread ('X11', 'XI1', '11', 'VU', 'W') when the signing month
    decides.

    Numbers carry the month they were issued in Roman numerals, usually the
    signing month. OCR reads 'I' as '1', 'V' as 'U' or 'W', and 'XI1' may be XI
    or XII: only a reading that equals the signing month is taken, and the
    change is reported, never silent. A lone '1' in January is taken as the
    Roman I the slot is written in (the reviewer sees the note).
    """
    m = _MONTH_SLOT.search(number)
    if m is None or signing_month is None:
        return number, None
    segment = m.group(1)
    if segment in ROMAN_MONTHS:
        return number, None
    target = ROMAN_MONTHS[signing_month - 1]
    if target not in roman_readings(segment):
        return number, None
    repaired = number[: m.start(1)] + target + number[m.end(1) :]
    note = f"read '{number}'; month '{segment}' taken as Roman '{target}' (the signing month)"
    return repaired, note


def repaired(
    raw: str, signing_month: int | None, signing_year: int | None
) -> tuple[str, str | None]:
    """The reading with the one repair the signing date backs, and the note saying so.

    The month slot first (``roman_month``), else the grammar's other backed
    repair (a year glued to the segment before it, 'O' in the signing year, '|'
    for '/'); a repair nothing backs is left to the crosscheck and the second look.
    """
    number, note = roman_month(raw, signing_month)
    if note is None:
        number, note = backed_repair(number, signing_month, signing_year)
    return number, note


_YEAR_END = re.compile(r"(?:^|[/.\-])((?:19|20)\d{2})$")
_AMBIGUOUS_MONTH = re.compile(r"/(?:1{1,3}|[1IVX]*[1][IVX]+[1IVX]*|[IVX]+1[1IVX]*)/(?:19|20)\d{2}$")


def doubts_about(number: str, signing_year: int | None) -> list[str]:
    """Signs that OCR (or handwriting) damaged a number, for the reviewer: never corrected."""
    doubts = []
    year = _YEAR_END.search(number)
    if year is None:
        doubts.append(f"'{number}' does not end in a year")
    elif signing_year is not None and abs(int(year.group(1)) - signing_year) > 1:
        doubts.append(f"'{number}' carries year {year.group(1)}, signed {signing_year}")
    if _ODD.search(number):
        doubts.append(f"'{number}' holds characters numbers do not use (OCR)")
    if re.search(r"[a-z]{2,}\d|\d[a-z]{2,}|[/.\-]{2,}|\d[a-z]\d", number):
        doubts.append(f"'{number}' mixes letters and digits like OCR debris")
    if _AMBIGUOUS_MONTH.search(number):
        doubts.append(f"'{number}': month may be Roman I/II misread as 1")
    return doubts


def fill_of(line: str) -> str:
    """What a number line holds after its 'Nomor :' label (the whole line without one)."""
    m = _LABEL.match(line)
    if m:
        dots = re.search(r"[._…]{3,}[._…\s]*$", line)  # the label's pattern eats a dotted fill
        return line[m.end() :] or (dots.group() if dots else "")
    start = damaged_nomor_label(line)
    return line if start is None else line[start:]


def numbers_from_line(line: str) -> list[str]:
    m = _LABEL.match(line)
    if m:
        rest = line[m.end() :]
    else:
        start = damaged_nomor_label(line)
        if start is None:
            return []
        rest = line[start:]
    out = []
    for part in _SPLIT.split(rest):
        number = clean_number(part)
        if number is not None:
            out.append(number)
    return out


_COLON_READ = re.compile(r"^(?:[:;]|[1lI|!][:;]?)\s+(?=\S)")
"""A label's colon printed in a column of its own, read at the start of the number line."""


def _number_below(lines: list[str], idx: int) -> tuple[tuple[int, str] | None, str | None]:
    """The number printed under a label-only 'Nomor' line, with a note if debris was cut.

    A table of labels ('Nomor PIHAK KESATU' / 'Nomor PIHAK KEDUA') with the
    colons and numbers in columns to the right is read column by column: the
    labels come out stacked, then the numbers in the same order. So the n-th
    label of a run of labels takes the n-th line after the run. When the label
    has no colon of its own, a lone ':', '1', 'l' or '|' opening the number line
    is that colon (never a digit of the number: a space parts them) and is cut,
    with a note for the reviewer.
    """
    start = idx
    while start > 0 and _LABEL.fullmatch(lines[start - 1]):
        start -= 1
    end = idx
    while end + 1 < len(lines) and _LABEL.fullmatch(lines[end + 1]):
        end += 1
    target = end + 1 + (idx - start)
    if target >= len(lines) or _LABEL.match(lines[target]):
        return None, None
    raw = lines[target]
    note = None
    colon = _COLON_READ.match(raw)
    if colon and not re.search(r"[:;]", lines[idx]):
        raw = raw[colon.end() :]
        if colon.group().strip(" :;"):
            note = (
                f"'{colon.group().strip()}' before number '{raw.strip()}' read as the label's colon"
            )
    number = clean_number(raw)
    return ((target, number) if number is not None else None), note


def find_numbers(
    text: DocText,
    heading: Heading | None = None,
    signing_month: int | None = None,
    signing_year: int | None = None,
    parent: str | None = None,
    nk_cited: bool = False,
) -> Finding[list[str]]:
    """The heading's numbers, cross-checked with their other printings (``parent``: the
    cited parent agreement, whose numbers are not printings of these; ``nk_cited``: a PKS
    or addendum, whose sentences naming an NK cite another agreement)."""
    heading = heading if heading is not None else find_heading(text)
    if heading is None:
        return Finding([], 0.3, [], ["no heading block, so no numbers read"])
    lines = line_texts(text)
    numbers: list[str] = []
    evidence: list[Evidence] = []
    blanks = 0
    warnings: list[str] = []
    pages = [ref.page for ref in text.lines]
    unread: list[Evidence] = []
    suspect = False
    heading_lines = sorted({*heading.nomor_lines, *later_number_lines(lines, pages, heading)})
    places: list[tuple[int, list[str], str]] = []
    for idx in heading_lines:
        found = numbers_from_line(lines[idx])
        if not found and _LABEL.fullmatch(lines[idx]):
            below, note = _number_below(lines, idx)
            if below is not None:
                found = [below[1]]
                idx = below[0]
                if note:
                    warnings.append(note)
        places.append((idx, found, "'Nomor' line of the heading block"))
    roles = party_roles(lines)
    if 0 < len(places) < len(roles):  # a party whose number is not under the title
        after = max([heading.end_line, *(i + 1 for i, _, _ in places)])
        for row in party_block_rows(lines, after):
            raw = clean_number(row.fill)
            places.append((row.line, [raw] if raw else [], f"'Nomor' row of {row.role}'s block"))
    for idx, found, where in places:
        ref = text.lines[idx]
        reads = [repaired(raw, signing_month, signing_year) for raw in found]
        fill = judge_fill(
            fill_of(lines[idx]), [n for n, _ in reads], fill_confidence(ref), signing_year
        )
        if fill.kind == "blank":
            blanks += 1
            if fill.reason == DOTTED:
                unread.append(text.evidence(ref.start, ref.end, f"{BLANK_MARK}: {fill.reason}"))
            continue
        if fill.kind == "unread":
            unread.append(unread_evidence(text, ref, fill))
            warnings.append(f"{UNREAD_MARK}: {fill.reason}")
            continue
        for number, note in reads:
            if number in numbers:
                continue
            numbers.append(number)
            rule = where
            if note:
                warnings.append(note)
                rule += "; " + note
            if fill.reason:  # suspect: parses, but OCR was unsure of its words
                suspect = True
                rule += "; " + fill.reason
            evidence.append(text.evidence(ref.start, ref.end, rule))
    if not numbers:
        if unread_lines(unread):
            return Finding([], UNREAD_CAP, unread, warnings)
        if unread:  # dotted blanks only
            return Finding([], min(0.5, BLANK_CAP), unread, ["number lines are dotted blanks"])
        conf = 0.5 if blanks else 0.4
        note = "number lines are blank or unreadable" if blanks else "no 'Nomor' line in heading"
        return Finding([], conf, [], [note])
    checks = check_numbers(text, numbers, evidence, parent, nk_cited, signing_month, signing_year)
    for i, result in enumerate(checks):
        if result.number != numbers[i]:
            numbers[i] = result.number
            warnings.append(result.reason)
        elif result.verdict == "disagree":
            warnings.append(f"'{numbers[i]}': {result.reason}")
    conf = 0.9 if not blanks else 0.75  # a blank: one party left its number empty, or OCR lost it
    doubts = [d for n in numbers for d in doubts_about(n, signing_year)]
    for n in numbers:  # what the grammar names beyond those, once per number
        problems = [p for p in check(n, signing_year).problems if "signing year" not in p]
        if problems and not any(f"'{n}'" in d for d in doubts):
            doubts.append(f"'{n}': {problems[0]}")
    conf -= 0.25 * min(2, len(doubts))
    if any("crosscheck" not in w for w in warnings):
        conf -= 0.15
    conf = min(0.95, conf + min(c.delta for c in checks))
    warnings.extend(doubts)
    if suspect:
        conf = min(conf, SUSPECT_CAP)
    if unread_lines(unread):  # a party's number is on the page, but not read: the reviewer reads it
        conf = min(conf, UNREAD_CAP)
    elif unread:  # a dotted blank
        conf = min(conf, BLANK_CAP)
    return Finding(numbers, round(conf, 2), [*evidence, *unread], warnings)
