"""What the benchmark reads: one ``Sample`` per file, with its truth and kind.

Three sources share this shape: a corpus manifest (the committed
``corpus_samples/`` and the set generated on the fly) and the real-dev folder
(labels/*.json beside pdf/*.pdf, scored as kind "real").

A file that shows only some pages of an agreement (a photo or image of one
page: ``pages`` in the manifest) is scored only on what those pages show:
``visible_fields`` keeps a field when its truth value can be found in the
ground-truth text of those pages (``page_texts``), and leaves it out of the
score otherwise (neither right nor wrong). Found means: strings by
``fuzz.partial_ratio >= VISIBLE_THRESHOLD`` (90) on normalised text; each
number and scope item on its own (the truth list is cut down to the items
found); dates when one of their written forms is on the page ("27 Maret 2019",
"27-03-2019", "27/03/2019", or day, month name and year in Indonesian words);
a duration when "N (words) unit", "N unit" or "words unit" is; doc_type with
the title or page 1; party sub-fields each by their text, kind and region code
with the institution. Null truth values are always scored: what the whole
agreement lacks, one page lacks too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from num2words import num2words
from rapidfuzz import fuzz

from bench.score import FIELD_NAMES, norm, norm_number

VISIBLE_THRESHOLD = 90.0
KINDS = ("digital", "scan", "photo", "image", "real")
MONTHS_ID = (
    *("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus"),
    *("september", "oktober", "november", "desember"),
)


@dataclass
class Sample:
    """One file to read and score."""

    source: str
    """committed | generated | real"""
    doc_id: str
    path: Path
    kind: str
    family: str
    held_out: bool | None
    truth: dict[str, Any]
    pages: list[int] | None = None
    fields: list[str] = field(default_factory=lambda: list(FIELD_NAMES))

    @property
    def split(self) -> str:
        if self.held_out is None:
            return "real"
        return "held-out" if self.held_out else "tuned"


def _documents(manifest: Any) -> list[dict[str, Any]]:
    if isinstance(manifest, dict):
        docs = manifest.get("documents") or manifest.get("agreements") or []
        return list(docs)
    return list(manifest)


def load_manifest(corpus_dir: Path, source: str) -> list[Sample]:
    """Every file of every document in ``corpus_dir/manifest.json``."""
    manifest = json.loads((corpus_dir / "manifest.json").read_text(encoding="utf-8"))
    samples: list[Sample] = []
    for doc in _documents(manifest):
        truth_path = corpus_dir / doc.get("truth", f"truth/{doc['id']}.json")
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        truth.setdefault("doc_type", doc.get("doc_type"))
        for entry in doc.get("files", []):
            pages = entry.get("pages")
            sample = Sample(
                source=source,
                doc_id=str(doc["id"]),
                path=corpus_dir / entry["path"],
                kind=str(entry.get("kind", "digital")),
                family=str(doc.get("family", "")),
                held_out=bool(doc.get("held_out", False)),
                truth=truth,
                pages=[int(p) for p in pages] if pages else None,
            )
            if sample.pages:
                sample.truth, sample.fields = visible_truth(truth, sample.pages)
            samples.append(sample)
    return samples


def load_real_dev(folder: Path) -> list[Sample]:
    """labels/NAME.json scored against pdf/NAME.pdf, kind "real"."""
    samples: list[Sample] = []
    for label in sorted((folder / "labels").glob("*.json")):
        pdf = folder / "pdf" / f"{label.stem}.pdf"
        if not pdf.exists():
            continue
        truth = json.loads(label.read_text(encoding="utf-8"))
        samples.append(
            Sample(
                source="real",
                doc_id=label.stem,
                path=pdf,
                kind="real",
                family="real",
                held_out=None,
                truth=truth,
            )
        )
    return samples


def pick_quick(samples: list[Sample], per_kind: int = 2) -> list[Sample]:
    """A few files per kind, tuned and held-out families both when there are."""
    chosen: list[Sample] = []
    for kind in KINDS:
        of_kind = [s for s in samples if s.kind == kind]
        for split in ("tuned", "held-out"):
            chosen.extend([s for s in of_kind if s.split == split][: max(1, per_kind // 2)])
        rest = [s for s in of_kind if s not in chosen]
        while sum(1 for s in chosen if s.kind == kind) < per_kind and rest:
            chosen.append(rest.pop(0))
    return chosen


# --- what one page shows ---------------------------------------------------------


def _found(value: str | None, text: str) -> bool:
    needle = norm(value)
    if not needle:
        return False
    return needle in text or fuzz.partial_ratio(needle, text) >= VISIBLE_THRESHOLD


def _words(n: int) -> str:
    return norm(str(num2words(n, lang="id")))


def date_forms(value: str) -> list[str]:
    day = dt.date.fromisoformat(value[:10])
    month = MONTHS_ID[day.month - 1]
    return [
        f"{day.day} {month} {day.year}",
        f"{day.day:02d} {month} {day.year}",
        f"{day.day:02d} {day.month:02d} {day.year}",
        f"{day.day} {day.month} {day.year}",
    ]


def date_visible(value: str, text: str) -> bool:
    if any(form in text for form in date_forms(value)):
        return True
    day = dt.date.fromisoformat(value[:10])
    month = MONTHS_ID[day.month - 1]
    return all(part in text for part in (_words(day.day), month, _words(day.year)))


def duration_visible(value: dict[str, Any], text: str) -> bool:
    n, unit, words = int(value["value"]), str(value["unit"]), _words(int(value["value"]))
    return any(f in text for f in (f"{n} {words} {unit}", f"{n} {unit}", f"{words} {unit}"))


def visible_truth(truth: dict[str, Any], pages: Iterable[int]) -> tuple[dict[str, Any], list[str]]:
    """The truth cut down to what ``pages`` show, and the fields to score."""
    texts = truth.get("page_texts") or []
    shown = list(pages)
    text = " ".join(norm(texts[p - 1]) for p in shown if 0 < p <= len(texts))
    out = dict(truth)
    fields: list[str] = []

    def keep(name: str, ok: bool) -> None:
        if truth.get(name) in (None, "", []) or ok:
            fields.append(name)

    keep("title", _found(truth.get("title"), text))
    keep("signing_place", _found(truth.get("signing_place"), text))
    keep("purpose", _found(truth.get("purpose"), text))
    keep("parent_agreement", _found(truth.get("parent_agreement"), text))
    dated = {
        name: bool(truth.get(name)) and date_visible(str(truth.get(name)), text)
        for name in ("signing_date", "start_date", "end_date")
    }
    dated["duration"] = bool(truth.get("duration")) and duration_visible(truth["duration"], text)
    if truth.get("start_date") == truth.get("signing_date"):
        # the same date on the opening page says nothing about the term clause
        dated["start_date"] = dated["start_date"] and (dated["end_date"] or dated["duration"])
    for name, ok in dated.items():
        keep(name, ok)
    if 1 in shown or ("title" in fields and truth.get("title")):
        fields.append("doc_type")

    compact = text.replace(" ", "")
    numbers = [
        n for n in truth.get("numbers") or [] if norm(norm_number(n)).replace(" ", "") in compact
    ]
    if numbers or not truth.get("numbers"):
        out["numbers"] = numbers
        fields.append("numbers")
    scope = [item for item in truth.get("scope") or [] if _found(item, text)]
    if scope or not truth.get("scope"):
        out["scope"] = scope
        fields.append("scope")

    parties = []
    for party in truth.get("parties") or []:
        seen = {k: v for k, v in party.items() if k not in ("kind", "region_code", "region_name")}
        for key in ("institution", "signatory", "title"):
            if party.get(key) and not _found(party[key], text):
                seen[key] = None
        if seen.get("institution"):
            for key in ("kind", "region_code"):
                if key in party:
                    seen[key] = party[key]
        if any(seen.get(k) for k in ("institution", "signatory", "title")):
            parties.append(seen)
    if parties or not truth.get("parties"):
        out["parties"] = parties
        fields.append("parties")
    return out, [name for name in FIELD_NAMES if name in fields]
