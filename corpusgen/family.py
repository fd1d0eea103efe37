"""The shape of a template family: one house style of wording, layout and article order.

Kept apart from the families themselves so the tuned and the held-out families
live in their own modules (one may not be read while tuning the rules).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corpusgen.layout import Style
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
    """grid cells: above (label + jabatan), two-lines, below (under the name), no-label,
    stacked (no label, the jabatan on two lines above the name, a comma closing it)"""
    mengetahui: float = 0.0  # share with a 'Mengetahui' official under the grid
    stamp_over_name: float = 0.0  # share of grid cells with the stamp/meterai over the name
    hand_numbers: float = 0.0  # share whose number of one party is handwritten in the blank
    hand_each: bool = False
    """True: each party's number is handwritten with chance ``hand_numbers`` (one office
    numbering its copies by pen), not one number in that share of documents"""
    blank_numbers: float = 0.06
    clause_numbers: float = 0.0
    """share printing only the first party's number under the title, each other party's as
    a 'Nomor :' row of its block in the comparison (party_style 'fields')"""
    """share of the later parties' number lines left dotted (no number on this copy)"""
    sig_ink: float = 0.0
    """grid cells with wet ink (a signature's tail, a pen blob) at the start of the printed
    name or jabatan, or a stroke across the name: what OCR reads as '2 SUTRISNO', 'TT Kepala'"""
    rank_lines: float = 0.0
    """grid cells of civil servants printing the pangkat ("Pembina Utama Muda") over the NIP"""
    delegation: float = 0.0
    """grid cells of a Kepala signing for the regional head: "a.n. BUPATI X," above the jabatan"""
    identity_rows: bool = False
    """party_style 'fields' with every labelled row: Pangkat/Gol., Instansi, an Alamat row or a
    'Berkedudukan di' line, the colon in a column, tight or run in (corpusgen/identity_rows.py)"""
    block_names: float = 0.0
    """held-out: share of parties the clause names by office alone (the signatory, and
    sometimes the jabatan, printed only in the signature block)"""
    acting: float = 0.0
    """held-out: share of parties signed by an acting or delegated official (Pj./Penjabat,
    Plt./Pelaksana Tugas, Plh., Pjs.; 'a.n. BUPATI X' over the signer's jabatan, 'u.b.'),
    in the clause and the block (corpusgen/acting.py)"""
    party_styles: tuple[tuple[str, float], ...] = ()
    """parties-clause styles drawn per document from their own stream (empty: ``party_style``)"""
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
    | sentences (one paragraph per 'PIHAK ... ' sentence, no markers) | duties ('PIHAK
    PERTAMA berkewajiban ...' sentences, long enough to run over a page break)"""
    scope_markers: tuple[tuple[str, float], ...] = ()
    """list markers of the scope list, one drawn per document (empty: ``scope_marker``):
    letter | number | paren-num '(1)' | num-paren '1)' | dash '-' | bullet '•' | none (one
    paragraph per item, no marker) | nested (numbered items, one with lettered sub-items)"""
    amendment_headings: tuple[tuple[str, float], ...] = ()
    """opener of an addendum heading (corpusgen/heading_forms.py); empty: 'ADENDUM <ordinal>'"""
    end_forms: tuple[tuple[str, float], ...] = ()
    """how a stated end date is written (corpusgen/dating.py END_FORMS); empty: 'sampai
    dengan tanggal <long date>'"""
    heading_debris: float = 0.0
    """share of headings with a logo's caption (read as debris) between its lines"""
    bilingual_heading: float = 0.0
    """share of headings printed with an English line under each Indonesian one"""
    sign_dates: tuple[tuple[str, float], ...] = ()
    """where the signing date is printed (corpusgen/dating.py SIGN_MODES); empty: the opening"""
    pasal_numbers: tuple[tuple[str, float], ...] = (("arabic", 1.0),)
    """how 'Pasal n' is numbered: arabic (Pasal 3) | roman (PASAL III) | words (Pasal Tiga)"""
