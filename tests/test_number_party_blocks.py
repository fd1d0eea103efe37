"""A party's number given as a 'Nomor :' row of its block in the comparison."""

from __future__ import annotations

from extractor.rules.number_party_blocks import party_block_rows, party_roles
from extractor.rules.numbers import find_numbers
from extractor.text import DocText

HEAD = """PERJANJIAN KERJA SAMA
ANTARA
PEMERINTAH KABUPATEN SUKABUMI
DAN
PT SINAR JAYA
TENTANG
PENGELOLAAN SAMPAH
Nomor : 119/45/Pem/2019
Pada hari ini Senin tanggal dua bulan September tahun dua ribu sembilan belas, kami yang
bertanda tangan di bawah ini:
1. Nama : Drs. H. Marwan Hamami
Jabatan : Bupati Sukabumi
selanjutnya disebut PIHAK KESATU;
2. Nama : Budi Santoso
Jabatan : Direktur Utama PT Sinar Jaya, berdasarkan Akta Pendirian
Nomor : 23/2010
Alamat : Jalan Merdeka 1
"""
TAIL = """selanjutnya disebut PIHAK KEDUA.
Pasal 1
MAKSUD DAN TUJUAN
Nomor : 999/X/2019
"""


def test_the_second_partys_number_in_its_block_is_found() -> None:
    text = DocText.from_string(HEAD + "Nomor : 012/SJ-DIR/2019\n" + TAIL)
    found = find_numbers(text, signing_month=9, signing_year=2019)
    assert found.value == ["119/45/Pem/2019", "012/SJ-DIR/2019"]
    assert found.evidence[1].rule == "'Nomor' row of PIHAK KEDUA's block"
    assert found.confidence >= 0.9


def test_a_deeds_number_and_a_row_after_the_articles_are_never_taken() -> None:
    lines = (HEAD + TAIL).splitlines()
    assert party_roles(lines) == ["PIHAK KESATU", "PIHAK KEDUA"]
    assert party_block_rows(lines, 0) == [] or all(
        "23/2010" not in r.fill and "999" not in r.fill for r in party_block_rows(lines, 0)
    )
    found = find_numbers(DocText.from_string(HEAD + TAIL), signing_month=9, signing_year=2019)
    assert found.value == ["119/45/Pem/2019"]


def test_a_heading_with_every_number_is_not_searched_further() -> None:
    head = HEAD.replace("Nomor : 119/45/Pem/2019", "Nomor : 119/45/Pem/2019\nNomor : 7/SJ/2019")
    text = DocText.from_string(head + "Nomor : 012/SJ-DIR/2019\n" + TAIL)
    found = find_numbers(text, signing_month=9, signing_year=2019)
    assert found.value == ["119/45/Pem/2019", "7/SJ/2019"]


def test_the_party_block_family_prints_later_numbers_in_the_blocks() -> None:
    from corpusgen.families import FAMILIES
    from corpusgen.sample import generate_sample

    fam = FAMILIES["zona-nomor-pihak"]
    assert fam.held_out and not fam.in_rotation and fam.party_style == "fields"
    seen = 0
    for j in range(5):
        sample = generate_sample(700_000 + j, family="zona-nomor-pihak")
        if any("rows of their blocks" in n for n in sample.truth["notes"]):
            seen += 1
            assert len(sample.truth["numbers"]) == len(sample.parties)
    assert seen >= 2
