"""The term of the agreement and its start and end dates.

"Perjanjian ini berlaku untuk jangka waktu 5 (lima) tahun terhitung sejak
tanggal ditandatangani" gives a duration, and a start that is the signing
date because the text says so. Explicit calendar dates ("sampai dengan tanggal
30 November 2021", "mulai tanggal 22 April 2019 s.d 30 April 2019") are
stated; an end date is computed (start + term - 1 day) only when the text
gives no end. Notice periods ("paling lambat 3 (tiga) bulan sebelum ...
berakhir") are terms of something else and are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from extractor.nlp import term_matcher, tokenize
from extractor.rules.base import Finding
from extractor.rules.date_forms import DateMention, find_dates
from extractor.rules.numbers_id import words_to_int
from extractor.rules.term_dates import add_duration
from extractor.text import DocText
from models.extraction import (
    Duration,
    DurationUnit,
    EndDateSource,
    Evidence,
    StartDateSource,
)

_UNIT: dict[str, DurationUnit] = {
    "tahun": "tahun",
    "thn": "tahun",
    "bulan": "bulan",
    "bln": "bulan",
    "hari": "hari",
}
_NOTICE_AFTER = re.compile(
    r"^\W*(?:\([^)]*\)\s*)?(?:\w+\W+)?(?:(?:kalender|kerja)\W+)?(?:sebelum|setelah|sesudah"
    r"|sejak\s+diterimanya|terhitung\s+(?:sejak|mulai)\s+(?:diterima|tanggal\s+surat))",
    re.IGNORECASE,
)
_TERM_CONTEXT = re.compile(
    r"\b(?:berlaku|masa\s+berlaku|jangka\s+waktu\b[^.;]{0,40}\b(?:perjanjian|kesepakatan|nota"
    r"|kerja\s*sama|mou|memorandum)\b)",
    re.IGNORECASE,
)
_OTHER_PERIOD = re.compile(r"\b(?:melebihi|lebih\s+dari|kurang\s+dari|setiap)\b", re.IGNORECASE)
_SENTENCE_START = re.compile(r".*(?:[.;:]\s|\n\(\d+\)|\n\d+[.)])", re.DOTALL)
_ARTICLE = re.compile(r"\b(?:JANGKA\s+WAKTU|MASA\s+BERLAKU|MASA\s+BERLAKUNYA)\b")
_FROM_SIGNING = re.compile(
    r"\b(?:sejak|mulai|terhitung)\s+(?:(?:dari\s+)?tanggal\s+)?(?:di\s*)?"
    r"(?:tanda\s*-?\s*tangan|penandatanganan|ditetapkan|ditandatangan)",
    re.IGNORECASE,
)
_START_BEFORE = re.compile(
    r"(?:mulai|sejak|terhitung\s+mulai|terhitung\s+sejak|terhitung|dari)\s+(?:tanggal|tgl\.?)?\s*$",
    re.IGNORECASE,
)
_END_BEFORE = re.compile(
    r"(?:s\.?\s?d\.?|s/d|sampai\s+dengan|sampai|hingga|berakhir\s+(?:pada\s+)?)"
    r"\s*(?:tanggal|tgl\.?)?\s*$",
    re.IGNORECASE,
)
_RANGE_CONTEXT = re.compile(
    r"berlaku|jangka\s+waktu|dilaksanakan|pelaksanaan|periode|masa|kegiatan|diselenggarakan",
    re.IGNORECASE,
)
_CITATION = re.compile(r"\b(?:nomor|keputusan|peraturan|tanggal\s+surat)\b", re.IGNORECASE)


NO_DATE_CONFIDENCE = 0.75
"""Start/end left empty because the text writes no calendar date for them."""


@dataclass
class TermFinding:
    duration: Finding[Duration | None]
    start: Finding[dt.date | None]
    end: Finding[dt.date | None]
    start_source: StartDateSource | None = None
    end_source: EndDateSource | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Term:
    value: int
    unit: DurationUnit
    start: int
    end: int
    score: float
    conflict: str | None


def _spaced(text: str) -> tuple[str, list[int]]:
    """Text with spaces around brackets (the tokenizer glues '5(lima'), and the offset map."""
    out: list[str] = []
    back: list[int] = []
    for i, c in enumerate(text):
        if c in "()":
            if out and out[-1] != " ":
                out.append(" ")
                back.append(i)
            out.append(c)
            back.append(i)
            if i + 1 < len(text) and not text[i + 1].isspace():
                out.append(" ")
                back.append(i + 1)
        else:
            out.append(" " if c == "\n" else c)
            back.append(i)
    back.append(len(text))
    return "".join(out), back


_UNIT_WORD = re.compile(r"\b(?:tahun|bulan|hari|thn|bln)\b", re.IGNORECASE)
WINDOW = 110
"""Characters before a unit word a term phrase may span ('waktu 24 (dua puluh empat) bulan')."""


def _windows(body: str) -> list[tuple[int, int]]:
    """Stretches of text around unit words: only these are tokenized (speed)."""
    spans: list[tuple[int, int]] = []
    for m in _UNIT_WORD.finditer(body):
        start, end = max(0, m.start() - WINDOW), m.end()
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _terms(body: str) -> list[_Term]:
    terms: list[_Term] = []
    for w_start, w_end in _windows(body):
        terms.extend(_terms_in(body, w_start, w_end))
    return terms


def _terms_in(body: str, w_start: int, w_end: int) -> list[_Term]:
    spaced, back = _spaced(body[w_start:w_end])
    doc = tokenize(spaced)
    longest: dict[int, tuple[int, int]] = {}
    for _, s, e in term_matcher()(doc):
        if s not in longest or e > longest[s][1]:
            longest[s] = (s, e)
    terms: list[_Term] = []
    for s, e in longest.values():
        span = doc[s:e]
        unit = _UNIT[span[-1].lower_]
        nums = [t for t in span if t._.id_num]
        digits = next((t.text for t in nums if t.text.isdigit()), None)
        words = " ".join(t.text for t in nums if not t.text.isdigit())
        spelled = words_to_int(words) if words else None
        conflict = None
        if digits is not None:
            value = int(digits)
            if spelled is not None and spelled != value:
                conflict = f"term written {value} but spelled {spelled} ({words})"
        elif spelled is not None:
            value = spelled
        else:
            continue
        start, end = w_start + back[span.start_char], w_start + back[span.end_char]
        before = body[max(0, start - 120) : start]
        sentence = _SENTENCE_START.match(before)
        if sentence is not None:
            before = before[sentence.end() :]  # only the clause the term is in
        after = body[end : end + 45]
        score = 0.0
        if _NOTICE_AFTER.match(after):
            score -= 5
        if re.search(r"paling\s+lambat|selambat", before[-30:] + span.text, re.I) and score < 0:
            score -= 2
        if _TERM_CONTEXT.search(before + span.text):
            score += 3
        if _OTHER_PERIOD.search(before[-40:]):
            score -= 3  # force majeure limits, reporting intervals
        article = list(_ARTICLE.finditer(body, 0, start))
        if article and start - article[-1].end() < 600:
            score += 2
        if re.match(r"^\W*(?:terhitung|sejak|mulai)", after, re.I):
            score += 1
        terms.append(_Term(value, unit, start, end, score, conflict))
    return terms


def _range_dates(
    body: str, dates: list[DateMention]
) -> tuple[DateMention | None, DateMention | None]:
    """Explicitly written start and end dates of the term or the activity period."""
    start: DateMention | None = None
    end: DateMention | None = None
    for mention in dates:
        before = body[max(0, mention.start - 40) : mention.start]
        window = body[max(0, mention.start - 250) : mention.start]
        if _CITATION.search(before) or not _RANGE_CONTEXT.search(window):
            continue
        if end is None and _END_BEFORE.search(before):
            end = mention
        elif start is None and _START_BEFORE.search(before):
            start = mention
    if start is not None and end is not None and end.value < start.value:
        return None, None
    return start, end


def _stated_confidence(body: str, mention: DateMention) -> float:
    """A written date next to 'berlaku'/'jangka waktu' is the term's; near 'kegiatan', less sure."""
    window = body[max(0, mention.start - 250) : mention.start]
    return 0.8 if re.search(r"berlaku|jangka\s+waktu|masa", window, re.IGNORECASE) else 0.6


def find_term(text: DocText, signing_date: dt.date | None) -> TermFinding:
    body = text.text
    terms = sorted(_terms(body), key=lambda t: (-t.score, t.start))
    best = terms[0] if terms and terms[0].score >= 2 else None
    warnings: list[str] = []
    if best is not None:
        rule = f"term phrase ({best.score:.0f} context points)"
        conf = 0.9 if best.score >= 5 else 0.75
        if best.conflict:
            conf = 0.45
            warnings.append(best.conflict)
            rule += "; digits and words disagree, digits kept"
        duration: Finding[Duration | None] = Finding(
            Duration(value=best.value, unit=best.unit),
            conf,
            [text.evidence(best.start, best.end, rule)],
            list(warnings),
        )
    else:
        duration = Finding(None, 0.6, [], [])

    dates = find_dates(body)
    stated_start, stated_end = _range_dates(body, dates)
    # no written date is the common, usually right, case ('sejak ditandatangani' only)
    start: Finding[dt.date | None] = Finding(None, NO_DATE_CONFIDENCE)
    end: Finding[dt.date | None] = Finding(None, NO_DATE_CONFIDENCE)
    start_source: StartDateSource | None = None
    end_source: EndDateSource | None = None
    if stated_start is not None:
        start = Finding(
            stated_start.value,
            _stated_confidence(body, stated_start),
            [text.evidence(stated_start.start, stated_start.end, "start date written in the text")],
        )
        start_source = "stated"
    elif best is not None or stated_end is not None:
        anchor = best.end if best is not None else stated_end.start if stated_end else 0
        window_start = max(0, anchor - 250)
        found = _FROM_SIGNING.search(body, window_start, min(len(body), anchor + 250))
        if found is not None and signing_date is not None:
            start = Finding(
                signing_date,
                0.8,
                [text.evidence(found.start(), found.end(), "term runs from the signing date")],
            )
            start_source = "signing_date"
    if stated_end is not None:
        end = Finding(
            stated_end.value,
            _stated_confidence(body, stated_end),
            [text.evidence(stated_end.start, stated_end.end, "end date written in the text")],
        )
        end_source = "stated"
        if best is not None and start.value is not None:
            expected = add_duration(start.value, best.value, best.unit)
            if abs((expected - stated_end.value).days) > 31:
                note = f"stated end {stated_end.value} but start + term gives {expected}"
                warnings.append(note)
                end.warnings.append(note)
                end.confidence = min(end.confidence, 0.5)
    elif best is not None and start.value is not None:
        computed = add_duration(start.value, best.value, best.unit)
        evidence = list(duration.evidence) + list(start.evidence)
        end = Finding(
            computed,
            min(duration.confidence, start.confidence) - 0.05,
            [
                Evidence(
                    page=e.page,
                    text=e.text,
                    box=e.box,
                    rule="computed: start + term - 1 day",
                )
                for e in evidence
            ],
        )
        end_source = "computed"
    return TermFinding(duration, start, end, start_source, end_source, warnings)
