"""The families rules are tuned on: house styles seen while writing rules."""

from __future__ import annotations

from corpusgen.family import Family
from corpusgen.layout import A4, F4, Style
from corpusgen.pagination import Furniture

GOV = ("pemprov", "pemkab", "pemkot")

TUNED: tuple[Family, ...] = (
    Family(
        "pemda-klasik",
        False,
        "Regional governments between themselves; F4 paper, Times, two logos and no letterhead "
        "text, 'Nomor :' lines centred, date in words with (dd-mm-yyyy), 'name : text' party "
        "columns, BAB + Pasal headings, lettered scope, '- n -' page numbers.",
        Style(page=F4, typeface="times", size=12, leading=1.35, margins=(85, 70, 65, 75)),
        Furniture(page_numbers="dash-top"),
        (
            ("pemkab", "pemkab"),
            ("pemkot", "pemkab"),
            ("pemprov", "pemkab"),
            ("pemprov", "pemprov"),
            ("pemkab", "pemkot"),
        ),
        nk_words=("KESEPAKATAN BERSAMA", "NOTA KESEPAHAMAN"),
        pks_words=("PERJANJIAN KERJA SAMA", "PERJANJIAN KERJASAMA"),
        conj="DENGAN",
        header="logos",
        numbers="center-nomor",
        date_forms=(("words+numeric", 0.6), ("words", 0.4)),
        date_case="title",
        place_prob=0.85,
        roles=("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"),
        party_style="nametable",
        articles="bab",
        scope_marker="letter",
        sig_order="21",
    ),
    Family(
        "kementerian-daerah",
        False,
        "A ministry or national agency with a province, kabupaten or kota; A4, ministry "
        "letterhead, 'NOMOR :' in capitals, date in words, party paragraphs with NIP and "
        "appointment decree, heading above 'Pasal n', numbered scope, paraf boxes, "
        "'Halaman n dari N'.",
        Style(page=A4, typeface="times", size=11.5, leading=1.3, margins=(80, 65, 60, 85)),
        Furniture(page_numbers="halaman-bottom", paraf=2, paraf_cells="ordinal"),
        (
            ("kementerian", "pemprov"),
            ("kementerian", "pemkab"),
            ("kementerian", "pemkot"),
            ("lembaga", "pemprov"),
            ("lembaga", "pemkab"),
            ("lembaga", "pemkot"),
        ),
        nk_words=("NOTA KESEPAHAMAN",),
        header="kop",
        numbers="upper",
        date_forms=(("words", 0.7), ("mixed", 0.3)),
        place_prob=0.8,
        party_style="inline",
        articles="heading-pasal",
        scope_marker="number",
        scope_headings=(
            "Ruang Lingkup",
            "Ruang Lingkup",
            "Objek Kerja Sama",
            "Lingkup Kegiatan",
        ),
        scope_styles=(("list", 0.7), ("ayat-sentences", 0.3)),
    ),
    Family(
        "kampus-mou",
        False,
        "A university with a regional government, a BUMN or a company; sans-serif, A4, "
        "letterhead of the university, '(Memorandum of Understanding)' subtitle, 'Nomor Pihak "
        "Pertama :' labels, date in words (often no place), PASAL with heading on the next "
        "line, numbered scope.",
        Style(page=A4, typeface="dejavu-sans", size=10.5, leading=1.45, margins=(75, 65, 60, 70)),
        Furniture(page_numbers="plain-bottom-right"),
        (
            ("universitas", "pemkab"),
            ("universitas", "pemkot"),
            ("universitas", "pemprov"),
            ("universitas", "bumn"),
            ("universitas", "swasta"),
            ("universitas", "lainnya"),
            ("universitas", "dprd"),
        ),
        nk_words=("NOTA KESEPAHAMAN", "MEMORANDUM OF UNDERSTANDING"),
        header="kop",
        numbers="pihak-label",
        date_forms=(("words", 0.8), ("plain", 0.2)),
        date_case="lower",
        place_prob=0.35,
        party_style="inline",
        articles="pasal-heading",
        scope_marker="number",
        english_subtitle=True,
    ),
    Family(
        "korporasi-pks",
        False,
        "Companies, BUMN and BUMD with governments; mostly PKS citing an NK, Helvetica, "
        "PIHAK KESATU/KEDUA, plain dates '27 Maret 2019', 'Nama/NIP/Jabatan' field rows, "
        "paraf boxes, 'Ditandatangani di' above the signatures.",
        Style(page=A4, typeface="helvetica", size=10.5, leading=1.4, margins=(72, 65, 60, 85)),
        Furniture(
            page_numbers="plain-bottom-right", paraf=2, running_header=True, address_footer=True
        ),
        (
            ("bumn", "pemkab"),
            ("bumd", "pemprov"),
            ("swasta", "pemkot"),
            ("pemkab", "bumd"),
            ("pemprov", "bumn"),
            ("pemkot", "swasta"),
            ("swasta", "universitas"),
        ),
        doc_types=(("PKS", 0.65), ("NK", 0.2), ("ADENDUM", 0.15)),
        pks_words=("PERJANJIAN KERJASAMA", "PERJANJIAN KERJA SAMA"),
        nk_words=("NOTA KESEPAHAMAN", "MEMORANDUM OF UNDERSTANDING"),
        header="kop",
        numbers="left-nomor",
        date_forms=(("plain", 0.5), ("mixed", 0.3), ("numeric", 0.2)),
        place_prob=0.6,
        roles=("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"),
        party_style="fields",
        articles="pasal-inline",
        scope_marker="letter",
        sig_lead=True,
        sig_order="12",
        scope_headings=("Ruang Lingkup", "Lingkup Kerja Sama", "Bentuk Kerja Sama"),
        scope_styles=(("list", 0.6), ("sentences", 0.4)),
    ),
    Family(
        "dprd-kesepakatan",
        False,
        "A DPRD or regional government with a university, agency or neighbouring region; "
        "Kesepakatan Bersama, DejaVu Serif on F4, mixed date forms, BAB headings, '- n -' "
        "pages.",
        Style(page=F4, typeface="dejavu-serif", size=10.5, leading=1.45, margins=(80, 70, 70, 80)),
        Furniture(page_numbers="dash-top"),
        (
            ("dprd", "universitas"),
            ("dprd", "pemkab"),
            ("pemkab", "dprd"),
            ("dprd", "lembaga"),
            ("pemkot", "dprd"),
        ),
        nk_words=("KESEPAKATAN BERSAMA",),
        conj="DENGAN",
        header="kop",
        numbers="center-nomor",
        date_forms=(("mixed", 0.5), ("words", 0.3), ("numeric", 0.2)),
        date_case="title",
        place_prob=0.9,
        party_style="inline",
        articles="bab",
        scope_marker="letter",
        sig_order="21",
        scope_headings=("Ruang Lingkup", "Ruang Lingkup", "Bidang Kerja Sama"),
        pasal_numbers=(("arabic", 0.6), ("roman", 0.2), ("words", 0.2)),
    ),
    Family(
        "wilayah-serentak",
        False,
        "A province or a ministry with several kabupaten/kota or provinces signing one "
        "agreement (4 to 16 parties): 'Nama / NIP / Jabatan' rows per party, PIHAK PERTAMA "
        "... in a signature grid of two or three cells a row over pages, the jabatan above "
        "the name, on two lines, under the name or alone without a label, stamps and meterai "
        "over the printed names, a 'Mengetahui' official under the grid who is no party. "
        "Helvetica on A4, plain or word dates, heading above 'Pasal n'. Tuned on (the "
        "signature grids of real archives, in a house style of its own).",
        Style(page=A4, typeface="helvetica", size=10.5, leading=1.35, margins=(75, 65, 60, 75)),
        Furniture(page_numbers="halaman-bottom"),
        (
            ("pemprov", "pemkab", "pemkab", "pemkot"),
            ("pemprov", *("pemkab",) * 4, "pemkot"),
            ("kementerian", "pemprov", "pemprov", "pemprov", "pemprov"),
            ("pemprov", *("pemkab",) * 8, "pemkot"),
            ("pemprov", *("pemkab",) * 12, "pemkot", "pemkot"),
        ),
        doc_types=(("NK", 0.6), ("PKS", 0.4)),
        nk_words=("KESEPAKATAN BERSAMA", "NOTA KESEPAHAMAN"),
        header="logos",
        numbers="upper",
        date_forms=(("words", 0.5), ("plain", 0.5)),
        party_style="fields",
        articles="heading-pasal",
        scope_marker="number",
        sig_layout="grid",
        jabatan_places=(("above", 0.3), ("two-lines", 0.3), ("below", 0.2), ("no-label", 0.2)),
        mengetahui=0.5,
        stamp_over_name=0.5,
        extras=("monev", "kahar", "pelaporan"),
        in_rotation=False,
    ),
    Family(
        "tiga-pihak",
        True,
        "HELD OUT. Three parties (province, kabupaten/kota and a company, university or "
        "agency), PIHAK KESATU/KEDUA/KETIGA, signatures two above one, Times on A4, "
        "date mixed or words, heading above Pasal.",
        Style(page=A4, typeface="times", size=11.5, leading=1.3, margins=(80, 65, 60, 80)),
        Furniture(page_numbers="halaman-bottom", paraf=3),
        (
            ("pemprov", "pemkab", "swasta"),
            ("pemprov", "pemkot", "universitas"),
            ("kementerian", "pemprov", "pemkab"),
            ("pemprov", "pemkab", "bumd"),
        ),
        doc_types=(("NK", 0.5), ("PKS", 0.5)),
        nk_words=("NOTA KESEPAHAMAN", "KESEPAKATAN BERSAMA"),
        header="logos",
        numbers="pihak-label",
        date_forms=(("mixed", 0.5), ("words", 0.5)),
        roles=("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"),
        party_style="inline",
        articles="heading-pasal",
        scope_marker="number",
    ),
    Family(
        "ringkas",
        True,
        "HELD OUT. Short (2-3 pages) plain agreements without letterhead: 'NOMOR:' lines, "
        "numeric dates (27-03-2019), no recitals, few articles, Helvetica, no page numbers.",
        Style(page=A4, typeface="helvetica", size=11, leading=1.35, margins=(70, 60, 70, 70)),
        Furniture(page_numbers=None),
        (
            ("pemkab", "swasta"),
            ("pemkot", "lainnya"),
            ("bumd", "swasta"),
            ("pemkab", "bumd"),
            ("lembaga", "universitas"),
        ),
        doc_types=(("PKS", 0.6), ("NK", 0.3), ("ADENDUM", 0.1)),
        header="none",
        numbers="upper",
        date_forms=(("numeric", 0.6), ("plain", 0.4)),
        place_prob=0.5,
        party_style="fields",
        articles="pasal-inline",
        scope_marker="number",
        recitals=False,
        extras=(),
    ),
)
