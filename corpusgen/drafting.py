"""What the sections of one generated agreement share: the draft, its builder, small helpers.

``generate_sample`` (in ``sample``) makes the draft from the seed; each section
(``front``, ``articles``, ``closing``) reads what it needs from it and writes
what later sections and the truth need, in the order the agreement is printed,
so the random draws stay in the same order for the same seed.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from typing import Any

from corpusgen.dates_id import spell
from corpusgen.families import Family
from corpusgen.layout import (
    Block,
    Center,
    Page,
    Para,
)
from corpusgen.parties import PartySpec, make_party
from corpusgen.topics import Topic

GENERATOR_VERSION = "1.0"

_REGULATIONS = (
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali "
    "diubah terakhir dengan Undang-Undang Nomor 6 Tahun 2023",
    "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah",
    "Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan "
    "Daerah Lain dan Kerja Sama Daerah dengan Pihak Ketiga",
    "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
    "Undang-Undang Nomor 12 Tahun 2012 tentang Pendidikan Tinggi",
    "Peraturan Pemerintah Nomor 54 Tahun 2017 tentang Badan Usaha Milik Daerah",
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan Keuangan Daerah",
)
ORDINALS = ("PERTAMA", "KEDUA", "KETIGA")
_UNITS = ("", "SATU", "DUA", "TIGA", "EMPAT", "LIMA", "ENAM", "TUJUH", "DELAPAN", "SEMBILAN")


def role_ordinal(n: int) -> str:
    """The ordinal of party ``n`` as agreements spell it: KESATU ... KESEBELAS, KEDUA BELAS,
    KEDUA PULUH DELAPAN (spelled here, not taken from the extractor it tests)."""
    if n == 1:
        return "KESATU"
    if n < 10:
        return f"KE{_UNITS[n]}"
    if n in (10, 11):
        return "KESEPULUH" if n == 10 else "KESEBELAS"
    if n < 20:
        return f"KE{_UNITS[n - 10]} BELAS"
    tens, unit = divmod(n, 10)
    return f"KE{_UNITS[tens]} PULUH" + (f" {_UNITS[unit]}" if unit else "")


@dataclass
class Sample:
    """A generated agreement; ``truth`` follows the extraction contract's field names."""

    id: str
    family: str
    held_out: bool
    seed: int
    doc_type: str
    truth: dict[str, Any]
    pages: list[Page]
    parties: list[PartySpec] = field(repr=False, default_factory=list)
    topic: Topic | None = field(repr=False, default=None)
    signing_date: dt.date | None = None
    numbers: list[str] = field(default_factory=list)
    title_phrase: str = ""  # "Nota Kesepahaman antara ... tentang ..." for citations
    parent_id: str | None = None


def legal_basis(rng: random.Random, kinds: set[str], topic: Topic) -> list[str]:
    """The regulations a recital cites: the general ones plus those that fit the parties."""
    fits = {
        "Undang-Undang Nomor 12 Tahun 2012": "universitas" in kinds,
        "Peraturan Pemerintah Nomor 54 Tahun 2017": "bumd" in kinds,
        "Peraturan Presiden Nomor 95 Tahun 2018": topic.key in ("spbe", "dukcapil", "statistik"),
    }
    pool = [r for r in _REGULATIONS if all(ok or not r.startswith(k) for k, ok in fits.items())]
    return rng.sample(pool, rng.randint(2, min(4, len(pool))))


def weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    names = [p[0] for p in pairs]
    return rng.choices(names, weights=[p[1] for p in pairs])[0]


def party_slug(p: PartySpec) -> str:
    if p.kind in ("kementerian", "lembaga"):
        base = {"KDN": "kemendagri"}.get(p.unit, p.unit)
    elif p.region is not None:
        base = p.region.short
    else:
        base = p.unit
    return re.sub(r"[^a-z0-9]+", "", base.lower())[:14] or "x"


def title_case(s: str) -> str:
    """Title-case a heading phrase but keep small words and PT-style acronyms."""
    small = {
        "dan",
        "atas",
        "di",
        "ke",
        "dari",
        "yang",
        "untuk",
        "kepada",
        "antara",
        "dengan",
        "tentang",
    }
    out = []
    for i, w in enumerate(s.split()):
        lw = w.lower()
        out.append(lw if (i and lw in small) else w[:1].upper() + w[1:].lower())
    return " ".join(out)


def choose_parties(
    rng: random.Random, fam: Family, year: int, parent: Sample | None
) -> list[PartySpec]:
    if parent is not None:
        return list(parent.parties)
    combo = rng.choice(fam.party_combos)
    out: list[PartySpec] = []
    province: str | None = None
    for kind in combo:
        same = province if (province and rng.random() < 0.6) else None
        p = make_party(rng, kind, year, province_code=same)
        for _ in range(5):  # two parties of one kind must be two different bodies
            if all(p.institution != q.institution for q in out):
                break
            p = make_party(rng, kind, year)
        if p.region is not None and province is None:
            province = p.region.province_code
        out.append(p)
    return out


def draw_signing_date(rng: random.Random, parent: Sample | None) -> dt.date:
    if parent is not None and parent.signing_date is not None:
        start = parent.signing_date + dt.timedelta(days=rng.randint(30, 700))
        return min(start, dt.date(2026, 6, 30))
    year = rng.randint(2017, 2025)
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))


def scope_items(rng: random.Random, topic: Topic, long_doc: bool = False) -> list[str]:
    k = len(topic.scope) if long_doc else rng.randint(3, min(6, len(topic.scope)))
    items = rng.sample(list(topic.scope), k)
    if rng.random() < 0.5:
        items = [i[0].upper() + i[1:] for i in items]
    if rng.random() < 0.4:
        items.append(
            "kegiatan lain yang disepakati oleh PARA PIHAK sesuai dengan ketentuan peraturan "
            "perundang-undangan"
        )
    return items


def list_blocks(items: list[str], marker: str, left: float) -> list[Block]:
    blocks: list[Block] = []
    for i, it in enumerate(items):
        m = f"{'abcdefghijklmnop'[i]}." if marker == "letter" else f"{i + 1}."
        end = "." if i == len(items) - 1 else ("; dan" if i == len(items) - 2 else ";")
        blocks.append(Para(it + end, left=left, marker=m, marker_w=20, gap=1))
    return blocks


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


class Builder:
    """Collects blocks and numbers the articles as the family prints them."""

    def __init__(self, fam: Family, rng: random.Random, variant_seed: int = 0) -> None:
        self.fam = fam
        self.rng = rng
        self.blocks: list[Block] = []
        self.n = 0
        self.numbering = fam.pasal_numbers[0][0]
        if len(fam.pasal_numbers) > 1:  # its own stream: the document's draws stay as they were
            self.numbering = weighted(random.Random(variant_seed), fam.pasal_numbers)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def pasal(self, n: int) -> str:
        """The article number as the family prints it: 3, III or Tiga."""
        if self.numbering == "roman":
            return _roman(n)
        if self.numbering == "words":
            return spell(n).title()
        return str(n)

    def article(self, heading: str) -> int:
        self.n += 1
        n = self.n
        st = self.fam.articles
        gap = 10.0
        if st == "pasal-heading":
            self.add(
                Center(f"PASAL {self.pasal(n)}".upper(), bold=True, gap=gap, keep=True),
                Center(heading.upper(), bold=True, gap=0, keep=True),
            )
        elif st == "heading-pasal":
            self.add(
                Center(heading.upper(), bold=True, gap=gap, keep=True),
                Center(f"Pasal {self.pasal(n)}", bold=True, gap=0, keep=True),
            )
        elif st == "bab":
            self.add(
                Center(f"BAB {_roman(n)}", bold=True, gap=gap, keep=True),
                Center(heading.upper(), bold=True, gap=0, keep=True),
                Center(f"Pasal {self.pasal(n)}", bold=True, gap=2, keep=True),
            )
        else:
            self.add(
                Center(f"Pasal {self.pasal(n)}", bold=True, gap=gap, keep=True),
                Center(title_case(heading), bold=True, gap=0, keep=True),
            )
        return n

    def ayat(self, texts: list[str]) -> None:
        if len(texts) == 1:
            self.add(Para(texts[0]))
            return
        for i, t in enumerate(texts, start=1):
            self.add(Para(t, marker=f"({i})", marker_w=24))


@dataclass
class Draft:
    """One agreement while it is written: decided up front, then filled in section by section."""

    seed: int
    rng: random.Random
    fam: Family
    dtype: str
    d: dt.date
    parties: list[PartySpec]
    parent: Sample | None
    topic: Topic
    kinds: set[str]
    roles: list[str]
    notes: list[str]
    long_doc: bool
    numbers_all: list[str | None]
    b: Builder
    kind_word: str = ""
    title_lines: list[str] = field(default_factory=list)
    title_truth: str = ""
    english: bool = False
    parent_phrase: str | None = None
    amended_kind: str = "Perjanjian Kerja Sama"
    parent_numbers: list[str] = field(default_factory=list)
    printed_numbers: list[str] = field(default_factory=list)
    weekday: str = ""
    wrong_weekday: bool = False
    form: str = ""
    place: str | None = None
    doc_word: str = ""
    kw: str = ""
    scope: list[str] = field(default_factory=list)
    purpose: str | None = None
    duration: dict[str, Any] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    upper: bool = False
    sig_place_only: bool = False
    clause_numbers: bool = False
    """the later parties' numbers are rows of their blocks, not heading lines"""
    hands: list[tuple[int, str, int]] = field(default_factory=list)
    """(party index, number, which dotted blank) of each number filled in by hand"""
    body_only: set[int] = field(default_factory=set)
    """parties whose clause names the body alone (no person, no jabatan)"""
    sign_mode: str = ""
    """where the signing date is printed besides (or instead of) the opening (dating.py)"""
