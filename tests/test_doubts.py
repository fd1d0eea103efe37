"""Structural doubts: a value whose shape says it is cut never keeps a high confidence.

Unit checks on typed records for each shape, and one real digital PDF read by
the real pipeline whose heading stops after the first party: the calibrated
title confidence is capped after calibration, and the reason is in the evidence.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractor.doubts import CUT_CAP, RAN_ON_CAP, apply_doubts, find_doubts, title_doubts
from extractor.pipeline import extract_file
from models import Extraction, Party


def _record(**fields: object) -> Extraction:
    base: dict[str, object] = {"file": "a.pdf", "sha256": "0" * 64, "pages": 2, "ocr_pages": 2}
    base.update(fields)
    return Extraction.model_validate(base)


@pytest.mark.parametrize(
    "title",
    [
        "NOTA KESEPAHAMAN ANTARA UNIVERSITAS NEGERI MALANG DAN",
        "PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KABUPATEN BANYUWANGI DENGAN",
        "PERJANJIAN KERJA SAMA ANTARA",
        "PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KOTA MALANG TENTANG PENDIDIKAN DAN PELATIHAN",
        "MEMORANDUM OF UNDERSTANDING BETWEEN THE UNIVERSITY OF X AND",
        "NOTA KESEPAHAMAN ANTARA PT ABC DAN PT DEF TENTANG",
        "ADENDUM PERTAMA PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KABUPATEN NUNUKAN DENGAN"
        " PEMERINTAH KABUPATEN BULUNGAN TENTANG PERUBAHAN ATAS PERJANJIAN KERJA SAMA NOMOR",
    ],
)
def test_a_cut_title_is_doubted(title: str) -> None:
    doubts = title_doubts(title)
    assert doubts and doubts[0].cap == CUT_CAP


@pytest.mark.parametrize(
    "title",
    [
        "NOTA KESEPAHAMAN ANTARA PEMERINTAH PROVINSI BALI DAN UNIVERSITAS UDAYANA "
        "TENTANG PENDIDIKAN, PENELITIAN DAN PENGABDIAN KEPADA MASYARAKAT",
        "PERJANJIAN KERJA SAMA ANTARA PT A, PT B, DAN PT C TENTANG LOGISTIK",
        "SURAT PERJANJIAN KERJA SAMA PROGRAM FASILITASI MODUL PEMBELAJARAN DARING TAHUN 2021",
        "ADENDUM PERTAMA PERJANJIAN KERJA SAMA NOMOR 12/PKS/2020",
    ],
)
def test_a_whole_title_is_left_alone(title: str) -> None:
    assert title_doubts(title) == []


@pytest.mark.parametrize(
    ("name", "cut"),
    [
        ("DR. SU", True),
        ("I Made Su", True),
        ("Ir. BAMBANG SUTRISNO, M.T.", False),
        ("Dra, IDA YUNIATI SURTIKA M.M", False),
        ("Prof. Dr. Ir. H. I Made Sudana, M.Si., Ph.D.", False),
        ("Ni Luh Putu Ari", False),
        ("JULIANTO, SE., MH", False),
        ("Drs. Purwantono M.Pd.", False),
    ],
)
def test_a_name_cut_after_its_first_title(name: str, cut: bool) -> None:
    record = _record(parties=[Party(role="PIHAK PERTAMA", signatory=name)])
    fields = [d.field for d in find_doubts(record)]
    assert ("parties.signatory" in fields) is cut


def test_a_regional_government_left_without_its_region_is_doubted() -> None:
    unknown = _record(
        parties=[
            Party(
                role="PIHAK KESATU",
                institution="Pemerintah Kabupaten Xyz",
                kind="lainnya",
                signatory="Drs. ALI",
            )
        ]
    )
    known = _record(
        parties=[
            Party(
                role="PIHAK KESATU",
                institution="Yayasan Pendidikan Kota",
                kind="lainnya",
                signatory="Drs. ALI",
            )
        ]
    )
    assert {d.field for d in find_doubts(unknown)} == {"parties.kind", "parties.region_code"}
    assert find_doubts(known) == []


def test_a_number_broken_by_its_characters_is_doubted_but_not_for_its_year() -> None:
    from datetime import date

    debris = _record(numbers=["658.1/4l2/438.5.2|2O23"], signing_date=date(2023, 4, 5))
    old_year = _record(numbers=["119/123/KDN/2019"], signing_date=date(2023, 4, 5))
    assert [d.field for d in find_doubts(debris)] == ["numbers"]
    assert find_doubts(old_year) == []  # an NK cited by a later PKS carries its own year


@pytest.mark.parametrize(
    "number",
    ["422/264/SMKNIPACET/CADISDIKWIL.VI/V/2023", "063/STIECS/KS.O3/XII/2020", "2O5/UN48/KS/2021"],
)
def test_a_number_with_an_undecided_look_alike_reading_is_doubted(number: str) -> None:
    from datetime import date

    record = _record(numbers=[number], signing_date=date(2023, 5, 2))
    assert [(d.field, d.cap) for d in find_doubts(record)] == [("numbers", RAN_ON_CAP)]


@pytest.mark.parametrize(
    "number", ["422/264/SMKN1PACET/CADISDIKWIL.VI/V/2023", "12/SDIT/PKS/V/2023", "B/7/DISDIK/2023"]
)
def test_a_school_code_with_its_digit_or_letters_only_is_left_alone(number: str) -> None:
    from datetime import date

    assert find_doubts(_record(numbers=[number], signing_date=date(2023, 5, 2))) == []


def test_a_party_without_a_signatory_is_doubted() -> None:
    record = _record(
        parties=[
            Party(role="PIHAK KESATU", signatory="Ir. BAMBANG SUTRISNO, M.T."),
            Party(role="PIHAK KEDUA", signatory=None),
        ]
    )
    assert [(d.field, d.cap) for d in find_doubts(record)] == [("parties.signatory", CUT_CAP)]


def test_an_institution_that_ran_into_the_heading_is_doubted() -> None:
    ran = _record(
        parties=[
            Party(
                role="PIHAK KESATU",
                institution="UN Manga BUMI PERTIWI Pa TENTANG PERUBAHAN ATAS PERJANJIAN KERJA SAMA"
                " NOMOR 119/6.688/PEM/2019",
                signatory="Prof. Dr. Darmawan Anwar, S.H.",
            )
        ]
    )
    named = _record(
        parties=[
            Party(
                role="PIHAK KESATU",
                institution="Perusahaan Umum Daerah Air Minum Tirta Raharja Kabupaten Bandung",
                signatory="Ir. BAMBANG SUTRISNO, M.T.",
            )
        ]
    )
    assert {d.field for d in find_doubts(ran)} == {
        "parties.institution",
        "parties.kind",
        "parties.region_code",
    }
    assert find_doubts(named) == []


def test_a_lost_party_caps_every_party_field() -> None:
    lost = _record(
        parties=[
            Party(role="PIHAK KEDUA", signatory="Yuliana Daeng, S.Kom., M.T."),
            Party(role="PIHAK KETIGA", signatory="Prof. Dr. Darmawan Anwar, S.H."),
        ]
    )
    many = _record(
        parties=[
            Party(role=f"PIHAK {word}", signatory="Ir. BAMBANG SUTRISNO, M.T.")
            for word in ("KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH")
        ]
        + [Party(role="PIHAK KEDELAPAN", signatory="Drs. H. SALEH, M.Si")]
    )
    assert {d.field for d in find_doubts(lost)} == {
        "parties.institution",
        "parties.signatory",
        "parties.title",
        "parties.kind",
        "parties.region_code",
    }
    assert find_doubts(many) == []


def test_scope_items_that_ran_into_furniture_or_stop_midway() -> None:
    ran = _record(scope=["pelatihan guru dan PARAF PIHAK KESATU 3 dari 7", "magang"])
    cut = _record(scope=["penyediaan sarana praktik dan", "magang"])
    whole = _record(scope=["penyediaan sarana praktik", "magang siswa dan guru"])
    assert [d.cap for d in find_doubts(ran)] == [RAN_ON_CAP]
    assert [d.cap for d in find_doubts(cut)] == [RAN_ON_CAP]
    assert find_doubts(whole) == []


def test_two_scope_items_run_together_are_doubted() -> None:
    merged = _record(
        scope=["peningkatan kualitas layanan administrasi kependudukan: 5, akses data balikan"]
    )
    listed = _record(scope=["pelatihan: teknis, manajerial, dan fungsional", "magang 3 bulan"])
    assert [d.reason for d in find_doubts(merged)] == ["two items run together"]
    assert find_doubts(listed) == []


def test_a_scope_item_holding_a_word_ocr_split_is_doubted() -> None:
    split = _record(scope=["pe ngembangan sarana prasarana praktikum", "sertifikasi"])
    short_words = _record(scope=["magang di ke dua lokasi", "pelatihan ya atau tidak"])
    assert [(d.reason, d.cap) for d in find_doubts(split)] == [
        ("an item holds a word OCR split in two", RAN_ON_CAP)
    ]
    assert find_doubts(short_words) == []


def test_caps_only_lower_and_say_why() -> None:
    record = _record(
        title="NOTA KESEPAHAMAN ANTARA PT ABC DAN",
        parties=[Party(role="PIHAK PERTAMA", signatory="DR. SU")],
        confidence={"title": 0.98, "parties": 0.9, "parties.signatory": 0.2, "numbers": 0.9},
    )
    apply_doubts(record)
    assert record.confidence["title"] == CUT_CAP
    assert record.confidence["parties.signatory"] == 0.2  # already lower: kept
    assert record.confidence["parties"] == RAN_ON_CAP
    assert record.confidence["numbers"] == 0.9
    assert any(w.startswith("title: looks cut") for w in record.warnings)


def test_the_pipeline_caps_a_cut_heading_after_calibration(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 11)
    lines = [
        "NOTA KESEPAHAMAN",
        "ANTARA",
        "PEMERINTAH KABUPATEN KLATEN",
        "Nomor : 415.4/112/2022",
        "Pada hari ini Senin tanggal tujuh bulan Maret tahun dua ribu dua puluh dua,",
        "kami yang bertanda tangan di bawah ini sepakat sebagai berikut.",
    ]
    y = 780
    for line in lines:
        pdf.drawString(70, y, line)
        y -= 18
    pdf.showPage()
    pdf.save()
    _, ext = extract_file(path)
    assert ext.title is not None and "KLATEN" in ext.title
    assert ext.confidence["title"] <= CUT_CAP
    assert "looks cut" in (ext.evidence["title"][0].rule or "")
