"""Builders shared by the registry, dedup and backfill tests (no tests here).

Documents and extractions are built directly so that the registry is tested on
its own; the backfill tests run the real extractor over real PDFs.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from models import Document, Duration, Evidence, Extraction, Line, Page, Party


def agreement_text(
    *,
    number: str,
    title: str,
    first: str,
    second: str,
    signed: dt.date,
    scope: list[str],
    parent: str | None = None,
    kind: str = "PERJANJIAN KERJA SAMA",
) -> list[str]:
    """Page texts of an agreement in the usual shape (title block, parties, articles)."""
    opening = (
        f"{kind}\nANTARA\n{first.upper()}\nDAN\n{second.upper()}\nTENTANG\n{title.upper()}\n"
        f"NOMOR: {number}\n"
        f"Pada hari ini tanggal {signed.day} bulan {signed.month} tahun {signed.year} "
        f"bertempat di Surabaya, kami yang bertanda tangan di bawah ini:\n"
        f"1. Kepala {first}, selanjutnya disebut PIHAK PERTAMA.\n"
        f"2. Kepala {second}, selanjutnya disebut PIHAK KEDUA.\n"
    )
    if parent:
        opening += f"Berdasarkan Kesepakatan Bersama Nomor {parent}.\n"
    articles = "Pasal 2 Ruang Lingkup\n" + "\n".join(
        f"{i}. {item};" for i, item in enumerate(scope, 1)
    )
    closing = (
        "Pasal 5 Jangka Waktu\nPerjanjian ini berlaku selama 2 (dua) tahun sejak ditandatangani.\n"
        "Pasal 9 Penutup\nDibuat dalam rangkap dua bermeterai cukup."
    )
    return [opening, articles + "\n" + closing]


def make_document(
    pages: list[str], *, name: str = "a.pdf", method: str = "text"
) -> tuple[bytes, Document]:
    data = ("\f".join(pages) + name).encode()
    sha = hashlib.sha256(data).hexdigest()
    document = Document(
        file=name,
        sha256=sha,
        mime="application/pdf",
        size=len(data),
        pages=[
            Page(
                number=i,
                width=595,
                height=842,
                method=method,  # type: ignore[arg-type]
                lines=[Line(text=line) for line in text.splitlines()],
            )
            for i, text in enumerate(pages, 1)
        ],
    )
    return data, document


def make_extraction(
    document: Document,
    *,
    doc_type: str = "PKS",
    title: str = "Pengembangan Pariwisata",
    number: str = "119/123/KDN/2019",
    parties: tuple[tuple[str, str | None], ...] = (
        ("Pemerintah Provinsi Jawa Timur", "35"),
        ("Pemerintah Kabupaten Sidoarjo", "35.15"),
    ),
    signed: dt.date | None = dt.date(2019, 3, 27),
    scope: list[str] | None = None,
    parent: str | None = None,
    confidence: float = 0.9,
    version: str = "0.1.0",
    duration: Duration | None = None,
) -> Extraction:
    values = {
        "doc_type": doc_type,
        "title": title,
        "numbers": [number],
        "parties": [
            Party(role=f"PIHAK {i}", institution=name, region_code=code)
            for i, (name, code) in enumerate(parties, 1)
        ],
        "signing_date": signed,
        "scope": scope or ["pariwisata"],
        "parent_agreement": parent,
        "duration": duration,
    }
    return Extraction(
        file=document.file,
        sha256=document.sha256,
        pages=len(document.pages),
        ocr_pages=document.ocr_pages,
        **values,  # type: ignore[arg-type]
        confidence={name: confidence for name in values},
        evidence={"title": [Evidence(page=1, text=title, rule="test")]},
        extractor_version=version,
    )
