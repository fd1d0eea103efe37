"""The production path, timed side by side in one run on the same scanned pages.

(a) the floor: plain ``pdftoppm -r 300`` + ``tesseract -l ind``, 2 processes;
(b) ``kerjasama backfill`` (``run_backfill``) into a fresh registry, 2 workers:
    file -> registry row through the one consume pipeline;
(c) one 8-page scan uploaded to an idle service (embedded worker, shared OCR
    pool): upload -> filed, goal <= 5 s;
(d) OCRmyPDF ``--jobs 2`` when it is installed;
(e) upload -> filed throughput with 1 and 2 worker processes on Redis
    (``kerjasama worker --workers N``), goal 2 workers >= 1.8x one.
Ratios are reported beside the seconds. Files: generated scans
(``bench.api.scan_pdf``) and, when present, the scanned PDFs of
``../shared/real-dev`` (read in place through symlinks in a temporary folder,
never copied into the project).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from bench.api import _free_port, _Server, _upload, _wait, scan_pdf
from extractor.ingest import plan_document
from models import Settings
from service.backfill import run_backfill
from service.registry import Registry

ROOT = Path(__file__).resolve().parents[1]
REAL_DEV = next(
    (p / "shared" / "real-dev" / "pdf" for p in (ROOT.parent, ROOT.parent.parent)
     if (p / "shared" / "real-dev" / "pdf").is_dir()),
    ROOT.parent / "shared" / "real-dev" / "pdf",
)  # fmt: skip
"""``../shared/real-dev`` from /work/main, ``../../shared`` from a worktree."""
GENERATED = 4
GENERATED_PAGES = 5
REAL_MAX_FILES = 12
REDIS_FILES = 4


def _files(folder: Path, settings: Settings) -> list[Path]:
    """Generated scans plus the real scanned PDFs (those with OCR pages)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(GENERATED):
        path = folder / f"gen-{i}.pdf"
        path.write_bytes(scan_pdf(GENERATED_PAGES, seed=1000 + i))
        files.append(path)
    if REAL_DEV.is_dir():
        real = 0
        for source in sorted(REAL_DEV.glob("*.pdf")):
            try:
                if not plan_document(source, settings=settings).tasks:
                    continue
            except Exception:  # an unreadable real file is not this benchmark's subject
                continue
            link = folder / f"real-{source.name}"
            link.symlink_to(source)
            files.append(link)
            real += 1
            if real >= REAL_MAX_FILES:
                break
    return files


def _pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False)
    for line in out.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def floor(files: list[Path], work: Path, procs: int = 2) -> dict[str, Any]:
    """pdftoppm 300 dpi grey, then tesseract -l ind, ``procs`` at a time."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    tasks = [(f, n) for f in files for n in range(1, _pages(f) + 1)]

    def render(task: tuple[Path, int]) -> Path:
        path, n = task
        out = work / f"{path.stem}-{n}"
        subprocess.run(
            ["pdftoppm", "-r", "300", "-gray", "-f", str(n), "-l", str(n), "-singlefile",
             str(path), str(out)],
            check=True, env=env,
        )  # fmt: skip
        return out.with_suffix(".pgm")

    def ocr(image: Path) -> None:
        subprocess.run(
            ["tesseract", str(image), "-", "-l", "ind"], capture_output=True, check=True, env=env
        )

    started = time.perf_counter()
    with ThreadPoolExecutor(procs) as pool:
        images = list(pool.map(render, tasks))
    rendered = time.perf_counter()
    with ThreadPoolExecutor(procs) as pool:
        list(pool.map(ocr, images))
    done = time.perf_counter()
    return {
        "pages": len(tasks),
        "seconds": round(done - started, 1),
        "render_seconds": round(rendered - started, 1),
        "ocr_seconds": round(done - rendered, 1),
    }


def backfill(folder: Path, work: Path, workers: int = 2) -> dict[str, Any]:
    settings = Settings(data_dir=work / "backfill-data", workers=workers)
    started = time.perf_counter()
    with Registry.open(settings) as registry:
        summary = run_backfill(folder, registry, settings=settings, workers=workers)
    return {
        "seconds": round(time.perf_counter() - started, 1),
        "filed": summary.filed,
        "failed": summary.as_dict()["failed"],
    }


def _eight_page_scan(files: list[Path]) -> tuple[str, bytes]:
    """A real 8-page scan when real-dev has one (what the issue measured), else a generated one."""
    for path in files:
        if path.name.startswith("real-") and _pages(path) == 8:
            return path.name, path.read_bytes()
    return "generated", scan_pdf(8, seed=8)


def upload_one_scan(work: Path, files: list[Path]) -> dict[str, Any]:
    settings = Settings(
        data_dir=work / "upload-data",
        host="127.0.0.1",
        port=_free_port(),
        embedded_worker=True,
        require_auth=False,
        job_lease_seconds=300,
    )
    with _Server(settings) as server, httpx.Client(base_url=server.base, timeout=300) as http:
        warm = _upload(http, "warm.pdf", scan_pdf(1, seed=7))  # engines and rules loaded
        _wait(http, warm["id"], 600)
        name, scan = _eight_page_scan(files)
        started = time.perf_counter()
        job = _wait(http, _upload(http, "scan-8.pdf", scan)["id"], 900)
        seconds = time.perf_counter() - started
    return {
        "file": name,
        "seconds": round(seconds, 2),
        "status": job["status"],
        "goal_met": seconds <= 5,
    }


def ocrmypdf(files: list[Path], work: Path) -> dict[str, Any]:
    tool = shutil.which("ocrmypdf")
    if tool is None:
        return {"skipped": "ocrmypdf is not installed"}
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    started = time.perf_counter()
    for path in files:
        subprocess.run(
            [tool, "--jobs", "2", "-l", "ind", "--force-ocr", "--output-type", "pdf",
             str(path), str(work / f"ocrmypdf-{path.name}")],
            capture_output=True, check=False, env=env,
        )  # fmt: skip
    return {"seconds": round(time.perf_counter() - started, 1)}


def redis_workers(work: Path, workers: int) -> dict[str, Any]:
    """Upload REDIS_FILES scans to a service whose worker runs apart, on Redis."""
    if shutil.which("redis-server") is None:
        return {"skipped": "redis-server is not installed"}
    port = _free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    data = work / f"redis-{workers}"
    settings = Settings(
        data_dir=data,
        host="127.0.0.1",
        port=_free_port(),
        embedded_worker=False,
        require_auth=False,
        queue_url=f"redis://127.0.0.1:{port}/0",
        job_lease_seconds=300,
    )
    env = dict(
        os.environ,
        KERJASAMA_DATA_DIR=str(data),
        KERJASAMA_QUEUE_URL=settings.queue_url or "",
    )
    worker = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "worker", "--workers", str(workers)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        with _Server(settings) as server, httpx.Client(base_url=server.base, timeout=300) as http:
            _wait(http, _upload(http, "warm.pdf", scan_pdf(1, seed=11))["id"], 600)
            scans = [scan_pdf(4, seed=100 + i) for i in range(REDIS_FILES)]
            started = time.perf_counter()
            jobs = [_upload(http, f"s{i}.pdf", s)["id"] for i, s in enumerate(scans)]
            done = [_wait(http, j, 900)["status"] for j in jobs]
            seconds = time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(30)
        redis.terminate()
        redis.wait(10)
    return {
        "seconds": round(seconds, 1),
        "pages": 4 * REDIS_FILES,
        "pages_per_s": round(4 * REDIS_FILES / seconds, 3),
        "done": done.count("done"),
    }


def run(out_dir: Path, *, workers: int = 2) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="kerjasama-bench-pipeline-"))
    try:
        folder = work / "files"
        files = _files(folder, Settings())
        figures: dict[str, Any] = {"files": len(files), "real_dev": REAL_DEV.is_dir()}
        figures["a_floor"] = floor(files, work)
        figures["b_backfill"] = backfill(folder, work, workers=2)
        figures["c_upload_8_page_scan"] = upload_one_scan(work, files)
        figures["d_ocrmypdf_jobs_2"] = ocrmypdf(files, work)
        figures["e_redis_1_worker"] = redis_workers(work, 1)
        figures["e_redis_2_workers"] = redis_workers(work, 2)
        floor_s = figures["a_floor"]["seconds"]
        ratios: dict[str, Any] = {
            "backfill_over_floor": round(figures["b_backfill"]["seconds"] / floor_s, 3),
            "backfill_goal_met": figures["b_backfill"]["seconds"] <= 0.25 * floor_s,
        }
        if "seconds" in figures["d_ocrmypdf_jobs_2"]:
            ratios["ocrmypdf_over_floor"] = round(
                figures["d_ocrmypdf_jobs_2"]["seconds"] / floor_s, 3
            )
        one, two = figures["e_redis_1_worker"], figures["e_redis_2_workers"]
        if "pages_per_s" in one and "pages_per_s" in two:
            ratios["redis_2_over_1_workers"] = round(two["pages_per_s"] / one["pages_per_s"], 2)
            ratios["redis_goal_met"] = ratios["redis_2_over_1_workers"] >= 1.8
        figures["ratios"] = ratios
        figures["not_measured"] = "peak memory over a 1,000-file backfill"
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    import json

    print(json.dumps(run(Path("bench/out/pipeline")), indent=1))
