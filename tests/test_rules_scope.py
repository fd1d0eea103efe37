"""Scope: Ruang Lingkup items as agreements (and OCR) write them."""

from __future__ import annotations

import pytest

from extractor.rules.scope import find_scope
from extractor.text import DocText


def scope(text: str) -> list[str]:
    return find_scope(DocText.from_string(text)).value


def test_lettered_items_wrapped_over_lines_with_closing_dan() -> None:
    text = """Pasal 2
RUANG LINGKUP
Ruang lingkup Nota Kesepahaman ini meliputi:
a. pengembangan kapasitas aparatur sipil negara melalui pendidikan
dan pelatihan;
b. pertukaran data dan informasi pembangunan daerah; dan
c. pendampingan penyusunan dokumen perencanaan.
Pasal 3
PELAKSANAAN
Pelaksanaan Nota Kesepahaman ini dituangkan dalam Perjanjian Kerja Sama."""
    assert scope(text) == [
        "pengembangan kapasitas aparatur sipil negara melalui pendidikan dan pelatihan",
        "pertukaran data dan informasi pembangunan daerah",
        "pendampingan penyusunan dokumen perencanaan",
    ]


def test_heading_above_the_pasal_line_and_ocr_commas_and_markers() -> None:
    # OCR: ";" read as ",", "c." read as "Cc.", the heading printed above "PASAL 2"
    text = """MAKSUD DAN TUJUAN
PASAL 1
Maksud kerja sama ini adalah untuk meningkatkan pelayanan publik.
RUANG LINGKUP
PASAL 2
Ruang lingkup kerja sama ini mencakup:
a. penyediaan air bersih bagi masyarakat perbatasan,
b. pemeliharaan jaringan pipa distribusi,
Cc. pelatihan teknisi daerah, dan
d. kegiatan lain yang disepakati PARA PIHAK.
JANGKA WAKTU
PASAL 3
Kesepakatan ini berlaku selama 2 (dua) tahun."""
    assert scope(text) == [
        "penyediaan air bersih bagi masyarakat perbatasan",
        "pemeliharaan jaringan pipa distribusi",
        "pelatihan teknisi daerah",
        "kegiatan lain yang disepakati PARA PIHAK",
    ]


def test_numbered_items_under_a_lingkup_pekerjaan_heading_with_ocr_pasal() -> None:
    text = """Pasa1 4
LINGKUP PEKERJAAN
(1) Penyusunan kajian kelayakan pembangunan pasar rakyat;
(2) Pendampingan teknis perizinan usaha mikro;
(3) Evaluasi pelaksanaan program.
Pasal 5
HAK DAN KEWAJIBAN
(1) PIHAK PERTAMA berhak menerima laporan."""
    assert scope(text) == [
        "Penyusunan kajian kelayakan pembangunan pasar rakyat",
        "Pendampingan teknis perizinan usaha mikro",
        "Evaluasi pelaksanaan program",
    ]


def test_single_sentence_scope_without_a_list() -> None:
    text = """Pasal 2
OBJEK
Objek Perjanjian Kerja Sama ini adalah penyelenggaraan uji kompetensi bagi
pegawai Dinas Kesehatan Kota Madiun. PARA PIHAK menyepakati jadwalnya.
Pasal 3
BIAYA
Biaya ditanggung PIHAK KEDUA."""
    assert scope(text) == [
        "penyelenggaraan uji kompetensi bagi pegawai Dinas Kesehatan Kota Madiun"
    ]


def test_nested_items_join_their_parent_and_the_lettered_list_inside_an_ayat() -> None:
    nested = """Pasal 2
RUANG LINGKUP
Ruang lingkup meliputi:
a. urusan pelayanan dasar:
1. pendidikan,
2. kesehatan;
b. urusan pilihan.
Pasal 3
PENUTUP"""
    assert scope(nested) == ["urusan pelayanan dasar: pendidikan, kesehatan", "urusan pilihan"]
    ayat = """Pasal 2
RUANG LINGKUP
(1) Ruang lingkup kerja sama ini meliputi:
a. magang mahasiswa;
b. penelitian bersama.
(2) Rincian kegiatan diatur dalam rencana kerja.
Pasal 3
PENUTUP"""
    assert scope(ayat) == ["magang mahasiswa", "penelitian bersama"]


def test_scope_stops_at_signature_block_and_skips_scanner_footer() -> None:
    text = """Pasal 9
RUANG LINGKUP
Ruang lingkup kerja sama ini meliputi:
a. promosi pariwisata daerah;
Dipindai dengan CamScanner
b. pertukaran seni budaya.
PIHAK PERTAMA, PIHAK KEDUA,
Bupati Trenggalek Direktur Utama"""
    finding = find_scope(DocText.from_string(text))
    assert finding.value == ["promosi pariwisata daerah", "pertukaran seni budaya"]
    assert finding.confidence >= 0.8
    assert finding.evidence and "RUANG LINGKUP" in finding.evidence[0].text


def test_no_scope_article_gives_an_empty_list_with_low_confidence() -> None:
    finding = find_scope(DocText.from_string("Pasal 1\nTUJUAN\nTujuan kerja sama ini adalah X."))
    assert finding.value == []
    assert finding.confidence <= 0.5


def test_items_whose_markers_ocr_lost_are_split_at_their_closing_marks() -> None:
    # "2." and "3." were lost; ";" was read as ":"; a stamp speck left "WM"
    text = """PASAL 2
RUANG LINGKUP
Ruang lingkup Perjanjian Kerja Sama ini meliputi:
1. Penyusunan rencana induk sistem informasi:
Pelatihan operator aplikasi kependudukan:
WM
Pendampingan integrasi data layanan publik
di kecamatan: dan
kegiatan lain yang disepakati PARA PIHAK.
PASAL 3
PEMBIAYAAN"""
    assert scope(text) == [
        "Penyusunan rencana induk sistem informasi",
        "Pelatihan operator aplikasi kependudukan",
        "Pendampingan integrasi data layanan publik di kecamatan",
        "kegiatan lain yang disepakati PARA PIHAK",
    ]


def test_ocr_damaged_heading_within_the_bound_and_another_heading_beyond_it() -> None:
    damaged = "Pasal 2\nRUANG LINGKUF\na. pelatihan kader;\nb. penyuluhan.\nPasal 3\nBIAYA"
    assert scope(damaged) == ["pelatihan kader", "penyuluhan"]
    other = "Pasal 2\nRUANG TUNGGU\na. kursi tamu;\nb. meja.\nPasal 3\nBIAYA"
    assert scope(other) == []


def test_column_split_of_a_skewed_list_is_put_back_together() -> None:
    # Tesseract read the right-hand ends of the lines first, then the cut-off starts
    ends_first = """Pasal 2
RUANG LINGKUP
Ruang lingkup kerja sama ini meliputi:
(1) penyusunan kurikulum berbasis kompetensi sesuai
| pel ' OA Se
kebutuhan dunia kerja,
ana laboratorium,
dang keahlian,
(2) penyediaan sar
(3) pelatihan guru bi
Pasal 3
BIAYA"""
    assert scope(ends_first) == [
        "penyusunan kurikulum berbasis kompetensi sesuai kebutuhan dunia kerja",
        "penyediaan sar ana laboratorium",
        "pelatihan guru bi dang keahlian",
    ]
    # each cut-off start comes right after the line that continues it
    interleaved = """Pasal 2
RUANG LINGKUP
a) Pengembangan kurikulum bersama dunia usaha;
enaga pengajar melalui magang industri;
b) Peningkatan kompetensi t
c) Kolaborasi penelitian terapan.
Pasal 3
BIAYA"""
    assert scope(interleaved) == [
        "Pengembangan kurikulum bersama dunia usaha",
        "Peningkatan kompetensi t enaga pengajar melalui magang industri",
        "Kolaborasi penelitian terapan",
    ]


def test_an_ordinary_wrapped_list_with_unpunctuated_items_is_left_alone() -> None:
    text = """Pasal 2
RUANG LINGKUP
(1) penyelarasan program pembelajaran dengan kebutuhan dunia usaha
dan dunia industri di wilayah kota
(2) pendampingan teknis
(3) pertukaran guru tamu
Pasal 3
BIAYA"""
    assert scope(text) == [
        "penyelarasan program pembelajaran dengan kebutuhan dunia usaha dan dunia industri di "
        "wilayah kota",
        "pendampingan teknis",
        "pertukaran guru tamu",
    ]


def test_items_with_ocr_damage_lower_the_confidence() -> None:
    clean = "Pasal 2\nRUANG LINGKUP\na. pelatihan guru;\nb. magang siswa.\nPasal 3\nBIAYA"
    damaged = "Pasal 2\nRUANG LINGKUP\na. pelatihan gu\nb. magang siswa, |\nPasal 3\nBIAYA"
    assert find_scope(DocText.from_string(clean)).confidence >= 0.8
    assert find_scope(DocText.from_string(damaged)).confidence <= 0.6


def test_items_stop_at_footers_paraf_boxes_and_running_headers() -> None:
    footer = "Perjanjian Kerja Sama Pemkab Sukabumi - PT Pikiran Rakyat"
    text = f"""{footer}
Pasal 1
MAKSUD DAN TUJUAN
Maksud kerja sama ini adalah meningkatkan layanan informasi publik.
{footer}
Pasal 2
BENTUK KERJA SAMA
Bentuk kerja sama ini meliputi:
a. publikasi program pembangunan daerah melalui media cetak;
b. peliputan kegiatan pemerintahan daerah; dan PARAF PIHAK I PIHAK II 3 dari 7
{footer}
c. pelatihan jurnalistik bagi aparatur pemerintah daerah.
Pasal 3
PEMBIAYAAN
Biaya dibebankan kepada anggaran masing-masing."""
    assert scope(text) == [
        "publikasi program pembangunan daerah melalui media cetak",
        "peliputan kegiatan pemerintahan daerah",
        "pelatihan jurnalistik bagi aparatur pemerintah daerah",
    ]


def _scope_rule(text: str) -> tuple[list[str], float, str]:
    finding = find_scope(DocText.from_string(text))
    rule = finding.evidence[0].rule if finding.evidence else ""
    return finding.value, finding.confidence, rule or ""


@pytest.mark.parametrize(
    ("pasal", "heading"),
    [
        ("PASAL III", "OBJEK KERJA SAMA"),
        ("Pasal Tiga", "LINGKUP KEGIATAN"),
        ("PASAL KETIGA", "BENTUK KERJA SAMA"),
        ("Pasal 3", "RUANG LINGKUP DAN BENTUK KEGIATAN"),
        ("Pasal 3", "BIDANG KERJA SAMA"),
        ("PASAL 3", "KEGIATAN"),
    ],
)
def test_scope_under_another_heading_and_numbering(pasal: str, heading: str) -> None:
    text = f"""{pasal}
{heading}
Kerja sama sebagaimana dimaksud dalam Pasal 2 meliputi:
a. penyediaan data kependudukan untuk perencanaan pembangunan;
b. pemanfaatan data kependudukan untuk pelayanan publik.
{pasal.replace("III", "IV").replace("Tiga", "Empat").replace("KETIGA", "KEEMPAT").replace("3", "4")}
PEMBIAYAAN
Biaya dibebankan kepada anggaran masing-masing PIHAK."""
    assert scope(text) == [
        "penyediaan data kependudukan untuk perencanaan pembangunan",
        "pemanfaatan data kependudukan untuk pelayanan publik",
    ]


def test_headings_numbered_without_pasal_lines() -> None:
    text = """1. MAKSUD DAN TUJUAN
Maksud kesepakatan ini adalah sebagai pedoman kerja sama.
2. RUANG LINGKUP
Ruang lingkup kesepakatan ini meliputi:
a) pengembangan usaha mikro, kecil, dan menengah;
b) pelatihan kewirausahaan bagi pemuda.
3. JANGKA WAKTU
Kesepakatan ini berlaku selama 2 (dua) tahun."""
    assert scope(text) == [
        "pengembangan usaha mikro, kecil, dan menengah",
        "pelatihan kewirausahaan bagi pemuda",
    ]
    chapter = "BAB III RUANG LINGKUP\n" + "\n".join(text.split("\n")[3:6]) + "\nBAB IV PENUTUP"
    assert scope(chapter) == [
        "pengembangan usaha mikro, kecil, dan menengah",
        "pelatihan kewirausahaan bagi pemuda",
    ]


def test_a_heading_wrapped_over_two_lines() -> None:
    text = """Pasal 2
RUANG LINGKUP DAN BENTUK
KEGIATAN
(1) pendampingan penyusunan rencana pembangunan desa;
(2) pelatihan aparatur pemerintah desa.
Pasal 3
PEMBIAYAAN"""
    value, _, rule = _scope_rule(text)
    assert value == [
        "pendampingan penyusunan rencana pembangunan desa",
        "pelatihan aparatur pemerintah desa",
    ]
    assert "RUANG LINGKUP DAN BENTUK KEGIATAN" in rule


def test_items_as_sentences_with_a_party_as_subject() -> None:
    text = """Pasal 3
OBJEK KERJA SAMA
Dalam rangka pelaksanaan Perjanjian ini, PARA PIHAK sepakat:
PIHAK KESATU menyediakan lahan dan perizinan yang diperlukan.
PIHAK KEDUA melaksanakan pembangunan instalasi pengolahan air
limbah domestik. PARA PIHAK bersama-sama melakukan pemeliharaan instalasi.
Pasal 4
HAK DAN KEWAJIBAN"""
    value, confidence, rule = _scope_rule(text)
    assert value == [
        "PIHAK KESATU menyediakan lahan dan perizinan yang diperlukan",
        "PIHAK KEDUA melaksanakan pembangunan instalasi pengolahan air limbah domestik",
        "PARA PIHAK bersama-sama melakukan pemeliharaan instalasi",
    ]
    assert "(sentences)" in rule and confidence >= 0.7
    # one sentence about the parties is a remark, not a list of sentence items
    one = (
        "Pasal 3\nOBJEK\nObjek perjanjian ini adalah pengelolaan parkir.\n"
        "PARA PIHAK menyepakati tarifnya."
    )
    assert scope(one) == ["pengelolaan parkir"]


def test_paraf_box_and_page_count_glued_to_an_item_are_cut() -> None:
    text = """Pasal 2
LINGKUP KERJA SAMA
Lingkup kerja sama ini meliputi:
a. penyelenggaraan praktik kerja lapangan bagi siswa;
b. pemagangan guru produktif di industri; dan PARAF PIHAK KESATU PIHAK KEDUA 3 dari 7
c. sertifikasi kompetensi lulusan.
Pasal 3
JANGKA WAKTU"""
    value, confidence, rule = _scope_rule(text)
    assert value == [
        "penyelenggaraan praktik kerja lapangan bagi siswa",
        "pemagangan guru produktif di industri",
        "sertifikasi kompetensi lulusan",
    ]
    assert "1 cut" in rule and confidence >= 0.8


def test_paraf_cells_on_their_own_lines_do_not_end_the_article() -> None:
    # the paraf cells read like a signature heading; beside "Paraf" they are furniture
    text = """Pasal 2
RUANG LINGKUP
Ruang lingkup kerja sama ini meliputi:
a. pembinaan usaha kecil dan menengah;
Paraf
PIHAK KESATU PIHAK KEDUA
Halaman 2 dari 5
b. promosi produk unggulan daerah.
Pasal 3
BIAYA"""
    assert scope(text) == ["pembinaan usaha kecil dan menengah", "promosi produk unggulan daerah"]


def test_the_article_ends_at_the_signature_block_without_a_next_pasal() -> None:
    text = """Pasal 9
RUANG LINGKUP
Ruang lingkup meliputi:
a. pelatihan kader posyandu;
b. penyuluhan gizi keluarga.
Ditandatangani di Garut pada tanggal tersebut di atas.
PIHAK KESATU PIHAK KEDUA"""
    value, confidence, rule = _scope_rule(text)
    assert value == ["pelatihan kader posyandu", "penyuluhan gizi keluarga"]
    assert "end: closing" in rule and confidence >= 0.8


def test_confidence_drops_when_the_scope_boundary_is_uncertain() -> None:
    clean = "Pasal 2\nRUANG LINGKUP\na. pelatihan guru;\nb. magang siswa.\nPasal 3\nBIAYA"
    _, sure, _ = _scope_rule(clean)
    # no next article and no signature block: the end of the article was not found
    _, open_end, rule = _scope_rule("Pasal 2\nRUANG LINGKUP\na. pelatihan guru;\nb. magang siswa.")
    assert open_end < sure and "article end not found" in rule
    # furniture-like text left inside an item (an unusual footer shape)
    leftover = clean.replace("magang siswa.", "magang siswa Hal 2 dr 6 Paraf: ....")
    _, low, rule = _scope_rule(leftover)
    assert low < sure and "furniture" in rule  # cut out of the item, and still doubted
    assert _scope_rule(leftover)[0][-1] == "magang siswa"
    long_item = clean.replace("magang siswa.", "magang siswa " + "dan praktik kerja " * 20 + ".")
    _, low, rule = _scope_rule(long_item)
    assert low < sure and "very long item" in rule


def test_nested_lists_with_numbered_letters_and_dashes_join_their_parent() -> None:
    text = """Pasal 4
RUANG LINGKUP
Ruang lingkup kerja sama ini meliputi:
1. bidang pendidikan, yang terdiri atas:
a) pelatihan guru;
b) beasiswa siswa berprestasi;
2. bidang kesehatan:
- penyuluhan gizi;
- pemeriksaan kesehatan berkala;
3. bidang lain yang disepakati.
Pasal 5
PEMBIAYAAN"""
    assert scope(text) == [
        "bidang pendidikan, yang terdiri atas: pelatihan guru, beasiswa siswa berprestasi",
        "bidang kesehatan: penyuluhan gizi, pemeriksaan kesehatan berkala",
        "bidang lain yang disepakati",
    ]


def test_items_without_markers_are_split_at_semicolons_after_the_introduction() -> None:
    # one paragraph per item, no "a." / "1.": the ';' between items is what separates them
    text = """PASAL 2
OBJEK PERJANJIAN
Ruang lingkup Perjanjian Kerja Sama ini meliputi:
penyelenggaraan forum satu data daerah;
pembinaan statistik sektoral; dan
kegiatan lain yang disepakati oleh PARA PIHAK.
PASAL 3
PELAKSANAAN"""
    assert scope(text) == [
        "penyelenggaraan forum satu data daerah",
        "pembinaan statistik sektoral",
        "kegiatan lain yang disepakati oleh PARA PIHAK",
    ]
    # one sentence with commas only is not cut into pieces
    one = text.replace(";", ",")
    finding = find_scope(DocText.from_string(one))
    assert len(finding.value) == 1
    assert any("list seems to stand" in w for w in finding.warnings)


def test_ocr_reads_the_first_ayat_number_as_empty_parentheses_or_a_letter() -> None:
    for first in ("()", "(l)", "(I)", "(J)"):
        text = f"""Pasal 2
BIDANG KEGIATAN
Ruang lingkup Kesepakatan Bersama ini meliputi:
{first} Fasilitasi akses permodalan,
(2) Pendampingan sertifikasi halal:
(3) Pelatihan kewirausahaan.
Pasal 3
PELAKSANAAN"""
        assert scope(text) == [
            "Fasilitasi akses permodalan",
            "Pendampingan sertifikasi halal",
            "Pelatihan kewirausahaan",
        ], first


def test_bullets_that_ocr_scattered_over_symbols_still_mark_items() -> None:
    text = """PASAL 2
RUANG LINGKUP / SCOPE
Nota Kesepahaman ini mencakup kegiatan sebagai berikut:
# Penyusunan arsitektur sistem pemerintahan berbasis elektronik,
" Peningkatan keamanan informasi dan persandian,
" Integrasi data dan interoperabilitas sistem informasi: dan
« Pemanfaatan bersama pusat data.
PASAL 3
PEMBIAYAAN"""
    assert scope(text) == [
        "Penyusunan arsitektur sistem pemerintahan berbasis elektronik",
        "Peningkatan keamanan informasi dan persandian",
        "Integrasi data dan interoperabilitas sistem informasi",
        "Pemanfaatan bersama pusat data",
    ]


def test_a_page_count_read_into_the_middle_of_an_item_is_cut_and_doubted() -> None:
    # a skewed scan: the footer of page 3 is read into the line that continues item b
    clean = """Pasal 2
RUANG LINGKUP
a. pelatihan aparatur;
b. pendampingan penyusunan dokumen
perencanaan daerah; dan
c. pertukaran data.
Pasal 3
PEMBIAYAAN"""
    torn = clean.replace(
        "perencanaan daerah", "Paraf PIHAK KESATU PIHAK KEDUA Halaman 3 dari 7 perencanaan daerah"
    )
    sure, cut = find_scope(DocText.from_string(clean)), find_scope(DocText.from_string(torn))
    assert cut.value == sure.value
    assert cut.value[1] == "pendampingan penyusunan dokumen perencanaan daerah"
    assert cut.confidence < sure.confidence
    assert any("furniture cut from inside" in w for w in cut.warnings)


def test_a_scope_found_only_under_a_weak_heading_is_less_sure() -> None:
    body = "\na. pelatihan guru;\nb. magang siswa.\nPasal 3\nPEMBIAYAAN"
    strong = find_scope(DocText.from_string("Pasal 2\nRUANG LINGKUP KERJA SAMA" + body))
    weak = find_scope(DocText.from_string("Pasal 2\nKEGIATAN" + body))
    assert strong.value == weak.value == ["pelatihan guru", "magang siswa"]
    assert weak.confidence < strong.confidence
    assert any("weak heading" in w for w in weak.warnings)
    materi = find_scope(DocText.from_string("PASAL 2\nMATERI KERJA SAMA" + body))
    assert materi.value == ["pelatihan guru", "magang siswa"] and not materi.warnings


def test_an_item_repeating_the_title_like_a_running_header_lowers_confidence() -> None:
    title = "NOTA KESEPAHAMAN ANTARA PEMERINTAH KOTA BAU BAU DAN PT KARYA NUSA"
    clean = f"""{title}
Pasal 2
RUANG LINGKUP
a. pelatihan aparatur sipil negara;
b. pendampingan teknis penyusunan dokumen perencanaan.
Pasal 3
PEMBIAYAAN"""
    running = clean.replace(
        "b. pendampingan teknis",
        "b. pendampingan Nota Kesepahaman antara Pemerintah Kota Bau Bau dan PT Karya Nusa teknis",
    )
    sure, doubted = find_scope(DocText.from_string(clean)), find_scope(DocText.from_string(running))
    assert doubted.confidence < sure.confidence
    assert any("repeats the title" in w for w in doubted.warnings)
    # an item that merely shares the topic's words with the title is no running header
    assert not any("repeats the title" in w for w in sure.warnings)


def test_obligation_sentences_across_a_page_break_with_furniture_between() -> None:
    text = """PASAL 2
RUANG LINGKUP
PIHAK KESATU berkewajiban menyediakan data dan informasi yang diperlukan sesuai
dengan rencana kerja yang disepakati bersama.
PIHAK KEDUA berkewajiban melaksanakan pendampingan teknis penyusunan dokumen
Paraf PIHAK KESATU PIHAK KEDUA
Halaman 2 dari 6
perencanaan daerah dan melaporkan hasilnya secara berkala.
PARA PIHAK bersama-sama melaksanakan monitoring dan evaluasi.
PASAL 3
PEMBIAYAAN"""
    assert scope(text) == [
        "PIHAK KESATU berkewajiban menyediakan data dan informasi yang diperlukan sesuai "
        "dengan rencana kerja yang disepakati bersama",
        "PIHAK KEDUA berkewajiban melaksanakan pendampingan teknis penyusunan dokumen "
        "perencanaan daerah dan melaporkan hasilnya secara berkala",
        "PARA PIHAK bersama-sama melaksanakan monitoring dan evaluasi",
    ]


def test_bullets_lost_by_ocr_with_commas_for_semicolons_split_at_line_ends() -> None:
    text = """PASAL 2
RUANG LINGKUP
Nota Kesepahaman ini mencakup kegiatan sebagai berikut:
Perluasan akses pasar melalui platform digital,
Fasilitasi akses permodalan dan pembiayaan:
Penyediaan ruang promosi produk unggulan daerah, dan
kegiatan lain yang disepakati oleh PARA PIHAK sesuai dengan ketentuan
peraturan perundang-undangan.
PASAL 3
PELAKSANAAN"""
    assert scope(text) == [
        "Perluasan akses pasar melalui platform digital",
        "Fasilitasi akses permodalan dan pembiayaan",
        "Penyediaan ruang promosi produk unggulan daerah",
        "kegiatan lain yang disepakati oleh PARA PIHAK sesuai dengan ketentuan peraturan "
        "perundang-undangan",
    ]


def test_paraf_cells_and_letterhead_read_mid_page_leave_the_sentence_items() -> None:
    text = """PASAL 2
BIDANG KEGIATAN
PIHAK KESATU bertugas menyusun metadata dan melaporkan hasilnya kepada PARA PIHAK.
PIHAK KESATU
Jalan Imam Bonjol Nomor 80, Jayapura Telepon (061) 547745 Laman: www.jayapurakota.go.id
PIHAK KEDUA
PIHAK KEDUA berkewajiban membina penyelenggaraan statistik sektoral sesuai
dengan rencana kerja yang disepakati bersama dan kebutuhan
PIHAK KESATU
PASAL 3
PEMBIAYAAN"""
    finding = find_scope(DocText.from_string(text))
    assert finding.value == [
        "PIHAK KESATU bertugas menyusun metadata dan melaporkan hasilnya kepada PARA PIHAK",
        "PIHAK KEDUA berkewajiban membina penyelenggaraan statistik sektoral sesuai dengan "
        "rencana kerja yang disepakati bersama dan kebutuhan PIHAK KESATU",
    ]
    rule = finding.evidence[0].rule or ""
    assert "stray paraf/letterhead lines dropped: 3" in rule and not finding.warnings


@pytest.mark.parametrize(
    "furniture",
    [
        "PARAF PIHAK KESATU PIHAK KEDUA 3 dari 7",
        "| PARAF PIHAK KESATU Ag PIHAK KEDUA | 3 dari 7",
        "[Paraf PIHAK I PIHAK II Hal. 3/7",
        "Paraf: PIHAK KESATU | PIHAK KEDUA — 3 dari 7",
    ],
)
def test_an_item_running_into_the_paraf_box_and_page_count_ends_before_them(
    furniture: str,
) -> None:
    text = f"""Pasal 2
RUANG LINGKUP
a. pelatihan aparatur;
b. pendampingan teknis; dan {furniture}
c. pertukaran data.
Pasal 3
PEMBIAYAAN"""
    assert scope(text) == ["pelatihan aparatur", "pendampingan teknis", "pertukaran data"]


def test_a_word_ocr_broke_in_two_lowers_confidence() -> None:
    clean = (
        "Pasal 2\nRUANG LINGKUP\na. pengembangan sarana praktikum;\nb. magang di industri."
        "\nPasal 3\nBIAYA"
    )
    broken = clean.replace("pengembangan", "pe ngembangan")
    sure, doubted = find_scope(DocText.from_string(clean)), find_scope(DocText.from_string(broken))
    assert doubted.confidence < sure.confidence and not sure.warnings
    assert any("broken by OCR" in w for w in doubted.warnings)


def test_paraf_cells_missed_at_a_page_foot_do_not_end_the_scope_article() -> None:
    text = """Pasal 2
RUANG LINGKUP
a. pelatihan aparatur;
b. pendampingan teknis;
PIHAK KESATU PIHAK KEDUA
c. pertukaran data; dan
d. kegiatan lain yang disepakati.
Pasal 3
PEMBIAYAAN"""
    assert scope(text) == [
        "pelatihan aparatur",
        "pendampingan teknis",
        "pertukaran data",
        "kegiatan lain yang disepakati",
    ]
    # the signature heading after the last article still closes it
    for under in ("BUPATI SUKABUMI,", "a.n. BUPATI SUKABUMI", "ttd"):
        signed = f"""Pasal 2
RUANG LINGKUP
a. pelatihan aparatur;
b. pendampingan teknis.
PIHAK KESATU PIHAK KEDUA
{under}
c. BUDI SANTOSO"""
        assert scope(signed) == ["pelatihan aparatur", "pendampingan teknis"], under
