"""Numeric, Roman-month and OCR-damaged dates; the date above the signatures; the place there."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from extractor.rules.date_numeric import ROMAN_MONTHS, repair_digits
from extractor.rules.dates import find_dates, find_signing_date
from extractor.rules.duration import find_term
from extractor.rules.place import find_place
from extractor.rules.signing_date import DISAGREE_CAP, locate_signing_date
from extractor.text import DocText

D = dt.date(2019, 3, 27)
ROMAN = {v: k for k, v in ROMAN_MONTHS.items()}
HEADING = (
    "NOTA KESEPAHAMAN\nANTARA\nPEMERINTAH KABUPATEN LEMBAH HIJAU\nDAN\nPT SARANA MAKMUR\n"
    "TENTANG\nPENGELOLAAN AIR BERSIH\n\nPARA PIHAK sepakat untuk bekerja sama.\n"
)


def _one(text: str) -> dt.date | None:
    found = find_dates(text)
    return found[0].value if len(found) == 1 else None


def test_numeric_forms() -> None:
    for text in ("27-03-2019", "27/3/2019", "27 - 03 - 2019", "27.03.2019", "tgl. 27-3-2019"):
        assert _one(text) == D, text


def test_roman_month_forms_but_not_agreement_numbers() -> None:
    assert _one("27 III 2019") == D
    assert _one("27-III-2019") == D
    assert find_dates("Nomor : 12/III/2019") == []
    assert find_dates("Nomor : 415.4/KS/III/2019") == []


@given(st.dates(dt.date(1990, 1, 1), dt.date(2060, 12, 31)), st.sampled_from(["-", ".", " "]))
def test_roman_month_round_trip(d: dt.date, sep: str) -> None:
    assert _one(f"{d.day}{sep}{ROMAN[d.month]}{sep}{d.year}") == d


def test_look_alike_digits_are_repaired_only_when_plainly_digits() -> None:
    found = find_dates("Sukabumi, l2 April 2O19")
    assert [m.value for m in found] == [dt.date(2019, 4, 12)]
    assert found[0].repairs
    assert _one("27 Maret 20l9") == D
    # a word is never made a number: 'Il', 'lOl' (3 letters, no digit) stay as printed
    assert repair_digits("Il lOl Ol").text == "Il lOl Ol"
    assert repair_digits("2O19").text == "2019"
    assert repair_digits("9O19").text == "9O19"  # not a year after repair: left alone


def test_the_sign_line_alone_dates_the_agreement_and_names_the_place() -> None:
    text = DocText.from_string(HEADING + "Sukabumi, 12 April 2019\nPIHAK KESATU PIHAK KEDUA")
    date, end = locate_signing_date(text)
    assert date.value == dt.date(2019, 4, 12) and date.confidence <= 0.75
    place = find_place(text, end)
    assert place.value == "Sukabumi" and place.confidence <= 0.5


def test_dibuat_di_pada_tanggal_block() -> None:
    for block, conf in (
        ("Dibuat di : Sukabumi\nPada tanggal : 12 April 2019", 0.85),
        ("Ditandatangani di Sukabumi\npada tanggal 12-04-2019", 0.85),
        ("Dibuat di Sukabumi pada tanggal 12 April 2019", 0.85),
        ("Ditetapkan di : Sukabumi\nPada tanggal : 12 April 2019", 0.7),
    ):
        text = DocText.from_string(HEADING + block + "\nPIHAK KESATU PIHAK KEDUA")
        date, end = locate_signing_date(text)
        assert date.value == dt.date(2019, 4, 12), block
        assert date.confidence == conf, block
        assert "sign block" in (date.evidence[0].rule or "")
        place = find_place(text, end)
        assert place.value == "Sukabumi", block
        assert place.confidence >= 0.7


def test_two_printings_that_disagree_cap_the_confidence() -> None:
    opening = "Pada hari ini Jumat tanggal dua belas bulan April tahun dua ribu sembilan belas"
    agree = DocText.from_string(HEADING + opening + "\n...\nSukabumi, 12 April 2019\nPIHAK")
    found = find_signing_date(agree)
    assert found.value == dt.date(2019, 4, 12) and found.confidence >= 0.9
    disagree = DocText.from_string(HEADING + opening + "\n...\nSukabumi, 21 April 2019\nPIHAK")
    found = find_signing_date(disagree)
    assert found.value == dt.date(2019, 4, 12)  # the opening's is kept
    assert found.confidence <= DISAGREE_CAP
    assert any("above the signatures" in w for w in found.warnings)


def test_stated_end_dates_in_every_wording() -> None:
    opening = "Pada hari ini Jumat tanggal 12 April 2024, yang bertanda tangan di bawah ini:\n"
    for clause in (
        "Perjanjian ini berlaku sampai dengan tanggal 11 April 2026.",
        "Perjanjian ini berlaku selama 2 (dua) tahun hingga tanggal 11-04-2026.",
        "Jangka waktu Perjanjian ini berlaku mulai tanggal 12 April 2024 s.d. 11 April 2026.",
        "Perjanjian ini berlaku 2 (dua) tahun sejak ditandatangani sampai dengan 11/4/2026.",
    ):
        text = DocText.from_string(opening + clause)
        term = find_term(text, find_signing_date(text).value)
        assert term.end.value == dt.date(2026, 4, 11), clause
        assert term.end_source == "stated"
        assert term.end.confidence >= 0.6


def test_stated_end_that_disagrees_with_the_duration_lowers_confidence() -> None:
    text = DocText.from_string(
        "Pada hari ini Jumat tanggal 12 April 2024, yang bertanda tangan di bawah ini:\n"
        "Perjanjian ini berlaku selama 5 (lima) tahun sejak ditandatangani sampai dengan "
        "tanggal 11 April 2026."
    )
    term = find_term(text, find_signing_date(text).value)
    assert term.end.value == dt.date(2026, 4, 11)  # the stated end is kept
    assert term.end.confidence <= 0.5
    assert term.warnings


def test_a_date_line_in_an_annex_is_no_second_printing() -> None:
    opening = "Pada hari ini Jumat tanggal dua belas bulan April tahun dua ribu sembilan belas"
    text = DocText.from_string(
        HEADING + opening + "\n...\nPIHAK KESATU PIHAK KEDUA\nLAMPIRAN NOTA KESEPAHAMAN\n"
        "Sukabumi, 3 Mei 2019\nRencana kerja"
    )
    found = find_signing_date(text)
    assert found.value == dt.date(2019, 4, 12) and found.confidence >= 0.9
