"""Logo and stamp debris inside a heading block: skipped, not a reason to stop."""

from __future__ import annotations

from extractor.rules.heading import find_heading
from extractor.rules.heading_lines import is_cut, looks_like_debris
from extractor.rules.title import CUT_CONFIDENCE, find_title
from extractor.text import DocText

OPENING = "Pada hari ini Senin tanggal satu bulan Juli tahun dua ribu dua puluh empat"


def _title(heading: str) -> tuple[str | None, float]:
    text = DocText.from_string(heading + "\n" + OPENING)
    found = find_title(text, find_heading(text))
    return found.value, found.confidence


def test_debris_between_the_connector_and_the_second_party_is_skipped() -> None:
    title, conf = _title(
        "NOTA KESEPAHAMAN\nANTARA\nUNIVERSITAS NEGERI MAKMUR\nDAN\n&\nSula\n"
        "DINAS KESEHATAN KABUPATEN SENTOSA\nTENTANG\nPENDIDIKAN DAN PELATIHAN TENAGA KESEHATAN"
    )
    assert title == (
        "NOTA KESEPAHAMAN ANTARA UNIVERSITAS NEGERI MAKMUR DAN DINAS KESEHATAN KABUPATEN "
        "SENTOSA TENTANG PENDIDIKAN DAN PELATIHAN TENAGA KESEHATAN"
    )
    assert conf >= 0.9


def test_a_logo_fragment_in_capitals_after_antara_is_not_the_party() -> None:
    title, _ = _title(
        "PERJANJIAN KERJA SAMA\nANTARA\n|\nRUX\naa Pemkab-\n| BORA\n"
        "PEMERINTAH KABUPATEN LEMBAH HIJAU\nDENGAN\nPEMERINTAH KOTA PANTAI INDAH\n"
        "NOMOR : 12/PKS/2020\nNOMOR : 415.4/77/2020\nTENTANG\nPENGELOLAAN SAMPAH TERPADU"
    )
    assert title == (
        "PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KABUPATEN LEMBAH HIJAU DENGAN PEMERINTAH "
        "KOTA PANTAI INDAH TENTANG PENGELOLAAN SAMPAH TERPADU"
    )


def test_stamp_debris_between_number_lines_does_not_stop_the_block() -> None:
    text = DocText.from_string(
        "PERJANJIAN KERJA SAMA\nANTARA\nPT. SINAR TEKNIK MANDIRI\nDAN\n"
        "SEKOLAH MENENGAH KEJURUAN NEGERI 4 KOTA BARU\nNOMOR\n?\nmalas tinta\nbiru\n"
        "NOMOR : B/421/118/SMKN4/2023\nTENTANG\nPRAKTIK KERJA LAPANGAN SISWA\n" + OPENING
    )
    heading = find_heading(text)
    assert heading is not None and heading.has_tentang
    assert find_title(text, heading).value == (
        "PERJANJIAN KERJA SAMA ANTARA PT. SINAR TEKNIK MANDIRI DAN SEKOLAH MENENGAH KEJURUAN "
        "NEGERI 4 KOTA BARU TENTANG PRAKTIK KERJA LAPANGAN SISWA"
    )


def test_a_short_party_name_before_noise_and_a_connector_is_kept() -> None:
    title, _ = _title(
        "NOTA KESEPAHAMAN\nANTARA\nPT PLN\n&\nDAN\nUNIVERSITAS TEKNIK RAYA\n"
        "TENTANG\nPENELITIAN ENERGI TERBARUKAN"
    )
    assert title == (
        "NOTA KESEPAHAMAN ANTARA PT PLN DAN UNIVERSITAS TEKNIK RAYA TENTANG PENELITIAN "
        "ENERGI TERBARUKAN"
    )


def test_debris_that_nothing_resumes_after_ends_the_block() -> None:
    title, _ = _title(
        "NOTA KESEPAHAMAN\nANTARA\nPT MAJU\nDAN\nCV JAYA\nTENTANG\nPENGADAAN BARANG\nkop\nxx"
    )
    assert title == "NOTA KESEPAHAMAN ANTARA PT MAJU DAN CV JAYA TENTANG PENGADAAN BARANG"


def test_a_cut_title_gets_low_confidence() -> None:
    title, conf = _title("NOTA KESEPAHAMAN\nANTARA\nUNIVERSITAS NEGERI MAKMUR\nDAN")
    assert title is not None and title.endswith("DAN")
    assert conf <= CUT_CONFIDENCE
    assert is_cut(["PERJANJIAN KERJA SAMA ANTARA RUX"])
    assert not is_cut(["NOTA KESEPAHAMAN ANTARA A DAN B TENTANG C"])


def test_debris_shapes() -> None:
    for line in ("&", "?", "Sula", "aa Pemkab-", "| BORA", "ken", "|"):
        assert looks_like_debris(line), line
    for line in ("DAN", "TENTANG", "PT PLN", "UNIVERSITAS NEGERI MAKMUR", "BPJS"):
        assert not looks_like_debris(line), line
