"""Numbers filled in by hand over a dotted blank, as records offices number signed copies.

The blank is printed ("Nomor : ..........") and the number is written later
in pen: uneven slant, size and baseline, blue ink, strokes thicker than type.
It is drawn as an image, never as text, so the digital PDF's text layer holds
only the dots, exactly as a scan would: the truth has the number (a person
reads it by eye), and the extractor is expected to say it is unsure rather
than give a confident wrong string.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from corpusgen.layout import Graphic, Page

_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"
DOTS = "." * 12
"""A run of dots this long in a body line is a blank to fill."""


@lru_cache(maxsize=64)
def handwriting_image(text: str, seed: int) -> Image.Image:
    """The text as a pen writes it: each character turned, scaled and lifted on its own."""
    rng = random.Random(seed)
    size = 44
    try:
        font: ImageFont.FreeTypeFont | ImageFont.ImageFont = ImageFont.truetype(_FONT, size)
    except OSError:
        font = ImageFont.load_default(size=size)
    ink = (20, 40, 150, 255)
    img = Image.new("RGBA", (int(len(text) * size * 0.75 + 40), int(size * 2)), (0, 0, 0, 0))
    x = 10.0
    for ch in text:
        glyph = Image.new("RGBA", (size * 2, size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text(
            (size * 0.4, size * 0.3), ch, font=font, fill=ink, stroke_width=rng.choice((1, 2))
        )
        glyph = glyph.rotate(rng.uniform(-14, 10), resample=Image.Resampling.BICUBIC)
        scale = rng.uniform(0.85, 1.2)
        glyph = glyph.resize((int(glyph.width * scale), int(glyph.height * scale)))
        lift = int(rng.uniform(-5, 5) + 6 * math.sin(x / 70.0))
        img.alpha_composite(glyph, (int(x) - int(size * 0.4), max(0, lift)))
        x += size * (0.5 if ch in "/.-" else 0.62) * scale + rng.uniform(-3, 3)
    return img.filter(ImageFilter.GaussianBlur(0.6))


def fill_blank(pages: list[Page], text: str, seed: int, nth: int = 0) -> bool:
    """Write ``text`` by hand over the ``nth`` dotted blank of a 'Nomor' line; False if none."""
    for page in pages:
        for line in page.body:
            for run in line.runs:
                if DOTS in run.text and "nomor" in line.text.lower():
                    if nth > 0:
                        nth -= 1
                        continue
                    w = max(80.0, min(260.0, 6.2 * len(text)))
                    page.over.append(
                        Graphic(
                            "handwriting",
                            run.x + 4,
                            run.y - 6,
                            w,
                            w * 0.2,
                            seed,
                            label=text,
                            color=(0.08, 0.16, 0.6),
                        )
                    )
                    return True
    return False
