"""The assembler: every contract field gets a value, a confidence and evidence."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extractor.fields import extract_fields
from extractor.pipeline import extract_file
from extractor.rules.parent import find_parent
from extractor.rules.place import find_place
from extractor.text import DocText
from models import Box, Document, Line, Page
from models.extraction import FIELD_NAMES, Duration

PAGE_1 = """PEMERINTAH PROVINSI JAWA TIMUR
PERJANJIAN KERJA SAMA
ANTARA
PEMERINTAH KABUPATEN SIDOARJO
DAN
PT TIRTA NUSANTARA SEJAHTERA
TENTANG
PENGELOLAAN AIR LIMBAH DOMESTIK
Nomor : 658.1/ 412/438.5.2/2023
Nomor : 07/TNS-DIR/IV/2023
Pada hari ini Rabu tanggal lima bulan April tahun dua ribu dua puluh tiga,
bertempat di Sidoarjo, kami yang bertanda tangan di bawah ini:
1. H. AHMAD MUHDLOR, S.IP. : Bupati Sidoarjo, dalam hal ini bertindak untuk dan atas nama
Pemerintah Kabupaten Sidoarjo, selanjutnya disebut PIHAK PERTAMA;
2. Ir. BAMBANG SUTRISNO, M.T. : Direktur Utama, dalam hal ini bertindak untuk dan atas
nama PT Tirta Nusantara Sejahtera, selanjutnya disebut PIHAK KEDUA.
Sebagai tindak lanjut Nota Kesepahaman antara Pemerintah Kabupaten Sidoarjo dan PT Tirta
Nusantara Sejahtera Nomor 119/88/438.1.1/2022 tanggal 14 Desember 2022 tentang Sanitasi
Berkelanjutan, PARA PIHAK sepakat dengan ketentuan sebagai berikut:"""

PAGE_2 = """Pasal 1
MAKSUD DAN TUJUAN
Maksud Perjanjian Kerja Sama ini adalah sebagai pedoman pengelolaan air limbah domestik.
Pasal 2
RUANG LINGKUP
Ruang lingkup Perjanjian Kerja Sama ini meliputi:
a. penyedotan lumpur tinja terjadwal;
b. pengolahan lumpur tinja; dan
c. pemantauan kualitas air.
Pasal 6
JANGKA WAKTU
(1) Perjanjian Kerja Sama ini berlaku untuk jangka waktu 2 (dua) tahun terhitung sejak
tanggal ditandatangani.
(2) Pemberitahuan perpanjangan disampaikan paling lambat 3 (tiga) bulan sebelum berakhir."""


def make_document(pages: list[str]) -> Document:
    out = []
    for number, body in enumerate(pages, start=1):
        lines = []
        for i, text in enumerate(body.splitlines()):
            top = 60.0 + 14.0 * i
            lines.append(Line(text=text, box=Box(x0=50.0, top=top, x1=540.0, bottom=top + 11.0)))
        out.append(Page(number=number, width=595.0, height=842.0, method="ocr", lines=lines))
    return Document(file="pks.pdf", sha256="0" * 64, mime="application/pdf", size=1, pages=out)


def test_every_field_has_value_confidence_and_evidence() -> None:
    ext = extract_fields(make_document([PAGE_1, PAGE_2]))
    assert ext.doc_type == "PKS"
    assert ext.title == (
        "PERJANJIAN KERJA SAMA ANTARA PEMERINTAH KABUPATEN SIDOARJO DAN PT TIRTA NUSANTARA "
        "SEJAHTERA TENTANG PENGELOLAAN AIR LIMBAH DOMESTIK"
    )
    assert ext.numbers == ["658.1/412/438.5.2/2023", "07/TNS-DIR/IV/2023"]
    assert ext.signing_date == dt.date(2023, 4, 5)
    assert ext.signing_place == "Sidoarjo"
    assert ext.duration == Duration(value=2, unit="tahun")
    assert (ext.start_date, ext.start_date_source) == (dt.date(2023, 4, 5), "signing_date")
    assert (ext.end_date, ext.end_date_source) == (dt.date(2025, 4, 4), "computed")
    assert ext.parent_agreement is not None
    assert ext.parent_agreement.startswith("Nota Kesepahaman antara Pemerintah Kabupaten Sidoarjo")
    assert "119/88/438.1.1/2022" in ext.parent_agreement
    assert set(ext.confidence) == set(FIELD_NAMES)
    assert all(0.0 <= c <= 1.0 for c in ext.confidence.values())
    assert set(ext.evidence) == set(FIELD_NAMES)
    for name in ("doc_type", "title", "numbers", "signing_date", "duration", "parent_agreement"):
        ev = ext.evidence[name][0]
        assert ev.page == 1 if name != "duration" else ev.page == 2
        assert ev.box is not None and ev.rule
    assert ext.evidence["signing_date"][0].box == (50.0, 200.0, 540.0, 211.0)  # line 11


def test_wrong_weekday_keeps_date_and_warns() -> None:
    ext = extract_fields(make_document([PAGE_1.replace("Rabu tanggal", "Kamis tanggal"), PAGE_2]))
    assert ext.signing_date == dt.date(2023, 4, 5)
    assert ext.confidence["signing_date"] < 0.6
    assert any(w.startswith("signing_date: weekday") for w in ext.warnings)


def test_empty_document_asks_for_review_everywhere() -> None:
    doc = Document(
        file="blank.pdf",
        sha256="1" * 64,
        mime="application/pdf",
        size=1,
        pages=[Page(number=1, width=595.0, height=842.0, method="empty")],
    )
    ext = extract_fields(doc)
    assert ext.doc_type == "other" and ext.numbers == [] and ext.signing_date is None
    assert set(ext.confidence) == set(FIELD_NAMES)
    assert max(ext.confidence.values()) == 0.0


def test_place_only_where_the_text_says_signed() -> None:
    assert find_place(DocText.from_string("bertempat di\nTabanan dan Singaraja dibuat")).value == (
        "Tabanan dan Singaraja"
    )
    signed = DocText.from_string(
        "Perjanjian ini ditandatangani oleh PIHAK PERTAMA dan PIHAK KEDUA di Jakarta pada "
        "tanggal tersebut di atas."
    )
    assert find_place(signed).value == "Jakarta"
    address = DocText.from_string("PT Maju, berkedudukan di Jalan Sudirman No. 5 Jakarta.")
    assert find_place(address).value is None


def test_parent_only_for_pks_and_never_this_agreement() -> None:
    text = DocText.from_string(
        "Berdasarkan Kesepakatan Bersama antara Pemerintah Kota Bogor dan Pemerintah Kabupaten "
        "Bogor Nomor 119/5-KB/2020 dan Nomor 130/21/2020 tanggal 2 Maret 2020 tentang Pelayanan "
        "Publik, pelaksanaan lebih lanjut dituangkan dalam Perjanjian Kerja Sama antara PARA "
        "PIHAK tersebut."
    )
    pks = find_parent(text, "PKS", None, None)
    assert pks.value == (
        "Kesepakatan Bersama antara Pemerintah Kota Bogor dan Pemerintah Kabupaten Bogor Nomor "
        "119/5-KB/2020 dan Nomor 130/21/2020 tanggal 2 Maret 2020 tentang Pelayanan Publik"
    )
    assert pks.confidence >= 0.8
    assert find_parent(text, "NK", None, None).value is None


def test_digital_pdf_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "pks.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for body in (PAGE_1, PAGE_2):
        y = 800.0
        for line in body.splitlines():
            pdf.setFont("Helvetica", 9)
            pdf.drawString(40, y, line)
            y -= 13
        pdf.showPage()
    pdf.save()
    _, ext = extract_file(path)
    assert ext.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert ext.doc_type == "PKS"
    assert ext.numbers == ["658.1/412/438.5.2/2023", "07/TNS-DIR/IV/2023"]
    assert ext.signing_date == dt.date(2023, 4, 5)
    assert ext.evidence["numbers"][0].box is not None


def test_parent_reference_across_a_page_footer_and_abbreviations() -> None:
    text = DocText.from_string(
        "bahwa sebagai tindak lanjut Nota Kesepahaman antara Pemerintah Daerah\n"
        "Paraf Pihak I | Pihak II\n- 2 -\n"
        "Kota Sorong dan PT. Bumi Abadi Nomor 000.5/326/Diskominfo/2019 tentang Pemanfaatan\n"
        "Data Kependudukan, PARA PIHAK sepakat:"
    )
    assert find_parent(text, "PKS", None, None).value == (
        "Nota Kesepahaman antara Pemerintah Daerah Kota Sorong dan PT. Bumi Abadi Nomor "
        "000.5/326/Diskominfo/2019 tentang Pemanfaatan Data Kependudukan"
    )
