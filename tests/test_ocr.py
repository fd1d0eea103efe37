"""OCR with real Tesseract on pages rendered in the test (reportlab → pdfium → PIL)."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from rapidfuzz.distance import Levenshtein
from reportlab.pdfgen import canvas
from test_ingest_samples import agreement_pdf, degrade, expected_text, image_pdf, rasterise

from extractor.ingest import read_document, read_many
from extractor.ocr import preprocess
from extractor.ocr.engine import get_engine
from extractor.ocr.pool import OcrPool
from models import Settings
from models.errors import UnsupportedFileTypeError

pytestmark = pytest.mark.slow

KEY_WORDS = ["PERJANJIAN", "KERJA", "SAMA", "SUKAMAJU", "119/123/KDN/2021", "PIHAK", "KEDUA"]


def cer(got: str, want: str) -> float:
    """Character error rate over whitespace-normalised text."""
    got, want = " ".join(got.split()), " ".join(want.split())
    return Levenshtein.distance(got, want) / max(1, len(want))


def body_of(text: str) -> str:
    """The page text up to the signature block (the part ``expected_text`` covers)."""
    return text.split("PIHAK PERTAMA,")[0]


@pytest.fixture(scope="module")
def page_200() -> Image.Image:
    return rasterise(agreement_pdf(), dpi=200)


def test_skewed_noisy_scan_is_levelled_and_read(page_200: Image.Image) -> None:
    scan = degrade(page_200, angle=-2.0, noise=0.12)
    doc = read_document(image_pdf([scan], dpi=200), settings=Settings())
    [page] = doc.pages
    assert page.method == "ocr"
    assert page.skew == pytest.approx(2.0, abs=0.3)
    assert cer(body_of(page.text), expected_text()) < 0.02
    assert page.ocr_confidence is not None and page.ocr_confidence > 0.8
    words = [w for line in page.lines for w in line.words]
    assert all(0.0 <= w.conf <= 1.0 for w in words)
    # boxes are in points on the A4 page, not in pixels
    assert all(
        0 <= w.box.x0 < w.box.x1 <= 596 and 0 <= w.box.top < w.box.bottom <= 842 for w in words
    )
    title = next(w for w in words if w.text == "PERJANJIAN")
    # where the title is on the skewed scan: (72, 69) pt turned by 2° about the page centre
    assert title.box.x0 == pytest.approx(86, abs=5)
    assert title.box.top == pytest.approx(58, abs=5)
    # signature columns stay apart after OCR too
    texts = [line.text for line in page.lines]
    assert texts.index("PIHAK KEDUA,") > texts.index("BUPATI SUKAMAJU")


def test_page_turned_90_degrees_is_detected(page_200: Image.Image) -> None:
    turned = page_200.rotate(-90, expand=True)  # turned clockwise, as scanned sideways
    out = io.BytesIO()
    turned.save(out, format="PNG", dpi=(200, 200))
    doc = read_document(out.getvalue(), settings=Settings())
    [page] = doc.pages
    assert page.rotation == 90
    assert cer(body_of(page.text), expected_text()) < 0.03
    # the page keeps the shape it has in the file (landscape), boxes inside it
    assert page.width > page.height
    words = [w for line in page.lines for w in line.words]
    assert all(w.box.x1 <= page.width + 1 and w.box.bottom <= page.height + 1 for w in words)


def test_grey_photo_without_dpi_is_cleaned_and_read(page_200: Image.Image) -> None:
    photo = degrade(page_200, background=140, noise=0.04)
    arr = np.asarray(photo)
    assert preprocess.needs_flat_field(preprocess.small_copy(arr))
    assert not preprocess.needs_flat_field(preprocess.small_copy(np.asarray(page_200)))
    out = io.BytesIO()
    photo.convert("RGB").save(out, format="JPEG", quality=90)  # no DPI in the file
    doc = read_document(out.getvalue(), name="foto.jpg", settings=Settings())
    [page] = doc.pages
    assert doc.mime == "image/jpeg"
    assert page.width == pytest.approx(595, rel=0.03)  # DPI estimated from A4
    assert cer(body_of(page.text), expected_text()) < 0.03


def test_mixed_pdf_reads_text_page_and_ocrs_image_page(page_200: Image.Image) -> None:
    scan = image_pdf([page_200], dpi=200)
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawString(72, 760, "PERJANJIAN KERJA SAMA antara Pemerintah Kabupaten dan Universitas")
    c.drawString(72, 740, "Pasal 1 Maksud dan tujuan kerja sama ini adalah pengembangan daerah")
    c.showPage()
    c.save()
    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument(out.getvalue())
    merged.import_pages(pdfium.PdfDocument(scan))
    buf = io.BytesIO()
    merged.save(buf)
    doc = read_document(buf.getvalue(), settings=Settings())
    assert [p.method for p in doc.pages] == ["text", "ocr"]
    assert all(k in doc.pages[1].text for k in KEY_WORDS)
    # the same file with a page time limit too short for OCR: the page fails, the rest reads
    slow = read_document(buf.getvalue(), settings=Settings(ocr_page_timeout=0.05))
    assert [p.method for p in slow.pages] == ["text", "failed"]
    assert slow.pages[1].error and "time limit" in slow.pages[1].error


def test_garbage_text_layer_over_a_scan_is_replaced_by_ocr(page_200: Image.Image) -> None:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(595.28, 841.89))
    png = io.BytesIO()
    page_200.save(png, format="PNG")
    from reportlab.lib.utils import ImageReader

    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, width=595.28, height=841.89)
    text = c.beginText(72, 760)
    text.setTextRenderMode(3)  # invisible, as OCR layers are
    for _ in range(12):
        text.textLine("Pnrjnnjinn kcrjn snmn nntnrn pcmcrintnh knbvpntcn svknmnjv dcngnn")
    c.drawText(text)
    c.showPage()
    c.save()
    doc = read_document(out.getvalue(), settings=Settings())
    [page] = doc.pages
    assert page.method == "ocr"
    assert "PERJANJIAN KERJA SAMA" in page.text


def test_pool_reads_pages_of_many_documents(page_200: Image.Image, tmp_path) -> None:
    frames = [page_200, degrade(page_200, noise=0.05)]
    tiff = tmp_path / "scan.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:], dpi=(200, 200))
    bad = tmp_path / "bukan.pdf"
    bad.write_bytes(b"just some text")
    digital = tmp_path / "digital.pdf"
    digital.write_bytes(agreement_pdf())
    settings = Settings()
    with OcrPool(workers=2) as pool:
        assert len(set(pool.pids())) == 2
        results = dict(read_many([tiff, bad, digital], pool=pool, settings=settings))
        doc = read_document(tiff, settings=settings, pool=pool)
    assert set(results) == {str(tiff), str(bad), str(digital)}
    assert isinstance(results[str(bad)], UnsupportedFileTypeError)
    scanned = results[str(tiff)]
    assert not isinstance(scanned, Exception)
    assert scanned.mime == "image/tiff"
    assert [p.method for p in scanned.pages] == ["ocr", "ocr"]
    assert [p.number for p in scanned.pages] == [1, 2]
    for page in scanned.pages:
        assert cer(body_of(page.text), expected_text()) < 0.02
    assert [p.text for p in doc.pages] == [p.text for p in scanned.pages]
    assert [p.method for p in results[str(digital)].pages] == ["text"]  # type: ignore[union-attr]


def test_both_engines_read_the_same_page(page_200: Image.Image) -> None:
    texts = {}
    for name in ("tesserocr", "pytesseract"):
        words = get_engine(name, "ind").words(page_200, 200, 60)
        assert words and all(0 <= w.conf <= 1 for w in words)
        texts[name] = " ".join(w.text for w in words)
    assert cer(texts["pytesseract"], texts["tesserocr"]) < 0.02
    assert all(k in texts["tesserocr"] for k in KEY_WORDS)


def test_a_worker_that_does_not_answer_is_replaced(
    page_200: Image.Image, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractor.ocr import pool as pool_module

    scan = image_pdf([page_200], dpi=200)
    with OcrPool(workers=1) as pool:
        first_pid = pool.pids()[0]
        # the hard limit falls 10 ms after the page is sent: the parent must kill the worker
        monkeypatch.setattr(pool_module, "KILL_GRACE", -29.99)
        stuck = read_document(scan, settings=Settings(ocr_page_timeout=30), pool=pool)
        monkeypatch.setattr(pool_module, "KILL_GRACE", 5.0)
        fresh = read_document(scan, settings=Settings(), pool=pool)
        assert pool.pids()[0] != first_pid
    assert [p.method for p in stuck.pages] == ["failed"]
    assert stuck.pages[0].error and "stopped" in stuck.pages[0].error
    assert stuck.pages[0].width == pytest.approx(595, abs=2)
    assert [p.method for p in fresh.pages] == ["ocr"]
    assert "PERJANJIAN" in fresh.pages[0].text


def test_upside_down_page_is_turned_after_a_bad_first_read(page_200: Image.Image) -> None:
    out = io.BytesIO()
    page_200.rotate(180).save(out, format="PNG", dpi=(200, 200))
    [page] = read_document(out.getvalue(), settings=Settings()).pages
    assert page.rotation == 180
    assert cer(body_of(page.text), expected_text()) < 0.02
