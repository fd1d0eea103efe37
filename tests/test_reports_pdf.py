"""The official yearly report as PDF: rendered to PNG pages (pdftoppm) in
``tests/output/`` for a person to look at, and its tables' numbers read back
from its text (pdftotext)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import pytest
from test_registry_support import make_document, make_extraction

from service.registry import Registry
from service.reports.charts import CHART_TITLES, chart
from service.reports.criteria import CRITERIA
from service.reports.evaluations import CriterionScore, EvaluationInput, EvaluationStore
from service.reports.pdf import report_pdf
from service.reports.yearly import yearly_from_registry

OUTPUT = Path(__file__).parent / "output"
TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def report_registry(tmp_path: Path) -> Registry:
    registry = Registry.open_path(tmp_path / "r.db", tmp_path / "files")
    plan = [
        # (n, signed, end, scope, second party)
        (1, dt.date(2024, 2, 1), dt.date(2026, 12, 19), "pengelolaan sampah", "35.15"),
        (2, dt.date(2025, 5, 5), dt.date(2029, 5, 4), "beasiswa pendidikan", "35.15"),
        (3, dt.date(2026, 3, 3), dt.date(2031, 3, 2), "promosi pariwisata", "35.78"),
        (4, dt.date(2022, 7, 7), dt.date(2026, 6, 30), "pembangunan jalan", "35.78"),
        (5, dt.date(2023, 1, 9), None, "pelayanan kesehatan puskesmas", "35.15"),
    ]
    for n, signed, end, scope, region in plan:
        data, document = make_document([f"perjanjian {n}"], name=f"{n}.pdf")
        extraction = make_extraction(
            document,
            doc_type="NK" if n % 2 else "PKS",
            number=f"{n}/MONEV/{signed.year}",
            title=f"Kerja sama {scope}",
            parties=(("Pemerintah Provinsi Jawa Timur", "35"), (f"Pemda {region}", region)),
            signed=signed,
            scope=[scope],
        ).model_copy(update={"end_date": end})
        agreement = registry.file_document(data, document.file, document, extraction)
        if n in (1, 3):
            scores = {c.code: CriterionScore(score=4 if n == 1 else 2, note="") for c in CRITERIA}
            EvaluationStore(registry).record(
                agreement.agreement_id,
                EvaluationInput(
                    fiscal_year=2026,
                    scores=scores,
                    good_practice=n == 1,
                    story="Sampah jadi kompos & energi" if n == 1 else None,
                ),
                evaluator="ani",
            )
    return registry


def test_pdf_pages_and_numbers(report_registry: Registry) -> None:
    report = yearly_from_registry(report_registry, 2026, body="35", today=TODAY)
    assert report.states == {
        "expiring": 1,
        "active": 1,
        "signed": 1,
        "expired": 1,
        "unknown_end": 1,
    }
    pdf = report_pdf(report)
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / "laporan-monev-2026-35.pdf"
    path.write_bytes(pdf)
    for old in OUTPUT.glob("laporan-monev-2026-35-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(path), str(OUTPUT / "laporan-monev-2026-35")],
        check=True,
        timeout=60,
    )
    pages = sorted(OUTPUT.glob("laporan-monev-2026-35-*.png"))
    assert len(pages) >= 3
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "PEMERINTAH PROVINSI JAWA TIMUR" in text
    assert "TAHUN ANGGARAN 2026" in text
    assert "batas waktu penyampaian 13 Januari 2027" in " ".join(text.split())

    def count(name: str) -> str:
        match = re.search(rf"^\s*{re.escape(name)}\s+(\S+)\s*$", text, re.MULTILINE)
        assert match, name
        return match.group(1)

    assert count("Kerja sama berlaku dalam tahun") == "5"
    assert count("Akan berakhir") == "1"  # ends 19 Dec 2026: not yet ended on 1 Dec
    assert count("Sudah berakhir") == "1"
    assert count("Tanpa tanggal berakhir") == "1"
    assert count("Dievaluasi") == "2"
    assert re.search(r"Kesesuaian dengan prosedur baku dan prinsip etika\s+2\s+3,00", text)
    # Evaluation by region (the province's kabupaten/kota), never evaluated,
    # and the praktik baik with its evaluation.
    assert re.search(r"Kabupaten Sidoarjo\s+3\s+1\s+4,00", text)
    assert re.search(r"Kota Surabaya\s+2\s+1\s+2,00", text)
    assert re.search(r"2026\s+1\s+1\s+2,00", text)  # signed in 2026: agreement 3
    assert "Belum pernah dievaluasi: 3 dari 5 kerja sama." in text
    assert re.search(r"1\s+Kerja sama pengelolaan sampah.*4,00\s+Sampah jadi kompos & energi", text)
    assert "Sekretaris Daerah Provinsi Jawa Timur" in text
    assert "Lampiran. Daftar kerja sama" in text and "3/MONEV/2026" in text


def test_every_chart_is_a_png(report_registry: Registry) -> None:
    report = yearly_from_registry(report_registry, 2026, body="35.78", today=TODAY)
    for name in CHART_TITLES:
        assert chart(name, report).startswith(b"\x89PNG")
