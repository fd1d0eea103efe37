"""Label stops: a party's value ends where the next identity row begins, as OCR reads it.

Unit checks of the label finder on misread labels, lost or misread colons and rows
joined into one line; words that only resemble a label ('Alamanda', 'Jalan',
'Pangkal Pinang', 'atas nama') never cut. Then the parties clause read end to end
with such rows, and the doubt on a value that still carries a 'Word : value' row.
"""

from __future__ import annotations

import pytest

from extractor.doubts import RAN_ON_CAP, find_doubts
from extractor.rules.label_stops import (
    canonical_rows,
    cut_at_label,
    find_labels,
    fold,
    looks_labelled,
)
from extractor.rules.parties import find_parties
from extractor.text import DocText
from models import Extraction, Party
from service.evidence_reasons import evidence_reason


def test_ocr_look_alikes_fold_to_the_label() -> None:
    assert {fold(w) for w in ("Alamat", "AJamat", "A1amat", "Alarnat", "A|amat")} == {"alamat"}
    assert fold("Narna") == fold("Nama")
    assert fold("N1P") == fold("NIP")
    assert fold("Jabatau") == fold("Jabatan")


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        # a row joined into the jabatan by OCR, its label misread
        (
            "Kepala SMA Negeri 2 Tanjungpinang AJamat : Jalan Basuki Rahmat Nomor 4",
            "Kepala SMA Negeri 2 Tanjungpinang",
        ),
        ("Kepala Dinas Pendidikan Alarnat ; Jalan Merdeka 1", "Kepala Dinas Pendidikan"),
        ("Direktur Utama\nA1amat . Jalan Gatot Subroto Kav. 5", "Direktur Utama"),
        ("Camat Sukajadi\nN1P : 19720304 199803 1 002", "Camat Sukajadi"),
        ("Ketua Yayasan Bina Insani Instansi : Yayasan Bina Insani", "Ketua Yayasan Bina Insani"),
        # the colon lost at a line start, the value on the same line
        (
            "Rektor Universitas Terbuka\nAlamat Jalan Cabe Raya Pondok Cabe",
            "Rektor Universitas Terbuka",
        ),
        # a seat in prose, its word misread
        ("Kepala Balai Latihan Kerja berkedudukau di Kendari", "Kepala Balai Latihan Kerja"),
        ("Kepala Bagian Umum\nPangkat/Gol. : Pembina (IV/a)", "Kepala Bagian Umum"),
        # words that resemble a label, with no colon after them: nothing is cut
        ("Ketua Koperasi Alamanda Sejahtera", "Ketua Koperasi Alamanda Sejahtera"),
        (
            "Kepala Dinas Pekerjaan Umum Jalan dan Jembatan",
            "Kepala Dinas Pekerjaan Umum Jalan dan Jembatan",
        ),
        ("Wali Kota Pangkal Pinang", "Wali Kota Pangkal Pinang"),
        (
            "Kepala Sekolah, untuk dan atas nama : SMK Bina Karya",
            "Kepala Sekolah, untuk dan atas nama : SMK Bina Karya",
        ),
        ("Kepala Seksi Penamaan Rupabumi", "Kepala Seksi Penamaan Rupabumi"),
        # 'atas nama' with the wrapped degrees of the name column between its words
        (
            "Bupati Sleman, bertindak untuk dan atas\nM.Si.\nnama Pemerintah Kabupaten",
            "Bupati Sleman, bertindak untuk dan atas\nM.Si.\nnama Pemerintah Kabupaten",
        ),
        (
            "Direktur\nnama perusahaan tercatat di akta",
            "Direktur\nnama perusahaan tercatat di akta",
        ),
        # a name one edit from a label, a comma after it: no row
        ("Ir. Slamat, M.T.", "Ir. Slamat, M.T."),
        ("Kepala Desa Pangkal, Kecamatan Mandau", "Kepala Desa Pangkal, Kecamatan Mandau"),
    ],
)
def test_a_value_is_cut_before_the_row_it_ran_into(value: str, kept: str) -> None:
    assert cut_at_label(value) == kept


def test_a_label_opening_the_value_is_not_a_cut() -> None:
    assert cut_at_label("Alamat : Jalan Ahmad Yani") == "Alamat : Jalan Ahmad Yani"
    assert [h.label for h in find_labels("NIP. 19650101 199003 1 001\nJabatan : Lurah")] == [
        "nip",
        "jabatan",
    ]


def test_misread_rows_at_a_line_start_are_read_as_rows() -> None:
    text = "1. Narna ; Ir. SUGENG, M.T.\nJabatau : Kepala Dinas\nAJamat Jalan Veteran 3"
    assert canonical_rows(text) == (
        "1. Nama : Ir. SUGENG, M.T.\nJabatan : Kepala Dinas\nAlamat : Jalan Veteran 3"
    )


CLAUSE = """PERJANJIAN KERJA SAMA
ANTARA
POLITEKNIK NEGERI LHOKSEUMAWE
DENGAN
SEKOLAH MENENGAH KEJURUAN NEGERI 1 BIREUEN
Pada hari ini Senin tanggal dua bulan Mei tahun dua ribu dua puluh dua,
yang bertanda tangan di bawah ini:
1. Narna : Ir. RIZAL FAUZI, M.T.
Jabatau : Direktur Politeknik Negeri Lhokseumawe
A1amat : Jalan Banda Aceh-Medan Km. 280
Dalam hal ini bertindak untuk dan atas nama Politeknik Negeri Lhokseumawe,
selanjutnya disebut PIHAK KESATU.
2. Nama : Drs. MUHAMMAD YUSUF, M.Pd
Jabatan : Kepala SMK Negeri 1 Bireuen AJamat : Jalan Pendidikan Nomor 9 Bireuen
N1P : 19700512 199512 1 003
Dalam hal ini bertindak untuk dan atas nama SMK. Negeri 1 Bireuen, selanjutnya disebut
PIHAK KEDUA."""


def test_the_clause_with_misread_rows_and_a_joined_address() -> None:
    found = find_parties(DocText.from_string(CLAUSE)).value
    assert [(p.signatory, p.title) for p in found] == [
        ("Ir. RIZAL FAUZI, M.T.", "Direktur Politeknik Negeri Lhokseumawe"),
        ("Drs. MUHAMMAD YUSUF, M.Pd", "Kepala SMK Negeri 1 Bireuen"),
    ]
    # the acronym's dot does not end the institution ('SMK. Negeri 1'); the heading
    # spells it out
    assert found[1].institution == "SEKOLAH MENENGAH KEJURUAN NEGERI 1 BIREUEN"


def test_a_letter_spaced_dengan_still_splits_the_heading() -> None:
    text = CLAUSE.replace("\nDENGAN\n", "\nDENG AN\n")
    found = find_parties(DocText.from_string(text)).value
    assert found[0].institution == "Politeknik Negeri Lhokseumawe"
    assert found[1].institution == "SEKOLAH MENENGAH KEJURUAN NEGERI 1 BIREUEN"


def _record(parties: list[Party]) -> Extraction:
    return Extraction.model_validate(
        {"file": "a.pdf", "sha256": "0" * 64, "pages": 2, "ocr_pages": 2, "parties": parties}
    )


def test_a_value_still_holding_a_labelled_row_is_doubted() -> None:
    ran = _record(
        [
            Party(
                role="PIHAK KESATU",
                signatory="Drs. MUHAMMAD YUSUF",
                title="Kepala SMK Negeri 1 Bireuen Kecarnatan : Kota Juang",
            )
        ]
    )
    clean = _record(
        [
            Party(
                role="PIHAK KESATU",
                signatory="Drs. MUHAMMAD YUSUF",
                title="Ketua Program Studi Teknik: Mesin",  # an OCR colon, no row
                institution="Koperasi Alamanda",
            )
        ]
    )
    assert [(d.field, d.cap) for d in find_doubts(ran)] == [("parties.title", RAN_ON_CAP)]
    assert find_doubts(clean) == []
    assert looks_labelled("Kepala Dinas Telp ; 0761 123")
    assert evidence_reason("runs into another labelled row").startswith("tercampur baris")


def test_without_atas_nama_the_instansi_row_names_the_body() -> None:
    text = """Pada hari ini Kamis tanggal lima bulan Januari tahun dua ribu dua puluh tiga,
yang bertanda tangan di bawah ini:
1. Nama : dr. ANITA SARI, M.Kes.
Jabatan : Kepala Dinas Kesehatan
lnstansi ; Dinas Kesehatan Kabupaten Sleman
Alamat : Jalan Magelang Km. 10
Selanjutnya disebut PIHAK KESATU.
2. Nama : Ir. HARYONO
Jabatan : Direktur
Instansi : CV Tirta Mandiri
Berkedudukan di Jalan Kaliurang Km. 7
Selanjutnya disebut PIHAK KEDUA."""
    found = find_parties(DocText.from_string(text)).value
    assert [(p.institution, p.title) for p in found] == [
        ("Dinas Kesehatan Kabupaten Sleman", "Kepala Dinas Kesehatan"),
        ("CV Tirta Mandiri", "Direktur"),
    ]


def test_an_institution_wrapped_over_a_page_break_is_doubted() -> None:
    record = _record(
        [
            Party(
                role="PIHAK KESATU",
                signatory="Drs. ALI",
                institution="Pemerintah Kabupaten Kep. Sangihe Halaman 2 dari 9 Talaud",
            )
        ]
    )
    assert [(d.field, d.reason) for d in find_doubts(record)] == [
        ("parties.institution", "runs into page furniture")
    ]
