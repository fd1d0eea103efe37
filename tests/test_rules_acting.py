"""Acting and delegated signers: Pj./Penjabat, Plt./Pelaksana Tugas, Plh., Pjs., a.n., u.b.

Regional agreements are very often signed by an official who holds the office
for a while, or who signs for a superior. The jabatan keeps the acting prefix as
the parties clause writes it ("Pj. Bupati Garut"); the name never carries it,
also where a signature block prints it before the name ("Plt. AGUS SANTOSO").
The wording here is as such agreements print it; the names are invented.
"""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen.canvas import Canvas

from corpusgen.families import EXTRA_FAMILIES, FAMILIES
from corpusgen.render import render_digital_pdf
from corpusgen.sample import generate_sample
from extractor.ingest import read_document
from extractor.rules.names import acting_prefix, clean_signatory
from extractor.rules.parties import find_parties
from extractor.rules.sigblock import SignatureCell, signature_cells
from extractor.rules.sigpairing import read_cell_jabatan, read_cell_name, with_region
from extractor.text import DocText

HEAD = """KESEPAKATAN BERSAMA
ANTARA
PEMERINTAH KABUPATEN GARUT
DAN
PEMERINTAH KABUPATEN SUMEDANG
TENTANG
PENGEMBANGAN PARIWISATA DAERAH
Pada hari ini Senin tanggal dua bulan Maret tahun dua ribu dua puluh empat, yang
bertanda tangan di bawah ini:
"""

PROSE = (
    HEAD
    + """1. Dr. H. AHMAD SUTISNA, M.Si., {first} Garut, yang diangkat berdasarkan Keputusan
Menteri Dalam Negeri Nomor 100.2.1.3-4521 Tahun 2023 tentang Pengangkatan Penjabat
Bupati Garut, dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten Garut,
berkedudukan di Jalan Pembangunan Nomor 181, Garut, selanjutnya disebut PIHAK KESATU;
2. Ir. DEDI RUSTANDI, M.T., NIP 196805121994031007, {second}, dalam hal ini
bertindak untuk dan atas nama Pemerintah Kabupaten Sumedang, berkedudukan di Jalan
Prabu Geusan Ulun Nomor 36, Sumedang, selanjutnya disebut PIHAK KEDUA.
PIHAK KESATU dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK."""
)


def _parties(text: str) -> list[tuple[str | None, str | None]]:
    return [(p.signatory, p.title) for p in find_parties(DocText.from_string(text)).value]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Pj. Bupati", "Plt. Kepala Dinas Pendidikan Kabupaten Sumedang"),
        ("Penjabat Bupati", "Pelaksana Tugas Kepala Badan Perencanaan Pembangunan Daerah"),
        ("Pjs. Bupati", "Plh. Sekretaris Daerah Kabupaten Sumedang"),
        ("Plt. Bupati", "Pelaksana Harian Kepala Dinas Kesehatan Kabupaten Sumedang"),
    ],
)
def test_the_clause_jabatan_keeps_the_acting_prefix_and_the_name_does_not(
    first: str, second: str
) -> None:
    found = _parties(PROSE.format(first=first, second=second))
    assert found[0] == ("Dr. H. AHMAD SUTISNA, M.Si.", f"{first} Garut")
    assert found[1] == ("Ir. DEDI RUSTANDI, M.T.", second)


def test_nama_jabatan_rows_of_an_acting_official_and_an_npwp_wrapped_to_a_line_start() -> None:
    text = (
        HEAD
        + """1. Nama    : Drs. YAYAN HERDIANA, M.Si.
   NIP     : 19700312 199003 1 004
   Jabatan : Plh. Sekretaris Daerah Kabupaten Garut
   Alamat  : Jalan Pembangunan Nomor 181, Garut
   Dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten Garut, selanjutnya
   disebut PIHAK KESATU.
2. Dr. Ir. TRI LASUT, Pjs. Direktur Utama, berdasarkan Akta Pendirian Nomor 13 tanggal 4
Mei 2009 yang dibuat di hadapan Wahyu, S.H., M.Kn., Notaris di Sumedang, dengan NPWP
44.210.979.7-314.000, dalam hal ini bertindak untuk dan atas nama Perusahaan Umum Daerah
Air Minum Tirta Medal Kabupaten Sumedang, selanjutnya disebut PIHAK KEDUA."""
    )
    found = _parties(text)
    assert found[0] == ("Drs. YAYAN HERDIANA, M.Si.", "Plh. Sekretaris Daerah Kabupaten Garut")
    # the NPWP's "44." at a line's start is no list marker that would open the paragraph
    assert found[1] == ("Dr. Ir. TRI LASUT", "Pjs. Direktur Utama")


def test_a_prefix_printed_before_the_name_is_the_office_not_the_name() -> None:
    for raw, name in [
        ("Plt. AGUS SANTOSO, S.Pd., M.M.", "AGUS SANTOSO, S.Pd., M.M."),
        ("Pj. Dr. Ir. BUDI HARTONO", "Dr. Ir. BUDI HARTONO"),
        ("PLH. Teguh Nugroho, M.M.", "Teguh Nugroho, M.M."),
        ("Pjs. H. SALEH, M.Si.", "H. SALEH, M.Si."),
        ("Penjabat Ahmad Yani", "Ahmad Yani"),
    ]:
        cleaned = clean_signatory(raw)
        assert cleaned.value == name and not cleaned.doubtful, raw
        assert any("acting office" in n for n in cleaned.notes)
    # a name that only looks like one: no dot, no prefix ('Pj' alone is no office)
    assert clean_signatory("PUTU PLASA").value == "PUTU PLASA"
    assert acting_prefix("Pelaksana Tugas") == ("", "Pelaksana Tugas")


# --- signature cells, drawn into a real PDF and read back through the extractor

W, H = 595.0, 842.0
FIRST = ["PIHAK KESATU,", "Pj. BUPATI GARUT,", "", "Dr. H. AHMAD SUTISNA, M.Si."]


def _doc(clause: str, second: list[str]) -> DocText:
    """The clause on page 1, the two signature cells on page 2, as a real PDF."""
    out = io.BytesIO()
    c = Canvas(out, pagesize=(W, H))
    c.setFont("Times-Roman", 11)
    for k, line in enumerate(clause.splitlines()):
        c.drawString(70, H - 60 - 15 * k, line)
    c.showPage()
    for x, lines in ((170, FIRST), (430, second)):
        y = 520.0
        for line in lines:
            if line == "":
                y += 60  # the blank where the signature and the stamp go
                continue
            c.setFont("Times-Bold", 11)
            c.drawCentredString(x, H - y, line)
            y += 15
    c.showPage()
    c.save()
    return DocText.from_document(read_document(out.getvalue(), name="kb.pdf"))


CLAUSE = PROSE.format(first="Pj. Bupati", second="Kepala Dinas Pendidikan Kabupaten Sumedang")


def _cells(second: list[str]) -> list[SignatureCell]:
    return signature_cells(_doc(CLAUSE, second))


def _second(lines: list[str]) -> SignatureCell:
    return next(c for c in _cells(lines) if c.order == 2)


def test_the_prefix_on_a_line_of_its_own_opens_the_jabatan() -> None:
    cell = _second(
        ["PIHAK KEDUA,", "Plt.", "KEPALA DINAS PENDIDIKAN", "KABUPATEN SUMEDANG,", "", "ASEP"]
    )
    assert read_cell_jabatan(cell).value == "Plt. KEPALA DINAS PENDIDIKAN KABUPATEN SUMEDANG"
    cell = _second(["PIHAK KEDUA,", "PENJABAT", "BUPATI SUMEDANG,", "", "ASEP SUPRIATNA, S.H."])
    assert read_cell_jabatan(cell).value == "PENJABAT BUPATI SUMEDANG"
    assert read_cell_name(cell).value == "ASEP SUPRIATNA, S.H."


def test_plt_before_the_printed_name_goes_to_the_jabatan() -> None:
    cell = _second(
        [
            "PIHAK KEDUA,",
            "KEPALA DINAS PENDIDIKAN",
            "KABUPATEN SUMEDANG,",
            "",
            "Plt. ASEP SUPRIATNA, S.H., M.Si.",
            "NIP. 19700312 199003 1 004",
        ]
    )
    assert read_cell_name(cell).value == "ASEP SUPRIATNA, S.H., M.Si."
    jabatan = read_cell_jabatan(cell)
    assert jabatan.value == "Plt. KEPALA DINAS PENDIDIKAN KABUPATEN SUMEDANG"


def test_a_short_acting_jabatan_right_over_the_name_under_its_institution() -> None:
    cell = _second(
        [
            "PIHAK KEDUA,",
            "PEMERINTAH KABUPATEN SUMEDANG",
            "Plh. KEPALA DINAS KESEHATAN,",
            "",
            "ASEP",
        ]
    )
    assert read_cell_jabatan(cell).value == "Plh. KEPALA DINAS KESEHATAN"


def test_a_u_b_chain_gives_the_last_signer_own_jabatan() -> None:
    cell = _second(
        [
            "PIHAK KEDUA,",
            "a.n. BUPATI SUMEDANG,",
            "SEKRETARIS DAERAH",
            "u.b.",
            "ASISTEN PEREKONOMIAN DAN PEMBANGUNAN,",
            "",
            "Drs. YAYAN HERDIANA, M.Si.",
        ]
    )
    jabatan = read_cell_jabatan(cell)
    assert jabatan.value == "ASISTEN PEREKONOMIAN DAN PEMBANGUNAN"
    assert read_cell_name(cell).value == "Drs. YAYAN HERDIANA, M.Si."


def test_an_office_only_clause_takes_the_acting_name_from_the_block() -> None:
    clause = (
        HEAD
        + """1. Pemerintah Kabupaten Garut, berkedudukan di Jalan Pembangunan Nomor 181, Garut,
dalam hal ini diwakili oleh Pj. Bupati Garut, selanjutnya disebut PIHAK KESATU;
2. Pemerintah Kabupaten Sumedang, berkedudukan di Jalan Prabu Geusan Ulun Nomor 36,
Sumedang, selanjutnya disebut PIHAK KEDUA."""
    )
    second = ["PIHAK KEDUA,", "KEPALA DINAS PENDIDIKAN", "KABUPATEN SUMEDANG,", ""]
    text = _doc(clause, [*second, "Plt. ASEP SUPRIATNA, S.H."])
    found = [(p.signatory, p.title) for p in find_parties(text).value]
    assert found[0] == ("Dr. H. AHMAD SUTISNA, M.Si.", "Pj. Bupati Garut")
    assert found[1] == ("ASEP SUPRIATNA, S.H.", "Plt. KEPALA DINAS PENDIDIKAN KABUPATEN SUMEDANG")


def test_the_acting_family_is_held_out_and_labels_like_the_clause() -> None:
    fam = FAMILIES["zpenjabat-pelaksana"]
    assert fam.held_out and not fam.in_rotation and fam.acting > 0
    assert EXTRA_FAMILIES[-1] == "zpenjabat-pelaksana"  # sorts last: the others keep seeds
    prefixes = ("Pj.", "Penjabat", "Plt.", "Pelaksana", "Plh.", "Pjs.")
    titled, delegated = 0, 0
    for j in range(6):
        s = generate_sample(77_000 + j, family="zpenjabat-pelaksana")
        text = " ".join(s.truth["page_texts"])
        for p in s.truth["parties"]:
            assert not p["signatory"].startswith(prefixes)
            titled += p["title"].startswith(prefixes)
        delegated += "a.n. " in text
        assert render_digital_pdf(s)[:4] == b"%PDF"
    assert titled >= 4 and delegated >= 1


def test_a_short_block_jabatan_of_a_body_alone_clause_gets_the_region_of_its_government() -> None:
    clause = (
        HEAD
        + """1. Dr. H. AHMAD SUTISNA, M.Si., Pj. Bupati Garut, dalam hal ini bertindak untuk dan
atas nama Pemerintah Kabupaten Garut, selanjutnya disebut PIHAK KESATU;
2. Pemerintah Kabupaten Sumedang, berkedudukan di Jalan Prabu Geusan Ulun Nomor 36,
Sumedang, selanjutnya disebut PIHAK KEDUA."""
    )
    second = ["PIHAK KEDUA,", "a.n. BUPATI SUMEDANG,", "Plt. KEPALA DINAS KESEHATAN,", ""]
    finding = find_parties(_doc(clause, [*second, "ASEP SUPRIATNA, S.H."]))
    party = finding.value[1]
    assert party.institution == "Pemerintah Kabupaten Sumedang"
    assert party.signatory == "ASEP SUPRIATNA, S.H."
    assert party.title == "Plt. KEPALA DINAS KESEHATAN KABUPATEN SUMEDANG"
    assert any("region 'KABUPATEN SUMEDANG'" in (e.rule or "") for e in finding.evidence)
    # a jabatan that names its region already, or no unit of a government, stays as printed
    assert with_region("BUPATI SUMEDANG", "Pemerintah Kabupaten Sumedang")[1] is None
    assert with_region("KEPALA DINAS KESEHATAN", "PT Wira Teknologi")[1] is None


def test_a_notary_s_degrees_wrapped_to_a_line_start_stay_out_of_the_signer_s_name() -> None:
    text = (
        HEAD
        + """1. Dr. H. AHMAD SUTISNA, M.Si., Pj. Bupati Garut, dalam hal ini bertindak untuk dan
atas nama Pemerintah Kabupaten Garut, selanjutnya disebut PIHAK KESATU;
2. Dewi Prasetyo, S.STP., M.H., Pjs. Direktur Utama, berdasarkan Akta Pendirian
Nomor 46 tanggal 12 Mei 2011 yang dibuat di hadapan SRI WAHYUNI,
S.H., M.Kn., Notaris di Sumedang, dengan NPWP
03.254.107.7-726.000, dalam hal ini bertindak untuk dan atas nama PT Mandala
Prima Nusantara, selanjutnya disebut PIHAK KEDUA."""
    )
    assert _parties(text)[1] == ("Dewi Prasetyo, S.STP., M.H.", "Pjs. Direktur Utama")
