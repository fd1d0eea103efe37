"""Shared pieces for the service tests: a real server, real PDFs, real records.

No tests here; the ``test_api*``, ``test_jobs*``, ``test_auth*`` and
``test_web*`` files import it. The server is the real app under uvicorn on a
free loopback port, in a thread of the test process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from models import Document, Extraction, Line, Page, Party, Settings
from service.auth import KeyStore, Role

AGREEMENT_LINES = [
    "NOTA KESEPAHAMAN",
    "ANTARA",
    "PEMERINTAH KABUPATEN SIDOARJO",
    "DAN",
    "PEMERINTAH KOTA SURABAYA",
    "TENTANG",
    "KERJA SAMA PENGELOLAAN SAMPAH REGIONAL",
    "NOMOR: 119/123/404.1.1.3/2019",
    "NOMOR: 415.4/77/436.1.2/2019",
    "Pada hari ini Rabu tanggal dua puluh tujuh bulan Maret tahun dua ribu sembilan belas,",
    "bertempat di Sidoarjo, kami yang bertanda tangan di bawah ini:",
    "1. SAIFUL ILAH, Bupati Sidoarjo, selanjutnya disebut PIHAK PERTAMA.",
    "2. TRI RISMAHARINI, Wali Kota Surabaya, selanjutnya disebut PIHAK KEDUA.",
    "Pasal 1 MAKSUD DAN TUJUAN",
    "Maksud Nota Kesepahaman ini adalah sebagai pedoman kerja sama pengelolaan sampah.",
    "Pasal 2 RUANG LINGKUP",
    "Ruang lingkup meliputi pengangkutan sampah dan pengolahan sampah terpadu.",
    "Pasal 3 JANGKA WAKTU",
    "Nota Kesepahaman ini berlaku untuk jangka waktu 5 (lima) tahun sejak ditandatangani.",
]


def agreement_pdf(extra: str = "", pages: int = 1, *, split_at: int | None = None) -> bytes:
    """A small digital agreement made with reportlab; ``extra`` makes the bytes unique.

    ``split_at`` puts the agreement's lines from that index on page 2 (evidence on two pages).
    """
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    chunks = [AGREEMENT_LINES[:split_at], AGREEMENT_LINES[split_at:]] if split_at else None
    for number in range(1, (len(chunks) if chunks else pages) + 1):
        y = 800.0
        if chunks:
            lines = chunks[number - 1]
        else:
            lines = AGREEMENT_LINES if number == 1 else [f"Halaman {number} {extra}"]
        for line in lines:
            canvas.setFont("Helvetica", 11)
            canvas.drawString(60, y, line)
            y -= 18
        if extra:
            canvas.drawString(60, y - 10, extra)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": tmp_path / "data",
        "embedded_worker": False,
        "workers": 1,
        "job_lease_seconds": 20.0,
    }
    values.update(overrides)
    return Settings(**values)


def add_key(settings: Settings, role: str, region: str | None = None) -> str:
    return KeyStore.for_settings(settings).create(Role[role], region=region, label=role).key


@contextmanager
def running_server(settings: Settings) -> Iterator[str]:
    """The real app under uvicorn on a free loopback port; yields its base URL."""
    from service.api.app import create_app

    port = free_port()
    config = uvicorn.Config(
        create_app(settings),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="on",
        server_header=False,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def client(base: str, key: str | None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return httpx.Client(base_url=base, headers=headers, timeout=60)


def wait_job(http: httpx.Client, job_id: str, timeout: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        job: dict[str, Any] = http.get(f"/api/v1/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        if time.monotonic() > deadline:
            raise AssertionError(f"job {job_id} still {job['status']} after {timeout} s")
        time.sleep(0.2)


def record(
    title: str,
    region_codes: list[str],
    *,
    signing: dt.date = dt.date(2019, 3, 27),
    confidence: float = 0.9,
    number: str = "1/2/3/2019",
) -> tuple[bytes, Document, Extraction]:
    """A filed-looking record for the registry: a real PDF and its extraction.

    Used where a test needs agreements with known regions and values without
    depending on the rules' accuracy (region scope, export, paging).
    """
    data = agreement_pdf(extra=f"{title} {number} {region_codes}")
    sha = hashlib.sha256(data).hexdigest()
    document = Document(
        file=f"{title}.pdf",
        sha256=sha,
        mime="application/pdf",
        size=len(data),
        pages=[Page(number=1, width=595, height=842, method="text", lines=[Line(text=title)])],
    )
    extraction = Extraction(
        file=f"{title}.pdf",
        sha256=sha,
        pages=1,
        ocr_pages=0,
        doc_type="PKS",
        title=title,
        numbers=[number],
        parties=[
            Party(role="PIHAK PERTAMA", institution=f"Pemerintah {code}", region_code=code)
            for code in region_codes
        ],
        signing_date=signing,
        signing_place="Jakarta",
        confidence={"title": confidence, "signing_date": confidence, "numbers": confidence},
    )
    return data, document, extraction


def file_misread(settings: Settings) -> int:
    """An agreement whose number OCR misread ("415.4/8B/2020", also in its page text) and
    whose page text alone says "pembangunan bendungan Cikareo"; its id."""
    data, document, extraction = record("Kerja sama irigasi", ["32.02"], number="415.4/8B/2020")
    document.pages[0].lines.extend(
        [Line(text="Nomor 415.4/8B/2020"), Line(text="pembangunan bendungan Cikareo")]
    )
    return file_records(settings, [(data, document, extraction)])[0]


def file_records(
    settings: Settings, records: list[tuple[bytes, Document, Extraction]]
) -> list[int]:
    from service.registry import Registry

    registry = Registry.open(settings)
    try:
        return [
            registry.file_document(data, doc.file, doc, ext, user="test").agreement_id
            for data, doc, ext in records
        ]
    finally:
        registry.close()


def scanned_pdf(pages: int = 2, dpi: int = 200) -> bytes:
    """An image-only PDF (a 'scan'): every page needs OCR, so a job takes seconds."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 11 * dpi // 72)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    width, height = A4
    for number in range(1, pages + 1):
        image = Image.new("L", (int(width * dpi / 72), int(height * dpi / 72)), 255)
        draw = ImageDraw.Draw(image)
        y = 60 * dpi // 72
        for line in [*AGREEMENT_LINES, f"Halaman {number}"]:
            draw.text((60 * dpi // 72, y), line, fill=0, font=font)
            y += 18 * dpi // 72
        canvas.drawImage(ImageReader(image), 0, 0, width=width, height=height)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def web_login(browser: httpx.Client, key: str | None = None, **account: str) -> httpx.Response:
    """Sign in to the review pages as a browser does: the form first (its token), then post."""
    import re

    form = browser.get("/review/login").text
    match = re.search(r'name="csrf" value="([0-9a-f]+)"', form)
    assert match, "the login form has no token"
    data = {"csrf": match.group(1), **({"key": key} if key else account)}
    return browser.post("/review/login", data=data)


def add_user(settings: Settings, name: str, role: str, region: str | None = None) -> str:
    """A person's account; returns the password."""
    from service.users import UserStore

    password = f"sandi-{name}-rahasia"
    UserStore.for_settings(settings).create(name, password, Role[role], region=region)
    return password
