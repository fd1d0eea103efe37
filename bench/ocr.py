"""OCR benchmark: accuracy per kind of file, speed against plain Tesseract, memory.

Figures (all in one run, so machine noise hits them alike):
- character error rate of every OCR page against the corpus ground truth
  (``truth/<id>.json`` "page_texts"), per kind: scan, hard, photo, image;
- seconds per OCR page with all workers busy (wall time / pages) for the
  pipeline, and for plain ``tesseract IMG - -l ind`` (OMP_THREAD_LIMIT=1, as
  many processes as workers) on the very page images the pipeline started
  from: the ratio is what orientation, deskew, clean-up and our plumbing cost;
- the same pipeline with the other engine (pytesseract vs tesserocr), and with
  deskew / flat field switched off, so each step shows what it earns;
- digital pages per second on one core (text layer only);
- peak RSS of each worker process while reading a 10-page 300-dpi scan.

Without a corpus (``corpus_dir/manifest.json``) a small one is generated in
``out_dir`` with ``corpusgen``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import subprocess
import tempfile
import threading
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]
from rapidfuzz.distance import Levenshtein

from extractor.ingest import plan_document, read_document, read_many, read_plans
from extractor.ocr.engine import available_engines
from extractor.ocr.page import load_page_image
from extractor.ocr.pool import OcrPool
from models import Document, Settings
from models.errors import KerjasamaError

GROUPS = ("scan", "hard", "photo", "image")
VARIANT_FILES = 3
"""Files per kind for the engine and ablation comparisons."""


@dataclass
class OcrFile:
    path: Path
    kind: str
    group: str
    """scan | hard | photo | image | digital"""
    page_texts: list[str]
    """Truth text of each page of this file (already cut to the pages it shows)."""


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def cer(got: str, want: str) -> tuple[int, int]:
    """(edits, truth characters) on whitespace-normalised text."""
    got, want = norm(got), norm(want)
    return Levenshtein.distance(got, want), len(want)


# ------------------------------------------------------------------ corpus


def _group(entry: dict[str, Any]) -> str:
    kind = str(entry.get("kind", "digital"))
    profile = str(entry.get("profile") or entry.get("degrade") or entry.get("difficulty") or "")
    if kind == "hard" or profile == "hard" or entry.get("hard"):
        return "hard"
    return kind


def load_corpus(corpus_dir: Path) -> list[OcrFile]:
    manifest = json.loads((corpus_dir / "manifest.json").read_text(encoding="utf-8"))
    docs = manifest.get("documents", []) if isinstance(manifest, dict) else manifest
    files = []
    for doc in docs:
        truth_path = corpus_dir / doc.get("truth", f"truth/{doc['id']}.json")
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        texts = list(truth.get("page_texts") or [])
        for entry in doc.get("files", []):
            pages = entry.get("pages")
            shown = [texts[int(p) - 1] for p in pages if int(p) <= len(texts)] if pages else texts
            files.append(
                OcrFile(corpus_dir / entry["path"], str(entry.get("kind")), _group(entry), shown)
            )
    return files


def generate_corpus(folder: Path, n: int = 3) -> list[OcrFile]:
    """A small corpus in ``folder`` (when the committed one is absent)."""
    from corpusgen import generate_sample, render_digital_pdf, render_image, render_scan_pdf

    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        sample = generate_sample(1000 + i)
        texts = list(sample.truth["page_texts"])
        pdf = render_digital_pdf(sample)
        made: list[tuple[str, str, str, bytes, list[str]]] = [
            ("digital", "digital", "pdf", pdf, texts),
            ("scan", "scan", "pdf", render_scan_pdf(pdf, "scan", seed=i), texts),
            ("scan", "hard", "pdf", render_scan_pdf(pdf, "hard", seed=i), texts),
            ("photo", "photo", "pdf", render_scan_pdf(pdf, "photo", seed=i), texts),
            (
                "image",
                "image",
                "jpg",
                render_image(pdf, 1, "jpeg", embed_dpi=i % 2 == 0, seed=i),
                texts[:1],
            ),
        ]
        for kind, group, ext, data, shown in made:
            path = folder / f"{sample.id}-{group}.{ext}"
            path.write_bytes(data)
            files.append(OcrFile(path, kind, group, shown))
    return files


# ------------------------------------------------------------------ runs


def _cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            times = psutil.Process(pid).cpu_times()
            total += times.user + times.system
    return total


def _warm_up(pool: OcrPool, settings: Settings) -> None:
    """One small page per worker, so that imports and model loading are not timed."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (800, 300), 255)
    ImageDraw.Draw(img).text((20, 120), "PERJANJIAN KERJA SAMA", fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(150, 150))
    plans = [plan_document(buf.getvalue() + bytes(i), settings=settings) for i in range(pool.size)]
    for _ in read_plans(plans, pool=pool):
        pass


def _read_all(
    paths: list[Path], settings: Settings, workers: int
) -> tuple[dict[str, Any], float, float]:
    """Results, wall seconds and worker CPU seconds (CPU time is what a shared machine
    distorts least; wall time is what a user waits)."""
    with OcrPool(workers=workers) as pool:
        _warm_up(pool, settings)
        pids = pool.pids()
        cpu = _cpu_seconds(pids)
        started = time.perf_counter()
        results = dict(read_many(paths, pool=pool, settings=settings))
        wall = time.perf_counter() - started
        cpu = _cpu_seconds(pids) - cpu
    return results, wall, cpu


def _score(files: list[OcrFile], results: dict[str, Any]) -> dict[str, Any]:
    edits: dict[str, int] = defaultdict(int)
    chars: dict[str, int] = defaultdict(int)
    pages: dict[str, int] = defaultdict(int)
    failed = 0
    worst: list[tuple[float, str]] = []
    for f in files:
        doc = results.get(str(f.path))
        if not isinstance(doc, Document):
            failed += 1
            continue
        for page, want in zip(doc.pages, f.page_texts, strict=False):
            if page.method != "ocr":
                failed += page.method == "failed"
                continue
            e, n = cer(page.text, want)
            edits[f.group] += e
            chars[f.group] += n
            pages[f.group] += 1
            worst.append((e / max(1, n), f"{f.path.name}#{page.number}"))
    out: dict[str, Any] = {
        g: {"cer": round(edits[g] / chars[g], 4), "pages": pages[g]} for g in GROUPS if chars[g]
    }
    out["all"] = {
        "cer": round(sum(edits.values()) / max(1, sum(chars.values())), 4),
        "pages": sum(pages.values()),
    }
    out["failed_pages_or_files"] = failed
    out["worst_pages"] = [(round(c, 4), name) for c, name in sorted(worst, reverse=True)[:5]]
    return out


def _ocr_pages(results: dict[str, Any]) -> int:
    return sum(d.ocr_pages for d in results.values() if isinstance(d, Document))


def _save_page_images(files: list[OcrFile], settings: Settings, folder: Path) -> list[Path]:
    """The page images the pipeline starts from, saved losslessly for the CLI run."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for f in files:
        try:
            plan = plan_document(f.path, settings=settings)
        except KerjasamaError:
            continue
        for task in plan.tasks:
            pimg = load_page_image(task)
            path = folder / f"{f.path.stem}-{task.index + 1}.png"
            pimg.image.save(path, format="PNG", dpi=(round(pimg.dpi), round(pimg.dpi)))
            out.append(path)
    return out


def _cli(images: list[Path], workers: int) -> tuple[float, dict[Path, str]]:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")

    def one(path: Path) -> tuple[Path, str]:
        done = subprocess.run(
            ["tesseract", str(path), "-", "-l", "ind"],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=False,
        )
        return path, done.stdout

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as ex:
        texts = dict(ex.map(one, images))
    return time.perf_counter() - started, texts


def _digital_speed(files: list[OcrFile], settings: Settings) -> dict[str, Any]:
    pages = 0
    started, cpu = time.perf_counter(), time.process_time()
    for f in files:
        doc = read_document(f.path, settings=settings)
        pages += sum(1 for p in doc.pages if p.method == "text")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "pages": pages,
        "seconds": round(seconds, 3),
        "pages_per_second_per_core": round(pages / seconds, 1) if seconds else None,
        "pages_per_cpu_second": round(pages / cpu, 1) if cpu else None,
    }


def _ten_page_scan(folder: Path) -> Path:
    import pypdfium2 as pdfium

    from corpusgen import generate_sample, render_digital_pdf, render_scan_pdf

    merged = pdfium.PdfDocument.new()
    seed = 2000
    while len(merged) < 10:
        pdf = render_digital_pdf(generate_sample(seed))
        scan = pdfium.PdfDocument(render_scan_pdf(pdf, "scan", seed=seed, dpi=300))
        take = min(len(scan), 10 - len(merged))
        merged.import_pages(scan, list(range(take)))
        seed += 1
    buf = io.BytesIO()
    merged.save(buf)
    path = folder / "ten-pages-300dpi.pdf"
    path.write_bytes(buf.getvalue())
    return path


def _peak_rss(path: Path, settings: Settings, workers: int) -> dict[str, Any]:
    peaks: dict[int, int] = defaultdict(int)
    stop = threading.Event()
    with OcrPool(workers=workers) as pool:
        pids = pool.pids()

        def sample() -> None:
            while not stop.is_set():
                for pid in pids:
                    with contextlib.suppress(psutil.Error):
                        peaks[pid] = max(peaks[pid], psutil.Process(pid).memory_info().rss)
                time.sleep(0.05)

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        started = time.perf_counter()
        doc = read_document(path, settings=settings, pool=pool)
        seconds = time.perf_counter() - started
        stop.set()
        thread.join()
    return {
        "pages": len(doc.pages),
        "seconds_per_page": round(seconds / max(1, len(doc.pages)), 3),
        "peak_rss_mb_per_worker": [round(v / 1_048_576, 1) for v in peaks.values()],
        "parent_rss_mb": round(psutil.Process().memory_info().rss / 1_048_576, 1),
    }


def _per_kind(files: Iterable[OcrFile], limit: int | None) -> list[OcrFile]:
    if not limit:
        return list(files)
    out: list[OcrFile] = []
    seen: dict[str, int] = defaultdict(int)
    for f in files:
        if seen[f.group] < limit:
            seen[f.group] += 1
            out.append(f)
    return out


def run(corpus_dir: Path, out_dir: Path, *, workers: int, limit: int | None = None) -> dict:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    out_dir.mkdir(parents=True, exist_ok=True)
    if (corpus_dir / "manifest.json").exists():
        files, source = load_corpus(corpus_dir), str(corpus_dir)
    else:
        files, source = generate_corpus(out_dir / "corpus", n=limit or 3), "generated"
    files = [f for f in files if f.path.exists()]
    ocr_files = _per_kind([f for f in files if f.group != "digital"], limit)
    digital = _per_kind([f for f in files if f.group == "digital"], limit)
    settings = Settings()
    paths = [f.path for f in ocr_files]
    figures: dict[str, Any] = {"corpus": source, "workers": workers, "ocr_files": len(paths)}

    results, wall, cpu = _read_all(paths, settings, workers)
    pages = _ocr_pages(results)
    per_page = wall / max(1, pages)
    cpu_per_page = cpu / max(1, pages)
    figures["pipeline"] = {
        "engine": settings.ocr_engine,
        "pages": pages,
        "seconds_per_page_all_cores": round(per_page, 3),
        "cpu_seconds_per_page": round(cpu_per_page, 3),
        "mean_page_seconds": round(
            sum(p.seconds for d in results.values() if isinstance(d, Document) for p in d.pages)
            / max(1, pages),
            3,
        ),
        "rotated_pages": sum(
            1 for d in results.values() if isinstance(d, Document) for p in d.pages if p.rotation
        ),
        "accuracy": _score(ocr_files, results),
    }

    with tempfile.TemporaryDirectory(dir=out_dir) as tmp:
        images = _save_page_images(ocr_files, settings, Path(tmp))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cli_wall, cli_texts = _cli(images, workers)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cli_per_page = cli_wall / max(1, len(images))
    cli_cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) / max(
        1, len(images)
    )
    figures["tesseract_cli"] = {
        "pages": len(images),
        "seconds_per_page_all_cores": round(cli_per_page, 3),
        "cpu_seconds_per_page": round(cli_cpu, 3),
    }
    figures["ratio_pipeline_to_cli"] = round(per_page / cli_per_page, 3) if cli_per_page else None
    figures["cpu_ratio_pipeline_to_cli"] = round(cpu_per_page / cli_cpu, 3) if cli_cpu else None
    cli_edits = cli_chars = 0
    by_name = {f.path.stem: f for f in ocr_files}
    for path, text in cli_texts.items():
        stem, _, number = path.stem.rpartition("-")
        f = by_name.get(stem)
        if f and int(number) <= len(f.page_texts):
            e, n = cer(text, f.page_texts[int(number) - 1])
            cli_edits, cli_chars = cli_edits + e, cli_chars + n
    figures["tesseract_cli"]["cer"] = round(cli_edits / max(1, cli_chars), 4)

    variants = {
        "engine_pytesseract": Settings(ocr_engine="pytesseract"),
        "engine_tesserocr": Settings(ocr_engine="tesserocr"),
        "no_deskew": Settings(ocr_deskew=False),
        "no_flat_field": Settings(ocr_flat_field=False),
    }
    default_engine = (
        available_engines()[0] if settings.ocr_engine == "auto" else settings.ocr_engine
    )
    figures["pipeline"]["engine"] = default_engine
    for name, variant in variants.items():
        if variant.ocr_engine == default_engine:
            continue
        # the comparisons need a few files per kind, not the whole corpus again
        chosen = _per_kind(ocr_files, min(limit or VARIANT_FILES, VARIANT_FILES))
        if name == "no_deskew":
            chosen = [f for f in chosen if f.group in ("hard", "scan")]
        elif name == "no_flat_field":
            chosen = [f for f in chosen if f.group in ("photo", "image")]
        res, w, c = _read_all([f.path for f in chosen], variant, workers)
        n = _ocr_pages(res)
        figures[name] = {
            "pages": n,
            "seconds_per_page_all_cores": round(w / max(1, n), 3),
            "cpu_seconds_per_page": round(c / max(1, n), 3),
            "accuracy": _score(chosen, res),
            "default_pipeline_on_same_files": _score(chosen, results),
        }

    figures["digital"] = _digital_speed(digital, settings)
    figures["memory"] = _peak_rss(_ten_page_scan(out_dir), settings, workers)
    (out_dir / "ocr.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return figures


if __name__ == "__main__":  # pragma: no cover - `python -m bench.ocr` for a quick look
    import sys

    root = Path(__file__).resolve().parent.parent
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    result = run(root / "corpus_samples", root / "bench" / "out" / "ocr", workers=2, limit=limit)
    print(json.dumps(result, indent=2))
