"""Calibration: the shipped model turns evidence into a confidence that points at errors.

Real digital PDFs made here and read by the real pipeline; the model is the
committed ``extractor/data/calibration.json`` (fitted on generated training
families by ``python -m bench.fit_calibration``).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractor.calibrate import FEATURES, PARTY_PARTS, calibration_features, load_models
from extractor.pipeline import extract_file
from models import Settings
from models.extraction import FIELD_NAMES

OPENING = [
    "PERJANJIAN KERJA SAMA",
    "ANTARA",
    "PEMERINTAH KABUPATEN SIDOARJO",
    "DAN",
    "PT TIRTA NUSANTARA SEJAHTERA",
    "TENTANG",
    "PENGELOLAAN AIR LIMBAH DOMESTIK",
    "Nomor : {first}",
    "Nomor : 07/TNS-DIR/IV/2023",
    "Pada hari ini Rabu tanggal lima bulan April tahun dua ribu dua puluh tiga,",
    "bertempat di Sidoarjo, kami yang bertanda tangan di bawah ini:",
    "1. H. AHMAD MUHDLOR, S.IP. : Bupati Sidoarjo, dalam hal ini bertindak untuk dan atas",
    "nama Pemerintah Kabupaten Sidoarjo, selanjutnya disebut PIHAK PERTAMA;",
    "2. Ir. BAMBANG SUTRISNO, M.T. : Direktur Utama, dalam hal ini bertindak untuk dan",
    "atas nama PT Tirta Nusantara Sejahtera, selanjutnya disebut PIHAK KEDUA.",
    "PARA PIHAK sepakat dengan ketentuan sebagai berikut:",
]
ARTICLES = [
    "Pasal 1",
    "MAKSUD DAN TUJUAN",
    "Maksud Perjanjian Kerja Sama ini adalah sebagai pedoman pengelolaan air limbah domestik.",
    "Pasal 2",
    "RUANG LINGKUP",
    "Ruang lingkup Perjanjian Kerja Sama ini meliputi:",
    "a. penyedotan lumpur tinja terjadwal;",
    "b. pengolahan lumpur tinja; dan",
    "c. pemantauan kualitas air.",
    "Pasal 3",
    "JANGKA WAKTU",
    "Perjanjian Kerja Sama ini berlaku untuk jangka waktu 2 (dua) tahun terhitung sejak",
    "tanggal ditandatangani.",
    "PIHAK PERTAMA                         PIHAK KEDUA",
    "H. AHMAD MUHDLOR, S.IP.               Ir. BAMBANG SUTRISNO, M.T.",
]


def _pdf(path: Path, first: str, header: str | None) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in (OPENING, ARTICLES):
        pdf.setFont("Helvetica", 10)
        if header:
            pdf.drawString(60, 810, header)
        y = 780
        for line in page:
            pdf.drawString(60, y, line.format(first=first))
            y -= 16
        pdf.showPage()
    pdf.save()
    return path


def test_shipped_model_covers_every_field_and_party_part() -> None:
    models = load_models()
    assert set(FIELD_NAMES) - {"parties"} <= set(models)  # parties: the product of its parts
    assert {f"parties.{p}" for p in PARTY_PARTS} <= set(models)
    assert all(len(m.coef) == len(FEATURES) for m in models.values())


def test_every_confidence_is_calibrated_and_never_certain(tmp_path: Path) -> None:
    _, ext = extract_file(_pdf(tmp_path / "a.pdf", "658.1/412/438.5.2/2023", None))
    assert ext.numbers == ["658.1/412/438.5.2/2023", "07/TNS-DIR/IV/2023"]
    assert set(FIELD_NAMES) <= set(ext.confidence)
    assert "parties.signatory" in ext.confidence
    assert all(0.02 <= c <= 0.98 for c in ext.confidence.values())
    _, raw = extract_file(tmp_path / "a.pdf", settings=Settings(calibrated_confidence=False))
    assert set(raw.confidence) == set(FIELD_NAMES)  # the rules' own, when switched off
    assert raw.confidence != {k: ext.confidence[k] for k in raw.confidence}


def test_a_number_that_breaks_the_grammar_gets_less_confidence(tmp_path: Path) -> None:
    clean = _pdf(tmp_path / "clean.pdf", "658.1/412/438.5.2/2023", None)
    debris = _pdf(tmp_path / "debris.pdf", "658.1/4l2/438.5.2|2O23", None)
    _, good = extract_file(clean)
    _, bad = extract_file(debris)
    assert bad.numbers[0] == "658.1/4l2/438.5.2|2O23"  # kept as read: nothing backs a repair
    assert bad.confidence["numbers"] < good.confidence["numbers"] - 0.1


def test_a_number_printed_again_in_the_page_header_is_backed(tmp_path: Path) -> None:
    alone = _pdf(tmp_path / "alone.pdf", "658.1/412/438.5.2/2023", None)
    header = _pdf(tmp_path / "header.pdf", "658.1/412/438.5.2/2023", "658.1/412/438.5.2/2023")
    doc_alone, ext_alone = extract_file(alone)
    doc_header, ext_header = extract_file(header)
    agree = FEATURES.index("agree")
    assert (
        calibration_features(doc_header, ext_header, "numbers")[agree]
        > calibration_features(doc_alone, ext_alone, "numbers")[agree]
    )
    assert ext_header.confidence["numbers"] >= ext_alone.confidence["numbers"]
