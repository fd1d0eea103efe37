"""Registry, dedup and backfill benchmark (``make bench``; ``python -m bench.registry``).

Over a generated corpus (``manifest.json``: every file of one document id is
one agreement; ``parent_id`` gives PKS -> NK and addendum -> original):

- backfill throughput, digital files first, then scans/photos/images, into a
  fresh registry (the real ``run_backfill``: worker processes + one writer);
- duplicate detection precision/recall: each file filed after another file of
  the same agreement should come out as a candidate duplicate of it;
- PKS -> NK ("implements") and addendum -> original ("amends") link
  precision/recall;
- the near-duplicate check against a registry of 50,000 agreements;
- peak memory of the backfill (main + workers), sampled, and its first/second half;
- projection for the 1,614 × 8-page scanned archive from the scanned pages/hour.

Timings are wall-clock on a shared machine: noisy.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]

from models import Document, Extraction, Line, Page, Party, Settings
from service import dedup, dedup_candidates
from service.backfill import run_backfill
from service.registry import Registry
from service.registry.file_rows import file_rows

SCALE_AGREEMENTS = 50_000
ARCHIVE_AGREEMENTS = 1_614
ARCHIVE_PAGES = 8


class MemorySampler:
    """Peak resident memory of this process and its children, sampled every 0.2 s."""

    def __init__(self) -> None:
        self.samples: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._started = time.monotonic()

    def _rss(self) -> float:
        me = psutil.Process()
        total = me.memory_info().rss
        for child in me.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                continue
        return total / 2**20

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.samples.append((time.monotonic() - self._started, self._rss()))

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def figures(self) -> dict[str, float]:
        values = [mb for _t, mb in self.samples] or [0.0]
        half = len(values) // 2 or 1
        return {
            "peak_rss_mb": round(max(values), 1),
            "peak_rss_first_half_mb": round(max(values[:half]), 1),
            "peak_rss_second_half_mb": round(max(values[half:] or values), 1),
        }


def _stage(corpus_dir: Path, out_dir: Path, manifest: dict[str, Any]) -> tuple[Path, Path]:
    """Symlink the corpus into a digital and a scanned archive; names carry the doc id."""
    digital, scanned = out_dir / "archive-digital", out_dir / "archive-scanned"
    for folder in (digital, scanned):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    for doc in manifest["documents"]:
        for entry in doc["files"]:
            source = (corpus_dir / entry["path"]).resolve()
            folder = digital if entry["kind"] == "digital" else scanned
            (folder / f"{doc['id']}__{Path(entry['path']).name}").symlink_to(source)
    return digital, scanned


def _rows(report: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(report.open(encoding="utf-8")))


def _dedup_scores(rows: list[dict[str, str]]) -> tuple[dict[str, Any], dict[int, str]]:
    """Precision/recall of candidate duplicates, in filing order."""
    doc_of_agreement: dict[int, str] = {}
    seen: set[str] = set()
    tp = fp = fn = 0
    errors: list[str] = []
    for row in rows:
        if row["outcome"] not in ("filed", "duplicate_candidate"):
            continue
        doc = row["path"].split("__", 1)[0]
        agreement = int(row["agreement_id"])
        doc_of_agreement[agreement] = doc
        should = doc in seen
        if row["outcome"] == "duplicate_candidate":
            target = doc_of_agreement.get(int(row["duplicate_of"]))
            if target == doc:
                tp += 1
            else:
                fp += 1
                fn += int(should)
                errors.append(f"FP {row['path']} -> {target} ({row['score']})")
        elif should:
            fn += 1
            errors.append(f"FN {row['path']}")
        seen.add(doc)
    return {
        "duplicate_pairs": tp + fn,
        "true_positives": tp,
        "false_positives": fp,
        "false_negatives": fn,
        "precision": round(tp / (tp + fp), 4) if tp + fp else None,
        "recall": round(tp / (tp + fn), 4) if tp + fn else None,
        "errors": errors[:30],
    }, doc_of_agreement


def _link_scores(
    registry: Registry, manifest: dict[str, Any], doc_of_agreement: dict[int, str]
) -> dict[str, Any]:
    kinds = {"PKS": "implements", "ADENDUM": "amends"}
    truth = {
        (doc["id"], doc["parent_id"], kinds[doc["doc_type"]])
        for doc in manifest["documents"]
        if doc.get("parent_id") and doc["doc_type"] in kinds
    }
    with registry.read() as conn:
        rows = conn.execute(
            "SELECT from_agreement, to_agreement, kind FROM links "
            "WHERE kind IN ('implements', 'amends') AND status != 'rejected'"
        ).fetchall()
    predicted = set()
    for source, target, kind in rows:
        if source in doc_of_agreement and target in doc_of_agreement:
            predicted.add((doc_of_agreement[source], doc_of_agreement[target], kind))
    figures: dict[str, Any] = {}
    for kind in ("implements", "amends"):
        want = {t for t in truth if t[2] == kind}
        got = {p for p in predicted if p[2] == kind}
        hit = len(want & got)
        figures[kind] = {
            "pairs": len(want),
            "found": len(got),
            "precision": round(hit / len(got), 4) if got else None,
            "recall": round(hit / len(want), 4) if want else None,
            "missed": sorted(f"{a}->{b}" for a, b, _k in want - got)[:10],
            "wrong": sorted(f"{a}->{b}" for a, b, _k in got - want)[:10],
        }
    return figures


# ---------------------------------------------------------------------------- 50,000


def _regions() -> list[tuple[str, str]]:
    from lokal import wilayah

    out: list[tuple[str, str]] = []
    for province in wilayah.list_wilayah():
        out.append((province.code, f"Pemerintah Provinsi {province.name}"))
        out.extend((w.code, f"Pemerintah {w.name}") for w in wilayah.list_wilayah(province.code))
    return out


_TOPICS = (
    "pariwisata", "air minum", "jalan", "pendidikan", "kesehatan", "pertanian", "perikanan",
    "perhubungan", "kebudayaan", "koperasi", "kehutanan", "persampahan", "pelayanan publik",
    "sistem informasi", "penanggulangan bencana", "ketahanan pangan", "perdagangan", "investasi",
)  # fmt: skip


def _synthetic(
    rng: random.Random, regions: list[tuple[str, str]], i: int
) -> tuple[bytes, Document, Extraction]:
    """One agreement of a plausible archive: a few busy regions, many quiet ones."""
    weights_index = min(int(rng.paretovariate(1.2)) - 1, len(regions) - 1)
    first = regions[weights_index % 40] if rng.random() < 0.5 else rng.choice(regions)
    second = rng.choice(regions)
    year = rng.randint(2008, 2025)
    signed = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    topic = rng.choice(_TOPICS)
    series = rng.choice(["KS", "PKS", "KB", "HK"])
    number = f"{rng.randint(1, 999)}/{rng.randint(1, 9999)}/{series}/{year}"
    title = f"Kerja Sama {topic.title()} {rng.randint(1, 99)}"
    text = (
        f"PERJANJIAN KERJA SAMA ANTARA {first[1].upper()} DAN {second[1].upper()} TENTANG "
        f"{title.upper()} NOMOR {number} Pada hari ini tanggal {signed.day} bulan {signed.month} "
        f"tahun {year} kami yang bertanda tangan di bawah ini {first[1]} selanjutnya disebut "
        f"PIHAK PERTAMA dan {second[1]} selanjutnya disebut PIHAK KEDUA sepakat bekerja sama "
        f"dalam bidang {topic} nomor urut {i} dengan ruang lingkup {rng.choice(_TOPICS)}. "
    ) * 3
    data = text.encode()
    document = Document(
        file=f"{i}.pdf",
        sha256=dedup.norm_text(str(i)),
        mime="application/pdf",
        size=len(data),
        pages=[Page(number=1, width=595, height=842, method="text", lines=[Line(text=text)])],
    )
    extraction = Extraction(
        file=f"{i}.pdf", sha256="", pages=1, ocr_pages=0, doc_type="PKS", title=title,
        numbers=[number], signing_date=signed, scope=[topic],
        parties=[
            Party(institution=first[1], region_code=first[0]),
            Party(institution=second[1], region_code=second[0]),
        ],
        confidence={"title": 0.9},
    )  # fmt: skip
    return data, document, extraction


def _scale(out_dir: Path, n: int) -> dict[str, Any]:
    """Fill (or reuse) a registry of ``n`` agreements, then time the dedup check."""
    path = out_dir / f"scale-{n}.db"
    files = out_dir / f"scale-{n}-files"
    regions = _regions()
    rng = random.Random(5)
    fill_seconds = None
    registry = Registry.open_path(path, files)
    try:
        have = registry.stats()["agreements"]
        if have < n:
            # Filled through the registry's own filing rows (dedup, links, search,
            # blocking keys), 500 per transaction and without storing bytes: the
            # figure measured is the check at scale, not the fill.
            started = time.perf_counter()
            for batch in range(have, n, 500):
                with registry.write() as conn:
                    for i in range(batch, min(batch + 500, n)):
                        data, document, extraction = _synthetic(random.Random(i), regions, i)
                        sha = hashlib.sha256(data).hexdigest()
                        file_rows(
                            conn, sha, "-", len(data), document.file, document, extraction,
                            "bench", "bench",
                        )  # fmt: skip
            fill_seconds = time.perf_counter() - started
            fill_rate = (n - have) / fill_seconds
        else:
            fill_rate = None
        with registry.read() as conn:
            checks: list[float] = []
            candidates: list[int] = []
            found = 0
            for k in range(300):
                twin = k % 2 == 0
                seed = rng.randrange(n) if twin else n + k
                _data, document, extraction = _synthetic(random.Random(seed), regions, seed)
                values = extraction.model_dump(mode="json")
                if k % 6 == 4:  # a twin whose date was not read: year-less party blocks
                    values["signing_date"] = None
                profile = dedup.profile(values, dedup.fingerprint(document.text))
                started = time.perf_counter()
                matches = dedup_candidates.find_matches(conn, profile)
                checks.append((time.perf_counter() - started) * 1000)
                candidates.append(len(matches))
                found += int(twin and any(m.duplicate for m in matches))
            keys = conn.execute("SELECT COUNT(*) FROM blocking_keys").fetchone()[0]
            largest = conn.execute(
                "SELECT COUNT(*) FROM blocking_keys GROUP BY key ORDER BY 1 DESC LIMIT 1"
            ).fetchone()[0]
        started = time.perf_counter()
        extra = 50
        for j in range(extra):
            data, document, extraction = _synthetic(random.Random(10**7 + j), regions, 10**7 + j)
            registry.file_document(data, document.file, document, extraction)
        filing_ms = (time.perf_counter() - started) * 1000 / extra
    finally:
        registry.close()
    checks.sort()
    return {
        "agreements": n,
        "fill_agreements_per_second": round(fill_rate, 1) if fill_rate else "reused",
        "dedup_check_ms_median": round(statistics.median(checks), 2),
        "dedup_check_ms_p95": round(checks[int(len(checks) * 0.95)], 2),
        "dedup_check_ms_max": round(checks[-1], 2),
        "candidates_scored_mean": round(statistics.mean(candidates), 1),
        "twins_found": f"{found}/150",
        "blocking_keys": keys,
        "largest_block": largest,
        "file_document_ms_at_scale": round(filing_ms, 1),
        "database_mb": round(path.stat().st_size / 2**20, 1),
    }


# ---------------------------------------------------------------------------- run


def run(corpus_dir: Path, out_dir: Path, *, workers: int, scale: int = SCALE_AGREEMENTS) -> dict:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    manifest = json.loads((corpus_dir / "manifest.json").read_text(encoding="utf-8"))
    out_dir.mkdir(parents=True, exist_ok=True)
    digital_dir, scanned_dir = _stage(corpus_dir, out_dir, manifest)
    data_dir = out_dir / "registry"
    shutil.rmtree(data_dir, ignore_errors=True)
    settings = Settings(data_dir=data_dir, workers=workers)
    figures: dict[str, Any] = {"workers": workers, "corpus": str(corpus_dir)}
    with Registry.open(settings) as registry:
        with MemorySampler() as memory:
            digital = run_backfill(
                digital_dir, registry, settings=settings, report=out_dir / "digital.csv"
            )
            scanned = run_backfill(
                scanned_dir, registry, settings=settings, report=out_dir / "scanned.csv"
            )
        figures["memory"] = memory.figures()
        for name, summary in (("digital", digital), ("scanned", scanned)):
            done = summary.filed + summary.outcomes["failed"]
            hours = summary.seconds / 3600
            figures[f"backfill_{name}"] = {
                "files": done,
                "failed": summary.outcomes["failed"],
                "pages": summary.pages,
                "ocr_pages": summary.ocr_pages,
                "seconds": round(summary.seconds, 1),
                "documents_per_hour": round(done / hours) if hours else None,
                "pages_per_hour": round(summary.pages / hours) if hours else None,
                "failures": summary.failures,
            }
        scanned_pages_per_hour = figures["backfill_scanned"]["pages_per_hour"]
        if scanned_pages_per_hour:
            figures["projection_1614x8_scans_hours"] = round(
                ARCHIVE_AGREEMENTS * ARCHIVE_PAGES / scanned_pages_per_hour, 2
            )
        rows = _rows(out_dir / "digital.csv") + _rows(out_dir / "scanned.csv")
        figures["dedup"], doc_of_agreement = _dedup_scores(rows)
        figures["links"] = _link_scores(registry, manifest, doc_of_agreement)
        figures["registry"] = registry.stats()
    figures["scale"] = _scale(out_dir, scale)
    (out_dir / "figures.json").write_text(json.dumps(figures, indent=1, default=str))
    return figures


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpus_samples")
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("bench/out/registry")
    n = int(sys.argv[3]) if len(sys.argv) > 3 else SCALE_AGREEMENTS
    print(json.dumps(run(corpus, out, workers=os.cpu_count() or 1, scale=n), indent=1, default=str))
