"""The job queue keeps its promises: nothing lost on restart, interrupted jobs
run again, and workers on another machine work through Redis without ever
opening the registry."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import signal
import subprocess
import time
from pathlib import Path

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
from service.jobs.collector import Collector
from service.jobs.intake import Intake
from service.jobs.queue import JobQueue
from service.jobs.store import JobStore
from service.jobs.worker import EmbeddedWorker
from service.registry import Registry

pytestmark = pytest.mark.slow


def _collector(settings: Settings, registry: Registry) -> tuple[JobStore, JobQueue, Collector]:
    """What the API process builds at start (a restart builds it again)."""
    store, queue = JobStore.for_settings(settings), JobQueue(settings)
    return store, queue, Collector(settings, store, queue, Filer(registry))


def _until(check: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_jobs_survive_a_restart_and_interrupted_jobs_run_again(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, job_lease_seconds=1.0, workers=1)
    registry = Registry.open(settings)
    try:
        store, queue, _ = _collector(settings, registry)
        intake = Intake(settings, store, queue, registry.find_file)
        scan, digital = scanned_pdf(pages=1), agreement_pdf("after the scan")
        slow = intake.submit(scan, "scan.pdf", user="test")
        quick = intake.submit(digital, "digital.pdf", user="test")
        queue.huey.storage.close()  # the API process stops with both jobs queued

        store, queue, collector = _collector(settings, registry)  # ... and starts again
        assert {job.id for job in store.active()} == {slow.id, quick.id}
        assert queue.pending_count() == 2
        first = EmbeddedWorker(settings, workers=1, warm=False)
        first.start()
        try:
            _until(lambda: queue.heartbeat(slow.id) is not None, 180, "the scan to start")
            assert first.process.pid is not None
            os.kill(first.process.pid, signal.SIGKILL)  # power cut mid-OCR
            first.process.join(10)
        finally:
            first.stop()
        assert queue.result(str(store.get(slow.id).task_id)) is None  # type: ignore[union-attr]

        def requeued() -> bool:
            collector.run_once()
            job = store.get(slow.id)
            return job is not None and job.attempts == 1 and job.status == "queued"

        _until(requeued, 30, "the collector to notice the dead worker")
        second = EmbeddedWorker(settings, workers=1)
        second.start()
        try:

            def finished() -> bool:
                collector.run_once()
                return not store.active()

            _until(finished, 240, "both jobs to finish")
        finally:
            second.stop()
        slow_job, quick_job = store.get(slow.id), store.get(quick.id)
        assert slow_job is not None and quick_job is not None
        assert slow_job.status == "done" and slow_job.attempts == 2
        assert quick_job.status == "done" and quick_job.outcome in ("filed", "duplicate_candidate")
        filed = registry.find_file(hashlib.sha256(scan).hexdigest())
        assert filed is not None and filed.agreement_id == slow_job.agreement_id
        view = registry.get_agreement(slow_job.agreement_id or 0)
        assert view.files[0].ocr_pages == 1
        assert queue.blob(slow.id) is None  # the queue keeps nothing once filed
    finally:
        registry.close()


def test_remote_workers_through_redis_never_open_the_registry(tmp_path: Path) -> None:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (make install-system-deps installs it)")
    port = free_port()
    redis = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
    )
    try:
        url = f"redis://127.0.0.1:{port}/0"
        api = make_settings(tmp_path / "api", queue_url=url)
        remote = make_settings(tmp_path / "worker-machine", queue_url=url)
        staff = add_key(api, "staff")
        import redis as redis_client

        probe = redis_client.Redis.from_url(url)
        _until(lambda: _pings(probe), 20, "redis to start")
        worker = EmbeddedWorker(remote, workers=1)
        worker.start()
        try:
            with running_server(api) as base, client(base, staff) as http:
                data = agreement_pdf("through redis")
                response = http.post("/api/v1/uploads", files={"files": ("r.pdf", data)})
                assert response.status_code == 202
                job = wait_job(http, response.json()["items"][0]["job"]["id"], timeout=180)
                assert job["status"] == "done", job
                view = http.get(f"/api/v1/agreements/{job['agreement_id']}").json()
                assert view["files"][0]["sha256"] == hashlib.sha256(data).hexdigest()
                assert view["fields"]["doc_type"]["value"] == "NK"
        finally:
            worker.stop()
        assert not (api.data_dir / "queue.db").exists()  # the queue lived in Redis
        assert not remote.data_dir.exists() or not any(remote.data_dir.rglob("*.db"))
    finally:
        redis.terminate()
        redis.wait(10)


def _pings(probe: object) -> bool:
    try:
        return bool(probe.ping())  # type: ignore[attr-defined]
    except Exception:
        return False


class _Planted:
    """What someone with write access to the queue could plant."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch planted",))


def test_the_queue_refuses_pickles_it_did_not_make(tmp_path: Path) -> None:
    queue = JobQueue(make_settings(tmp_path))
    queue.huey.storage.put_data("kerjasama:heartbeat:x", pickle.dumps(_Planted()))
    with pytest.raises(pickle.UnpicklingError):
        queue.heartbeat("x")
    task = queue.new_task("job-1", "a.pdf")
    queue.submit(task, "job-1", b"%PDF-1.4 bytes")
    [pending] = queue.huey.pending()
    assert pending.id == task.id and pending.args[:2] == ("job-1", "a.pdf")
    assert queue.blob("job-1") == b"%PDF-1.4 bytes"
    assert not (tmp_path / "planted").exists()
