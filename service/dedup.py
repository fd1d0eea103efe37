"""Is this file an agreement the registry already holds?

Exact duplicates are the same bytes (sha256) and never reach this module. Near
duplicates are the same agreement read from other bytes: a rescan, a phone
photo, the digital original of a scan. They share what a clerk would compare
(the numbers, the parties, the signing date) and most of the text, but every
one of those can be misread by OCR, and one alone proves nothing: a party's
number is reused on two different agreements, an NK and its PKS share parties
and year, two PKS under one NK share a template. So a match needs the text to
agree *and* the weighted evidence to agree, and is only ever a *candidate* that
a reviewer confirms or rejects.

Scale: the check never compares page text against every agreement. Each
agreement has blocking keys (its normalised numbers; each party and region per
signing year) in an indexed table; a new file reads the agreements sharing a
key, keeps the ``MAX_CANDIDATES`` sharing most keys, and scores only those.

Thresholds (chosen on the generated corpus with its rescans, phone photos,
page images and digital twins, read by the real extractor; bench/registry.py
reports precision and recall):

- ``TEXT_MIN = 0.80``: rapidfuzz ``ratio`` of the normalised first
  ``FINGERPRINT_CHARS`` characters of text (title block, parties, opening).
  Scans and photos of one agreement stay above 0.85; two agreements on one
  template between the same parties fall below, because numbers, dates, title
  and counterpart differ inside that window. When one text is much shorter
  (under ``PARTIAL_BELOW`` of the other: a photo of the first page) the best
  alignment of the short text inside the long one (``partial_ratio``) counts,
  and the parties must then agree too.
- ``SCORE_MIN = 0.85``: weighted mean of the signals that were read (text 0.4,
  numbers 0.25, parties 0.2, signing date 0.15).
- When the numbers (``NUMBER_SAME``), the parties (0.9) and the signing date
  all agree, a text down to ``TEXT_LOW = 0.5`` is enough (a noisy photo).
- Hard stops: different known document types (an NK is never a duplicate of
  its PKS, an addendum never of its original); a different signing date,
  clearly different numbers (``NUMBER_DIFFERENT``) or different parties (each
  party's best match on the other side under ``PARTIES_DIFFERENT``: one
  province with two counterparts is two agreements, even under one reused
  number), unless the text is near-identical (``TEXT_SURE = 0.97``), which is
  how a misread date on one copy still matches.
- Institutions that differ as parties weigh against a match even when the text
  is near-identical: with the same number of parties on both sides, a party
  whose best match on the other side is under ``INSTITUTION_DIFFERENT = 0.6``
  (token_sort_ratio of the normalised names; OCR misreadings of one name stay
  above 0.8) makes the parties signal that score and stops the match. Two
  companies' PKS on one school's template scored 0.905 before this rule.

Page-level match (when the fields above find no duplicate). A photo of one
inner or last page (an annex, the signature page) has no title block, numbers,
parties or date, so it has no blocking keys and its opening is not the
agreement's opening; a phone photo may be read in another order. So:

- ``page_similarity``: each page of the new file (``PAGE_MIN_CHARS = 200`` or
  longer) finds its best ``ratio`` among all pages of all files of the
  candidate, averaged by length. Order-free and whole-page.
- ``PAGE_MIN = 0.94`` (generated corpus, 86 files, every page of every copy
  against every digital original): the highest page of a *different*
  agreement was 0.922 (an all-boilerplate article page of two PKS on one
  template), true inner-page images score 0.949-1.0 against their digital
  original, a five-page photo read out of order 0.965; a two-column signature
  page whose OCR dropped names scores 0.89 and stays a miss. The margin is
  narrow by nature: a page of pure boilerplate identifies no agreement.
- The page's numbers and dates (words with digits) must be on the candidate's
  pages too (``PAGE_DIGITS_SHARED = 0.8``): a sibling on the same template
  with other numbers and dates is not a copy.
- Candidates: the blocked ones sharing most keys (``PAGE_CANDIDATES``), and
  for a file of at most ``PAGE_FILE_MAX = 2`` pages the ``PAGE_CANDIDATES``
  best by FTS5 bm25 over the registry's page text, queried with the page's
  ``PAGE_TERMS`` rarest words: numbers and words outside the Indonesian
  lexicon (names of people, places, institutions), their agreement counts read
  from the index (fts5vocab), words in no agreement (OCR noise) or in more than
  ``PAGE_TERM_MAX_DOCS`` (template) dropped. Never all-pairs.
- A page match stands in for the text signal; the hard stops still apply to
  every field that was read, and only the signing date may then differ (a
  misread date) and only when the numbers and parties agree.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

FINGERPRINT_CHARS = 3000
TEXT_MIN = 0.80
TEXT_SURE = 0.97
TEXT_LOW = 0.5
PARTIAL_BELOW = 0.6
PARTIAL_MIN_CHARS = 120
SCORE_MIN = 0.85
NUMBER_SAME = 0.90
NUMBER_DIFFERENT = 0.60
PARTIES_DIFFERENT = 0.75
INSTITUTION_DIFFERENT = 0.6
"""A party whose best match on the other side scores under this is another institution."""
MAX_CANDIDATES = 40
PAGE_MIN = 0.94
PAGE_MIN_CHARS = 200
PAGE_FILE_MAX = 2
PAGE_QUERY_WORDS = 30
PAGE_TERMS = 8
PAGE_DIGITS_SHARED = 0.8
PAGE_TERM_MAX_DOCS = 1000
PAGE_CANDIDATES = 5
WEIGHTS = {"text": 0.4, "numbers": 0.25, "parties": 0.2, "date": 0.15}

_OCR_DIGITS = str.maketrans({"O": "0", "Q": "0", "I": "1", "L": "1", "|": "1"})
_WORD = re.compile(r"[a-z0-9]+")
_PARTY_NOISE = {
    "pemerintah",
    "pemda",
    "pihak",
    "pertama",
    "kedua",
    "ketiga",
    "kesatu",
    "dan",
    "the",
    "republik",
    "indonesia",
}


def norm_number(number: str) -> str:
    """Canonical form of an agreement number: OCR-prone letters folded to the
    digits they are misread as, spaces and decorations dropped, so
    ``119 / 123/KDN/2019`` and ``119/123/KDN/2Ol9`` meet."""
    upper = unicodedata.normalize("NFKC", number).upper()
    kept = re.sub(r"[^0-9A-Z/|]", "", upper)
    return kept.translate(_OCR_DIGITS).replace("|", "1")


_CITED = re.compile(r"[A-Za-z0-9][A-Za-z0-9./\-|]*[/.][A-Za-z0-9./\-|]*[A-Za-z0-9]")


_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


def cited_numbers(text: str) -> list[str]:
    """The agreement numbers inside a citation phrase ("Nota Kesepahaman ...
    Nomor 180/389/Setda/XI/2020 dan Nomor PUDP.DIR/PKS.046/2020 tentang ..."),
    normalised; a bare number is itself. Dates and decimals are left out: a
    number has a slash, or dots between at least three parts, and two digits."""
    found: list[str] = []
    for token in _CITED.findall(re.sub(r"\s*/\s*", "/", text or "")):
        if ("/" not in token and token.count(".") < 2) or _DATE.fullmatch(token):
            continue
        norm = norm_number(token)
        if len(norm) >= 5 and sum(c.isdigit() for c in norm) >= 2 and norm not in found:
            found.append(norm)
    return found


def norm_text(text: str) -> str:
    """Lower-case letters and digits separated by single spaces: what survives OCR."""
    if text.isascii():
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKD", text)
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return " ".join(_WORD.findall(folded))


def norm_party(name: str) -> str:
    """An institution name without the words every party shares."""
    words = [w for w in norm_text(name).split() if w not in _PARTY_NOISE]
    return " ".join(words)


def fingerprint(text: str) -> str:
    return norm_text(text)[:FINGERPRINT_CHARS]


@dataclass(frozen=True)
class Profile:
    """What dedup compares: one agreement's current values, normalised."""

    doc_type: str | None
    numbers: tuple[str, ...]
    parties: tuple[str, ...]
    regions: frozenset[str]
    signing_date: dt.date | None
    fingerprint: str
    parents: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()

    @property
    def year(self) -> int | None:
        return self.signing_date.year if self.signing_date else None


def profile(values: Mapping[str, Any], text_fingerprint: str, pages: Iterable[str] = ()) -> Profile:
    """Build a profile from current field values in their JSON form; ``pages``
    (the new file's page texts) enable the page-level match."""
    numbers = tuple(
        sorted({n for n in (norm_number(str(x)) for x in values.get("numbers") or []) if n})
    )
    parties: set[str] = set()
    regions: set[str] = set()
    for party in values.get("parties") or []:
        if not isinstance(party, Mapping):
            continue
        name = norm_party(str(party.get("institution") or party.get("region_name") or ""))
        if name:
            parties.add(name)
        if party.get("region_code"):
            regions.add(str(party["region_code"]))
    signing = values.get("signing_date")
    signing_date = dt.date.fromisoformat(signing) if isinstance(signing, str) else None
    parent = values.get("parent_agreement")
    doc_type = values.get("doc_type")
    return Profile(
        doc_type=doc_type if doc_type in {"NK", "PKS", "ADENDUM"} else None,
        numbers=numbers,
        parties=tuple(sorted(parties)),
        regions=frozenset(regions),
        signing_date=signing_date,
        fingerprint=text_fingerprint,
        parents=tuple(cited_numbers(parent)) if isinstance(parent, str) else (),
        pages=tuple(norm_text(page) for page in pages),
    )


@dataclass
class Match:
    agreement_id: int
    score: float
    reasons: list[str] = field(default_factory=list)
    duplicate: bool = False


def _number_similarity(a: Iterable[str], b: Iterable[str]) -> float | None:
    left, right = list(a), list(b)
    if not left or not right:
        return None
    return max(fuzz.ratio(x, y) for x in left for y in right) / 100.0


def _party_similarity(a: Profile, b: Profile) -> float | None:
    """Every party of each side should find itself on the other (a shared
    province with a different counterpart is a different agreement); region
    codes stand in only when names were not read."""
    if a.parties and b.parties:

        def side(left: tuple[str, ...], right: tuple[str, ...]) -> float:
            return sum(max(fuzz.token_sort_ratio(x, y) for y in right) for x in left) / len(left)

        return min(side(a.parties, b.parties), side(b.parties, a.parties)) / 100.0
    if a.regions and b.regions:
        return len(a.regions & b.regions) / len(a.regions | b.regions)
    return None


def _worst_party(a: Profile, b: Profile) -> float | None:
    """The party that finds itself least on the other side, when both sides name
    the same number of parties (an extra party read on one copy is OCR, not a
    different counterpart). Two companies' PKS on one school's template share
    almost every word and one party; the other party is what tells them apart."""
    if len(a.parties) < 2 or len(a.parties) != len(b.parties):
        return None
    best = [max(fuzz.token_sort_ratio(x, y) for y in b.parties) for x in a.parties]
    best += [max(fuzz.token_sort_ratio(y, x) for x in a.parties) for y in b.parties]
    return min(best) / 100.0


def _date_similarity(a: dt.date | None, b: dt.date | None) -> float | None:
    if a is None or b is None:
        return None
    if a == b:
        return 1.0
    one_field_differs = sum((a.year != b.year, a.month != b.month, a.day != b.day)) == 1
    return 0.5 if one_field_differs else 0.0


def _text_similarity(new: str, old: str) -> tuple[float, bool]:
    """ratio of the fingerprints; when one is much shorter (a photo of one page
    of the agreement) the best alignment of the shorter inside the longer."""
    if not new or not old:
        return 0.0, False
    text = fuzz.ratio(new, old) / 100.0
    short, long = sorted((new, old), key=len)
    if len(short) < PARTIAL_BELOW * len(long) and len(short) >= PARTIAL_MIN_CHARS:
        partial = fuzz.partial_ratio(short, long) / 100.0
        if partial > text:
            return partial, True
    return text, False


def page_similarity(new_pages: Iterable[str], old_pages: Iterable[str]) -> float | None:
    """How well the new file's pages find themselves among the old agreement's
    pages: each page's best ``ratio`` against any old page, averaged by length.
    Order-free (a photo read in another order still aligns) and whole-page (an
    annex page matches the annex, not the whole agreement's opening)."""
    olds = [page for page in old_pages if page]
    news = [page for page in new_pages if len(page) >= PAGE_MIN_CHARS]
    if not news or not olds:
        return None
    total = sum(len(page) for page in news)
    best = 0.0
    for page in news:
        found = process.extractOne(page, olds, scorer=fuzz.ratio)
        best += len(page) * (found[1] if found else 0.0)
    return best / total / 100.0


def compare(
    new: Profile, old: Profile, *, pages: float | None = None
) -> tuple[float, list[str], bool]:
    """Score ``new`` against ``old``: (score 0..1, reasons, is a candidate duplicate).

    ``pages`` is ``page_similarity`` of the two, when it was computed."""
    reasons: list[str] = []
    opening, partial = _text_similarity(new.fingerprint, old.fingerprint)
    text = opening
    page_match = pages is not None and pages >= PAGE_MIN and pages > opening
    if page_match and pages is not None:
        text, partial = pages, False  # whole pages align: stronger than a partial opening
    numbers = _number_similarity(new.numbers, old.numbers)
    parties = _party_similarity(new, old)
    worst = _worst_party(new, old)
    other_institution = worst is not None and worst < INSTITUTION_DIFFERENT
    if other_institution and parties is not None and worst is not None:
        parties = worst  # the differing institution weighs in the score, not the average
    date = _date_similarity(new.signing_date, old.signing_date)
    same_parties = parties is not None and parties >= 0.9
    text_sure = opening >= TEXT_SURE
    # the text is (near-)identical and the numbers and parties agree: a date that
    # differs was misread on one copy, so it is left out of the score
    date_misread = (
        date is not None
        and date < 1.0
        and (text_sure or page_match)
        and numbers is not None
        and numbers >= NUMBER_SAME
        and same_parties
    )
    signals = {"text": text, "numbers": numbers, "parties": parties}
    if not date_misread:
        signals["date"] = date
    available = {k: v for k, v in signals.items() if v is not None}
    weight = sum(WEIGHTS[k] for k in available)
    score = sum(WEIGHTS[k] * v for k, v in available.items()) / weight if weight else 0.0
    reasons.append(f"{'pages' if page_match else 'text'} {text:.2f}")
    if numbers is not None:
        reasons.append(f"numbers {numbers:.2f}")
    if parties is not None:
        reasons.append(f"parties {parties:.2f}")
    if date_misread:
        reasons.append("signing date differs: misread on one copy")
    elif date is not None:
        reasons.append(f"signing date {'same' if date == 1.0 else f'{date:.1f}'}")
    # every structured signal agrees exactly: the text may be only part of it
    agreeing = numbers is not None and numbers >= NUMBER_SAME and date == 1.0
    if partial:
        reasons.append("text of part of the agreement")
    duplicate = score >= SCORE_MIN and (
        text >= TEXT_MIN or (agreeing and same_parties and text >= TEXT_LOW)
    )
    if partial and not (same_parties or agreeing):
        duplicate = False  # a short page alone must also name the same parties
    if new.doc_type and old.doc_type and new.doc_type != old.doc_type:
        reasons.append(f"different type {new.doc_type}/{old.doc_type}")
        duplicate = False
    if date == 0.0 and not (text_sure or date_misread):
        reasons.append("different signing date")
        duplicate = False
    if numbers is not None and numbers < NUMBER_DIFFERENT and not text_sure:
        reasons.append("different numbers")
        duplicate = False
    if parties is not None and parties < PARTIES_DIFFERENT and not text_sure:
        reasons.append("different parties")
        duplicate = False
    if other_institution:  # as parties, not as template text: no text is sure enough
        reasons.append("different institution among the parties")
        duplicate = False
    return round(score, 4), reasons, duplicate
