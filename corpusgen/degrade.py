"""Scans, phone photos and page images made from a PDF.

Each page is rendered with pypdfium2, then aged the way real copies are:
skew, blur, sensor noise, uneven lighting, JPEG artefacts, extra stamps over
text; the "photo" profile adds the grey CamScanner-like paper, perspective and
a shadow that defeat plain Tesseract. Everything is driven by one seed so a
scan is reproducible byte for byte.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

PROFILES = ("scan", "hard", "photo")


@dataclass(frozen=True)
class PagePlan:
    """How one page is degraded; exposed so the corpus can record turned pages."""

    angle: float
    turn90: int  # 0, 1 (90° counter-clockwise) or 3 (90° clockwise)
    blur: float
    noise: float
    light: float
    quality: int
    stamp: bool
    specks: float
    show_through: float = 0.0  # strength of the mirrored back page bleeding through


def plan_pages(n_pages: int, profile: str, seed: int) -> list[PagePlan]:
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; expected one of {PROFILES}")
    rng = np.random.default_rng(seed)
    turned = -1
    if profile in ("hard", "photo") and n_pages > 1 and rng.random() < 0.5:
        turned = int(rng.integers(1, n_pages))
    plans = []
    for i in range(n_pages):
        if profile == "scan":
            p = PagePlan(
                float(rng.uniform(-1.0, 1.0)),
                0,
                float(rng.uniform(0.3, 0.7)),
                float(rng.uniform(3, 6)),
                float(rng.uniform(0.0, 0.08)),
                int(rng.integers(62, 70)),
                bool(rng.random() < 0.15),
                0.0,
            )
        elif profile == "hard":
            p = PagePlan(
                float(rng.choice([-1, 1]) * rng.uniform(1.0, 3.0)),
                int(rng.choice([1, 3])) if i == turned else 0,
                float(rng.uniform(0.7, 1.2)),
                float(rng.uniform(4, 7)),
                float(rng.uniform(0.08, 0.2)),
                int(rng.integers(50, 58)),
                bool(rng.random() < 0.4),
                float(rng.uniform(0.0002, 0.001)),
                float(rng.uniform(0.05, 0.12)) if rng.random() < 0.5 else 0.0,
            )
        else:
            p = PagePlan(
                float(rng.uniform(-2.5, 2.5)),
                int(rng.choice([1, 3])) if i == turned else 0,
                float(rng.uniform(0.8, 1.2)),
                float(rng.uniform(1, 2.5)),
                float(rng.uniform(0.25, 0.4)),
                int(rng.integers(65, 76)),
                bool(rng.random() < 0.3),
                0.0,
                float(rng.uniform(0.04, 0.1)) if rng.random() < 0.4 else 0.0,
            )
        plans.append(p)
    return plans


def _render_gray(pdf: bytes, dpi: int) -> list[np.ndarray]:
    doc = pdfium.PdfDocument(pdf)
    out = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            bmp = page.render(scale=dpi / 72.0, grayscale=True)
            img = bmp.to_pil().convert("L")
            out.append(np.asarray(img, dtype=np.uint8).copy())
            page.close()
    finally:
        doc.close()
    return out


def _rotate(img: np.ndarray, angle: float, fill: int) -> np.ndarray:
    h, w = img.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=fill)


def _lighting(shape: tuple[int, int], strength: float, rng: np.random.Generator) -> np.ndarray:
    h, w = shape
    small = rng.uniform(1.0 - strength, 1.0, size=(3, 3)).astype(np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def _stamp_over_text(img: np.ndarray, rng: np.random.Generator, dpi: int) -> None:
    h, w = img.shape
    r = int(dpi * rng.uniform(0.45, 0.6))
    cx = int(rng.uniform(0.25, 0.75) * w)
    cy = int(rng.uniform(0.2, 0.8) * h)
    layer = np.zeros_like(img, dtype=np.uint8)
    cv2.circle(layer, (cx, cy), r, 255, max(2, dpi // 60))
    cv2.circle(layer, (cx, cy), int(r * 0.7), 255, max(1, dpi // 120))
    for k in range(18):
        a = 2 * np.pi * k / 18
        px, py = int(cx + 0.85 * r * np.cos(a)), int(cy + 0.85 * r * np.sin(a))
        cv2.circle(layer, (px, py), max(2, dpi // 70), 255, -1)
    ink = 110.0
    alpha = (layer.astype(np.float32) / 255.0) * rng.uniform(0.45, 0.7)
    img[:] = (img * (1 - alpha) + ink * alpha).astype(np.uint8)


def degrade_page(
    img: np.ndarray,
    plan: PagePlan,
    profile: str,
    seed: int,
    dpi: int,
    back: np.ndarray | None = None,
) -> np.ndarray:
    """Age one rendered page; ``back`` is the sheet behind it, for show-through."""
    rng = np.random.default_rng(seed)
    out = img.astype(np.float32)
    if plan.show_through and back is not None:
        flipped = np.fliplr(back).astype(np.float32)
        if flipped.shape != out.shape:
            flipped = np.asarray(cv2.resize(flipped, (out.shape[1], out.shape[0])), np.float32)
        ghost = np.asarray(cv2.GaussianBlur(flipped, (0, 0), 1.5 * dpi / 300), np.float32)
        out = out * (1.0 - plan.show_through * (1.0 - ghost / 255.0))
    if plan.stamp:
        tmp = out.astype(np.uint8)
        _stamp_over_text(tmp, rng, dpi)
        out = tmp.astype(np.float32)
    if profile == "photo":
        # paper is grey and low-contrast under room light
        paper = rng.uniform(140, 175)
        ink = rng.uniform(45, 70)
        out = ink + (out / 255.0) * (paper - ink)
    bg = 250 if profile != "photo" else int(rng.uniform(70, 110))
    out = _rotate(out, plan.angle, 255 if profile != "photo" else bg)
    if profile == "photo":
        h, w = out.shape
        pad = int(0.05 * max(h, w))
        canvas = np.full((h + 2 * pad, w + 2 * pad), float(bg), dtype=np.float32)
        src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
        jit = rng.uniform(-0.025, 0.025, size=(4, 2)) * np.array([w, h])
        dst = (src + pad + jit).astype(np.float32)
        m = cv2.getPerspectiveTransform(src, dst)
        mask = cv2.warpPerspective(np.ones_like(out), m, (canvas.shape[1], canvas.shape[0]))
        warped = cv2.warpPerspective(out, m, (canvas.shape[1], canvas.shape[0]))
        out = canvas * (1 - mask) + warped * mask
        # a soft shadow across one side
        hh, ww = out.shape
        xs = np.linspace(0, 1, ww, dtype=np.float32)
        ys = np.linspace(0, 1, hh, dtype=np.float32)
        gx, gy = np.meshgrid(xs, ys)
        a, b = rng.uniform(-1, 1, size=2)
        band = np.clip((a * gx + b * gy - rng.uniform(-0.2, 0.6)) * 2.5, 0, 1)
        out = out * (1 - rng.uniform(0.3, 0.5) * band)
    out = out * _lighting(out.shape, plan.light, rng)
    # sensor noise before the optics' blur: grain as a scanner gives it, and it keeps JPEGs small
    out = out + rng.normal(0, plan.noise, size=out.shape).astype(np.float32)
    if plan.blur > 0:
        out = cv2.GaussianBlur(out, (0, 0), plan.blur * dpi / 300)
    if plan.specks:
        n = int(plan.specks * out.size)
        rows = rng.integers(0, out.shape[0], n)
        cols = rng.integers(0, out.shape[1], n)
        out[rows, cols] = rng.choice([0.0, 255.0], size=n)
    if profile == "scan":
        # a flatbed's automatic levels turn the paper white; grain stays on the ink only
        out[out > 236] = 255
    res = np.clip(out, 0, 255).astype(np.uint8)
    if plan.turn90:
        res = np.ascontiguousarray(np.rot90(res, plan.turn90))
    return res


def degraded_pages(
    pdf: bytes, profile: str, seed: int, dpi: int
) -> tuple[list[np.ndarray], list[PagePlan]]:
    pages = _render_gray(pdf, dpi)
    plans = plan_pages(len(pages), profile, seed)
    out = [
        degrade_page(p, pl, profile, seed * 1000 + i, dpi, back=_back_of(pages, i))
        for i, (p, pl) in enumerate(zip(pages, plans, strict=True))
    ]
    return out, plans


def _back_of(pages: list[np.ndarray], i: int) -> np.ndarray | None:
    """The sheet that shows through: the next page, or the previous one for the last."""
    if len(pages) < 2:
        return None
    return pages[i + 1] if i + 1 < len(pages) else pages[i - 1]


def _jpeg(img: np.ndarray, quality: int, dpi: int | None = None) -> bytes:
    buf = io.BytesIO()
    kw: dict[str, object] = {"quality": quality, "optimize": True, "progressive": True}
    if dpi:
        kw["dpi"] = (dpi, dpi)
    Image.fromarray(img, mode="L").save(buf, "JPEG", **kw)
    return buf.getvalue()


def render_scan_pdf(pdf: bytes, profile: str = "scan", seed: int = 0, dpi: int = 300) -> bytes:
    """An image-only PDF (one grayscale JPEG per page, no text layer)."""
    imgs, plans = degraded_pages(pdf, profile, seed, dpi)
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    c.setProducer("corpusgen")
    c.setCreator("corpusgen")
    for img, plan in zip(imgs, plans, strict=True):
        h, w = img.shape
        size = (w * 72.0 / dpi, h * 72.0 / dpi)
        c.setPageSize(size)
        c.drawImage(ImageReader(io.BytesIO(_jpeg(img, plan.quality))), 0, 0, size[0], size[1])
        c.showPage()
    c.save()
    return buf.getvalue()


def render_image(
    pdf: bytes,
    page: int = 1,
    fmt: str = "jpeg",
    dpi: int = 300,
    embed_dpi: bool = True,
    profile: str = "scan",
    seed: int = 0,
) -> bytes:
    """One page as a JPEG, PNG or TIFF image, degraded like a scan or photo."""
    imgs, plans = degraded_pages(_one_page(pdf, page), profile, seed, dpi)
    return _encode(imgs[0], fmt, dpi if embed_dpi else None, plans[0].quality)


def render_multipage_tiff(
    pdf: bytes, dpi: int = 200, profile: str = "scan", seed: int = 0, embed_dpi: bool = True
) -> bytes:
    """All pages in one multi-page TIFF, JPEG-compressed as office scanners write them."""
    imgs, _ = degraded_pages(pdf, profile, seed, dpi)
    pil = [Image.fromarray(i, mode="L") for i in imgs]
    buf = io.BytesIO()
    kw: dict[str, object] = {
        "compression": "jpeg",
        "quality": 75,
        "save_all": True,
        "append_images": pil[1:],
    }
    if embed_dpi:
        kw["dpi"] = (dpi, dpi)
    pil[0].save(buf, "TIFF", **kw)
    return buf.getvalue()


def _encode(img: np.ndarray, fmt: str, dpi: int | None, quality: int) -> bytes:
    fmt = fmt.lower()
    if fmt in ("jpeg", "jpg"):
        return _jpeg(img, quality, dpi)
    buf = io.BytesIO()
    kw: dict[str, object] = {}
    if dpi:
        kw["dpi"] = (dpi, dpi)
    if fmt == "png":
        Image.fromarray(img, mode="L").save(buf, "PNG", optimize=True, **kw)
    elif fmt in ("tiff", "tif"):
        Image.fromarray(img, mode="L").save(buf, "TIFF", compression="jpeg", quality=quality, **kw)
    else:
        raise ValueError(f"unknown image format {fmt!r}")
    return buf.getvalue()


def _one_page(pdf: bytes, page: int) -> bytes:
    """A PDF holding only ``page`` (1-based), so a single page is rendered."""
    src = pdfium.PdfDocument(pdf)
    try:
        if not 1 <= page <= len(src):
            raise ValueError(f"page {page} out of range 1..{len(src)}")
        dst = pdfium.PdfDocument.new()
        dst.import_pages(src, [page - 1])
        buf = io.BytesIO()
        dst.save(buf)
        dst.close()
        return buf.getvalue()
    finally:
        src.close()
