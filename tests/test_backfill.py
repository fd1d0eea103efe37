"""The backfill over real PDFs with the real extractor, worker processes and a real kill -9."""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from test_registry_support import agreement_text

from models import Settings
from service.backfill import run_backfill
from service.backfill_report import Row
from service.registry import Registry

ROOT = Path(__file__).resolve().parents[1]
TOPICS = (
    "Pariwisata",
    "Air Minum",
    "Jalan Desa",
    "Pendidikan",
    "Kesehatan",
    "Pertanian",
    "Perikanan",
    "Perhubungan",
    "Kebudayaan",
    "Olahraga",
    "Koperasi",
    "Kehutanan",
)
CITIES = (
    "Kabupaten Sidoarjo",
    "Kota Malang",
    "Kabupaten Tabanan",
    "Kota Batu",
    "Kabupaten Gresik",
    "Kota Kediri",
    "Kabupaten Jember",
    "Kota Madiun",
)


def _pdf(path: Path, pages: list[str]) -> None:
    c = canvas.Canvas(str(path), pagesize=A4)
    for text in pages:
        y = 800.0
        for line in text.splitlines():
            c.drawString(50, y, line[:95])
            y -= 16
        c.showPage()
    c.save()


def _archive(root: Path, count: int) -> list[Path]:
    """``count`` different agreements as digital PDFs, in two sub-folders."""
    paths = []
    for i in range(count):
        topic, city = TOPICS[i % len(TOPICS)], CITIES[i % len(CITIES)]
        pages = agreement_text(
            number=f"{100 + i}/{i * 7 + 3}/KS/{2015 + i % 9}",
            title=f"Kerja Sama Bidang {topic} Tahap {i}",
            first="Pemerintah Provinsi Jawa Timur",
            second=f"Pemerintah {city}",
            signed=dt.date(2015 + i % 9, 1 + i % 12, 1 + i % 27),
            scope=[f"{topic.lower()} {i}", f"pelatihan {topic.lower()}"],
        )
        folder = root / ("2019" if i % 2 else "lama")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"pks-{i:03d}.pdf"
        _pdf(path, pages)
        paths.append(path)
    return paths


class Recorder:
    def __init__(self) -> None:
        self.total = -1
        self.rows: list[Row] = []
        self.stopped = False

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, row: Row) -> None:
        self.rows.append(row)

    def stop(self) -> None:
        self.stopped = True


def test_backfill_files_reports_and_is_idempotent(tmp_path: Path) -> None:
    archive = tmp_path / "arsip"
    paths = _archive(archive, 6)
    (archive / "salinan").mkdir()
    shutil.copy(paths[0], archive / "salinan" / "copy.pdf")  # the same bytes twice
    (archive / "rusak.pdf").write_bytes(b"%PDF-1.4\nthis is not a pdf at all")
    (archive / "kosong.pdf").write_bytes(b"")
    (archive / "gambar.gif").write_bytes(b"GIF89a not an agreement")  # not walked: not a PDF/image
    (archive / "catatan.txt").write_text("not an agreement")
    settings = Settings(data_dir=tmp_path / "data", workers=2)
    report = tmp_path / "report.csv"
    recorder = Recorder()
    with Registry.open(settings) as registry:
        summary = run_backfill(
            archive, registry, settings=settings, report=report, progress=recorder
        )
        assert summary.filed == 6
        assert summary.outcomes["duplicate_candidate"] == 0
        assert summary.outcomes["exact_duplicate"] == 1
        assert summary.outcomes["failed"] == 2, summary.failures
        assert summary.pages == 12
        assert recorder.total == 9 and len(recorder.rows) == 9 and recorder.stopped
        assert {reason.split(":")[0] for reason in summary.failures} <= {
            "corrupt_file",
            "empty_file",
            "unsupported_type",
            "extraction_failed",
        }
        rows = list(csv.DictReader(report.open()))
        assert len(rows) == 9
        by_path = {r["berkas"]: r for r in rows}
        assert by_path["rusak.pdf"]["kode_hasil"] == "failed" and by_path["rusak.pdf"]["pesan"]
        assert by_path["lama/pks-000.pdf"]["kode_hasil"] == "filed"
        assert by_path["salinan/copy.pdf"]["hasil"] == "berkas yang sama sudah ada"
        stats = registry.stats()
        assert (stats["files"], stats["agreements"], stats["failures"]) == (6, 6, 2)
        view = registry.get_agreement(int(by_path["lama/pks-000.pdf"]["no_registri"]))
        assert view.fields["numbers"].value == ["100/3/KS/2015"]

        again = run_backfill(archive, registry, settings=settings, report=tmp_path / "2.csv")
        assert again.filed == 0 and again.outcomes["already_filed"] == 7
        assert again.outcomes["skipped_failed"] == 2
        assert registry.stats()["files"] == 6
        retried = run_backfill(archive, registry, settings=settings, retry_failed=True)
        assert retried.outcomes["failed"] == 2
        failure = registry.failure(by_path["rusak.pdf"]["sha256"])
        assert failure is not None and failure["attempts"] == 2

        dry = run_backfill(archive, registry, settings=settings, dry_run=True, retry_failed=True)
        assert dry.outcomes["would_file"] == 2 and registry.stats()["files"] == 6


def test_limit_extracts_a_few_new_files_per_run(tmp_path: Path) -> None:
    archive = tmp_path / "arsip"
    _archive(archive, 3)
    settings = Settings(data_dir=tmp_path / "data", workers=1)
    with Registry.open(settings) as registry:
        first = run_backfill(archive, registry, settings=settings, limit=2)
        assert first.filed == 2
        rest = run_backfill(archive, registry, settings=settings, limit=2)
        assert rest.filed == 1 and rest.outcomes["already_filed"] == 2


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM files").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def _backfill(archive: Path, data: Path, report: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "KERJASAMA_DATA_DIR": str(data), "OMP_THREAD_LIMIT": "1"}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "service.cli",
            "backfill",
            str(archive),
            "--workers",
            "1",
            "--no-progress",
            "--report",
            str(report),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


@pytest.mark.slow
def test_kill_9_mid_run_then_resume_files_everything_once(tmp_path: Path) -> None:
    archive = tmp_path / "arsip"
    total = 24
    _archive(archive, total)
    data = tmp_path / "data"
    db = data / "registry.db"
    run = _backfill(archive, data, tmp_path / "1.csv")
    deadline = time.monotonic() + 120
    while _count(db) < 3 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert run.poll() is None, run.stdout.read().decode() if run.stdout else ""
    os.killpg(run.pid, signal.SIGKILL)  # the backfill and its worker processes
    run.wait()
    assert run.returncode == -signal.SIGKILL
    filed_before = _count(db)
    assert 3 <= filed_before < total, "the kill must land mid-run"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

    resumed = _backfill(archive, data, tmp_path / "2.csv")
    out = resumed.communicate(timeout=300)[0].decode()
    assert resumed.returncode == 0, out
    rows = list(csv.DictReader((tmp_path / "2.csv").open()))
    outcomes = [r["kode_hasil"] for r in rows]
    assert outcomes.count("already_filed") == filed_before
    assert outcomes.count("filed") == total - filed_before

    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT sha256) FROM files").fetchone() == (
        total,
        total,
    )
    # every file fully filed: its pages, one extraction, an agreement, its search row
    assert conn.execute(
        "SELECT COUNT(*) FROM files f WHERE f.pages != "
        "(SELECT COUNT(*) FROM pages p WHERE p.sha256 = f.sha256)"
    ).fetchone() == (0,)
    assert conn.execute("SELECT COUNT(*) FROM extractions").fetchone() == (total,)
    assert conn.execute("SELECT COUNT(*) FROM agreements").fetchone() == (total,)
    assert conn.execute("SELECT COUNT(*) FROM search").fetchone() == (total,)
    stored = [p for p in (data / "files").rglob("*") if p.is_file() and p.name[0] != "."]
    assert len(stored) == total
    conn.close()

    third = _backfill(archive, data, tmp_path / "3.csv")
    third.communicate(timeout=300)
    assert third.returncode == 0
    outcomes = [r["kode_hasil"] for r in csv.DictReader((tmp_path / "3.csv").open())]
    assert outcomes == ["already_filed"] * total
