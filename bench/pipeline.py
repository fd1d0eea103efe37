"""The production path, timed side by side in one run on the same scanned pages.

(a) the floor: plain ``pdftoppm -r 300`` + ``tesseract -l ind``, 2 processes;
(b) ``kerjasama backfill`` (``run_backfill``) into a fresh registry, 2 workers:
    file -> registry row through the one consume pipeline;
(c) one 8-page scan uploaded to an idle service (embedded worker, shared OCR
    pool): upload -> filed, goal <= 5 s;
(d) OCRmyPDF ``--jobs 2`` when it is installed;
(e) upload -> filed throughput with 1 and 2 worker processes on Redis
    (``kerjasama worker --workers N``), goal 2 workers >= 1.8x one.
Ratios are reported side by side first (``side_by_side``), with the load
average before each section (the machine is shared). Files: the fully scanned
PDFs of ``../shared/real-dev`` when it is there (read in place through
symlinks in a temporary folder, never copied into the project), else
generated scans (``bench.api.scan_pdf``). The peak memory over a 1,000-file
backfill is ``bench.memory``.
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
GENERATED = 8
GENERATED_PAGES = 5
REAL_MAX_FILES = 12
"""Of the 24 fully scanned real-dev files (164 pages), every other one: ~80 pages."""
REDIS_FILES = 4


def _real_scans(settings: Settings) -> list[Path]:
    """Real-dev PDFs whose every page is a scan (a text page would flatter the floor)."""
    scans = []
    for source in sorted(REAL_DEV.glob("*.pdf")):
        try:
            plan = plan_document(source, settings=settings)
        except Exception:  # an unreadable real file is not this benchmark's subject
            continue
        if plan.tasks and len(plan.tasks) == len(plan.pages):
            scans.append(source)
    if len(scans) > REAL_MAX_FILES:  # every n-th file: each source archive keeps its share
        step = len(scans) / REAL_MAX_FILES
        scans = [scans[int(i * step)] for i in range(REAL_MAX_FILES)]
    return scans


def _files(folder: Path, settings: Settings) -> list[Path]:
    """The real scanned PDFs when ``../shared/real-dev`` is there (read in place through
    symlinks), else generated scans."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for source in _real_scans(settings) if REAL_DEV.is_dir() else []:
        link = folder / f"real-{source.name}"
        link.symlink_to(source)
        files.append(link)
    if not files:
        for i in range(GENERATED):
            path = folder / f"gen-{i}.pdf"
            path.write_bytes(scan_pdf(GENERATED_PAGES, seed=1000 + i))
            files.append(path)
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


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run(out_dir: Path, *, workers: int = 2) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="kerjasama-bench-pipeline-"))
    try:
        folder = work / "files"
        files = _files(folder, Settings())
        pages = sum(_pages(f) for f in files)
        sections = {
            "a_floor": lambda: floor(files, work),
            "b_backfill": lambda: backfill(folder, work, workers=2),
            "c_upload_8_page_scan": lambda: upload_one_scan(work, files),
            "d_ocrmypdf_jobs_2": lambda: ocrmypdf(files, work),
            "e_redis_1_worker": lambda: redis_workers(work, 1),
            "e_redis_2_workers": lambda: redis_workers(work, 2),
        }
        figures: dict[str, Any] = {}
        for name, section in sections.items():
            load = _load()
            figures[name] = section()
            figures[name]["load_average_before"] = load
        figures = {"side_by_side": side_by_side(figures), **figures}
        figures["files"] = [f.name for f in files]
        figures["pages"] = pages
        figures["real_dev"] = any(f.name.startswith("real-") for f in files)
        return figures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def side_by_side(figures: dict[str, Any]) -> dict[str, Any]:
    """The ratios the issue sets goals for, first in the table: b/a, c, d/a, e2/e1."""
    floor_s = figures["a_floor"]["seconds"]
    back = figures["b_backfill"]["seconds"]
    out: dict[str, Any] = {
        "a_floor_s": floor_s,
        "b_backfill_s": back,
        "b_over_a": round(back / floor_s, 3),
        "b_goal_0.25_met": back <= 0.25 * floor_s,
        "c_upload_8_pages_s": figures["c_upload_8_page_scan"]["seconds"],
        "c_goal_5s_met": figures["c_upload_8_page_scan"]["goal_met"],
    }
    ocrmypdf_s = figures["d_ocrmypdf_jobs_2"].get("seconds")
    out["d_ocrmypdf_s"] = ocrmypdf_s
    out["d_over_a"] = round(ocrmypdf_s / floor_s, 3) if ocrmypdf_s else "not installed"
    one, two = figures["e_redis_1_worker"], figures["e_redis_2_workers"]
    if "pages_per_s" in one and "pages_per_s" in two:
        out["e2_over_e1"] = round(two["pages_per_s"] / one["pages_per_s"], 2)
        out["e_goal_1.8_met"] = out["e2_over_e1"] >= 1.8
    return out


if __name__ == "__main__":
    import json

    print(json.dumps(run(Path("bench/out/pipeline")), indent=1))
