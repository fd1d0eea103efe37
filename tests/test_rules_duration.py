"""Term, start and end: stated, from the signing date, or computed."""

from __future__ import annotations

import datetime as dt

from extractor.rules.duration import find_term
from extractor.text import DocText
from models.extraction import Duration

SIGNED = dt.date(2019, 3, 27)


def term(text: str, signed: dt.date | None = SIGNED):  # type: ignore[no-untyped-def]
    return find_term(DocText.from_string(text), signed)


def test_years_from_signing_date_give_a_computed_end() -> None:
    t = term(
        """Pasal 7
JANGKA WAKTU
(1) Nota Kesepahaman ini berlaku untuk jangka waktu 5 (lima) tahun terhitung sejak
tanggal ditandatangani oleh PARA PIHAK.
(2) Nota Kesepahaman ini dapat diperpanjang atas kesepakatan PARA PIHAK yang
disampaikan paling lambat 3 (tiga) bulan sebelum jangka waktu berakhir."""
    )
    assert t.duration.value == Duration(value=5, unit="tahun")
    assert t.duration.confidence >= 0.85
    assert (t.start.value, t.start_source) == (SIGNED, "signing_date")
    assert (t.end.value, t.end_source) == (dt.date(2024, 3, 26), "computed")
    assert t.end.evidence and "computed" in (t.end.evidence[0].rule or "")


def test_months_without_a_start_reference_compute_nothing() -> None:
    t = term(
        "Kesepakatan Bersama ini berlaku selama 24 (dua puluh empat) bulan dan dapat diperpanjang."
    )
    assert t.duration.value == Duration(value=24, unit="bulan")
    assert t.start.value is None and t.end.value is None
    assert t.start_source is None and t.end_source is None


def test_notice_periods_are_not_the_term() -> None:
    t = term(
        "Apabila salah satu pihak hendak mengakhiri, wajib memberitahukan secara tertulis "
        "selambat-lambatnya 30 (tiga puluh) hari kalender sebelumnya."
    )
    assert t.duration.value is None


def test_digits_and_words_that_disagree_lower_confidence() -> None:
    t = term("Perjanjian ini berlaku untuk jangka waktu 3 (dua) tahun sejak ditandatangani.")
    assert t.duration.value == Duration(value=3, unit="tahun")
    assert t.duration.confidence < 0.5
    assert any("spelled 2" in w for w in t.duration.warnings)


def test_words_only_term_and_glued_bracket() -> None:
    assert term("berlaku untuk 5(lima) tahun,sejak tanggal").duration.value == Duration(
        value=5, unit="tahun"
    )
    t = term("Perjanjian ini berlaku selama dua belas bulan terhitung sejak ditandatangani.")
    assert t.duration.value == Duration(value=12, unit="bulan")
    # spaCy's LIKE_NUM misses 'seratus'; OCR writes 'Lirna' for 'lima'
    t = term("Jangka waktu pelaksanaan Perjanjian ini adalah 120 (seratus dua puluh) hari kalender")
    assert t.duration.value == Duration(value=120, unit="hari")
    assert term("berlaku selama 5 (Lirna) tahun").duration.value == Duration(value=5, unit="tahun")


def test_explicit_end_date_is_stated() -> None:
    t = term(
        "Jangka Waktu Perjanjian\nPerjanjian ini berlaku terhitung sejak ditandatangani "
        "sampai dengan tanggal 31 Desember 2025.",
        dt.date(2025, 4, 2),
    )
    assert t.duration.value is None
    assert (t.end.value, t.end_source) == (dt.date(2025, 12, 31), "stated")
    assert (t.start.value, t.start_source) == (dt.date(2025, 4, 2), "signing_date")


def test_explicit_period_and_citations_with_dates() -> None:
    t = term(
        "berdasarkan Keputusan Bupati Nomor 12 tanggal 1 Maret 2019 tentang Tim;\n"
        "Pelatihan dilaksanakan mulai tanggal 22 April 2019 s.d 30 April 2019 bertempat di Aula."
    )
    assert (t.start.value, t.start_source) == (dt.date(2019, 4, 22), "stated")
    assert (t.end.value, t.end_source) == (dt.date(2019, 4, 30), "stated")


def test_stated_end_that_contradicts_the_term_is_flagged() -> None:
    t = term(
        "Perjanjian ini berlaku untuk jangka waktu 1 (satu) tahun terhitung sejak tanggal "
        "ditandatangani sampai dengan tanggal 31 Desember 2025.",
        dt.date(2023, 1, 10),
    )
    assert (t.end.value, t.end_source) == (dt.date(2025, 12, 31), "stated")
    assert t.end.confidence <= 0.5
    assert any("start + term gives 2024-01-09" in w for w in t.warnings)
