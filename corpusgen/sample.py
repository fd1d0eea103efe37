"""One generated agreement: its wording, its layout and its ground truth.

``generate_sample`` decides everything from the seed (parties, numbers, date,
wording, article order), typesets it, and records the truth in the exact
conventions of the real-dev labels. ``parent`` lets the corpus builder make a
PKS that carries out an NK of the corpus, or an addendum of a corpus agreement.
Each section of the agreement is written by its own function (``front``,
``articles``, ``closing``) over one ``Draft``.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import replace
from typing import Any

from corpusgen import articles, closing, front, front_numbers
from corpusgen.acting import acting_party
from corpusgen.drafting import (
    GENERATOR_VERSION,
    Builder,
    Draft,
    Sample,
    choose_parties,
    draw_signing_date,
    party_slug,
    role_ordinal,
    title_case,
    weighted,
)
from corpusgen.families import FAMILIES, ROTATION_FAMILIES
from corpusgen.handwriting import fill_blank
from corpusgen.numbering import number_for
from corpusgen.pagination import RunningText, paginate
from corpusgen.parties import PartySpec
from corpusgen.people import make_person
from corpusgen.topics import TOPICS

__all__ = ["GENERATOR_VERSION", "Sample", "generate_sample"]

SECTIONS = (
    front.heading,
    front_numbers.number_lines,
    front.opening,
    front.party_clauses,
    front.recitals,
    articles.articles,
    closing.signatures,
    closing.annex,
)
"""In the order they are printed: each draws from the seed's generator in turn."""


def generate_sample(
    seed: int,
    *,
    family: str | None = None,
    doc_type: str | None = None,
    parent: Sample | None = None,
    reuse_from: tuple[Sample, int] | None = None,
) -> Sample:
    """Make one agreement from ``seed``.

    ``parent``: with doc_type PKS the new agreement carries out that NK (same
    parties, cites its numbers); with ADENDUM it amends it. ``reuse_from``
    (other sample, party index): that party of the other agreement signs this
    different agreement too and prints the same number (the number-reuse trap).
    """
    if family is not None and family not in FAMILIES:
        raise ValueError(f"unknown family {family!r}; expected one of {sorted(FAMILIES)}")
    if doc_type is not None and doc_type not in ("NK", "PKS", "ADENDUM"):
        raise ValueError(f"unknown doc_type {doc_type!r}; expected NK, PKS or ADENDUM")
    rng = random.Random(seed)
    fam = FAMILIES[family] if family else FAMILIES[rng.choice(ROTATION_FAMILIES)]
    dtype = doc_type or weighted(rng, fam.doc_types)
    d = draw_signing_date(rng, parent)
    parties = choose_parties(rng, fam, d.year, parent)
    if reuse_from is not None:
        other, idx = reuse_from
        idx = min(idx, len(parties) - 1)
        parties[idx] = other.parties[min(idx, len(other.parties) - 1)]
        if other.signing_date is not None:
            d = other.signing_date + dt.timedelta(days=rng.randint(0, 20))
    if parent is not None and rng.random() < 0.5 and dtype == "PKS":
        # an implementing agreement is often signed by heads of units, not the heads of region
        parties = [_delegate(rng, p, d.year) for p in parties]
    if fam.acting:
        parties = [acting_party(p, seed, i, fam.acting, d.year) for i, p in enumerate(parties)]
    if len(parties) > 4:
        parties = _collective_heading(parties)
    kinds = {p.kind for p in parties} | {p.extra["sort"] for p in parties if "sort" in p.extra}
    topics = [t for t in TOPICS if not t.kinds or kinds & set(t.kinds)]
    topics = [t for t in topics if "sekolah" in t.kinds] or topics  # a school's own topics
    topic = parent.topic if parent is not None and parent.topic else rng.choice(topics)

    roles = [
        fam.roles[i] if i < len(fam.roles) else f"PIHAK {role_ordinal(i + 1)}"
        for i in range(len(parties))
    ]
    notes: list[str] = []
    # about one in ten is a long agreement: cover, every optional article, details, annex
    long_doc = fam.name != "ringkas" and dtype != "ADENDUM" and rng.random() < 0.12
    numbers_all: list[str | None] = []
    for i, p in enumerate(parties):
        num: str | None = number_for(rng, p.number_style, p.unit, d.year, d.month)
        if rng.random() < fam.blank_numbers and i > 0:
            num = None  # a number line left blank (dotted), as on many real copies
        numbers_all.append(num)
    if reuse_from is not None:
        other, idx = reuse_from
        idx = min(idx, len(parties) - 1)
        shared = other.truth["numbers"][min(idx, len(other.truth["numbers"]) - 1)]
        numbers_all[idx] = shared
        notes.append(f"number {shared} is also printed on {other.id} (a different agreement)")
    hands: list[tuple[int, str, int]] = []
    filled = [i for i, n in enumerate(numbers_all) if n]
    if fam.hand_numbers and fam.hand_each:  # each secretariat numbers its copy by pen
        chosen = [i for i in filled if rng.random() < fam.hand_numbers]
    elif fam.hand_numbers and rng.random() < fam.hand_numbers:
        chosen = [rng.choice(filled)] if filled else []
    else:
        chosen = []
    for i in chosen:
        blanks_before = sum(1 for n in numbers_all[:i] if n is None)
        hands.append((i, str(numbers_all[i]), blanks_before))
        numbers_all[i] = None  # printed as a dotted blank, written over by hand
    b = Builder(fam, rng, variant_seed=seed * 31 + 5)
    s = Draft(
        seed=seed,
        rng=rng,
        fam=fam,
        dtype=dtype,
        d=d,
        parties=parties,
        parent=parent,
        topic=topic,
        kinds=kinds,
        roles=roles,
        notes=notes,
        long_doc=long_doc,
        numbers_all=numbers_all,
        b=b,
    )
    s.hands = hands
    s.clause_numbers = bool(fam.clause_numbers) and rng.random() < fam.clause_numbers
    for section in SECTIONS:
        section(s)
    return _finish(s)


def _shorten(text: str, limit: int = 100) -> str:
    """A running header fits one line: cut at a word."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def _finish(s: Draft) -> Sample:
    """Paginate, and record the truth as the real-dev labels would."""
    seed, fam, dtype, d = s.seed, s.fam, s.dtype, s.d
    parties, parent, topic, roles = s.parties, s.parent, s.topic, s.roles
    notes, b = s.notes, s.b
    kind_word, title_truth, printed_numbers, place = (
        s.kind_word,
        s.title_truth,
        s.printed_numbers,
        s.place,
    )
    upper = s.upper
    duration, start, end, scope, purpose = s.duration, s.start, s.end, s.scope, s.purpose
    parent_phrase, parent_numbers, form, weekday = (
        s.parent_phrase,
        s.parent_numbers,
        s.form,
        s.weekday,
    )
    wrong_weekday = s.wrong_weekday
    kop = parties[0].kop
    running = RunningText(
        title=_shorten(
            f"{kind_word.title()} {parties[0].institution} dan {parties[-1].institution}"
        ),
        address=" ".join(kop[1:3]) if len(kop) > 1 else parties[0].address,
    )
    pages = paginate(b.blocks, fam.style, fam.furniture, running)
    inserted = 0
    for k, (i, number, nth) in enumerate(s.hands):
        if fill_blank(pages, number, seed + 7919 * k, nth):
            at = sum(1 for n in s.numbers_all[:i] if n) + inserted
            printed_numbers = [*printed_numbers[:at], number, *printed_numbers[at:]]
            inserted += 1
            notes.append(f"number {number} of {roles[i]} handwritten in the dotted blank")
    party_truth = []
    for i, p in enumerate(parties):
        party_truth.append(
            {
                "role": roles[i],
                "institution": _party_truth(p, i in s.body_only),
                "kind": p.kind,
                "region_code": p.region_code,
                "region_name": p.region.name if p.region else None,
                "signatory": p.signatory.styled(upper),
                "title": p.jabatan,
            }
        )
    slug = party_slug(parties[0])
    sid = f"{dtype.lower()}-{slug}-{seed % 1000:03d}"
    truth: dict[str, Any] = {
        "id": sid,
        "family": fam.name,
        "held_out": fam.held_out,
        "doc_type": dtype,
        "title": title_truth,
        "numbers": printed_numbers,
        "parties": party_truth,
        "signing_date": d.isoformat(),
        "signing_place": place,
        "duration": duration,
        "start_date": start.isoformat() if start else None,
        "end_date": end.isoformat() if end else None,
        "scope": scope,
        "purpose": purpose,
        "parent_agreement": parent_phrase,
        "parent_numbers": parent_numbers,
        "date_form": form,
        "weekday_printed": weekday,
        "weekday_correct": not wrong_weekday,
        "pages": len(pages),
        "has_text_layer": True,
        "page_texts": [p.text for p in pages],
        "notes": notes,
    }
    names = " dan ".join(p.institution for p in parties)
    title_phrase = f"{title_case(kind_word)} antara {names} tentang {topic.title}"
    return Sample(
        id=sid,
        family=fam.name,
        held_out=fam.held_out,
        seed=seed,
        doc_type=dtype,
        truth=truth,
        pages=pages,
        parties=parties,
        topic=topic,
        signing_date=d,
        numbers=printed_numbers,
        title_phrase=title_phrase,
        parent_id=parent.id if parent is not None else None,
    )


def _party_truth(p: PartySpec, body_only: bool) -> str:
    """The party's institution as labelled: a Kepala Dinas the clause names (by person or
    office) makes the Dinas the party; a clause naming only the body keeps the body."""
    if body_only:
        return p.institution
    if p.acting is not None and p.acting.party:
        return p.acting.party
    unit = _UNIT_HEAD.match(p.jabatan)
    if unit and p.kind in ("pemprov", "pemkab", "pemkot"):
        return unit.group(1)  # a unit head signing for the Pemda (``_delegate``)
    return p.institution


_UNIT_HEAD = re.compile(r"^Kepala ((?:Dinas|Badan) .+)$")


def _delegate(rng: random.Random, p: PartySpec, year: int) -> PartySpec:
    """The same body signing through a unit head (Kepala Dinas, Direktur) with a NIP."""
    if p.kind in ("pemprov", "pemkab", "pemkot"):
        where = (
            p.region.name
            if p.region and p.kind != "pemprov"
            else f"Provinsi {p.region.name if p.region else ''}"
        )
        unit = rng.choice(
            (
                "Dinas Komunikasi dan Informatika",
                "Badan Perencanaan Pembangunan Daerah",
                "Dinas Pariwisata",
                "Dinas Kesehatan",
                "Badan Kepegawaian Daerah",
            )
        )
        return replace(
            p,
            signatory=make_person(rng, civil_servant=True, year=year),
            jabatan=f"Kepala {unit} {where}",
        )
    return p


def _collective_heading(parties: list[PartySpec]) -> list[PartySpec]:
    """A province with many kabupaten/kota heads the agreement with one collective name
    ("... DAN PEMERINTAH KABUPATEN/KOTA SE-PROVINSI X"); each party is still defined in
    the parties clause, where the truth's institutions come from."""
    first = parties[0]
    province = (first.region.name if first.region is not None else "").upper()
    if not province.startswith("PROVINSI"):
        province = f"PROVINSI {province}".strip()
    collective = [f"PEMERINTAH KABUPATEN/KOTA SE-{province}"]
    middle = [replace(p, heading=[]) for p in parties[1:-1]]
    return [first, *middle, replace(parties[-1], heading=collective)]
