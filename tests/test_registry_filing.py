"""The one "file an upload" path shared by the API's jobs and the backfill."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from test_registry_support import agreement_text

from models import ExtractionError, Settings
from service.filing import file_upload
from service.registry import Registry
from service.registry.store import sha256_of


def _pdf() -> bytes:
    pages = agreement_text(
        number="119/123/KDN/2019", title="Pengembangan Pariwisata",
        first="Pemerintah Provinsi Jawa Timur", second="Pemerintah Kabupaten Sidoarjo",
        signed=dt.date(2019, 3, 27), scope=["pariwisata", "promosi"],
    )  # fmt: skip
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    for text in pages:
        y = 800.0
        for line in text.splitlines():
            c.drawString(50, y, line[:95])
            y -= 16
        c.showPage()
    c.save()
    return buffer.getvalue()


def test_file_upload_extracts_files_and_remembers_failures(tmp_path: Path) -> None:
    with Registry.open(Settings(data_dir=tmp_path / "data")) as registry:
        data = _pdf()
        result = file_upload(registry, data, "pks.pdf", user="rina")
        assert result.outcome == "filed"
        view = registry.get_agreement(result.agreement_id)
        assert view.fields["numbers"].value == ["119/123/KDN/2019"]
        assert view.fields["doc_type"].value == "PKS"
        assert registry.extractions(result.agreement_id)[0].extractor_version
        again = file_upload(registry, data, "again.pdf")
        assert again.outcome == "exact_duplicate" and again.agreement_id == result.agreement_id

        bad = b"%PDF-1.4\nbroken beyond repair"
        with pytest.raises(ExtractionError) as caught:
            file_upload(registry, bad, "rusak.pdf")
        failure = registry.failure(sha256_of(bad))
        assert failure is not None and failure["error_code"] == caught.value.code
        assert registry.stats()["files"] == 1
