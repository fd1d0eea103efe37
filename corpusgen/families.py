"""Template families: each one a house style of wording, layout and article order.

Families are kept apart so rules can be tuned on some and measured on others:
the ones with ``held_out=True`` must never be looked at while tuning rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corpusgen.layout import A4, F4, Style
from corpusgen.pagination import Furniture


@dataclass(frozen=True)
class Family:
    name: str
    held_out: bool
    description: str
    style: Style
    furniture: Furniture
    party_combos: tuple[tuple[str, ...], ...]
    doc_types: tuple[tuple[str, float], ...] = (("NK", 0.45), ("PKS", 0.4), ("ADENDUM", 0.15))
    nk_words: tuple[str, ...] = ("NOTA KESEPAHAMAN",)
    pks_words: tuple[str, ...] = ("PERJANJIAN KERJA SAMA",)
    conj: str = "DAN"
    header: str = "kop"  # kop | logos | none
    numbers: str = "center-nomor"  # center-nomor | pihak-label | upper | left-nomor
    date_forms: tuple[tuple[str, float], ...] = (("words", 1.0),)
    date_case: str = "lower"
    place_prob: float = 0.7
    roles: tuple[str, ...] = ("PIHAK PERTAMA", "PIHAK KEDUA", "PIHAK KETIGA")
    party_style: str = "inline"  # inline | nametable | fields
    articles: str = "pasal-heading"  # pasal-heading | heading-pasal | bab | pasal-inline
    scope_marker: str = "letter"  # letter | number
    sig_lead: bool = False
    sig_order: str = "12"  # "12": first party left; "21": first party right
    sig_layout: str = "columns"  # columns | grid (corpusgen/sigblocks.py)
    jabatan_places: tuple[tuple[str, float], ...] = (("above", 1.0),)
    """grid cells: above (label + jabatan), two-lines, below (under the name), no-label"""
    mengetahui: float = 0.0  # share with a 'Mengetahui' official under the grid
    stamp_over_name: float = 0.0  # share of grid cells with the stamp/meterai over the name
    hand_numbers: float = 0.0  # share whose number of one party is handwritten in the blank
    in_rotation: bool = True
    """False: not in the committed set's family rotation (it must stay under 25 MB and
    byte-stable); generated as extra documents of the benchmark set (``--extra-per-family``)."""
    recitals: bool = True
    english_subtitle: bool = False
    extras: tuple[str, ...] = field(
        default=(
            "monev",
            "kahar",
            "korespondensi",
            "perubahan",
            "tim",
            "pelaporan",
            "kerahasiaan",
            "hki",
            "hak",
        )
    )
    scope_headings: tuple[str, ...] = ("Ruang Lingkup", "Ruang Lingkup", "Lingkup Kerja Sama")
    """headings the scope article is printed under (one drawn per document)"""
    scope_styles: tuple[tuple[str, float], ...] = (("list", 1.0),)
    """list (lettered/numbered items) | ayat-sentences ('(1) PIHAK KESATU menyediakan ...')
    | sentences (one paragraph per 'PIHAK ... ' sentence, no markers)"""
    pasal_numbers: tuple[tuple[str, float], ...] = (("arabic", 1.0),)
    """how 'Pasal n' is numbered: arabic (Pasal 3) | roman (PASAL III) | words (Pasal Tiga)"""


_GOV = ("pemprov", "pemkab", "pemkot")

FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
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
            Style(
                page=A4, typeface="dejavu-sans", size=10.5, leading=1.45, margins=(75, 65, 60, 70)
            ),
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
            Style(
                page=F4, typeface="dejavu-serif", size=10.5, leading=1.45, margins=(80, 70, 70, 80)
            ),
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
}

FAMILIES.update(
    {
        f.name: f
        for f in (
            Family(
                "banyak-pihak",
                True,
                "HELD OUT. A province with many kabupaten/kota (6 to 28 parties): Kesepakatan "
                "Bersama, roles up to PIHAK KEDUA PULUH DELAPAN, a signature grid of three cells "
                "a row over pages, cells often without a PIHAK label (only 'BUPATI X,'), stamps "
                "over names, a 'Mengetahui' official under the grid.",
                Style(page=F4, typeface="times", size=11, leading=1.3, margins=(75, 65, 60, 75)),
                Furniture(page_numbers="dash-top"),
                (
                    ("pemprov", *("pemkab",) * 5),
                    ("pemprov", *("pemkab",) * 7, "pemkot"),
                    ("pemprov", *("pemkab",) * 11),
                    ("pemprov", *("pemkab",) * 20, *("pemkot",) * 7),
                ),
                doc_types=(("NK", 0.7), ("PKS", 0.3)),
                nk_words=("KESEPAKATAN BERSAMA",),
                conj="DAN",
                header="logos",
                numbers="upper",
                date_forms=(("words", 0.6), ("mixed", 0.4)),
                roles=("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"),
                party_style="inline",
                articles="pasal-heading",
                scope_marker="letter",
                sig_layout="grid",
                jabatan_places=(("no-label", 0.5), ("above", 0.3), ("two-lines", 0.2)),
                mengetahui=0.5,
                stamp_over_name=0.4,
                extras=("monev", "kahar"),
                in_rotation=False,
            ),
            Family(
                "tanda-tangan-basah",
                True,
                "HELD OUT. Two or three parties signing in wet ink over their names: stamps and "
                "meterai over the printed name, the jabatan on two lines or under the name, a "
                "'Mengetahui' Kepala Dinas, and one party's number handwritten in the dotted "
                "blank (the expected outcome is low confidence, not a confident wrong number).",
                Style(page=A4, typeface="times", size=11.5, leading=1.35, margins=(80, 65, 60, 80)),
                Furniture(page_numbers="halaman-bottom"),
                (
                    ("swasta", "pemkab"),
                    ("bumd", "pemkot"),
                    ("pemkab", "pemkab"),
                    ("universitas", "pemkot"),
                    ("pemprov", "pemkab", "swasta"),
                ),
                doc_types=(("PKS", 0.6), ("NK", 0.4)),
                nk_words=("KESEPAKATAN BERSAMA", "NOTA KESEPAHAMAN"),
                header="kop",
                numbers="upper",
                date_forms=(("words", 0.7), ("plain", 0.3)),
                roles=("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"),
                party_style="inline",
                articles="pasal-heading",
                scope_marker="number",
                sig_layout="grid",
                jabatan_places=(("two-lines", 0.4), ("below", 0.4), ("above", 0.2)),
                mengetahui=0.6,
                stamp_over_name=0.7,
                hand_numbers=0.7,
                in_rotation=False,
            ),
            Family(
                "objek-paraf",
                True,
                "HELD OUT. Scope under another heading (Objek Kerja Sama, Lingkup Kegiatan, Bentuk "
                "Kerja Sama, Ruang Lingkup dan Bentuk Kegiatan, Kegiatan), mostly written as "
                "sentences 'PIHAK KESATU menyediakan ...' without list markers, in a large type so "
                "articles run over page breaks; a paraf box with PIHAK KESATU / PIHAK KEDUA cells "
                "and 'n dari N' beside it, the title repeated at the top of each page, Pasal "
                "numbered in words or Roman numerals.",
                Style(
                    page=A4, typeface="dejavu-serif", size=12, leading=1.5, margins=(80, 65, 60, 80)
                ),
                Furniture(
                    page_numbers="dari-paraf", paraf=2, paraf_cells="ordinal", running_header=True
                ),
                (
                    ("pemkab", "swasta"),
                    ("pemkot", "universitas"),
                    ("pemprov", "bumd"),
                    ("pemkab", "pemkab"),
                ),
                doc_types=(("PKS", 0.6), ("NK", 0.4)),
                nk_words=("KESEPAKATAN BERSAMA", "NOTA KESEPAHAMAN"),
                header="kop",
                numbers="upper",
                date_forms=(("words", 0.6), ("plain", 0.4)),
                roles=("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"),
                party_style="inline",
                articles="pasal-heading",
                scope_marker="letter",
                scope_headings=(
                    "Objek Kerja Sama",
                    "Lingkup Kegiatan",
                    "Bentuk Kerja Sama",
                    "Ruang Lingkup dan Bentuk Kegiatan",
                    "Kegiatan",
                ),
                scope_styles=(("sentences", 0.6), ("ayat-sentences", 0.2), ("list", 0.2)),
                pasal_numbers=(("words", 0.4), ("roman", 0.4), ("arabic", 0.2)),
                extras=("monev", "kahar", "pelaporan"),
                in_rotation=False,
            ),
        )
    }
)

ROTATION_FAMILIES = tuple(sorted(n for n, f in FAMILIES.items() if f.in_rotation))
"""The families of the committed set's rotation (and of a sample drawn without a family)."""
EXTRA_FAMILIES = tuple(sorted(n for n, f in FAMILIES.items() if not f.in_rotation))
TUNING_FAMILIES = tuple(n for n, f in FAMILIES.items() if not f.held_out)
HELD_OUT_FAMILIES = tuple(n for n, f in FAMILIES.items() if f.held_out)
