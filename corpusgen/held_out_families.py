"""HELD OUT families: never looked at while tuning rules, only measured.

Each one is drawn after a failure class seen on real archives no rule was
written against (many parties, stamps over names, handwritten fills, ...).
"""

from __future__ import annotations

from corpusgen.family import Family
from corpusgen.layout import A4, F4, Style
from corpusgen.pagination import Furniture

HELD_OUT: tuple[Family, ...] = (
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
)
