"""Review page images: bounded by settings before rendering, cached on disk.

The review page asks for its page image on its own, so a hostile file must not
be able to make each view render a huge bitmap: the pixel cap is applied from
the page size before rendering (``extractor.render.bounded_scale``), and the
PNG is kept under ``page_cache_dir`` so the next view of the same page costs a
file read. The cache key is the file's sha256 (its bytes never change), the
page, the dpi and the cap.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from extractor.render import page_png
from models import Settings
from models.errors import ValidationFailedError


def check_dpi(settings: Settings, dpi: int) -> None:
    low, high = settings.page_image_dpi_min, settings.page_image_dpi_max
    if not low <= dpi <= high:
        raise ValidationFailedError(
            f"dpi {dpi} di luar batas; gunakan {low} sampai {high}.",
            detail={"dpi_min": low, "dpi_max": high},
        )


def cached_page_png(settings: Settings, sha256: str, path: Path, page: int, dpi: int) -> bytes:
    check_dpi(settings, dpi)
    cap = settings.page_image_max_pixels
    target = settings.page_cache_dir / sha256[:2] / f"{sha256}-{page}-{dpi}-{cap}.png"
    if target.exists():
        return target.read_bytes()
    png = page_png(path.read_bytes(), page, dpi, max_pixels=cap)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(png)
    os.replace(tmp, target)
    return png
