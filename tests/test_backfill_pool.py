"""The backfill reads its pages through the shared OCR pool (issue 10), and pages
restored from a checkpoint still get their second look.

Real Tesseract processes, a real SIGSTOP for the hung page, real SQLite."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from test_api_support import agreement_pdf, scanned_pdf
from test_secondlook import _scan

from extractor.fields import extract_fields
from extractor.ingest import read_document
from extractor.ocr import pool as pool_module
from extractor.ocr.pool import OcrPool
from extractor.ocr.region import RegionRaster
from extractor.secondlook import crop, second_look
from models import Box, Settings
from service.backfill import run_backfill
from service.backfill_report import Summary
from service.checkpoints import PageCheckpoints
from service.registry import Registry


def _checkpointed(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("select count(*) from page_checkpoints").fetchone()[0])
    except sqlite3.OperationalError:  # not made yet
        return 0


@pytest.mark.slow
def test_a_hung_page_in_a_backfill_is_killed_and_the_rest_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "arsip"
    archive.mkdir()
    (archive / "a-scan.pdf").write_bytes(scanned_pdf(pages=4, dpi=100))
    (archive / "b-digital.pdf").write_bytes(agreement_pdf())
    # a page not answered 28 s after it was sent is killed: a busy machine (a loaded CI
    # runner, a page taking 10 s) must not have its slow pages killed too
    monkeypatch.setattr(pool_module, "KILL_GRACE", -2.0)
    settings = Settings(data_dir=tmp_path / "data", ocr_page_timeout=30)
    summary: list[Summary] = []
    with OcrPool(workers=1) as pool, Registry.open(settings) as registry:
        (first_pid,) = pool.pids()

        def backfill() -> None:
            summary.append(run_backfill(archive, registry, settings=settings, pool=pool))

        thread = threading.Thread(target=backfill)
        thread.start()
        deadline = time.monotonic() + 120
        while _checkpointed(settings.data_dir / "service.db") < 1:
            assert time.monotonic() < deadline and thread.is_alive(), "no page was read"
            time.sleep(0.01)
        os.kill(first_pid, signal.SIGSTOP)  # the worker hangs on the page it holds now
        thread.join(300)
        assert not thread.is_alive()
        assert pool.pids()[0] != first_pid  # killed and replaced
        (done,) = summary
        assert done.filed == 2, done.failures
        row = registry.stats()
        assert row["files"] == 2
    with sqlite3.connect(settings.data_dir / "registry.db") as conn:
        methods = [m for (m,) in conn.execute("select method from pages order by sha256, number")]
        errors = [e for (e,) in conn.execute("select error from pages where method = 'failed'")]
    assert sorted(methods) == ["failed", "ocr", "ocr", "ocr", "text"], methods
    assert errors and "stopped" in errors[0]


def test_a_page_restored_from_its_checkpoint_gets_its_second_look(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    cache = PageCheckpoints.for_settings(settings)
    data = _scan()
    fresh = read_document(data, name="scan.pdf", settings=settings, cache=cache)
    restored = read_document(data, name="scan.pdf", settings=settings, cache=cache)
    page, again = fresh.pages[0], restored.pages[0]
    assert again.seconds == page.seconds  # taken from the checkpoint, not read again
    assert isinstance(again.raster, RegionRaster) and again.raster.pixels == b""
    assert again.raster.dpi == pytest.approx(page.raster.dpi if page.raster else 0, abs=1)

    extraction = extract_fields(restored)
    evidence = extraction.evidence["numbers"][0]
    assert evidence.box is not None
    box = Box(x0=evidence.box[0], top=evidence.box[1], x1=evidence.box[2], bottom=evidence.box[3])
    kept, rendered = crop(page, box), crop(again, box)
    assert kept is not None and rendered is not None
    assert (
        abs(kept.shape[0] - rendered.shape[0]) <= 4 and abs(kept.shape[1] - rendered.shape[1]) <= 4
    )
    h, w = min(kept.shape[0], rendered.shape[0]), min(kept.shape[1], rendered.shape[1])
    diff = np.abs(kept[:h, :w].astype(int) - rendered[:h, :w].astype(int)).mean()
    assert diff < 25, diff  # the same line of the same page

    looked, looks = second_look(restored, extraction, settings)
    look = looks[0]  # numbers; looks[1] is the parties' names
    assert look.confirmed == 1, look.notes
    assert "second look read" in (looked.evidence["numbers"][0].rule or "")
