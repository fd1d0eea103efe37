"""The OCR benchmark's files and how they are scored: which corpus file is which
kind, the ground-truth text of the pages it shows, and the character error rate.

Kept apart from the timed runs (``bench.ocr_runs``) so the truth and the
score are one place that every figure of ``bench.ocr`` shares.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from models import Document

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


def per_kind(files: Iterable[OcrFile], limit: int | None) -> list[OcrFile]:
    """At most ``limit`` files of each kind, in corpus order (all when no limit)."""
    if not limit:
        return list(files)
    out: list[OcrFile] = []
    seen: dict[str, int] = defaultdict(int)
    for f in files:
        if seen[f.group] < limit:
            seen[f.group] += 1
            out.append(f)
    return out


def score(files: list[OcrFile], results: dict[str, Any]) -> dict[str, Any]:
    """CER per kind of the OCR pages in ``results`` (path -> Document or error)."""
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


def ocr_pages(results: dict[str, Any]) -> int:
    return sum(d.ocr_pages for d in results.values() if isinstance(d, Document))
