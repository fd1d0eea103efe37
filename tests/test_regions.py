"""Institution names to kind and Kemendagri region, with the OCR bounds pinned."""

from __future__ import annotations

import pytest

from extractor.regions import classify_institution, find_regions, region_index


@pytest.mark.parametrize(
    "name",
    [
        "Pemkab Sidoarjo",
        "Kab. Sidoarjo",
        "PEMERINTAH KABUPATEN SIDOARJO",
        "Pemerintah Daerah Kabupaten Sidoarjo Provinsi Jawa Timur",
    ],
)
def test_every_way_of_writing_a_kabupaten_lands_on_its_code(name: str) -> None:
    assert classify_institution(name) == ("pemkab", "35.15", "Kabupaten Sidoarjo")


def test_kota_and_kabupaten_of_the_same_name_are_not_confused() -> None:
    assert classify_institution("Pemerintah Kota Sukabumi") == ("pemkot", "32.72", "Kota Sukabumi")
    assert classify_institution("Pemkot Sukabumi")[1] == "32.72"
    assert classify_institution("Pemerintah Kabupaten Sukabumi") == (
        "pemkab",
        "32.02",
        "Kabupaten Sukabumi",
    )
    assert classify_institution("Pemerintah Kabupaten Bandung")[1] == "32.04"
    assert classify_institution("Pemerintah Kabupaten Bandung Barat")[1] == "32.17"
    assert classify_institution("Pemerintah Kota Bandung")[1] == "32.73"


def test_provinces_including_those_without_a_type_word() -> None:
    assert classify_institution("Pemerintah Provinsi Jawa Barat") == ("pemprov", "32", "Jawa Barat")
    assert classify_institution("Pemprov Kepri")[1] == "21"
    assert classify_institution("Pemerintah Provinsi DKI Jakarta")[1] == "31"
    assert classify_institution("Pemerintah Daerah Istimewa Yogyakarta")[:2] == ("pemprov", "34")


def test_the_most_specific_region_wins() -> None:
    kind, code, name = classify_institution("Pemerintah Kabupaten Garut Provinsi Jawa Barat")
    assert (kind, code, name) == ("pemkab", "32.05", "Kabupaten Garut")


def test_regional_organs_count_under_their_government() -> None:
    assert classify_institution("Dinas Perhubungan Kota Malang") == (
        "pemkot",
        "35.73",
        "Kota Malang",
    )
    assert classify_institution("Rumah Sakit Umum Daerah Kabupaten Klaten")[:2] == (
        "pemkab",
        "33.10",
    )
    assert classify_institution("Satuan Polisi Pamong Praja Kabupaten Garut")[1] == "32.05"


def test_dprd_keeps_its_region_and_a_bumd_is_a_company_without_one() -> None:
    assert classify_institution("DPRD Kota Surabaya") == ("dprd", "35.78", "Kota Surabaya")
    assert classify_institution("Dewan Perwakilan Rakyat Daerah Provinsi Bali")[:2] == (
        "dprd",
        "51",
    )
    assert classify_institution("Perumda Air Minum Kota Malang") == ("bumd", None, None)
    assert classify_institution("Perusahaan Umum Daerah Pasar Kota Gorontalo")[0] == "bumd"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Kementerian Dalam Negeri Republik Indonesia", "kementerian"),
        ("Direktorat Jenderal Bina Keuangan Daerah Kementerian Dalam Negeri", "kementerian"),
        ("Badan Pusat Statistik", "lembaga"),
        ("Universitas Negeri Malang", "universitas"),
        ("Politeknik Negeri Jember", "universitas"),
        ("Fakultas Hukum Universitas Airlangga", "universitas"),
        ("PT Bank Rakyat Indonesia (Persero) Tbk", "bumn"),
        ("PT Telkom Indonesia", "bumn"),
        ("PT Sinar Jaya Abadi", "swasta"),
        ("CV Karya Mandiri", "swasta"),
        ("Yayasan Pendidikan Nusantara", "lainnya"),
        ("Koperasi Serba Usaha Tani Makmur", "lainnya"),
        ("Badan Pengawasan Keuangan dan Pembangunan", "lembaga"),
        ("Sekolah Menengah Atas Negeri 2 Kota Kediri", "lainnya"),
    ],
)
def test_kinds_of_national_and_private_parties(name: str, kind: str) -> None:
    got_kind, code, _ = classify_institution(name)
    assert got_kind == kind
    assert code is None


def test_ocr_damage_within_the_bound_still_matches() -> None:
    # one letter wrong in the type word and one in the name
    assert classify_institution("PEMERINTAH KABUPALEN SIDOARJQ")[1] == "35.15"
    assert classify_institution("Pemerintah Kota Surabya")[1] == "35.78"


def test_ocr_damage_beyond_the_bound_gives_no_region() -> None:
    kind, code, name = classify_institution("Pemerintah Kabupaten Sdrjo")
    assert code is None and name is None
    assert kind == "lainnya"


def test_a_company_in_a_city_is_not_a_regional_government() -> None:
    assert classify_institution("PT Maju Bersama Kota Batam") == ("swasta", None, None)


def test_region_index_holds_every_province_and_kabupaten_kota() -> None:
    index = region_index()
    assert len(index.by_type["provinsi"]) == 38
    assert len(index.by_type["kabupaten"]) + len(index.by_type["kota"]) == 514
    assert region_index() is index  # built once per process
    assert [r.code for r, _, _ in find_regions("antara Kota Batu dan Kabupaten Malang")] == [
        "35.79",
        "35.07",
    ]


def test_the_administrative_kabupaten_is_found_like_the_administrative_kota() -> None:
    assert classify_institution("Pemerintah Kabupaten Administrasi Kepulauan Seribu")[:2] == (
        "pemkab",
        "31.01",
    )
    assert classify_institution("Pemerintah Kab. Adm. Kepulauan Seribu")[1] == "31.01"
