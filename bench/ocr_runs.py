"""The timed runs of the OCR benchmark: the pipeline in a pool of workers,
plain ``tesseract`` on the same page images, digital pages, and the peak RSS
of each worker on a 10-page 300-dpi scan.

Each returns figures or raw results; ``bench.ocr`` puts them together and
``bench.ocr_corpus`` scores them.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

from bench.ocr_corpus import OcrFile
from extractor.ingest import plan_document, read_document, read_many, read_plans
from extractor.ocr.page import load_page_image
from extractor.ocr.pool import OcrPool
from models import Settings
from models.errors import KerjasamaError


def _cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            times = psutil.Process(pid).cpu_times()
            total += times.user + times.system
    return total


def _warm_up(pool: OcrPool, settings: Settings) -> None:
    """One small page per worker, so that imports and model loading are not timed."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (800, 300), 255)
    ImageDraw.Draw(img).text((20, 120), "PERJANJIAN KERJA SAMA", fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(150, 150))
    plans = [plan_document(buf.getvalue() + bytes(i), settings=settings) for i in range(pool.size)]
    for _ in read_plans(plans, pool=pool):
        pass


def read_all(
    paths: list[Path], settings: Settings, workers: int
) -> tuple[dict[str, Any], float, float]:
    """Results, wall seconds and worker CPU seconds (CPU time is what a shared machine
    distorts least; wall time is what a user waits)."""
    with OcrPool(workers=workers) as pool:
        _warm_up(pool, settings)
        pids = pool.pids()
        cpu = _cpu_seconds(pids)
        started = time.perf_counter()
        results = dict(read_many(paths, pool=pool, settings=settings))
        wall = time.perf_counter() - started
        cpu = _cpu_seconds(pids) - cpu
    return results, wall, cpu


def save_page_images(files: list[OcrFile], settings: Settings, folder: Path) -> list[Path]:
    """The page images the pipeline starts from, saved losslessly for the CLI run."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for f in files:
        try:
            plan = plan_document(f.path, settings=settings)
        except KerjasamaError:
            continue
        for task in plan.tasks:
            pimg = load_page_image(task)
            path = folder / f"{f.path.stem}-{task.index + 1}.png"
            pimg.image.save(path, format="PNG", dpi=(round(pimg.dpi), round(pimg.dpi)))
            out.append(path)
    return out


def tesseract_cli(images: list[Path], workers: int) -> tuple[float, dict[Path, str]]:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(path: Path) -> tuple[Path, str]:
        done = subprocess.run(
            ["tesseract", str(path), "-", "-l", "ind"],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        return path, done.stdout

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as ex:
        texts = dict(ex.map(one, images))
    return time.perf_counter() - started, texts


def digital_speed(files: list[OcrFile], settings: Settings) -> dict[str, Any]:
    pages = 0
    started, cpu = time.perf_counter(), time.process_time()
    for f in files:
        doc = read_document(f.path, settings=settings)
        pages += sum(1 for p in doc.pages if p.method == "text")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "pages": pages,
        "seconds": round(seconds, 3),
        "pages_per_second_per_core": round(pages / seconds, 1) if seconds else None,
        "pages_per_cpu_second": round(pages / cpu, 1) if cpu else None,
    }


def ten_page_scan(folder: Path) -> Path:
    import pypdfium2 as pdfium

    from corpusgen import generate_sample, render_digital_pdf, render_scan_pdf

    merged = pdfium.PdfDocument.new()
    seed = 2000
    while len(merged) < 10:
        pdf = render_digital_pdf(generate_sample(seed))
        scan = pdfium.PdfDocument(render_scan_pdf(pdf, "scan", seed=seed, dpi=300))
        take = min(len(scan), 10 - len(merged))
        merged.import_pages(scan, list(range(take)))
        seed += 1
    buf = io.BytesIO()
    merged.save(buf)
    path = folder / "ten-pages-300dpi.pdf"
    path.write_bytes(buf.getvalue())
    return path


def peak_rss(path: Path, settings: Settings, workers: int) -> dict[str, Any]:
    peaks: dict[int, int] = defaultdict(int)
    stop = threading.Event()
    with OcrPool(workers=workers) as pool:
        pids = pool.pids()

        def sample() -> None:
            while not stop.is_set():
                for pid in pids:
                    with contextlib.suppress(psutil.Error):
                        peaks[pid] = max(peaks[pid], psutil.Process(pid).memory_info().rss)
                time.sleep(0.05)

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        started = time.perf_counter()
        doc = read_document(path, settings=settings, pool=pool)
        seconds = time.perf_counter() - started
        stop.set()
        thread.join()
    return {
        "pages": len(doc.pages),
        "seconds_per_page": round(seconds / max(1, len(doc.pages)), 3),
        "peak_rss_mb_per_worker": [round(v / 1_048_576, 1) for v in peaks.values()],
        "parent_rss_mb": round(psutil.Process().memory_info().rss / 1_048_576, 1),
    }
