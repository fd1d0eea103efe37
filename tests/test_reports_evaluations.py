"""The evaluation store on a real registry file, and the ``kerjasama report`` commands."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_api_support import file_records, make_settings, record

from models.errors import ConflictError, NotFoundError, ValidationFailedError
from service.registry import Registry
from service.reports.criteria import CRITERIA
from service.reports.evaluations import CriterionScore, EvaluationInput, EvaluationStore

ROOT = Path(__file__).resolve().parent.parent


def _sheet(year: int, score: int) -> EvaluationInput:
    return EvaluationInput(
        fiscal_year=year,
        scores={c.code: CriterionScore(score=score, note=c.code) for c in CRITERIA},
    )


def test_history_is_kept_and_the_latest_per_year_is_current(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    first, second = file_records(
        settings,
        [
            record("Kerja sama sampah", ["35.15"], number="1/A/2019"),
            record("Kerja sama jalan", ["32.02"], number="2/B/2020"),
        ],
    )
    with Registry.open(settings) as registry:
        assert "0100_evaluations" in registry.applied_migrations()
        store = EvaluationStore(registry)
        old = store.record(first, _sheet(2024, 2), evaluator="ani")
        new = store.record(first, _sheet(2024, 5), evaluator="budi")
        other_year = store.record(first, _sheet(2023, 3), evaluator="ani")
        store.record(second, _sheet(2024, 1), evaluator="ani")

        history = store.history(first)
        assert [e.id for e in history] == [other_year.id, new.id, old.id]
        assert [e.current for e in history] == [True, True, False]
        assert [e.id for e in store.history(first, 2024)] == [new.id, old.id]
        current = store.current_for_year(2024)
        assert {k: v.average for k, v in current.items()} == {first: 5.0, second: 1.0}
        assert list(store.current_for_year(2024, [second])) == [second]
        assert store.current_for_year(2022) == {}

        partial = _sheet(2024, 3)
        del partial.scores["relevansi"]
        with pytest.raises(ValidationFailedError, match="relevansi"):
            store.record(first, partial, evaluator="ani")
        with pytest.raises(NotFoundError):
            store.record(999, _sheet(2024, 3), evaluator="ani")
        assert len(store.history(first)) == 3  # refused sheets left nothing behind

    conn = sqlite3.connect(settings.database)
    with pytest.raises(sqlite3.IntegrityError, match="never rewritten"):
        conn.execute("UPDATE evaluation_scores SET score = 1")
    with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
        conn.execute("DELETE FROM evaluations")
    conn.close()


def test_a_merged_agreement_is_not_evaluated(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    original, copy = file_records(
        settings,
        [
            record("Kerja sama irigasi", ["35", "35.15"], number="3/C/2020"),
            record("Kerja sama irigasi", ["35.15", "35"], number="3/C/2020"),  # a rescan
        ],
    )
    with Registry.open(settings) as registry:
        [link] = registry.get_agreement(copy).links
        registry.resolve_link(link.id, confirm=True, user="ani")
        store = EvaluationStore(registry)
        with pytest.raises(ConflictError, match=f"merged into {original}"):
            store.record(copy, _sheet(2024, 3), evaluator="ani")
        assert store.record(original, _sheet(2024, 3), evaluator="ani").average == 3.0


def test_report_commands(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    today = dt.date.today()
    rows = []
    for title, region, number, end in (
        ("Kerja sama sampah", "35.15", "1/A/2019", today + dt.timedelta(days=20)),
        ("Kerja sama jalan", "32.02", "2/B/2020", today + dt.timedelta(days=40)),
        ("Kerja sama wisata", "35.78", "3/C/2021", dt.date(2024, 3, 31)),
    ):
        data, document, extraction = record(title, [region], number=number)
        rows.append((data, document, extraction.model_copy(update={"end_date": end})))
    sampah, _jalan, wisata = file_records(settings, rows)
    with Registry.open(settings) as registry:
        EvaluationStore(registry).record(wisata, _sheet(2024, 4), evaluator="ani")

    env = {**os.environ, "KERJASAMA_DATA_DIR": str(settings.data_dir)}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "service.cli", "report", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    book_path = tmp_path / "monev.xlsx"
    done = run("yearly", "--year", "2024", "--region", "35", "--xlsx", str(book_path), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert {r["id"]: r["state"] for r in report["rows"]} == {sampah: "active", wisata: "expired"}
    assert report["evaluation"]["evaluated"] == 1 and report["evaluation"]["coverage"] == 0.5
    book = load_workbook(BytesIO(book_path.read_bytes()))
    assert book["Ringkasan"]["B5"].value == dt.datetime(2025, 1, 10)

    pdf_path = tmp_path / "monev.pdf"
    done = run("yearly", "--year", "2024", "--body", "35.15", "--pdf", str(pdf_path))
    assert done.returncode == 0, done.stderr
    assert "Kabupaten Sidoarjo" in done.stdout and pdf_path.read_bytes().startswith(b"%PDF")

    done = run("act", "submit", "--body", "35.15", "--year", "2024", "--user", "ani")
    assert done.returncode == 0, done.stderr
    assert "Disampaikan" in done.stdout and "Terlambat" in done.stdout
    done = run("act", "accept", "--body", "35.15", "--year", "2024", "--region", "35.15")
    assert done.returncode == 1 and "forbidden" in done.stderr
    done = run("bodies", "--year", "2024", "--region", "35", "--json")
    statuses = {r["body"]: r["status"] for r in json.loads(done.stdout)}
    assert statuses["35.15"] == "submitted" and "32" not in statuses and len(statuses) == 39

    done = run("coordination", "--year", "2024", "--region", "35", "--json")
    lines = {line["body"]: line for line in json.loads(done.stdout)["lines"]}
    assert lines["35.15"]["agreements"] == 1 and lines["35.78"]["agreements"] == 1
    done = run("expiry", "--days", "30", "--json")
    assert [i["id"] for i in json.loads(done.stdout)["expiring"]] == [sampah]
    done = run("digest", "--body", "35.15", "--days", "30")
    assert done.returncode == 0 and "Kabupaten Sidoarjo" in done.stdout
    done = run("digest", "--body", "35.15", "--email", "a@b.go.id")
    assert done.returncode == 2 and "KERJASAMA_DIGEST_SMTP_HOST" in done.stderr

    done = run("expiring", "--days", "30", "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert [(i["id"], i["days_left"]) for i in found["items"]] == [(sampah, 20)]
    assert run("yearly", "--year", "2024", "--region", "3x").returncode == 2
