"""Real agreement pages made in the tests: reportlab PDFs and rasterised scans.

Not tests themselves: the builders the ingest and OCR tests share.
"""

from __future__ import annotations

import io

import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

BODY = [
    "PERJANJIAN KERJA SAMA",
    "ANTARA",
    "PEMERINTAH KABUPATEN SUKAMAJU",
    "DENGAN",
    "UNIVERSITAS NEGERI HARAPAN BANGSA",
    "TENTANG",
    "PENGEMBANGAN SUMBER DAYA MANUSIA",
    "Nomor : 119/123/KDN/2021",
    "Pada hari ini Senin tanggal dua puluh satu bulan Juni tahun dua ribu dua puluh",
    "satu, bertempat di Sukamaju, yang bertanda tangan di bawah ini:",
    "Bupati Sukamaju, dalam hal ini bertindak untuk dan atas nama Pemerintah",
    "Kabupaten Sukamaju, selanjutnya disebut PIHAK PERTAMA.",
    "Rektor Universitas Negeri Harapan Bangsa, dalam hal ini bertindak untuk dan",
    "atas nama Universitas, selanjutnya disebut PIHAK KEDUA.",
    "Pasal 1",
    "MAKSUD DAN TUJUAN",
    "Maksud Perjanjian Kerja Sama ini adalah sebagai landasan bagi PARA PIHAK",
    "dalam melaksanakan kerja sama pengembangan sumber daya manusia aparatur.",
    "Pasal 2",
    "JANGKA WAKTU",
    "Perjanjian Kerja Sama ini berlaku untuk jangka waktu 3 (tiga) tahun sejak",
    "tanggal ditandatangani dan dapat diperpanjang atas kesepakatan PARA PIHAK.",
]

SIGNATURES = [
    ("PIHAK PERTAMA,", "PIHAK KEDUA,"),
    ("BUPATI SUKAMAJU", "REKTOR UNIVERSITAS"),
    ("Drs. AHMAD SUBAGJA, M.Si", "Prof. Dr. RINA WULANDARI"),
]


def agreement_pdf(*, pages: int = 1, signatures: bool = True, font_size: int = 12) -> bytes:
    """A digital agreement: body text, and a two-column signature block on the last page."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    height = A4[1]
    for page in range(pages):
        y = height - 72
        c.setFont("Helvetica", font_size)
        for line in BODY:
            c.drawString(72, y, line)
            y -= font_size * 1.6
        if signatures and page == pages - 1:
            y -= 30
            for left, right in SIGNATURES:
                c.drawString(72, y, left)
                c.drawString(330, y, right)
                y -= 50 if left.startswith("BUPATI") else font_size * 1.6
        c.showPage()
    c.save()
    return out.getvalue()


def rasterise(pdf: bytes, *, dpi: int = 200, page: int = 0) -> Image.Image:
    doc = pdfium.PdfDocument(pdf)
    img = doc[page].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    return img


def degrade(
    img: Image.Image,
    *,
    angle: float = 0.0,
    noise: float = 0.0,
    background: int = 255,
    seed: int = 1,
) -> Image.Image:
    """A scanner's or phone's view: small rotation, grey uneven background, noise."""
    if angle:
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    arr = np.asarray(img, dtype=np.float32) / 255.0
    if background < 255:
        h, w = arr.shape
        ramp = np.linspace(background / 255.0, min(1.0, background / 255.0 + 0.25), w)
        arr = arr * ramp[None, :] * np.linspace(1.0, 0.8, h)[:, None]
    if noise:
        rng = np.random.default_rng(seed)
        arr = arr + rng.normal(0.0, noise, arr.shape)
    return Image.fromarray(np.clip(arr * 255.0, 0, 255).astype(np.uint8), mode="L")


def image_pdf(images: list[Image.Image], dpi: int) -> bytes:
    """A scanned PDF: one lossless image per page (PIL writes Flate-encoded pages)."""
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


def expected_text() -> str:
    return "\n".join(BODY)
