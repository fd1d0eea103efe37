"""Structural doubts: values whose own shape says they are cut or ran into something.

The calibration model is fitted on generated training families, where a
title cut after "ANTARA X DAN" or a name cut after its first title hardly
occurs, so it learns no weight for them and can map such a value to 0.98.
Some shapes are nearly never right in any archive: a title that ends on a
connective or names one party after ANTARA, a name whose last token is a
two-letter fragment after a title, a scope item that ends on "dan" or carries
a page count. For those the confidence is capped after calibration, and the
reason is written into the warnings and the field's evidence (a stable English
phrase, shown in Indonesian by the pages), so the reviewer sees the value first
and knows why. Only the shape of the value is read: nothing here depends on one
template or one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.rules.date_forms import YEAR_GAP
from extractor.rules.label_stops import looks_labelled
from extractor.rules.names import ends_in_fragment
from extractor.rules.number_grammar import STATE_SCHOOLS, candidates, check, only_lookalikes
from extractor.rules.ordinals import role_rank
from models import Extraction

CUT_CAP = 0.3
"""A value that is visibly cut: the reviewer must look."""
RAN_ON_CAP = 0.45
"""A value that carries something else (page furniture, a second field): likely wrong."""

_CONNECTIVE = re.compile(
    r"(?:\b(?:DAN|DENGAN|ANTARA|TENTANG|SERTA|ATAS|OLEH|PADA|DI|KE|UNTUK|YANG|ATAU|BESERTA|NOMOR"
    r"|AND|BETWEEN|ON|OF|THE|WITH)|[,:;&(/-])\s*$",
    re.IGNORECASE,
)
_ANTARA = re.compile(r"\b(?:ANTARA|BETWEEN)\b(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_SECOND_PARTY = re.compile(r"\b(?:DAN|DENGAN|AND|WITH)\b|,", re.IGNORECASE)
_FURNITURE = re.compile(
    r"\bparaf\b|\bhalaman\b|\bhal\.\s*\d|\b\d+\s*dari\s*\d+\b|^\W*-\s*\d+\s*-\W*$|\bpage\s+\d+",
    re.IGNORECASE,
)
_REGIONAL = re.compile(
    r"\b(?:pemerintah|pemda|pemkab|pemkot|pemprov)\b|^\s*(?:kabupaten|kota|provinsi)\b",
    re.IGNORECASE,
)
"""An institution naming a regional government: its kind cannot be 'lainnya' unless the
region was not recognised (a name the region list spells otherwise, an OCR-damaged one)."""
_SPLIT_WORD = re.compile(
    r"(?:^|(?<=\s))(?!(?:di|ke|ya|se|km|kg|cm|mm|ha|no|yg|dg|pd|tv|ii|iv|vi|ix|xi)\b)[a-z]{1,2}"
    r"(?=\s[a-z]{2,})"
)
"""A word OCR split after its first letters ('pe ngembangan', 'pr oduktif'), as it does on
letter-spaced or blurred print: one or two lower-case letters that are no Indonesian word
standing before a lower-case word. The item's words are then damaged where no rule sees."""
_HEADING_WORDS = re.compile(
    r"\bTENTANG\b|\bANTARA\b|\bNOMOR\b\s*[:.]?\s*\S*\d|\d+\s*/\s*\d+", re.IGNORECASE
)
"""An institution holding the heading's words or a number ('... TENTANG PERUBAHAN ATAS ...
NOMOR 119/6.688/PEM/2019'): the party's name ran on into the title; no body is named so."""
_MARKER_INSIDE = re.compile(r"(?:[:;,.]|\bdan)\s+(?:\d{1,2}|[a-hA-H])[.,)]\s+[a-zA-Z]{3,}")
"""A list marker inside an item ('... kependudukan: 5, akses data ...'): two items run
together where OCR or the layout put the next marker on the same line."""
_ITEM_CUT = re.compile(r"\b(?:dan|serta|atau|yang|dengan|untuk|di|ke|pada|dalam)\s*$|[,(/-]\s*$")

_ITEM_SHAPES = (
    (_FURNITURE, "an item runs into a paraf box or page count"),
    (_ITEM_CUT, "an item ends on a connective"),
    (_MARKER_INSIDE, "two items run together"),
    (_SPLIT_WORD, "an item holds a word OCR split in two"),
)


@dataclass(frozen=True)
class Doubt:
    """One field capped because of its shape, and why (shown to the reviewer)."""

    field: str
    cap: float
    reason: str


def title_doubts(title: str | None) -> list[Doubt]:
    if not title:
        return []
    text = title.strip()
    if _CONNECTIVE.search(text):
        return [Doubt("title", CUT_CAP, "looks cut: ends on a connective")]
    between = _ANTARA.search(text)
    if between is not None:
        rest = re.split(r"\b(?:TENTANG|ON|CONCERNING)\b", between.group("rest"), maxsplit=1)[0]
        if not _SECOND_PARTY.search(rest):
            return [Doubt("title", CUT_CAP, "looks cut: one party only after ANTARA")]
    return []


_PARTY_FIELDS = ("institution", "signatory", "title", "kind", "region_code")


def _missing_role(extraction: Extraction) -> bool:
    """The roles skip an ordinal (PIHAK KEDUA and KETIGA, no KESATU): a party the clause
    defines was lost, so every party field is incomplete, however sure each value is."""
    found = []
    for party in extraction.parties:
        rank = role_rank(party.role)
        if rank is None:
            return False  # roles without ordinals: nothing to count
        found.append(rank)
    return bool(found) and sorted(found) != list(range(1, len(found) + 1))


def party_doubts(extraction: Extraction) -> list[Doubt]:
    doubts: list[Doubt] = []
    if _missing_role(extraction):
        reason = "a party is missing: the roles skip an ordinal"
        doubts.extend(Doubt(f"parties.{key}", RAN_ON_CAP, reason) for key in _PARTY_FIELDS)
    if any(not party.signatory for party in extraction.parties):
        # every party of an agreement signs it: an empty name is one OCR lost (a stamp over
        # it), never a right answer, whatever the model learned from "empty" in training
        doubts.append(Doubt("parties.signatory", CUT_CAP, "a party has no signatory"))
    for party in extraction.parties:
        if party.signatory and ends_in_fragment(party.signatory):
            doubts.append(
                Doubt("parties.signatory", RAN_ON_CAP, "looks cut: a short fragment ends the name")
            )
        if party.kind == "lainnya" and party.institution and _REGIONAL.search(party.institution):
            for key in ("parties.kind", "parties.region_code"):
                doubts.append(
                    Doubt(key, RAN_ON_CAP, "a regional government whose region is unknown")
                )
        if party.institution and (
            _HEADING_WORDS.search(party.institution) or len(party.institution) > 150
        ):
            reason = "the institution runs into the heading"
            for key in ("parties.institution", "parties.kind", "parties.region_code"):
                doubts.append(Doubt(key, RAN_ON_CAP, reason))
        # a jabatan, or an institution wrapped over a page break, carries the page count
        for key in ("title", "institution"):
            if _FURNITURE.search(getattr(party, key) or ""):
                doubts.append(Doubt(f"parties.{key}", RAN_ON_CAP, "runs into page furniture"))
    return doubts


def labelled_doubts(extraction: Extraction) -> list[Doubt]:
    """A party value that still holds 'Word : value' ran into another labelled row.

    The label stops cut the rows they know ('Alamat', 'NIP', misread as OCR reads
    them); a colon column left inside a jabatan, institution or name means a row whose
    label no stop knows (or OCR damaged beyond them) was swallowed: the value is likely
    wrong, whatever the model learned from clean rows.
    """
    doubts: list[Doubt] = []
    for key in ("signatory", "title", "institution"):
        if any(looks_labelled(getattr(p, key) or "") for p in extraction.parties):
            doubts.append(Doubt(f"parties.{key}", RAN_ON_CAP, "runs into another labelled row"))
    return doubts


def scope_doubts(items: list[str]) -> list[Doubt]:
    """The first shape, in this order, that any item has (one reason is enough to look)."""
    for pattern, reason in _ITEM_SHAPES:
        if any(pattern.search(item.strip()) for item in items):
            return [Doubt("scope", RAN_ON_CAP, reason)]
    return []


_SCHOOL_NUMBER = re.compile(r"\bNegeri\s+(\d{1,2})\b", re.IGNORECASE)
_SCHOOL_CODE = re.compile(rf"(?<![A-Za-z])(?:{STATE_SCHOOLS})([A-Z])(?=[A-Z]{{3}})")
"""A state school's code with a letter where its number goes ('SMKNSTORAJAUTARA')."""


def number_doubts(extraction: Extraction) -> list[Doubt]:
    """A number the grammar rejects for its characters (not for its year) was misread.

    Digital training documents never carry one, so the model may trust such a number on
    a text layer; '4l2', '2|2O23' or a lower-case Roman month before the year are OCR's
    (or a bad text layer's) and the reviewer must read the page.
    """
    year = extraction.signing_date.year if extraction.signing_date else None
    for number in extraction.numbers:
        problems = [p for p in check(number, year).problems if not p.startswith("year ")]
        if problems:
            return [Doubt("numbers", RAN_ON_CAP, "a number breaks the number grammar")]
    schools = {
        m.group(1) for p in extraction.parties for m in _SCHOOL_NUMBER.finditer(p.institution or "")
    }
    for number in extraction.numbers:
        for code in _SCHOOL_CODE.finditer(number):
            if any(only_lookalikes(code.group(1), n) for n in schools if len(n) == 1):
                # 'SMKNSTORAJAUTARA' beside 'SMK Negeri 5 Toraja Utara': the 5 read as 'S'
                return [Doubt("numbers", RAN_ON_CAP, "a school code reads a letter for its number")]
    for number in extraction.numbers:
        if candidates(number):
            # 'KS.O3', 'SMKNIPACET': a look-alike reading the cross-check and the second
            # look left undecided; both readings are possible, so neither is certain
            return [Doubt("numbers", RAN_ON_CAP, "a number has a look-alike reading undecided")]
    return []


def date_doubts(extraction: Extraction) -> list[Doubt]:
    """A signing year whose words go on past a word OCR lost ('dua ribd Ha puluh satu') and
    that no weekday settled: the year read is only the part before the gap."""
    for warning in extraction.warnings:
        if warning.startswith(f"signing_date: {YEAR_GAP}"):
            return [Doubt("signing_date", CUT_CAP, "the year's words are cut by an unread word")]
    return []


def find_doubts(extraction: Extraction) -> list[Doubt]:
    return [
        *number_doubts(extraction),
        *date_doubts(extraction),
        *title_doubts(extraction.title),
        *party_doubts(extraction),
        *labelled_doubts(extraction),
        *scope_doubts(extraction.scope),
    ]


def apply_doubts(extraction: Extraction) -> Extraction:
    """Cap each doubted field (and ``parties`` with a doubted part); say why in the warnings."""
    for doubt in find_doubts(extraction):
        keys = [doubt.field]
        if doubt.field.startswith("parties."):
            keys.append("parties")
        for key in keys:
            current = extraction.confidence.get(key)
            if current is None and key != doubt.field:
                continue
            extraction.confidence[key] = round(min(current or doubt.cap, doubt.cap), 3)
        note = f"{doubt.field}: {doubt.reason}"
        if note not in extraction.warnings:
            extraction.warnings.append(note)
        evidence = extraction.evidence.get(doubt.field.partition(".")[0], [])
        if evidence and doubt.reason not in (evidence[0].rule or ""):
            first = evidence[0]
            rule = f"{first.rule}; {doubt.reason}" if first.rule else doubt.reason
            evidence[0] = first.model_copy(update={"rule": rule})
    return extraction
