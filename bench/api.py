"""API figures: uploads accepted per second while workers are busy, list/search
latency with 20,000 agreements, and one 8-page scan from upload to filed.

The server runs in its own process (uvicorn, the real app, embedded worker) so
the measuring client does not share its interpreter. The 20,000-agreement
registry is built once through ``Registry.file_document`` (the same filing as
uploads) and kept in ``out_dir`` for the next run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import multiprocessing
import random
import shutil
import socket
import statistics
import time
from pathlib import Path
from typing import Any

import httpx

from models import Document, Extraction, Line, Page, Party, Settings


def _synthetic_record(rng: random.Random, n: int) -> tuple[bytes, Document, Extraction]:
    from corpusgen.topics import TOPICS
    from corpusgen.wilayah import random_regency

    topic = rng.choice(TOPICS)
    first, second = random_regency(rng), random_regency(rng)
    year = rng.randint(2015, 2025)
    signing = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    doc_type = rng.choice(("NK", "PKS", "PKS", "ADENDUM"))
    title = f"{topic.title} antara {first.name} dan {second.name}"
    number = f"{rng.randint(1, 999)}/{n}/{first.code}/{year}"
    scope = list(rng.sample(topic.scope, k=min(3, len(topic.scope))))
    text = "\n".join([title, f"Nomor {number}", *scope, topic.maksud, topic.tujuan])
    data = f"bench-api-record-{n}\n{text}".encode()
    sha = hashlib.sha256(data).hexdigest()
    document = Document(
        file=f"bench-{n}.pdf",
        sha256=sha,
        mime="application/pdf",
        size=len(data),
        pages=[
            Page(
                number=1,
                width=595,
                height=842,
                method="text",
                lines=[Line(text=line) for line in text.splitlines()],
            )
        ],
    )
    conf = round(rng.uniform(0.3, 1.0), 2)
    extraction = Extraction(
        file=document.file,
        sha256=sha,
        pages=1,
        ocr_pages=0,
        doc_type=doc_type,
        title=title,
        numbers=[number],
        parties=[
            Party(
                role="PIHAK PERTAMA", institution=f"Pemerintah {first.name}", region_code=first.code
            ),
            Party(
                role="PIHAK KEDUA", institution=f"Pemerintah {second.name}", region_code=second.code
            ),
        ],
        signing_date=signing,
        signing_place=first.short,
        end_date=signing.replace(year=min(signing.year + rng.choice((1, 2, 5)), 2099)),
        scope=scope,
        purpose=topic.tujuan,
        confidence={"title": conf, "numbers": 0.9, "signing_date": 0.9},
    )
    return data, document, extraction


def build_registry(settings: Settings, n_agreements: int) -> dict[str, Any]:
    """File ``n_agreements`` synthetic agreements unless the kept registry has them."""
    from service.registry import Registry

    registry = Registry.open(settings)
    try:
        have = registry.stats().get("agreements", 0)
        if have >= n_agreements:
            return {"agreements": have, "build_seconds": 0.0, "reused": True}
        rng = random.Random(20260 + have)
        started = time.perf_counter()
        for n in range(have, n_agreements):
            data, document, extraction = _synthetic_record(rng, n)
            registry.file_document(data, document.file, document, extraction, source="bench")
        seconds = time.perf_counter() - started
        return {
            "agreements": registry.stats().get("agreements", 0),
            "build_seconds": round(seconds, 1),
            "filing_ms_each": round(1000 * seconds / max(n_agreements - have, 1), 2),
            "reused": False,
        }
    finally:
        registry.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(settings_json: str) -> None:
    import uvicorn

    from service.api.app import create_app

    settings = Settings.model_validate_json(settings_json)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="warning")


class _Server:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.base = f"http://{settings.host}:{settings.port}"
        self.process = multiprocessing.get_context("spawn").Process(
            target=_serve, args=(settings.model_dump_json(),), daemon=False
        )

    def __enter__(self) -> _Server:
        self.process.start()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/api/v1/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.2)
        raise RuntimeError("the API server did not start")

    def __exit__(self, *exc: object) -> None:
        self.process.terminate()  # uvicorn shuts down cleanly and stops its worker
        self.process.join(60)
        if self.process.is_alive():
            self.process.kill()


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "p50_ms": round(1000 * statistics.median(ordered), 1),
        "p95_ms": round(1000 * ordered[int(0.95 * (len(ordered) - 1))], 1),
        "max_ms": round(1000 * ordered[-1], 1),
    }


QUERIES: dict[str, tuple[str, dict[str, Any]]] = {
    "list": ("/api/v1/agreements", {}),
    "list_page_50": ("/api/v1/agreements", {"offset": 2500}),
    "list_region": ("/api/v1/agreements", {"region_code": "35", "sort": "-signing_date"}),
    "list_type_year": ("/api/v1/agreements", {"doc_type": "PKS", "year": 2020}),
    "list_expiring": ("/api/v1/agreements", {"expires_within_days": 365, "sort": "end_date"}),
    "list_status_deep": ("/api/v1/agreements", {"status": "needs_review", "offset": 1000}),
    "search_word": ("/api/v1/agreements", {"q": "sampah"}),
    "search_phrase_sorted": ("/api/v1/agreements", {"q": "air minum", "sort": "confidence"}),
    "search_region": ("/api/v1/agreements", {"q": "pendidikan", "region_code": "33"}),
    "review_queue": ("/api/v1/review-queue", {}),
}


def measure_latency(http: httpx.Client, rounds: int = 15) -> dict[str, Any]:
    """Each named query ``rounds`` times, in turn, after one warm-up pass."""
    for path, params in QUERIES.values():
        http.get(path, params=params).raise_for_status()
    times: dict[str, list[float]] = {name: [] for name in QUERIES}
    for _ in range(rounds):
        for name, (path, params) in QUERIES.items():
            started = time.perf_counter()
            response = http.get(path, params=params)
            times[name].append(time.perf_counter() - started)
            response.raise_for_status()
    figures: dict[str, Any] = {name: _percentiles(samples) for name, samples in times.items()}
    figures["all"] = _percentiles([t for samples in times.values() for t in samples])
    return figures


def scan_pdf(pages: int = 8, dpi: int = 300, seed: int = 1) -> bytes:
    """An image-only 8-page agreement, as a flatbed scanner makes it."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    from corpusgen.topics import TOPICS

    rng = random.Random(seed)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 11 * dpi // 72)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    width, height = A4
    topic = TOPICS[0]
    body = [
        "PERJANJIAN KERJA SAMA",
        "ANTARA PEMERINTAH KABUPATEN SIDOARJO DAN PEMERINTAH KOTA SURABAYA",
        f"TENTANG {topic.title.upper()}",
        "NOMOR: 119/123/404.1.1.3/2019",
        "Pada hari ini Rabu tanggal dua puluh tujuh bulan Maret tahun dua ribu sembilan belas,",
        "bertempat di Sidoarjo, yang bertanda tangan di bawah ini:",
    ]
    for number in range(1, pages + 1):
        image = Image.new("L", (int(width * dpi / 72), int(height * dpi / 72)), 250)
        draw = ImageDraw.Draw(image)
        lines = body if number == 1 else []
        lines = [*lines, f"Pasal {number}", *rng.sample(topic.scope, k=min(4, len(topic.scope)))]
        lines += [topic.maksud[:90], topic.tujuan[:90]] * 6
        y = 70 * dpi // 72
        for line in lines:
            draw.text((60 * dpi // 72, y), line[:95], fill=20, font=font)
            y += 18 * dpi // 72
        image = image.rotate(rng.uniform(-0.8, 0.8), fillcolor=250).filter(
            ImageFilter.GaussianBlur(0.6)
        )
        canvas.drawImage(ImageReader(image), 0, 0, width=width, height=height)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _small_pdf(tag: str) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(
        60, 800, "NOTA KESEPAHAMAN ANTARA PEMERINTAH KOTA BATU DAN UNIVERSITAS BRAWIJAYA"
    )
    canvas.drawString(60, 780, f"NOMOR: {tag}/BENCH/2024")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _wait(http: httpx.Client, job_id: str, timeout: float) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job: dict[str, Any] = http.get(f"/api/v1/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise TimeoutError(f"job {job_id} did not finish in {timeout} s")


def _upload(http: httpx.Client, name: str, data: bytes) -> dict[str, Any]:
    response = http.post("/api/v1/uploads", files={"files": (name, data, "application/pdf")})
    response.raise_for_status()
    job: dict[str, Any] = response.json()["items"][0]["job"]
    return job


def run(out_dir: Path, *, n_agreements: int = 20000) -> dict[str, Any]:
    from service.auth import KeyStore, Role

    out_dir.mkdir(parents=True, exist_ok=True)
    data_dir = out_dir / f"registry-{n_agreements}"
    # Jobs and queue from an earlier run must not linger; the registry is kept.
    for leftover in ("service.db", "queue.db"):
        for path in data_dir.glob(f"{leftover}*"):
            path.unlink()
    settings = Settings(
        data_dir=data_dir,
        host="127.0.0.1",
        port=_free_port(),
        embedded_worker=True,
        job_lease_seconds=300,
        require_auth=True,
    )
    figures: dict[str, Any] = {"registry": build_registry(settings, n_agreements)}
    key = KeyStore.for_settings(settings).create(Role.admin, label="bench").key
    headers = {"Authorization": f"Bearer {key}"}
    with (
        _Server(settings) as server,
        httpx.Client(base_url=server.base, headers=headers, timeout=300) as http,
    ):
        figures["latency"] = measure_latency(http)
        figures["list_search_p95_ms"] = figures["latency"]["all"]["p95_ms"]
        figures["list_search_goal_met"] = figures["list_search_p95_ms"] < 100

        # Warm the worker (rule data loads once per worker) before timing a scan.
        _wait(http, _upload(http, "warm.pdf", _small_pdf(f"warm-{time.time()}"))["id"], 600)
        scan = scan_pdf(8, seed=int(time.time()))
        started = time.perf_counter()
        job = _wait(http, _upload(http, "scan-8.pdf", scan)["id"], 900)
        figures["scan_8_pages_upload_to_filed_s"] = round(time.perf_counter() - started, 1)
        figures["scan_8_pages_status"] = job["status"]
        if job["status"] != "done":
            figures["scan_8_pages_error"] = job.get("error")

        # Keep the workers busy with another scan, then count accepted uploads.
        _upload(http, "busy.pdf", scan_pdf(8, seed=int(time.time()) + 1))
        n = 60
        run_id = int(time.time())
        uploads = [_small_pdf(f"{run_id}-{i}") for i in range(n)]
        started = time.perf_counter()
        accepted = sum(
            1 for i, data in enumerate(uploads) if _upload(http, f"u{i}.pdf", data)["status"]
        )
        seconds = time.perf_counter() - started
        figures["uploads_accepted_per_s_while_busy"] = round(accepted / seconds, 1)
        figures["uploads_accepted"] = accepted
        figures["queue_pending_after_burst"] = http.get("/api/v1/ready").json()["queue_pending"]
    figures["note"] = "shared 2-core machine: figures are noisy"
    if not (data_dir / "registry.db").exists():
        shutil.rmtree(data_dir, ignore_errors=True)
    return figures


if __name__ == "__main__":
    import json
    import sys

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    print(json.dumps(run(Path("bench/out/api"), n_agreements=count), indent=1))
