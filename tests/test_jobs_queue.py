"""The job store keeps its promises on both backends (a real SQLite file, a real
redis-server): a claim is exclusive, a worker killed with -9 loses its lease and
another finishes the job, attempts run out into a typed Indonesian failure, and
an upload through the real app goes queued -> filed."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_api_support import (
    add_key,
    agreement_pdf,
    client,
    free_port,
    make_settings,
    running_server,
    scanned_pdf,
    wait_job,
)

from models import Settings
from service.consume import Filer
from service.jobs.backends import make_queue
from service.jobs.collector import Collector
from service.jobs.intake import Intake
from service.jobs.queue import JobQueue
from service.jobs.store import JobStore
from service.jobs.worker import EmbeddedWorker
from service.registry import Registry

pytestmark = pytest.mark.slow

BACKENDS = ("sqlite", "redis")


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (the Makefile's APT_PACKAGES installs it)")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", str(folder)]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    try:
        import redis

        probe = redis.Redis(port=port)
        _until(lambda: _pings(probe), 20, "redis to start")
        yield f"redis://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(10)


def _pings(probe: object) -> bool:
    try:
        return bool(probe.ping())  # type: ignore[attr-defined]
    except Exception:
        return False


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> Callable[..., Settings]:
    """Settings for the backend under test; on Redis each test gets an empty database."""
    url = None
    if request.param == "redis":
        base = request.getfixturevalue("redis_server")
        import redis

        redis.Redis.from_url(f"{base}/0").flushdb()
        url = f"{base}/0"

    def settings(folder: Path, **overrides: object) -> Settings:
        return make_settings(folder, queue_backend=request.param, queue_url=url, **overrides)

    return settings


def _until(check: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _api_side(settings: Settings, registry: Registry) -> tuple[JobStore, JobQueue, Collector]:
    """What the API process builds at start."""
    store = JobStore.for_settings(settings)
    queue = make_queue(settings, store)
    return store, queue, Collector(settings, store, queue, Filer(registry))


def _finish_with_a_second_worker(
    second: EmbeddedWorker, store: JobStore, collector: Collector
) -> None:
    second.start()
    try:

        def finished() -> bool:
            collector.run_once()
            return not store.active()

        _until(finished, 240, "the second worker to finish the scan")
    finally:
        second.stop()


def _claim_all(settings_json: str, owner: str, out: str, start: Any) -> None:
    """A worker process that claims once all are ready, holding each claim for a
    moment as a real worker would: without it the first process to wake can drain
    all 200 rows before the others are scheduled, and the race is not tested."""
    queue = make_queue(Settings.model_validate_json(settings_json))
    start.wait(60)
    taken = []
    while (claim := queue.claim(owner, 0.0)) is not None:
        taken.append(claim.job_id)
        time.sleep(0.01)
    Path(out).write_text(json.dumps(taken))


def test_a_claim_is_exclusive_under_concurrency(
    tmp_path: Path, backend: Callable[..., Settings]
) -> None:
    settings = backend(tmp_path, job_lease_seconds=600.0)
    store = JobStore.for_settings(settings)
    queue = make_queue(settings, store)
    ids = []
    for i in range(200):
        job = store.create(
            file=f"f{i}.pdf", sha256=f"{i:064x}", size=1, mime="application/pdf",
            user="test", status="queued",
        )  # fmt: skip
        queue.put_blob(job.id, b"x")
        ref = queue.enqueue(job)
        if ref is not None:
            store.update(job.id, queue_ref=ref)
        ids.append(job.id)
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(5)  # every process imported and connected before the race
    outs = [tmp_path / f"claims-{n}.json" for n in range(4)]
    procs = [
        ctx.Process(target=_claim_all, args=(settings.model_dump_json(), f"w{n}", str(o), start))
        for n, o in enumerate(outs)
    ]
    for proc in procs:
        proc.start()
    start.wait(120)
    for proc in procs:
        proc.join(120)
        assert proc.exitcode == 0
    taken = [json.loads(o.read_text()) for o in outs]
    every = [job_id for mine in taken for job_id in mine]
    assert sorted(every) == sorted(ids)  # each job exactly once, none left over
    assert sum(1 for mine in taken if mine) >= 2, [len(m) for m in taken]  # a real race
    if settings.queue_backend == "sqlite":  # the row says who holds it, claimed once
        rows = [store.get(job_id) for job_id in ids]
        assert all(r is not None and r.attempts == 1 for r in rows)
        assert {r.lease_owner for r in rows if r} <= {"w0", "w1", "w2", "w3"}


def test_a_worker_killed_mid_job_loses_its_lease_and_another_finishes_it(
    tmp_path: Path, backend: Callable[..., Settings]
) -> None:
    settings = backend(tmp_path, job_lease_seconds=2.0, workers=1)
    worker_side = backend(tmp_path / "worker-machine", job_lease_seconds=2.0, workers=1)
    if settings.queue_backend == "sqlite":
        worker_side = settings  # the rows are the queue: the same data folder
    registry = Registry.open(settings)
    try:
        store, queue, collector = _api_side(settings, registry)
        intake = Intake(settings, store, queue, registry.find_file)
        scan = scanned_pdf(pages=3)
        job = intake.submit(scan, "scan.pdf", user="test")
        assert job.status == "queued"

        def held() -> str | None:
            collector.run_once()  # on Redis it mirrors the stream's pending list
            current = store.get(job.id)
            return current.lease_owner if current else None

        first = EmbeddedWorker(worker_side, workers=1, warm=False)
        first.start()
        try:
            _until(held, 180, "a worker to claim the scan")
            first_owner = held()
            assert first.process.pid is not None
            os.kill(first.process.pid, signal.SIGKILL)  # power cut mid-OCR
            first.process.join(10)
        finally:
            first.stop()
        running = store.get(job.id)
        assert running is not None and running.status == "running" and running.attempts == 1

        _finish_with_a_second_worker(EmbeddedWorker(worker_side, workers=1), store, collector)
        done = store.get(job.id)
        assert done is not None and done.status == "done", done
        assert done.attempts == 2 and done.lease_owner is None
        assert first_owner is not None
        filed = registry.find_file(hashlib.sha256(scan).hexdigest())
        assert filed is not None and filed.agreement_id == done.agreement_id
        assert registry.get_agreement(done.agreement_id or 0).files[0].ocr_pages == 3
        assert queue.blob(job.id) is None  # the queue keeps nothing once filed
    finally:
        registry.close()


def test_a_worker_stopped_with_sigterm_hands_its_job_back_at_once(
    tmp_path: Path, backend: Callable[..., Settings]
) -> None:
    """A restart must not wait a lease nor spend an attempt: the lease here is
    far longer than the wait for the second worker, so only a release passes."""
    settings = backend(tmp_path, job_lease_seconds=600.0, workers=1)
    registry = Registry.open(settings)
    try:
        store, queue, collector = _api_side(settings, registry)
        intake = Intake(settings, store, queue, registry.find_file)
        job = intake.submit(scanned_pdf(pages=3), "scan.pdf", user="test")

        def held() -> str | None:
            collector.run_once()
            current = store.get(job.id)
            return current.lease_owner if current else None

        first = EmbeddedWorker(settings, workers=1, warm=False)
        first.start()
        try:
            _until(held, 180, "a worker to claim the scan")
        finally:
            first.stop()  # SIGTERM, mid-OCR
        assert first.process.exitcode == 0
        second = EmbeddedWorker(settings, workers=1, warm=False)
        _finish_with_a_second_worker(second, store, collector)
        done = store.get(job.id)
        assert done is not None and done.status == "done", done
        assert done.attempts == 1  # the interrupted reading was not counted
    finally:
        registry.close()


def test_a_released_claim_is_claimable_at_once_without_counting(
    tmp_path: Path, backend: Callable[..., Settings]
) -> None:
    settings = backend(tmp_path, job_lease_seconds=600.0)
    store = JobStore.for_settings(settings)
    queue = make_queue(settings, store)
    job = store.create(file="a.pdf", sha256="a" * 64, size=1, mime="application/pdf",
                       user="test", status="queued")  # fmt: skip
    queue.put_blob(job.id, b"x")
    ref = queue.enqueue(job)
    if ref is not None:
        store.update(job.id, queue_ref=ref)
    first = queue.claim("w1", 5)
    assert first is not None and first.attempt == 1
    assert queue.claim("w2", 0.2) is None  # held: nobody else gets it
    assert not queue.release(dataclasses.replace(first, owner="w9"))  # only the holder
    assert queue.release(first)
    again = queue.claim("w2", 5)
    assert again is not None and again.job_id == job.id and again.attempt == 1


def test_attempts_run_out_into_a_typed_failure_the_api_shows_in_indonesian(
    tmp_path: Path, backend: Callable[..., Settings]
) -> None:
    settings = backend(tmp_path, job_lease_seconds=1.0, job_max_attempts=2)
    staff = add_key(settings, "staff")
    with running_server(settings) as base, client(base, staff) as http:
        sent = http.post("/api/v1/uploads", files={"files": ("a.pdf", agreement_pdf("lost"))})
        assert sent.status_code == 202
        job_id = sent.json()["items"][0]["job"]["id"]
        queue = make_queue(settings)  # a worker that claims and then dies, twice
        first = queue.claim("crashed-1", 10)
        assert first is not None and (first.job_id, first.attempt) == (job_id, 1)
        time.sleep(1.3)  # its lease lapses
        second = queue.claim("crashed-2", 10)
        assert second is not None and (second.job_id, second.attempt) == (job_id, 2)
        job = wait_job(http, job_id, timeout=60)
        assert job["status"] == "failed" and job["error"] == "worker_lost", job
        assert job["attempts"] == 2
        assert job["message"].startswith("Pekerjaan dihentikan setelah 2 kali percobaan")
        assert queue.claim("late", 0.5) is None  # nothing left to run
        page = http.get("/review/upload/jobs").json()["jobs"][0]
        assert page["status_label"] == "gagal" and page["reason"], page


def test_an_upload_over_http_goes_queued_to_filed(
    tmp_path: Path, backend: Callable[..., Settings]
) -> None:
    api = backend(tmp_path / "api", embedded_worker=False)
    remote = backend(tmp_path / "worker-machine")
    if api.queue_backend == "sqlite":
        remote = api
    staff = add_key(api, "staff")
    worker = EmbeddedWorker(remote, workers=1)
    worker.start()
    try:
        with running_server(api) as base, client(base, staff) as http:
            data = agreement_pdf(f"through {api.queue_backend}")
            response = http.post("/api/v1/uploads", files={"files": ("r.pdf", data)})
            assert response.status_code == 202
            sent = response.json()["items"][0]["job"]
            assert sent["status"] == "queued"
            job = wait_job(http, sent["id"], timeout=180)
            assert job["status"] == "done" and job["attempts"] == 1, job
            view = http.get(f"/api/v1/agreements/{job['agreement_id']}").json()
            assert view["files"][0]["sha256"] == hashlib.sha256(data).hexdigest()
            assert view["fields"]["doc_type"]["value"] == "NK"
    finally:
        worker.stop()
    if api.queue_backend == "redis":  # a worker on Redis never opens a database
        assert not remote.data_dir.exists() or not any(remote.data_dir.rglob("*.db"))
    assert not (api.data_dir / "queue.db").exists()
    assert not any(api.spool_dir.glob("*")) if api.spool_dir.exists() else True
