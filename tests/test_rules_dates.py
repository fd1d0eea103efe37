"""Dates in every form agreements use, and the signing-date traps."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from extractor.rules.dates import (
    MONTH_CUTOFF,
    WEEKDAY_CUTOFF,
    add_duration,
    find_dates,
    find_signing_date,
    month_of,
    parse_date,
    weekday_of,
)
from extractor.text import DocText

MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
]  # fmt: skip
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def words(n: int) -> str:
    return str(num2words(n, lang="id"))


def forms(d: dt.date) -> list[str]:
    month, day = MONTHS[d.month - 1], DAYS[d.weekday()]
    return [
        f"Pada hari ini {day} tanggal {words(d.day)} bulan {month} tahun {words(d.year)}",
        f"pada hari ini {day}, tanggal {d.day} ({words(d.day)}) bulan {month} tahun "
        f"{d.year} ({words(d.year)})",
        f"{day.upper()} TANGGAL {words(d.day).upper()} {month.upper()} TAHUN "
        f"{words(d.year).upper()}",
        f"Jakarta, {d.day} {month} {d.year}",
        f"tanggal {d.day:02d}-{d.month:02d}-{d.year}",
        f"tanggal {words(d.day).title()} bulan {month} tahun {words(d.year).title()} "
        f"({d.day:02d}-{d.month:02d}-{d.year})",
        f"tanggal {d.day} bulan {d.month} tahun {d.year}",
    ]


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_written_form_parses_back(d: dt.date) -> None:
    for text in forms(d):
        assert parse_date(text) == d, text


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_opening_sentence_is_the_signing_date_with_weekday_check(d: dt.date) -> None:
    right = forms(d)[0]
    finding = find_signing_date(DocText.from_string(f"NOTA KESEPAHAMAN\n{right}, bertempat di"))
    assert finding.value == d
    assert finding.confidence >= 0.9
    wrong_day = DAYS[(d.weekday() + 1) % 7]
    wrong = right.replace(DAYS[d.weekday()], wrong_day, 1)
    finding = find_signing_date(DocText.from_string(wrong))
    assert finding.value == d  # kept as written
    assert finding.confidence < 0.6
    assert any("weekday" in w for w in finding.warnings)


def test_pks_citing_its_nk_date_and_regulations_is_not_fooled() -> None:
    text = DocText.from_string(
        """PERJANJIAN KERJA SAMA
ANTARA PEMERINTAH KOTA MADIUN DAN PT AIR BERSIH NUSANTARA
Nomor : 180/45/401.101/2022
Berdasarkan Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah dan
Nota Kesepahaman Nomor 119/12/401/2021 tanggal 3 Februari 2021 tentang Penyediaan
Air Minum, para pihak sepakat.
Pada hari ini Kamis tanggal sepuluh bulan Maret tahun dua ribu dua puluh dua,
bertempat di Madiun, kami yang bertanda tangan di bawah ini:"""
    )
    finding = find_signing_date(text)
    assert finding.value == dt.date(2022, 3, 10)
    assert finding.warnings == []
    assert "opening sentence" in (finding.evidence[0].rule or "")


def test_defective_spelled_year_falls_back_to_digits_beside_it() -> None:
    text = DocText.from_string(
        "Pada hari ini Senin tanggal Tujuh Belas bulan Februari tahun Dua Ribu Puluh "
        "(17-02-2020), bertempat di Pendopo Cianjur"
    )
    finding = find_signing_date(text)
    assert finding.value == dt.date(2020, 2, 17)
    assert finding.confidence < 0.9
    assert any("defective" in w for w in finding.warnings)


def test_ocr_damaged_month_and_weekday() -> None:
    assert month_of("Agustvs") == 8
    assert month_of("Oktaber") == 10
    assert month_of("Nopernber") == 11
    assert month_of("Mel") is None  # 3 letters: exact only
    assert month_of("bulan") is None
    assert weekday_of("Kami") == 3  # 'Kami' for 'Kamis', seen on a real scan
    assert weekday_of("Jum'at") == 4
    assert (MONTH_CUTOFF, WEEKDAY_CUTOFF) == (80.0, 75.0)
    text = DocText.from_string(
        "Pada hari ini Rabu, tanggal 26 (dua puluh enam) bulan Agustvs tahun 2020"
    )
    assert find_signing_date(text).value == dt.date(2020, 8, 26)


def test_signature_line_and_dated_title_block() -> None:
    signed = DocText.from_string(
        "KESEPAKATAN BERSAMA\nPasal 1\nsesuai Undang-Undang Nomor 23 Tahun 2014.\n"
        "Ditetapkan oleh para pihak.\nSurabaya, 27 Maret 2019\nPIHAK PERTAMA PIHAK KEDUA"
    )
    assert find_signing_date(signed).value == dt.date(2019, 3, 27)
    block = DocText.from_string(
        "SURAT PERJANJIAN KERJA SAMA\nNomor : 77/SPK/D4/2023\nTanggal : 5 Juni 2023\nantara"
    )
    assert find_signing_date(block).value == dt.date(2023, 6, 5)
    nothing = DocText.from_string("Keputusan Menteri Nomor 12 tanggal 11 April 2019 tentang X")
    assert find_signing_date(nothing).value is None


def test_mixed_form_disagreement_is_reported() -> None:
    [mention] = find_dates("tanggal 27 (dua puluh enam) bulan Maret tahun 2019")
    assert mention.value == dt.date(2019, 3, 27)
    assert mention.conflicts


def test_numbers_are_not_dates() -> None:
    assert find_dates("No. KS/FPRTVI/12/11/2018 dan 445/23/UHK/2021") == []


def test_add_duration_is_inclusive() -> None:
    assert add_duration(dt.date(2019, 3, 27), 5, "tahun") == dt.date(2024, 3, 26)
    assert add_duration(dt.date(2020, 1, 31), 1, "bulan") == dt.date(2020, 2, 28)
    assert add_duration(dt.date(2021, 1, 1), 1, "tahun") == dt.date(2021, 12, 31)
    assert add_duration(dt.date(2021, 1, 1), 30, "hari") == dt.date(2021, 1, 30)


def test_a_decree_dated_pada_tanggal_is_not_an_opening() -> None:
    text = DocText.from_string(
        "diangkat berdasarkan Keputusan Presiden Nomor 44/P Tahun 2019 yang ditetapkan pada "
        "tanggal 20 Mei 2019, bertindak untuk dan atas nama Kementerian."
    )
    assert find_signing_date(text).value is None
    closing = DocText.from_string(
        "Perjanjian ini dibuat dan ditandatangani di Jakarta pada tanggal 5 Mei 2020 dalam "
        "rangkap dua."
    )
    assert find_signing_date(closing).value == dt.date(2020, 5, 5)
