"""The backfill's report: one CSV row per file, the counters, the progress bar."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from service.indonesian import OUTCOME_LABELS, format_number

LOW_CONFIDENCE = 0.7
"""A filed agreement with any field below this confidence is counted as needing review."""


REPORT_COLUMNS = (
    "berkas",
    "sha256",
    "hasil",
    "kode_hasil",
    "no_registri",
    "duplikat_dari",
    "skor_kemiripan",
    "halaman",
    "halaman_ocr",
    "keyakinan_terendah",
    "perlu_ditinjau",
    "kode_galat",
    "pesan",
    "detik",
)
"""The report's header, read by the records staff in a spreadsheet: Indonesian
words, with the outcome and error codes kept beside the words as stable
identifiers (as the API keeps its codes) for whoever filters the file."""

OUTCOME_WORDS = {
    **OUTCOME_LABELS,
    "failed": "gagal",
    "skipped_failed": "dilewati (gagal sebelumnya)",
    "would_file": "akan dicatat (uji coba)",
}


BACKFILL_LABELS = {
    "filed": "diarsipkan",
    "duplicate_candidates": "calon duplikat",
    "exact_duplicates": "berkas yang sama persis",
    "already_filed": "sudah ada di registri",
    "needs_review": "perlu ditinjau",
    "failed": "gagal",
    "skipped_failed": "dilewati (gagal sebelumnya)",
    "would_file": "akan diarsipkan (uji coba)",
    "pages": "halaman",
    "ocr_pages": "halaman dibaca dengan OCR",
}
"""The summary's counters as the person running the backfill reads them."""


@dataclass
class Row:
    """One line of the report: what happened to one file."""

    path: str
    sha256: str
    outcome: str
    agreement_id: int | None = None
    duplicate_of: int | None = None
    score: float | None = None
    pages: int = 0
    ocr_pages: int = 0
    min_confidence: float | None = None
    needs_review: bool = False
    error_code: str = ""
    message: str = ""
    seconds: float = 0.0

    def as_csv(self) -> list[Any]:
        """One value per ``REPORT_COLUMNS`` entry, in that order."""
        return [
            self.path,
            self.sha256,
            OUTCOME_WORDS.get(self.outcome, self.outcome),
            self.outcome,
            "" if self.agreement_id is None else self.agreement_id,
            "" if self.duplicate_of is None else self.duplicate_of,
            "" if self.score is None else format_number(float(self.score)),
            self.pages,
            self.ocr_pages,
            "" if self.min_confidence is None else format_number(float(self.min_confidence)),
            "ya" if self.needs_review else "tidak",
            self.error_code,
            self.message,
            format_number(float(self.seconds)),
        ]


@dataclass
class Summary:
    """Counts of one run and the reasons of its failures."""

    outcomes: Counter[str] = field(default_factory=Counter)
    needs_review: int = 0
    pages: int = 0
    ocr_pages: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    report: Path | None = None

    def add(self, row: Row) -> None:
        self.outcomes[row.outcome] += 1
        self.needs_review += int(row.needs_review)
        self.pages += row.pages
        self.ocr_pages += row.ocr_pages
        if row.outcome == "failed":
            self.failures[f"{row.error_code}: {row.message[:120]}"] += 1

    @property
    def filed(self) -> int:
        return self.outcomes["filed"] + self.outcomes["duplicate_candidate"]

    def as_dict(self) -> dict[str, Any]:
        return {
            "filed": self.filed,
            "duplicate_candidates": self.outcomes["duplicate_candidate"],
            "exact_duplicates": self.outcomes["exact_duplicate"],
            "already_filed": self.outcomes["already_filed"],
            "failed": self.outcomes["failed"],
            "skipped_failed": self.outcomes["skipped_failed"],
            "would_file": self.outcomes["would_file"],
            "needs_review": self.needs_review,
            "pages": self.pages,
            "ocr_pages": self.ocr_pages,
            "seconds": round(self.seconds, 2),
            "failures": dict(self.failures),
        }


class Progress(Protocol):
    """What the run reports while it goes (the CLI draws a rich progress bar)."""

    def start(self, total: int) -> None: ...

    def advance(self, row: Row) -> None: ...

    def stop(self) -> None: ...


class RichProgress:
    """Berkas selesai dari semuanya, halaman terbaca, dokumen per jam dan sisa waktu."""

    def __init__(self) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as Bar

        self._bar = Bar(
            TextColumn("[bold]pengisian arsip"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[pages]} halaman"),
            TextColumn("{task.fields[rate]} dok/jam"),
            TextColumn("{task.fields[failed]} gagal"),
            TimeElapsedColumn(),
            TextColumn("sisa"),
            TimeRemainingColumn(),
        )
        self._task = self._bar.add_task("berkas", total=0, pages=0, rate="-", failed=0)
        self._started = time.monotonic()
        self._pages = 0
        self._done = 0
        self._failed = 0

    def start(self, total: int) -> None:
        self._bar.update(self._task, total=total)
        self._bar.start()
        self._started = time.monotonic()

    def advance(self, row: Row) -> None:
        self._done += 1
        self._pages += row.pages
        self._failed += row.outcome == "failed"
        hours = max(time.monotonic() - self._started, 1e-6) / 3600
        self._bar.update(
            self._task,
            advance=1,
            pages=self._pages,
            rate=format_number(round(self._done / hours)),
            failed=self._failed,
        )

    def stop(self) -> None:
        self._bar.stop()
