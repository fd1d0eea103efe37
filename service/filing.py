"""File one upload: extract, then file into the registry; failures are remembered.

The one path every entry point takes (the API's job worker, the backfill, the
CLI), so a file filed by any of them lands the same way: an exact duplicate is
answered from the registry without reading the file again, and a file that
cannot be read leaves a typed failure row (code and message) that the
backfill's rerun and the review pages can show.
"""

from __future__ import annotations

from models import Document, Extraction, ExtractionError, KerjasamaError, Settings
from service.registry import FileResult, Registry
from service.registry.store import sha256_of


class ExtractorCrashError(ExtractionError):
    """The extractor raised something it did not mean to (a bug): the file is
    recorded as failed and the caller goes on with the next one."""

    code = "extractor_crashed"


def file_upload(
    registry: Registry,
    data: bytes,
    name: str,
    *,
    settings: Settings | None = None,
    user: str = "system",
    source: str = "upload",
) -> FileResult:
    """Extract and file ``data``; raises the typed error after recording it."""
    from extractor.pipeline import extract_file

    sha = sha256_of(data)
    existing = registry.find_file(sha)
    if existing is not None:
        return existing
    try:
        document, extraction = extract_file(data, name=name, settings=settings)
    except KerjasamaError as exc:
        registry.record_failure(sha, name, exc.code, exc.message)
        raise
    except Exception as exc:
        error = ExtractorCrashError(f"{type(exc).__name__}: {exc}")
        registry.record_failure(sha, name, error.code, error.message)
        raise error from exc
    return file_extracted(registry, data, name, document, extraction, user=user, source=source)


def file_extracted(
    registry: Registry,
    data: bytes,
    name: str,
    document: Document,
    extraction: Extraction,
    *,
    user: str = "system",
    source: str = "upload",
) -> FileResult:
    """File an already-extracted file (the backfill extracts in worker processes)."""
    return registry.file_document(data, name, document, extraction, user=user, source=source)
