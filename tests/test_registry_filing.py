"""The consume pipeline (service.consume) shared by the API's jobs, the backfill and the CLI."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from test_registry_support import agreement_text

from models import ExtractionError, Settings
from service.consume import Context, Filer
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


def _consume(registry: Registry, data: bytes, name: str, user: str = "system") -> Context:
    ctx = Context(name=name, data=data, settings=Settings(), user=user)
    return Filer(registry).consume(ctx)


def test_the_pipeline_files_answers_copies_and_remembers_typed_failures(tmp_path: Path) -> None:
    with Registry.open(Settings(data_dir=tmp_path / "data")) as registry:
        data = _pdf()
        ctx = _consume(registry, data, "pks.pdf", user="rina")
        result = ctx.filed
        assert ctx.error is None and result is not None and result.outcome == "filed"
        assert list(ctx.seconds) == [
            "preflight",
            "check_filed",
            "read_pages",
            "apply_rules",
            "file",
        ]
        view = registry.get_agreement(result.agreement_id)
        assert view.fields["numbers"].value == ["119/123/KDN/2019"]
        assert view.fields["doc_type"].value == "PKS"
        assert registry.extractions(result.agreement_id)[0].extractor_version
        again = _consume(registry, data, "again.pdf")
        assert "read_pages" not in again.seconds  # answered from the registry, not read
        assert again.filed is not None and again.filed.outcome == "exact_duplicate"
        assert again.filed.agreement_id == result.agreement_id

        bad = b"%PDF-1.4\nbroken beyond repair"
        broken = _consume(registry, bad, "rusak.pdf")
        assert isinstance(broken.error, ExtractionError) and broken.filed is None
        failure = registry.failure(sha256_of(bad))
        assert failure is not None and failure["error_code"] == broken.error.code
        assert registry.stats()["files"] == 1
