"""HELD OUT families drawn later, after the first misses on real archives: stamps and wet
ink in signature grids, party numbers in block rows, schools, identity rows, acting signers.

Kept apart from ``held_out_families.py`` only for size; the same rule holds: never looked
at while tuning rules, only measured. Their order follows the earlier families.
"""

from __future__ import annotations

from corpusgen.family import Family
from corpusgen.layout import A4, F4, Style
from corpusgen.pagination import Furniture

HELD_OUT_LATER: tuple[Family, ...] = (
    Family(
        "zegel-tinta",
        True,
        "HELD OUT. Signature cells as a kabupaten's cooperation team files them: wet ink "
        "at the start of printed names and jabatan or a stroke through the name, stamps "
        "over names, the jabatan on two lines above the name without a PIHAK label "
        "(closed by a comma), 'a.n. BUPATI X,' over a Kepala's jabatan, the pangkat "
        "between name and NIP, two to eight parties, and parties the clause names by "
        "office alone (the signatory, often the jabatan too, only under the signature).",
        Style(page=F4, typeface="times", size=11.5, leading=1.3, margins=(78, 65, 60, 78)),
        Furniture(page_numbers="halaman-bottom"),
        (
            ("pemkab", "pemkab"),
            ("pemprov", "pemkab", "pemkot"),
            ("pemkot", "universitas"),
            ("pemprov", *("pemkab",) * 4, "pemkot"),
            ("pemkab", "swasta"),
            ("pemprov", *("pemkab",) * 7),
        ),
        doc_types=(("NK", 0.5), ("PKS", 0.5)),
        nk_words=("KESEPAKATAN BERSAMA", "NOTA KESEPAHAMAN"),
        header="kop",
        numbers="upper",
        date_forms=(("words", 0.7), ("plain", 0.3)),
        roles=("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"),
        party_style="inline",
        articles="pasal-heading",
        scope_marker="letter",
        sig_layout="grid",
        jabatan_places=(("stacked", 0.45), ("two-lines", 0.3), ("above", 0.25)),
        mengetahui=0.3,
        stamp_over_name=0.5,
        sig_ink=0.6,
        rank_lines=0.6,
        delegation=0.35,
        block_names=0.5,
        extras=("monev", "kahar"),
        in_rotation=False,
    ),
    Family(
        "zona-nomor-pihak",
        True,
        "HELD OUT. Only the first party's number under the title; each other party's "
        "number is a 'Nomor :' row of its block in the comparison (Nama / Jabatan / Nomor / "
        "Alamat), beside a deed's number cited in the same block. The expected outcome is "
        "every party's number, never the deed's.",
        Style(page=A4, typeface="times", size=11.5, leading=1.35, margins=(80, 65, 60, 80)),
        Furniture(page_numbers="halaman-bottom"),
        (
            ("pemkab", "swasta"),
            ("pemkot", "bumd"),
            ("universitas", "swasta"),
            ("pemkab", "pemkot", "swasta"),
        ),
        doc_types=(("PKS", 0.7), ("NK", 0.3)),
        nk_words=("NOTA KESEPAHAMAN", "KESEPAKATAN BERSAMA"),
        header="kop",
        numbers="center-nomor",
        date_forms=(("words", 0.7), ("plain", 0.3)),
        roles=("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"),
        party_style="fields",
        articles="pasal-heading",
        scope_marker="letter",
        clause_numbers=0.8,
        in_rotation=False,
    ),
    Family(
        "zona-sekolah-mitra",
        True,
        "HELD OUT. A state vocational school (SMK Negeri) and its industry or campus "
        "partners: the school named in full in the clause and abbreviated in its jabatan "
        "or the other way round, its number in the unit code ('B/422/297/SMKN6/2023', "
        "'.../SMKN1PACET/CADISDIKWIL.VI/V/2023'), a provincial letterhead over the school's "
        "own line, identity blocks of labelled lines (Nama / Jabatan / Alamat).",
        Style(page=A4, typeface="times", size=12, leading=1.3, margins=(80, 70, 60, 80)),
        Furniture(page_numbers="halaman-bottom"),
        (
            ("sekolah", "swasta"),
            ("swasta", "sekolah"),
            ("universitas", "sekolah"),
            ("sekolah", "bumn"),
            ("sekolah", "sekolah"),
        ),
        doc_types=(("PKS", 0.8), ("NK", 0.2)),
        nk_words=("NOTA KESEPAHAMAN", "MEMORANDUM OF UNDERSTANDING"),
        header="kop",
        numbers="center-nomor",
        date_forms=(("words", 0.6), ("plain", 0.4)),
        roles=("PIHAK PERTAMA", "PIHAK KEDUA", "PIHAK KETIGA"),
        party_style="fields",
        articles="pasal-heading",
        scope_marker="number",
        in_rotation=False,
    ),
    Family(
        "zona-rinci-identitas",
        True,
        "HELD OUT. Each party introduced by every labelled row of its signatory: Nama, NIP, "
        "Pangkat/Gol., Jabatan, Instansi, then an Alamat row or a 'Berkedudukan di' line; the "
        "colon in its own column, right after the label or run into the row. On scans OCR "
        "misreads the labels and colons and joins rows: the jabatan, name and institution "
        "must end where the next row begins.",
        Style(page=F4, typeface="helvetica", size=11, leading=1.3, margins=(80, 65, 60, 75)),
        Furniture(page_numbers="halaman-bottom"),
        (
            ("pemkab", "universitas"),
            ("pemkot", "lembaga"),
            ("pemprov", "pemkab"),
            ("kementerian", "universitas"),
            ("pemkab", "swasta"),
        ),
        doc_types=(("PKS", 0.6), ("NK", 0.4)),
        nk_words=("NOTA KESEPAHAMAN", "KESEPAKATAN BERSAMA"),
        header="kop",
        numbers="center-nomor",
        date_forms=(("words", 0.8), ("plain", 0.2)),
        roles=("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"),
        party_style="fields",
        identity_rows=True,
        articles="pasal-heading",
        scope_marker="letter",
        in_rotation=False,
    ),
    Family(
        "zpenjabat-pelaksana",
        True,
        "HELD OUT. Regional agreements signed by acting and delegated officials: Pj. / "
        "Penjabat Bupati or Wali Kota, Plt. / Pelaksana Tugas, Plh. / Pelaksana Harian, Pjs., "
        "a Plt. Kepala Dinas, a Sekretaris Daerah or Kepala Dinas signing 'a.n. BUPATI X' "
        "(and 'u.b.' chains). The clause prints the acting office as the jabatan (prose or "
        "Nama / Jabatan rows); the block prints the prefix before the jabatan, on a line of "
        "its own, before a short jabatan over the name, or before the name; some clauses name "
        "the office alone ('diwakili oleh Pj. Bupati X'). The expected "
        "jabatan keeps its prefix (the clause's), the name never carries it. Named to sort "
        "after the other extra families, so their documents keep their seeds.",
        Style(page=F4, typeface="times", size=11.5, leading=1.35, margins=(80, 65, 60, 80)),
        Furniture(page_numbers="halaman-bottom"),
        (
            ("pemkab", "pemkab"),
            ("pemkot", "pemkab"),
            ("pemprov", "pemkab"),
            ("pemkab", "universitas"),
            ("pemkot", "bumd"),
            ("pemprov", "pemkot", "pemkab"),
        ),
        doc_types=(("PKS", 0.55), ("NK", 0.45)),
        nk_words=("KESEPAKATAN BERSAMA", "NOTA KESEPAHAMAN"),
        header="kop",
        numbers="upper",
        date_forms=(("words", 0.7), ("plain", 0.3)),
        roles=("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"),
        party_style="inline",
        party_styles=(("inline", 0.55), ("fields", 0.45)),
        articles="pasal-heading",
        scope_marker="letter",
        acting=0.8,
        block_names=0.3,
        extras=("monev", "kahar"),
        in_rotation=False,
    ),
)
