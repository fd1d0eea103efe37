"""The heading block: document type, title and numbers are read from it only."""

from __future__ import annotations

from extractor.rules.doctype import find_doc_type
from extractor.rules.heading import KEYWORD_CUTOFF, find_heading, type_of_line
from extractor.rules.numbers import clean_number, find_numbers, roman_month
from extractor.rules.title import find_title
from extractor.text import DocText

PKS = """PEMERINTAH KABUPATEN MAGELANG
Jalan Soekarno-Hatta Nomor 59 Telepon (0293) 788181
PERJANJIAN KERJA SAMA
ANTARA
PEMERINTAH KABUPATEN MAGELANG
DENGAN
UNIVERSITAS TIDAR
NOMOR : 415.4/ 212 /KS/2022
NOMOR : 057/UN57/ HK.07/2022
TENTANG
PENGEMBANGAN DESA WISATA
BERBASIS MASYARAKAT
Pada hari ini Selasa tanggal dua belas bulan April tahun dua ribu dua puluh dua,
bertempat di Mungkid, yang bertanda tangan di bawah ini:
1. Drs. ZAENAL ARIFIN, M.IP., NIP 19680102 199003 1 005, Bupati Magelang,
berdasarkan Keputusan Menteri Dalam Negeri Nomor 131.33-3035 Tahun 2019
Sebagai tindak lanjut Nota Kesepahaman antara Pemerintah Kabupaten Magelang dan
Universitas Tidar Nomor 415.4/11/KS/2021 tanggal 4 Januari 2021 tentang Tri Dharma,
"""


def test_pks_citing_its_nk_is_a_pks_with_its_own_title_and_numbers() -> None:
    text = DocText.from_string(PKS)
    heading = find_heading(text)
    assert heading is not None
    doc_type = find_doc_type(text, heading)
    assert doc_type.value == "PKS"
    assert doc_type.confidence >= 0.9
    title = find_title(text, heading)
    assert title.value == (
        "PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KABUPATEN MAGELANG DENGAN UNIVERSITAS TIDAR "
        "TENTANG PENGEMBANGAN DESA WISATA BERBASIS MASYARAKAT"
    )
    numbers = find_numbers(text, heading)
    # whitespace inside removed; the NK's number, NIP and decree numbers are not ours
    assert numbers.value == ["415.4/212/KS/2022", "057/UN57/HK.07/2022"]
    assert numbers.evidence[0].page == 1


def test_cover_page_and_english_lines_and_party_labelled_numbers() -> None:
    text = DocText.from_string(
        """NOTA KESEPAHAMAN
ANTARA
POLITEKNIK NEGERI MADIUN
DAN
PT KERETA INDUSTRI
NOTA KESEPAHAMAN
MEMORANDUM OF UNDERSTANDING
ANTARA
BETWEEN
POLITEKNIK NEGERI MADIUN
DAN
AND
PT KERETA INDUSTRI
TENTANG
REGARDING
PENDIDIKAN VOKASI PERKERETAAPIAN
RAILWAY VOCATIONAL EDUCATION
Nomor Pihak Pertama : 1021/PL33/KS/2024
Nomor Pihak Kedua : ...........................
Nomer/ Number : PKI-09/ MOU /2024
Pada hari ini Senin tanggal satu bulan Juli tahun dua ribu dua puluh empat"""
    )
    heading = find_heading(text)
    assert heading is not None and heading.has_tentang
    assert find_doc_type(text, heading).value == "NK"
    title = find_title(text, heading).value
    assert title is not None
    # the cover page (no TENTANG, no numbers) loses; translation lines are left out
    assert title == (
        "NOTA KESEPAHAMAN ANTARA POLITEKNIK NEGERI MADIUN DAN PT KERETA INDUSTRI "
        "TENTANG PENDIDIKAN VOKASI PERKERETAAPIAN"
    )
    assert text.lines[heading.type_line].start > 0
    # the dotted blank gives no entry
    assert find_numbers(text, heading).value == ["1021/PL33/KS/2024", "PKI-09/MOU/2024"]


def test_ocr_damaged_type_lines_and_addendum() -> None:
    assert type_of_line("PERJANJlAN KERJA SAMA") == ("PKS", "PERJANJIAN KERJA SAMA")
    assert type_of_line("aa NOTA KESEPAHAMAM") == ("NK", "NOTA KESEPAHAMAN")
    assert type_of_line("KESEPAKATAN BERSAMA Pp ikiranRakyat") == ("NK", "KESEPAKATAN BERSAMA")
    assert type_of_line("Perjanjian Kerja Sama ini berlaku selama 5 (lima) tahun") is None
    assert type_of_line("PASAL 3 PELAKSANAAN NOTA KESEPAHAMAN") is None
    assert KEYWORD_CUTOFF == 85.0
    text = DocText.from_string(
        "ADENDUM PERTAMA\nPERUBAHAN ATAS PERJANJIAN KERJA SAMA\nANTARA PT A DAN PT B\n"
        "NOMOR : 12/ADD/2024\nPada hari ini Senin"
    )
    assert find_doc_type(text).value == "ADENDUM"
    assert find_numbers(text).value == ["12/ADD/2024"]


def test_body_mentions_do_not_decide_the_type() -> None:
    text = DocText.from_string(
        "Lampiran surat Bupati\nDalam rangka pelaksanaan Nota Kesepahaman dan Perjanjian Kerja "
        "Sama yang telah ditandatangani, kami sampaikan laporan."
    )
    assert find_doc_type(text).value == "other"
    assert find_title(text).value is None
    assert find_numbers(text).value == []


def test_number_cleaning_and_roman_months() -> None:
    assert clean_number("445/ 23/UHK/BRSUD/2021") == "445/23/UHK/BRSUD/2021"
    assert clean_number("0001.MoU/HKM 02.01/021300/2020") == "0001.MoU/HKM02.01/021300/2020"
    assert clean_number("06/72/DISNAKERTRANS.") == "06/72/DISNAKERTRANS"
    assert clean_number("5 seeeon one n kerana anna") is None  # an OCR'd dotted line
    assert clean_number("sena") is None
    assert clean_number("5.o.oooooooooWoo") is None
    assert clean_number("..../..../2024") is None
    # 'I' read as '1': repaired only when the signing month decides, and reported
    assert roman_month("81/MOU.PL29/X11/2021", 12) == (
        "81/MOU.PL29/XII/2021",
        "read '81/MOU.PL29/X11/2021'; month 'X11' taken as Roman 'XII' (the signing month)",
    )
    assert roman_month("198/HRD/XI1/2021", 11)[0] == "198/HRD/XI/2021"
    assert roman_month("130/401/Kesra/!/2025", 1)[0] == "130/401/Kesra/I/2025"
    assert roman_month("198/HRD/XI1/2021", None) == ("198/HRD/XI1/2021", None)
    # the slot before the year is written in Roman numerals: a lone '1' in January is I
    assert roman_month("03/PKS-RSSD/1/2021", 1)[0] == "03/PKS-RSSD/I/2021"
    assert roman_month("03/PKS/1/2021", 3) == ("03/PKS/1/2021", None)  # March decides nothing
    assert roman_month("367.1/8-PKS/W/2019", 4)[0] == "367.1/8-PKS/IV/2019"  # 'W' for IV
    assert roman_month("045/UN48/KS/VU/2021", 7)[0] == "045/UN48/KS/VII/2021"
    assert roman_month("119/10-Kesber/11/2020", 3) == ("119/10-Kesber/11/2020", None)


def test_title_case_heading_is_found_when_no_capitals_exist() -> None:
    text = DocText.from_string(
        """Kop Surat Universitas Airlangga
Nota Kesepahaman
antara
Universitas Airlangga
dan
Pemerintah Kota Surabaya
tentang
Pengembangan Kota Cerdas
Nomor: 1123/UN3/KS/2022
Nomor: 415.4/88/436.1.2/2022
Pada hari ini Senin tanggal tujuh bulan Maret tahun dua ribu dua puluh dua."""
    )
    heading = find_heading(text)
    assert heading is not None
    assert find_doc_type(text, heading).value == "NK"
    assert find_title(text, heading).value == (
        "Nota Kesepahaman antara Universitas Airlangga dan Pemerintah Kota Surabaya tentang "
        "Pengembangan Kota Cerdas"
    )
    assert find_numbers(text, heading).value == ["1123/UN3/KS/2022", "415.4/88/436.1.2/2022"]


def test_doubtful_numbers_lower_confidence_and_say_why() -> None:
    text = DocText.from_string(
        "KESEPAKATAN BERSAMA\nANTARA\nPEMERINTAH KABUPATEN A\nDAN\nPT B\nTENTANG\nAIR BERSIH\n"
        "NOMOR : 4801185 -- Ke/1x/ 2019\nNOMOR : 117/PKS-PRB/IX/2019\nPada hari ini Selasa"
    )
    clean = DocText.from_string(
        "KESEPAKATAN BERSAMA\nANTARA\nPEMERINTAH KABUPATEN A\nDAN\nPT B\nTENTANG\nAIR BERSIH\n"
        "NOMOR : 480/13-KB/IX/2019\nNOMOR : 117/PKS-PRB/IX/2019\nPada hari ini Selasa"
    )
    doubtful = find_numbers(text, signing_month=9, signing_year=2019)
    sure = find_numbers(clean, signing_month=9, signing_year=2019)
    assert doubtful.value[0] == "4801185--Ke/1x/2019"  # kept as read, never guessed
    assert doubtful.confidence <= 0.65 < 0.85 <= sure.confidence
    assert any("OCR debris" in w for w in doubtful.warnings)


def test_number_printed_under_its_label() -> None:
    text = DocText.from_string(
        "NOTA KESEPAHAMAN\nANTARA\nKEMENTERIAN DALAM NEGERI\nDAN\nPEMERINTAH KOTA BATU\n"
        "Nomor :\n119/123/KDN/2019\nNomor :\n415.4/2.107/436.1.2/2019\nTENTANG\n"
        "PENGUATAN TATA KELOLA\nPada hari ini Rabu tanggal dua puluh tujuh bulan Maret"
    )
    heading = find_heading(text)
    assert find_numbers(text, heading).value == ["119/123/KDN/2019", "415.4/2.107/436.1.2/2019"]
    assert find_title(text, heading).value == (
        "NOTA KESEPAHAMAN ANTARA KEMENTERIAN DALAM NEGERI DAN PEMERINTAH KOTA BATU "
        "TENTANG PENGUATAN TATA KELOLA"
    )


def test_english_and_amending_headings() -> None:
    joint = DocText.from_string(
        "JOINT AGREEMENT\nBETWEEN\nTHE REGENCY OF SUKABUMI\nAND\nPT PIKIRAN RAKYAT\n"
        "NUMBER : 480/13-KB/IX/2019\nON\nPUBLIC INFORMATION SERVICES\nOn this day"
    )
    found = find_doc_type(joint)
    assert found.value == "NK" and found.confidence < 0.9  # a translation of its kind: a look
    amended = DocText.from_string(
        "AMENDMENT TO THE COOPERATION AGREEMENT\nBETWEEN\nPT A\nAND\nUNIVERSITAS B\n"
        "NUMBER : 12/AMD/2024\nOn this day"
    )
    assert find_doc_type(amended).value == "ADENDUM"
    second = DocText.from_string(
        "PERJANJIAN KERJA SAMA\nPERUBAHAN KEDUA\nANTARA PT A DAN PT B\nNOMOR : 12/ADD/2024\n"
        "TENTANG\nPENYEDIAAN AIR BERSIH\nPada hari ini Senin"
    )
    assert find_doc_type(second).value == "ADENDUM"
    climate = DocText.from_string(
        "NOTA KESEPAHAMAN\nANTARA PEMERINTAH KOTA A DAN UNIVERSITAS B\nNOMOR : 1/NK/2024\n"
        "TENTANG\nPENANGANAN PERUBAHAN IKLIM\nPada hari ini Senin"
    )
    assert find_doc_type(climate).value == "NK"
