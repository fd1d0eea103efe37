"""Imported once by the backfill's forkserver so every worker starts warm.

The extractor builds its heavy parts lazily (spaCy's Indonesian tokenizer, the
region tables, compiled patterns): seconds per process. Doing it once here,
before the forkserver forks its workers, lets each worker (and each
replacement after ``TASKS_PER_WORKER`` files) start in milliseconds.
Never raises: a failure here only means workers warm up themselves.
"""

from __future__ import annotations


def warm() -> None:
    try:
        from extractor.pipeline import extract_document
        from models import Document, Line, Page

        text = (
            "PERJANJIAN KERJA SAMA\nANTARA\nPEMERINTAH PROVINSI JAWA TIMUR\nDAN\n"
            "PEMERINTAH KABUPATEN SIDOARJO\nTENTANG\nPARIWISATA\nNOMOR: 1/2/KS/2020\n"
            "Pada hari ini Senin tanggal dua puluh tujuh bulan Maret tahun dua ribu dua puluh "
            "bertempat di Surabaya. Perjanjian ini berlaku selama 2 (dua) tahun."
        )
        page = Page(
            number=1,
            width=595,
            height=842,
            method="text",
            lines=[Line(text=line) for line in text.splitlines()],
        )
        extract_document(
            Document(file="warm.pdf", sha256="0" * 64, mime="application/pdf", size=1, pages=[page])
        )
    except Exception:  # warming is an optimisation only
        pass


warm()
