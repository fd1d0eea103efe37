"""Unlabelled signature cells whose jabatan sits on two lines above the name, and party
clauses that name the body alone (its seat, no one who represents it).

Regional agreements of many parties often sign in a grid without PIHAK labels: each
cell prints its jabatan ("BUPATI" over "MANOKWARI,", "SEKRETARIS DAERAH" over
"KABUPATEN ALOR,"), the signature blank, the name and a NIP. The parties clause may give
only "Pemerintah Kabupaten X, berkedudukan di ..., selanjutnya disebut PIHAK ...", so who
signs, and as what, is read from the block alone. Pages are drawn here with reportlab
and read back through the extractor's own text layer.
"""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from extractor.ingest import read_document
from extractor.rules.ordinals import ordinal_words
from extractor.rules.parties import find_parties
from extractor.rules.party_clause import ClauseDraft, parse_paragraph
from extractor.rules.sigblock import signature_cells
from extractor.text import DocText

W, H = 595.0, 935.0
REGIONS = ["Garut", "Bogor", "Cianjur", "Sumedang", "Kuningan", "Ciamis"]
NAMES = [
    "Dr. H. AGUS SANTOSO, M.Si.",
    "BUDI HARTONO, S.H.",
    "Ir. DEWI LESTARI, M.T.",
    "EKO PRASETYO, S.Sos., M.AP.",
    "Drs. FAJAR NUGROHO",
    "GUNAWAN SIREGAR, S.E., M.M.",
]
JOBS = [
    ["BUPATI", "GARUT,"],
    ["SEKRETARIS DAERAH", "KABUPATEN BOGOR,"],
    ["BUPATI", "CIANJUR,"],
    ["BUPATI", "SUMEDANG,"],
    ["SEKRETARIS DAERAH", "KABUPATEN KUNINGAN,"],
    ["WALI", "KOTA CIAMIS,"],
]


def _clause() -> list[str]:
    lines = ["KESEPAKATAN BERSAMA", "TENTANG", "PENGELOLAAN SAMPAH REGIONAL", "di bawah ini:"]
    for k, region in enumerate(REGIONS, start=1):
        lines += [
            f"{k}. Pemerintah Kabupaten {region}, berkedudukan di Jalan Merdeka Nomor {k},",
            f"{region}, selanjutnya disebut PIHAK {ordinal_words(k)};",
        ]
    for k in range(1, 13):  # the articles between the clauses and the block
        lines += [f"Pasal {k}", "PARA PIHAK sepakat melaksanakan kegiatan sesuai ketentuan."]
    lines.append("Demikian Kesepakatan Bersama ini dibuat dalam rangkap 6 (enam).")
    return lines


def _text(names: bool = True) -> DocText:
    out = io.BytesIO()
    c = Canvas(out, pagesize=(W, H))
    y = 60.0
    for line in _clause():
        c.setFont("Times-Roman", 11)
        c.drawString(70, H - y, line)
        y += 15
    c.showPage()
    for k, (name, job) in enumerate(zip(NAMES, JOBS, strict=True)):
        row, col = divmod(k, 3)
        x, cy = 110 + col * 185, 100 + row * 190.0
        c.setFont("Times-Bold", 10)
        for line in [*job]:
            c.drawCentredString(x, H - cy, line)
            cy += 14
        cy += 62  # the signature blank
        rank = ["Pembina Utama Muda"] if k % 2 else []  # the pangkat over the NIP
        for line in [name if names else "", *rank, f"NIP. 19650{k}121990031005"]:
            if line:
                c.drawCentredString(x, H - cy, line)
            cy += 14
    c.showPage()
    c.save()
    return DocText.from_document(read_document(out.getvalue(), name="kb.pdf"))


def test_a_two_line_jabatan_above_the_name_stays_with_its_own_cell() -> None:
    cells = signature_cells(_text())
    heads = [[ln.text for ln in c.head] for c in cells]
    assert heads[3] == ["BUPATI", "SUMEDANG,"]
    assert heads[4] == ["SEKRETARIS DAERAH", "KABUPATEN KUNINGAN,"]
    assert not any(c.tail for c in cells)  # no first line left under the name above


def test_a_body_alone_clause_takes_signer_and_jabatan_from_the_block() -> None:
    found = find_parties(_text())
    parties = found.value
    assert [p.institution for p in parties] == [f"Pemerintah Kabupaten {r}" for r in REGIONS]
    assert [p.signatory for p in parties] == NAMES
    assert parties[4].title == "SEKRETARIS DAERAH KABUPATEN KUNINGAN"
    assert parties[5].title == "WALI KOTA CIAMIS"  # a job word broken over two lines
    assert found.confidence <= 0.75  # every name is the block's alone


def test_a_clause_naming_the_body_alone_gives_no_signatory_or_jabatan() -> None:
    d = ClauseDraft(
        order=3,
        word="KETIGA",
        p_start=0,
        p_end=0,
        paragraph="3. Pemerintah Daerah Kabupaten Natuna, berkedudukan di Jalan Soekarno "
        "Hatta Nomor 1, Ranai, selanjutnya disebut PIHAK KETIGA;",
    )
    parse_paragraph(d)
    assert d.institution == "Pemerintah Daerah Kabupaten Natuna"
    assert d.signatory is None and d.title is None
    # represented by a person: not the body-alone form
    d2 = ClauseDraft(
        order=1,
        word="KESATU",
        p_start=0,
        p_end=0,
        paragraph="1. Pemerintah Kabupaten Garut, berkedudukan di Jalan A, dalam hal ini "
        "diwakili oleh Bupati Garut, selanjutnya disebut PIHAK KESATU;",
    )
    parse_paragraph(d2)
    assert d2.title == "Bupati Garut"


def test_cells_whose_names_ink_hid_still_give_each_party_its_jabatan() -> None:
    """No label and no name left (the stamp took it): the cells that print a jabatan are
    paired in reading order when there are as many as parties; the names stay empty."""
    found = find_parties(_text(names=False))
    parties = found.value
    assert [p.signatory for p in parties] == [None] * 6
    assert parties[1].title == "SEKRETARIS DAERAH KABUPATEN BOGOR"
    assert parties[5].title == "WALI KOTA CIAMIS"
    assert found.confidence <= 0.5


def test_a_cell_whose_name_was_lost_gives_the_second_look_its_name_slot() -> None:
    """The slot is right above the NIP (or rank) line, as wide as the cell: where every
    cell prints the name, so the second look can read it again instead of guessing."""
    found = find_parties(_text(names=False))
    slots = [e for e in found.evidence if (e.rule or "").endswith(": name slot")]
    assert len(slots) == 6 and all(e.box is not None and e.text == "" for e in slots)
    nips = [c for c in signature_cells(_text(names=False)) if c.nip]
    first = next(ln for ln in nips[0].lines if ln.text.startswith("NIP"))
    box = slots[0].box
    assert box is not None and box[3] <= first.box.top and box[1] >= first.box.top - 2 * 14
    # a cell that kept its name gives no slot
    kept = find_parties(_text())
    assert not any((e.rule or "").endswith(": name slot") for e in kept.evidence)
