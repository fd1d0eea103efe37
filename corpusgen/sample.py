"""One generated agreement: its wording, its layout and its ground truth.

``generate_sample`` decides everything from the seed (parties, numbers, date,
wording, article order), typesets it, and records the truth in the exact
conventions of the real-dev labels. ``parent`` lets the corpus builder make a
PKS that carries out an NK of the corpus, or an addendum of a corpus agreement.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field
from typing import Any

from corpusgen.dates_id import WEEKDAYS, count_words, long_date, opening_date
from corpusgen.families import FAMILIES, Family
from corpusgen.layout import (
    Block,
    Cells,
    Center,
    Kop,
    Logos,
    NameTable,
    Page,
    PageBreak,
    Para,
    SigColumn,
    Signatures,
    Space,
    paginate,
    width,
)
from corpusgen.numbering import number_for
from corpusgen.parties import PartySpec, make_party
from corpusgen.people import make_person
from corpusgen.topics import TOPICS, Topic

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
_ORDINAL = ("PERTAMA", "KEDUA", "KETIGA")


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


def _legal_basis(rng: random.Random, kinds: set[str], topic: Topic) -> list[str]:
    """The regulations a recital cites: the general ones plus those that fit the parties."""
    fits = {
        "Undang-Undang Nomor 12 Tahun 2012": "universitas" in kinds,
        "Peraturan Pemerintah Nomor 54 Tahun 2017": "bumd" in kinds,
        "Peraturan Presiden Nomor 95 Tahun 2018": topic.key in ("spbe", "dukcapil", "statistik"),
    }
    pool = [r for r in _REGULATIONS if all(ok or not r.startswith(k) for k, ok in fits.items())]
    return rng.sample(pool, rng.randint(2, min(4, len(pool))))


def _weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    names = [p[0] for p in pairs]
    return rng.choices(names, weights=[p[1] for p in pairs])[0]


def _slug(p: PartySpec) -> str:
    if p.kind in ("kementerian", "lembaga"):
        base = {"KDN": "kemendagri"}.get(p.unit, p.unit)
    elif p.region is not None:
        base = p.region.short
    else:
        base = p.unit
    return re.sub(r"[^a-z0-9]+", "", base.lower())[:14] or "x"


def _tc(s: str) -> str:
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


def _choose_parties(
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


def _signing_date(rng: random.Random, parent: Sample | None) -> dt.date:
    if parent is not None and parent.signing_date is not None:
        start = parent.signing_date + dt.timedelta(days=rng.randint(30, 700))
        return min(start, dt.date(2026, 6, 30))
    year = rng.randint(2017, 2025)
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))


def _scope_items(rng: random.Random, topic: Topic, long_doc: bool = False) -> list[str]:
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


def _list_blocks(items: list[str], marker: str, left: float) -> list[Block]:
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


class _Builder:
    """Collects blocks and numbers the articles as the family prints them."""

    def __init__(self, fam: Family, rng: random.Random) -> None:
        self.fam = fam
        self.rng = rng
        self.blocks: list[Block] = []
        self.n = 0

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def article(self, heading: str) -> int:
        self.n += 1
        n = self.n
        st = self.fam.articles
        gap = 10.0
        if st == "pasal-heading":
            self.add(
                Center(f"PASAL {n}", bold=True, gap=gap, keep=True),
                Center(heading.upper(), bold=True, gap=0, keep=True),
            )
        elif st == "heading-pasal":
            self.add(
                Center(heading.upper(), bold=True, gap=gap, keep=True),
                Center(f"Pasal {n}", bold=True, gap=0, keep=True),
            )
        elif st == "bab":
            self.add(
                Center(f"BAB {_roman(n)}", bold=True, gap=gap, keep=True),
                Center(heading.upper(), bold=True, gap=0, keep=True),
                Center(f"Pasal {n}", bold=True, gap=2, keep=True),
            )
        else:
            self.add(
                Center(f"Pasal {n}", bold=True, gap=gap, keep=True),
                Center(_tc(heading), bold=True, gap=0, keep=True),
            )
        return n

    def ayat(self, texts: list[str]) -> None:
        if len(texts) == 1:
            self.add(Para(texts[0]))
            return
        for i, t in enumerate(texts, start=1):
            self.add(Para(t, marker=f"({i})", marker_w=24))


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
    fam = FAMILIES[family] if family else FAMILIES[rng.choice(sorted(FAMILIES))]
    dtype = doc_type or _weighted(rng, fam.doc_types)
    d = _signing_date(rng, parent)
    parties = _choose_parties(rng, fam, d.year, parent)
    if reuse_from is not None:
        other, idx = reuse_from
        idx = min(idx, len(parties) - 1)
        parties[idx] = other.parties[min(idx, len(other.parties) - 1)]
        if other.signing_date is not None:
            d = other.signing_date + dt.timedelta(days=rng.randint(0, 20))
    if parent is not None and rng.random() < 0.5 and dtype == "PKS":
        # an implementing agreement is often signed by heads of units, not the heads of region
        parties = [_delegate(rng, p, d.year) for p in parties]
    kinds = {p.kind for p in parties}
    topics = [t for t in TOPICS if not t.kinds or kinds & set(t.kinds)]
    topic = parent.topic if parent is not None and parent.topic else rng.choice(topics)

    roles = [fam.roles[i] for i in range(len(parties))]
    notes: list[str] = []
    # about one in ten is a long agreement: cover, every optional article, details, annex
    long_doc = fam.name != "ringkas" and dtype != "ADENDUM" and rng.random() < 0.12
    numbers_all: list[str | None] = []
    for i, p in enumerate(parties):
        num: str | None = number_for(rng, p.number_style, p.unit, d.year, d.month)
        if rng.random() < 0.06 and i > 0:
            num = None  # a number line left blank (dotted), as on many real copies
        numbers_all.append(num)
    if reuse_from is not None:
        other, idx = reuse_from
        idx = min(idx, len(parties) - 1)
        shared = other.truth["numbers"][min(idx, len(other.truth["numbers"]) - 1)]
        numbers_all[idx] = shared
        notes.append(f"number {shared} is also printed on {other.id} (a different agreement)")
    b = _Builder(fam, rng)

    # ------------------------------------------------------------ heading
    header: list[Block] = []
    if fam.header == "kop":
        header.append(Kop(parties[0].kop, seed=seed, logos=2 if rng.random() < 0.3 else 1))
    elif fam.header == "logos":
        header.append(Logos(seed=seed))
    kind_word = rng.choice(fam.nk_words) if dtype == "NK" else rng.choice(fam.pks_words)
    sub_title: str | None = None
    if dtype == "PKS" and parent is not None and rng.random() < 0.5:
        sub_title = f"PELAKSANAAN {parent.topic.title.upper() if parent.topic else ''}".strip()
    topic_line = sub_title or topic.title.upper()
    parent_phrase: str | None = None
    amended_kind = "Perjanjian Kerja Sama"
    parent_numbers: list[str] = []
    title_lines: list[str] = []
    if dtype == "ADENDUM":
        ordinal = rng.choice(("PERTAMA", "PERTAMA", "KEDUA"))
        title_lines.append(f"ADENDUM {ordinal}")
        base_word = rng.choice(fam.pks_words)
        title_lines.append(base_word)
    else:
        title_lines.append(kind_word)
    english = (
        fam.english_subtitle
        and dtype == "NK"
        and kind_word == "NOTA KESEPAHAMAN"
        and rng.random() < 0.7
    )
    title_lines.append("ANTARA")
    for i, p in enumerate(parties):
        if i == len(parties) - 1:
            title_lines.append(fam.conj)
        title_lines.extend(p.heading)
    title_lines.append("TENTANG")
    if dtype == "ADENDUM":
        if parent is not None:
            amended_nums = [n for n in parent.numbers]
            amended_topic = parent.topic.title.upper() if parent.topic else topic.title.upper()
            amended_word = parent.truth["title"].split(" ANTARA ")[0]
        else:
            amended_nums = [
                number_for(rng, p.number_style, p.unit, d.year - 1, rng.randint(1, 12))
                for p in parties[:1]
            ]
            amended_topic = topic.title.upper()
            amended_word = base_word
        amended_word = amended_word.replace("ADENDUM PERTAMA ", "").replace("ADENDUM KEDUA ", "")
        num_part = " DAN ".join(amended_nums[:2])
        topic_line = f"PERUBAHAN ATAS {amended_word} NOMOR {num_part} TENTANG {amended_topic}"
        amended_kind = _tc(amended_word)
        cited_nums = " dan Nomor ".join(amended_nums[:2])
        parent_phrase = f"{amended_kind} Nomor {cited_nums} tentang {_tc(amended_topic)}"
        parent_numbers = amended_nums[:2]
    title_lines.append(topic_line)
    title_truth = " ".join(title_lines)

    if fam.header != "none" and dtype != "ADENDUM" and (long_doc or rng.random() < 0.2):
        # a cover page: logos and the heading block alone, repeated on the next page
        b.add(Logos(seed=seed + 3), Space(120))
        for i, t in enumerate(title_lines):
            b.add(Center(t, bold=True, gap=(14 if i == 0 else 6), size=fam.style.size + 3))
        b.add(PageBreak())
        notes.append("cover page repeats the heading block")
    b.add(*header)
    for i, t in enumerate(title_lines):
        size = fam.style.size + (2 if i == 0 else 0.5)
        b.add(Center(t, bold=True, gap=(14 if i == 0 else 2), size=size))
        if i == 0 and english:
            b.add(Center("(Memorandum of Understanding)", gap=1, size=fam.style.size))

    # ------------------------------------------------------------ numbers
    printed_numbers: list[str] = []
    b.add(Space(8))
    glued_colon = rng.random() < 0.3  # "Nomor: 119/123/KDN/2019"
    st = fam.style
    for i, (p, num) in enumerate(zip(parties, numbers_all, strict=True)):
        shown = num if num else "." * 34
        if num and rng.random() < 0.08:
            shown = num.replace("/", "/ ", 1)
            notes.append(f"number printed with a space: {shown!r}; truth has none")
        if num:
            printed_numbers.append(num)
        if fam.numbers == "center-nomor" and glued_colon:
            b.add(Cells([(0, f"Nomor: {shown}", False)], centered=True))
        elif fam.numbers == "center-nomor":
            b.add(Cells([(0, "Nomor", False), (50, ":", False), (60, shown, False)], centered=True))
        elif fam.numbers == "upper":
            b.add(Cells([(0, "NOMOR", True), (55, ":", True), (65, shown, True)], centered=True))
        elif fam.numbers == "pihak-label":
            label = (
                f"Nomor Pihak {_ORDINAL[i].capitalize()}"
                if "PERTAMA" in roles[0]
                else f"Nomor {roles[i].title()}"
            )
            lw = (
                max(width(f"Nomor Pihak {o.capitalize()}", st.regular, st.size) for o in _ORDINAL)
                + 6
            )
            b.add(Cells([(40, label, False), (40 + lw, ":", False), (48 + lw, shown, False)]))
        else:
            label = f"Nomor {roles[i]}"
            b.add(Cells([(0, label, False), (150, ":", False), (160, shown, False)]))
        del p
    if len(printed_numbers) < len(parties):
        notes.append("a party's number line is left blank (dotted): no entry in numbers")

    # ------------------------------------------------------------ opening
    weekday = WEEKDAYS[d.weekday()]
    wrong_weekday = rng.random() < 0.1
    if wrong_weekday:
        weekday = rng.choice([w for w in WEEKDAYS if w != weekday])
        notes.append(f"WRONG WEEKDAY: {weekday} printed for {d.isoformat()} (truth keeps the date)")
    form = _weighted(rng, fam.date_forms)
    date_text = opening_date(d, form, weekday, fam.date_case, rng)
    place: str | None = None
    if rng.random() < fam.place_prob:
        host = parties[rng.randrange(len(parties))]
        place = rng.choice(
            (
                host.city,
                host.city,
                f"Kantor {host.jabatan}"
                if host.kind in ("pemprov", "pemkab", "pemkot")
                else host.city,
            )
        )
    doc_word = {"NK": _tc(kind_word), "PKS": _tc(kind_word), "ADENDUM": "Adendum"}[dtype]
    if place:
        opening = rng.choice(
            (
                f"Pada hari ini {date_text}, bertempat di {place}, yang bertanda tangan di "
                "bawah ini:",
                f"Pada hari ini {date_text}, bertempat di {place}, kami yang bertanda tangan "
                "di bawah ini:",
            )
        )
    else:
        opening = rng.choice(
            (
                f"Pada hari ini {date_text}, yang bertanda tangan di bawah ini:",
                f"Pada hari ini {date_text}, telah dibuat dan ditandatangani {doc_word} oleh "
                "dan antara:",
            )
        )
    b.add(Para(opening, gap=14, first_indent=0))

    # ------------------------------------------------------------ parties
    for i, p in enumerate(parties):
        role = roles[i]
        marker = (
            f"{i + 1}."
            if fam.party_style != "nametable"
            else f"{'I' * (i + 1) if i < 3 else i + 1}."
        )
        decree = f", yang diangkat berdasarkan {p.appointment}" if p.appointment else ""
        if p.kind in ("swasta", "bumn", "bumd") and rng.random() < 0.7:
            deed_day = d - dt.timedelta(days=rng.randint(800, 7000))
            notary = make_person(rng, civil_servant=False, year=d.year)
            decree = (
                f", berdasarkan Akta Pendirian Nomor {rng.randint(1, 80)} tanggal "
                f"{long_date(deed_day)} yang dibuat di hadapan {notary.name}, S.H., M.Kn., "
                f"Notaris di {p.city}, dengan NPWP {rng.randint(1, 99):02d}."
                f"{rng.randint(100, 999)}.{rng.randint(100, 999)}.{rng.randint(1, 9)}-"
                f"{rng.randint(100, 999)}.000"
            )
        nip = f", NIP {p.signatory.nip}" if (p.signatory.nip and rng.random() < 0.5) else ""
        acts = f"dalam hal ini bertindak untuk dan atas nama {p.institution}"
        seat = f"berkedudukan di {p.address}"
        if fam.party_style == "inline":
            text = (
                f"**{p.signatory.full}**{nip}, {p.jabatan}{decree}, {acts}, {seat}, "
                f"selanjutnya disebut **{role}**;"
            )
            b.add(Para(text, marker=marker, marker_w=20, gap=6))
        elif fam.party_style == "nametable":
            text = f"{p.jabatan}{decree}, {acts}, {seat}, untuk selanjutnya disebut **{role}**."
            b.add(NameTable(marker, p.signatory.full, text, name_w=160))
        else:
            rows = [("Nama", p.signatory.full), ("Jabatan", p.jabatan)]
            if p.signatory.nip:
                rows.insert(1, ("NIP", p.signatory.nip))
            rows.append(("Alamat", p.address))
            for k, (lab, val) in enumerate(rows):
                b.add(
                    Cells(
                        [
                            (0, marker if k == 0 else "", False),
                            (20, lab, False),
                            (90, ":", False),
                            (100, val, lab == "Nama"),
                        ],
                        gap=6 if k == 0 else 0,
                    )
                )
            b.add(
                Para(
                    f"{acts[0].upper()}{acts[1:]}{decree}, selanjutnya disebut **{role}**.",
                    left=20,
                    gap=2,
                )
            )
    both = (
        " dan ".join(f"**{r}**" for r in roles)
        if len(roles) == 2
        else (", ".join(f"**{r}**" for r in roles[:-1]) + f" dan **{roles[-1]}**")
    )
    b.add(
        Para(
            f"Selanjutnya {both} secara bersama-sama disebut **PARA PIHAK** dan "
            f"masing-masing disebut **PIHAK**.",
            gap=8,
        )
    )

    # ------------------------------------------------------------ recitals / parent citation
    nk_parent_date: dt.date | None = None
    if dtype == "PKS" and (parent is not None or rng.random() < 0.75):
        if parent is not None:
            p_word = _tc(parent.truth["title"].split(" ANTARA ")[0])
            p_nums = list(parent.numbers)
            nk_parent_date = parent.signing_date
            p_topic = parent.topic.title if parent.topic else topic.title
            p_inst = [q.institution for q in parent.parties]
        else:
            p_word = rng.choice(("Nota Kesepahaman", "Kesepakatan Bersama"))
            nk_parent_date = d - dt.timedelta(days=rng.randint(60, 900))
            p_nums = [
                number_for(rng, q.number_style, q.unit, nk_parent_date.year, nk_parent_date.month)
                for q in parties
            ]
            p_topic = topic.title
            p_inst = [q.institution for q in parties]
        nums_txt = " dan Nomor ".join(p_nums)
        parent_phrase = f"{p_word} antara {' dan '.join(p_inst)} Nomor {nums_txt} tentang {p_topic}"
        parent_numbers = p_nums
        cite_date = long_date(nk_parent_date) if nk_parent_date else ""
        if rng.random() < 0.5:
            cite = (
                f"bahwa PARA PIHAK telah menandatangani {p_word} antara {' dan '.join(p_inst)} "
                f"Nomor {nums_txt} tentang {p_topic} pada tanggal {cite_date}"
            )
            parent_phrase = (
                f"{p_word} antara {' dan '.join(p_inst)} Nomor {nums_txt} tentang {p_topic}"
            )
        else:
            cite = (
                f"bahwa sebagai tindak lanjut {parent_phrase} tanggal {cite_date}, PARA PIHAK "
                f"sepakat untuk melaksanakan kerja sama secara lebih rinci"
            )
        notes.append("cites its NK with the NK's own numbers and date (not this agreement's)")
    else:
        cite = ""
    if fam.recitals or cite:
        b.add(Para("PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:", gap=8))
        rec = (
            [
                f"bahwa kerja sama ini dilaksanakan berdasarkan {r}"
                for r in _legal_basis(rng, kinds, topic)
            ]
            if fam.recitals
            else []
        )
        if cite:
            rec.append(cite)
        rec.append(
            f"bahwa PARA PIHAK sepakat untuk bekerja sama dalam {topic.title.lower()} "
            f"sesuai dengan tugas dan kewenangan masing-masing"
        )
        for i, r in enumerate(rec):
            stop = "." if i == len(rec) - 1 else ";"
            b.add(Para(r + stop, marker=f"{'abcdef'[i]}.", marker_w=20, gap=1))
    kw = "Adendum" if dtype == "ADENDUM" else doc_word
    b.add(
        Para(
            f"Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat untuk membuat dan "
            f"menandatangani {kw} ini dengan ketentuan sebagai berikut:",
            gap=6,
        )
    )

    # ------------------------------------------------------------ articles
    scope: list[str] = []
    purpose: str | None = None
    duration: dict[str, Any] | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def purpose_article() -> str:
        b.article(rng.choice(("Maksud dan Tujuan", "Maksud dan Tujuan")))
        maksud = f"Maksud {kw} ini adalah sebagai {topic.maksud}."
        tujuan = f"Tujuan {kw} ini adalah untuk {topic.tujuan}."
        if dtype == "ADENDUM":
            amended = amended_kind
            maksud = (
                f"Maksud {kw} ini adalah untuk mengubah ketentuan mengenai jangka waktu {amended}."
            )
            tujuan = (
                f"Tujuan {kw} ini adalah agar kerja sama tentang {topic.title.lower()} "
                "dapat terus dilaksanakan."
            )
        if rng.random() < 0.5:
            b.ayat([maksud, tujuan])
            return f"{maksud} {tujuan}"
        one = f"{kw} ini dimaksudkan sebagai {topic.maksud}, dengan tujuan untuk {topic.tujuan}."
        if dtype == "ADENDUM":
            one = f"{maksud} {tujuan}"
        b.ayat([one])
        return one

    def duration_article() -> None:
        nonlocal duration, start, end
        b.article("Jangka Waktu")
        shape = rng.choices(
            ("years", "months", "until", "years-dates", "days"),
            weights=(5, 2, 2, 2, 1.2 if dtype != "NK" else 0),
        )[0]
        if dtype == "ADENDUM":
            shape = rng.choice(("until", "years-dates", "years"))
        if shape == "years":
            n = rng.choice((1, 2, 3, 5, 5, 5))
            t = (
                f"{kw} ini berlaku untuk jangka waktu {count_words(n)} tahun terhitung sejak "
                f"tanggal ditandatangani oleh PARA PIHAK."
                if rng.random() < 0.5
                else f"{kw} ini berlaku selama {count_words(n)} tahun terhitung sejak tanggal "
                "ditandatangani."
            )
            duration = {"value": n, "unit": "tahun"}
        elif shape == "months":
            n = rng.choice((6, 12, 18, 24, 36))
            t = (
                f"{kw} ini berlaku selama {count_words(n)} bulan sejak tanggal ditandatangani "
                "oleh PARA PIHAK."
            )
            duration = {"value": n, "unit": "bulan"}
        elif shape == "days":
            n = rng.choice((90, 120, 180))
            t = (
                f"Jangka waktu pelaksanaan {kw} ini adalah {count_words(n)} hari kalender sejak "
                "tanggal ditandatangani."
            )
            duration = {"value": n, "unit": "hari"}
        elif shape == "until":
            start = d
            end = dt.date(d.year + rng.randint(1, 4), 12, 31)
            t = (
                f"{kw} ini berlaku sejak tanggal {long_date(start)} sampai dengan tanggal "
                f"{long_date(end)}."
            )
        else:
            n = rng.choice((1, 2, 3))
            start = dt.date(d.year, d.month, 1) if rng.random() < 0.5 else d
            end = dt.date(start.year + n, start.month, start.day) - dt.timedelta(days=1)
            t = (
                f"{kw} ini berlaku selama {count_words(n)} tahun, terhitung mulai tanggal "
                f"{long_date(start)} sampai dengan tanggal {long_date(end)}."
            )
            duration = {"value": n, "unit": "tahun"}
        ext = rng.choice((3, 6))
        b.ayat(
            [
                t,
                f"{kw} ini dapat diperpanjang atas kesepakatan PARA PIHAK dengan pemberitahuan "
                f"tertulis paling lambat {count_words(ext)} bulan sebelum jangka waktu berakhir.",
            ]
        )

    if dtype == "ADENDUM":
        if rng.random() < 0.7:
            purpose = purpose_article()
        b.article("Perubahan")
        target = rng.randint(5, 8)
        b.ayat(
            [
                f"Ketentuan Pasal {target} {parent_phrase} "
                f"diubah sehingga berbunyi sebagaimana tercantum dalam Pasal {b.n + 1} Adendum ini."
            ]
        )
        duration_article()
        b.article("Ketentuan Lain")
        b.ayat(
            [
                f"Ketentuan lain dalam {amended_kind} "
                f"yang tidak diubah dalam {kw} ini dinyatakan tetap berlaku dan mengikat PARA "
                "PIHAK."
            ]
        )
    else:
        purpose = purpose_article()
        b.article(rng.choice(("Ruang Lingkup", "Ruang Lingkup", "Lingkup Kerja Sama")))
        scope = _scope_items(rng, topic, long_doc)
        intro = rng.choice(
            (
                f"Ruang lingkup {kw} ini meliputi:",
                f"Ruang lingkup kerja sama dalam {kw} ini, meliputi:",
                f"{kw} ini mencakup kegiatan sebagai berikut:",
            )
        )
        b.add(Para(intro))
        b.add(*_list_blocks(scope, fam.scope_marker, left=0))
        scope_article = b.n
        if fam.name != "ringkas" and (long_doc or rng.random() < 0.3):
            # a detailed article per scope item makes the long (7-10 page) agreements
            b.article("Rincian Kegiatan")
            ways = [
                "rapat koordinasi",
                "penyusunan rencana kerja tahunan",
                "pendampingan teknis",
                "pertukaran tenaga ahli",
                "pelatihan bersama",
                "kunjungan lapangan",
                "penyusunan laporan berkala",
            ]
            for k, item in enumerate(scope):
                mark = "abcdefghij"[k] if fam.scope_marker == "letter" else str(k + 1)
                where = "huruf" if fam.scope_marker == "letter" else "angka"
                w = rng.sample(ways, 3)
                b.add(
                    Para(
                        f"Kegiatan {item.lower()} sebagaimana dimaksud dalam Pasal "
                        f"{scope_article} {where} {mark} dilaksanakan melalui {w[0]}, {w[1]}, "
                        f"dan {w[2]}, dengan memperhatikan kewenangan masing-masing PIHAK dan "
                        "ketentuan peraturan perundang-undangan.",
                        marker=f"({k + 1})",
                        marker_w=24,
                    )
                )
        order = ["pelaksanaan", "pembiayaan", "jangka"]
        extras = list(fam.extras)
        rng.shuffle(extras)
        order += extras[: len(extras) if long_doc else rng.randint(len(extras) // 3, len(extras))]
        if rng.random() < 0.3:
            order.remove("jangka")
            order.append("jangka")
        for art in order:
            if art == "pelaksanaan":
                if dtype == "NK":
                    b.article("Pelaksanaan")
                    b.ayat(
                        [
                            f"Pelaksanaan {kw} ini akan diatur lebih lanjut dalam Perjanjian "
                            "Kerja Sama "
                            "yang disusun oleh perangkat daerah atau unit kerja terkait "
                            "sesuai dengan "
                            f"tugas dan fungsinya.",
                            "Perjanjian Kerja Sama sebagaimana dimaksud pada ayat (1) "
                            "merupakan bagian "
                            f"yang tidak terpisahkan dari {kw} ini.",
                        ]
                    )
                else:
                    b.article("Hak dan Kewajiban")
                    b.add(Para(f"{roles[0]} berkewajiban:"))
                    b.add(
                        *_list_blocks(
                            [
                                "menyediakan data dan informasi yang diperlukan",
                                "menugaskan personel yang kompeten",
                                "melakukan koordinasi pelaksanaan kegiatan",
                            ],
                            "letter",
                            20,
                        )
                    )
                    b.add(Para(f"{roles[1]} berkewajiban:"))
                    b.add(
                        *_list_blocks(
                            [
                                "melaksanakan kegiatan sesuai dengan rencana kerja",
                                "menyampaikan laporan pelaksanaan kegiatan secara berkala",
                            ],
                            "letter",
                            20,
                        )
                    )
            elif art == "pembiayaan":
                b.article("Pembiayaan")
                src = []
                for q in parties:
                    if q.kind in ("pemprov", "pemkab", "pemkot", "dprd"):
                        src.append(
                            "Anggaran Pendapatan dan Belanja Daerah "
                            f"{q.region.name if q.region else ''}".strip()
                        )
                    elif q.kind in ("kementerian", "lembaga", "universitas"):
                        src.append(f"Daftar Isian Pelaksanaan Anggaran {q.institution}")
                    else:
                        src.append(f"anggaran {q.institution}")
                b.ayat(
                    [
                        f"Biaya yang timbul sebagai akibat pelaksanaan {kw} ini dibebankan kepada "
                        f"{' dan '.join(src)} serta sumber lain yang sah dan tidak mengikat sesuai "
                        f"dengan ketentuan peraturan perundang-undangan."
                    ]
                )
            elif art == "jangka":
                duration_article()
            elif art == "monev":
                b.article("Monitoring dan Evaluasi")
                b.ayat(
                    [
                        "PARA PIHAK melakukan monitoring dan evaluasi atas pelaksanaan kerja sama "
                        "paling sedikit 1 (satu) kali dalam 1 (satu) tahun.",
                        "Hasil monitoring dan evaluasi digunakan sebagai bahan pertimbangan untuk "
                        "perbaikan dan keberlanjutan kerja sama.",
                    ]
                )
            elif art == "kahar":
                b.article("Keadaan Kahar")
                b.ayat(
                    [
                        "Keadaan kahar adalah keadaan di luar kemampuan PARA PIHAK yang "
                        "meliputi bencana "
                        "alam, wabah penyakit, kebakaran, huru-hara, dan kebijakan pemerintah.",
                        "PIHAK yang mengalami keadaan kahar wajib memberitahukan secara "
                        "tertulis kepada "
                        "PIHAK lainnya paling lambat 14 (empat belas) hari kalender sejak "
                        "terjadinya "
                        "keadaan kahar.",
                    ]
                )
            elif art == "korespondensi":
                b.article("Korespondensi")
                b.add(
                    Para(
                        "Setiap pemberitahuan dalam rangka pelaksanaan kerja sama ini disampaikan "
                        "secara tertulis kepada alamat berikut:"
                    )
                )
                for i, q in enumerate(parties):
                    b.add(
                        Para(
                            f"{roles[i]}: {q.institution}, {q.address}.",
                            marker=f"{'abc'[i]}.",
                            gap=1,
                        )
                    )
            elif art == "hak" and dtype == "NK":
                b.article("Hak dan Kewajiban")
                duties = [
                    "menyediakan data, informasi, dan dokumen yang diperlukan",
                    "menugaskan pejabat atau personel sebagai penghubung",
                    "memfasilitasi sarana dan prasarana sesuai kemampuan",
                    "melakukan koordinasi dan sinkronisasi program",
                    "menjaga nama baik PIHAK lainnya",
                ]
                for k, role in enumerate(roles):
                    b.add(Para(f"{role} berkewajiban:", marker=f"({k + 1})", marker_w=24))
                    b.add(*_list_blocks(rng.sample(duties, 3), "letter", 24))
            elif art == "tim":
                b.article("Tim Koordinasi")
                b.ayat(
                    [
                        f"Untuk kelancaran pelaksanaan {kw} ini, PARA PIHAK membentuk Tim "
                        "Koordinasi "
                        "yang keanggotaannya terdiri atas wakil dari masing-masing PIHAK.",
                        "Tim Koordinasi sebagaimana dimaksud pada ayat (1) ditetapkan dengan "
                        "keputusan "
                        "bersama paling lambat 30 (tiga puluh) hari kerja sejak ditandatanganinya "
                        f"{kw} ini.",
                        "Tim Koordinasi bertugas menyusun rencana kerja, melaksanakan "
                        "koordinasi, dan "
                        "melaporkan hasil pelaksanaan kerja sama kepada pimpinan PARA PIHAK.",
                    ]
                )
            elif art == "pelaporan":
                b.article("Pelaporan")
                b.ayat(
                    [
                        "PARA PIHAK menyampaikan laporan pelaksanaan kerja sama secara berkala "
                        "setiap "
                        "6 (enam) bulan kepada pimpinan masing-masing.",
                        "Laporan akhir disampaikan paling lambat 3 (tiga) bulan setelah "
                        "berakhirnya "
                        "jangka waktu kerja sama, dengan tembusan kepada Menteri Dalam Negeri "
                        "melalui "
                        "Gubernur.",
                    ]
                )
            elif art == "kerahasiaan":
                b.article("Kerahasiaan")
                b.ayat(
                    [
                        "PARA PIHAK wajib menjaga kerahasiaan data dan informasi yang "
                        "diperoleh dalam "
                        "pelaksanaan kerja sama ini.",
                        "Data dan informasi sebagaimana dimaksud pada ayat (1) tidak boleh "
                        "diberikan "
                        "kepada pihak lain tanpa persetujuan tertulis dari PIHAK pemilik data, "
                        "kecuali "
                        "diwajibkan oleh ketentuan peraturan perundang-undangan.",
                    ]
                )
            elif art == "hki":
                b.article("Hak Kekayaan Intelektual")
                b.ayat(
                    [
                        "Hak kekayaan intelektual yang timbul dari pelaksanaan kerja sama ini "
                        "menjadi "
                        "milik bersama PARA PIHAK, kecuali diperjanjikan lain.",
                        "Pemanfaatan hak kekayaan intelektual sebagaimana dimaksud pada ayat "
                        "(1) untuk "
                        "tujuan komersial diatur dalam perjanjian tersendiri.",
                    ]
                )
            elif art == "perubahan":
                b.article("Perubahan")
                b.ayat(
                    [
                        f"Hal-hal yang belum diatur atau perubahan dalam {kw} ini akan diatur "
                        "kemudian "
                        "oleh PARA PIHAK dalam bentuk adendum yang merupakan bagian tidak "
                        "terpisahkan "
                        f"dari {kw} ini."
                    ]
                )
    b.article("Penyelesaian Perselisihan")
    court = parties[-1].city
    b.ayat(
        [
            "Apabila terjadi perselisihan dalam pelaksanaan kerja sama ini, PARA PIHAK sepakat "
            "menyelesaikannya secara musyawarah untuk mufakat.",
            "Apabila musyawarah tidak mencapai mufakat, PARA PIHAK sepakat menyelesaikannya "
            "melalui "
            f"Pengadilan Negeri {court}.",
        ]
    )
    b.article("Penutup")
    copies = len(parties)
    b.ayat(
        [
            f"{kw} ini dibuat dalam rangkap {count_words(copies)} asli, masing-masing bermeterai "
            f"cukup dan mempunyai kekuatan hukum yang sama setelah ditandatangani oleh PARA PIHAK."
        ]
    )

    # ------------------------------------------------------------ signatures
    meterai = "Meterai 10000" if d.year >= 2021 else "Materai 6000"
    if rng.random() < 0.3:
        meterai = "Materai 10000" if d.year >= 2021 else "Meterai 6000"
    cols: list[SigColumn] = []
    upper = rng.random() < 0.7
    for i, p in enumerate(parties):
        sig_head = [f"{roles[i]},"]
        if rng.random() < 0.6 or p.kind in ("swasta", "bumn", "bumd", "universitas", "lainnya"):
            sig_head.append(p.institution.upper() if rng.random() < 0.5 else p.jabatan)
        else:
            sig_head.append(p.jabatan.upper())
        cols.append(
            SigColumn(
                sig_head,
                p.signatory.styled(upper),
                p.signatory.nip,
                meterai if i == 0 or rng.random() < 0.3 else None,
                stamp=rng.random() < 0.85,
                seed=seed * 10 + i,
            )
        )
    if fam.sig_order == "21" and len(cols) == 2:
        cols = [cols[1], cols[0]]
    lead: list[str] = []
    sig_place_only = False
    if fam.sig_lead:
        where = place or parties[0].city
        if place is None:
            sig_place_only = True
            place = where
        lead = [f"Ditandatangani di {where}", f"pada tanggal {long_date(d)}"]
    b.add(
        Para(
            f"Demikian {kw} ini dibuat dan ditandatangani oleh PARA PIHAK dalam keadaan sehat "
            "jasmani dan rohani serta tanpa paksaan dari pihak mana pun.",
            gap=8,
            keep=True,
        ),
        Signatures(cols, lead=lead, name_upper_underline=True),
    )
    if dtype != "ADENDUM" and scope and fam.name != "ringkas" and (long_doc or rng.random() < 0.3):
        # an annex: a work plan per scope item (distractor years, numbered lists)
        b.add(
            PageBreak(),
            Para(f"LAMPIRAN {kw.upper()}", align="left", gap=0),
            Para(f"NOMOR : {printed_numbers[0] if printed_numbers else ''}", align="left", gap=0),
            Center("RENCANA KERJA", bold=True, gap=16),
        )
        for k, item in enumerate(scope, start=1):
            b.add(Para(f"**{item[0].upper() + item[1:]}**", marker=f"{k}.", gap=8))
            activities = rng.sample(
                [
                    "penyusunan rencana aksi dan jadwal pelaksanaan",
                    "rapat koordinasi dan sinkronisasi program",
                    "pelaksanaan kegiatan percontohan",
                    "pendampingan teknis oleh tenaga ahli",
                    "evaluasi capaian dan penyusunan laporan",
                    "penyusunan petunjuk teknis pelaksanaan",
                    "sosialisasi kepada pemangku kepentingan",
                ],
                rng.randint(3, 5),
            )
            for j, a in enumerate(activities):
                yr = d.year + j
                b.add(
                    Para(
                        f"{a[0].upper() + a[1:]}, target Tahun {yr}.",
                        left=20,
                        marker=f"{'abcde'[j]}.",
                        gap=1,
                    )
                )
        notes.append("annex (Lampiran) with a work plan after the signatures")
    if sig_place_only:
        notes.append("signing place only in the 'Ditandatangani di' line above the signatures")

    pages = paginate(b.blocks, fam.style, fam.furniture)
    party_truth = []
    for i, p in enumerate(parties):
        party_truth.append(
            {
                "role": roles[i],
                "institution": p.institution,
                "kind": p.kind,
                "region_code": p.region_code,
                "region_name": p.region.name if p.region else None,
                "signatory": p.signatory.styled(upper),
                "title": p.jabatan,
            }
        )
    slug = _slug(parties[0])
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
    title_phrase = f"{_tc(kind_word)} antara {names} tentang {topic.title}"
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


def _delegate(rng: random.Random, p: PartySpec, year: int) -> PartySpec:
    """The same body signing through a unit head (Kepala Dinas, Direktur) with a NIP."""
    from dataclasses import replace

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
