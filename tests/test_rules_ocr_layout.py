"""Layout and OCR shapes the rules must read through: a cover page that repeats the
heading, numbers printed in a label/colon/number table, list markers OCR damaged,
and degrees of a wrapped name read into the institution."""

from __future__ import annotations

from extractor.rules.heading import find_heading
from extractor.rules.numbers import find_numbers
from extractor.rules.parties import find_parties
from extractor.rules.scope import find_scope
from extractor.rules.title import find_title
from extractor.text import DocText
from models import Document, Line, Page

COVER = """NOTA KESEPAHAMAN
ANTARA
PEMERINTAH KABUPATEN LUMAJANG
DENGAN
PEMERINTAH KOTA PROBOLINGGO
TENTANG
PENGELOLAAN SAMPAH REGIONAL"""

FIRST_PAGE = """- 2 -
NOTA KESEPAHAMAN
ANTARA
PEMERINTAH KABUPATEN LUMAJANG
DENGAN
PEMERINTAH KOTA PROBOLINGGO
TENTANG
PENGELOLAAN SAMPAH REGIONAL
Nomor : 658/114/427.41/2023
Nomor : 660/87/425.1.3/2023
Pada hari ini Kamis tanggal Sembilan bulan Maret tahun Dua Ribu Dua Puluh Tiga,"""

TITLE = (
    "NOTA KESEPAHAMAN ANTARA PEMERINTAH KABUPATEN LUMAJANG DENGAN PEMERINTAH KOTA "
    "PROBOLINGGO TENTANG PENGELOLAAN SAMPAH REGIONAL"
)


def _pages(*texts: str) -> DocText:
    pages = [
        Page(
            number=n,
            width=595.0,
            height=842.0,
            method="text",
            lines=[Line(text=line) for line in text.splitlines()],
        )
        for n, text in enumerate(texts, start=1)
    ]
    return DocText.from_document(
        Document(file="nk.pdf", sha256="0" * 64, mime="application/pdf", size=1, pages=pages)
    )


def test_cover_page_heading_repeated_on_the_next_page_is_read_once() -> None:
    text = _pages(COVER, FIRST_PAGE)
    heading = find_heading(text)
    assert heading is not None
    assert find_title(text, heading).value == TITLE
    assert find_numbers(text, heading).value == ["658/114/427.41/2023", "660/87/425.1.3/2023"]


def test_heading_printed_twice_on_one_page_is_read_once() -> None:
    text = DocText.from_string(COVER + "\n" + FIRST_PAGE.split("\n", 1)[1])
    assert find_title(text).value == TITLE


def test_title_that_names_the_amended_agreement_is_not_cut() -> None:
    text = DocText.from_string(
        "ADENDUM PERTAMA\nPERJANJIAN KERJA SAMA\nANTARA\nPEMERINTAH KOTA MALANG\nDAN\n"
        "UNIVERSITAS BRAWIJAYA\nTENTANG\nPERUBAHAN ATAS\nPERJANJIAN KERJA SAMA\n"
        "PENGEMBANGAN KOTA CERDAS\nNomor : 180/12/35.73.112/2024\n"
        "Pada hari ini Senin tanggal lima bulan Februari tahun dua ribu dua puluh empat,"
    )
    assert find_title(text).value == (
        "ADENDUM PERTAMA PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KOTA MALANG DAN UNIVERSITAS "
        "BRAWIJAYA TENTANG PERUBAHAN ATAS PERJANJIAN KERJA SAMA PENGEMBANGAN KOTA CERDAS"
    )


HEAD = """PERJANJIAN KERJA SAMA
ANTARA
PT ARTHA MANDIRI SENTOSA
DAN
PEMERINTAH KABUPATEN JEMBER
TENTANG
PEMBERDAYAAN USAHA MIKRO
"""
OPENING = "Pada hari ini Senin tanggal 4 September 2023, yang bertanda tangan di bawah ini:"


def test_label_table_read_column_by_column_pairs_labels_and_numbers_in_order() -> None:
    text = DocText.from_string(
        HEAD + "Nomor PIHAK PERTAMA\nNomor PIHAK KEDUA\n1 No.214/AMS/LGL/2023\n"
        "1: 500/318/35.09.325/2023\n" + OPENING
    )
    found = find_numbers(text)
    assert found.value == ["No.214/AMS/LGL/2023", "500/318/35.09.325/2023"]
    assert any("label's colon" in w for w in found.warnings)


def test_a_digit_glued_to_the_number_is_kept_as_read() -> None:
    # no space between '1' and the number: it may be the number's own digit
    text = DocText.from_string(
        HEAD + "Nomor PIHAK PERTAMA : 077/AMS/LGL/2023\nNomor PIHAK KEDUA\n"
        "1075/318/35.09.325/2023\n" + OPENING
    )
    assert find_numbers(text).value == ["077/AMS/LGL/2023", "1075/318/35.09.325/2023"]


def test_quotes_ocr_put_in_the_label_do_not_eat_the_no_prefix() -> None:
    text = DocText.from_string(
        HEAD + "Nomor Pihak'Pertama : 2204/AMS/KS/2023\n"
        'Nomor Pihak Kedua" : No.611/BPR/DIR/2023\n' + OPENING
    )
    assert find_numbers(text).value == ["2204/AMS/KS/2023", "No.611/BPR/DIR/2023"]


def _scope(items: str) -> list[str]:
    text = DocText.from_string(
        "BAB II\nRUANG LINGKUP\nPasal 2\nRuang lingkup Kesepakatan Bersama ini meliputi:\n"
        + items
        + "\nPasal 3\nPELAKSANAAN"
    )
    return find_scope(text).value


def test_lettered_markers_ocr_read_as_symbols_or_digits_still_split_items() -> None:
    items = _scope(
        "a. pengembangan sentra industri kecil:\n"
        "€b. pelatihan tenaga kerja lokal:\n"
        "@. promosi produk unggulan daerah:\n"
        "d. penyediaan data dan informasi;\n"
        "e. pendampingan koperasi;\n"
        "f. fasilitasi perizinan berusaha; dan\n"
        "9. kegiatan lain yang disepakati PARA PIHAK."
    )
    assert items == [
        "pengembangan sentra industri kecil",
        "pelatihan tenaga kerja lokal",
        "promosi produk unggulan daerah",
        "penyediaan data dan informasi",
        "pendampingan koperasi",
        "fasilitasi perizinan berusaha",
        "kegiatan lain yang disepakati PARA PIHAK",
    ]


def test_first_number_marker_read_as_il_opens_the_numbered_list() -> None:
    items = _scope(
        "Il. sosialisasi kepada masyarakat;\n"
        "2. pengangkutan sampah rumah tangga; dan\n"
        "3. pengolahan sampah terpadu."
    )
    assert items == [
        "sosialisasi kepada masyarakat",
        "pengangkutan sampah rumah tangga",
        "pengolahan sampah terpadu",
    ]


def test_a_digit_that_continues_the_sub_items_stays_a_sub_item() -> None:
    subs = ["pendidikan", "kesehatan", "sosial", "pangan", "pertanahan", "perhubungan"]
    subs += ["statistik", "persandian", "kearsipan"]
    items = _scope(
        "a. urusan wajib;\nb. urusan pilihan;\nc. urusan umum;\nd. urusan konkuren;\n"
        "e. urusan daerah;\nf. urusan pemerintahan meliputi:\n"
        + "\n".join(f"{n}. {name}," for n, name in enumerate(subs, start=1))
        + "\ng. urusan lain."
    )
    assert len(items) == 7
    assert items[5] == "urusan pemerintahan meliputi: " + ", ".join(subs)
    assert items[6] == "urusan lain"


def test_degrees_of_a_wrapped_name_are_not_read_into_the_institution() -> None:
    text = DocText.from_string(
        "Pada hari ini Rabu tanggal 5 Juli 2023, yang bertanda tangan di bawah ini:\n"
        "I. Ir. Bambang Wicaksono, : Wali Kota Madiun, dalam hal ini bertindak untuk\n"
        "M.Si. dan atas nama Pemerintah Kota Madiun, berkedudukan di Jalan Pahlawan\n"
        "Nomor 37, Madiun, untuk selanjutnya disebut PIHAK KESATU.\n"
        "II. Hj. Sri Rahayu Lestari, S.E., : Bupati Ponorogo, dalam hal ini bertindak untuk"
        " dan atas nama\nM.Ak., CA.\n"
        "Pemerintah Kabupaten Ponorogo, berkedudukan di Jalan Alun-Alun\n"
        "Utara Nomor 9, Ponorogo, untuk selanjutnya disebut PIHAK KEDUA."
    )
    parties = find_parties(text).value
    assert [p.institution for p in parties] == [
        "Pemerintah Kota Madiun",
        "Pemerintah Kabupaten Ponorogo",
    ]


def test_jabatan_whose_colon_ocr_read_as_a_one_on_the_next_line() -> None:
    text = DocText.from_string(
        "Pada hari ini Kamis tanggal 2 Maret 2023, yang bertanda tangan di bawah ini:\n"
        "1. Nama : Rina Kartika, S.E., M.M.\nJabatan\n1 Direktur Utama\n"
        "Alamat : Jalan Sudirman Nomor 12, Pekanbaru\n"
        "Dalam hal ini bertindak untuk dan atas nama PT Riau Sarana Energi, selanjutnya disebut\n"
        "PIHAK PERTAMA.\n"
        "2. Nama : Drs. Hendra Saputra, M.Si.\nJabatan : Wali Kota Pekanbaru\n"
        "Dalam hal ini bertindak untuk dan atas nama Pemerintah Kota Pekanbaru, selanjutnya\n"
        "disebut PIHAK KEDUA."
    )
    parties = find_parties(text).value
    assert [p.title for p in parties] == ["Direktur Utama", "Wali Kota Pekanbaru"]


def test_rest_of_a_wrapped_name_with_its_degrees_goes_back_to_the_name() -> None:
    text = DocText.from_string(
        "Pada hari ini Jumat tanggal 9 Juni 2023, kami yang bertanda tangan di bawah ini:\n"
        "I. H. Ahmad Fauzi : Bupati Sumedang, yang diangkat berdasarkan Keputusan\n"
        "Rahmatullah, S.T., M.M. Menteri Dalam Negeri Nomor 131.32-4410 Tahun 2018, dalam\n"
        "hal ini bertindak untuk dan atas nama Pemerintah Kabupaten Sumedang,\n"
        "untuk selanjutnya disebut PIHAK KESATU.\n"
        "II. Yusuf Maulana : Bupati Garut, yang diangkat berdasarkan Keputusan\n"
        "Menteri Dalam Negeri Nomor 131.32-2201 Tahun 2019, dalam hal ini bertindak\n"
        "untuk dan atas nama Pemerintah Kabupaten Garut, untuk selanjutnya disebut PIHAK KEDUA."
    )
    parties = find_parties(text).value
    assert [p.signatory for p in parties] == [
        "H. Ahmad Fauzi Rahmatullah, S.T., M.M.",
        "Yusuf Maulana",
    ]
    assert parties[0].title == "Bupati Sumedang"


def test_number_lines_whose_nomor_label_ocr_damaged_are_still_read() -> None:
    text = DocText.from_string(
        HEAD + "Yomor : 120/44/35.09/2023\n: 415.4/27/436.7.1/2023\n" + OPENING
    )
    assert find_numbers(text).value == ["120/44/35.09/2023", "415.4/27/436.7.1/2023"]


def test_a_tanggal_line_under_the_title_is_no_number() -> None:
    text = DocText.from_string(HEAD + "Nomor : 120/44/35.09/2023\nTanggal : 04/09/2023\n" + OPENING)
    assert find_numbers(text).value == ["120/44/35.09/2023"]
