"""All configuration, in one place: ``KERJASAMA_*`` environment variables.

Defaults are the embedded deployment (SQLite registry and queue under
``./data``); nothing needs to be set to run on one machine.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KERJASAMA_", env_file=None)

    data_dir: Path = Path("data")
    """Registry database, original files and the embedded job queue live here."""

    db_path: Path | None = None
    """Defaults to ``data_dir / 'registry.db'``."""

    queue_backend: Literal["auto", "sqlite", "redis"] = "auto"
    """Where jobs wait and leases live: ``sqlite`` (the job rows in the registry
    database), ``redis`` (a Redis stream, for workers on many machines); ``auto``
    is Redis exactly when ``queue_url`` is set."""
    queue_url: str | None = None
    """``redis://[:password@]host:6379/0``: the Redis of the ``redis`` backend."""

    host: str = "127.0.0.1"
    port: int = 8000

    # Limits on input (bad input gets a typed error, never a hang).
    max_file_bytes: int = 100 * 1024 * 1024
    max_pages: int = 200
    max_image_pixels: int = 120_000_000
    ocr_page_timeout: float = 120.0
    max_request_bytes: int | None = None
    """Largest request body, counted as it arrives; unset = max_file_bytes x files per
    upload + 1 MiB of form overhead."""
    page_image_max_pixels: int = 16_000_000
    """A review page image larger than this (at the asked dpi) is drawn at a lower dpi;
    checked from the page size before rendering (an A4 page at 300 dpi is 8.7 Mpx)."""
    page_image_dpi_min: int = 36
    page_image_dpi_max: int = 300
    """The dpi a caller may ask a review page image at; outside answers 422."""

    # OCR
    text_layer_engine: Literal["pdfium", "pdfplumber"] = "pdfium"
    """Reader of digital text layers. Both give the same words and boxes;
    pdfium (C) measured about 10x faster than pdfplumber (pure Python) here, so
    it is the default; pdfplumber stays as the reference reader."""

    ocr_engine: Literal["auto", "tesserocr", "pytesseract"] = "auto"
    """``auto`` is tesserocr where installed, else pytesseract."""
    ocr_languages: str = "ind"
    ocr_dpi: int = 300
    ocr_flat_field: bool = True
    """Background normalisation of grey photos before OCR (off only to measure its worth)."""
    ocr_deskew: bool = True
    """Projection-profile deskew before OCR (off only to measure its worth)."""
    workers: int = 0
    """Processes for OCR and backfill; 0 = one per core."""
    calibrated_confidence: bool = True
    """Field confidences from the fitted calibration model (extractor/calibrate.py); off
    only to measure its worth (the rules' own confidences are then reported)."""

    tessdata_dir: Path = Path("/usr/share/tesseract-ocr/5/tessdata")
    """Tesseract's language data (Debian's tesseract-ocr 5 path); read only from here."""
    page_image_dpi: int = 100
    """Resolution of the page images the review pages show beside the fields."""

    # Service
    timezone: str = "Asia/Jakarta"
    """Zone in which people read dates and times (WIB unless a WITA/WIT deployment sets it)."""
    require_auth: bool = True
    bootstrap_admin_key: str | None = None
    session_secret: str | None = None
    """Signs the review pages' session cookie; unset, a random one is kept in service.db."""
    session_hours: float = 10.0
    """A signed-in reviewer is asked to sign in again after this long."""
    embedded_worker: bool = True
    """``kerjasama serve`` also runs a job worker; false when workers run elsewhere (Redis)."""
    job_lease_seconds: float = 60.0
    """A worker renews its lease on a job every quarter of this; a lease not renewed
    for this long lapses and another worker takes the job over."""
    job_max_attempts: int = 3
    """Leases a job may lapse before it fails as ``worker_lost``."""
    job_poll_seconds: float = 0.5
    """How long an idle worker waits for a job before it looks again."""
    max_upload_files: int = 50
    """Files in one upload request (API and review pages)."""

    # Monev daily digest by e-mail: off unless an SMTP host is set.
    digest_smtp_host: str | None = None
    """``smtp.example.go.id``; unset = the digest is only printed / served, never mailed."""
    digest_smtp_port: int = 25
    digest_from: str = "monev@localhost"

    @property
    def database(self) -> Path:
        return self.db_path or self.data_dir / "registry.db"

    @property
    def files_dir(self) -> Path:
        return self.data_dir / "files"

    def request_limit(self) -> int:
        if self.max_request_bytes is not None:
            return self.max_request_bytes
        return self.max_file_bytes * self.max_upload_files + 1024 * 1024

    @property
    def page_cache_dir(self) -> Path:
        """Rendered review page images, by file sha256, page and dpi (safe to delete)."""
        return self.data_dir / "page-images"

    @property
    def spool_dir(self) -> Path:
        """Uploaded bytes and results waiting between intake, worker and writer (SQLite queue)."""
        return self.data_dir / "jobs"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
