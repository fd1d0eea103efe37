"""Signature blocks read as a layout from the boxes of a real PDF made here.

Each page is drawn with reportlab at the positions agreements use (two columns,
a centred 'Mengetahui', a grid of many parties), read back through the
extractor's own text layer and layout, and the cells are checked: which role,
which jabatan (on two lines, or under the name), which name, and that a
witnessing official is never a party.
"""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from extractor.ingest import read_document
from extractor.rules.ordinals import ordinal_words, read_ordinal, role_rank
from extractor.rules.parties import find_parties
from extractor.rules.sigblock import SignatureCell, signature_cells
from extractor.rules.sigpairing import read_cell_jabatan, read_cell_name
from extractor.text import DocText

W, H = 595.0, 842.0
Cell = tuple[float, float, list[str]]
"""(x centre, y top in points from the page top, lines; "" is the signature blank)."""

CLAUSE = """PERJANJIAN KERJA SAMA
ANTARA
PEMERINTAH KABUPATEN SUKABUMI
DENGAN
PEMERINTAH KABUPATEN BADUNG
TENTANG
PENGEMBANGAN PARIWISATA DAERAH
Pada hari ini Senin tanggal dua bulan Maret tahun dua ribu dua puluh, yang bertanda
tangan di bawah ini:
1. USMAN JAELANI, SH, MM : Kepala Dinas Pariwisata Kabupaten Sukabumi, dalam hal ini
bertindak untuk dan atas nama Pemerintah Kabupaten Sukabumi, selanjutnya disebut
PIHAK KESATU.
2. I MADE BADRA : dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten
Badung, selanjutnya disebut PIHAK KEDUA.
Pasal 1
Demikian Perjanjian Kerja Sama ini dibuat dalam rangkap 2 (dua) bermeterai cukup."""


def _pdf(pages: list[tuple[list[str], list[Cell]]]) -> bytes:
    out = io.BytesIO()
    c = Canvas(out, pagesize=(W, H))
    for prose, cells in pages:
        y = 60.0
        for line in prose:
            c.setFont("Times-Roman", 11)
            c.drawString(70, H - y, line)
            y += 15
        for x, top, lines in cells:
            cy = top
            for line in lines:
                if line == "":
                    cy += 60  # the blank where signature, stamp and meterai go
                    continue
                c.setFont("Times-Bold", 11)
                c.drawCentredString(x, H - cy, line)
                cy += 15
        c.showPage()
    c.save()
    return out.getvalue()


def _text(pages: list[tuple[list[str], list[Cell]]]) -> DocText:
    return DocText.from_document(read_document(_pdf(pages), name="pks.pdf"))


TWO_COLUMNS: list[Cell] = [
    (170, 520, ["PIHAK KESATU,", "KEPALA DINAS PARIWISATA", "KABUPATEN SUKABUMI", ""]),
    (170, 610, ["2 USMAN JAELANI, SH, MM", "NIP. 196512121990031005"]),
    (430, 520, ["PIHAK KEDUA,", "KEPALA DINAS PARIWISATA", "KABUPATEN BADUNG", ""]),
    (430, 610, ["Ir. I MADE BADRA, MM", "NIP. 196707071993031008"]),
    (300, 680, ["Mengetahui,", "Sekretaris Daerah Kabupaten Sukabumi", ""]),
    (300, 760, ["Drs. H. IYOS SOMANTRI, M.Si"]),
]


def test_two_columns_give_jabatan_on_two_lines_and_the_fuller_name() -> None:
    text = _text([(CLAUSE.splitlines(), []), ([], TWO_COLUMNS)])
    cells = [c for c in signature_cells(text) if c.label]
    assert [c.order for c in cells] == [1, 2]
    found = find_parties(text)
    first, second = found.value
    # the clause gives no jabatan for PIHAK KEDUA: the block's two lines are joined
    assert second.title == "KEPALA DINAS PARIWISATA KABUPATEN BADUNG"
    # the block prints more titles than the clause: "Ir." and "MM" are kept
    assert second.signatory == "Ir. I MADE BADRA, MM"
    assert first.signatory == "USMAN JAELANI, SH, MM"
    assert first.title == "Kepala Dinas Pariwisata Kabupaten Sukabumi"
    assert len(found.value) == 2  # the Sekretaris Daerah under 'Mengetahui' is no party
    rules = [e.rule or "" for e in found.evidence]
    assert any("signature block of PIHAK KEDUA: name" in r for r in rules)
    assert any("jabatan from the signature block" in r for r in rules)


def test_mengetahui_official_is_a_witness_cell() -> None:
    text = _text([(CLAUSE.splitlines(), []), ([], TWO_COLUMNS)])
    witnesses = [c for c in signature_cells(text) if c.witness]
    assert witnesses and all(c.order == 0 for c in witnesses)
    assert any(c.name and "IYOS SOMANTRI" in c.name.text for c in witnesses)


def test_jabatan_under_the_name_goes_before_the_institution_above_it() -> None:
    clause = CLAUSE.replace(
        "1. USMAN JAELANI, SH, MM : Kepala Dinas Pariwisata Kabupaten Sukabumi, dalam hal ini",
        "1. SUGENG PITOYO dalam hal ini",
    ).replace("PEMERINTAH KABUPATEN SUKABUMI", "PT. WIRA TEKNOLOGI INDONESIA")
    clause = clause.replace(
        "nama Pemerintah Kabupaten Sukabumi", "nama PT. Wira Teknologi Indonesia"
    )
    cells: list[Cell] = [
        (170, 520, ["PIHAK KESATU", "PT. WIRA TEKNOLOGI INDONESIA", ""]),
        (170, 595, ["SUGENG PITOYO", "DIRECTOR"]),
        (430, 520, ["PIHAK KEDUA", "Kepala Dinas Pariwisata", ""]),
        (430, 595, ["I MADE BADRA"]),
    ]
    first, _ = find_parties(_text([(clause.splitlines(), []), ([], cells)])).value
    assert first.signatory == "SUGENG PITOYO"
    assert first.title == "DIRECTOR PT. WIRA TEKNOLOGI INDONESIA"


def test_a_grid_of_six_parties_is_read_row_by_row() -> None:
    names = ["AGUS SANTOSO", "BUDI HARTONO", "DEWI LESTARI", "EKO PRASETYO", "FAJAR NUGROHO"]
    names.append("GUNAWAN SIREGAR")
    jobs = ["BUPATI GARUT", "BUPATI BOGOR", "WALI KOTA DEPOK", "BUPATI CIANJUR", "BUPATI BANDUNG"]
    jobs.append("WALI KOTA BEKASI")
    clause = ["KESEPAKATAN BERSAMA", "TENTANG", "PENGELOLAAN SAMPAH REGIONAL", "di bawah ini:"]
    for k, (name, job) in enumerate(zip(names, jobs, strict=True), start=1):
        region = job.split(" ", 1)[1].title().replace("Kota ", "")
        clause += [
            f"{k}. {name} : {job.title()}, bertindak untuk dan atas nama Pemerintah {region},",
            f"selanjutnya disebut PIHAK {ordinal_words(k)}.",
        ]
    clause.append("Demikian Kesepakatan Bersama ini dibuat dalam rangkap 6 (enam).")
    grid: list[Cell] = []
    for k, (name, job) in enumerate(zip(names, jobs, strict=True)):
        row, col = divmod(k, 3)
        x, top = 110 + col * 185, 120 + row * 170
        grid.append((x, top, [f"PIHAK {ordinal_words(k + 1)},", f"{job},", "", name]))
    text = _text([(clause, []), ([], grid)])
    cells = [c for c in signature_cells(text) if c.label]
    assert [c.order for c in cells] == [1, 2, 3, 4, 5, 6]
    parties = find_parties(text).value
    assert [p.role for p in parties][-1] == "PIHAK KEENAM"
    assert [p.signatory for p in parties] == names


def test_indonesian_ordinals_up_to_many_parties() -> None:
    for n in (1, 2, 5, 10, 11, 12, 19, 20, 21, 28, 30):
        words = ordinal_words(n).split()
        found = read_ordinal([*words, "dan"])
        assert found is not None and found.value == n and found.consumed == len(words)
        assert role_rank(f"PIHAK {ordinal_words(n)}") == n
    assert read_ordinal(["KEDUA", "BELAH", "PIHAK"]) == read_ordinal(["KEDUA"])  # 'both parties'
    glued = read_ordinal(["PERTAMAdan"])
    assert glued is not None and glued.value == 1
    ocr = read_ordinal(["KEDUA", "PULUl", "DELAPAN"])
    assert ocr is not None and ocr.value == 28


# --- cells as archives print them: ranks, a copy's 'ttd', meterai words, long names

FIRST: Cell = (170, 520, ["PIHAK KESATU,", "KEPALA DINAS PARIWISATA", "KABUPATEN SUKABUMI", ""])
FIRST_NAME: Cell = (170, 610, ["USMAN JAELANI, SH, MM", "NIP. 196512121990031005"])


def _second(lines: list[str]) -> list[Cell]:
    return [FIRST, FIRST_NAME, (430, 520, lines)]


def _cell(lines: list[str]) -> SignatureCell:
    text = _text([(CLAUSE.splitlines(), []), ([], _second(lines))])
    return next(c for c in signature_cells(text) if c.order == 2)


def test_a_rank_line_between_name_and_nip_is_neither_name_nor_jabatan() -> None:
    cell = _cell(
        [
            "PIHAK KEDUA,",
            "KEPALA DINAS PARIWISATA",
            "",
            "Ir. I MADE BADRA, MM",
            "Pembina Utama Muda",
            "NIP. 19670707 199303 1 008",
        ]
    )
    assert read_cell_name(cell).value == "Ir. I MADE BADRA, MM"
    assert read_cell_jabatan(cell).value == "KEPALA DINAS PARIWISATA"
    assert cell.nip == "19670707 199303 1 008"


def test_a_copy_with_ttd_instead_of_a_signature_still_gives_the_name() -> None:
    cell = _cell(["PIHAK KEDUA,", "KEPALA DINAS PARIWISATA", "ttd.", "I MADE BADRA"])
    assert read_cell_name(cell).value == "I MADE BADRA"
    assert read_cell_jabatan(cell).value == "KEPALA DINAS PARIWISATA"


def test_meterai_words_in_the_blank_stay_out_of_the_jabatan() -> None:
    cell = _cell(
        ["PIHAK KEDUA,", "KEPALA DINAS PARIWISATA", "METERAI TEMPEL", "10000", "", "I MADE BADRA"]
    )
    assert read_cell_jabatan(cell).value == "KEPALA DINAS PARIWISATA"
    assert read_cell_name(cell).value == "I MADE BADRA"


def test_a_long_chain_of_titles_wrapped_to_a_second_line_is_one_name() -> None:
    cell = _cell(
        [
            "PIHAK KEDUA,",
            "KEPALA DINAS PARIWISATA",
            "",
            "Prof. Dr. Ir. H. I MADE BADRA,",
            "M.Sc., IPU",
            "NIP. 19670707 199303 1 008",
        ]
    )
    assert read_cell_name(cell).value == "Prof. Dr. Ir. H. I MADE BADRA, M.Sc., IPU"


def test_a_one_word_javanese_name_under_the_blank() -> None:
    cell = _cell(
        ["PIHAK KEDUA,", "KEPALA DINAS PARIWISATA", "", "SUTRISNO", "NIP. 19670707 199303 1 008"]
    )
    assert read_cell_name(cell).value == "SUTRISNO"


def test_a_penjabat_and_a_delegated_signer_keep_their_own_jabatan() -> None:
    cell = _cell(["PIHAK KEDUA,", "Pj. BUPATI BADUNG,", "", "I MADE BADRA"])
    assert read_cell_jabatan(cell).value == "Pj. BUPATI BADUNG"
    cell = _cell(["PIHAK KEDUA,", "a.n. BUPATI BADUNG,", "SEKRETARIS DAERAH,", "", "I MADE BADRA"])
    jabatan = read_cell_jabatan(cell)
    assert jabatan.value == "SEKRETARIS DAERAH"
    assert any("a.n. BUPATI BADUNG" in n for n in jabatan.notes)


def test_debris_cut_from_a_block_name_lowers_the_confidence_and_says_why() -> None:
    cells = _second(["PIHAK KEDUA,", "KEPALA DINAS PARIWISATA", "", "2 I MADE BADRA ttd"])
    clause = CLAUSE.replace("2. I MADE BADRA : dalam", "2. dalam")
    found = find_parties(_text([(clause.splitlines(), []), ([], cells)]))
    second = found.value[1]
    assert second.signatory == "I MADE BADRA"
    assert found.confidence <= 0.7
    rule = next(
        e.rule or "" for e in found.evidence if "parties clause of PIHAK KEDUA" in (e.rule or "")
    )
    assert "[name-from-block]" in rule and "[name-debris]" in rule
