"""What the ``kerjasama`` commands print for a person is Bahasa Indonesia.

The main commands run here on a real registry (a small digital PDF, a one-file
archive) and their human output is scanned for common English words, so a new
English message fails here instead of reaching a records clerk. Paths, error
codes (stable English identifiers by design) and the typer/click help frame are
not prose and are left out of the scan.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_api_support import agreement_pdf
from typer.testing import CliRunner

from models import get_settings
from service.cli import app
from service.evidence_reasons import evidence_reason

ENGLISH = {
    "the", "of", "and", "is", "are", "was", "with", "for", "from", "to", "on", "in", "by",
    "file", "files", "filed", "failed", "pages", "page", "key", "keys", "revoked", "active",
    "listening", "worker", "workers", "report", "agreement", "agreements", "within", "days",
    "shown", "once", "keep", "safe", "created", "field", "value", "error", "not", "found",
    "outcome", "left", "docs", "needs", "already", "would", "skipped", "duplicate",
    "duplicates", "candidates", "exact", "none", "queue", "registry", "region", "role",
    "reviewer", "viewer", "staff", "conf", "empty", "damaged", "truncated", "expiring",
}  # fmt: skip


def english_words(text: str) -> set[str]:
    """Common English words in ``text``, apart from paths and snake_case codes."""
    prose = " ".join(t for t in text.split() if "/" not in t and "_" not in t)
    return {w for w in re.findall(r"[A-Za-z]+", prose) if w.lower() in ENGLISH}


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    monkeypatch.setenv("KERJASAMA_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    runner = CliRunner()

    def invoke(*args: str, code: int = 0) -> str:
        result = runner.invoke(app, list(args), catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    yield invoke
    get_settings.cache_clear()


def test_command_output_has_no_english(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    archive = tmp_path / "arsip"
    archive.mkdir()
    (archive / "nk.pdf").write_bytes(agreement_pdf("cli"))
    (archive / "rusak.pdf").write_bytes(b"%PDF-1.4 rusak")
    outputs = {
        "extract": run("extract", str(archive / "nk.pdf")),
        "extract rusak": run("extract", str(archive / "rusak.pdf"), code=1),
        "keys create": run("keys", "create", "--role", "staff", "--region", "35.15"),
        "keys list": run("keys", "list"),
        "keys revoke": run("keys", "revoke", "1"),
        "users create": run("users", "create", "siti", "--role", "reviewer", "--password", "x" * 9),
        "backfill": run("backfill", str(archive), "--no-progress", "--workers", "1", code=1),
        "report expiring": run("report", "expiring", "--days", "3650"),
        "report yearly": run("report", "yearly", "--year", "2024", "--body", "35.15"),
    }
    assert "Jenis dokumen" in outputs["extract"] and "Para pihak" in outputs["extract"]
    assert "diarsipkan" in outputs["backfill"] and "gagal" in outputs["backfill"]
    assert "hanya ditampilkan sekali" in outputs["keys create"]
    assert "staf arsip" in outputs["keys list"] and "dicabut" in outputs["keys revoke"]
    found = {name: english_words(text) for name, text in outputs.items()}
    assert not any(found.values()), found
    # the evidence reasons the workbench shows for the same file
    read = json.loads(run("extract", "--json", str(archive / "nk.pdf")))
    reasons = {evidence_reason(e["rule"]) for ev in read["evidence"].values() for e in ev}
    assert reasons and not english_words(" ".join(reasons)), reasons


def test_the_scan_catches_english() -> None:
    assert english_words("3 agreement(s) end within 90 days") == {"agreement", "within", "days"}
    assert english_words("invalid_input: /tmp/pytest-of-root/x.pdf gagal") == set()


def test_evidence_reasons_read_in_indonesian() -> None:
    assert evidence_reason("'Nomor' line of the heading block") == "baris ‘Nomor’ di blok kepala"
    assert evidence_reason("opening sentence 'Pada hari ini', date in words; weekday agrees") == (
        "kalimat pembuka ‘Pada hari ini’, tanggal dalam kata; nama hari cocok"
    )
    assert evidence_reason("something new") == "something new"  # shown, never guessed
    repaired = "read '064/PKS-PUDAIVI/2024'; 'PUDAIVI': the signing month VI glued to 'PUDA'"
    assert evidence_reason(repaired) == (
        "terbaca ‘064/PKS-PUDAIVI/2024’; ‘PUDAIVI’: bulan penandatanganan VI menempel pada ‘PUDA’"
    )
    assert evidence_reason("month 'XI1' taken as Roman XI, the signing month").startswith("bulan")
    # the calibration's tags are not for the reviewer; what closed an article is said too
    assert (
        evidence_reason(
            "[jabatan-from-block] jabatan from the signature block (the clause gives none)"
        )
        == "jabatan dari blok tanda tangan (klausul tidak menyebutnya)"
    )
    assert evidence_reason("article 'RUANG LINGKUP' (sentence); end: next article") == (
        "pasal ‘RUANG LINGKUP’ (kalimat); berakhir pada: pasal berikutnya"
    )


def test_date_digit_repairs_read_in_indonesian() -> None:
    assert evidence_reason("OCR look-alikes repaired: 'Z9' read as 29") == (
        "huruf yang mirip angka diperbaiki: ‘Z9’ dibaca 29"
    )
