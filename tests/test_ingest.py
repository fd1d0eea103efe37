"""Ingest without OCR: text layers, layout, type sniffing, and every bad input."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen import canvas
from test_ingest_samples import agreement_pdf

from extractor.ingest import read_document
from extractor.pages import layout_lines, text_layer_usable, word_share
from extractor.render import estimate_dpi, page_png
from extractor.sniff import sniff_mime
from models import Box, Settings, Word
from models.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedPdfError,
    FileTooLargeError,
    ImageTooLargeError,
    TooManyPagesError,
    UnsupportedFileTypeError,
)


def _texts(doc_lines: list) -> list[str]:
    return [line.text for line in doc_lines]


def test_digital_pdf_lines_words_and_boxes(tmp_path: Path) -> None:
    data = agreement_pdf()
    path = tmp_path / "pks.pdf"
    path.write_bytes(data)
    doc = read_document(path, settings=Settings())
    assert doc.mime == "application/pdf"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.size == len(data) and doc.file == "pks.pdf"
    [page] = doc.pages
    assert page.method == "text" and page.number == 1
    assert (page.width, page.height) == pytest.approx((595.28, 841.89), abs=0.01)
    texts = _texts(page.lines)
    assert texts[:3] == ["PERJANJIAN KERJA SAMA", "ANTARA", "PEMERINTAH KABUPATEN SUKAMAJU"]
    assert "Nomor : 119/123/KDN/2021" in texts  # a label row stays one line
    first = page.lines[0]
    assert first.box is not None
    assert first.box.x0 == pytest.approx(72, abs=1)
    # drawn at baseline y = height - 72 from the bottom: the top is about 72 - ascent from the top
    assert 60 < first.box.top < 72 < first.box.bottom < 76
    assert [w.text for w in first.words] == ["PERJANJIAN", "KERJA", "SAMA"]
    assert all(w.conf == 1.0 for w in first.words)
    assert first.words[1].box.x0 > first.words[0].box.x1


def test_two_column_signature_block_is_read_column_by_column() -> None:
    doc = read_document(agreement_pdf(), settings=Settings())
    texts = _texts(doc.pages[0].lines)
    tail = texts[texts.index("PIHAK PERTAMA,") :]
    assert tail == [
        "PIHAK PERTAMA,",
        "BUPATI SUKAMAJU",
        "Drs. AHMAD SUBAGJA, M.Si",
        "PIHAK KEDUA,",
        "REKTOR UNIVERSITAS",
        "Prof. Dr. RINA WULANDARI",
    ]


def test_layout_splits_far_apart_words_but_not_label_rows() -> None:
    def word(text: str, x0: float, top: float) -> Word:
        return Word(text=text, box=Box(x0=x0, top=top, x1=x0 + 8 * len(text), bottom=top + 12))

    lines = layout_lines(
        [
            [word("Nama", 72, 100)],
            [word(":", 200, 100)],
            [word("Budi", 210, 101)],
            [word("Kota", 72, 130)],
            [word("Batam,", 112, 130)],
            [word("20", 400, 131)],
            [word("Mei", 424, 131)],
        ]
    )
    assert [line.text for line in lines] == ["Nama : Budi", "Kota Batam,", "20 Mei"]


def test_text_layer_quality_measure() -> None:
    good = (
        "Pada hari ini Senin tanggal dua puluh bulan Juni para pihak sepakat mengadakan kerja sama"
    )
    garbage = (
        "Pnda hnri irn Sfnin tnngqal dvn pvlvh bvlnn Jvni pnrn pihnk scpnknt mcngndnknn kcrjn snmn"
    )
    assert word_share(good) > 0.9
    assert word_share(garbage) < 0.3
    assert text_layer_usable(good, over_scan=False)[0]
    assert not text_layer_usable(garbage, over_scan=False)[0]
    assert not text_layer_usable("12", over_scan=False)[0]


def test_type_comes_from_the_bytes_not_the_name() -> None:
    png = io.BytesIO()
    Image.new("L", (10, 10), 255).save(png, format="PNG")
    assert sniff_mime(agreement_pdf()) == "application/pdf"
    assert sniff_mime(png.getvalue()) == "image/png"
    doc = read_document(agreement_pdf(), name="foto.jpg", settings=Settings())
    assert doc.mime == "application/pdf" and doc.file == "foto.jpg"


def test_empty_and_blank_pages() -> None:
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.showPage()
    c.drawString(72, 720, "Pasal 1 MAKSUD DAN TUJUAN kerja sama para pihak dalam bidang pendidikan")
    c.showPage()
    c.save()
    doc = read_document(out.getvalue(), settings=Settings())
    assert [p.method for p in doc.pages] == ["empty", "text"]


def test_dpi_estimate_assumes_a4_or_f4() -> None:
    assert estimate_dpi(2480, 3508) == pytest.approx(300, rel=0.01)  # A4 at 300 dpi
    assert estimate_dpi(1692, 2598) == pytest.approx(200, rel=0.01)  # F4 at 200 dpi


def test_page_png_for_review() -> None:
    png = page_png(agreement_pdf(), 1, dpi=50)
    img = Image.open(io.BytesIO(png))
    assert img.format == "PNG"
    assert img.size[0] == pytest.approx(595.28 * 50 / 72, abs=1)
    assert img.size[1] == pytest.approx(841.89 * 50 / 72, abs=1)


# ------------------------------------------------------------------ bad input


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "kosong.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyFileError, match="kosong"):
        read_document(path, settings=Settings())
    with pytest.raises(EmptyFileError):
        read_document(b"", settings=Settings())


def test_not_a_pdf_or_image() -> None:
    with pytest.raises(UnsupportedFileTypeError, match="neither a PDF nor"):
        read_document(b"PERJANJIAN KERJA SAMA\nantara ...", name="pks.pdf", settings=Settings())


def test_truncated_pdf() -> None:
    data = agreement_pdf()
    with pytest.raises(CorruptFileError, match="rusak atau terpotong"):
        read_document(data[: len(data) // 3], settings=Settings())


def test_encrypted_pdf() -> None:
    out = io.BytesIO()
    c = canvas.Canvas(out, encrypt="rahasia")
    c.drawString(72, 720, "PERJANJIAN KERJA SAMA")
    c.showPage()
    c.save()
    with pytest.raises(EncryptedPdfError, match="dilindungi kata sandi"):
        read_document(out.getvalue(), settings=Settings())


def test_pdf_without_pages() -> None:
    import pypdfium2 as pdfium

    out = io.BytesIO()
    pdfium.PdfDocument.new().save(out)
    with pytest.raises(EmptyFileError, match="tidak punya halaman"):
        read_document(out.getvalue(), settings=Settings())


def test_too_many_pages() -> None:
    with pytest.raises(TooManyPagesError, match="3 pages, more than the limit of 2"):
        read_document(agreement_pdf(pages=3), settings=Settings(max_pages=2))


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "besar.pdf"
    path.write_bytes(agreement_pdf())
    with pytest.raises(FileTooLargeError, match="over the limit"):
        read_document(path, settings=Settings(max_file_bytes=1000))


def test_decompression_bomb_image() -> None:
    out = io.BytesIO()
    Image.new("1", (6000, 6000), 1).save(out, format="PNG")  # a few kB on disk, 36 Mpx
    assert len(out.getvalue()) < 100_000
    with pytest.raises(ImageTooLargeError, match="over the limit"):
        read_document(out.getvalue(), settings=Settings(max_image_pixels=10_000_000))
    with pytest.raises(ImageTooLargeError):  # PIL's own bomb check (> 2x its limit) is typed too
        read_document(out.getvalue(), settings=Settings(max_image_pixels=1_000_000))


def test_truncated_image() -> None:
    out = io.BytesIO()
    Image.effect_noise((400, 400), 60).save(out, format="PNG")
    data = out.getvalue()
    with pytest.raises(CorruptFileError, match="rusak atau terpotong"):
        read_document(data[: len(data) // 2], settings=Settings())


def test_page_png_of_a_multipage_tiff() -> None:
    out = io.BytesIO()
    frames = [Image.new("RGB", (850, 1100), c) for c in ("white", "red")]
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:], dpi=(100, 100))
    img = Image.open(io.BytesIO(page_png(out.getvalue(), 2, dpi=50)))
    assert img.size == (425, 550)
    assert img.convert("RGB").getpixel((10, 10)) == (255, 0, 0)


def test_pdfplumber_reads_the_same_lines_as_pdfium() -> None:
    data = agreement_pdf()
    fast = read_document(data, settings=Settings())
    reference = read_document(data, settings=Settings(text_layer_engine="pdfplumber"))
    assert reference.pages[0].method == "text"
    assert _texts(reference.pages[0].lines) == _texts(fast.pages[0].lines)
    first_fast, first_ref = fast.pages[0].lines[0], reference.pages[0].lines[0]
    assert first_ref.box is not None and first_fast.box is not None
    assert first_ref.box.x0 == pytest.approx(first_fast.box.x0, abs=1.5)
