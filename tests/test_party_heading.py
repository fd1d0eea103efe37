"""The heading's parties when three are set one per line and only the last is joined by DAN."""

from __future__ import annotations

from extractor.rules.party_heading import heading_institutions


def _names(text: str) -> list[str]:
    return [name for name, _, _ in heading_institutions(text, len(text))]


def test_a_line_opening_a_party_of_its_own_starts_a_new_party() -> None:
    text = (
        "NOTA KESEPAHAMAN\nANTARA\nKEMENTERIAN PERHUBUNGAN\nPEMERINTAH PROVINSI JAMBI\nDAN\n"
        "PEMERINTAH KABUPATEN KERINCI\nTENTANG\nPENYELENGGARAAN ANGKUTAN\n"
    )
    assert _names(text) == [
        "KEMENTERIAN PERHUBUNGAN",
        "PEMERINTAH PROVINSI JAMBI",
        "PEMERINTAH KABUPATEN KERINCI",
    ]


def test_a_unit_above_its_parent_stays_one_party() -> None:
    text = (
        "PERJANJIAN KERJA SAMA\nANTARA\nPROGRAM STUDI TEKNIK SIPIL\nFAKULTAS TEKNIK\n"
        "UNIVERSITAS NEGERI MAKASSAR\nDENGAN\nPT KARYA BETON\nTENTANG\nMAGANG\n"
    )
    assert _names(text) == [
        "PROGRAM STUDI TEKNIK SIPIL FAKULTAS TEKNIK UNIVERSITAS NEGERI MAKASSAR",
        "PT KARYA BETON",
    ]


def test_a_government_over_two_lines_stays_one_party() -> None:
    text = (
        "NOTA KESEPAHAMAN\nANTARA\nPEMERINTAH KABUPATEN SUKABUMI\nPROVINSI JAWA BARAT\nDENGAN\n"
        "UNIVERSITAS PADJADJARAN\nTENTANG\nPENDIDIKAN\n"
    )
    assert _names(text) == [
        "PEMERINTAH KABUPATEN SUKABUMI PROVINSI JAWA BARAT",
        "UNIVERSITAS PADJADJARAN",
    ]
