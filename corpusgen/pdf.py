"""Draws laid-out pages with reportlab: a real text layer plus ink marks.

Stamps are raster images so that their ring lettering never enters the text
layer (a reader does not transcribe a stamp either); everything else is vector.
``invariant=1`` pins reportlab's creation date and document id, so one seed
always gives the same bytes.
"""

from __future__ import annotations

import io
import math
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from corpusgen.handwriting import handwriting_image
from corpusgen.layout import Graphic, Page


def pages_to_pdf(pages: list[Page], title: str = "") -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=pages[0].size, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("")
    c.setProducer("corpusgen")
    c.setCreator("corpusgen")
    for p in pages:
        c.setPageSize(p.size)
        for g in p.under:
            _graphic(c, g)
        c.setFillColorRGB(0, 0, 0)
        for ln in [*p.header, *p.body, *p.footer]:
            for k, r in enumerate(ln.runs):
                c.setFont(r.font, r.size)
                # a real space glyph after each word, as word processors write them, so text
                # extractors need not guess word breaks from gaps
                nxt = ln.runs[k + 1] if k + 1 < len(ln.runs) else None
                tail = " " if nxt is not None and not nxt.glue and nxt.y == r.y else ""
                c.drawString(r.x, r.y, r.text + tail)
                if r.underline:
                    w = c.stringWidth(r.text, r.font, r.size)
                    c.setLineWidth(0.8)
                    c.line(r.x, r.y - 2, r.x + w, r.y - 2)
        for g in p.over:
            _graphic(c, g)
        c.showPage()
    c.save()
    return buf.getvalue()


def _graphic(c: Canvas, g: Graphic) -> None:
    c.saveState()
    if g.kind == "rule" or g.kind == "vrule":
        c.setFillColorRGB(0, 0, 0)
        c.rect(g.x, g.y, g.w, g.h, stroke=0, fill=1)
    elif g.kind == "box":
        c.setLineWidth(0.6)
        c.rect(g.x, g.y, g.w, g.h, stroke=1, fill=0)
    elif g.kind == "meterai":
        c.setFillColorRGB(0.93, 0.82, 0.86)
        c.setStrokeColorRGB(0.6, 0.3, 0.4)
        c.setDash(2, 1)
        c.rect(g.x, g.y, g.w, g.h, stroke=1, fill=1)
        c.setDash()
        rng = random.Random(g.seed)
        c.setStrokeColorRGB(0.75, 0.55, 0.6)
        c.setLineWidth(0.4)
        for _ in range(6):
            yy = g.y + rng.uniform(2, g.h - 2)
            c.line(g.x + 2, yy, g.x + g.w - 2, yy + rng.uniform(-3, 3))
    elif g.kind in ("signature", "initial"):
        _scribble(c, g)
    elif g.kind == "ink":
        _ink(c, g)
    elif g.kind == "stamp":
        img = _stamp_image(g.seed, g.color)
        c.setFillAlpha(1)
        c.drawImage(ImageReader(img), g.x, g.y, g.w, g.h, mask="auto")
    elif g.kind == "logo":
        _logo(c, g)
    elif g.kind == "handwriting":
        pen = handwriting_image(g.label, g.seed)
        h = g.w * pen.height / pen.width
        c.drawImage(ImageReader(pen), g.x, g.y, g.w, h, mask="auto")
    c.restoreState()


def _scribble(c: Canvas, g: Graphic) -> None:
    rng = random.Random(g.seed)
    c.setStrokeColorRGB(*g.color)
    c.setLineWidth(1.1 if g.kind == "signature" else 0.7)
    p = c.beginPath()
    x, y = g.x + rng.uniform(0, g.w * 0.2), g.y + rng.uniform(g.h * 0.3, g.h * 0.7)
    p.moveTo(x, y)
    for _ in range(rng.randint(3, 6)):
        nx = min(g.x + g.w, x + rng.uniform(g.w * 0.1, g.w * 0.35))
        ny = g.y + rng.uniform(0, g.h)
        p.curveTo(
            x + rng.uniform(-20, 30),
            g.y + rng.uniform(0, g.h),
            nx + rng.uniform(-30, 10),
            g.y + rng.uniform(0, g.h),
            nx,
            ny,
        )
        x, y = nx, ny
    c.drawPath(p, stroke=1, fill=0)


def _ink(c: Canvas, g: Graphic) -> None:
    """Wet ink over printed text: two or three short heavy strokes of a signature's tail
    or a pen that rested on the paper, dark enough to read as characters on a scan."""
    rng = random.Random(g.seed * 31 + 5)
    c.setStrokeColorRGB(0.05, 0.05, 0.2)
    c.setLineCap(1)
    for _ in range(rng.randint(2, 3)):
        c.setLineWidth(rng.uniform(1.4, 2.4))
        x0 = g.x + rng.uniform(0, g.w * 0.4)
        x1 = g.x + rng.uniform(g.w * 0.5, g.w)
        p = c.beginPath()
        p.moveTo(x0, g.y + rng.uniform(0, g.h))
        p.curveTo(
            x0 + rng.uniform(-3, 3),
            g.y + rng.uniform(0, g.h),
            x1 + rng.uniform(-3, 3),
            g.y + rng.uniform(0, g.h),
            x1,
            g.y + rng.uniform(0, g.h),
        )
        c.drawPath(p, stroke=1, fill=0)


def _logo(c: Canvas, g: Graphic) -> None:
    rng = random.Random(g.seed)
    cx, cy, r = g.x + g.w / 2, g.y + g.h / 2, min(g.w, g.h) / 2
    palette = [(0.1, 0.35, 0.2), (0.7, 0.1, 0.1), (0.85, 0.65, 0.1), (0.1, 0.2, 0.55)]
    col = palette[rng.randrange(len(palette))]
    c.setFillColorRGB(*col)
    c.setStrokeColorRGB(0, 0, 0)
    if rng.random() < 0.5:
        c.circle(cx, cy, r, stroke=1, fill=1)
    else:  # shield
        p = c.beginPath()
        p.moveTo(cx - r * 0.8, cy + r)
        p.lineTo(cx + r * 0.8, cy + r)
        p.lineTo(cx + r * 0.8, cy)
        p.curveTo(cx + r * 0.8, cy - r * 0.6, cx + r * 0.2, cy - r * 0.9, cx, cy - r)
        p.curveTo(cx - r * 0.2, cy - r * 0.9, cx - r * 0.8, cy - r * 0.6, cx - r * 0.8, cy)
        p.close()
        c.drawPath(p, stroke=1, fill=1)
    c.setFillColorRGB(0.95, 0.85, 0.3)
    n = rng.choice((5, 8, 17))
    p = c.beginPath()
    for k in range(2 * n):
        rad = r * (0.55 if k % 2 == 0 else 0.25)
        a = math.pi / 2 + k * math.pi / n
        px, py = cx + rad * math.cos(a), cy + rad * math.sin(a)
        if k == 0:
            p.moveTo(px, py)
        else:
            p.lineTo(px, py)
    p.close()
    c.drawPath(p, stroke=0, fill=1)


@lru_cache(maxsize=256)
def _stamp_image(seed: int, color: tuple[float, float, float]) -> Image.Image:
    rng = random.Random(seed)
    size = 256
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    ink = (*(int(v * 255) for v in color), int(255 * rng.uniform(0.55, 0.8)))
    d.ellipse((8, 8, size - 8, size - 8), outline=ink, width=7)
    d.ellipse((46, 46, size - 46, size - 46), outline=ink, width=3)
    font = ImageFont.load_default(size=22)
    letters = "".join(rng.choice("ABDEGIKLMNOPRSTU ") for _ in range(24))
    for k, ch in enumerate(letters):
        a = -math.pi + k * 2 * math.pi / len(letters)
        x = size / 2 + 92 * math.cos(a)
        y = size / 2 + 92 * math.sin(a)
        d.text((x - 7, y - 11), ch, fill=ink, font=font)
    d.regular_polygon((size / 2, size / 2, 28), n_sides=5, fill=ink)
    return img
