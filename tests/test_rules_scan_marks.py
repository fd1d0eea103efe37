"""Marks a noisy scan leaves in sentences, and layouts that hide a party's words.

Each case is a general way agreements are printed or scanned (not one document):
speckles read as dots or colons inside a sentence, a year spelled in words with one
word lost, a collective name in the heading of a province's agreement with all its
kabupaten/kota, a party's own 'Nomor :' row, a long name's degrees wrapped between
'atas' and 'nama', an amendment's title that cites a wrapped number, and a unit head
signing for the regional government (labelled as the unit).
"""

from __future__ import annotations

import datetime as dt

from corpusgen.sample import generate_sample
from extractor.doubts import CUT_CAP, find_doubts
from extractor.rules.articles import pasal_number
from extractor.rules.date_forms import YEAR_GAP, find_dates
from extractor.rules.duration import find_term
from extractor.rules.parent import find_parent
from extractor.rules.parties import find_parties
from extractor.rules.party_heading import heading_institutions
from extractor.rules.place import find_place
from extractor.rules.purpose import purpose_from_body
from extractor.rules.scope_items import clean_item
from extractor.rules.title import find_title
from extractor.text import DocText, normalise_line
from models import Extraction, Party


def test_speckle_dots_inside_a_sentence_are_dropped_and_real_dots_kept() -> None:
    assert normalise_line("(1) Maksud Perjanjian..Kerjasama ini. adalah sebagai") == (
        "(1) Maksud Perjanjian Kerjasama ini adalah sebagai"
    )
    for kept in ("a.n. Bupati Garut", "Jl. merdeka", "NOMOR : ..........", "dr. Endang", "x.go.id"):
        assert normalise_line(kept) == kept
    assert normalise_line("kependudukan. b. akses") == "kependudukan. b. akses"


def test_purpose_sentence_with_a_speckle_dot_before_adalah() -> None:
    # as the rules see it: through the normalised text, where speckle dots are dropped
    body = DocText.from_string(
        "(1) Maksud Perjanjian..Kerjasama ini. adalah sebagai dasar bagi PARA PIHAK dalam\n"
        "pemanfaatan data kependudukan.\n"
        "(2) Tujuan Perjanjian Kerjasama ini adalah untuk mewujudkan pelayanan yang cepat."
    ).text
    value, found = purpose_from_body(body)
    assert found and value is not None
    assert value.startswith("Maksud: dasar bagi PARA PIHAK dalam pemanfaatan data kependudukan")
    assert "; Tujuan: mewujudkan pelayanan yang cepat" in value
    # a real sentence end before 'adalah' still separates the sentences
    value, _ = purpose_from_body("Maksud kerja sama. Para pihak adalah dua. Tujuan ini adalah X.")
    assert value == "Tujuan: X"


def test_reference_goes_on_past_a_speckle_dot_before_its_number() -> None:
    text = DocText.from_string(
        "e. bahwa PARA PIHAK telah menandatangani Memorandum Of Understanding antara PT\n"
        "Mandala Konstruksi Raya dan Pemerintah Daerah Kota. Tarakan Nomor\n"
        "979/MKR/DIR/2018 dan Nomor 180/5.426/Setda/2018 tentang Pemanfaatan Data\n"
        "Kependudukan pada tanggal 27 Desember 2018;"
    )
    value = find_parent(text, "PKS", None, None).value
    assert value is not None and "Nomor 979/MKR/DIR/2018" in value
    assert "tentang Pemanfaatan Data Kependudukan" in value


def test_term_after_a_colon_read_behind_selama() -> None:
    t = find_term(
        DocText.from_string(
            "Pasal 5\nJangka Waktu\n(1) Perjanjian Kerjasama ini berlaku selama: 5 (lima) tahun "
            "terhitung sejak tanggal\nditandatangani."
        ),
        dt.date(2019, 3, 27),
    )
    assert t.duration.value is not None
    assert (t.duration.value.value, t.duration.value.unit) == (5, "tahun")


def test_a_lost_year_word_is_read_by_the_weekday_or_doubted() -> None:
    opening = "Pada hari ini {} tanggal tiga bulan Oktober tahun dua ribd Ha puluh satu, yang"
    (sunday,) = find_dates(opening.format("Minggu"))
    assert sunday.value == dt.date(2021, 10, 3)  # 3 October 2021 was a Sunday
    assert sunday.repairs and "Minggu" in sunday.repairs[0]
    (tuesday,) = find_dates(opening.format("Selasa"))  # no reading of the lost word fits
    assert any(c.startswith(YEAR_GAP) for c in tuesday.conflicts)
    extraction = Extraction(
        file="x.pdf",
        sha256="0" * 64,
        pages=1,
        ocr_pages=1,
        signing_date=tuesday.value,
        warnings=[f"signing_date: {tuesday.conflicts[0]}"],
    )
    doubts = [d for d in find_doubts(extraction) if d.field == "signing_date"]
    assert doubts and doubts[0].cap == CUT_CAP
    (whole,) = find_dates(opening.format("Minggu").replace("ribd Ha", "ribu dua"))
    assert whole.value == dt.date(2021, 10, 3) and not whole.repairs and not whole.conflicts


def test_collective_heading_name_is_no_party() -> None:
    text = (
        "KESEPAKATAN BERSAMA\nANTARA\nPEMERINTAH DAERAH PROVINSI JAWA BARAT\nDENGAN\n"
        "PEMERINTAH KABUPATEN/KOTA SE-PROVINSI JAWA BARAT\nTENTANG\nPELAYANAN PUBLIK\n"
        "Pada hari ini"
    )
    names = [name for name, _, _ in heading_institutions(text, len(text))]
    assert names == ["PEMERINTAH DAERAH PROVINSI JAWA BARAT"]


PARTIES = """Pada hari ini Senin tanggal dua bulan Maret tahun dua ribu dua puluh, kami yang
bertanda tangan di bawah ini:
1. Nama : Zainal Pangaribuan, S.IP., M.H.
Jabatan : Bupati Administrasi Kepulauan Seribu
Alamat : Jalan Diponegoro Nomor 4
dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten Administrasi Kepulauan
Seribu, selanjutnya disebut PIHAK KESATU;
2. Nama : I GUSTI NGURAH WAYAN WIJAYA, M.Si.
Jabatan : Direktur Nomor : 044/PKS-TP/VIII/2018
Alamat : Jalan Pahlawan Nomor 7
dalam hal ini bertindak untuk dan atas nama PT. Tirta Prima, selanjutnya disebut PIHAK KEDUA.
"""


def test_a_partys_own_nomor_row_ends_its_jabatan() -> None:
    parties = find_parties(DocText.from_string(PARTIES)).value
    assert [p.title for p in parties] == ["Bupati Administrasi Kepulauan Seribu", "Direktur"]


def test_wrapped_degrees_between_atas_and_nama() -> None:
    text = (
        "Pada hari ini Selasa tanggal sepuluh bulan Desember tahun dua ribu dua puluh empat, kami\n"
        "yang bertanda tangan di bawah ini:\n"
        "I. Dra. Dewi Mahendra, : Bupati Mamuju Tengah, dalam hal ini bertindak untuk dan atas\n"
        "nama Pemerintah Daerah Kabupaten Mamuju Tengah, selanjutnya disebut PIHAK KESATU.\n"
        "II. Hendra Permana, S.Pd., : Bupati Mamasa, dalam hal ini bertindak untuk dan atas\n"
        "M.AP.\n"
        "nama Pemerintah Kabupaten Mamasa, berkedudukan di Jalan Jenderal Sudirman Nomor 75,\n"
        "Mamasa, untuk selanjutnya disebut PIHAK KEDUA.\n"
    )
    parties = find_parties(DocText.from_string(text)).value
    assert parties[1].institution == "Pemerintah Kabupaten Mamasa"


def test_amendment_title_cites_a_wrapped_number() -> None:
    text = DocText.from_string(
        "ADENDUM PERTAMA\nPERJANJIAN KERJA SAMA\nANTARA\nINSTITUT TEKNOLOGI CIPTA UTAMA\nDAN\n"
        "PEMERINTAH DAERAH KABUPATEN SINJAI\nTENTANG\nPERUBAHAN ATAS PERJANJIAN KERJA SAMA NOMOR\n"
        "111/ITCU/KL.07/VI/2022 DAN 119/912/Diskominfo/2022 TENTANG\nPENGUATAN KETAHANAN PANGAN\n"
        "Nomor Pihak Pertama : 2059/ITCU/KS/2024\nPada hari ini Selasa"
    )
    title = find_title(text).value
    assert title is not None and title.endswith(
        "NOMOR 111/ITCU/KL.07/VI/2022 DAN 119/912/Diskominfo/2022 TENTANG PENGUATAN "
        "KETAHANAN PANGAN"
    )


def test_generated_unit_head_signing_for_the_pemda_is_labelled_as_the_unit() -> None:
    seen = 0
    for seed in range(40):
        nk = generate_sample(seed, family="pemda-klasik", doc_type="NK")
        sample = generate_sample(seed + 1000, family="pemda-klasik", doc_type="PKS", parent=nk)
        for party in sample.parties:
            if party.kind in ("pemprov", "pemkab", "pemkot") and party.jabatan.startswith(
                ("Kepala Dinas", "Kepala Badan")
            ):
                truth = sample.truth["parties"][sample.parties.index(party)]["institution"]
                assert truth in (party.jabatan.removeprefix("Kepala "), party.institution)
                seen += truth != party.institution
    assert seen >= 1


def test_cited_numbers_are_repaired_by_the_citations_own_date() -> None:
    text = DocText.from_string(
        "e. bahwa PARA PIHAK telah menandatangani Nota Kesepahaman antara Universitas Karya\n"
        "Gemilang dan Pemerintah Daerah Kota Bogor Nomor 194/UKG/HK.09/III/2025 dan Nomor\n"
        "130/175/Kesra/!ll/2025 tentang Penanggulangan Bencana tanggal 20 Maret 2025;"
    )
    found = find_parent(text, "PKS", None, None)
    assert found.value is not None and "130/175/Kesra/III/2025" in found.value
    assert "!ll" not in found.value and "cited number read" in (found.evidence[0].rule or "")
    # no date in the citation: a month slot is not guessed
    bare = DocText.from_string(text.text.replace(" tanggal 20 Maret 2025", ""))
    value = find_parent(bare, "PKS", None, None).value
    assert value is not None and "130/175/Kesra/!ll/2025" in value


def test_citation_across_a_page_break_skips_the_letterhead_footer_and_running_header() -> None:
    footer = "Jalan Cut Nyak Dien Nomor 135, Tegal Telepon (061) 546719 Laman: www.tegalkota.go.id"
    header = "Perjanjian Kerja Sama Pemerintah Kota Tegal dan PT Bhakti Solusi Sejahtera"
    page = "a. bahwa kerja sama ini dilaksanakan berdasarkan Undang-Undang Nomor {} Tahun 2014;"
    text = DocText.from_string(
        "\n".join(
            [
                page.format(23),
                footer,
                header,
                "c. bahwa PARA PIHAK telah menandatangani Nota Kesepahaman antara Pemerintah Kota",
                "Paraf",
                footer,
                "1",
                header,
                "Tegal dan PT Bhakti Solusi Sejahtera Nomor 000.5/252/Kesra/2018 dan Nomor",
                "231/PKS-BSS/VI/2018 tentang Peningkatan Kapasitas Sumber Daya Manusia Aparatur;",
                footer,
                "2",
                header,
                page.format(6),
            ]
        )
    )
    assert find_parent(text, "PKS", None, None).value == (
        "Nota Kesepahaman antara Pemerintah Kota Tegal dan PT Bhakti Solusi Sejahtera Nomor "
        "000.5/252/Kesra/2018 dan Nomor 231/PKS-BSS/VI/2018 tentang Peningkatan Kapasitas "
        "Sumber Daya Manusia Aparatur"
    )


def test_place_ends_at_a_comma_ocr_read_as_a_bracket() -> None:
    text = DocText.from_string(
        "Pada hari ini Selasa tanggal 20 (Dua Puluh) bulan April tahun 2021 (Dua Ribu Dua\n"
        "Puluh Satu), bertempat di Luwu) kami yang bertanda tangan di bawah ini:"
    )
    assert find_place(text).value == "Luwu"


def test_article_line_with_a_speck_before_and_a_quote_after() -> None:
    assert pasal_number('N Pasal 3"') == ("3", "")
    assert pasal_number("a. Pasal 5 UU 23/2014") is None  # a list item citing an article
    assert pasal_number("di Pasal 3 ayat (1)") is None


def test_z_and_s_read_for_digits_of_a_date() -> None:
    (date,) = find_dates("Pada hari ini Minggu, tanggal Z9 Desember 2019, telah dibuat")
    assert date.value == dt.date(2019, 12, 29) and "'Z9' read as 29" in date.repairs[0]
    assert find_dates("lulusan S1 dan S2 tahun 2019") == []  # degrees stay words


def test_a_speck_after_a_scope_items_closing_mark_is_dropped() -> None:
    assert clean_item("Pengembangan desa wisata dan atraksi budaya. j") == (
        "Pengembangan desa wisata dan atraksi budaya"
    )
    assert clean_item("huruf a, b, dan c") == "huruf a, b, dan c"  # a letter that is a word
    assert clean_item("Penataan Zona A dan B;") == "Penataan Zona A dan B"


def test_a_school_code_reading_a_letter_for_the_schools_number_is_doubted() -> None:
    def doubts(number: str, school: str) -> list[str]:
        extraction = Extraction(
            file="x.pdf",
            sha256="0" * 64,
            pages=1,
            ocr_pages=1,
            numbers=[number, "CUD.DIR/PKS.059/2023"],
            parties=[Party(institution=school), Party(institution="PT Cahaya Utama Digital")],
        )
        return [d.reason for d in find_doubts(extraction) if d.field == "numbers"]

    school = "Sekolah Menengah Kejuruan Negeri 5 Toraja Utara"
    assert doubts("B/415.4/240/SMKNSTORAJAUTARA/2023", school) == [
        "a school code reads a letter for its number"
    ]
    assert doubts("B/415.4/240/SMKN5TORAJAUTARA/2023", school) == []
    # a letter that is no look-alike of the school's number is the code's own
    assert doubts("B/415.4/240/SMKNTORAJAUTARA/2023", school) == []
