"""Issue 9 points 6, 8, 10: no orphan after kill -9, one job per file in flight,
and OCR pages checkpointed so a killed run resumes from the page it stopped at."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil  # type: ignore[import-untyped]
import pytest
from test_api_support import agreement_pdf, free_port, make_settings, scanned_pdf

from extractor.ingest import plan_document, read_document
from models import Page, Settings
from service.checkpoints import PageCheckpoints
from service.jobs.backends import make_queue
from service.jobs.intake import Intake
from service.jobs.store import JobStore

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_kill_9_of_serve_leaves_no_worker_or_ocr_process(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "KERJASAMA_DATA_DIR": str(tmp_path / "data"),
        "KERJASAMA_REQUIRE_AUTH": "false",
        "KERJASAMA_WORKERS": "2",
    }
    serve = subprocess.Popen(
        [sys.executable, "-m", "service.cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        http = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30)
        while True:
            try:
                if http.get("/api/v1/health").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert serve.poll() is None and time.monotonic() < deadline, "serve did not start"
            time.sleep(0.1)
        # a scan in work, so the OCR processes exist when serve dies
        http.post("/api/v1/uploads", files={"files": ("scan.pdf", scanned_pdf(pages=2))})
        deadline = time.monotonic() + 60
        children: list[psutil.Process] = []
        while len(children) < 3 and time.monotonic() < deadline:  # worker, forkserver, OCR
            children = psutil.Process(serve.pid).children(recursive=True)
            time.sleep(0.1)
        assert len(children) >= 3, children
        os.kill(serve.pid, signal.SIGKILL)  # only serve: its children must follow by themselves
        serve.wait()
        _gone, alive = psutil.wait_procs(children, timeout=15)
        assert not alive, [(p.pid, p.name()) for p in alive]
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)


def test_simultaneous_uploads_of_one_file_make_one_job(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    store = JobStore.for_settings(settings)
    queue = make_queue(settings, store)
    intake = Intake(settings, store, queue, lambda sha: None)
    data = agreement_pdf()
    barrier = threading.Barrier(5)
    ids: list[str] = []

    def submit() -> None:
        barrier.wait()
        ids.append(intake.submit(data, "pks.pdf", user="rina").id)

    threads = [threading.Thread(target=submit) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ids) == 5 and len(set(ids)) == 1, ids
    assert queue.pending_count() == 1
    assert len(store.active()) == 1


def test_read_pages_are_checkpointed_and_a_rerun_reads_only_the_missing(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    cache = PageCheckpoints.for_settings(settings)
    data = scanned_pdf(pages=3, dpi=100)
    first = read_document(data, settings=settings, cache=cache)
    sha = first.sha256
    assert cache.count(sha) == 3
    # a run killed after two pages: the third is missing
    key = next(k for k in _keys(data, settings) if k.split(":")[1] == "2")
    with sqlite3.connect(settings.data_dir / "service.db") as db:
        db.execute("delete from page_checkpoints where key = ?", (key,))
    assert cache.count(sha) == 2
    again = read_document(data, settings=settings, cache=cache)
    # pages 1-2 come from the checkpoint unchanged (their timing too); page 3 is read anew
    assert [p.seconds for p in again.pages[:2]] == [p.seconds for p in first.pages[:2]]
    assert again.pages[2].text == first.pages[2].text and again.pages[2].method == "ocr"
    assert cache.count(sha) == 3
    # other OCR settings are other pages
    other = settings.model_copy(update={"ocr_deskew": False})
    assert not set(_keys(data, other)) & set(_keys(data, settings))
    cache.forget(sha)
    assert cache.count(sha) == 0


def _keys(data: bytes, settings: Settings) -> list[str]:
    from extractor.ingest import checkpoint_key

    return [checkpoint_key(task) for task in plan_document(data, settings=settings).tasks]


def test_the_extractor_and_the_pipeline_have_no_import_circle() -> None:
    from test_import_circles import _cycle, _graph

    assert _cycle(_graph("extractor")) is None  # ocr.pool knows pages, ingest plans documents
    service = _graph("service")
    mine = (
        "service.jobs",
        "service.consume",
        "service.registry",
        "service.backfill",
        "service.dedup",
    )
    # ``from service.registry import derive`` names the submodule, not the package's __init__
    edges = {
        n: {t for t in e if t.startswith(mine) and not n.startswith(t + ".")}
        for n, e in service.items()
    }
    assert _cycle(edges) is None


@pytest.mark.slow
def test_a_backfill_killed_mid_scan_resumes_from_the_page_it_stopped_at(tmp_path: Path) -> None:
    archive, data = tmp_path / "arsip", tmp_path / "data"
    archive.mkdir()
    (archive / "scan.pdf").write_bytes(scanned_pdf(pages=4, dpi=120))
    env = {**os.environ, "KERJASAMA_DATA_DIR": str(data)}
    command = [sys.executable, "-m", "service.cli", "backfill", str(archive), "--workers", "1",
               "--no-progress", "--report", str(tmp_path / "r.csv")]  # fmt: skip

    def checkpoints() -> dict[str, float]:
        try:
            with sqlite3.connect(data / "service.db", timeout=30) as db:
                rows = db.execute("select key, page from page_checkpoints").fetchall()
        except sqlite3.OperationalError:  # not made yet
            return {}
        return {k: Page.model_validate_json(p).seconds for k, p in rows}

    run = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)  # fmt: skip
    deadline = time.monotonic() + 120
    while not checkpoints() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.poll() is None, "the kill must land mid-scan"
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    kept = checkpoints()
    assert 1 <= len(kept) < 4, kept  # the pages read before the kill survived it

    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stdout.decode()[-2000:]
    with sqlite3.connect(data / "registry.db") as db:
        filed = dict(db.execute("select number, seconds from pages").fetchall())
    assert sorted(filed) == [1, 2, 3, 4]
    # the kept pages were taken as read (their timing is the first run's), not read again
    numbers = {int(key.split(":")[1]) + 1: seconds for key, seconds in kept.items()}
    assert all(filed[n] == seconds for n, seconds in numbers.items())
    assert checkpoints() == {}  # filed: the registry holds the pages now
