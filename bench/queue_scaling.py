"""Issue 10 (e): upload -> filed throughput with 1 and 2 worker processes on Redis.

What a fair 1-vs-2 comparison is on a 2-core machine: the question is whether
a second worker (another machine, in production) doubles what the queue
files. So each worker is given exactly one core: ``kerjasama worker
--workers 1`` (its main process reads text layers and applies the rules, its
one OCR process runs Tesseract with ``OMP_THREAD_LIMIT=1``), pinned with
``sched_setaffinity`` to CPU 0, the second one to CPU 1. One worker then uses
one core and two use two, and no worker spreads pages over a core another
worker owns (which would oversubscribe and measure contention instead). For
reference the same documents also go through one worker with two OCR
processes on both cores (page-level parallelism in one worker), the embedded
deployment's shape.

Enough documents (16 generated 3-page scans, 48 OCR pages) that start-up does
not dominate; workers are started and warmed (one upload each) before the
clock starts. The API (collector, the single writer) runs unpinned in every
configuration. Shared machine: the load average before and after each run is
recorded beside the figures, with the CPU seconds the workers (and their OCR
processes) used and so the cores they actually obtained. Under an external
load the pinned workers get only part of their cores, and the wall-clock
ratio says more about the load than about the queue; the CPU seconds per page
of 2 workers over 1 says whether the queue itself costs anything as workers
are added (1.0: nothing).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import psutil  # type: ignore[import-untyped]
import redis

from bench.api import _free_port, _Server, _upload, _wait, scan_pdf
from models import Settings

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = 16
PAGES = 3
GOAL = 1.8


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _redis(port: int) -> subprocess.Popen[bytes]:
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no"]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.DEVNULL)


def _pinned(cpus: set[int]) -> Any:
    def pin() -> None:
        os.sched_setaffinity(0, cpus)  # the OCR processes it starts inherit it

    return pin


def _start_workers(layout: list[tuple[set[int], int]], env: dict[str, str]) -> list[Any]:
    """One ``kerjasama worker`` per entry: (CPUs it may use, OCR processes)."""
    started = []
    for cpus, ocr in layout:
        command = [sys.executable, "-m", "service.cli", "worker", "--workers", str(ocr)]
        started.append(
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=_pinned(cpus),
            )
        )
    return started


def _listening(client: redis.Redis, count: int, timeout: float = 300) -> None:
    """Wait until ``count`` workers block on the stream at once (warm and listening).
    Redis 7.0 lists a group's consumer only once it was given an entry, so the
    blocked connections are counted instead."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        blocked = [
            c for c in client.client_list() if c.get("cmd") == "xreadgroup" and "b" in c["flags"]
        ]
        if len(blocked) >= count:
            return
        time.sleep(0.1)
    raise TimeoutError(f"{count} worker(s) did not start")


def _cpu_seconds(workers: list[Any]) -> float:
    """CPU the workers and their OCR processes have used so far (user + system)."""
    total = 0.0
    for worker in workers:
        try:
            root = psutil.Process(worker.pid)
            for proc in (root, *root.children(recursive=True)):
                times = proc.cpu_times()
                total += times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return total


def measure(work: Path, name: str, layout: list[tuple[set[int], int]]) -> dict[str, Any]:
    """Upload DOCUMENTS scans at once to a service whose workers run apart, on Redis."""
    port = _free_port()
    server = _redis(port)
    data = work / name
    url = f"redis://127.0.0.1:{port}/0"
    settings = Settings(
        data_dir=data, host="127.0.0.1", port=_free_port(), embedded_worker=False,
        require_auth=False, queue_backend="redis", queue_url=url, job_lease_seconds=300,
    )  # fmt: skip
    env = dict(
        os.environ,
        KERJASAMA_DATA_DIR=str(work / f"{name}-workers"),
        KERJASAMA_QUEUE_BACKEND="redis",
        KERJASAMA_QUEUE_URL=url,
        KERJASAMA_JOB_LEASE_SECONDS="300",
        OMP_THREAD_LIMIT="1",
    )
    workers: list[Any] = []
    try:
        with _Server(settings) as api, httpx.Client(base_url=api.base, timeout=300) as http:
            workers = _start_workers(layout, env)
            _listening(redis.Redis.from_url(url), len(layout))
            warm = [
                _upload(http, f"warm-{i}.pdf", scan_pdf(1, seed=900 + i))
                for i in range(len(layout))
            ]
            for job in warm:
                _wait(http, job["id"], 600)
            scans = [scan_pdf(PAGES, seed=100 + i) for i in range(DOCUMENTS)]
            load_before, cpu_before = _load(), _cpu_seconds(workers)
            started = time.perf_counter()
            jobs = [_upload(http, f"s{i}.pdf", s)["id"] for i, s in enumerate(scans)]
            statuses = [_wait(http, j, 1800)["status"] for j in jobs]
            seconds = time.perf_counter() - started
            load_after, cpu = _load(), _cpu_seconds(workers) - cpu_before
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(30)
        server.terminate()
        server.wait(10)
    pages = PAGES * DOCUMENTS
    return {
        "workers": len(layout),
        "ocr_processes": sum(ocr for _cpus, ocr in layout),
        "cpus": [sorted(cpus) for cpus, _ocr in layout],
        "documents": DOCUMENTS,
        "pages": pages,
        "seconds": round(seconds, 1),
        "pages_per_s": round(pages / seconds, 3),
        "done": statuses.count("done"),
        "worker_cpu_seconds": round(cpu, 1),
        "cpu_seconds_per_page": round(cpu / pages, 3),
        "cores_obtained": round(cpu / seconds, 2),
        "load_average_before": load_before,
        "load_average_after": load_after,
    }


def run(out_dir: Path) -> dict[str, Any]:
    if shutil.which("redis-server") is None:
        return {"skipped": "redis-server is not installed"}
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return {"skipped": "needs two CPUs"}
    first, second = cpus[0], cpus[1]
    work = Path(tempfile.mkdtemp(prefix="kerjasama-bench-queue-"))
    try:
        one = measure(work, "one", [({first}, 1)])
        two = measure(work, "two", [({first}, 1), ({second}, 1)])
        pooled = measure(work, "one-pooled", [({first, second}, 2)])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratio = round(two["pages_per_s"] / one["pages_per_s"], 2)
    return {
        "e_1_worker_1_core": one,
        "e_2_workers_1_core_each": two,
        "reference_1_worker_2_ocr_processes": pooled,
        "ratios": {
            "two_over_one_worker": ratio,
            "goal": GOAL,
            "goal_met": ratio >= GOAL,
            "two_workers_over_one_pooled_worker": round(
                two["pages_per_s"] / pooled["pages_per_s"], 2
            ),
            "cores_obtained_two_over_one": round(two["cores_obtained"] / one["cores_obtained"], 2),
            "cpu_per_page_two_over_one": round(
                two["cpu_seconds_per_page"] / one["cpu_seconds_per_page"], 2
            ),
        },
        "note": "each worker pinned to one core (sched_setaffinity); shared machine",
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(Path("bench/out/queue_scaling")), indent=1))
