"""HELD OUT families: never looked at while tuning rules, only measured.

Each one is drawn after a failure class seen on real archives no rule was
written against (many parties, stamps over names, handwritten fills, ...).
"""

from __future__ import annotations

from corpusgen.family import Family
from corpusgen.held_out_later import HELD_OUT_LATER
from corpusgen.layout import A4, F4, Style
from corpusgen.pagination import Furniture

_EARLIER: tuple[Family, ...] = (
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
        Style(page=A4, typeface="dejavu-serif", size=12, leading=1.5, margins=(80, 65, 60, 80)),
        Furniture(page_numbers="dari-paraf", paraf=2, paraf_cells="ordinal", running_header=True),
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
    Family(
        "wujud-kegiatan",
        True,
        "HELD OUT. Scope running over page breaks in a large type: the paraf box with PIHAK "
        "KESATU / PIHAK KEDUA cells, 'Halaman n dari N', the running title and a letterhead "
        "footer between the items; the article under Ruang Lingkup Kerja Sama, Objek "
        "Perjanjian, Kegiatan, Bidang Kegiatan or 'Ruang Lingkup / Scope', 'PASAL n' with the "
        "heading on the next line; items marked '(1)', '1)', '-', '\u2022', numbered with a "
        "lettered sub-list, paragraphs without markers, or long 'PIHAK KESATU berkewajiban "
        "...' sentences.",
        Style(page=A4, typeface="times", size=13, leading=1.55, margins=(80, 65, 60, 70)),
        Furniture(
            page_numbers="halaman-bottom",
            paraf=2,
            paraf_cells="ordinal",
            running_header=True,
            address_footer=True,
        ),
        (
            ("pemkab", "swasta"),
            ("pemkot", "bumd"),
            ("universitas", "pemkab"),
            ("pemprov", "lembaga"),
        ),
        doc_types=(("PKS", 0.6), ("NK", 0.4)),
        nk_words=("NOTA KESEPAHAMAN", "KESEPAKATAN BERSAMA"),
        header="kop",
        numbers="upper",
        date_forms=(("words", 0.6), ("plain", 0.4)),
        roles=("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"),
        party_style="inline",
        articles="pasal-heading",
        scope_marker="number",
        scope_headings=(
            "Ruang Lingkup Kerja Sama",
            "Objek Perjanjian",
            "Kegiatan",
            "Bidang Kegiatan",
            "Ruang Lingkup / Scope",
            "Ruang Lingkup",
        ),
        scope_styles=(("list", 0.7), ("duties", 0.3)),
        scope_markers=(
            ("paren-num", 0.2),
            ("num-paren", 0.2),
            ("dash", 0.15),
            ("bullet", 0.1),
            ("none", 0.15),
            ("nested", 0.2),
        ),
        extras=("monev", "kahar", "pelaporan", "kerahasiaan"),
        in_rotation=False,
    ),
    Family(
        "yang-ditulis-tangan",
        True,
        "HELD OUT. Kerja sama daerah whose copies each secretariat numbers by pen after "
        "signing: the 'NOMOR : ......' lines printed dotted, each party's number written "
        "over its blank by hand (or left blank), typed heading and body. Scanned, the pen "
        "is unreadable for Tesseract: the expected outcome is no value, or a value with low "
        "confidence, never a confident wrong number; a blank gives no entry.",
        Style(page=F4, typeface="times", size=12, leading=1.4, margins=(85, 70, 65, 85)),
        Furniture(page_numbers="dash-top"),
        (
            ("pemkab", "pemkab"),
            ("pemkot", "pemkab"),
            ("pemkab", "swasta"),
            ("pemkab", "bumd"),
            ("pemprov", "pemkab"),
        ),
        doc_types=(("PKS", 0.7), ("NK", 0.3)),
        nk_words=("KESEPAKATAN BERSAMA",),
        header="kop",
        numbers="upper",
        date_forms=(("words", 0.6), ("mixed", 0.4)),
        roles=("PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA"),
        party_style="inline",
        articles="pasal-heading",
        scope_marker="number",
        hand_numbers=0.75,
        hand_each=True,
        blank_numbers=0.2,
        in_rotation=False,
    ),
    Family(
        "wilayah-tanggal-adendum",
        True,
        "HELD OUT. Addenda and bilingual agreements of a regional cooperation office: "
        "amendment openers (PERUBAHAN PERTAMA ATAS, ADENDUM KEDUA / ATAS, AMANDEMEN I, "
        "ADDENDUM II, FIRST AMENDMENT TO), headings with an English line under each "
        "Indonesian one, the signing date in numeric or Roman-month forms, and often only "
        "above the signatures (a 'Dibuat di : X / Pada tanggal : D' block or an 'X, D' "
        "line under an opening without a date), now and then printed twice and disagreeing.",
        Style(page=A4, typeface="times", size=11.5, leading=1.35, margins=(80, 65, 60, 80)),
        Furniture(page_numbers="halaman-bottom"),
        (
            ("pemkab", "swasta"),
            ("universitas", "swasta"),
            ("pemprov", "pemkot"),
            ("pemkot", "bumd"),
        ),
        doc_types=(("ADENDUM", 0.45), ("PKS", 0.3), ("NK", 0.25)),
        nk_words=("NOTA KESEPAHAMAN", "KESEPAKATAN BERSAMA"),
        header="logos",
        numbers="center-nomor",
        date_forms=(
            ("words", 0.3),
            ("numeric-spaced", 0.15),
            ("numeric-slash", 0.15),
            ("roman", 0.2),
            ("tgl", 0.2),
        ),
        amendment_headings=(
            ("perubahan-atas", 0.25),
            ("adendum-atas", 0.2),
            ("amandemen", 0.15),
            ("addendum-roman", 0.15),
            ("english", 0.1),
            ("adendum-ordinal", 0.15),
        ),
        bilingual_heading=0.4,
        heading_debris=0.3,
        end_forms=(
            ("sampai-long", 0.25),
            ("sd-numeric", 0.25),
            ("hingga-slash", 0.25),
            ("sampai-roman", 0.25),
        ),
        sign_dates=(
            ("opening", 0.2),
            ("sign-block", 0.15),
            ("sign-line", 0.1),
            ("sign-block-only", 0.25),
            ("sign-line-only", 0.2),
            ("sign-line-disagree", 0.1),
        ),
        extras=("monev", "kahar", "korespondensi"),
        in_rotation=False,
    ),
)
HELD_OUT: tuple[Family, ...] = (*_EARLIER, *HELD_OUT_LATER)
