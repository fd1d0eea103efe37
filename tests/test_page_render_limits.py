"""A huge page cannot make the server render a huge bitmap (issue 9.2).

A 14400 x 14400 pt page (the PDF is a few hundred bytes) would be 400
megapixels at 100 dpi; the cap from settings is applied from the page size
before rendering, the image comes back smaller, and it is cached on disk.
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image
from reportlab.pdfgen.canvas import Canvas
from test_api_support import add_key, client, file_records, make_settings, record, running_server

pytestmark = pytest.mark.slow

CAP = 2_000_000


def _huge_page_pdf() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(14400, 14400))
    canvas.setFont("Helvetica", 200)
    canvas.drawString(400, 14000, "NOTA KESEPAHAMAN")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_huge_page_is_capped_before_rendering_and_cached(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, page_image_max_pixels=CAP, page_image_dpi_max=200)
    data = _huge_page_pdf()
    sha = hashlib.sha256(data).hexdigest()
    _, document, extraction = record("Halaman raksasa", ["35.15"])
    document = document.model_copy(update={"sha256": sha, "size": len(data)})
    extraction = extraction.model_copy(update={"sha256": sha})
    file_records(settings, [(data, document, extraction)])
    with running_server(settings) as base, client(base, add_key(settings, "viewer")) as http:
        response = http.get(f"/api/v1/files/{sha}/pages/1.png")
        assert response.status_code == 200, response.text
        image = Image.open(io.BytesIO(response.content))
        assert image.width * image.height <= CAP
        assert image.width > 1000  # drawn smaller, not refused
        cached = list(settings.page_cache_dir.rglob(f"{sha}-1-100-*.png"))
        assert len(cached) == 1 and cached[0].read_bytes() == response.content
        assert http.get(f"/api/v1/files/{sha}/pages/1.png").content == response.content
        refused = http.get(f"/api/v1/files/{sha}/pages/1.png", params={"dpi": 300})
        assert refused.status_code == 422 and refused.json()["error"] == "invalid_input"
        assert (
            http.get(f"/api/v1/files/{sha}/pages/1.png", params={"dpi": 10**20}).status_code == 422
        )
