"""Purpose: Maksud and Tujuan as agreements write them."""

from __future__ import annotations

from extractor.rules.purpose import find_purpose
from extractor.text import DocText


def purpose(text: str) -> str | None:
    return find_purpose(DocText.from_string(text)).value


def test_two_ayat_maksud_and_tujuan() -> None:
    text = """Pasal 1
MAKSUD DAN TUJUAN
(1) Maksud Nota Kesepahaman ini adalah untuk menyinergikan sumber daya
PARA PIHAK dalam pengembangan ekonomi kreatif.
(2) Tujuan Nota Kesepahaman ini adalah meningkatkan daya saing pelaku usaha
di daerah masing-
masing.
Pasal 2
RUANG LINGKUP"""
    assert purpose(text) == (
        "Maksud: menyinergikan sumber daya PARA PIHAK dalam pengembangan ekonomi kreatif; "
        "Tujuan: meningkatkan daya saing pelaku usaha di daerah masing-masing"
    )


def test_one_sentence_with_maksud_and_tujuan_and_heading_above_pasal() -> None:
    text = """MAKSUD DAN TUJUAN
PASAL 2
Perjanjian ini diadakan dengan maksud untuk menyelenggarakan praktik kerja
lapangan siswa, dengan tujuan agar lulusan siap bekerja.
RUANG LINGKUP
PASAL 3"""
    assert purpose(text) == (
        "Maksud: menyelenggarakan praktik kerja lapangan siswa; Tujuan: lulusan siap bekerja"
    )


def test_tujuan_only_article() -> None:
    text = """Pasal 1
TUJUAN
Tujuan Perjanjian Kerja Sama ini adalah untuk mewujudkan sekolah berbasis
kompetensi yang selaras dengan kebutuhan industri.
Pasal 2
RUANG LINGKUP"""
    finding = find_purpose(DocText.from_string(text))
    assert finding.value == (
        "Tujuan: mewujudkan sekolah berbasis kompetensi yang selaras dengan kebutuhan industri"
    )
    assert finding.confidence >= 0.8


def test_dimaksudkan_and_bertujuan_in_two_pasal_under_one_chapter() -> None:
    text = """BAB I
MAKSUD DAN TUJUAN
Pasal 1
Kesepakatan Bersama ini dimaksudkan sebagai landasan kerja sama antar daerah.
Pasal 2
Kesepakatan Bersama ini bertujuan untuk meningkatkan pelayanan publik.
BAB II
RUANG LINGKUP
Pasal 3"""
    assert purpose(text) == (
        "Maksud: landasan kerja sama antar daerah; Tujuan: meningkatkan pelayanan publik"
    )


def test_article_without_the_keywords_gives_its_body_with_lower_confidence() -> None:
    text = """Pasal 1
TUJUAN
1. PIHAK PERTAMA menerima siswa magang.
2. PIHAK KEDUA mengirim siswa magang.
Pasal 2
BIAYA"""
    finding = find_purpose(DocText.from_string(text))
    assert finding.value is not None
    assert "menerima siswa magang" in finding.value
    assert finding.confidence < 0.8


def test_absent_purpose_is_null() -> None:
    finding = find_purpose(DocText.from_string("Pasal 1\nRUANG LINGKUP\na. pelatihan."))
    assert finding.value is None
    assert finding.confidence <= 0.5
