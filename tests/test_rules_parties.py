"""Parties: role, institution, signatory and jabatan from the parties clause,
the heading and the signature block, as agreements (and OCR) write them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.rules.parties import find_parties
from extractor.text import DocText
from models.extraction import Party


def parties(text: str) -> list[Party]:
    return find_parties(DocText.from_string(text)).value


def rows(found: list[Party]) -> list[tuple[str | None, ...]]:
    return [(p.role, p.institution, p.signatory, p.title) for p in found]


TWO_COLUMN = """NOTA KESEPAHAMAN
ANTARA
PEMERINTAH KABUPATEN TRENGGALEK
DAN
UNIVERSITAS NEGERI MALANG
TENTANG
PENGEMBANGAN SUMBER DAYA MANUSIA
Pada hari ini Rabu tanggal tiga bulan Juli tahun dua ribu dua puluh empat,
yang bertanda tangan di bawah ini:
1. Dr. H. ARIF WICAKSONO, : Bupati Trenggalek, dalam hal ini bertindak
M.Si. untuk dan atas nama Pemerintah Kabupaten
Trenggalek, berkedudukan di Jalan Panglima
Sudirman Nomor 2 Trenggalek, selanjutnya
disebut PIHAK PERTAMA.
2. Prof. Dr. Ir. SITI RAHAYU, : Rektor Universitas Negeri Malang, yang
M.Pd. diangkat berdasarkan Keputusan Menteri
Nomor 12/M/KPT/2022, dalam hal ini bertindak
untuk dan atas nama Universitas Negeri Malang,
selanjutnya disebut PIHAK KEDUA.
PIHAK PERTAMA dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK.
Pasal 1
MAKSUD DAN TUJUAN
Maksud Nota Kesepahaman ini adalah kerja sama.
Pasal 2
PENUTUP
Nota Kesepahaman ini dibuat rangkap dua.
PIHAK KEDUA, PIHAK PERTAMA,
Rektor Universitas Negeri Malang Bupati Trenggalek
Prof. Dr. Ir. SITI RAHAYU, M.Pd. Dr. H. ARIF WICAKSONO, M.Si.
Mengetahui,
Kepala Dinas Pendidikan Kabupaten Trenggalek
Drs. BAMBANG SUTRISNO, M.M.
NIP. 19680101 199303 1 004"""


def test_two_column_clause_with_titles_wrapped_into_the_jabatan_column() -> None:
    found = parties(TWO_COLUMN)
    assert rows(found) == [
        (
            "PIHAK PERTAMA",
            "Pemerintah Kabupaten Trenggalek",
            "Dr. H. ARIF WICAKSONO, M.Si.",
            "Bupati Trenggalek",
        ),
        (
            "PIHAK KEDUA",
            "Universitas Negeri Malang",
            "Prof. Dr. Ir. SITI RAHAYU, M.Pd.",
            "Rektor Universitas Negeri Malang",
        ),
    ]
    assert (found[0].kind, found[0].region_code, found[0].region_name) == (
        "pemkab",
        "35.03",
        "Kabupaten Trenggalek",
    )
    assert (found[1].kind, found[1].region_code) == ("universitas", None)


def test_mengetahui_officials_are_not_parties() -> None:
    found = parties(TWO_COLUMN)
    assert len(found) == 2
    assert all("BAMBANG" not in (p.signatory or "") for p in found)


def test_nama_jabatan_form_with_pihak_kesatu_roles() -> None:
    text = """PERJANJIAN KERJA SAMA
ANTARA
PT SINAR LOGISTIK NUSANTARA
DENGAN
SEKOLAH MENENGAH KEJURUAN NEGERI 3 KENDAL
kami yang bertanda tangan di bawah ini:
1. Nama : BUDI HARTONO, S.T., M.M.
Jabatan : Direktur Operasional PT Sinar Logistik
Nusantara
Alamat : Jalan Pemuda Nomor 8 Semarang
Dalam hal ini bertindak untuk dan atas nama PT Sinar Logistik Nusantara,
selanjutnya disebut PIHAK KESATU.
2. Nama : Dra. ENDANG LESTARI, M.Pd
Jabatan : Kepala Sekolah
Alamat : Jalan Soekarno Hatta Kendal
Dalam hal ini bertindak untuk dan atas nama Sekolah Menengah Kejuruan Negeri 3
Kendal, selanjutnya disebut PIHAK KEDUA."""
    assert rows(parties(text)) == [
        (
            "PIHAK KESATU",
            "PT Sinar Logistik Nusantara",
            "BUDI HARTONO, S.T., M.M.",
            "Direktur Operasional PT Sinar Logistik Nusantara",
        ),
        (
            "PIHAK KEDUA",
            "Sekolah Menengah Kejuruan Negeri 3 Kendal",
            "Dra. ENDANG LESTARI, M.Pd",
            "Kepala Sekolah",
        ),
    ]


def test_prose_form_diwakili_oleh_selaku() -> None:
    text = """Perjanjian ini dibuat oleh dan antara:
I. PT BANK PEMBANGUNAN DAERAH JAWA TIMUR Tbk, suatu perseroan terbatas, berkedudukan
di Surabaya, dalam hal ini diwakili oleh Rina Kusumawati, yang bertindak dalam
jabatannya selaku Pemimpin Cabang Madiun berdasarkan Surat Kuasa Direksi
Nomor 001/2023, oleh karenanya sah bertindak untuk dan atas nama PT Bank
Pembangunan Daerah Jawa Timur Tbk, untuk selanjutnya disebut PIHAK PERTAMA;
II. POLITEKNIK NEGERI MADIUN, dalam hal ini diwakili Dr. Ir. Agus Salim, M.T. selaku
Direktur Politeknik Negeri Madiun, dalam hal ini bertindak untuk dan atas nama
Politeknik Negeri Madiun, yang selanjutnya disebut sebagai PIHAK KEDUA."""
    found = parties(text)
    assert rows(found) == [
        (
            "PIHAK PERTAMA",
            "PT Bank Pembangunan Daerah Jawa Timur Tbk",
            "Rina Kusumawati",
            "Pemimpin Cabang Madiun",
        ),
        (
            "PIHAK KEDUA",
            "Politeknik Negeri Madiun",
            "Dr. Ir. Agus Salim, M.T.",
            "Direktur Politeknik Negeri Madiun",
        ),
    ]
    assert found[0].kind == "bumd"
    assert found[1].kind == "universitas"


def test_three_parties_and_heading_order_different_from_role_order() -> None:
    text = """KESEPAKATAN BERSAMA
ANTARA
PEMERINTAH PROVINSI JAWA TENGAH
DENGAN
PEMERINTAH KOTA SEMARANG
DAN
PEMERINTAH KABUPATEN DEMAK
yang bertanda tangan di bawah ini:
1. H. SUTRISNO, S.H. : Wali Kota Semarang, dalam hal ini bertindak untuk
dan atas nama Pemerintah Kota Semarang, selanjutnya disebut PIHAK PERTAMA.
2. Ir. HENDRA WIJAYA : Gubernur Jawa Tengah, dalam hal ini bertindak untuk
dan atas nama Pemerintah Provinsi Jawa Tengah, selanjutnya disebut PIHAK KEDUA.
3. Dra. SRI WAHYUNI, M.Si : Bupati Demak, dalam hal ini bertindak untuk dan
atas nama Pemerintah Kabupaten Demak, selanjutnya disebut PIHAK KETIGA."""
    found = parties(text)
    assert [(p.role, p.institution, p.kind, p.region_code) for p in found] == [
        ("PIHAK PERTAMA", "Pemerintah Kota Semarang", "pemkot", "33.74"),
        ("PIHAK KEDUA", "Pemerintah Provinsi Jawa Tengah", "pemprov", "33"),
        ("PIHAK KETIGA", "Pemerintah Kabupaten Demak", "pemkab", "33.21"),
    ]
    assert [p.signatory for p in found] == [
        "H. SUTRISNO, S.H.",
        "Ir. HENDRA WIJAYA",
        "Dra. SRI WAHYUNI, M.Si",
    ]
    assert [p.title for p in found] == [
        "Wali Kota Semarang",
        "Gubernur Jawa Tengah",
        "Bupati Demak",
    ]


def test_ocr_damaged_keywords_within_the_bounds() -> None:
    # eng reads PIHAK as PHAK, "disebut" as "disebul", "atas nama" glued as "atasn ama"
    text = """yang bertanda tangan di bawah ini:
1. Ir. WAHYU PRATAMA : Kepala Balai Latihan Kerja, bertindak untuk dan atasn ama
Balai Latihan Kerja Lembang, selanjutnya disebul PHAK PERTAMA.
2. SITI AMINAH, S.E. : Direktur CV Maju Jaya, bertindak untuk dan atas nama
CV Maju Jaya, selanjutnya disebut PIHAK\n| KEDUA."""
    found = parties(text)
    assert [p.role for p in found] == ["PIHAK PERTAMA", "PIHAK KEDUA"]
    assert [p.institution for p in found] == ["Balai Latihan Kerja Lembang", "CV Maju Jaya"]
    assert found[1].kind == "swasta"


def test_keywords_beyond_the_bounds_are_not_guessed() -> None:
    text = """1. ANDI : Direktur PT X, atas nama PT X, selanjutnya dibuat PARA PERTAMA.
2. BUDI : Direktur PT Y, atas nama PT Y, selanjutnya dibuat PARA KEDUA."""
    finding = find_parties(DocText.from_string(text))
    assert finding.value == []
    assert finding.confidence <= 0.3


def test_interleaved_signature_block_fills_a_name_the_clause_lost() -> None:
    # OCR put the second name after the definition; the signature block still has it
    text = """PERJANJIAN KERJA SAMA
ANTARA
PEMERINTAH KABUPATEN MAGETAN
DENGAN
PEMERINTAH KABUPATEN NGAWI
kami yang bertanda tangan di bawah ini:
I. SUPRAWOTO Bupati Magetan, bertindak untuk dan atas nama Pemerintah
Kabupaten Magetan, selanjutnya disebut PIHAK KESATU.
Bupati Ngawi, bertindak untuk dan atas nama Pemerintah Kabupaten Ngawi,
selanjutnya disebut PIHAK KEDUA.
II. ONY ANWAR
Pasal 1
PENUTUP
Perjanjian ini ditandatangani PARA PIHAK.
Pasal 2
LAIN-LAIN
Hal lain diatur kemudian.
PIHAK KEDUA
BUPATI NGAWI,
ONY ANWAR HARSONO"""
    found = parties(text)
    assert rows(found) == [
        ("PIHAK KESATU", "Pemerintah Kabupaten Magetan", "SUPRAWOTO", "Bupati Magetan"),
        ("PIHAK KEDUA", "Pemerintah Kabupaten Ngawi", "ONY ANWAR HARSONO", "Bupati Ngawi"),
    ]


def test_signature_block_gives_the_fuller_form_of_a_name() -> None:
    text = """yang bertanda tangan di bawah ini:
1. Yusuf Hamdani : Direktur Rumah Sakit Bhakti Husada, bertindak untuk dan atas
nama Rumah Sakit Bhakti Husada, selanjutnya disebut PIHAK PERTAMA.
2. Maria Ulfa, M.Pd : Kepala Sekolah Menengah Atas Negeri 1 Blitar, bertindak untuk
dan atas nama Sekolah Menengah Atas Negeri 1 Blitar, selanjutnya disebut PIHAK KEDUA.
Pasal 1
TUJUAN
Kerja sama pelayanan kesehatan siswa.
Pasal 2
PENUTUP
Dibuat dalam dua rangkap.
PIHAK PERTAMA PIHAK KEDUA
dr. Yusuf Hamdani, Sp.A Maria Ulfa, M.Pd"""
    found = parties(text)
    assert found[0].signatory == "dr. Yusuf Hamdani, Sp.A"  # the block prints it fuller
    assert found[1].signatory == "Maria Ulfa, M.Pd"
    assert found[0].institution == "Rumah Sakit Bhakti Husada"
    assert found[0].kind == "lainnya"


def test_heading_spells_out_what_the_clause_abbreviates() -> None:
    text = """PERJANJIAN KERJA SAMA
ANTARA
PROGRAM STUDI TEKNIK SIPIL FAKULTAS TEKNIK UNIVERSITAS JEMBER
DENGAN
PT KONSTRUKSI MANDIRI
bertanda tangan di bawah ini:
1. Nama : Dr. Rudi Santoso, S.T., M.T.
Jabatan : Koordinator Prodi Teknik Sipil FT-UNEJ
Dalam hal ini bertindak untuk dan atas nama Prodi Teknik Sipil FT-UNEJ, selanjutnya
disebut PIHAK KESATU.
2. Nama : Hendro Wibowo
Jabatan : Direktur Utama
Dalam hal ini bertindak untuk dan atas nama PT Konstruksi Mandiri Jember, selanjutnya
disebut PIHAK KEDUA."""
    found = parties(text)
    assert [p.institution for p in found] == [
        "PROGRAM STUDI TEKNIK SIPIL FAKULTAS TEKNIK UNIVERSITAS JEMBER",
        "PT Konstruksi Mandiri",
    ]
    assert found[1].title == "Direktur Utama"


def test_a_dinas_head_signing_for_the_pemda_makes_the_dinas_the_party() -> None:
    text = """di bawah ini:
I. Drs. AHMAD FAUZI, M.M. : Kepala Dinas Perhubungan Kabupaten Lamongan,
berdasarkan Keputusan Bupati Lamongan Nomor 800/12/2023, dalam hal ini
bertindak untuk dan atas nama Pemerintah Kabupaten Lamongan berdasarkan
Surat Kuasa Bupati Lamongan Nomor 180/5/2024, selanjutnya disebut PIHAK KESATU.
II. BAGUS PRASETYO : Direktur PT Trans Jaya, dalam hal ini bertindak untuk dan
atas nama PT Trans Jaya, selanjutnya disebut PIHAK KEDUA."""
    found = parties(text)
    assert found[0].institution == "Dinas Perhubungan Kabupaten Lamongan"
    assert found[0].title == "Kepala Dinas Perhubungan Kabupaten Lamongan"
    assert (found[0].kind, found[0].region_code) == ("pemkab", "35.24")
    finding = find_parties(DocText.from_string(text))
    assert finding.confidence >= 0.8
    assert len(finding.evidence) == 2 and "PIHAK KESATU" in finding.evidence[0].text


def test_company_named_where_the_jabatan_would_be_gives_no_title() -> None:
    text = """di bawah ini:
1. HARYONO . PT. Surya Abadi, berkedudukan di Batam, dalam hal ini bertindak untuk
dan atas nama PT. Surya Abadi selanjutnya disebut PIHAK KESATU.
2. LINA MARLINA, S.Pd : Kepala Sekolah Dasar Negeri 4 Batam, bertindak untuk dan atas
nama Sekolah Dasar Negeri 4 Batam, selanjutnya disebut PIHAK KEDUA."""
    found = parties(text)
    assert rows(found) == [
        ("PIHAK KESATU", "PT. Surya Abadi", "HARYONO", None),
        (
            "PIHAK KEDUA",
            "Sekolah Dasar Negeri 4 Batam",
            "LINA MARLINA, S.Pd",
            "Kepala Sekolah Dasar Negeri 4 Batam",
        ),
    ]


def test_roman_role_numbers_are_kept_as_written() -> None:
    text = """di bawah ini:
1. RAHMAT HIDAYAT : Direktur PT Karya Tani, bertindak untuk dan atas nama PT Karya Tani,
selanjutnya disebut PIHAK I.
2. SUSI SUSANTI, S.P. : Kepala Desa Sukamaju, bertindak untuk dan atas nama Pemerintah
Desa Sukamaju, selanjutnya disebut PIHAK II."""
    found = parties(text)
    assert [(p.role, p.institution) for p in found] == [
        ("PIHAK I", "PT Karya Tani"),
        ("PIHAK II", "Pemerintah Desa Sukamaju"),
    ]
    assert found[1].kind == "lainnya"  # a village government has no kabupaten/kota code


def test_comma_form_and_ocr_damage_around_the_name() -> None:
    # "1." read as "ls"; the name alone on its line with the jabatan column below it;
    # the comma form "NAME, TITLES, NIP n, JABATAN, yang ..." for the other party
    text = """yang bertanda tangan di bawah ini:
ls Ir. Hendra Wijaya, M.T.
- Wali Kota Palu, dalam hal ini bertindak untuk dan atas
nama Pemerintah Kota Palu, selanjutnya disebut PIHAK KESATU.
II. Rina Marlina, S.E., NIP 197601012000032001, Deputi Bidang Pelayanan Publik,
yang diangkat berdasarkan Keputusan Presiden Nomor 10/P Tahun 2021, dalam hal ini
bertindak untuk dan atas nama Ombudsman Republik Indonesia, selanjutnya disebut
PIHAK KEDUA."""
    found = parties(text)
    assert rows(found) == [
        ("PIHAK KESATU", "Pemerintah Kota Palu", "Ir. Hendra Wijaya, M.T.", "Wali Kota Palu"),
        (
            "PIHAK KEDUA",
            "Ombudsman Republik Indonesia",
            "Rina Marlina, S.E.",
            "Deputi Bidang Pelayanan Publik",
        ),
    ]
    assert (found[0].kind, found[0].region_code) == ("pemkot", "72.71")
    assert found[1].kind == "lembaga"


def test_title_block_in_running_lines_and_dinamakan() -> None:
    text = """NOTA KESEPAHAMAN ANTARA PEMERINTAH KABUPATEN SLEMAN DENGAN
PT ANGKASA DATA NUSANTARA TENTANG LAYANAN PERIZINAN DIGITAL
Pada hari ini Senin tanggal satu bulan April tahun dua ribu dua puluh empat, kami yang
bertanda tangan di bawah ini:
1. Drs. KUSTINI SRI PURNOMO : Bupati Sleman, selanjutnya dinamakan PIHAK PERTAMA.
2. ADI NUGROHO : Direktur Utama, selanjutnya dinamakan PIHAK KEDUA."""
    found = parties(text)
    assert rows(found) == [
        (
            "PIHAK PERTAMA",
            "PEMERINTAH KABUPATEN SLEMAN",
            "Drs. KUSTINI SRI PURNOMO",
            "Bupati Sleman",
        ),
        ("PIHAK KEDUA", "PT ANGKASA DATA NUSANTARA", "ADI NUGROHO", "Direktur Utama"),
    ]
    assert found[0].region_code == "34.04"


def test_prose_in_kedudukannya_and_institution_from_the_jabatan_as_last_resort() -> None:
    text = """Perjanjian ini dibuat oleh dan antara:
1. Koperasi Tani Makmur, dalam hal ini diwakili oleh Sulastri dalam kedudukannya selaku
Ketua Koperasi Tani Makmur, selanjutnya disebut PIHAK PERTAMA;
2. DEWI ANGGRAINI, S.Kom. : Kepala Balai Penyuluhan Pertanian Kecamatan Ngawen,
selanjutnya disebut PIHAK KEDUA."""
    found = parties(text)
    assert [(p.signatory, p.title) for p in found] == [
        ("Sulastri", "Ketua Koperasi Tani Makmur"),
        ("DEWI ANGGRAINI, S.Kom.", "Kepala Balai Penyuluhan Pertanian Kecamatan Ngawen"),
    ]
    assert found[0].institution == "Koperasi Tani Makmur"
    assert found[1].institution == "Balai Penyuluhan Pertanian Kecamatan Ngawen"


_WORDS = st.sampled_from(
    ["PIHAK", "PERTAMA", "KEDUA", "disebut", "atas nama", "Pasal 1", "RUANG LINGKUP", "DAN",
     "ANTARA", "Nama :", "Jabatan :", "a.", "1.", ":", ",", "M.Pd.", "Dr.", "\n", "Kota", "X"]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=60))
def test_rules_never_fail_on_fragments_of_agreement_words(words: list[str]) -> None:
    from extractor.rules.purpose import find_purpose
    from extractor.rules.scope import find_scope

    text = DocText.from_string(" ".join(words))
    found = find_parties(text)
    assert 0.0 <= found.confidence <= 1.0
    assert all(p.role and p.role.startswith("PIHAK ") for p in found.value)
    assert all(isinstance(item, str) and item for item in find_scope(text).value)
    assert find_purpose(text).value is None or find_purpose(text).value


COLON_COLUMN = """PERJANJIAN KERJA SAMA
ANTARA
PT. WIRA TEKNOLOGI INDONESIA
DAN
SEKOLAH MENENGAH KEJURUAN 6 BATAM
TENTANG
PEMBINAAN SEKOLAH MENENGAH KEJURUAN
Pada hari ini Senin, tanggal 7 (tujuh) bulan Desember tahun dua ribu dua puluh dua,
yang bertanda tangan di bawah ini:
TE
SUGENG PITOYO
- selaku Director PT. Wira Teknologi
Indonesia, berkedudukan di Kota Batam, dalam hal ini
bertindak untuk dan atas nama PT. Wira Teknologi Indonesia selanjutnya disebut
PIHAK KESATU.
2. NARA DEWA
1 Direktur Eksekutif Sekolah Menengah Kejuruan 6 Batam, dalam hal ini bertindak
untuk dan atas nama Sekolah Menengah Kejuruan 6 Batam, selanjutnya disebut PIHAK KEDUA."""


def test_the_colon_column_read_as_a_dash_selaku_or_a_one() -> None:
    """OCR reads the ':' between the name and jabatan columns as '- selaku' or '1', and
    the list marker '1.' as 'TE' on its own line."""
    first, second = parties(COLON_COLUMN)
    assert (first.signatory, first.title) == (
        "SUGENG PITOYO",
        "Director PT. Wira Teknologi Indonesia",
    )
    assert (second.signatory, second.title) == (
        "NARA DEWA",
        "Direktur Eksekutif Sekolah Menengah Kejuruan 6 Batam",
    )


def test_many_parties_with_long_ordinals() -> None:
    body = [
        "KESEPAKATAN BERSAMA",
        "TENTANG",
        "KERJA SAMA DAERAH",
        "yang bertanda tangan di bawah ini:",
    ]
    names = ["AGUS SANTOSO", "BUDI HARTONO", "DEWI LESTARI", "EKO PRASETYO"] * 7
    words = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN"]
    words += ["KESEMBILAN", "KESEPULUH", "KESEBELAS"] + [
        f"{w} BELAS" for w in ("KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH")
    ]
    words += ["KEDELAPAN BELAS", "KESEMBILAN BELAS", "KEDUA PULUH"]
    words += [
        f"KEDUA PULUH {u}"
        for u in ("SATU", "DUA", "TIGA", "EMPAT", "LIMA", "ENAM", "TUJUH", "DELAPAN")
    ]
    for k, (name, word) in enumerate(zip(names, words, strict=True), start=1):
        body += [
            f"{k}. {name} : Bupati Daerah {k}, bertindak untuk dan atas nama Pemerintah",
            f"Kabupaten Daerah {k}, selanjutnya disebut PIHAK {word}.",
        ]
    found = parties("\n".join(body))
    assert len(found) == 28
    assert found[-1].role == "PIHAK KEDUA PULUH DELAPAN"
    assert found[11].title == "Bupati Daerah 12"
