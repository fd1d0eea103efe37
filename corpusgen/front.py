"""The front of an agreement: heading, opening sentence, parties, recitals (numbers in
``front_numbers``)."""

from __future__ import annotations

import datetime as dt
import random

from corpusgen.dates_id import long_date, opening_date
from corpusgen.dating import dateless_opening
from corpusgen.drafting import Draft, legal_basis, title_case, weighted
from corpusgen.heading_forms import amendment_lines, bilingual_lines, with_debris
from corpusgen.identity_rows import closing_line, draw_habits, identity_rows, row_blocks
from corpusgen.layout import (
    Block,
    Cells,
    Center,
    NameTable,
    PageBreak,
    Para,
    Space,
)
from corpusgen.letterhead import Kop, Logos
from corpusgen.numbering import number_for
from corpusgen.people import make_person
from corpusgen.signature_columns import office_only, unrepresented
from models.calendar_id import WEEKDAYS


def heading(s: Draft) -> None:
    """Kop or logos, an optional cover page, and the title block (type, ANTARA, TENTANG)."""
    seed, rng, fam, dtype = s.seed, s.rng, s.fam, s.dtype
    d, parties, parent, topic = s.d, s.parties, s.parent, s.topic
    notes, long_doc, b = s.notes, s.long_doc, s.b
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
        if fam.amendment_headings:
            form = weighted(rng, fam.amendment_headings)
            title_lines[:] = amendment_lines(form, ordinal, base_word)
            notes.append(f"amendment heading form '{form}'")
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
        amended_kind = title_case(amended_word)
        cited_nums = " dan Nomor ".join(amended_nums[:2])
        parent_phrase = f"{amended_kind} Nomor {cited_nums} tentang {title_case(amended_topic)}"
        parent_numbers = amended_nums[:2]
    title_lines.append(topic_line)
    title_truth = " ".join(title_lines)
    printed_lines = title_lines
    if fam.bilingual_heading and rng.random() < fam.bilingual_heading:
        printed_lines = bilingual_lines(rng, title_lines)
        notes.append("bilingual heading: an English line under each Indonesian one")
    debris: set[int] = set()
    if fam.heading_debris and rng.random() < fam.heading_debris:
        printed_lines, debris = with_debris(rng, printed_lines)
        notes.append("logo debris between the heading lines (not in the title)")

    if fam.header != "none" and dtype != "ADENDUM" and (long_doc or rng.random() < 0.2):
        # a cover page: logos and the heading block alone, repeated on the next page
        b.add(Logos(seed=seed + 3), Space(120))
        for i, t in enumerate(printed_lines):
            if i not in debris:  # the cover's logos stand apart from its heading
                b.add(Center(t, bold=True, gap=(14 if i == 0 else 6), size=fam.style.size + 3))
        b.add(PageBreak())
        notes.append("cover page repeats the heading block")
    b.add(*header)
    for i, t in enumerate(printed_lines):
        size = fam.style.size + (2 if i == 0 else 0.5)
        if i in debris:
            b.add(Center(t, gap=1, size=fam.style.size - 3))
            continue
        b.add(Center(t, bold=True, gap=(14 if i == 0 else 2), size=size))
        if i == 0 and english:
            b.add(Center("(Memorandum of Understanding)", gap=1, size=fam.style.size))

    s.kind_word, s.title_lines, s.title_truth = kind_word, title_lines, title_truth
    s.english, s.parent_phrase, s.amended_kind = english, parent_phrase, amended_kind
    s.parent_numbers = parent_numbers


def opening(s: Draft) -> None:
    """'Pada hari ini ...': the weekday (sometimes wrong), the date in words, the place."""
    rng, fam, dtype, d = s.rng, s.fam, s.dtype, s.d
    parties, notes, b, kind_word = s.parties, s.notes, s.b, s.kind_word
    weekday = WEEKDAYS[d.weekday()]
    wrong_weekday = rng.random() < 0.1
    if wrong_weekday:
        weekday = rng.choice([w for w in WEEKDAYS if w != weekday])
        notes.append(f"WRONG WEEKDAY: {weekday} printed for {d.isoformat()} (truth keeps the date)")
    form = weighted(rng, fam.date_forms)
    date_text = opening_date(d, form, weekday, fam.date_case, rng)
    place: str | None = None
    s.sign_mode = weighted(rng, fam.sign_dates) if fam.sign_dates else ""
    if s.sign_mode.endswith("-only"):
        # dated only above the signatures: no date, no place in the opening
        b.add(Para(dateless_opening(), gap=14, first_indent=0))
        notes[:] = [n for n in notes if not n.startswith("WRONG WEEKDAY")]
        notes.append(f"no date in the opening: {s.sign_mode}")
        s.weekday, s.wrong_weekday, s.form, s.place = "", False, s.sign_mode, None
        s.doc_word = "Adendum" if dtype == "ADENDUM" else title_case(kind_word)
        return
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
    doc_word = {"NK": title_case(kind_word), "PKS": title_case(kind_word), "ADENDUM": "Adendum"}[
        dtype
    ]
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

    s.weekday, s.wrong_weekday, s.form = weekday, wrong_weekday, form
    s.place, s.doc_word = place, doc_word


def party_clauses(s: Draft) -> None:
    """One clause per party ending 'selanjutnya disebut PIHAK ...', then PARA PIHAK."""
    rng, fam, d, parties, roles, b = s.rng, s.fam, s.d, s.parties, s.roles, s.b
    habits = draw_habits(rng) if fam.identity_rows else None  # only its family draws it
    style = fam.party_style
    if fam.party_styles:  # its own stream: the families of one style keep their documents
        style = weighted(random.Random(f"party-style|{s.seed}"), fam.party_styles)
    for i, p in enumerate(parties):
        role = roles[i]
        marker = f"{i + 1}." if style != "nametable" else f"{'I' * (i + 1) if i < 3 else i + 1}."
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
        if p.acting is not None and p.acting.mandate:
            acts += p.acting.mandate  # a delegation: 'berdasarkan Surat Kuasa Bupati X ...'
        seat = f"berkedudukan di {p.address}"
        if style == "inline" and office_only(
            fam.held_out, fam.sig_layout, p.signatory.full, i, fam.block_names
        ):
            who = f", dalam hal ini diwakili oleh {p.jabatan}"
            if fam.block_names and unrepresented(p.signatory.full, i):
                who = ""  # the jabatan, too, is printed only in the signature block
                s.body_only.add(i)
            text = (  # the person is named only under the signature
                f"**{p.institution}**, {seat}{who}, selanjutnya disebut **{role}**;"
            )
            b.add(Para(text, marker=marker, marker_w=20, gap=6))
        elif style == "inline":
            text = (
                f"**{p.signatory.full}**{nip}, {p.jabatan}{decree}, {acts}, {seat}, "
                f"selanjutnya disebut **{role}**;"
            )
            b.add(Para(text, marker=marker, marker_w=20, gap=6))
        elif style == "nametable":
            text = f"{p.jabatan}{decree}, {acts}, {seat}, untuk selanjutnya disebut **{role}**."
            b.add(NameTable(marker, p.signatory.full, text, name_w=160))
        elif habits is not None:
            number = None
            if s.clause_numbers and i > 0 and s.numbers_all[i]:
                number = str(s.numbers_all[i])
                s.printed_numbers.append(number)
            rows = identity_rows(rng, p, habits, number)
            for block in row_blocks(marker, rows, habits):
                b.add(block)
            b.add(Para(closing_line(rng, rows, habits, acts + decree, role), left=20, gap=2))
        else:
            rows = [("Nama", p.signatory.full), ("Jabatan", p.jabatan)]
            if p.signatory.nip:
                rows.insert(1, ("NIP", p.signatory.nip))
            if s.clause_numbers and i > 0 and s.numbers_all[i]:
                rows.append(("Nomor", str(s.numbers_all[i])))
                s.printed_numbers.append(str(s.numbers_all[i]))
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


def recitals(s: Draft) -> None:
    """Recitals, with the citation of the NK a PKS carries out."""
    (
        rng,
        fam,
        dtype,
        d,
        parties,
        parent,
        topic,
        kinds,
        notes,
        b,
        doc_word,
        parent_phrase,
        parent_numbers,
    ) = (
        s.rng,
        s.fam,
        s.dtype,
        s.d,
        s.parties,
        s.parent,
        s.topic,
        s.kinds,
        s.notes,
        s.b,
        s.doc_word,
        s.parent_phrase,
        s.parent_numbers,
    )
    nk_parent_date: dt.date | None = None
    if dtype == "PKS" and (parent is not None or rng.random() < 0.75):
        if parent is not None:
            p_word = title_case(parent.truth["title"].split(" ANTARA ")[0])
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
                for r in legal_basis(rng, kinds, topic)
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

    s.parent_phrase, s.parent_numbers, s.kw = parent_phrase, parent_numbers, kw
