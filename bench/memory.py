"""Peak memory over a long backfill: is it flat?

Backfills ``files`` small generated agreements (digital mostly, every
``SCAN_EVERY``-th a one-page scan, so it takes minutes, not hours) into a fresh
registry through ``run_backfill`` (the shared OCR pool, the reading thread, the
single writer), and samples the resident memory of the whole process tree (this
process, the forkserver, the OCR workers) every ``SAMPLE_SECONDS``. Reports the
peak in the first and the last tenth of the run and the slope of a least-squares
line through the samples after the first tenth, in MB per 1,000 files. One
digital file and one scan are backfilled first through the same pool (into a
throwaway registry), so spaCy, the region tables and the Tesseract models are
loaded before the first sample: what grows after that is a leak. Flat means the
last tenth's peak is within a few percent of the first's and the slope is near zero.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from bench.api import scan_pdf
from extractor.ocr.pool import OcrPool
from models import Settings
from service.backfill import run_backfill
from service.backfill_report import Row, Summary
from service.registry import Registry

SCAN_EVERY = 20
SAMPLE_SECONDS = 0.5
CITIES = ("Kabupaten Sidoarjo", "Kota Malang", "Kabupaten Tabanan", "Kota Batu", "Kabupaten Jember")
TOPICS = ("Pariwisata", "Air Minum", "Jalan Desa", "Pendidikan", "Kesehatan", "Pertanian")


def _digital(i: int) -> bytes:
    topic, city = TOPICS[i % len(TOPICS)], CITIES[i % len(CITIES)]
    year = 2010 + i % 14
    lines = [
        "PERJANJIAN KERJA SAMA",
        "ANTARA",
        "PEMERINTAH PROVINSI JAWA TIMUR",
        "DAN",
        f"PEMERINTAH {city.upper()}",
        "TENTANG",
        f"KERJA SAMA BIDANG {topic.upper()} TAHAP {i}",
        f"NOMOR: {100 + i}/{i % 97 + 1}/KS/{year}",
        f"Pada hari ini Senin tanggal {1 + i % 27} bulan Maret tahun {year},",
        "bertempat di Surabaya,",
        "yang bertanda tangan di bawah ini sepakat mengadakan kerja sama.",
        "Pasal 1 Maksud dan Tujuan",
        f"Maksud kerja sama ini adalah meningkatkan layanan {topic.lower()} nomor {i}.",
        "Pasal 2 Ruang Lingkup",
        f"a. pengembangan {topic.lower()}; b. pelatihan petugas {i};",
        "Pasal 3 Jangka Waktu",
        f"Perjanjian ini berlaku selama {1 + i % 5} tahun sejak ditandatangani.",
    ]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    y = 800.0
    for line in lines:
        canvas.drawString(50, y, line)
        y -= 18
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _archive(root: Path, files: int) -> int:
    scans = 0
    for i in range(files):
        folder = root / f"{i // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        if i % SCAN_EVERY == SCAN_EVERY - 1:
            (folder / f"scan-{i:04d}.pdf").write_bytes(scan_pdf(1, dpi=150, seed=i))
            scans += 1
        else:
            (folder / f"pks-{i:04d}.pdf").write_bytes(_digital(i))
    return scans


def _tree_rss(process: psutil.Process) -> float:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total / 1_048_576


class _Counter:
    """The backfill's progress hook: how many files are done, for the samples."""

    def __init__(self) -> None:
        self.done = 0

    def start(self, total: int) -> None:
        pass

    def advance(self, row: Row) -> None:
        self.done += 1

    def stop(self) -> None:
        pass


def _slope(points: list[tuple[int, float]]) -> float:
    """MB per 1,000 files of a least-squares line through (files done, MB)."""
    if len(points) < 2:
        return 0.0
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    var = sum((x - mx) ** 2 for x, _ in points)
    if not var:
        return 0.0
    return 1000 * sum((x - mx) * (y - my) for x, y in points) / var


def _measured(
    work: Path,
    settings: Settings,
    pool: OcrPool,
    counter: _Counter,
    sampler: threading.Thread,
    stop: threading.Event,
) -> tuple[Summary, dict[str, float], float]:
    me = psutil.Process(os.getpid())
    with Registry.open(settings) as registry:
        started = time.perf_counter()
        sampler.start()
        try:
            summary = run_backfill(
                work / "arsip", registry, settings=settings, pool=pool, progress=counter
            )
        finally:
            stop.set()
            sampler.join()
        seconds = time.perf_counter() - started
    by_process = {
        p.name() + (f":{p.pid}" if p.pid != me.pid else ":main"): round(
            p.memory_info().rss / 1_048_576, 1
        )
        for p in [me, *me.children(recursive=True)]
    }
    return summary, by_process, seconds


def run(out_dir: Path, *, files: int = 1000, workers: int = 2) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="kerjasama-bench-memory-"))
    try:
        scans = _archive(work / "arsip", files)
        (work / "warm-up").mkdir()
        (work / "warm-up" / "digital.pdf").write_bytes(_digital(files + 1))
        (work / "warm-up" / "scan.pdf").write_bytes(scan_pdf(1, dpi=150, seed=files + 1))
        settings = Settings(data_dir=work / "data", workers=workers)
        counter = _Counter()
        samples: list[tuple[float, int, float]] = []
        stop = threading.Event()
        me = psutil.Process(os.getpid())

        def sample() -> None:
            started = time.monotonic()
            while not stop.wait(SAMPLE_SECONDS):
                samples.append((time.monotonic() - started, counter.done, _tree_rss(me)))

        sampler = threading.Thread(target=sample, daemon=True)
        load = [round(x, 2) for x in os.getloadavg()]
        with OcrPool(workers=workers) as pool:
            warm = Settings(data_dir=work / "warm", workers=workers)
            with Registry.open(warm) as registry:  # spaCy, region tables, Tesseract loaded
                run_backfill(work / "warm-up", registry, settings=warm, pool=pool)
            summary, by_process, seconds = _measured(work, settings, pool, counter, sampler, stop)
        tenth = files / 10
        first = [mb for _, done, mb in samples if done <= tenth]
        last = [mb for _, done, mb in samples if done >= files - tenth]
        steady = [(done, mb) for _, done, mb in samples if done > tenth]
        peak_first, peak_last = max(first, default=0.0), max(last, default=0.0)
        return {
            "files": files,
            "scans": scans,
            "filed": summary.filed,
            "failed": summary.as_dict()["failed"],
            "seconds": round(seconds, 1),
            "files_per_s": round(files / seconds, 2),
            "peak_rss_first_tenth_mb": round(peak_first, 1),
            "peak_rss_last_tenth_mb": round(peak_last, 1),
            "last_over_first": round(peak_last / peak_first, 3) if peak_first else None,
            "slope_mb_per_1000_files": round(_slope(steady), 1),
            "peak_rss_mb": round(max((mb for *_, mb in samples), default=0.0), 1),
            "samples": len(samples),
            "rss_at_end_mb": by_process,
            "load_average_before": load,
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    import json
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(json.dumps(run(Path("bench/out/memory"), files=count), indent=1))
